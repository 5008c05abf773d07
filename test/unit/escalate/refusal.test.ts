import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decideEscalation } from '../../../core/escalate/escalate';
import type { InputTurn } from '../../../core/escalate/input';
import { withDefaults } from '../../../core/escalate/options';

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
