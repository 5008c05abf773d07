/**
 * Dates of birth to "YYYYMMDD": accepts 19560409, 1956-04-09, 09.04.1956, 09/04/1956 (day first),
 * ISO timestamps. Undefined when not a plausible calendar date.
 */
export function normalizeDate(raw: unknown): string | undefined {
	if (typeof raw === 'number' && Number.isInteger(raw)) raw = String(raw);
	if (typeof raw !== 'string') return undefined;
	const t = raw.trim();
	let y: string, m: string, d: string;
	let match: RegExpExecArray | null;
	if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) [, y, m, d] = match;
	else if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(t))) [, y, m, d] = match;
	else if ((match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t))) [, d, m, y] = match;
	else return undefined;
	const mm = Number(m);
	const dd = Number(d);
	if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return undefined;
	return `${y}${m.padStart(2, '0')}${d.padStart(2, '0')}`;
}
