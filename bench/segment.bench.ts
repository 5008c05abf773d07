/**
 * Score ABC Segment, Pareto mode, in-process: 1,000,000 clients (target: under 2 s) against a plain
 * sort-and-sum baseline run in the same process on the same data. Median of several runs.
 * Usage: node --import tsx bench/segment.bench.ts [--clients N] [--runs R]
 * Last stdout line: {"bench":"segment","machine":...,"rows":[...]} (bench/lib.ts).
 */
import { resolveConfig } from '../core/segment/config';
import { ParetoBatch, analysePareto, segmentPareto } from '../core/segment/pareto';
import { isSegmentResult } from '../core/segment/check';
import { segmentResultSchema } from '../core/segment/schema';
import type { BenchRow } from './lib';
import { emit, flagNumber as arg, medianMs, round, timingsMs } from './lib';

const N = arg('clients', 1_000_000);
const RUNS = arg('runs', 5);

// Deterministic synthetic clients: heavy-tailed revenue (log-normal-ish), rounded to whole roubles so
// that ties occur, 1% zero, 0.5% missing, 0.5% non-numeric text.
function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = rng(42);
const items: Array<Record<string, unknown>> = new Array(N);
for (let i = 0; i < N; i++) {
	const u = rand();
	const gauss = Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
	const revenue =
		u < 0.01 ? 0 : u < 0.015 ? undefined : u < 0.02 ? 'n/a' : Math.round(Math.exp(10 + 2 * gauss));
	items[i] = revenue === undefined ? { id: i } : { id: i, revenue };
}

const config = resolveConfig({}).pareto!;

/** Ours: read every item, segment the batch, one validated result object (with reasons) per client. */
function ours() {
	const batch = new ParetoBatch(config);
	for (const json of items) batch.add(json);
	return segmentPareto(batch, config);
}

/** Ours, the same work as the baseline: read every item, rank, one segment letter per client. */
function oursLetters() {
	const batch = new ParetoBatch(config);
	for (const json of items) batch.add(json);
	const outcome = analysePareto(batch, config);
	const segments = new Array<string>(N);
	for (let i = 0; i < N; i++) segments[i] = outcome.segment(i);
	return segments;
}

/** Baseline: the plain way: numbers out, sort indices by value, running sum, A/B/C by cumulative share. */
function baseline() {
	const values = new Float64Array(N);
	for (let i = 0; i < N; i++) {
		const v = items[i].revenue;
		values[i] = typeof v === 'number' && v > 0 ? v : 0;
	}
	const order = Array.from({ length: N }, (_, i) => i).sort((a, b) => values[b] - values[a]);
	let total = 0;
	for (let i = 0; i < N; i++) total += values[i];
	const segments = new Array<string>(N);
	let cumulative = 0;
	for (const i of order) {
		const ahead = cumulative;
		cumulative += values[i];
		segments[i] =
			values[i] <= 0 ? 'C' : ahead / total < 0.8 ? 'A' : ahead / total < 0.95 ? 'B' : 'C';
	}
	return segments;
}

async function main() {
	// Sanity: both agree wherever no tie straddles a boundary (they differ only by our tie rule).
	const sample = ours();
	const b = baseline();
	let same = 0;
	for (let i = 0; i < N; i++) if (sample[i].segment === b[i]) same++;
	const counts = { A: 0, B: 0, C: 0 };
	for (const r of sample) counts[r.segment]++;
	const zodMs = await medianMs(
		() => {
			for (const r of sample) segmentResultSchema.parse(r);
		},
		Math.min(RUNS, 3),
	);
	const checkMs = await medianMs(
		() => {
			for (const r of sample) if (!isSegmentResult(r)) throw new Error('result outside the schema');
		},
		Math.min(RUNS, 3),
	);
	// Timed runs hold one batch of results at a time, as a node run does (not this sample as well).
	sample.length = 0;

	const base = await medianMs(baseline, RUNS);
	const lettersMs = await medianMs(oursLetters, RUNS);
	const full = await timingsMs(ours, RUNS);
	const ourMs = full.median;

	const rows: BenchRow[] = [
		{
			name: `Pareto ABC, ${N.toLocaleString('en')} clients (read + rank + segment letter per client)`,
			value: round(lettersMs, 1),
			unit: 'ms',
			baseline: 'plain sort-and-sum (indices sorted by value, running sum)',
			baselineValue: round(base, 1),
			ratio: round(lettersMs / base, 3),
			note: 'the same output as the baseline; target < 2000 ms',
		},
		{
			name: `Pareto ABC, ${N.toLocaleString('en')} clients (read + segment + schema-checked result objects)`,
			value: round(ourMs, 1),
			unit: 'ms',
			baseline: 'plain sort-and-sum (indices sorted by value, running sum)',
			baselineValue: round(base, 1),
			ratio: round(ourMs / base, 3),
			note: `runs ${round(full.min, 0)}–${round(full.max, 0)} ms (${N.toLocaleString('en')} live results: garbage collection decides the spread); every result with its reasons, as the node emits them; A/B/C = ${counts.A}/${counts.B}/${counts.C}; same segment as baseline for ${round((100 * same) / N, 3)}% of clients`,
		},
		{
			name: `of which: schema check of ${N.toLocaleString('en')} result objects (measured alone)`,
			value: round(checkMs, 1),
			unit: 'ms',
			baseline: 'zod segmentResultSchema.parse on the same objects',
			baselineValue: round(zodMs, 1),
			ratio: round(checkMs / zodMs, 3),
			note: "every result passes isSegmentResult (the schema's rules, property-tested against zod) before it leaves core",
		},
	];
	emit('segment', rows);
}

void main();
