/**
 * Organisation dedupe benchmark: "Deduplicate a list" with entity = organisation on synthetic
 * organisations with known truth (bench/orgData.ts: English listings and Russian companies with legal
 * forms, Latin spellings and INNs), against exact-name dedupe like n8n's Remove Duplicates (lower-cased,
 * trimmed name string) on the same data in the same run: CPU time (median of --runs) and pairwise
 * precision / recall / F1.
 *
 *   node --import tsx bench/dedupe-org.bench.ts [--sizes 10000,100000] [--runs 3] [--seed 7]
 */
import { performance } from 'node:perf_hooks';

import { pairwiseMetrics } from '../cli/eval/dedupe';
import { DEFAULT_FIELD_MAPPING } from '../core/dedupe/fields';
import { dedupeOrgList } from '../core/dedupe/org/operations';
import { DEFAULT_THRESHOLDS } from '../core/dedupe/weights';
import type { BenchRow } from './lib';
import { emit, flagNumber, flagText, median, round } from './lib';
import type { OrgRow } from './orgData';
import { makeOrgData } from './orgData';

function timed<T>(fn: () => T, runs: number): { cpuMs: number; ms: number; result: T } {
	let result: T | undefined;
	const cpu: number[] = [];
	const wall: number[] = [];
	for (let i = 0; i < runs; i++) {
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		result = fn();
		wall.push(performance.now() - t0);
		const c = process.cpuUsage(c0);
		cpu.push((c.user + c.system) / 1000);
	}
	return { cpuMs: median(cpu), ms: median(wall), result: result as T };
}

function exactName(rows: OrgRow[]): string[] {
	const first = new Map<string, string>();
	return rows.map((r, i) => {
		const k = String(r.name ?? '').trim().toLowerCase();
		if (!k) return `single${i}`;
		if (!first.has(k)) first.set(k, r.id);
		return first.get(k)!;
	});
}

function main(): void {
	const sizes = flagText('sizes', '10000,100000').split(',').map(Number);
	const runs = flagNumber('runs', 3);
	const seed = flagNumber('seed', 7);
	const rows: BenchRow[] = [];
	for (const n of sizes) {
		const data = makeOrgData(n, seed, true);
		const truth = data.map((r) => r.entity);
		const ours = timed(() => dedupeOrgList(data, { mapping: DEFAULT_FIELD_MAPPING, thresholds: { ...DEFAULT_THRESHOLDS } }), runs);
		const labels = data.map((_, i) => `s${i}`);
		ours.result.positions.forEach((p, k) => (labels[p] = `c${ours.result.positions[ours.result.primaryOf[k]]}`));
		const m = pairwiseMetrics(labels, truth);
		const base = timed(() => exactName(data), runs);
		const b = pairwiseMetrics(base.result, truth);
		const label = `${n / 1000}k`;
		rows.push(
			{
				name: `Dedupe list, ${label} organisations: CPU time`,
				value: round(ours.cpuMs, 1),
				unit: 'ms',
				baseline: 'exact name string (Remove Duplicates)',
				baselineValue: round(base.cpuMs, 1),
				ratio: round(ours.cpuMs / Math.max(base.cpuMs, 1e-9), 1),
				note: `median of ${runs}; wall ${round(ours.ms, 0)} ms; target 100k < 5000 ms CPU`,
			},
			{
				name: `Dedupe list, ${label} organisations: pairwise F1`,
				value: round(m.f1),
				unit: '',
				baseline: 'exact name string (Remove Duplicates)',
				baselineValue: round(b.f1),
				ratio: round(m.f1 / Math.max(b.f1, 1e-9), 2),
				note: `precision ours ${round(m.precision)} vs ${round(b.precision)}; recall ours ${round(m.recall)} vs ${round(b.recall)}`,
			},
		);
	}
	emit('dedupe-org', rows);
}

main();
