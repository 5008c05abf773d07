/**
 * npm run figures [-- --update]
 *
 * Re-measures every figure that README.md and docs/ quote, and compares it with the documented one.
 * The documented figures live in ONE place, docs/figures.json (key → value as printed). The markdown quotes
 * them between markers, `<!--fig:KEY-->0.757<!--/fig-->` inline and `<!--figblock:KEY-->` … `<!--/figblock-->`
 * for generated tables; this script checks that every marker says what docs/figures.json says, and that
 * docs/figures.json says what the code measures now. Tolerance: 0, i.e. exact at the printed precision
 * (a figure printed 0.757 must measure 0.757 after rounding to three decimals). Any difference fails (exit 1).
 *
 * --update writes the measured figures into docs/figures.json and into every marker (after a change that moves
 * them on purpose); review the diff, and the prose around the markers, before committing.
 *
 * Data: $INQUIRY_ROUTER_DATA, else ../shared/data next to the repository (CI's layout). Missing data is an
 * error, never a skip. Everything is measured on every run (about 1–2 minutes on 2 shared cores: one pass of
 * dev.jsonl with the default engine, one rules-only, one --split 0.5, the team inbox set, the human-request
 * detector and both dedupe files). Not checked here: throughput (machine-dependent; `npm run bench` rewrites
 * its table) and the step-by-step history in docs/quality, which keeps the figures measured at the time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import { createClassifier, DEFAULT_EXAMPLES, OFF_TOPIC_EXAMPLES } from '../core/classify';
import type { Classifier, ClassifierConfig, Inquiry, TrainingExample } from '../core/classify';
import { binaryScore, idFraction, multiClassScore } from '../cli/eval/classify';
import { evaluateDedupe } from '../cli/eval/dedupe';
import { evalHumanRequest } from '../cli/commands/escalate';

const ROOT = resolve(__dirname, '..');
const FIGURES_JSON = join(ROOT, 'docs', 'figures.json');
const DOCS = ['README.md', 'docs/quality/classify.md', 'docs/quality/dedupe.md', 'docs/nodes/EscalateToHuman.md'];
const TEAM_SET = join(ROOT, 'test', 'fixtures', 'inbox', 'team-inbox.jsonl');
const TEAM_SET_2 = join(ROOT, 'test', 'fixtures', 'inbox', 'team-inbox-2.jsonl');
const TEAM_SET_2_SECOND = join(ROOT, 'test', 'fixtures', 'inbox', 'team-inbox-2.second.jsonl');

const args = process.argv.slice(2);
const UPDATE = args.includes('--update');
if (args.includes('--help') || args.includes('-h')) {
	process.stdout.write(readFileSync(__filename, 'utf8').split('*/')[0].replace(/^\/\*\*|^ \* ?/gm, ''));
	process.exit(0);
}

function dataDir(): string {
	const dir = resolve(process.env.INQUIRY_ROUTER_DATA ?? join(ROOT, '..', 'shared', 'data'));
	for (const f of ['classify/dev.jsonl', 'dedupe/febrl3.jsonl', 'dedupe/splink-fake-1000.jsonl']) {
		if (!existsSync(join(dir, f))) {
			process.stderr.write(`figures: evaluation data missing: ${join(dir, f)}\nSet INQUIRY_ROUTER_DATA to the data folder (default ../shared/data next to the repository).\n`);
			process.exit(2);
		}
	}
	return dir;
}

type Row = Record<string, unknown> & { text: string };
const readRows = (path: string): Row[] =>
	readFileSync(path, 'utf8')
		.split('\n')
		.filter((l) => l.trim() !== '')
		.map((l) => JSON.parse(l) as Row);

// ---- measured figures: key → printed string ----
const measured = new Map<string, string>();
const fmt = (x: number, decimals: number, thousands = false) => {
	const s = x.toFixed(decimals);
	if (!thousands) return s;
	const [i, d] = s.split('.');
	return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d !== undefined ? `.${d}` : '');
};
const put = (key: string, value: string) => measured.set(key, value);
const num = (key: string, x: number, decimals = 3) => put(key, fmt(x, decimals));
const count = (key: string, x: number) => put(key, fmt(x, 0, true));
const pct = (key: string, share: number) => put(key, fmt(100 * share, 1));
const status = (key: string, met: boolean) => put(key, met ? 'met' : 'not met');

// ---- classification pass ----
interface Scored {
	n: number;
	errors: number;
	type: Array<[string, string]>;
	typeNoGate: Array<[string, string]>;
	flags: Record<'wantsHuman' | 'angry' | 'spam', Array<[boolean, boolean]>>;
	spamNoGate: Array<[boolean, boolean]>;
	angryByLang: Record<string, Array<[boolean, boolean]>>;
	typeByLang: Record<string, Array<[string, string]>>;
	/** Gold and predicted: is the priority high (rows with `priority`). */
	high: Array<[boolean, boolean]>;
	decided: Array<{ confidence: number; typed: boolean; right: boolean }>;
}

/**
 * Classifies every row once. A row that throws counts as a wrong answer for every label it carries (type
 * "(error)", flags the opposite of gold), so that a crash can never raise a figure.
 */
function score(classifier: Classifier, rows: Row[]): Scored {
	const s: Scored = { n: 0, errors: 0, type: [], typeNoGate: [], flags: { wantsHuman: [], angry: [], spam: [] }, spamNoGate: [], angryByLang: {}, typeByLang: {}, high: [], decided: [] };
	for (const row of rows) {
		s.n++;
		let inquiry: Inquiry | undefined;
		try {
			inquiry = classifier.classifyOffline(String(row.text));
		} catch {
			s.errors++;
		}
		// Without the spam gate the model's own top label (spam) would have stood: the gate records it.
		const ungated = inquiry?.reasons.some((r) => r.code === 'spam_unconfirmed') ?? false;
		if (typeof row.type === 'string') {
			s.type.push([row.type, inquiry?.type ?? '(error)']);
			s.typeNoGate.push([row.type, ungated ? 'spam' : (inquiry?.type ?? '(error)')]);
			(s.typeByLang[String(row.lang)] ??= []).push([row.type, inquiry?.type ?? '(error)']);
		}
		if (typeof row.priority === 'string') {
			const gold = row.priority === 'high';
			s.high.push([gold, inquiry ? inquiry.priority === 'high' : !gold]);
		}
		for (const k of ['wantsHuman', 'angry', 'spam'] as const) {
			const gold = row[k];
			if (typeof gold !== 'boolean') continue;
			const pred = inquiry ? inquiry[k] : !gold;
			s.flags[k].push([gold, pred]);
			if (k === 'spam') s.spamNoGate.push([gold, ungated || pred]);
			if (k === 'angry') (s.angryByLang[String(row.lang)] ??= []).push([gold, pred]);
		}
		s.decided.push({ confidence: inquiry?.confidence ?? 0, typed: typeof row.type === 'string', right: inquiry?.type === row.type });
	}
	return s;
}

/** Cohen's kappa of two annotations of the same items. */
function cohenKappa(pairs: Array<[string, string]>): number {
	const n = pairs.length;
	const labels = [...new Set(pairs.flat())];
	const po = pairs.filter(([a, b]) => a === b).length / n;
	const pe = labels.reduce((s, l) => s + (pairs.filter(([a]) => a === l).length / n) * (pairs.filter(([, b]) => b === l).length / n), 0);
	return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

function putScores(prefix: string, s: Scored, withCounts = true, typeOnly = false) {
	const t = multiClassScore(s.type);
	num(`${prefix}.type.macroF1`, t.macroF1);
	num(`${prefix}.type.accuracy`, t.accuracy);
	if (withCounts) count(`${prefix}.type.n`, t.n);
	for (const k of ['wantsHuman', 'angry', 'spam'] as const) {
		if (typeOnly || !s.flags[k].length) continue;
		const b = binaryScore(s.flags[k]);
		num(`${prefix}.${k}.precision`, b.precision);
		num(`${prefix}.${k}.recall`, b.recall);
		num(`${prefix}.${k}.f1`, b.f1);
		if (withCounts) count(`${prefix}.${k}.n`, b.n);
	}
	if (s.errors) process.stderr.write(`  ${prefix}: ${s.errors} rows threw and were counted as wrong\n`);
	return t;
}

/**
 * The issue-22 goals on the team set (default engine): type macro-F1 per language, high priority P/R/F1, and
 * whether every goal is met (type ≥ 0.80, wantsHuman F1 ≥ 0.92, spam P ≥ 0.98 and R ≥ 0.85, angry F1 ≥ 0.70,
 * high-priority F1 ≥ 0.80).
 */
function putGoals(prefix: string, s: Scored) {
	for (const lang of ['ru', 'en']) if (s.typeByLang[lang]?.length) num(`${prefix}.type.${lang}`, multiClassScore(s.typeByLang[lang]).macroF1);
	const h = binaryScore(s.high);
	num(`${prefix}.high.precision`, h.precision);
	num(`${prefix}.high.recall`, h.recall);
	num(`${prefix}.high.f1`, h.f1);
	const f = (k: 'wantsHuman' | 'angry' | 'spam') => binaryScore(s.flags[k]);
	const met =
		multiClassScore(s.type).macroF1 >= 0.8 &&
		f('wantsHuman').f1 >= 0.92 &&
		f('spam').precision >= 0.98 &&
		f('spam').recall >= 0.85 &&
		f('angry').f1 >= 0.7 &&
		h.f1 >= 0.8;
	status(`${prefix}.goals.status`, met);
}

const lines = (rows: string[][]) => rows.map((r) => `| ${r.join(' | ')} |`).join('\n');

function perClassTable(pairs: Array<[string, string]>): string {
	const t = multiClassScore(pairs);
	const body = Object.entries(t.perClass).map(([c, b]) => [
		c,
		fmt(b.precision, 3),
		fmt(b.recall, 3),
		fmt(b.f1, 3),
		fmt(pairs.filter(([g]) => g === c).length, 0, true),
	]);
	return `| class | precision | recall | F1 | n |\n|---|---|---|---|---|\n${lines(body)}`;
}

function confusionMatrix(pairs: Array<[string, string]>): string {
	const gold = [...new Set(pairs.map(([g]) => g))].sort();
	const pred = [...new Set([...gold, ...pairs.map(([, p]) => p)])].sort();
	const m = new Map<string, number>();
	for (const [g, p] of pairs) m.set(`${g}|${p}`, (m.get(`${g}|${p}`) ?? 0) + 1);
	const w = (p: string) => Math.max(p.length, 5) + 2;
	const head = 'gold \\ predicted'.padEnd(16) + pred.map((p) => p.padStart(w(p))).join('');
	const body = gold.map((g) => g.padEnd(16) + pred.map((p) => String(m.get(`${g}|${p}`) ?? 0).padStart(w(p))).join(''));
	return ['```', head, ...body, '```'].join('\n');
}

/** Lower-case words with every digit masked: "Order 20931" and "order 55310" are the same template. */
const masked = (t: string) => t.toLowerCase().replace(/\d/g, '0').match(/[\p{L}\p{N}]+/gu) ?? [];

function twinShares(scored: Row[], train: Row[]): { exact: number; near: number } {
	const trainKeys = new Set(train.map((r) => masked(r.text).join(' ')));
	const trainSets = train.map((r) => new Set(masked(r.text)));
	let exact = 0;
	let near = 0;
	for (const r of scored) {
		const words = masked(r.text);
		if (trainKeys.has(words.join(' '))) exact++;
		const a = new Set(words);
		// near-twin: word-set Jaccard ≥ 0.8 with some training row after digit masking (exact twins included)
		if (
			trainSets.some((b) => {
				let inter = 0;
				for (const w of a) if (b.has(w)) inter++;
				return inter / (a.size + b.size - inter) >= 0.8;
			})
		)
			near++;
	}
	return { exact: exact / scored.length, near: near / scored.length };
}

function trainingFrom(rows: Row[]): TrainingExample[] {
	return rows.filter((r) => typeof r.type === 'string').map((r) => ({ text: r.text, type: r.type as string }));
}

async function main() {
	const data = dataDir();
	const t0 = performance.now();
	const step = (what: string) => process.stderr.write(`figures: ${what} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);

	// Counts generated from the code (issue 24 item 9).
	const byType = new Map<string, number>();
	for (const e of DEFAULT_EXAMPLES) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
	count('examples.typed', DEFAULT_EXAMPLES.length);
	for (const [type, n] of [...byType].sort()) count(`examples.${type}`, n);
	count('examples.offTopic', OFF_TOPIC_EXAMPLES.length);
	count('examples.total', DEFAULT_EXAMPLES.length + OFF_TOPIC_EXAMPLES.length);
	// the calibration temperature the default model fitted (it says so in its reason)
	const modelReason = createClassifier({ mode: 'cascade' })
		.classifyOffline('a message in words the model has not seen')
		.reasons.find((x) => x.code === 'model_scores');
	const temperature = /temperature ([\d.]+)/.exec(String(modelReason?.detail))?.[1];
	if (temperature === undefined) throw new Error('figures: the model reason no longer states its temperature');
	num('model.temperature', Number(temperature));

	// dev.jsonl, default offline engine: one pass gives the figures, the gate-free ones and the LLM share.
	step('dev.jsonl, default offline engine');
	const dev = readRows(join(data, 'classify', 'dev.jsonl')).filter((r) => typeof r.text === 'string');
	count('dev.rows', dev.length);
	const base: ClassifierConfig = { mode: 'cascade' };
	const d = score(createClassifier(base), dev);
	const dt = putScores('dev', d);
	status('dev.type.status', dt.macroF1 >= 0.8);
	num('dev.type.gap', 0.8 - dt.macroF1);
	const angry = binaryScore(d.flags.angry);
	status('dev.angry.status', angry.f1 >= 0.5);
	num('dev.angry.gap', 0.5 - angry.f1);
	const spam = binaryScore(d.flags.spam);
	status('dev.spam.status', spam.f1 >= 0.9);
	num('dev.spam.gap', 0.9 - spam.f1);
	status('dev.wantsHuman.status', binaryScore(d.flags.wantsHuman).f1 >= 0.9);
	for (const [lang, pairs] of Object.entries(d.angryByLang)) {
		const b = binaryScore(pairs);
		num(`dev.angry.${lang}.precision`, b.precision);
		num(`dev.angry.${lang}.recall`, b.recall);
		num(`dev.angry.${lang}.f1`, b.f1);
	}
	num('dev.noGate.type.macroF1', multiClassScore(d.typeNoGate).macroF1);
	num('dev.noGate.spam.f1', binaryScore(d.spamNoGate).f1);
	put('dev.type.perClass', perClassTable(d.type));
	num('dev.type.lead.precision', dt.perClass.lead?.precision ?? 0);
	put('dev.type.confusion', confusionMatrix(d.type));
	for (const threshold of [0.4, 0.5, 0.6, 0.7, 0.8]) {
		const below = d.decided.filter((x) => x.confidence < threshold);
		const typed = d.decided.filter((x) => x.typed);
		const typedBelow = below.filter((x) => x.typed);
		pct(`dev.share.${threshold}.all`, below.length / d.decided.length);
		pct(`dev.share.${threshold}.typed`, typedBelow.length / typed.length);
		if (threshold === 0.5) {
			const kept = typed.filter((x) => x.confidence >= threshold);
			num('dev.share.0.5.keptAccuracy', kept.filter((x) => x.right).length / kept.length);
			count('dev.share.0.5.keptN', kept.length);
			num('dev.share.0.5.sentAccuracy', typedBelow.filter((x) => x.right).length / Math.max(1, typedBelow.length));
			count('dev.share.0.5.sentN', typedBelow.length);
			status('dev.share.status', below.length / d.decided.length <= 0.3);
		}
	}

	step('dev.jsonl, rules only');
	const r = score(createClassifier({ mode: 'rules' }), dev);
	const rt = multiClassScore(r.type);
	num('dev.rules.type.macroF1', rt.macroF1);
	num('dev.rules.type.accuracy', rt.accuracy);
	num('dev.rules.spam.f1', binaryScore(r.flags.spam).f1);
	num('dev.rules.wantsHuman.f1', binaryScore(r.flags.wantsHuman).f1);
	num('dev.rules.angry.f1', binaryScore(r.flags.angry).f1);

	step('dev.jsonl, --split 0.5');
	const trainHalf = dev.filter((x) => idFraction(String(x.id ?? x.text)) < 0.5);
	const evalHalf = dev.filter((x) => idFraction(String(x.id ?? x.text)) >= 0.5);
	const sp = score(createClassifier({ ...base, training: trainingFrom(trainHalf) }), evalHalf);
	putScores('split', sp);
	const twins = twinShares(
		evalHalf.filter((x) => typeof x.type === 'string'),
		trainHalf.filter((x) => typeof x.type === 'string'),
	);
	pct('split.twins.exact', twins.exact);
	pct('split.twins.near', twins.near);

	// The team inbox set (test/fixtures/inbox): written in order; train on the first half, evaluate the second.
	step('team inbox set');
	const team = readRows(TEAM_SET).sort((a, b) => Number(a.order) - Number(b.order));
	const half = Math.floor(team.length / 2);
	count('team.rows', team.length);
	count('team.firstHalf', half);
	count('team.secondHalf', team.length - half);
	const th = score(createClassifier({ ...base, training: trainingFrom(team.slice(0, half)) }), team.slice(half));
	const tht = putScores('team.history', th, false);
	status('team.history.type.status', tht.macroF1 >= 0.95);
	const td = score(createClassifier(base), team);
	status('team.default.type.status', putScores('team.default', td, false).macroF1 >= 0.8);
	putGoals('team.default', td);
	// the first half was looked at while fixing the language layer (issue 22); the second half was not
	const tdf = score(createClassifier(base), team.slice(0, half));
	putScores('team.firstHalfDefault', tdf, false);
	putGoals('team.firstHalfDefault', tdf);
	const tds = score(createClassifier(base), team.slice(half));
	putScores('team.secondHalfDefault', tds, false);
	putGoals('team.secondHalfDefault', tds);

	// Team inbox set 2 (tenth session): written by another writer before that session's changes, held out.
	step('team inbox set 2');
	const team2 = readRows(TEAM_SET_2);
	count('team2.rows', team2.length);
	const t2 = score(createClassifier(base), team2);
	status('team2.default.type.status', putScores('team2.default', t2, false).macroF1 >= 0.8);
	putGoals('team2.default', t2);
	// An independent second annotation of its texts: how far two people agree sets what a classifier can reach.
	const second = new Map(readRows(TEAM_SET_2_SECOND).map((r) => [String(r.id), r]));
	const pairsOf = (k: string) => team2.map((r) => [String(r[k]), String(second.get(String(r.id))?.[k])] as [string, string]);
	for (const k of ['type', 'priority', 'wantsHuman', 'angry', 'spam', 'refusesHuman']) {
		const pairs = pairsOf(k);
		num(`team2.agreement.${k}.kappa`, cohenKappa(pairs));
		num(`team2.agreement.${k}.observed`, pairs.filter(([a, b]) => a === b).length / pairs.length);
	}
	num('team2.agreement.type.macroF1', multiClassScore(pairsOf('type')).macroF1);
	for (const k of ['wantsHuman', 'angry', 'spam'] as const) num(`team2.agreement.${k}.f1`, binaryScore(pairsOf(k).map(([a, b]) => [a === 'true', b === 'true'])).f1);
	num('team2.agreement.high.f1', binaryScore(pairsOf('priority').map(([a, b]) => [a === 'high', b === 'high'])).f1);

	step('human-request detector');
	const human = evalHumanRequest(dev) as Record<string, unknown> & { bySource: Record<string, Record<string, number>> };
	for (const [key, m] of [['all', human], ...Object.entries(human.bySource)] as Array<[string, Record<string, number>]>) {
		count(`human.${key}.rows`, m.rows);
		count(`human.${key}.positives`, m.positives);
		num(`human.${key}.precision`, m.precision);
		num(`human.${key}.recall`, m.recall);
		num(`human.${key}.f1`, m.f1);
	}

	step('dedupe');
	for (const [key, file] of [
		['febrl3', 'febrl3.jsonl'],
		['splink', 'splink-fake-1000.jsonl'],
	]) {
		const e = (await evaluateDedupe([join(data, 'dedupe', file)])) as { n: number; entities: number; clusters: number; pairs: Record<string, number> };
		count(`dedupe.${key}.n`, e.n);
		count(`dedupe.${key}.entities`, e.entities);
		count(`dedupe.${key}.clusters`, e.clusters);
		status(`dedupe.${key}.status`, e.pairs.f1 >= (key === 'febrl3' ? 0.95 : 0.85) && (key !== 'febrl3' || e.pairs.precision >= 0.98));
		for (const k of ['precision', 'recall', 'f1'] as const) {
			num(`dedupe.${key}.${k}`, e.pairs[k]);
			num(`dedupe.${key}.${k}4`, e.pairs[k], 4);
		}
	}
	step('measured');
	report();
}

// ---- compare ----
const INLINE = /<!--fig:([\w.-]+)-->([\s\S]*?)<!--\/fig-->/g;
const BLOCK = /<!--figblock:([\w.-]+)-->\n([\s\S]*?)\n<!--\/figblock-->/g;

function report() {
	const documented: Record<string, string> = existsSync(FIGURES_JSON) ? (JSON.parse(readFileSync(FIGURES_JSON, 'utf8')) as Record<string, string>) : {};
	const problems: string[] = [];
	const rows: string[] = [];
	const keys = [...new Set([...Object.keys(documented), ...measured.keys()])].filter((k) => !k.startsWith('_')).sort();
	for (const key of keys) {
		const doc = documented[key];
		const got = measured.get(key);
		const ok = doc === got;
		if (!ok) problems.push(doc === undefined ? `${key}: measured but not in docs/figures.json` : got === undefined ? `${key}: documented but not measured` : `${key}: documented ${JSON.stringify(doc)}, measured ${JSON.stringify(got)}`);
		const show = (v: string | undefined) => (v === undefined ? '—' : v.includes('\n') ? `(${v.split('\n').length}-line table)` : v);
		rows.push(`${ok ? '  ' : '✗ '}${key.padEnd(40)} ${show(doc).padStart(12)} ${show(got).padStart(12)}`);
	}
	const next: Record<string, string> = UPDATE ? { _about: documented._about ?? '', ...Object.fromEntries([...measured].sort(([a], [b]) => a.localeCompare(b))) } : documented;
	const used = new Set<string>();
	for (const rel of DOCS) {
		const path = join(ROOT, rel);
		const text = readFileSync(path, 'utf8');
		const check = (key: string, value: string, kind: string) => {
			used.add(key);
			if (next[key] === undefined) problems.push(`${rel}: ${kind} ${key} is not in docs/figures.json`);
			else if (next[key] !== value && !UPDATE) problems.push(`${rel}: ${kind} ${key} says ${JSON.stringify(value)}, docs/figures.json ${JSON.stringify(next[key])}`);
		};
		for (const m of text.matchAll(INLINE)) check(m[1], m[2], 'figure');
		for (const m of text.matchAll(BLOCK)) check(m[1], m[2], 'table');
		if (UPDATE) {
			const updated = text
				.replace(INLINE, (all, key: string) => (next[key] !== undefined ? `<!--fig:${key}-->${next[key]}<!--/fig-->` : all))
				.replace(BLOCK, (all, key: string) => (next[key] !== undefined ? `<!--figblock:${key}-->\n${next[key]}\n<!--/figblock-->` : all));
			if (updated !== text) writeFileSync(path, updated);
		}
	}
	for (const key of Object.keys(next)) if (!key.startsWith('_') && !used.has(key)) problems.push(`${key}: in docs/figures.json but quoted nowhere (${DOCS.join(', ')})`);
	process.stdout.write(`${'figure'.padEnd(42)} ${'documented'.padStart(12)} ${'measured'.padStart(12)}\n${rows.join('\n')}\n`);
	if (UPDATE) {
		writeFileSync(FIGURES_JSON, `${JSON.stringify(next, null, '\t')}\n`);
		process.stdout.write(`figures: docs/figures.json and the markers updated; review the diff and the prose around them\n`);
		return;
	}
	if (problems.length) {
		process.stdout.write(`\nfigures: ${problems.length} difference(s) (tolerance 0 at the printed precision):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
		process.exitCode = 1;
	} else process.stdout.write(`\nfigures: all ${keys.length} documented figures reproduce exactly\n`);
}

void main();
