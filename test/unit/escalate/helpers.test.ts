import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { llmSummaryProvider } from '../../../core/escalate/llmSummary';
import type { LlmClient } from '../../../core/llm';
import { InputError } from '../../../core/shared/errors';
import { readInput, resolveNow, splitList, toOptions } from '../../../nodes/EscalateToHuman/helpers';
import type { NodeParams } from '../../../nodes/EscalateToHuman/helpers';

const base: NodeParams = {
	inputMode: 'conversation',
	conversationField: 'conversation',
	messageField: 'message',
	triggers: ['humanRequest', 'vip'],
	useWorkingHours: false,
	timezone: '',
	workDays: ['1', '2', '3', '4', '5'],
	workStart: '09:00',
	workEnd: '18:00',
	options: {},
};

describe('node helpers', () => {
	it('maps parameters to options: triggers on/off, lists, thresholds, workflow time zone', () => {
		const o = toOptions({ ...base, options: { vipSegments: 'A, AX', minHumanRequests: 2, humanOnlyTypes: '' } }, 'Asia/Yekaterinburg');
		assert.equal(o.humanRequest.enabled, true);
		assert.equal(o.humanRequest.minRequests, 2);
		assert.equal(o.anger.enabled, false);
		assert.deepEqual(o.vip.segments, ['A', 'AX']);
		assert.deepEqual(o.complaint.types, []);
		assert.equal(o.workingHours.timezone, 'Asia/Yekaterinburg');
		assert.deepEqual(o.workingHours.days, [1, 2, 3, 4, 5]);
		assert.deepEqual(splitList('a; b,\nc'), ['a', 'b', 'c']);
	});

	it('reads upstream fields from their default paths', () => {
		const input = readInput(
			{
				conversation: [{ role: 'user', text: 'hi' }],
				inquiry: { type: 'complaint', confidence: '0.4', angry: 'yes', wantsHuman: false, sentiment: { score: -0.7 } },
				segment: { segment: 'A' },
				vip: 1,
				recentContacts: 4,
				state: '{"handedOver":false,"cooldownUntil":"2026-11-23T10:00:00Z"}',
				botError: 'timeout',
				contact: { name: 'Ann' },
			},
			base,
		);
		assert.deepEqual(input.inquiry, { type: 'complaint', confidence: 0.4, angry: true, wantsHuman: false, sentiment: -0.7 });
		assert.equal(input.segment, 'A');
		assert.equal(input.vip, true);
		assert.equal(input.recentContacts, 4);
		assert.deepEqual(input.state, { handedOver: false, cooldownUntil: '2026-11-23T10:00:00.000Z' });
		assert.equal(input.botError, 'timeout');
		assert.deepEqual(input.contact, { name: 'Ann' });
	});

	it('names the field of a bad optional value', () => {
		const bad = (extra: Record<string, unknown>, field: string) =>
			assert.throws(() => readInput({ conversation: [{ role: 'user', text: 'hi' }], ...extra }, base), (e: unknown) => e instanceof InputError && e.field === field);
		bad({ vip: 'maybe' }, 'vip');
		bad({ state: { handedOverAt: 'yesterday' } }, 'state.handedOverAt');
		bad({ inquiry: { confidence: 'high' } }, 'inquiry.confidence');
		bad({ inquiry: [1, 2] }, 'inquiry');
	});

	it('resolves "now" from the option or the execution time', () => {
		const exec = new Date('2026-01-01T00:00:00Z');
		assert.equal(resolveNow('', exec), exec);
		assert.equal(resolveNow('2026-11-23T10:00:00+03:00', exec).toISOString(), '2026-11-23T07:00:00.000Z');
		assert.throws(() => resolveNow('soon', exec), (e: unknown) => e instanceof InputError && e.field === 'now');
	});
});

describe('LLM summary provider', () => {
	it('redacts phones and e-mails and returns the validated summary', async () => {
		let sent = '';
		const client = {
			model: 'fake',
			redactsPii: false,
			async structured(request: { user: string; schema: { parse: (v: unknown) => unknown } }) {
				sent = request.user;
				return request.schema.parse({ summary: 'Клиент ждёт заказ.' });
			},
			async listModels() {
				return [];
			},
		} as unknown as LlmClient;
		const summarize = llmSummaryProvider(client, true);
		const out = await summarize({ transcript: [{ role: 'customer', text: 'мой телефон +7 912 345-67-89, почта anna@example.com' }], language: 'ru', reasons: ['customer asked for a human'] });
		assert.equal(out, 'Клиент ждёт заказ.');
		assert.doesNotMatch(sent, /912|anna@example\.com/);
		assert.match(sent, /\[PHONE\]/);
		assert.match(sent, /\[EMAIL\]/);
	});

	it('rejects an answer with invented fields (strict schema)', async () => {
		const client = {
			model: 'fake',
			redactsPii: false,
			async structured(request: { schema: { parse: (v: unknown) => unknown } }) {
				return request.schema.parse({ summary: 'x', manager: 'Ivan' });
			},
			async listModels() {
				return [];
			},
		} as unknown as LlmClient;
		await assert.rejects(llmSummaryProvider(client, true)({ transcript: [], language: 'en', reasons: [] }));
	});
});
