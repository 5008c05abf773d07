/**
 * Classify Inquiry offline engines on labelled third-party data (issue 9):
 *  - throughput (items/s) of the rules engine and of the offline cascade (rules + local model),
 *    against a baseline that only lower-cases and tokenises the same texts (the floor of any text step);
 *  - the share of items the cascade would send to the LLM at the default threshold (offline confidence
 *    below it), and the type accuracy on the items it keeps offline and on those it would send.
 *   node --import tsx bench/classify.bench.ts [--data ../shared/data/classify/dev.jsonl] [--runs 3] [--threshold 0.5]
 * The data is read from its path, never copied.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { readJsonLinesFile } from '../cli/io';
import { createClassifier } from '../core/classify';
import { emit, flagText as flag, median, type BenchRow } from './lib';

const DATA = flag('data', '../shared/data/classify/dev.jsonl');
const RUNS = Number(flag('runs', '3'));
const THRESHOLD = Number(flag('threshold', '0.5'));

function main() {
	if (!existsSync(DATA)) throw new Error(`no data at ${DATA} (give --data PATH)`);
	const rows = readJsonLinesFile(DATA) as Array<{ text: string; type?: string }>;
	const texts = rows.map((r) => r.text);

	const cascade = createClassifier({ mode: 'cascade', threshold: THRESHOLD });
	const rules = createClassifier({ mode: 'rules' });
	const time = (fn: () => void) => {
		const t: number[] = [];
		for (let r = 0; r < RUNS; r++) {
			const t0 = performance.now();
			fn();
			t.push(performance.now() - t0);
		}
		return median(t);
	};
	let sink = 0;
	const baseMs = time(() => {
		for (const t of texts) sink += t.toLowerCase().split(/[^\p{L}\p{N}]+/u).length;
	});
	const rulesMs = time(() => {
		for (const t of texts) sink += rules.classifyOffline(t).confidence;
	});
	const cascadeMs = time(() => {
		for (const t of texts) sink += cascade.classifyOffline(t).confidence;
	});

	// One offline pass; the share and accuracy at several thresholds come from the same confidences.
	const decided = rows.map((r) => {
		const inquiry = cascade.classifyOffline(r.text);
		return { confidence: inquiry.confidence, typed: r.type !== undefined, right: inquiry.type === r.type };
	});
	const at = (threshold: number) => {
		let toLlm = 0;
		let keptTyped = 0;
		let keptRight = 0;
		let sentTyped = 0;
		let sentRight = 0;
		for (const d of decided) {
			const below = d.confidence < threshold;
			if (below) toLlm++;
			if (!d.typed) continue;
			if (below) {
				sentTyped++;
				if (d.right) sentRight++;
			} else {
				keptTyped++;
				if (d.right) keptRight++;
			}
		}
		const typed = keptTyped + sentTyped;
		const typedShare = (100 * sentTyped) / Math.max(1, typed);
		return {
			share: (100 * toLlm) / rows.length,
			typedShare,
			note: `${typedShare.toFixed(1)} % of the ${typed} rows with a type label; type accuracy on items kept offline ${(keptRight / Math.max(1, keptTyped)).toFixed(3)} (n ${keptTyped}), on items sent ${(sentRight / Math.max(1, sentTyped)).toFixed(3)} (n ${sentTyped})`,
		};
	};
	const main_ = at(THRESHOLD);
	const curve = [0.4, 0.5, 0.6, 0.7, 0.8]
		.map((t) => {
			const r = at(t);
			return `${t}: ${r.share.toFixed(1)} % (typed ${r.typedShare.toFixed(1)} %)`;
		})
		.join('; ');
	const perSec = (ms: number) => (texts.length * 1000) / ms;
	const rows_: BenchRow[] = [
		{ name: `Rules engine, ${texts.length} messages`, value: perSec(rulesMs), unit: 'items/s', baseline: 'lower-case + tokenise only', baselineValue: perSec(baseMs), ratio: perSec(rulesMs) / perSec(baseMs) },
		{ name: `Offline cascade (rules + local model), ${texts.length} messages`, value: perSec(cascadeMs), unit: 'items/s', baseline: 'lower-case + tokenise only', baselineValue: perSec(baseMs), ratio: perSec(cascadeMs) / perSec(baseMs) },
		{
			name: `Cascade: share of all ${rows.length} items that would reach the LLM (confidence < ${THRESHOLD})`,
			value: main_.share,
			unit: '%',
			note: `goal ≤ 30 %; ${main_.note}; share by threshold: ${curve}`,
		},
	];
	if (sink === -1) process.stderr.write('');
	emit('classify', rows_);
}

main();
