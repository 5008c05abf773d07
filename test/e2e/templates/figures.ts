/** Concurrency figures of one e2e run, per mode, merged into test-artifacts/load/concurrency.json. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../lib/paths';

export function writeFigures(mode: string, part: Record<string, unknown>): void {
	const dir = join(REPO_ROOT, 'test-artifacts', 'load');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'concurrency.json');
	let all: Record<string, Record<string, unknown>> = {};
	if (existsSync(file)) {
		try {
			all = JSON.parse(readFileSync(file, 'utf8')) as typeof all;
		} catch {
			all = {};
		}
	}
	all[mode] = { ...(all[mode] ?? {}), ...part, at: new Date().toISOString() };
	writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}
