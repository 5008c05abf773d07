import { InputError } from './errors';

/** Reads a dotted path ("contact.email") from a plain object; undefined when any step is missing. */
export function getPath(obj: unknown, path: string): unknown {
	if (!path) return obj;
	let cur: unknown = obj;
	for (const part of path.split('.')) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[part];
	}
	return cur;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A required non-empty string field, or an InputError naming the field. */
export function requireText(value: unknown, field: string): string {
	if (value === undefined || value === null) throw new InputError(field, `Field "${field}" is missing`);
	if (typeof value !== 'string') {
		throw new InputError(field, `Field "${field}" must be text, got ${Array.isArray(value) ? 'array' : typeof value}`);
	}
	if (value.trim() === '') throw new InputError(field, `Field "${field}" is empty`);
	return value;
}

/** Optional string: undefined/null/'' → undefined; numbers are stringified; anything else is an error. */
export function optionalText(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') throw new InputError(field, `Field "${field}" must be text, got ${typeof value}`);
	const t = value.trim();
	return t === '' ? undefined : t;
}

/** Decision times outside these years are refused (a far date overflows Date arithmetic downstream). */
export const SANE_YEARS = '1970..9999';
const MIN_INSTANT = Date.UTC(1970, 0, 1);
const MAX_INSTANT = Date.UTC(10000, 0, 1) - 1;

/** Whether epoch milliseconds fall in the years 1970..9999 (UTC). */
export function isSaneInstant(ms: number): boolean {
	return Number.isFinite(ms) && ms >= MIN_INSTANT && ms <= MAX_INSTANT;
}
