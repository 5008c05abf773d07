/**
 * Dedupe benchmark: "Deduplicate a list" on synthetic contacts with known truth, against
 * (1) a naive all-pairs baseline (same comparison, every pair; run up to --naive-max contacts,
 *     extrapolated quadratically beyond, clearly labelled), and
 * (2) exact-field dedupe like n8n's Remove Duplicates (exact e-mail string; exact phone string),
 * all on the same data: time (median of --runs), heap/RSS after the run, pairwise precision/recall/F1.
 *
 *   node --import tsx bench/dedupe.bench.ts [--sizes 10000,100000] [--runs 3] [--naive-max 3000] [--seed 42] [--with-1m]
 *
 * Data: @faker-js/faker ru + en people; per entity 1–4 records from different channels with realistic
 * variation: name order, Latin transliteration of Russian names, diminutives, initials, typos, phone
 * formats ("8 912 …", "+7 (912) …", "79123456789"), gmail dots / +tags, Yandex aliases, missing fields,
 * and employees of one company sharing its switchboard phone.
 */
import { fakerEN, fakerRU } from '@faker-js/faker';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { transliterate } from 'transliteration';

import { pairwiseMetrics } from '../cli/eval/dedupe';
import { compareContacts } from '../core/dedupe/compare';
import { decide } from '../core/dedupe/decide';
import { DEFAULT_FIELD_MAPPING } from '../core/dedupe/fields';
import { dedupeList } from '../core/dedupe/list';
import { parseContact } from '../core/dedupe/record';
import { DEFAULT_THRESHOLDS } from '../core/dedupe/weights';
import { parseArgs } from '../cli/io';
import type { BenchRow } from './lib';
import { emit, median, round } from './lib';

interface Row {
	id: string;
	entity: string;
	[key: string]: unknown;
}

const DIMINUTIVE: Record<string, string> = {
	Александр: 'Саша',
	Алексей: 'Лёша',
	Анна: 'Аня',
	Анастасия: 'Настя',
	Дмитрий: 'Дима',
	Евгений: 'Женя',
	Екатерина: 'Катя',
	Елена: 'Лена',
	Иван: 'Ваня',
	Мария: 'Маша',
	Михаил: 'Миша',
	Наталья: 'Наташа',
	Николай: 'Коля',
	Ольга: 'Оля',
	Павел: 'Паша',
	Сергей: 'Серёжа',
	Татьяна: 'Таня',
	Юлия: 'Юля',
	Robert: 'Bob',
	William: 'Bill',
	Richard: 'Rick',
	James: 'Jim',
	Thomas: 'Tom',
	Michael: 'Mike',
};

function makeData(n: number, seed: number): Row[] {
	fakerRU.seed(seed);
	fakerEN.seed(seed + 1);
	const f = fakerEN; // randomness helpers
	const rows: Row[] = [];
	const companies = Array.from({ length: Math.max(5, Math.round(n / 200)) }, (_, i) => ({
		name: i % 2 ? fakerRU.company.name() : fakerEN.company.name(),
		switchboard: `+7495${String(1000000 + i * 7919).slice(-7)}`,
	}));
	const typo = (s: string) => {
		if (s.length < 4) return s;
		const i = f.number.int({ min: 1, max: s.length - 2 });
		const k = f.number.int({ min: 0, max: 2 });
		if (k === 0) return s.slice(0, i) + s.slice(i + 1); // deletion
		if (k === 1) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // transposition
		return s.slice(0, i) + s[i] + s.slice(i); // doubled letter
	};
	const phoneFormats = (digits10: string, ru: boolean) => {
		const d = digits10;
		if (!ru)
			return f.helpers.arrayElement([
				`+44${d}`,
				`+44 ${d.slice(0, 4)} ${d.slice(4)}`,
				`0${d}`.replace(/^0/, '+440'),
			]);
		return f.helpers.arrayElement([
			`8 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
			`+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`,
			`7${d}`,
			`+7${d}`,
		]);
	};
	let entity = 0;
	while (rows.length < n) {
		const ru = f.number.float() < 0.6;
		const fk = ru ? fakerRU : fakerEN;
		const sex = f.helpers.arrayElement(['male', 'female'] as const);
		const first = fk.person.firstName(sex);
		const last = fk.person.lastName(sex);
		const middle = ru ? fakerRU.person.middleName(sex) : undefined;
		const mobile = ru ? `9${f.string.numeric(9)}` : `7${f.string.numeric(9)}`;
		const latinFirst = transliterate(first).replace(/[^A-Za-z]/g, '');
		const latinLast = transliterate(last).replace(/[^A-Za-z]/g, '');
		const domain = f.helpers.arrayElement([
			'gmail.com',
			'yandex.ru',
			'mail.ru',
			'outlook.com',
			`${latinLast.toLowerCase()}-co.ru`,
		]);
		const local = `${latinFirst.toLowerCase()}.${latinLast.toLowerCase()}${f.number.int({ min: 1, max: 99 })}`;
		const company = f.number.float() < 0.25 ? f.helpers.arrayElement(companies) : undefined;
		const telegram =
			f.number.float() < 0.3
				? `${latinFirst.toLowerCase()}_${f.string.alphanumeric(5).toLowerCase()}`
				: undefined;
		const copies = f.helpers.weightedArrayElement([
			{ weight: 50, value: 1 },
			{ weight: 30, value: 2 },
			{ weight: 15, value: 3 },
			{ weight: 5, value: 4 },
		]);
		for (let c = 0; c < copies && rows.length < n; c++) {
			const row: Row = {
				id: `r${rows.length}`,
				entity: `e${entity}`,
				channel: f.helpers.arrayElement(['chat', 'form', 'phone', 'email']),
			};
			// Name variant
			let fn = first;
			let ln = last;
			const v = c === 0 ? 0 : f.number.int({ min: 0, max: 9 });
			if (v === 1 && ru) [fn, ln] = [latinFirst, latinLast];
			if (v === 2 && DIMINUTIVE[first]) fn = DIMINUTIVE[first];
			if (v === 3) ln = typo(ln);
			if (v === 4) fn = typo(fn);
			if (v === 5) row.name = `${ln} ${fn[0]}.`;
			else if (v === 6)
				row.name = `${ln} ${fn}${middle && f.number.float() < 0.5 ? ` ${middle}` : ''}`;
			else if (v === 7) row.name = `${fn} ${ln}`.toUpperCase();
			else if (f.number.float() < 0.5) row.name = `${fn} ${ln}`;
			else {
				row.firstName = fn;
				row.lastName = ln;
			}
			// Identities: each copy keeps some, never guaranteed to share the same one.
			const hasPhone = f.number.float() < 0.75;
			const hasEmail = f.number.float() < 0.6;
			if (hasPhone)
				row.phone =
					company && f.number.float() < 0.4 ? company.switchboard : phoneFormats(mobile, ru);
			if (hasEmail || !hasPhone) {
				let e = `${local}@${domain}`;
				if (c > 0 && domain === 'gmail.com' && f.number.float() < 0.5)
					e = `${local.replace('.', '')}+${f.word.noun()}@gmail.com`;
				if (c > 0 && domain === 'yandex.ru' && f.number.float() < 0.5)
					e = `${local.replace('.', '-')}@ya.ru`;
				if (c > 0 && f.number.float() < 0.3) e = e.toUpperCase();
				row.email = e;
			}
			if (telegram && f.number.float() < 0.6)
				row.telegram = f.number.float() < 0.5 ? `@${telegram}` : `https://t.me/${telegram}`;
			if (company && f.number.float() < 0.7) row.company = company.name;
			if (f.number.float() < 0.3) row.city = ru ? fakerRU.location.city() : fakerEN.location.city();
			row.timestamp = new Date(Date.UTC(2026, 0, 1) + rows.length * 60000).toISOString();
			rows.push(row);
		}
		entity++;
	}
	return rows;
}

function clusterLabels(rows: Row[], positions: number[], primaryOf: number[]): string[] {
	const labels = rows.map((_, i) => `single-${i}`);
	positions.forEach((rowIndex, k) => {
		labels[rowIndex] = String(positions[primaryOf[k]]);
	});
	return labels;
}

/** The same comparison on every pair, union-find on duplicates: the naive baseline. */
function naiveDedupe(rows: Row[]): string[] {
	const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };
	const recs = rows.map((r, i) => parseContact(r, i, opts));
	const parent = recs.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	for (let a = 0; a < recs.length; a++) {
		for (let b = a + 1; b < recs.length; b++) {
			if (decide(compareContacts(recs[a], recs[b]), DEFAULT_THRESHOLDS).decision === 'duplicate')
				parent[find(b)] = find(a);
		}
	}
	return recs.map((_, i) => String(find(i)));
}

/** n8n Remove Duplicates on one field: exact value equality (empty values stay unique). */
function exactDedupe(rows: Row[], field: 'email' | 'phone'): string[] {
	const first = new Map<string, number>();
	return rows.map((r, i) => {
		const v = r[field];
		if (typeof v !== 'string' || !v) return `single-${i}`;
		if (!first.has(v)) first.set(v, i);
		return `v-${first.get(v)}`;
	});
}

/**
 * Median wall time and median CPU time (user + system) of `runs` runs after a warm-up. CPU time is
 * reported too because a shared machine inflates wall time; on an idle core the two agree.
 */
function time<T>(
	fn: () => T,
	runs: number,
	warmup = true,
): { ms: number; cpuMs: number; cpuRuns: number[]; result: T } {
	let result = warmup ? fn() : (undefined as T);
	const t: number[] = [];
	const c: number[] = [];
	for (let i = 0; i < Math.max(1, runs); i++) {
		// Let the previous run's result go first: a workflow holds one batch's result, not two.
		result = undefined as T;
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		result = fn();
		t.push(performance.now() - t0);
		const d = process.cpuUsage(c0);
		c.push((d.user + d.system) / 1000);
	}
	return { ms: median(t), cpuMs: median(c), cpuRuns: c, result };
}

function memoryMb(): { heap: number; rss: number } {
	const m = process.memoryUsage();
	return { heap: Math.round(m.heapUsed / 2 ** 20), rss: Math.round(m.rss / 2 ** 20) };
}

async function main(): Promise<void> {
	const { flags } = parseArgs(process.argv.slice(2));
	const sizes = String(typeof flags.sizes === 'string' ? flags.sizes : '10000,100000')
		.split(',')
		.map((s) => Number(s.trim()))
		.filter((x) => x > 0);
	if (flags['with-1m']) sizes.push(1_000_000);
	const runs = Number(flags.runs ?? 3);
	const naiveMax = Number(flags['naive-max'] ?? 3000);
	const seed = Number(flags.seed ?? 42);
	const rows: BenchRow[] = [];
	const gc = (globalThis as { gc?: () => void }).gc;

	if (flags['naive-only']) {
		const data = makeData(naiveMax, seed);
		const naive = time(() => naiveDedupe(data), 1, false);
		const metrics = pairwiseMetrics(
			naive.result,
			data.map((r) => r.entity),
		);
		process.stdout.write(
			`${JSON.stringify({ ms: naive.ms, cpuMs: naive.cpuMs, recall: metrics.recall, precision: metrics.precision })}\n`,
		);
		return;
	}

	// Ours first: the naive baseline below runs a different code path over
	// millions of pairs, and measured before ours it left our 100k run about 50 % slower (JIT feedback
	// and old-space garbage of another algorithm), which is no part of dedupe's own cost.
	const measured = [];
	for (const n of sizes) {
		gc?.();
		const data = makeData(n, seed);
		const truth = data.map((r) => r.entity);
		gc?.();
		const before = memoryMb();
		const ours = time(() => dedupeList(data), n >= 1_000_000 ? 1 : runs, n < 100_000);
		const after = memoryMb();
		const m = pairwiseMetrics(
			clusterLabels(data, ours.result.positions, ours.result.result.primaryOf),
			truth,
		);
		const email = pairwiseMetrics(exactDedupe(data, 'email'), truth);
		const phone = pairwiseMetrics(exactDedupe(data, 'phone'), truth);
		const exactMs = time(() => exactDedupe(data, 'email'), runs).ms;
		measured.push({ n, ours, after, before, m, email, phone, exactMs });
	}

	// Naive baseline on a sample it can do (its time grows with n², extrapolated below), in a child
	// process of this run: run in one process, whichever of the two algorithms goes second is slowed by
	// the other's JIT feedback and garbage (naive after ours took 5× longer, ours after naive 1.5×).
	const naiveData = makeData(naiveMax, seed);
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- benchmark tooling (not in the package): the baseline in its own process
	const child = spawnSync(
		process.execPath,
		[
			...process.execArgv,
			process.argv[1],
			'--naive-only',
			'--naive-max',
			String(naiveMax),
			'--seed',
			String(seed),
		],
		{ encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
	);
	if (child.status !== 0) throw new Error(`naive baseline failed: ${child.stderr}`);
	const naiveOut = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
		ms: number;
		cpuMs: number;
		recall: number;
		precision: number;
	};
	const naive = { ms: naiveOut.ms, cpuMs: naiveOut.cpuMs };
	const naiveM = { recall: naiveOut.recall, precision: naiveOut.precision };
	const oursOnNaive = time(() => dedupeList(naiveData), runs);
	const oursNaiveM = pairwiseMetrics(
		clusterLabels(naiveData, oursOnNaive.result.positions, oursOnNaive.result.result.primaryOf),
		naiveData.map((r) => r.entity),
	);
	rows.push({
		name: `Dedupe list, ${naiveMax} contacts: CPU time`,
		value: round(oursOnNaive.cpuMs, 1),
		unit: 'ms',
		baseline: 'naive all pairs (measured)',
		baselineValue: round(naive.cpuMs, 1),
		ratio: round(oursOnNaive.cpuMs / naive.cpuMs, 4),
		note: `wall ${round(oursOnNaive.ms, 0)} vs ${round(naive.ms, 0)} ms; recall ours ${round(oursNaiveM.recall)} vs naive ${round(naiveM.recall)}; precision ${round(oursNaiveM.precision)} vs ${round(naiveM.precision)}`,
	});

	for (const { n, ours, after, before, m, email, phone, exactMs } of measured) {
		const naiveExtrapolated = naive.cpuMs * (n / naiveMax) ** 2;
		const label = n >= 1000 ? `${n / 1000}k` : String(n);
		rows.push(
			{
				name: `Dedupe list, ${label} contacts: CPU time`,
				value: round(ours.cpuMs, 1),
				unit: 'ms',
				baseline: `naive all pairs (EXTRAPOLATED from ${naiveMax}: × (n/${naiveMax})²)`,
				baselineValue: round(naiveExtrapolated, 0),
				ratio: round(ours.cpuMs / naiveExtrapolated, 6),
				note: `median of ${n >= 1_000_000 ? 1 : runs} (CPU runs ${ours.cpuRuns.map((x) => round(x, 0)).join(' / ')} ms); wall ${round(ours.ms, 0)} ms; ${ours.result.result.comparisons} comparisons; target 100k < 5000 ms; heap ${after.heap} MB (+${after.heap - before.heap}), RSS ${after.rss} MB after the run`,
			},
			{
				name: `Dedupe list, ${label} contacts: pairwise recall`,
				value: round(m.recall),
				unit: '',
				baseline: 'exact e-mail (Remove Duplicates)',
				baselineValue: round(email.recall),
				ratio: round(m.recall / Math.max(email.recall, 1e-9), 2),
				note: `precision ours ${round(m.precision)}, exact e-mail ${round(email.precision)}; F1 ours ${round(m.f1)}`,
			},
			{
				name: `Dedupe list, ${label} contacts: pairwise recall vs exact phone`,
				value: round(m.recall),
				unit: '',
				baseline: 'exact phone string (Remove Duplicates)',
				baselineValue: round(phone.recall),
				ratio: round(m.recall / Math.max(phone.recall, 1e-9), 2),
				note: `precision exact phone ${round(phone.precision)} (shared switchboards merge colleagues); exact dedupe time ${round(exactMs, 1)} ms`,
			},
		);
	}
	emit('dedupe', rows);
}

if (process.argv[1]?.endsWith('dedupe.bench.ts')) void main();
export { makeData };
