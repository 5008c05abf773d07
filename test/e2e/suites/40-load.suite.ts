/**
 * Issues 9 and 21, load: the inbound-router template under 200 concurrent webhook callers for 60 s
 * (loopback only, bounded) on this run's instance, which runs with n8n's defaults (parallel production
 * executions, no N8N_CONCURRENCY_PRODUCTION_LIMIT), then a minimal Webhook → Set → Respond workflow on the
 * same instance as the baseline. Asserts outcomes: every request answered and stored exactly once, no
 * manager above capacity, each manager's stored load equal to the leads assigned to them. Figures
 * (requests/s, p50/p95, ratio to the baseline) are printed and written to
 * test-artifacts/load/concurrency.json (key "regular"); never asserted. The tests themselves are in
 * test/e2e/templates/concurrencyTests.ts, shared with suite 60.
 *
 *   E2E_LOAD=0 skips it; E2E_LOAD_SECONDS (default 60), E2E_LOAD_BASELINE_SECONDS (default 20), E2E_LOAD_CONCURRENCY (default 200)
 */
import { before, describe } from 'node:test';

import { setNode, webhookChain, type E2EContext } from '../lib';
import * as T from '../templates/api';
import { deployedTemplates } from '../templates/state';
import { concurrencyTests } from '../templates/concurrencyTests';
import { deployInbound, deployTemplate } from '../templates/scenarios';

/** E2E_LOAD=0 skips this suite (e.g. a quick local e2e run); CI runs it. */
const SKIP = process.env.E2E_LOAD === '0';

export function register(ctx: E2EContext): void {
	describe('40 load: inbound router under concurrent calls, n8n defaults (no production limit)', { skip: SKIP ? 'E2E_LOAD=0' : false }, () => {
		let t: T.N8nTarget;

		before(
			async () => {
				t = { baseUrl: ctx.baseUrl, apiKey: ctx.apiKey };
				if (!deployedTemplates.has('inbound-inquiry-router.json')) {
					const id = await deployInbound(t, ctx.deploy as never);
					deployedTemplates.set('inbound-inquiry-router.json', { id, name: 'inbound', via: 'public-api' });
				}
				for (const file of ['support-chat-escalation.json', 'unanswered-lead-watchdog.json']) {
					if (!deployedTemplates.has(file)) deployedTemplates.set(file, { id: await deployTemplate(t, ctx.deploy as never, file), name: file, via: 'public-api' });
				}
				await ctx.deploy(
					webhookChain('e2e load baseline: webhook → set → respond', 'e2e-load-baseline', [
						setNode('Echo', { ok: true, id: '={{ $json.body.id }}' }),
					], { respondWith: 'firstIncomingItem' }),
				);
				await T.callWebhook(t.baseUrl, '/webhook/e2e-load-baseline', { id: 'warm-up' });
			},
			{ timeout: 5 * 60_000 },
		);

		concurrencyTests('regular', () => t, 'e2e-load-baseline');
	});
}
