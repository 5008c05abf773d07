/** Shared helpers for benchmarks: timing with medians, peak memory, a machine line, and the result line. */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

import { parseArgs } from '../cli/io';

export interface BenchRow {
	/** What was measured, e.g. "Dedupe list, 100k contacts". */
	name: string;
	/** Our figure and its unit. */
	value: number;
	unit: string;
	/** The baseline measured in the same run, and its figure in the same unit. */
	baseline?: string;
	baselineValue?: number;
	/** value / baselineValue (for times: how many times slower than the baseline; < 1 is faster). */
	ratio?: number;
	note?: string;
}

export async function medianMs(
	fn: () => unknown | Promise<unknown>,
	runs = 5,
	warmup = 1,
): Promise<number> {
	return (await timingsMs(fn, runs, warmup)).median;
}

/** Median, fastest and slowest of `runs` timed runs after `warmup` untimed ones. */
export async function timingsMs(
	fn: () => unknown | Promise<unknown>,
	runs = 5,
	warmup = 1,
): Promise<{ median: number; min: number; max: number }> {
	for (let i = 0; i < warmup; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

export function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function machine(): string {
	const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
	return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function round(x: number, digits = 3): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

/** Prints a readable table to stderr and the machine-readable result as the last stdout line. */
export function emit(bench: string, rows: BenchRow[]): void {
	for (const r of rows) {
		const base = r.baseline
			? ` | ${r.baseline}: ${round(r.baselineValue ?? NaN)} ${r.unit} | ratio ${round(r.ratio ?? NaN, 2)}`
			: '';
		process.stderr.write(
			`${r.name}: ${round(r.value)} ${r.unit}${base}${r.note ? ` | ${r.note}` : ''}\n`,
		);
	}
	process.stdout.write(`${JSON.stringify({ bench, machine: machine(), rows })}\n`);
}

const { flags } = parseArgs(process.argv.slice(2));

/** A "--name value" flag of the benchmark's command line, or the default. */
export function flagText(name: string, fallback: string): string {
	const v = flags[name];
	return typeof v === 'string' ? v : fallback;
}

export function flagNumber(name: string, fallback: number): number {
	return Number(flagText(name, String(fallback)));
}
