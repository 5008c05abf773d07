/**
 * The concurrency tests of issue 21, declared once and registered by suite 40 (regular mode, n8n's defaults)
 * and suite 60 (queue mode; regular mode with the limit for comparison): the same assertions in every mode.
 * Figures go to test-artifacts/load/concurrency.json under the mode's key.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import * as T from './api';
import { writeFigures } from './figures';
import { WEBHOOK_IDS } from './ids';
import { loadRouter, raceChatSessions, raceNewPeople, raceWatchdogAndRouter, singleCaller } from './scenarios';

export const LOAD = {
	seconds: Number(process.env.E2E_LOAD_SECONDS ?? 60),
	baselineSeconds: Number(process.env.E2E_LOAD_BASELINE_SECONDS ?? 20),
	concurrency: Number(process.env.E2E_LOAD_CONCURRENCY ?? 200),
};

/** `target()` is read inside the tests (the instance starts in the suite's `before`). */
export function concurrencyTests(mode: string, target: () => T.N8nTarget, baselinePath: string): void {
	const report = (what: string, key: 'race' | 'chat' | 'watchdog' | 'single' | 'load', value: unknown) => {
		process.stdout.write(`# ${what} ${mode} ${JSON.stringify(value)}\n`);
		writeFigures(mode, { [key]: value });
	};

	it('20 new people, each from the form and the chat at the same moment: 20 contacts, both messages in each history', { timeout: 10 * 60_000 }, async () => {
		const race = await raceNewPeople(target(), 20, `${mode}-${Date.now()}`);
		report('race', 'race', race);
		assert.deepEqual({ ...race, mergedRows: undefined }, { pairs: 20, duplicatePersons: 0, incompleteHistory: 0, failed: 0, mergedRows: undefined });
	});

	it('10 chat sessions, each sending two requests for a person at the same moment: one conversation, both messages, counts 2, one handoff', { timeout: 10 * 60_000 }, async () => {
		const chat = await raceChatSessions(target(), T.chatPath(WEBHOOK_IDS.chat), 10, `${mode}-${Date.now()}`);
		report('chat race', 'chat', chat);
		assert.deepEqual(chat, { sessions: 10, conversationRows: 0, lostMessages: 0, wrongCounts: 0, wrongHandoffs: 0, failed: 0 });
	});

	it('the watchdog re-offers overdue leads while the router assigns: no manager above capacity, loads equal the leads assigned', { timeout: 10 * 60_000 }, async () => {
		const wd = await raceWatchdogAndRouter(target());
		report('watchdog race', 'watchdog', wd);
		assert.equal(wd.failed, 0);
		assert.ok(wd.reoffered > 0, 'the watchdog re-offered nothing');
		assert.equal(wd.aboveCapacity, 0);
		assert.deepEqual(wd.loadMismatches, []);
	});

	it('one caller: service time of the router and of the minimal workflow, every request answered (figures only)', { timeout: 10 * 60_000 }, async () => {
		const single = await singleCaller(target(), baselinePath, 50);
		report('single caller', 'single', single);
		assert.ok(single.routerP50ms > 0 && single.baselineP50ms > 0);
	});

	it(
		`${LOAD.concurrency} concurrent callers for ${LOAD.seconds} s: every request answered and stored exactly once, no manager above capacity`,
		{ timeout: (LOAD.seconds + LOAD.baselineSeconds) * 1000 + 25 * 60_000 },
		async () => {
			const outcome = await loadRouter(target(), { ...LOAD, capacity: 25, baselinePath });
			report('template load', 'load', outcome);
			assert.equal(outcome.failed, 0, 'unanswered or failed requests');
			assert.ok(outcome.router.requests > 0);
			assert.equal(outcome.lost, 0, 'answered but not stored');
			assert.equal(outcome.storedTwice, 0, 'stored more than once');
			assert.equal(outcome.aboveCapacity, 0, 'leads above capacity');
			assert.deepEqual(outcome.loadMismatches, []);
			assert.ok((outcome.statuses.assigned ?? 0) > 0, 'no lead was assigned');
		},
	);
}
