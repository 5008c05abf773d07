/**
 * eval classify FILE.jsonl [--train TRAIN.jsonl] [--split 0.5] [--config FILE] [--confusion]
 *
 * Measures the offline engines (rules + local model, cascade without an LLM) on a labelled JSON Lines
 * file in the neutral format of ../shared/data/README.md. A label missing from a row is unknown, not
 * false: that row is skipped for that label. --train trains the local model on TRAIN's `type` labels
 * first (user history); --split F trains on the rows whose id hashes below F and evaluates on the rest.
 * Progress and the confusion matrix go to stderr; the summary object is returned (printed last).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { createClassifier } from '../../core/classify';
import type { ClassifierConfig, Inquiry, TrainingExample } from '../../core/classify';
import { parseArgs, readJsonLinesFile, UsageError } from '../io';
import { configFromJson } from '../classifyConfig';

type Row = Record<string, unknown> & { id?: unknown; text?: unknown };

/** Deterministic position of an id in [0, 1) (FNV-1a), for --split. */
export function idFraction(id: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) {
		h ^= id.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) / 4294967296;
}

export interface BinaryScore {
	precision: number;
	recall: number;
	f1: number;
	n: number;
}

export interface MultiClassScore {
	accuracy: number;
	macroF1: number;
	n: number;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function binaryScore(pairs: Array<[boolean, boolean]>): BinaryScore {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const [gold, pred] of pairs) {
		if (gold && pred) tp++;
		else if (!gold && pred) fp++;
		else if (gold && !pred) fn++;
	}
	const precision = tp + fp ? tp / (tp + fp) : 0;
	const recall = tp + fn ? tp / (tp + fn) : 0;
	const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
	return { precision: round(precision), recall: round(recall), f1: round(f1), n: pairs.length };
}

/** Accuracy and macro-F1 over the classes that occur in the gold labels. */
export function multiClassScore(pairs: Array<[string, string]>): MultiClassScore & { perClass: Record<string, BinaryScore> } {
	const classes = [...new Set(pairs.map(([g]) => g))].sort();
	const perClass: Record<string, BinaryScore> = {};
	for (const c of classes) perClass[c] = binaryScore(pairs.map(([g, p]) => [g === c, p === c]));
	const accuracy = pairs.length ? pairs.filter(([g, p]) => g === p).length / pairs.length : 0;
	const macroF1 = classes.length ? classes.reduce((s, c) => s + perClass[c].f1, 0) / classes.length : 0;
	return { accuracy: round(accuracy), macroF1: round(macroF1), n: pairs.length, perClass };
}

function confusion(pairs: Array<[string, string]>): string {
	const gold = [...new Set(pairs.map(([g]) => g))].sort();
	const pred = [...new Set([...gold, ...pairs.map(([, p]) => p)])].sort();
	const m = new Map<string, number>();
	for (const [g, p] of pairs) m.set(`${g}|${p}`, (m.get(`${g}|${p}`) ?? 0) + 1);
	const w = 16;
	const lines = [`${'gold \\ predicted'.padEnd(w)}${pred.map((p) => p.slice(0, 15).padStart(w)).join('')}`];
	for (const g of gold) lines.push(`${g.padEnd(w)}${pred.map((p) => String(m.get(`${g}|${p}`) ?? 0).padStart(w)).join('')}`);
	return lines.join('\n');
}

function readRows(path: string): Row[] {
	return readJsonLinesFile(path).filter((r): r is Row => r !== null && typeof r === 'object' && !Array.isArray(r));
}

function trainingFrom(rows: Row[]): TrainingExample[] {
	return rows
		.filter((r) => typeof r.text === 'string' && typeof r.type === 'string')
		.map((r) => ({ text: r.text as string, type: r.type as string }));
}

/** What a row's classification could not give: never equal to a gold label. */
export const FAILED_PREDICTION = '(error)';

export interface LangPairs {
	type: Array<[string, string]>;
	priority: Array<[string, string]>;
	flags: Record<'wantsHuman' | 'angry' | 'spam', Array<[boolean, boolean]>>;
}

export interface ScoredRows {
	typePairs: Array<[string, string]>;
	priorityPairs: Array<[string, string]>;
	flagPairs: Record<'wantsHuman' | 'angry' | 'spam', Array<[boolean, boolean]>>;
	/** Per language (rows with `lang`): the same pairs, kept apart. */
	byLang: Map<string, LangPairs>;
	/** Rows classified, failed ones included. */
	n: number;
	/** Rows without usable text (not classified, not scored). */
	skipped: number;
	/** Rows whose classification threw: each of their labels counts as a wrong answer. */
	errors: number;
	seconds: number;
}

/**
 * Gold/predicted pairs of every labelled row. A row whose classification throws is not dropped (that
 * would raise the figures): its type and priority count as FAILED_PREDICTION, its flags as the opposite
 * of the gold value.
 */
export function scoreRows(rows: Row[], classify: (text: string) => Inquiry, progress?: (done: number) => void): ScoredRows {
	const typePairs: Array<[string, string]> = [];
	const priorityPairs: Array<[string, string]> = [];
	const flagPairs: ScoredRows['flagPairs'] = { wantsHuman: [], angry: [], spam: [] };
	const byLang = new Map<string, LangPairs>();
	let n = 0;
	let skipped = 0;
	let errors = 0;
	let seconds = 0;
	for (const row of rows) {
		if (typeof row.text !== 'string' || row.text.trim() === '') {
			skipped++;
			continue;
		}
		const start = performance.now();
		let inquiry: Inquiry | undefined;
		try {
			inquiry = classify(row.text);
		} catch {
			errors++;
		} finally {
			seconds += (performance.now() - start) / 1000;
		}
		n++;
		const lang = typeof row.lang === 'string' ? row.lang : undefined;
		let perLang = lang === undefined ? undefined : byLang.get(lang);
		if (lang !== undefined && !perLang) byLang.set(lang, (perLang = { type: [], priority: [], flags: { wantsHuman: [], angry: [], spam: [] } }));
		if (typeof row.type === 'string') for (const l of [typePairs, perLang?.type]) l?.push([row.type, inquiry ? inquiry.type : FAILED_PREDICTION]);
		if (typeof row.priority === 'string') for (const l of [priorityPairs, perLang?.priority]) l?.push([row.priority, inquiry ? inquiry.priority : FAILED_PREDICTION]);
		for (const k of ['wantsHuman', 'angry', 'spam'] as const) {
			const gold = row[k];
			if (typeof gold === 'boolean') for (const f of [flagPairs, perLang?.flags]) f?.[k].push([gold, inquiry ? inquiry[k] : !gold]);
		}
		progress?.(n);
	}
	return { typePairs, priorityPairs, flagPairs, byLang, n, skipped, errors, seconds };
}

export async function evaluateClassify(argv: string[]): Promise<Record<string, unknown>> {
	const { positional, flags } = parseArgs(argv);
	const file = positional[0];
	if (!file) throw new UsageError('usage: inquiry-router eval classify FILE.jsonl [--train TRAIN.jsonl] [--split 0.5] [--config FILE]');
	let rows = readRows(file);
	const base: ClassifierConfig =
		typeof flags.config === 'string' ? configFromJson(JSON.parse(readFileSync(flags.config, 'utf8'))) : { mode: 'cascade' };
	if (base.mode === 'llm') base.mode = 'cascade';
	delete base.llm;
	let training: TrainingExample[] = [...(base.training ?? [])];
	if (typeof flags.train === 'string') training = training.concat(trainingFrom(readRows(flags.train)));
	if (flags.split !== undefined) {
		const f = Number(flags.split);
		if (!(f > 0 && f < 1)) throw new UsageError('--split takes a fraction between 0 and 1, e.g. --split 0.5');
		const trainRows = rows.filter((r) => idFraction(String(r.id ?? r.text)) < f);
		rows = rows.filter((r) => idFraction(String(r.id ?? r.text)) >= f);
		training = training.concat(trainingFrom(trainRows));
		process.stderr.write(`split ${f}: training on ${trainRows.length} rows, evaluating on ${rows.length}\n`);
	}
	const t0 = performance.now();
	const classifier = createClassifier({ ...base, training });
	process.stderr.write(`model trained on ${training.length} user examples in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);

	const scored = scoreRows(rows, (text) => classifier.classifyOffline(text), (done) => {
		if (done % 2000 === 0) process.stderr.write(`  ${done}/${rows.length}\n`);
	});
	const { typePairs, priorityPairs, flagPairs, byLang, n, skipped, errors, seconds } = scored;
	if (skipped) process.stderr.write(`${skipped} rows without usable text were skipped\n`);
	if (errors) process.stderr.write(`${errors} rows failed to classify (counted as wrong answers)\n`);

	const summary: Record<string, unknown> = { task: 'classify', n, errors };
	if (typePairs.length) {
		const s = multiClassScore(typePairs);
		summary.type = { accuracy: s.accuracy, macroF1: s.macroF1, n: s.n };
		process.stderr.write(`type per class (precision / recall / f1 / n):\n`);
		for (const [c, b] of Object.entries(s.perClass)) {
			process.stderr.write(`  ${c.padEnd(16)} ${b.precision.toFixed(3)} / ${b.recall.toFixed(3)} / ${b.f1.toFixed(3)} / ${typePairs.filter(([g]) => g === c).length}\n`);
		}
		process.stderr.write(`confusion matrix:\n${confusion(typePairs)}\n`);
	}
	for (const k of ['wantsHuman', 'angry', 'spam'] as const) if (flagPairs[k].length) summary[k] = binaryScore(flagPairs[k]);
	const high = (pairs: Array<[string, string]>) => binaryScore(pairs.map(([g, p]) => [g === 'high', p === 'high']));
	if (priorityPairs.length) {
		const s = multiClassScore(priorityPairs);
		summary.priority = { accuracy: s.accuracy, macroF1: s.macroF1, n: s.n };
		summary.highPriority = high(priorityPairs);
	}
	if (byLang.size > 1) {
		const languages: Record<string, Record<string, unknown>> = {};
		for (const [lang, p] of [...byLang.entries()].sort()) {
			const l: Record<string, unknown> = {};
			if (p.type.length) l.typeMacroF1 = multiClassScore(p.type).macroF1;
			for (const k of ['wantsHuman', 'angry', 'spam'] as const) if (p.flags[k].length) l[k] = binaryScore(p.flags[k]).f1;
			if (p.priority.length) l.highPriority = high(p.priority).f1;
			languages[lang] = l;
		}
		summary.byLanguage = languages;
	}
	summary.itemsPerSecond = seconds > 0 ? Math.round(n / seconds) : 0;
	return summary;
}
