#!/usr/bin/env node
// Runs every bench/*.bench.ts (or the names given), collects each one's last stdout line
// ({"bench","machine","rows"}), prints a table, and rewrites the README table between
// <!-- bench:start --> and <!-- bench:end -->. Extra arguments after -- go to every benchmark.
// BENCH_NODES=/path/to/node,/other/node runs every benchmark under each of those Node binaries (default:
// the one running this script); with more than one, each row names its Node version. An entry
// "/other/node=segment+route" runs only those benchmarks under that binary. n8n 2.41 runs on
// Node 24, and V8's allocation and GC differ between Node 20 and 24, so both can be worth a row.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const only = dash === -1 ? args : args.slice(0, dash);
const extra = dash === -1 ? [] : args.slice(dash + 1);
const files = readdirSync('bench')
	.filter((f) => f.endsWith('.bench.ts'))
	.filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
	.sort();

const fmt = (x, digits = 3) =>
	x === undefined || x === null || Number.isNaN(x)
		? ''
		: Math.abs(x) >= 100
			? String(Math.round(x))
			: String(Number(x.toPrecision(digits)));

const nodes = (process.env.BENCH_NODES ?? '')
	.split(',')
	.filter(Boolean)
	.map((entry) => {
		const [path, only] = entry.split('=');
		return { path, only: only ? only.split('+') : undefined };
	});
if (nodes.length === 0) nodes.push({ path: process.execPath, only: undefined });
const results = [];
let failed = 0;
for (const file of files) {
	for (const { path: node, only: benches } of nodes) {
		if (benches && !benches.some((b) => file.startsWith(b))) continue;
		process.stderr.write(`\n--- ${file}${nodes.length > 1 ? ` (${node})` : ''}\n`);
		const r = spawnSync(node, ['--expose-gc', '--import', 'tsx', `bench/${file}`, ...extra], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
			maxBuffer: 64 * 1024 * 1024,
		});
		const last = (r.stdout ?? '').trim().split('\n').pop();
		try {
			if (r.status !== 0) throw new Error(`exit ${r.status}`);
			const result = JSON.parse(last);
			if (nodes.length > 1) {
				const version = /Node (v[\d.]+)/.exec(result.machine ?? '')?.[1] ?? node;
				for (const row of result.rows) row.name = `${row.name} [Node ${version}]`;
			}
			results.push(result);
		} catch (error) {
			failed++;
			process.stderr.write(`${file}: no result (${error.message})\n`);
		}
	}
}

const lines = [
	`Measured ${new Date().toISOString().slice(0, 10)} on ${
		nodes.length > 1
			? `${(results[0]?.machine ?? 'unknown machine').replace(/,? ?Node v[\d.]+/, '')} (Node version per row)`
			: (results[0]?.machine ?? 'unknown machine')
	}; median of several runs.`,
	'',
	'| benchmark | figure | ours | baseline (same run) | baseline | ratio | note |',
	'|---|---|---|---|---|---|---|',
];
for (const res of results) {
	for (const row of res.rows) {
		lines.push(
			`| ${res.bench} | ${row.name} | ${fmt(row.value)} ${row.unit} | ${row.baseline ?? ''} | ${
				row.baselineValue === undefined ? '' : `${fmt(row.baselineValue)} ${row.unit}`
			} | ${fmt(row.ratio, 2)} | ${row.note ?? ''} |`,
		);
	}
}
const table = lines.join('\n');
process.stdout.write(`${table}\n`);
if (!only.length || process.env.BENCH_WRITE_README) {
	const readme = readFileSync('README.md', 'utf8');
	const next = readme.replace(
		/<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
		`<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
	);
	writeFileSync('README.md', next);
}
process.exit(failed ? 1 : 0);
