#!/usr/bin/env node
// Runs one level of tests with Node's own test runner: unit | node | e2e | property (or several).
// Usage: node scripts/run-tests.mjs unit node [-- extra node --test flags]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const levels = dash === -1 ? args : args.slice(0, dash);
const extra = dash === -1 ? [] : args.slice(dash + 1);

function find(dir) {
	let out = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out = out.concat(find(p));
		else if (name.endsWith('.test.ts')) out.push(p);
	}
	return out;
}

const files = levels.flatMap((level) => {
	try {
		return find(join('test', level)).sort();
	} catch {
		return [];
	}
});
if (files.length === 0) {
	console.error(`no test files for: ${levels.join(' ')}`);
	process.exit(1);
}
const concurrency = levels.includes('e2e') ? ['--test-concurrency=1'] : [];
// Every test gets a deadline, so a hang is reported as a failure instead of stalling the run; generous for
// a loaded machine (tests that need longer, e2e suites, set their own { timeout }). Overridable after --.
const timeout = extra.some((a) => a.startsWith('--test-timeout'))
	? []
	: [`--test-timeout=${levels.includes('e2e') ? 30 * 60_000 : 10 * 60_000}`];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...concurrency, ...timeout, ...extra, ...files], {
	stdio: 'inherit',
});
process.exit(r.status ?? 1);
