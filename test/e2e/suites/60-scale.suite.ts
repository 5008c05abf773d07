/**
 * Issue 21: the inbound router's concurrency guarantees in n8n's queue mode (PostgreSQL + Redis, main and
 * 2 × `n8n worker --concurrency=5` sharing the user folder), and, for comparison only, in regular mode with
 * the instance-wide limit N8N_CONCURRENCY_PRODUCTION_LIMIT=1. Each mode gets its own fresh instance
 * (started here, stopped in `after`, with the services and folders it created). The same assertions as
 * suite 40 (regular mode, no limit): 20 simultaneous chat + form pairs end as 20 contacts with both
 * messages each; under 200 callers every request is answered and stored once, no manager goes above
 * capacity, and each stored load equals the leads assigned. Figures go to test-artifacts/load/concurrency.json.
 *
 *   E2E_SCALE=0 skips it; E2E_SCALE_MODES=queue,limit1 (default both); E2E_LOAD_SECONDS / E2E_LOAD_BASELINE_SECONDS / E2E_LOAD_CONCURRENCY as suite 40
 */
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';

import { setNode, startE2E, stopE2E, webhookChain, type E2EContext, type StartE2EOptions } from '../lib';
import * as T from '../templates/api';
import { concurrencyTests } from '../templates/concurrencyTests';
import { deployInbound, deployTemplate } from '../templates/scenarios';

const SKIP = process.env.E2E_SCALE === '0';
const MODES = (process.env.E2E_SCALE_MODES ?? 'queue,limit1').split(',').map((m) => m.trim());

const SETUPS: Array<{ key: string; title: string; options: StartE2EOptions }> = [
	{ key: 'queue', title: 'queue mode: Postgres + Redis, main + 2 workers × concurrency 5, no limit', options: { kind: 'e2e-queue', mode: 'queue', workers: 2, workerConcurrency: 5 } },
	{ key: 'limit1', title: 'regular mode with N8N_CONCURRENCY_PRODUCTION_LIMIT=1 (comparison only)', options: { kind: 'e2e-limit1', productionLimit: 1 } },
];

// This suite starts its own instances (queue mode, limit 1); it does not use the shared context.
export function register(): void {
	for (const setup of SETUPS) {
		const skip = SKIP ? 'E2E_SCALE=0' : MODES.includes(setup.key) ? false : `E2E_SCALE_MODES=${MODES.join(',')}`;
		describe(`60 ${setup.title}`, { skip }, () => {
			let ctx: E2EContext | undefined;
			let t: T.N8nTarget;

			before(
				async () => {
					ctx = await startE2E(setup.options);
					process.stdout.write(`# ${setup.key}: n8n ready at ${ctx.baseUrl} (${JSON.stringify(ctx.timings)})\n`);
					t = { baseUrl: ctx.baseUrl, apiKey: ctx.apiKey };
					await deployInbound(t, ctx.deploy as never);
					for (const file of ['support-chat-escalation.json', 'unanswered-lead-watchdog.json']) await deployTemplate(t, ctx.deploy as never, file);
					await ctx.deploy(
						webhookChain('e2e load baseline: webhook → set → respond', 'e2e-load-baseline', [setNode('Echo', { ok: true, id: '={{ $json.body.id }}' })], {
							respondWith: 'firstIncomingItem',
						}),
					);
					const warm = await T.callWebhook(t.baseUrl, '/webhook/e2e-load-baseline', { id: 'warm-up' }, { registerMs: 30_000 });
					assert.equal(warm.status, 200, warm.text);
				},
				{ timeout: 10 * 60_000 },
			);

			after(async () => {
				await stopE2E(ctx);
			});

			concurrencyTests(setup.key, () => t, 'e2e-load-baseline');
		});
	}
}
