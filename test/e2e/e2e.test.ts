/**
 * The ONE end-to-end entry file: packs the already-built package (dist/ must exist; this builds
 * nothing), installs it into a fresh n8n user folder, starts ONE real n8n 2.41.1 for the whole run,
 * then registers every test/e2e/suites/*.suite.ts in sorted order. Each suite exports
 * `register(ctx)`; ctx is usable inside before/it callbacks (see test/e2e/README.md).
 *
 *   node scripts/run-tests.mjs e2e            all suites
 *   E2E_SUITES=00,10 node scripts/run-tests.mjs e2e   only suites whose file name starts with 00 or 10
 *   E2E_KEEP=1 …                              keep the n8n user folder (path in test-artifacts/e2e/<run>/)
 *   E2E_N8N_ENV='{"KEY":"value"}' …           extra environment for the main instance (e.g. execution saving)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe } from 'node:test';

import { lateContext, startE2E, stopE2E, type E2EContext, type RegisterSuite } from './lib';

const suitesDir = join(__dirname, 'suites');
const only = (process.env.E2E_SUITES ?? '')
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);
const suiteFiles = readdirSync(suitesDir)
	.filter((f) => f.endsWith('.suite.ts'))
	.filter((f) => only.length === 0 || only.some((prefix) => f.startsWith(prefix)))
	.sort();

const late = lateContext();
let real: E2EContext | undefined;

describe('real n8n 2.41.1 with the packed package installed', async () => {
	before(
		async () => {
			const t = Date.now();
			// E2E_N8N_ENV='{"EXECUTIONS_DATA_SAVE_ON_SUCCESS":"none"}' runs the main instance with extra settings
			const extraEnv = process.env.E2E_N8N_ENV ? (JSON.parse(process.env.E2E_N8N_ENV) as Record<string, string>) : undefined;
			real = await startE2E({ kind: 'e2e', extraEnv });
			late.fill(real);
			process.stdout.write(
				`# n8n ${real.env.n8nVersion} ready at ${real.baseUrl} in ${real.timings.n8nStartMs} ms ` +
					`(setup total ${Date.now() - t} ms); log ${real.n8n.logFile}\n`,
			);
		},
		{ timeout: 25 * 60_000 },
	);

	after(async () => {
		if (!real) return;
		await stopE2E(real);
		process.stdout.write(`# timings ${JSON.stringify(real.timings)}\n`);
	});

	for (const file of suiteFiles) {
		const mod = (await import(pathToFileURL(join(suitesDir, file)).href)) as { register?: RegisterSuite };
		if (typeof mod.register !== 'function') throw new Error(`${file} does not export register(ctx)`);
		await mod.register(late.ctx);
	}
});
