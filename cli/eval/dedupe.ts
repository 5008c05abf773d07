/**
 * eval dedupe FILE.jsonl: clusters the file with the node's "Deduplicate a list" operation (default
 * settings, the same for every file) and scores the clusters against the `entity` labels:
 * pairwise precision, recall and F1. The summary object is printed last by cli/commands/eval.ts.
 */
import { performance } from 'node:perf_hooks';

import { DEFAULT_FIELD_MAPPING } from '../../core/dedupe/fields';
import { dedupeList } from '../../core/dedupe/list';
import { dedupeOrgList } from '../../core/dedupe/org/operations';
import { DEFAULT_THRESHOLDS } from '../../core/dedupe/weights';
import { parseArgs, readJsonLinesFile, UsageError } from '../io';

export interface PairMetrics {
	precision: number;
	recall: number;
	f1: number;
	truePairs: number;
	predictedPairs: number;
	correctPairs: number;
}

const pairsOf = (n: number) => (n * (n - 1)) / 2;

/** Pairwise metrics of predicted cluster labels against true entity labels (same length). */
export function pairwiseMetrics(predicted: readonly (string | number)[], truth: readonly string[]): PairMetrics {
	const count = (labels: readonly (string | number)[]) => {
		const m = new Map<string | number, number>();
		for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
		return m;
	};
	const joint = count(predicted.map((p, i) => `${p}\u0000${truth[i]}`));
	let predictedPairs = 0;
	for (const c of count(predicted).values()) predictedPairs += pairsOf(c);
	let truePairs = 0;
	for (const c of count(truth).values()) truePairs += pairsOf(c);
	let correctPairs = 0;
	for (const c of joint.values()) correctPairs += pairsOf(c);
	const precision = predictedPairs ? correctPairs / predictedPairs : 1;
	const recall = truePairs ? correctPairs / truePairs : 1;
	const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
	return { precision, recall, f1, truePairs, predictedPairs, correctPairs };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export async function evaluateDedupe(argv: string[]): Promise<Record<string, unknown>> {
	const { positional, flags } = parseArgs(argv);
	const file = positional[0];
	const usage = 'usage: inquiry-router eval dedupe FILE.jsonl [--country RU] [--entity person|organisation]';
	if (!file) throw new UsageError(usage);
	const entity = flags.entity === undefined ? 'person' : String(flags.entity);
	if (entity !== 'person' && entity !== 'organisation') throw new UsageError(usage);
	const rows = readJsonLinesFile(file) as Array<Record<string, unknown>>;
	const truth = rows.map((r, i) => (typeof r.entity === 'string' ? r.entity : `__row${i}`));
	const started = performance.now();
	let positions: number[];
	let primaryOf: number[];
	if (entity === 'organisation') {
		({ positions, primaryOf } = dedupeOrgList(rows, { mapping: DEFAULT_FIELD_MAPPING, thresholds: { ...DEFAULT_THRESHOLDS } }));
	} else {
		const list = dedupeList(rows, {
			...(typeof flags.country === 'string' ? { defaultCountry: flags.country as never } : {}),
		});
		positions = list.positions;
		primaryOf = list.result.primaryOf;
	}
	const seconds = (performance.now() - started) / 1000;
	const predicted: Array<string | number> = rows.map((_, i) => `single-${i}`);
	positions.forEach((rowIndex, k) => {
		predicted[rowIndex] = positions[primaryOf[k]];
	});
	const m = pairwiseMetrics(predicted, truth);
	return {
		task: 'dedupe',
		n: rows.length,
		entities: new Set(truth).size,
		clusters: new Set(predicted).size,
		pairs: { precision: round(m.precision), recall: round(m.recall), f1: round(m.f1) },
		seconds: Math.round(seconds * 1000) / 1000,
	};
}
