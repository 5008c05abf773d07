import type { Reason } from '../shared/reasons';
import { reason } from '../shared/reasons';
import { readNumber } from './numbers';
import type { Xyz } from './schema';

/** Tolerance for threshold comparisons, in percentage points (float noise must not move a client). */
export const EPS = 1e-9;

export type SeriesReading =
	| { kind: 'series'; values: number[] }
	| { kind: 'missing' }
	| { kind: 'invalid'; detail: string };

/** An array of per-period numbers (numeric text accepted); anything else says why not. */
export function readSeries(raw: unknown): SeriesReading {
	if (raw === undefined || raw === null || raw === '') return { kind: 'missing' };
	if (!Array.isArray(raw)) return { kind: 'invalid', detail: `not an array (${typeof raw})` };
	const values: number[] = new Array(raw.length);
	for (let i = 0; i < raw.length; i++) {
		const r = readNumber(raw[i]);
		if (r.kind !== 'number') {
			return { kind: 'invalid', detail: `period ${i + 1} is ${r.kind === 'missing' ? 'empty' : `"${r.raw}"`}` };
		}
		values[i] = r.value;
	}
	return { kind: 'series', values };
}

/** Coefficient of variation in %: population standard deviation / mean × 100; undefined when mean ≤ 0. */
export function coefficientOfVariation(values: readonly number[]): number | undefined {
	const cv = cvScaled(values, 1);
	if (cv === undefined || Number.isFinite(cv)) return cv;
	// Sums or squares of values near the largest double overflow: CV does not depend on the scale, so
	// it is taken over the values divided by a power of two that brings the largest to at most 1.
	let max = 0;
	for (const v of values) max = Math.max(max, Math.abs(v));
	if (!Number.isFinite(max)) return undefined;
	const again = cvScaled(values, 2 ** -Math.ceil(Math.log2(max)));
	return again !== undefined && Number.isFinite(again) ? again : undefined;
}

/** CV over values × scale: undefined when the mean is not positive, NaN or Infinity when a sum overflowed. */
function cvScaled(values: readonly number[], scale: number): number | undefined {
	const n = values.length;
	if (n === 0) return undefined;
	let sum = 0;
	for (const v of values) sum += v * scale;
	const mean = sum / n;
	if (Number.isNaN(mean)) return NaN; // +Infinity and -Infinity met: overflow, not a verdict
	if (!(mean > 0)) return undefined;
	let sq = 0;
	for (const v of values) sq += (v * scale - mean) * (v * scale - mean);
	return (Math.sqrt(sq / n) / mean) * 100;
}

export interface XyzDecision {
	xyz: Xyz;
	cv?: number;
	reason: Reason;
}

/** X if cv ≤ xThreshold, Y if cv ≤ yThreshold, else Z; a series that cannot show stability is Z. */
export function classifyXyz(values: readonly number[], xThreshold: number, yThreshold: number): XyzDecision {
	if (values.length < 2) {
		return {
			xyz: 'Z',
			reason: reason(
				'xyz_too_few_periods',
				`${values.length} period(s): variability needs at least 2, so the client is not called stable`,
				values.length,
			),
		};
	}
	const cv = coefficientOfVariation(values);
	if (cv === undefined) {
		return {
			xyz: 'Z',
			reason: reason('xyz_mean_not_positive', 'the series has no positive mean, so its variation is undefined'),
		};
	}
	const shown = round4(cv);
	if (cv <= xThreshold + EPS) {
		return { xyz: 'X', cv, reason: reason('xyz_cv', `CV ${shown}% ≤ X threshold ${xThreshold}%`, shown) };
	}
	if (cv <= yThreshold + EPS) {
		return { xyz: 'Y', cv, reason: reason('xyz_cv', `CV ${shown}% ≤ Y threshold ${yThreshold}%`, shown) };
	}
	return { xyz: 'Z', cv, reason: reason('xyz_cv', `CV ${shown}% above Y threshold ${yThreshold}%`, shown) };
}

export function round4(x: number): number {
	const y = Math.round(x * 1e4) / 1e4;
	return Number.isFinite(y) ? y : x; // above ~1e304, x × 1e4 overflows; such a number has no decimals anyway
}
