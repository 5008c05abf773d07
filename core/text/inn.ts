/**
 * Russian taxpayer number (INN): 10 digits for organisations, 12 for individuals, with check digits
 * as defined by the Federal Tax Service (order of the Ministry of Taxes, 2003).
 */
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function check(digits: number[], weights: number[]): number {
	const sum = weights.reduce((acc, w, i) => acc + w * digits[i], 0);
	return (sum % 11) % 10;
}

export function isValidInn(raw: unknown): boolean {
	if (typeof raw !== 'string' && typeof raw !== 'number') return false;
	const s = String(raw).replace(/\s/g, '');
	if (!/^\d{10}$|^\d{12}$/.test(s)) return false;
	const d = [...s].map(Number);
	if (s.length === 10) return check(d, W10) === d[9];
	return check(d, W11) === d[10] && check(d, W12) === d[11];
}

/** The INN as a digit string when valid, otherwise undefined. */
export function normalizeInn(raw: unknown): string | undefined {
	if (!isValidInn(raw)) return undefined;
	return String(raw).replace(/\s/g, '');
}

/** Valid INNs mentioned in free text (10 or 12 digit runs that pass the checksum). */
export function extractInns(text: string): string[] {
	const out = new Set<string>();
	for (const m of text.matchAll(/(?<!\d)(\d{10}|\d{12})(?!\d)/g)) if (isValidInn(m[1])) out.add(m[1]);
	return [...out];
}

/** Kind of a valid INN: 10 digits = organisation, 12 digits = individual / sole trader. */
export function innKind(inn: string): 'organization' | 'individual' {
	return inn.length === 10 ? 'organization' : 'individual';
}

function modOf(digits: string, m: number): number {
	let r = 0;
	for (const ch of digits) r = (r * 10 + Number(ch)) % m;
	return r;
}

/**
 * Russian primary state registration number: OGRN (13 digits, organisations; check digit =
 * (first 12 mod 11) mod 10) or OGRNIP (15 digits, sole traders; (first 14 mod 13) mod 10).
 */
export function isValidOgrn(raw: unknown): boolean {
	if (typeof raw !== 'string' && typeof raw !== 'number') return false;
	const s = String(raw).replace(/\s/g, '');
	if (/^\d{13}$/.test(s)) return modOf(s.slice(0, 12), 11) % 10 === Number(s[12]);
	if (/^\d{15}$/.test(s)) return modOf(s.slice(0, 14), 13) % 10 === Number(s[14]);
	return false;
}

export function normalizeOgrn(raw: unknown): string | undefined {
	return isValidOgrn(raw) ? String(raw).replace(/\s/g, '') : undefined;
}
