import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decideEscalation } from '../../../core/escalate/escalate';
import type { InputTurn } from '../../../core/escalate/input';
import { withDefaults } from '../../../core/escalate/options';
import { analyzeHumanRequest, HUMAN_REQUEST_SCAN } from '../../../core/text/humanRequest';

const NOW = new Date('2026-11-23T10:00:00Z'); // Monday 13:00 in Moscow
const c = (text: string): InputTurn => ({ role: 'customer', text, error: false });

describe('issue 19 item 5: Escalate does not escalate a refusal of a person', () => {
	for (const text of ['Please do NOT call me back', 'Я не хочу говорить с оператором', 'Не надо мне перезванивать', 'no human please, the bot is fine']) {
		it(`"${text}"`, async () => {
			const d = await decideEscalation({ turns: [c(text)] }, withDefaults(), { now: NOW });
			assert.equal(d.escalate, false);
		});
	}
	for (const text of ['Позовите оператора', 'Не могу дозвониться до оператора, соедините', 'call me back please']) {
		it(`"${text}" still escalates`, async () => {
			const d = await decideEscalation({ turns: [c(text)] }, withDefaults(), { now: NOW });
			assert.equal(d.escalate, true);
		});
	}
});

describe('the human-request detector reads a bounded part of a long message', () => {
	it('finds a request written after a long pasted log, and one at the start; misses nothing in a short message', () => {
		const log = 'ERROR 0x1F at module loader; retrying connection pool. '.repeat(2000); // ~110 KB
		assert.ok(analyzeHumanRequest(`${log}\nПожалуйста, соедините меня с оператором`).request, 'request after the paste');
		assert.ok(analyzeHumanRequest(`Соедините меня с оператором, вот лог:\n${log}`).request, 'request before the paste');
		assert.equal(analyzeHumanRequest(log).request, undefined);
		assert.ok(HUMAN_REQUEST_SCAN >= 10_000);
	});
});
