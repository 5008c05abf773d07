import { extractEmails } from '../text/email';
import { extractInns } from '../text/inn';
import { extractPhones } from '../text/phone';
import type { CountryCode } from '../text/phone';
import type { Extracted } from './schema';

// Every pattern below is linear in the text (issue 19): repeated parts are bounded or anchored, and no
// two neighbouring parts can share characters, so a failed attempt never re-reads a run many times.
const NAME_WORD = "[A-ZА-ЯЁ][a-zа-яё'-]{1,40}";
/** Case-insensitive lead-ins after which a capitalised name follows. */
const NAME_LEADS =
	/(?:меня зовут|с уважением|мое имя|моё имя|на связи|my name is|this is|kind regards|best regards|regards|sincerely)\s*[:,-]?\s*/giu;
const NAME_AT = new RegExp(`^(${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,2})`, 'u');
/** Words after "this is" / "I am" that are not names. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'My', 'Your', 'It', 'Not', 'Very', 'So', 'Just', 'Unacceptable', 'Ridiculous']);

const COMPANY_RE =
	/(?<![\p{L}])(ООО|ОАО|ЗАО|ПАО|АО|ИП|НКО|ФГУП|МУП|ГУП)\s+(?:«([^»]{2,60})»|"([^"]{2,60})"|“([^”]{2,60})”|((?:[А-ЯЁA-Z][\p{L}\d-]*)(?:\s+[А-ЯЁA-Z][\p{L}\d-]*){0,3}))/u;
/** Words of 1–61 characters: unbounded words made "A-A-A-…" quadratic (every "A" starts a word that runs to the end). */
const COMPANY_EN_RE = /\b((?:[A-Z][\w&-]{0,60}\s+){0,3}[A-Z][\w&-]{0,60}),?\s+(LLC|Inc\.?|Ltd\.?|GmbH|Corp\.?|Corporation|LLP|PLC|Co\.)(?![\w])/u;
/**
 * Keyword endings are bounded ("заказзаказ…" made every keyword scan to the end of the text), and each
 * optional part owns the spaces after it (three "\\s*" in a row split a run of spaces every way: cubic).
 */
const ORDER_RE =
	/(?:заказ[а-яё]{0,15}|заявк[а-яё]{0,15}|order|purchase|invoice|счет[а-яё]{0,15}|счёт[а-яё]{0,15}|ticket|тикет[а-яё]{0,15}|обращени[а-яё]{0,15})\s*(?:(?:number|num\.?|no\.?|nr\.?|id)\s*)?(?:(?:№|#|n\s?o?\.?|:)\s*)?([A-ZА-ЯЁ]{0,4}-?\d[\d-]{1,19}\d|\d{3,20})/giu;

function firstName(text: string): string | undefined {
	for (const lead of text.matchAll(NAME_LEADS)) {
		const m = NAME_AT.exec(text.slice((lead.index ?? 0) + lead[0].length));
		if (m && !NOT_NAMES.has(m[1].split(/\s+/)[0])) return m[1].trim();
	}
	return undefined;
}

function company(text: string): string | undefined {
	const ru = COMPANY_RE.exec(text);
	if (ru) {
		const quoted = (ru[2] ?? ru[3] ?? ru[4] ?? '').trim();
		if (quoted) return `${ru[1]} «${quoted}»`;
		if (ru[5]) return `${ru[1]} ${ru[5].trim()}`;
	}
	const en = COMPANY_EN_RE.exec(text);
	if (en) return `${en[1].trim()} ${en[2]}`;
	return undefined;
}

/** Order, invoice and ticket numbers: "заказ №12345", "order #A-123", "purchase 00123842". */
export function extractOrderNumbers(text: string): string[] {
	const out = new Set<string>();
	for (const m of text.matchAll(ORDER_RE)) out.add(m[1].toUpperCase());
	return [...out];
}

/** Contact fields are looked for in the first characters only. */
export const MAX_EXTRACTED_CHARS = 100_000;

/** Contact and reference fields in free text (its first MAX_EXTRACTED_CHARS characters). Phones are E.164; INNs pass the checksum. */
export function extractFields(fullText: string, defaultCountry: string = 'RU'): Extracted {
	const text = fullText.length > MAX_EXTRACTED_CHARS ? fullText.slice(0, MAX_EXTRACTED_CHARS) : fullText;
	const inn = extractInns(text);
	const orderNumbers = extractOrderNumbers(text).filter((n) => !inn.includes(n));
	const phones = extractPhones(text, defaultCountry.toUpperCase() as CountryCode).filter(
		(p) => !orderNumbers.some((o) => p.endsWith(o)),
	);
	const out: Extracted = { phones, emails: extractEmails(text), inn, orderNumbers };
	const name = firstName(text);
	if (name) out.name = name;
	const org = company(text);
	if (org) out.company = org;
	return out;
}
