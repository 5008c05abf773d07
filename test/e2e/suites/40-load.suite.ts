/**
 * Issues 9 and 21, load: the inbound-router template under 200 concurrent webhook callers for 60 s
 * (loopback only, bounded) on this run's instance, which runs with n8n's defaults (parallel production
 * executions, no N8N_CONCURRENCY_PRODUCTION_LIMIT), then a minimal Webhook → Set → Respond workflow on the
 * same instance as the baseline. Asserts outcomes: every request answered and stored exactly once, no
 * manager above capacity, each manager's stored load equal to the leads assigned to them. Figures
 * (requests/s, p50/p95, ratio to the baseline) are printed and written to
 * test-artifacts/load/template-load-regular.json; never asserted.
 *
 *   E2E_LOAD=0 skips it; E2E_LOAD_SECONDS (default 60), E2E_LOAD_BASELINE_SECONDS (default 20), E2E_LOAD_CONCURRENCY (default 200)
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { setNode, webhookChain, type E2EContext } from '../lib';
import * as T from '../templates/api';
import { deployedTemplates } from '../templates/state';
import { deployInbound, deployTemplate, loadRouter, raceChatSessions, raceNewPeople, raceWatchdogAndRouter, singleCaller } from '../templates/scenarios';
import { WEBHOOK_IDS } from '../templates/ids';
import { writeFigures } from '../templates/figures';

const SECONDS = Number(process.env.E2E_LOAD_SECONDS ?? 60);
const BASELINE_SECONDS = Number(process.env.E2E_LOAD_BASELINE_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.E2E_LOAD_CONCURRENCY ?? 200);
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

		it('20 new people, each from the form and the chat at the same moment: 20 contacts, both messages in each history', { timeout: 10 * 60_000 }, async () => {
			const race = await raceNewPeople(t, 20, `regular-${Date.now()}`);
			process.stdout.write(`# race regular ${JSON.stringify(race)}\n`);
			writeFigures('regular', { race });
			assert.deepEqual({ ...race, mergedRows: undefined }, { pairs: 20, duplicatePersons: 0, incompleteHistory: 0, failed: 0, mergedRows: undefined });
		});

		it('10 chat sessions, each sending two requests for a person at the same moment: one conversation, both messages, counts 2, one handoff', { timeout: 10 * 60_000 }, async () => {
			const chat = await raceChatSessions(t, T.chatPath(WEBHOOK_IDS.chat), 10, `regular-${Date.now()}`);
			process.stdout.write(`# chat race regular ${JSON.stringify(chat)}\n`);
			writeFigures('regular', { chat });
			assert.deepEqual(chat, { sessions: 10, conversationRows: 0, lostMessages: 0, wrongCounts: 0, wrongHandoffs: 0, failed: 0 });
		});

		it('the watchdog re-offers overdue leads while the router assigns: no manager above capacity, loads equal the leads assigned', { timeout: 10 * 60_000 }, async () => {
			const wd = await raceWatchdogAndRouter(t);
			process.stdout.write(`# watchdog race regular ${JSON.stringify(wd)}\n`);
			writeFigures('regular', { watchdog: wd });
			assert.equal(wd.failed, 0);
			assert.ok(wd.reoffered > 0, 'the watchdog re-offered nothing');
			assert.equal(wd.aboveCapacity, 0);
			assert.deepEqual(wd.loadMismatches, []);
		});

		it('one caller: service time of the router and of the minimal workflow (figures only)', { timeout: 10 * 60_000 }, async () => {
			const single = await singleCaller(t, 'e2e-load-baseline', 50);
			process.stdout.write(`# single caller ${'regular'} ${JSON.stringify(single)}\n`);
			writeFigures('regular', { single });
			assert.equal(single.n, 50);
		});

		it(
			`${CONCURRENCY} concurrent callers for ${SECONDS} s: every request answered and stored exactly once, no manager above capacity`,
			{ timeout: (SECONDS + BASELINE_SECONDS) * 1000 + 25 * 60_000 },
			async () => {
				const outcome = await loadRouter(t, { seconds: SECONDS, baselineSeconds: BASELINE_SECONDS, concurrency: CONCURRENCY, capacity: 25, baselinePath: 'e2e-load-baseline' });
				process.stdout.write(`# template load regular ${JSON.stringify(outcome)}\n`);
				writeFigures('regular', { load: outcome });
				assert.equal(outcome.failed, 0, 'unanswered or failed requests');
				assert.ok(outcome.router.requests > 0);
				assert.equal(outcome.lost, 0, 'answered but not stored');
				assert.equal(outcome.storedTwice, 0, 'stored more than once');
				assert.equal(outcome.aboveCapacity, 0, 'leads above capacity');
				assert.deepEqual(outcome.loadMismatches, []);
				assert.ok((outcome.statuses.assigned ?? 0) > 0, 'no lead was assigned');
			},
		);
	});
}
