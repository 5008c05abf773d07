/**
 * Route to Manager: 10,000 leads × 500 managers in-process, against a naive scan (test/helpers/routeNaive.ts:
 * every manager checked from scratch for every lead, time zone conversion included, then a sort) in
 * the same run. Synthetic roster and leads from a seeded generator (no evaluation data involved).
 * Usage: node --import tsx bench/route.bench.ts [--leads 10000] [--managers 500] [--runs 5] [--naive-runs 2]
 */
import { performance } from 'node:perf_hooks';

import { Router, makeConfig, parseRoster, type Lead, type RouteConfig } from '../core/route';
import { routeNaive } from '../test/helpers/routeNaive';
import { emit, flagNumber as arg, median, round, type BenchRow } from './lib';

/** Mulberry32: small seeded PRNG so every run routes the same data. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SKILLS = ['it', 'oil and gas', 'public procurement', 'logistics', 'retail', 'banking', 'construction', 'medicine', 'lead', 'complaint', 'service_request', 'question'];
const ZONES = ['Europe/Moscow', 'Asia/Vladivostok', 'Asia/Yekaterinburg', 'Europe/Kaliningrad', 'Asia/Novosibirsk', 'UTC'];
const LANGS = ['ru', 'en', 'kk', 'de'];

export function makeData(leadCount: number, managerCount: number, seed = 42) {
	const r = rng(seed);
	const pickN = <T>(arr: T[], k: number) => [...arr].sort(() => r() - 0.5).slice(0, k);
	const rows = Array.from({ length: managerCount }, (_, i) => ({
		managerId: `m${i}`,
		name: `Manager ${i}`,
		skills: pickN(SKILLS, 1 + Math.floor(r() * 3)).join(', '),
		languages: r() < 0.05 ? 'ru,kk,de' : r() < 0.3 ? 'ru,en' : 'ru',
		segments: r() < 0.2 ? 'A,B,C' : 'B,C',
		seniority: Math.floor(r() * 5),
		capacity: 20 + Math.floor(r() * 40),
		activeLeads: Math.floor(r() * 20),
		active: r() > 0.03,
		workingHours: r() < 0.8 ? 'Mon-Fri 09:00-18:00' : 'Daily 08:00-22:00',
		timeZone: ZONES[Math.floor(r() * ZONES.length)],
		absentUntil: r() < 0.05 ? '2026-12-01' : '',
		weight: 1 + Math.floor(r() * 3),
	}));
	const managers = parseRoster(rows, { defaultTimeZone: 'UTC' });
	const now = Date.parse('2026-11-23T10:00:00Z'); // Monday
	const leads: Lead[] = Array.from({ length: leadCount }, () => ({
		skills: pickN(SKILLS, r() < 0.7 ? 1 : 2),
		language: r() < 0.85 ? 'ru' : LANGS[Math.floor(r() * LANGS.length)],
		segment: ['A', 'B', 'C'][Math.floor(r() * 3)],
		priority: (['high', 'normal', 'normal', 'low'] as const)[Math.floor(r() * 4)],
		unknownPriority: null,
		ownerId: r() < 0.3 ? `m${Math.floor(r() * managerCount)}` : null,
		nowMs: now,
	}));
	return { managers, leads };
}

async function main() {
	const leadCount = arg('leads', 10000);
	const managerCount = arg('managers', 500);
	const runs = arg('runs', 5);
	const { managers, leads } = makeData(leadCount, managerCount);
	const config: RouteConfig = makeConfig({ fallbackQueue: 'unassigned' });

	const runFast = (cfg: RouteConfig) => {
		const router = new Router(managers, cfg);
		return leads.map((l) => router.route(l));
	};
	// Same decisions as the reference (checked on the full set once, outside the timings).
	const fast = runFast(config);
	const n0 = performance.now();
	const naive = routeNaive(managers, leads, config);
	const naiveFirst = performance.now() - n0;
	const mismatches = fast.filter((f, i) => f.assignment.managerId !== (naive[i].managerId ?? config.fallbackOwnerId) || f.assignment.cover !== naive[i].cover).length;
	const assigned = fast.filter((f) => f.output === 0).length;

	const time = (fn: () => unknown) => {
		const t: number[] = [];
		fn(); // warm-up
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			fn();
			t.push(performance.now() - t0);
		}
		return median(t);
	};
	const fastFull = time(() => runFast(config));
	const fastNoValidate = time(() => runFast({ ...config, validate: false }));
	// The naive scan takes tens of seconds: fewer runs; the decision check above counts as one of them.
	const naiveRuns = arg('naive-runs', 2);
	const naiveTimes = [naiveFirst];
	for (let i = 1; i < naiveRuns; i++) {
		const t0 = performance.now();
		routeNaive(managers, leads, config);
		naiveTimes.push(performance.now() - t0);
	}
	const naiveMs = median(naiveTimes);

	const rows: BenchRow[] = [
		{
			name: `Route ${leadCount} leads × ${managerCount} managers (decision + explanations + schema check of every result)`,
			value: round(fastFull, 1),
			unit: 'ms',
			baseline: 'naive scan (decision only)',
			baselineValue: round(naiveMs, 1),
			ratio: round(fastFull / naiveMs, 4),
			note: `median of ${runs} (naive: ${naiveRuns}); target < 1000 ms; ${assigned} assigned, ${leadCount - assigned} unassigned; ${mismatches} decisions differ from the reference`,
		},
		{
			name: `Route ${leadCount} leads × ${managerCount} managers (without the schema check)`,
			value: round(fastNoValidate, 1),
			unit: 'ms',
			baseline: 'naive scan (decision only)',
			baselineValue: round(naiveMs, 1),
			ratio: round(fastNoValidate / naiveMs, 4),
			note: `median of ${runs}`,
		},
	];
	emit('route', rows);
}

if (process.argv[1]?.endsWith('route.bench.ts')) void main();
