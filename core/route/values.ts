/**
 * Lenient readers for roster and lead values that may arrive as text (Data tables, spreadsheets, CRM
 * exports): lists as arrays, JSON array text or comma/semicolon-separated text; numbers as numeric
 * text; booleans as true/false, yes/no, 1/0. Each returns undefined for "no value" and throws a
 * plain Error with a short description for a value of the wrong kind (the caller names the field).
 */

export class ValueError extends Error {}

function describe(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	if (Array.isArray(value)) return 'an array';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'an object' : String(value);
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A JSON text that looks like an array or object is parsed; anything else is returned as is. */
export function maybeJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const t = value.trim();
	if (!(t.startsWith('[') || t.startsWith('{'))) return value;
	const r = attempt(() => JSON.parse(t) as unknown);
	if (!r.ok) throw new ValueError(`is not valid JSON: ${describe(value)}`);
	return r.value;
}

/** Runs fn and returns its value or the error it threw (so callers rethrow outside a catch block). */
export function attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
	try {
		return { ok: true, value: fn() };
	} catch (error) {
		return { ok: false, error };
	}
}

/** List of non-empty trimmed texts. Array items may be text, numbers or `{ type }` / `{ name }` objects. */
export function readList(value: unknown): string[] | undefined {
	if (isBlank(value)) return undefined;
	const v = maybeJson(value);
	if (typeof v === 'string') {
		return v
			.split(/[,;\n]/)
			.map((s) => s.trim())
			.filter(Boolean);
	}
	if (typeof v === 'number' && Number.isFinite(v)) return [String(v)];
	if (Array.isArray(v)) {
		const out: string[] = [];
		for (const item of v) {
			if (typeof item === 'string') {
				if (item.trim()) out.push(item.trim());
			} else if (typeof item === 'number' && Number.isFinite(item)) out.push(String(item));
			else if (item && typeof item === 'object') {
				const o = item as Record<string, unknown>;
				const text = typeof o.type === 'string' ? o.type : typeof o.name === 'string' ? o.name : undefined;
				if (text === undefined) throw new ValueError(`must be a list of text, got an object in the list`);
				if (text.trim()) out.push(text.trim());
			} else if (item !== null && item !== undefined) {
				throw new ValueError(`must be a list of text, got ${describe(item)} in the list`);
			}
		}
		return out;
	}
	throw new ValueError(`must be a list (array or comma-separated text), got ${describe(value)}`);
}

export function readNumber(value: unknown): number | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new ValueError(`must be a number, got ${describe(value)}`);
		return value;
	}
	if (typeof value === 'string') {
		const t = value.trim().replace(',', '.');
		const n = Number(t);
		if (/^[-+]?\d+(\.\d+)?$/.test(t) && Number.isFinite(n)) return n;
	}
	throw new ValueError(`must be a number, got ${describe(value)}`);
}

export function readBoolean(value: unknown): boolean | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	if (typeof value === 'string') {
		const t = value.trim().toLowerCase();
		if (['true', 'yes', 'y', '1', 'on', 'да'].includes(t)) return true;
		if (['false', 'no', 'n', '0', 'off', 'нет'].includes(t)) return false;
	}
	throw new ValueError(`must be true or false, got ${describe(value)}`);
}

export function readText(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw new ValueError(`must be text, got ${describe(value)}`);
}

/** Lower-case, trimmed, inner whitespace collapsed: the form in which tags are compared. */
export function normTag(tag: string): string {
	return tag.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** "en-GB" → "en", "RU" → "ru". */
export function normLanguage(lang: string): string {
	return normTag(lang).split(/[-_]/)[0];
}

/** A manager's segment token covers a lead segment when equal or a prefix ("A" covers "AX"). */
export function segmentCovered(tokens: readonly string[], segment: string): boolean {
	for (const t of tokens) if (segment === t || segment.startsWith(t)) return true;
	return false;
}
