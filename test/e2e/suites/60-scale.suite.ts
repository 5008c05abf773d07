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
import { after, before, describe, it } from 'node:test';

import { setNode, startE2E, stopE2E, webhookChain, type E2EContext, type StartE2EOptions } from '../lib';
import * as T from '../templates/api';
import { writeFigures } from '../templates/figures';
import { deployInbound, deployTemplate, loadRouter, raceChatSessions, raceNewPeople, raceWatchdogAndRouter, singleCaller } from '../templates/scenarios';
import { WEBHOOK_IDS } from '../templates/ids';

const SECONDS = Number(process.env.E2E_LOAD_SECONDS ?? 60);
const BASELINE_SECONDS = Number(process.env.E2E_LOAD_BASELINE_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.E2E_LOAD_CONCURRENCY ?? 200);
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

			it('20 new people, each from the form and the chat at the same moment: 20 contacts, both messages in each history', { timeout: 10 * 60_000 }, async () => {
				const race = await raceNewPeople(t, 20, `${setup.key}-${Date.now()}`);
				process.stdout.write(`# race ${setup.key} ${JSON.stringify(race)}\n`);
				writeFigures(setup.key, { race });
				assert.deepEqual({ ...race, mergedRows: undefined }, { pairs: 20, duplicatePersons: 0, incompleteHistory: 0, failed: 0, mergedRows: undefined });
			});

			it('10 chat sessions, each sending two requests for a person at the same moment: one conversation, both messages, counts 2, one handoff', { timeout: 10 * 60_000 }, async () => {
				const chat = await raceChatSessions(t, T.chatPath(WEBHOOK_IDS.chat), 10, `${setup.key}-${Date.now()}`);
				process.stdout.write(`# chat race ${setup.key} ${JSON.stringify(chat)}\n`);
				writeFigures(setup.key, { chat });
				assert.deepEqual(chat, { sessions: 10, conversationRows: 0, lostMessages: 0, wrongCounts: 0, wrongHandoffs: 0, failed: 0 });
			});

			it('the watchdog re-offers overdue leads while the router assigns: no manager above capacity, loads equal the leads assigned', { timeout: 10 * 60_000 }, async () => {
				const wd = await raceWatchdogAndRouter(t);
				process.stdout.write(`# watchdog race ${setup.key} ${JSON.stringify(wd)}\n`);
				writeFigures(setup.key, { watchdog: wd });
				assert.equal(wd.failed, 0);
				assert.ok(wd.reoffered > 0, 'the watchdog re-offered nothing');
				assert.equal(wd.aboveCapacity, 0);
				assert.deepEqual(wd.loadMismatches, []);
			});

			it('one caller: service time of the router and of the minimal workflow (figures only)', { timeout: 10 * 60_000 }, async () => {
				const single = await singleCaller(t, 'e2e-load-baseline', 50);
				process.stdout.write(`# single caller ${setup.key} ${JSON.stringify(single)}\n`);
				writeFigures(setup.key, { single });
				assert.equal(single.n, 50);
			});

			it(`${CONCURRENCY} concurrent callers for ${SECONDS} s: every request answered and stored once, no manager above capacity`, { timeout: (SECONDS + BASELINE_SECONDS) * 1000 + 25 * 60_000 }, async () => {
				const outcome = await loadRouter(t, { seconds: SECONDS, baselineSeconds: BASELINE_SECONDS, concurrency: CONCURRENCY, capacity: 25, baselinePath: 'e2e-load-baseline' });
				process.stdout.write(`# template load ${setup.key} ${JSON.stringify(outcome)}\n`);
				writeFigures(setup.key, { load: outcome });
				assert.equal(outcome.failed, 0, 'unanswered or failed requests');
				assert.equal(outcome.lost, 0, 'answered but not stored');
				assert.equal(outcome.storedTwice, 0, 'stored more than once');
				assert.equal(outcome.aboveCapacity, 0, 'leads above capacity');
				assert.deepEqual(outcome.loadMismatches, []);
				assert.ok((outcome.statuses.assigned ?? 0) > 0, 'no lead was assigned');
			});
		});
	}
}
