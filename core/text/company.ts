import { foldCase, skeletonWords } from './fold';

/**
 * Legal-form words removed before companies are compared ("ООО «Ромашка»" = "Romashka LLC").
 * Matched as whole words after folding; multi-word forms first.
 */
const LEGAL_FORMS_LONG = [
	'общество с ограниченной ответственностью',
	'закрытое акционерное общество',
	'открытое акционерное общество',
	'публичное акционерное общество',
	'непубличное акционерное общество',
	'акционерное общество',
	'индивидуальный предприниматель',
	'limited liability company',
	'public limited company',
];
const LEGAL_FORMS = new Set([
	'ооо', 'оао', 'зао', 'пао', 'нао', 'ао', 'ип', 'чп', 'нко', 'ано', 'гк', 'тоо', 'оду', 'фгуп', 'гуп', 'муп',
	'ooo', 'oao', 'zao', 'pao', 'ao', 'ip', 'llc', 'l.l.c', 'ltd', 'limited', 'inc', 'incorporated', 'corp',
	'corporation', 'co', 'company', 'gmbh', 'ag', 'plc', 'llp', 'lp', 'sa', 'srl', 'bv', 'oy', 'ab',
]);

/** Company key: folded, legal forms and quotes removed, transliterated to a skeleton; undefined if empty. */
export function normalizeCompany(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return undefined;
	let text = foldCase(raw).replace(/[«»"'“”„‘’`]/g, ' ');
	for (const form of LEGAL_FORMS_LONG) text = text.split(form).join(' ');
	const kept = text
		.split(/[\s,.()]+/)
		.filter((w) => w && !LEGAL_FORMS.has(w))
		.join(' ');
	const key = skeletonWords(kept).join(' ');
	return key || undefined;
}
