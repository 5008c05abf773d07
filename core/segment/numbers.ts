/**
 * Reading numbers that arrive from CRMs and spreadsheets: real numbers, or text such as
 * "1 234 567,89" (Russian: spaces or no-break spaces between thousands, comma as decimal separator)
 * and "1,234,567.89" (commas between thousands when there are several of them or a dot follows).
 */
export type NumberReading =
	| { kind: 'number'; value: number }
	| { kind: 'missing' }
	| { kind: 'notNumeric'; raw: string };

const SPACES = /[\s\u00a0\u202f\u2009']/g;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function readNumber(raw: unknown): NumberReading {
	if (raw === undefined || raw === null) return { kind: 'missing' };
	if (typeof raw === 'number') {
		return Number.isFinite(raw) ? { kind: 'number', value: raw } : { kind: 'notNumeric', raw: String(raw) };
	}
	if (typeof raw === 'bigint') return { kind: 'number', value: Number(raw) };
	if (typeof raw !== 'string') {
		return { kind: 'notNumeric', raw: describe(raw) };
	}
	const trimmed = raw.trim();
	if (trimmed === '') return { kind: 'missing' };
	let t = trimmed.replace(SPACES, '');
	const commas = (t.match(/,/g) ?? []).length;
	if (commas > 0) {
		if (t.includes('.') || commas > 1) {
			// "1,234,567.89" or "1,234,567": commas separate thousands.
			if (!/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) return { kind: 'notNumeric', raw: cut(trimmed) };
			t = t.replace(/,/g, '');
		} else {
			t = t.replace(',', '.');
		}
	}
	if (!PLAIN.test(t)) return { kind: 'notNumeric', raw: cut(trimmed) };
	const value = Number(t);
	return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'notNumeric', raw: cut(trimmed) };
}

/** A number or undefined (missing or non-numeric). */
export function toNumber(raw: unknown): number | undefined {
	const r = readNumber(raw);
	return r.kind === 'number' ? r.value : undefined;
}

function cut(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

function describe(raw: unknown): string {
	if (typeof raw === 'boolean') return String(raw);
	if (Array.isArray(raw)) return 'an array';
	return `a ${typeof raw}`;
}
