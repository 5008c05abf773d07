import { InputError } from '../shared/errors';
import type { Reason } from '../shared/reasons';
import { reason } from '../shared/reasons';
import { normalizeInn } from '../text/inn';
import { getPath } from '../shared/values';
import type { ParetoConfig } from './config';
import { readNumber } from './numbers';
import type { Abc, SegmentResult } from './schema';
import { validateResult } from './schema';
import type { SeriesReading } from './xyz';
import { EPS, classifyXyz, readSeries, round4 } from './xyz';

/** What Pareto mode needs from one item, read on its own (a bad item fails alone, before the batch). */
export interface ParetoClient {
	/** 'ok' = a positive number; the rest are not ranked (segment C with a reason). */
	state: 'ok' | 'zero' | 'negative' | 'missing' | 'notNumeric';
	/** The number when there is one (ok, zero, negative). */
	value?: number;
	/** The offending text for notNumeric. */
	raw?: string;
	series?: SeriesReading;
	previous?: Abc;
	previousInvalid?: string;
	groupKey?: string;
	groupProblem?: 'rollup_no_key' | 'rollup_invalid_inn';
}

export interface ValueSource {
	/** The value given directly (the node's `value` expression); when absent the field is read. */
	raw: unknown;
	/** The name to use in messages, e.g. the parameter name "value". */
	field: string;
}

/**
 * Reads one item for Pareto mode. Under the `error` policies a bad value or series raises an
 * InputError naming the field (the node fails that item alone, or sends it to the error output).
 */
export function prepareClient(json: unknown, cfg: ParetoConfig, source?: ValueSource): ParetoClient {
	const field = source?.field ?? cfg.valueField;
	const reading = readNumber(source ? source.raw : getPath(json, cfg.valueField));
	let client: ParetoClient;
	if (reading.kind === 'number') {
		const v = reading.value;
		const state = v > 0 ? 'ok' : v === 0 ? 'zero' : 'negative';
		if (state !== 'ok' && cfg.zeroOrNegative === 'error') {
			throw new InputError(
				field,
				`Field "${field}" is ${v}; Pareto analysis needs a positive value`,
				`Fix the field "${field}" of this item, or set the option "Zero or Negative Value" to "Segment C".`,
			);
		}
		client = { state, value: v };
	} else {
		if (cfg.missingOrInvalid === 'error') {
			throw new InputError(
				field,
				reading.kind === 'missing' ? `Field "${field}" is missing` : `Field "${field}" is not a number: "${reading.raw}"`,
				`Give the field "${field}" of this item a number, or set the option "Missing or Non-Numeric Value" to "Segment C".`,
			);
		}
		client = reading.kind === 'missing' ? { state: 'missing' } : { state: 'notNumeric', raw: reading.raw };
	}
	if (cfg.xyz) {
		const f = cfg.xyz.seriesField;
		const series = readSeries(getPath(json, f));
		if (series.kind !== 'series' && cfg.missingOrInvalid === 'error') {
			throw new InputError(
				f,
				series.kind === 'missing'
					? `Field "${f}" is missing (XYZ needs a per-period series)`
					: `Field "${f}" must be an array of numbers: ${series.detail}`,
			);
		}
		client.series = series;
	}
	if (cfg.hysteresis) {
		const prev = getPath(json, cfg.hysteresis.previousSegmentField);
		if (prev !== undefined && prev !== null && prev !== '') {
			const letter = typeof prev === 'string' ? prev.trim().charAt(0).toUpperCase() : '';
			if (letter === 'A' || letter === 'B' || letter === 'C') client.previous = letter;
			else client.previousInvalid = typeof prev === 'string' ? prev.slice(0, 60) : typeof prev;
		}
	}
	if (cfg.rollUp) {
		const raw = getPath(json, cfg.rollUp.field);
		const present = raw !== undefined && raw !== null && !(typeof raw === 'string' && raw.trim() === '');
		if (!present) client.groupProblem = 'rollup_no_key';
		else if (cfg.rollUp.by === 'inn') {
			const inn = normalizeInn(raw);
			if (inn) client.groupKey = inn;
			else client.groupProblem = 'rollup_invalid_inn';
		} else if (typeof raw === 'string' || typeof raw === 'number') {
			client.groupKey = String(raw).trim().toLowerCase();
		} else client.groupProblem = 'rollup_no_key';
	}
	return client;
}

const RANK = { A: 0, B: 1, C: 2 } as const;

function segmentAt(position: number, a: number, b: number): Abc {
	return position < a - EPS ? 'A' : position < b - EPS ? 'B' : 'C';
}

function fmt(x: number): string {
	return String(round4(x));
}

// Upper/lower bound in an ascending Float64Array.
function upperBound(arr: Float64Array, v: number): number {
	let lo = 0;
	let hi = arr.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (arr[mid] <= v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function lowerBound(arr: Float64Array, v: number): number {
	let lo = 0;
	let hi = arr.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (arr[mid] < v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function valueReason(c: ParetoClient, field: string, inGroup: boolean): Reason | undefined {
	const tail = inGroup ? '; it adds 0 to its group' : '; not ranked, segment C';
	switch (c.state) {
		case 'zero':
			return reason('value_zero', `"${field}" is 0${tail}`, 0);
		case 'negative':
			return reason('value_negative', `"${field}" is negative${tail}`, c.value);
		case 'missing':
			return reason('value_missing', `"${field}" is missing${tail}`);
		case 'notNumeric':
			return reason('value_not_numeric', `"${field}" is not a number${tail}`, c.raw);
		default:
			return undefined;
	}
}

interface Unit {
	value: number;
	size: number;
	key?: string;
	previous?: Abc;
	series?: number[];
	seriesProblem?: SeriesReading;
}

/**
 * Pareto ABC (optionally XYZ, hysteresis, roll-up) over a batch. Returns one validated result per
 * client, in input order. Segment depends only on the value (plus the previous segment under
 * hysteresis), so equal values always share a segment.
 */
export function segmentPareto(clients: readonly ParetoClient[], cfg: ParetoConfig, valueField = cfg.valueField): SegmentResult[] {
	const n = clients.length;
	// 1. Units: each client, or each roll-up group.
	const unitOf = new Int32Array(n);
	const units: Unit[] = [];
	if (cfg.rollUp) {
		const byKey = new Map<string, number>();
		for (let i = 0; i < n; i++) {
			const c = clients[i];
			let u = c.groupKey === undefined ? undefined : byKey.get(c.groupKey);
			if (u === undefined) {
				u = units.length;
				units.push({ value: 0, size: 0, key: c.groupKey });
				if (c.groupKey !== undefined) byKey.set(c.groupKey, u);
			}
			const unit = units[u];
			unitOf[i] = u;
			unit.size++;
			if (c.state === 'ok') unit.value += c.value as number;
			if (c.previous && (!unit.previous || RANK[c.previous] < RANK[unit.previous])) unit.previous = c.previous;
			if (cfg.xyz) {
				const s = c.series;
				if (s?.kind === 'series') {
					const acc = (unit.series ??= []);
					for (let k = 0; k < s.values.length; k++) acc[k] = (acc[k] ?? 0) + s.values[k];
				} else if (!unit.seriesProblem) unit.seriesProblem = s;
			}
		}
	} else {
		for (let i = 0; i < n; i++) {
			const c = clients[i];
			unitOf[i] = i;
			units.push({
				value: c.state === 'ok' ? (c.value as number) : 0,
				size: 1,
				previous: c.previous,
				...(c.series?.kind === 'series' ? { series: c.series.values } : { seriesProblem: c.series }),
			});
		}
	}

	// 2. Rank the units with a positive value: sort once, suffix sums from the largest down.
	let m = 0;
	for (const u of units) if (u.value > 0) m++;
	const sorted = new Float64Array(m);
	let k = 0;
	for (const u of units) if (u.value > 0) sorted[k++] = u.value;
	sorted.sort();
	const suffix = new Float64Array(m + 1);
	for (let j = m - 1; j >= 0; j--) suffix[j] = suffix[j + 1] + sorted[j];
	const total = suffix[0];

	const cumulative = cfg.abcRule === 'cumulativeShare';
	const a = cfg.aThreshold;
	const b = cfg.bThreshold;
	const ruleName = cumulative ? 'cumulative share' : 'rank';

	// 3. Decide per unit.
	const unitResults: Array<Omit<SegmentResult, 'reasons'> & { reasons: Reason[] }> = new Array(units.length);
	for (let u = 0; u < units.length; u++) {
		const unit = units[u];
		const reasons: Reason[] = [];
		let out: Omit<SegmentResult, 'reasons'>;
		if (unit.value > 0) {
			const v = unit.value;
			const hi = upperBound(sorted, v);
			const lo = lowerBound(sorted, v);
			const ahead = m - hi;
			const tie = hi - lo;
			const shareAhead = (suffix[hi] / total) * 100;
			const cumulativeShare = (suffix[lo] / total) * 100;
			const rankPercent = (ahead / m) * 100;
			const position = cumulative ? shareAhead : rankPercent;
			const raw = segmentAt(position, a, b);
			if (m === 1) {
				reasons.push(reason('abc_single_client', 'the only ranked client in the batch: nothing is ahead of it', 1));
			}
			if (tie > 1) {
				const lastPosition = cumulative
					? ((suffix[hi] + (tie - 1) * v) / total) * 100
					: ((ahead + tie - 1) / m) * 100;
				if (segmentAt(lastPosition, a, b) !== raw) {
					reasons.push(
						reason(
							'abc_tie',
							`${tie} clients share this value across a boundary; ties take the higher segment (${raw})`,
							tie,
						),
					);
				}
			}
			const what = cumulative
				? `clients ahead hold ${fmt(shareAhead)}% of the total`
				: `${fmt(rankPercent)}% of clients are ahead (rank ${ahead + 1} of ${m})`;
			const verdict =
				raw === 'A'
					? `below the A threshold ${a}%`
					: raw === 'B'
						? `at or above the A threshold ${a}% and below the B threshold ${b}%`
						: `at or above the B threshold ${b}%`;
			reasons.push(
				reason(cumulative ? 'abc_cumulative_share' : 'abc_top_percent', `${what}: ${verdict} → ${raw}`, round4(position)),
			);
			let segment = raw;
			if (cfg.hysteresis && unit.previous) {
				const p = unit.previous;
				const mg = cfg.hysteresis.margin;
				const aEff = p === 'A' ? a + mg : a - mg;
				const bEff = p === 'C' ? b - mg : b + mg;
				segment = segmentAt(position, aEff, bEff);
				if (raw !== p && segment === p) {
					reasons.push(
						reason(
							'hysteresis_kept',
							`was ${p}; ${ruleName} ${fmt(position)}% has not crossed the boundary by the margin of ${mg} points, stays ${p}`,
							p,
						),
					);
				} else if (segment !== p) {
					reasons.push(
						reason(
							'hysteresis_moved',
							`was ${p}; ${ruleName} ${fmt(position)}% crossed the boundary by more than the margin of ${mg} points → ${segment}`,
							p,
						),
					);
				}
			}
			out = {
				segment,
				mode: 'pareto',
				value: v,
				rank: ahead + 1,
				rankPercent: round4(rankPercent),
				shareAhead: round4(shareAhead),
				cumulativeShare: round4(cumulativeShare),
				clients: m,
			};
			if (cfg.hysteresis) {
				out.rawSegment = raw;
				if (unit.previous) out.previousSegment = unit.previous;
			}
		} else {
			if (m === 0) {
				reasons.push(
					reason('abc_total_not_positive', 'no client in the batch has a positive value: nothing can be ranked, all are C'),
				);
			}
			if (unit.size > 1 && m > 0) {
				reasons.push(
					reason('rollup_total_not_positive', 'no member of the group has a positive value: not ranked, C', unit.size),
				);
			}
			out = { segment: 'C', mode: 'pareto', clients: m };
			if (cfg.hysteresis) {
				out.rawSegment = 'C';
				if (unit.previous) out.previousSegment = unit.previous;
			}
		}
		if (cfg.xyz) {
			const series = unit.series;
			if (series) {
				const d = classifyXyz(series, cfg.xyz.xThreshold, cfg.xyz.yThreshold);
				out.xyz = d.xyz;
				if (d.cv !== undefined) out.cv = round4(d.cv);
				reasons.push(d.reason);
			} else {
				const problem = unit.seriesProblem;
				out.xyz = 'Z';
				reasons.push(
					problem?.kind === 'invalid'
						? reason('xyz_series_invalid', `"${cfg.xyz.seriesField}" is not a series of numbers (${problem.detail}); Z`)
						: reason('xyz_series_missing', `"${cfg.xyz.seriesField}" is missing; Z`),
				);
			}
			out.abcXyz = `${out.segment}${out.xyz}`;
		}
		const withReasons = out as SegmentResult;
		withReasons.reasons = reasons;
		unitResults[u] = withReasons;
	}

	// 4. One result per client, in input order.
	const results: SegmentResult[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const c = clients[i];
		const unit = units[unitOf[i]];
		const ur = unitResults[unitOf[i]];
		if (!cfg.rollUp && c.state === 'ok' && c.previousInvalid === undefined) {
			// Fast path (one client = one unit, nothing item-specific to add): the unit's result is the item's.
			results[i] = validateResult(ur);
			continue;
		}
		const own: Reason[] = [];
		const r: SegmentResult = { ...ur, reasons: own };
		if (cfg.rollUp) {
			if (c.groupKey !== undefined) {
				r.group = { key: c.groupKey, size: unit.size };
				own.push(
					reason(
						'rollup_group',
						`segmented as group "${c.groupKey}" (${unit.size} item${unit.size === 1 ? '' : 's'}, total ${fmt(unit.value)})`,
						c.groupKey,
					),
				);
			} else {
				own.push(
					reason(
						c.groupProblem ?? 'rollup_no_key',
						c.groupProblem === 'rollup_invalid_inn'
							? `"${cfg.rollUp.field}" is not a valid INN; the item stands alone`
							: `"${cfg.rollUp.field}" is empty; the item stands alone`,
					),
				);
			}
			if (c.value !== undefined) r.itemValue = c.value;
		} else if (c.value !== undefined) r.value = c.value;
		const vr = valueReason(c, valueField, cfg.rollUp !== undefined && unit.size > 1);
		if (vr) own.push(vr);
		if (c.previousInvalid !== undefined) {
			own.push(
				reason(
					'previous_segment_invalid',
					`"${cfg.hysteresis?.previousSegmentField}" is not A, B or C; ignored`,
					c.previousInvalid,
				),
			);
		}
		for (const x of ur.reasons) own.push(x);
		results[i] = validateResult(r);
	}
	return results;
}

