/**
 * Hand-written checks that accept exactly what a zod schema accepts, for results built in a hot loop
 * (a million Pareto results, 10,000 assignments × 500 managers). zod's parse copies every object and
 * costs more than the analysis; these checks read it in place. The zod schemas stay the documented
 * contract: every check has a property test (test/unit/shared/check.test.ts and the per-module ones)
 * that compares it with the schema's safeParse on valid and broken objects, and every caller falls
 * back to the schema's parse when a check fails, so the error a user sees is zod's full message.
 */

/** z.number(): any number but NaN (infinities pass). */
export function isNumber(x: unknown): x is number {
	return typeof x === 'number' && !Number.isNaN(x);
}

/** z.number().finite() */
export function isFiniteNumber(x: unknown): x is number {
	return typeof x === 'number' && Number.isFinite(x);
}

/** z.number().int() (zod's int() rejects infinities). */
export function isInteger(x: unknown): x is number {
	return typeof x === 'number' && Number.isInteger(x);
}

/** z.string().min(1) */
export function isNonEmptyString(x: unknown): x is string {
	return typeof x === 'string' && x.length >= 1;
}

/** What z.object() parses as an object: not null, not an array (nor a Date, Map, Set or Promise). */
export function isObject(x: unknown): x is Record<string, unknown> {
	if (typeof x !== 'object' || x === null) return false;
	const proto = Object.getPrototypeOf(x) as unknown;
	if (proto === Object.prototype || proto === null) return true; // a plain object: the usual case
	return (
		!Array.isArray(x) &&
		!(x instanceof Date) &&
		!(x instanceof Map) &&
		!(x instanceof Set) &&
		!(x instanceof Promise)
	);
}

/** A key set for onlyKeys. */
export type KeySet = Readonly<Record<string, true>>;

export function keySet(keys: Iterable<string>): KeySet {
	const set = Object.create(null) as Record<string, true>;
	for (const k of keys) set[k] = true;
	return set;
}

/** .strict(): no enumerable key outside `allowed` (zod's check walks inherited enumerable keys too). */
export function onlyKeys(x: Record<string, unknown>, allowed: KeySet): boolean {
	for (const key in x) if (allowed[key] !== true) return false;
	return true;
}

/** z.array(z.string()) */
export function isStringArray(x: unknown): x is string[] {
	if (!Array.isArray(x)) return false;
	for (let i = 0; i < x.length; i++) if (typeof x[i] !== 'string') return false;
	return true;
}

const REASON_KEYS = keySet(['code', 'detail', 'evidence', 'weight']);

/** core/shared/reasons.ts reasonSchema. */
export function isReason(x: unknown): boolean {
	if (!isObject(x) || !onlyKeys(x, REASON_KEYS)) return false;
	if (!isNonEmptyString(x.code)) return false;
	if (x.detail !== undefined && typeof x.detail !== 'string') return false;
	const e = x.evidence;
	if (
		e !== undefined &&
		!isNumber(e) &&
		typeof e !== 'string' &&
		typeof e !== 'boolean' &&
		!isStringArray(e)
	) {
		return false;
	}
	if (x.weight !== undefined && !isNumber(x.weight)) return false;
	return true;
}

/** z.array(reasonSchema) */
export function isReasonArray(x: unknown): boolean {
	if (!Array.isArray(x)) return false;
	for (let i = 0; i < x.length; i++) if (!isReason(x[i])) return false;
	return true;
}
