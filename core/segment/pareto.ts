import { InputError } from '../shared/errors';
import type { Reason } from '../shared/reasons';
import { reason } from '../shared/reasons';
import { normalizeInn } from '../text/inn';
import { getPath } from '../shared/values';
import type { ParetoConfig } from './config';
import { readNumber } from './numbers';
import type { Abc, SegmentResult } from './schema';
import { checkSegmentResult } from './check';
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
export function prepareClient(
	json: unknown,
	cfg: ParetoConfig,
	source?: ValueSource,
): ParetoClient {
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
				reading.kind === 'missing'
					? `Field "${field}" is missing`
					: `Field "${field}" is not a number: "${reading.raw}"`,
				`Give the field "${field}" of this item a number, or set the option "Missing or Non-Numeric Value" to "Segment C".`,
			);
		}
		client =
			reading.kind === 'missing' ? { state: 'missing' } : { state: 'notNumeric', raw: reading.raw };
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
		const present =
			raw !== undefined && raw !== null && !(typeof raw === 'string' && raw.trim() === '');
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

/**
 * The clients of one Pareto run, read one item at a time (a bad item throws before anything is
 * stored, so it fails alone). A plain positive value, the common case, is kept in a Float64Array with
 * no object per client; anything else (zero, missing, XYZ series, previous segment, roll-up key) keeps
 * its ParetoClient. For a million clients this saves a million small objects and their GC.
 */
export class ParetoBatch {
	private vals = new Float64Array(1024);
	/** 1 where the client at that position is in `special` (a typed-array test is far cheaper than a Map lookup). */
	private flags = new Uint8Array(1024);
	/** Clients that are not a plain positive value, by position. */
	readonly special = new Map<number, ParetoClient>();
	length = 0;
	private readonly plain: boolean;
	/** Running total per roll-up group (roll-up only). */
	private readonly groupTotals = new Map<string, number>();

	constructor(readonly cfg: ParetoConfig) {
		this.plain = !cfg.xyz && !cfg.hysteresis && !cfg.rollUp;
	}

	static of(clients: readonly ParetoClient[], cfg: ParetoConfig): ParetoBatch {
		const batch = new ParetoBatch(cfg);
		for (const c of clients) batch.push(c);
		return batch;
	}

	/** Reads one item (see prepareClient: under the `error` policies a bad value throws an InputError). */
	add(json: unknown, source?: ValueSource): void {
		if (this.plain) {
			const raw = source ? source.raw : getPath(json, this.cfg.valueField);
			if (typeof raw === 'number' && raw > 0 && raw !== Infinity) {
				this.store(raw);
				return;
			}
		}
		this.push(prepareClient(json, this.cfg, source), source?.field);
	}

	push(client: ParetoClient, field = this.cfg.valueField): void {
		if (client.groupKey !== undefined && client.state === 'ok') {
			// A group's total must stay a finite number: the item that would overflow it fails alone.
			const total = (this.groupTotals.get(client.groupKey) ?? 0) + (client.value as number);
			if (!Number.isFinite(total)) {
				throw new InputError(
					field,
					`Field "${field}" (${client.value}) makes the total of group "${client.groupKey}" exceed the largest number (${Number.MAX_VALUE})`,
					`Check the field "${field}" of this item: the value is implausibly large.`,
				);
			}
			this.groupTotals.set(client.groupKey, total);
		}
		if (!isPlainClient(client)) {
			this.special.set(this.length, client);
			this.store(client.state === 'ok' ? (client.value as number) : 0);
			this.flags[this.length - 1] = 1;
		} else this.store(client.value as number);
	}

	/** Whether client i is kept as a ParetoClient (see `special`) rather than as a plain value. */
	isSpecial(i: number): boolean {
		return this.flags[i] === 1;
	}

	/** The value of client i when positive, else 0. */
	value(i: number): number {
		return this.vals[i];
	}

	/** Positive values (0 for the rest), one per client; a view, not a copy. */
	values(): Float64Array {
		return this.vals.subarray(0, this.length);
	}

	client(i: number): ParetoClient {
		return (this.flags[i] === 1 && this.special.get(i)) || { state: 'ok', value: this.vals[i] };
	}

	private store(v: number): void {
		if (this.length === this.vals.length) {
			const grown = new Float64Array(this.vals.length * 2);
			grown.set(this.vals);
			this.vals = grown;
			const flags = new Uint8Array(grown.length);
			flags.set(this.flags);
			this.flags = flags;
		}
		this.vals[this.length++] = v;
	}
}

/** A positive finite value and nothing else to carry (no series, previous segment or group). */
function isPlainClient(c: ParetoClient): boolean {
	return (
		c.state === 'ok' &&
		typeof c.value === 'number' &&
		c.value > 0 &&
		c.value !== Infinity &&
		c.raw === undefined &&
		c.series === undefined &&
		c.previous === undefined &&
		c.previousInvalid === undefined &&
		c.groupKey === undefined &&
		c.groupProblem === undefined
	);
}

const RANK = { A: 0, B: 1, C: 2 } as const;

/** Sums of up to `count` values below `max` stay under 2^1000 after this scale (1 when they already do). */
export function sumScale(max: number, count: number): number {
	const limit = 2 ** 1000;
	if (!(max > 0) || max <= limit / Math.max(count, 1)) return 1;
	return 2 ** -(Math.ceil(Math.log2(max)) + Math.ceil(Math.log2(count)) - 1000);
}

function segmentAt(position: number, a: number, b: number): Abc {
	return position < a - EPS ? 'A' : position < b - EPS ? 'B' : 'C';
}

function fmt(x: number): string {
	return String(round4(x));
}

/**
 * The given indices ordered by ascending value (values positive and finite): an LSD radix sort on the
 * IEEE-754 bits, whose unsigned order is the numeric order for positive doubles. Four passes of 16 bits,
 * skipping a pass where every key has the same digit (whole numbers leave the low bits empty). A
 * comparison sort of a million indices takes about 0.8 s here; this takes well under 0.1 s.
 */
export function sortIndicesByValue(indices: Uint32Array, values: Float64Array): Uint32Array {
	const m = indices.length;
	const bits = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
	let src = Uint32Array.from(indices);
	let dst = new Uint32Array(m);
	const count = new Uint32Array(65536);
	for (let pass = 0; pass < 4; pass++) {
		const word = pass < 2 ? 0 : 1; // little-endian: [low word, high word]
		const shift = pass % 2 === 0 ? 0 : 16;
		count.fill(0);
		for (let j = 0; j < m; j++) count[(bits[2 * src[j] + word] >>> shift) & 0xffff]++;
		if (m === 0 || count[(bits[2 * src[0] + word] >>> shift) & 0xffff] === m) continue;
		let sum = 0;
		for (let d = 0; d < 65536; d++) {
			const c = count[d];
			count[d] = sum;
			sum += c;
		}
		for (let j = 0; j < m; j++) {
			const idx = src[j];
			dst[count[(bits[2 * idx + word] >>> shift) & 0xffff]++] = idx;
		}
		const tmp = src;
		src = dst;
		dst = tmp;
	}
	return src;
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

type Draft = Omit<SegmentResult, 'reasons'> & { reasons: Reason[] };

/**
 * Pareto ABC (optionally XYZ, hysteresis, roll-up) over a batch. Returns one checked result per
 * client, in input order. Segment depends only on the value (plus the previous segment under
 * hysteresis), so equal values always share a segment.
 *
 * Performance (bench/segment.bench.ts, 1M clients): without roll-up a client is its own unit and no
 * intermediate object is built for it; results are checked by checkSegmentResult (the zod schema's
 * exact rules, hand-written; a property test keeps the two in agreement) instead of a zod parse,
 * which copied every object and cost more than the analysis itself.
 */
export function segmentPareto(
	input: readonly ParetoClient[] | ParetoBatch,
	cfg: ParetoConfig,
	valueField = cfg.valueField,
): SegmentResult[] {
	const outcome = analysePareto(input, cfg, valueField);
	const results: SegmentResult[] = new Array(outcome.length);
	for (let i = 0; i < outcome.length; i++) results[i] = outcome.result(i);
	return results;
}

/** A Pareto run's decisions: the ranking is computed once; each client's result object on demand. */
export interface ParetoOutcome {
	length: number;
	/** Client i's segment, without building its result object. */
	segment(i: number): Abc;
	/** Client i's full result (schema-checked), built on each call. */
	result(i: number): SegmentResult;
}

/**
 * The analysis behind segmentPareto: sort, cumulative shares, ties, roll-up groups. Consumers that
 * handle one result at a time (the CLI writing JSON lines) take results from here without holding a
 * million of them at once.
 */
export function analysePareto(
	input: readonly ParetoClient[] | ParetoBatch,
	cfg: ParetoConfig,
	valueField = cfg.valueField,
): ParetoOutcome {
	const batch = input instanceof ParetoBatch ? input : ParetoBatch.of(input, cfg);
	const n = batch.length;
	const special = batch.special;
	// 1. Units: each roll-up group; without roll-up, each client is its own unit (read in place).
	const unitOf = cfg.rollUp ? new Int32Array(n) : undefined;
	const units: Unit[] = [];
	if (cfg.rollUp && unitOf) {
		const byKey = new Map<string, number>();
		for (let i = 0; i < n; i++) {
			const c = batch.client(i);
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
			if (c.previous && (!unit.previous || RANK[c.previous] < RANK[unit.previous]))
				unit.previous = c.previous;
			if (cfg.xyz) {
				const s = c.series;
				if (s?.kind === 'series') {
					const acc = (unit.series ??= []);
					for (let k = 0; k < s.values.length; k++) acc[k] = (acc[k] ?? 0) + s.values[k];
				} else if (!unit.seriesProblem) unit.seriesProblem = s;
			}
		}
	}
	const unitCount = cfg.rollUp ? units.length : n;
	let unitValues: Float64Array;
	if (cfg.rollUp) {
		unitValues = new Float64Array(unitCount);
		for (let u = 0; u < unitCount; u++) unitValues[u] = units[u].value;
	} else unitValues = batch.values();

	// 2. Rank the units with a positive value: sort once (radix sort of the indices by value), suffix
	// sums from the largest down, and for each unit the run [lo, hi) of equal values in sorted order.
	let m = 0;
	let max = 0;
	for (let u = 0; u < unitCount; u++) {
		const v = unitValues[u];
		if (v > 0) {
			m++;
			if (v > max) max = v;
		}
	}
	const positive = new Uint32Array(m);
	let k = 0;
	for (let u = 0; u < unitCount; u++) if (unitValues[u] > 0) positive[k++] = u;
	const order = sortIndicesByValue(positive, unitValues);
	// Sums of values near the largest double overflow to Infinity (two revenues of 1e308): the sums are
	// then taken over values scaled by a power of two, which is exact and leaves every share unchanged.
	const scale = sumScale(max, m);
	const sorted = new Float64Array(m);
	for (let j = 0; j < m; j++) sorted[j] = unitValues[order[j]] * scale;
	const suffix = new Float64Array(m + 1);
	for (let j = m - 1; j >= 0; j--) suffix[j] = suffix[j + 1] + sorted[j];
	const total = suffix[0];
	const runLo = new Int32Array(unitCount);
	const runHi = new Int32Array(unitCount);
	for (let j = 0; j < m; ) {
		let end = j + 1;
		while (end < m && sorted[end] === sorted[j]) end++;
		for (let t = j; t < end; t++) {
			runLo[order[t]] = j;
			runHi[order[t]] = end;
		}
		j = end;
	}

	const cumulative = cfg.abcRule === 'cumulativeShare';
	const a = cfg.aThreshold;
	const b = cfg.bThreshold;
	const ruleName = cumulative ? 'cumulative share' : 'rank';
	// One detail text per segment, shared by every result of the batch (the client's own figure is the
	// reason's evidence): a million results then carry no million formatted strings.
	const verdicts: Record<Abc, string> = cumulative
		? {
				A: `clients ahead hold less than ${a}% of the total (evidence: their share, %) → A`,
				B: `clients ahead hold at least ${a}% and less than ${b}% of the total (evidence: their share, %) → B`,
				C: `clients ahead hold at least ${b}% of the total (evidence: their share, %) → C`,
			}
		: {
				A: `fewer than ${a}% of ranked clients are ahead (evidence: % of clients ahead; see rank) → A`,
				B: `at least ${a}% and fewer than ${b}% of ranked clients are ahead (evidence: % of clients ahead; see rank) → B`,
				C: `at least ${b}% of ranked clients are ahead (evidence: % of clients ahead; see rank) → C`,
			};
	const positionCode = cumulative ? 'abc_cumulative_share' : 'abc_top_percent';

	// 3. Decide per unit.
	const decide = (
		u: number,
		v: number,
		size: number,
		previous: Abc | undefined,
		series: number[] | undefined,
		seriesProblem: SeriesReading | undefined,
	): Draft => {
		let reasons: Reason[];
		let out: Draft;
		if (v > 0) {
			const hi = runHi[u];
			const lo = runLo[u];
			const ahead = m - hi;
			const tie = hi - lo;
			const shareAhead = (suffix[hi] / total) * 100;
			const cumulativeShare = (suffix[lo] / total) * 100;
			const rankPercent = (ahead / m) * 100;
			const position = cumulative ? shareAhead : rankPercent;
			const raw = segmentAt(position, a, b);
			const positionReason: Reason = {
				code: positionCode,
				detail: verdicts[raw],
				evidence: round4(position),
			};
			// Built as a literal of its final length: an empty array that is pushed to gets a
			// 17-slot backing store, which for a million results was a fifth of the run.
			reasons = m === 1 || tie > 1 ? [] : [positionReason];
			if (m === 1) {
				reasons.push(
					reason(
						'abc_single_client',
						'the only ranked client in the batch: nothing is ahead of it',
						1,
					),
				);
			}
			if (tie > 1) {
				const lastPosition = cumulative
					? ((suffix[hi] + (tie - 1) * v * scale) / total) * 100
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
			if (m === 1 || tie > 1) reasons.push(positionReason);
			let segment = raw;
			if (cfg.hysteresis && previous) {
				const p = previous;
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
				reasons,
			};
			if (cfg.hysteresis) {
				out.rawSegment = raw;
				if (previous) out.previousSegment = previous;
			}
		} else {
			reasons = [];
			if (m === 0) {
				reasons.push(
					reason(
						'abc_total_not_positive',
						'no client in the batch has a positive value: nothing can be ranked, all are C',
					),
				);
			}
			if (size > 1 && m > 0) {
				reasons.push(
					reason(
						'rollup_total_not_positive',
						'no member of the group has a positive value: not ranked, C',
						size,
					),
				);
			}
			out = { segment: 'C', mode: 'pareto', clients: m, reasons };
			if (cfg.hysteresis) {
				out.rawSegment = 'C';
				if (previous) out.previousSegment = previous;
			}
		}
		if (cfg.xyz) {
			if (series) {
				const d = classifyXyz(series, cfg.xyz.xThreshold, cfg.xyz.yThreshold);
				out.xyz = d.xyz;
				if (d.cv !== undefined) out.cv = round4(d.cv);
				reasons.push(d.reason);
			} else {
				out.xyz = 'Z';
				reasons.push(
					seriesProblem?.kind === 'invalid'
						? reason(
								'xyz_series_invalid',
								`"${cfg.xyz.seriesField}" is not a series of numbers (${seriesProblem.detail}); Z`,
							)
						: reason('xyz_series_missing', `"${cfg.xyz.seriesField}" is missing; Z`),
				);
			}
			out.abcXyz = `${out.segment}${out.xyz}`;
		}
		return out;
	};
	const unitResults: Draft[] = new Array(units.length);
	for (let u = 0; u < units.length; u++) {
		const unit = units[u];
		unitResults[u] = decide(
			u,
			unit.value,
			unit.size,
			unit.previous,
			unit.series,
			unit.seriesProblem,
		);
	}

	// 4. One result per client, on demand.
	const resultAt = (i: number): SegmentResult => {
		const c = batch.isSpecial(i) ? special.get(i) : undefined;
		let ur: Draft;
		let unitSize = 1;
		let unitValue = 0;
		if (unitOf) {
			const unit = units[unitOf[i]];
			ur = unitResults[unitOf[i]];
			unitSize = unit.size;
			unitValue = unit.value;
		} else {
			const s = c?.series;
			ur = decide(
				i,
				unitValues[i],
				1,
				c?.previous,
				s?.kind === 'series' ? s.values : undefined,
				s?.kind === 'series' ? undefined : s,
			);
			if (!c || (c.state === 'ok' && c.previousInvalid === undefined)) {
				// One client = one unit, nothing item-specific to add: the unit's result is the item's.
				return checkSegmentResult(ur);
			}
		}
		const client = c ?? batch.client(i);
		const own: Reason[] = [];
		const r: SegmentResult = { ...ur, reasons: own };
		if (cfg.rollUp) {
			if (client.groupKey !== undefined) {
				r.group = { key: client.groupKey, size: unitSize };
				own.push(
					reason(
						'rollup_group',
						`segmented as group "${client.groupKey}" (${unitSize} item${unitSize === 1 ? '' : 's'}, total ${fmt(unitValue)})`,
						client.groupKey,
					),
				);
			} else {
				own.push(
					reason(
						client.groupProblem ?? 'rollup_no_key',
						client.groupProblem === 'rollup_invalid_inn'
							? `"${cfg.rollUp.field}" is not a valid INN; the item stands alone`
							: `"${cfg.rollUp.field}" is empty; the item stands alone`,
					),
				);
			}
			if (client.value !== undefined) r.itemValue = client.value;
		} else if (client.value !== undefined) r.value = client.value;
		const vr = valueReason(client, valueField, cfg.rollUp !== undefined && unitSize > 1);
		if (vr) own.push(vr);
		if (client.previousInvalid !== undefined) {
			own.push(
				reason(
					'previous_segment_invalid',
					`"${cfg.hysteresis?.previousSegmentField}" is not A, B or C; ignored`,
					client.previousInvalid,
				),
			);
		}
		for (const x of ur.reasons) own.push(x);
		return checkSegmentResult(r);
	};
	const plainSegment = !cfg.rollUp && !cfg.hysteresis;
	return {
		length: n,
		result: resultAt,
		segment: (i: number): Abc => {
			if (!plainSegment) return resultAt(i).segment;
			const v = unitValues[i];
			if (!(v > 0)) return 'C';
			const position = cumulative ? (suffix[runHi[i]] / total) * 100 : ((m - runHi[i]) / m) * 100;
			return segmentAt(position, a, b);
		},
	};
}
