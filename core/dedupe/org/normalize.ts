import { foldCase, skeletonWords } from '../../text/fold';

/**
 * Normalisers of organisation fields: legal names (legal forms in Russian and English, quotes,
 * transliteration, branches, sole traders), web domains (free-mail providers are no company key),
 * addresses (street-type abbreviations, house and office numbers) and phones.
 */

/** Legal forms, full forms first; value = canonical code. Matched on folded text, whole words. */
const LONG_FORMS: Array<[string, string]> = [
	['общество с ограниченной ответственностью', 'ooo'],
	['закрытое акционерное общество', 'ao'],
	['открытое акционерное общество', 'ao'],
	['публичное акционерное общество', 'ao'],
	['непубличное акционерное общество', 'ao'],
	['акционерное общество', 'ao'],
	['индивидуальный предприниматель', 'ip'],
	['limited liability company', 'ooo'],
	['limited liability partnership', 'llp'],
	['public limited company', 'ao'],
	['public joint stock company', 'ao'],
	['closed joint stock company', 'ao'],
	['open joint stock company', 'ao'],
	['joint stock company', 'ao'],
	['sole proprietor', 'ip'],
	['individual entrepreneur', 'ip'],
];
const SHORT_FORMS: Readonly<Record<string, string>> = {
	ооо: 'ooo', ooo: 'ooo', llc: 'ooo', 'l.l.c': 'ooo', 'l.l.c.': 'ooo', ltd: 'ooo', limited: 'ooo', gmbh: 'ooo',
	оао: 'ao', зао: 'ao', пао: 'ao', нао: 'ao', ао: 'ao', oao: 'ao', zao: 'ao', pao: 'ao', ao: 'ao', jsc: 'ao',
	pjsc: 'ao', cjsc: 'ao', ojsc: 'ao', plc: 'ao', inc: 'ao', incorporated: 'ao', corp: 'ao', corporation: 'ao', ag: 'ao', sa: 'ao',
	ип: 'ip', ip: 'ip', пбоюл: 'ip',
	co: 'co', company: 'co', llp: 'llp', lp: 'llp', тоо: 'ooo', нко: 'nko', ано: 'nko', фгуп: 'gup', гуп: 'gup', муп: 'gup',
};
/** Words that say "a branch of" (филиал, branch): the entity is the same, the record is a branch. */
const BRANCH_WORDS = new Set(['филиал', 'филиала', 'обособленное', 'подразделение', 'представительство', 'branch', 'office']);
const STOP_WORDS = new Set(['the', 'and', 'и', '&']);

export interface LegalName {
	/** Canonical legal form ('ooo', 'ao', 'ip', ...) when one was written. */
	form?: string;
	/** Name words without forms, quotes and branch notes, each folded to its phonetic skeleton. */
	words: string[];
	/** The words joined without spaces ("СтройМонтаж" = "Stroy Montazh"). */
	joined: string;
	/** A branch note was written ("(филиал в г. Казань)", "Kazan branch"). */
	branch: boolean;
}

/** Normalised legal name, or undefined when nothing but forms and punctuation is left. */
export function normalizeLegalName(raw: string): LegalName | undefined {
	// Possessives are one word ("Bartell's" = "Bartells'" = "Bartell"), other quotes separate words.
	let text = ` ${foldCase(raw)
		.replace(/(\p{L})['’`]s\b/gu, '$1')
		.replace(/(\p{L})s['’`](?=\s|$)/gu, '$1')
		.replace(/(\p{L})['’`](?=\s|$)/gu, '$1')
		.replace(/[«»"'“”„‘’`]/g, ' ')} `;
	let branch = false;
	// Parenthesised notes: a branch note is dropped and remembered; other notes keep their words.
	text = text.replace(/\(([^)]*)\)/g, (_, inner: string) => {
		if (inner.split(/[\s,.]+/).some((w) => BRANCH_WORDS.has(w))) {
			branch = true;
			return ' ';
		}
		return ` ${inner} `;
	});
	let form: string | undefined;
	// Every full form has one of these words: most names have none, and skip the list.
	const mayHaveLongForm = /обществ|предпринимат|compan|partnership|proprietor|entrepreneur/.test(text);
	for (const [long, code] of mayHaveLongForm ? LONG_FORMS : []) {
		if (text.includes(long)) {
			form ??= code;
			text = text.split(long).join(' ');
		}
	}
	const kept: string[] = [];
	const tokens = text.split(/[\s,()]+/).filter(Boolean);
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		const bare = t.replace(/\.+$/, '');
		const code = SHORT_FORMS[t] ?? SHORT_FORMS[bare];
		if (code) {
			form ??= code;
			continue;
		}
		if (BRANCH_WORDS.has(bare)) {
			// "филиал в г. Казань", "Kazan branch": the note ends the name.
			branch = true;
			break;
		}
		if (STOP_WORDS.has(bare)) continue;
		kept.push(t);
	}
	const words = skeletonWords(kept.join(' '));
	if (!words.length) return undefined;
	return { form, words, joined: words.join(''), branch };
}

/** Sole trader's person name from the legal-name words: surname first (Russian order), then initials. */
export function traderName(name: LegalName): { last: string; initials: string } | undefined {
	if (!name.words.length) return undefined;
	return {
		last: name.words[0],
		initials: name.words
			.slice(1)
			.map((w) => w[0])
			.join(''),
	};
}

/** Free-mail and public providers: a mailbox there says nothing about the company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
	'gmail.com', 'googlemail.com', 'yandex.ru', 'ya.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua', 'narod.ru',
	'mail.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'internet.ru', 'rambler.ru', 'lenta.ru', 'ro.ru', 'autorambler.ru',
	'myrambler.ru', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com', 'icloud.com',
	'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'pm.me', 'aol.com', 'gmx.de', 'gmx.com', 'gmx.net',
	'web.de', 'ukr.net', 'qq.com', '163.com', '126.com', 'mail.com', 'zoho.com', 'tut.by', 'fastmail.com', 'hey.com',
]);

/** Web domain of a website or URL ("https://www.x.ru/about" → "x.ru"), undefined when none. */
export function websiteDomain(raw: string): string | undefined {
	const t = raw.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '');
	const host = t.split(/[/?#:]/)[0];
	return /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/.test(host) ? host : undefined;
}

/** Company domain of an e-mail address or a website: undefined for free mail and unusable values. */
export function companyDomain(domain: string | undefined): string | undefined {
	if (!domain) return undefined;
	const d = domain.replace(/^www\./, '');
	return FREE_MAIL_DOMAINS.has(d) ? undefined : d;
}

/** Street-type words (Russian and English, full and abbreviated) → one canonical token. */
const STREET_TYPES: Readonly<Record<string, string>> = {
	ул: 'ul', улица: 'ul', ulitsa: 'ul', ul: 'ul', st: 'ul', str: 'ul', street: 'ul',
	пр: 'pr', 'пр-т': 'pr', прт: 'pr', просп: 'pr', проспект: 'pr', prospekt: 'pr', pr: 'pr', ave: 'pr', av: 'pr', avenue: 'pr',
	наб: 'nab', набережная: 'nab', nab: 'nab', emb: 'nab', embankment: 'nab',
	пер: 'per', переулок: 'per', per: 'per', ln: 'per', lane: 'per',
	ш: 'sh', шоссе: 'sh', sh: 'sh', hwy: 'sh', highway: 'sh',
	пл: 'pl', площадь: 'pl', pl: 'pl', sq: 'pl', square: 'pl',
	б: 'bul', бул: 'bul', бульвар: 'bul', blvd: 'bul', blv: 'bul', boulevard: 'bul',
	rd: 'rd', road: 'rd', dr: 'dr', drive: 'dr', pkwy: 'pw', parkway: 'pw', ct: 'ct', court: 'ct', way: 'way',
	'пр-д': 'prd', проезд: 'prd', туп: 'tup', тупик: 'tup',
};
/** Words before a house number (д., дом) or before the city (г., город): dropped. */
const HOUSE_WORDS = new Set(['д', 'дом', 'house', 'no', 'г', 'город', 'city', 'гор']);
/** Words before an office / suite / room number: the next number is the office. */
const OFFICE_WORDS = new Set(['офис', 'оф', 'помещение', 'пом', 'кв', 'комн', 'комната', 'office', 'suite', 'ste', 'room', 'rm', 'unit', 'apt', 'fl', 'floor', 'этаж', '#']);
/** Words before a building number (стр. 1, корп. 2): part of the house. */
const BUILDING_WORDS = new Set(['стр', 'строение', 'корп', 'корпус', 'к', 'bldg', 'building', 'лит', 'литер']);
const DIRECTIONS: Readonly<Record<string, string>> = { n: 'n', north: 'n', s: 's', south: 's', e: 'e', east: 'e', w: 'w', west: 'w' };

export interface OrgAddress {
	/** Street words (phonetic skeletons), street type as a canonical token, city words included when written. */
	street: string[];
	house?: string;
	office?: string;
}

/** Address split into street words, house number and office; undefined when no street word is left. */
export function normalizeAddress(raw: string): OrgAddress | undefined {
	const tokens = foldCase(raw)
		.replace(/№/g, ' ')
		.replace(/(\d)([a-zа-я])\b/g, '$1$2')
		.split(/[\s,;]+/)
		.map((t) => t.replace(/^[.]+|[.]+$/g, ''))
		.filter(Boolean);
	const street: string[] = [];
	let house: string | undefined;
	let office: string | undefined;
	let expect: 'office' | 'building' | undefined;
	for (const tok of tokens) {
		// "д.5", "оф.12": a word glued to its number.
		const glued = /^([a-zа-я#]+)\.?(\d.*)$/.exec(tok);
		const parts = glued ? [glued[1], glued[2]] : [tok];
		for (const t of parts) {
			const num = /^(\d+)(?:[-/](\d+[a-zа-я]?)|([a-zа-я]))?$/.exec(t);
			if (num) {
				if (expect === 'office') {
					office ??= t;
				} else if (expect === 'building') {
					if (house) house = `${house}/${t}`;
				} else if (house === undefined) {
					house = num[1] + (num[3] ?? '');
					if (num[2]) office ??= num[2];
				} else office ??= t;
				expect = undefined;
				continue;
			}
			const w = t.replace(/\./g, '');
			if (/^\d+(?:st|nd|rd|th|я|й|го)$/.test(w)) {
				// An ordinal street name ("12th Street", "1-я Тверская").
				street.push(w);
				expect = undefined;
				continue;
			}
			if (OFFICE_WORDS.has(w)) {
				expect = 'office';
				continue;
			}
			if (BUILDING_WORDS.has(w)) {
				expect = 'building';
				continue;
			}
			expect = undefined;
			if (HOUSE_WORDS.has(w)) continue;
			const type = STREET_TYPES[w] ?? STREET_TYPES[t];
			if (type) {
				street.push(type);
				continue;
			}
			const dir = DIRECTIONS[w];
			if (dir) {
				street.push(dir);
				continue;
			}
			for (const s of skeletonWords(w)) street.push(s);
		}
	}
	if (!street.length && !house) return undefined;
	return { street, ...(house ? { house } : {}), ...(office ? { office } : {}) };
}

/**
 * Phone key: the last 7 digits (the local number), so "+7 (495) 123-45-67", "8 495
 * 1234567" and a 7-digit local "123-4567" compare; undefined below 7 digits.
 */
export function phoneDigits(raw: string): string | undefined {
	const d = raw.replace(/\D/g, '');
	if (d.length < 7) return undefined;
	return d.slice(-7);
}
