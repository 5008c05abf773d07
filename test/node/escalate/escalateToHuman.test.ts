import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { EscalateToHuman } from '../../../nodes/EscalateToHuman/EscalateToHuman.node.js';
import { escalationSchema } from '../../../core/escalate/schema';
import type { Escalation } from '../../../core/escalate/schema';
import { reply, startFakeOpenAi } from '../../helpers/fakeOpenAiServer';
import { runNode } from '../../helpers/workflowHarness';

const TYPE = 'n8n-nodes-inquiry-router.escalateToHuman';
const NOW = '2026-11-23T10:00:00.000Z'; // Monday, 13:00 in Moscow

function run(items: IDataObject[], parameters: IDataObject = {}, onError?: 'continueErrorOutput' | 'continueRegularOutput') {
	return runNode({
		type: TYPE,
		nodeType: new EscalateToHuman(),
		parameters: { ...parameters, options: { now: NOW, ...((parameters.options as IDataObject) ?? {}) } },
		inputs: [items],
		...(onError ? { onError } : {}),
	});
}

const esc = (item: { json: IDataObject }) => item.json.escalation as unknown as Escalation;

describe('Escalate to Human node (n8n WorkflowExecute)', () => {
	it('declares two named outputs and is usable as a tool', () => {
		const d = new EscalateToHuman().description;
		assert.deepEqual(d.outputNames, ['Escalate', 'Continue With Bot']);
		assert.equal(d.usableAsTool, true);
		assert.equal(d.name, 'escalateToHuman');
	});

	it('scenarios: each goes to the right output with the right reasons', async () => {
		const scenarios: Array<{ name: string; item: IDataObject; output: 0 | 1; codes: string[]; priority?: string }> = [
			{
				name: 'third request for an operator in CAPS',
				item: {
					conversation: [
						{ role: 'user', text: 'Где мой заказ 48213?' },
						{ role: 'bot', text: 'Уточните, пожалуйста, номер заказа.' },
						{ role: 'user', text: '48213. Оператора позовите' },
						{ role: 'bot', text: 'Я могу помочь с заказом. Что вас интересует?' },
						{ role: 'user', text: 'оператор' },
						{ role: 'bot', text: 'Чем ещё могу помочь?' },
						{ role: 'user', text: 'ОПЕРАТОР' },
					],
					inquiry: { type: 'question', confidence: 0.8 },
				},
				output: 0,
				codes: ['human_request', 'loop'],
				priority: 'urgent',
			},
			{
				name: 'polite single request',
				item: { conversation: [{ role: 'user', text: 'Добрый день! Можно, пожалуйста, поговорить с менеджером?' }], inquiry: { type: 'question', confidence: 0.9 } },
				output: 0,
				codes: ['human_request'],
				priority: 'normal',
			},
			{
				name: 'angry complaint',
				item: {
					conversation: [{ role: 'user', text: 'Это возмутительно! Третий раз привозите не тот товар, подам жалобу в Роспотребнадзор!!!' }],
					inquiry: { type: 'complaint', confidence: 0.9, angry: true },
				},
				output: 0,
				codes: ['anger', 'complaint'],
				priority: 'urgent',
			},
			{
				name: 'looping bot',
				item: {
					conversation: [
						{ role: 'user', text: 'Как сменить тариф?' },
						{ role: 'bot', text: 'Извините, я не понял вопрос. Попробуйте переформулировать.' },
						{ role: 'user', text: 'Хочу сменить тариф на годовой' },
						{ role: 'bot', text: 'Извините, я не понял вопрос. Попробуйте переформулировать.' },
					],
					inquiry: { type: 'service_request', confidence: 0.9 },
				},
				output: 0,
				codes: ['loop'],
				priority: 'normal',
			},
			{
				name: 'VIP with a simple question',
				item: { conversation: [{ role: 'user', text: 'Какой у вас адрес склада?' }], inquiry: { type: 'question', confidence: 0.95 }, segment: { segment: 'A' } },
				output: 0,
				codes: ['vip'],
				priority: 'high',
			},
			{
				name: 'bot error',
				item: { conversation: [{ role: 'user', text: 'Сколько стоит доставка?' }, { role: 'bot', text: '', error: true }], botError: 'LLM timeout', inquiry: { type: 'question', confidence: 0.9 } },
				output: 0,
				codes: ['bot_failure'],
				priority: 'high',
			},
			{
				name: 'ordinary question stays with the bot',
				item: { conversation: [{ role: 'user', text: 'Менеджер по продажам прислал счёт? Когда ждать?' }], inquiry: { type: 'question', confidence: 0.9 }, segment: { segment: 'C' } },
				output: 1,
				codes: [],
				priority: 'low',
			},
		];
		const res = await run(scenarios.map((s) => s.item));
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 2);
		const all = [...res.outputs[0], ...res.outputs[1]];
		assert.equal(all.length, scenarios.length, 'every item yields exactly one output item');
		scenarios.forEach((s, i) => {
			const item = all.find((x) => (x.pairedItem as { item: number }).item === i);
			assert.ok(item, s.name);
			assert.ok(res.outputs[s.output].includes(item), `${s.name}: expected output ${s.output}`);
			const e = esc(item);
			assert.equal(escalationSchema.safeParse(e).success, true, `${s.name}: schema`);
			const codes = e.reasons.map((r) => r.code).filter((c) => !['after_hours', 'cooldown'].includes(c));
			for (const code of s.codes) assert.ok(codes.includes(code), `${s.name}: expected ${code} in ${codes.join(',')}`);
			if (s.codes.length === 0) assert.deepEqual(codes, [], s.name);
			if (s.priority) assert.equal(e.priority, s.priority, `${s.name}: priority`);
		});
		const caps = esc(all.find((x) => (x.pairedItem as { item: number }).item === 0)!);
		assert.equal(caps.humanRequests, 3);
		assert.deepEqual(caps.handoff?.keyFacts.orderNumbers, ['48213']);
		assert.equal(caps.newHandoff, true);
		assert.equal(caps.allowUpsell, false);
		assert.equal(caps.state.handedOver, true);
		assert.equal(caps.state.handedOverAt, NOW);
		assert.ok(caps.customerReply && caps.customerReply.length > 20);
		assert.match(caps.handoff?.suggestedFirstReply ?? '', /48213/);
		// the VIP asked a simple question: handed over, but not an angry-style apology
		const vip = esc(all.find((x) => (x.pairedItem as { item: number }).item === 4)!);
		assert.match(vip.customerReply ?? '', /менеджер/);
	});

	it('keeps the input fields, honours the output key, and reads a single message', async () => {
		const res = await run([{ chatInput: 'real person please', sessionId: 's1' }], {
			inputMode: 'message',
			messageField: 'chatInput',
			options: { outputKey: 'handoff' },
		});
		assert.equal(res.error, undefined);
		const item = res.outputs[0][0];
		assert.equal(item.json.sessionId, 's1');
		const e = item.json.handoff as unknown as Escalation;
		assert.equal(e.escalate, true);
		assert.equal(e.language, 'en');
		assert.equal(item.json.escalation, undefined);
	});

	it('stays quiet while the conversation is with a person (state from the template)', async () => {
		const res = await run([
			{ conversation: [{ role: 'user', text: 'Ну что там с заказом?' }], state: { handedOver: true, handedOverAt: '2026-11-23T09:50:00.000Z', cooldownUntil: '2026-11-23T10:20:00.000Z' } },
			{ conversation: [{ role: 'user', text: 'Ну что там с заказом?' }], state: JSON.stringify({ handedOver: false, cooldownUntil: '2026-11-23T09:00:00.000Z' }) },
		]);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs[0].length, 1);
		const held = esc(res.outputs[0][0]);
		assert.equal(held.newHandoff, false);
		assert.equal(held.customerReply, null);
		assert.equal(held.reasons[0].code, 'handed_over');
		assert.equal(res.outputs[1].length, 1);
		assert.equal(esc(res.outputs[1][0]).state.handedOver, false);
	});

	it('switching a trigger off keeps the item with the bot', async () => {
		const res = await run([{ conversation: [{ role: 'user', text: 'оператор' }] }], { triggers: ['anger', 'complaint'] });
		assert.equal(res.outputs[1].length, 1);
		assert.equal(esc(res.outputs[1][0]).humanRequests, 1);
	});

	it('after hours: honest acknowledgement and a call-back offer', async () => {
		const res = await run([{ conversation: [{ role: 'user', text: 'позовите человека' }], contact: { name: 'Анна', phone: '8 912 345-67-89' } }], {
			useWorkingHours: true,
			timezone: 'Europe/Moscow',
			workStart: '09:00',
			workEnd: '18:00',
			options: { now: '2026-11-23T20:00:00.000Z' },
		});
		const e = esc(res.outputs[0][0]);
		assert.equal(e.handoff?.humansOnline, false);
		assert.equal(e.handoff?.callbackOffered, true);
		assert.equal(e.handoff?.nextOpenAt, '2026-11-24T09:00:00.000+03:00');
		assert.match(e.customerReply ?? '', /завтра в 09:00/);
		assert.match(e.customerReply ?? '', /Перезвоним по номеру/);
		assert.deepEqual(e.handoff?.keyFacts.phones, ['+79123456789']);
		assert.equal(e.handoff?.keyFacts.name, 'Анна');
		assert.match(e.handoff?.suggestedFirstReply ?? '', /Анна/);
	});

	it('bad input stops with an error naming the item and the field', async () => {
		const missing = await run([{ conversation: [{ role: 'user', text: 'hi' }] }, { text: 'no conversation here' }]);
		assert.match(missing.error?.message ?? '', /^Item 1: Field "conversation" is missing/);
		const malformed = await run([{ conversation: [{ role: 'user', text: 'hi' }, { role: 'wizard', text: 'x' }] }]);
		assert.match(malformed.error?.message ?? '', /^Item 0: Turn conversation\[1\] has unknown role "wizard"/);
		const badField = await run([{ conversation: [{ role: 'user', text: 'hi' }], recentContacts: 'many' }]);
		assert.match(badField.error?.message ?? '', /Item 0: Field "recentContacts" must be a number/);
	});

	it('bad input goes to the error output under continueErrorOutput; good items still route', async () => {
		const res = await run(
			[
				{ conversation: [{ role: 'user', text: 'оператор' }] },
				{ conversation: 'not json' },
				{ conversation: [{ role: 'user', text: 'Сколько стоит доставка?' }] },
				{ conversation: [{ role: 'user', text: 'hi' }, 5] },
			],
			{},
			'continueErrorOutput',
		);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 3);
		assert.deepEqual(res.outputs[0].map((i) => i.pairedItem), [{ item: 0 }]);
		assert.deepEqual(res.outputs[1].map((i) => i.pairedItem), [{ item: 2 }]);
		assert.deepEqual(res.outputs[2].map((i) => i.pairedItem), [{ item: 1 }, { item: 3 }]);
		// n8n puts the message on json.error and keeps the NodeOperationError (description names the field).
		const errors = res.outputs[2].map((i) => ({ message: String(i.json.error), description: String((i.error as { description?: string })?.description) }));
		assert.match(errors[0].message, /^Item 1: Field "conversation" must be an array of turns/);
		assert.match(errors[0].description, /field "conversation"/);
		assert.match(errors[1].message, /^Item 3: Turn conversation\[1\] must be an object/);
		assert.match(errors[1].description, /field "conversation\[1\]"/);
	});

	it('LLM summary: an unreachable endpoint degrades to the extractive summary, never crashes', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: new EscalateToHuman(),
			parameters: { summary: 'llm', model: 'gpt-4o-mini', options: { now: NOW } },
			inputs: [[{ conversation: [{ role: 'user', text: 'позовите человека, мой телефон +7 912 345-67-89' }] }]],
			credentials: { inquiryRouterOpenAiApi: { apiKey: 'test-key', baseUrl: 'http://127.0.0.1:9/v1' } },
		});
		assert.equal(res.error, undefined);
		const e = esc(res.outputs[0][0]);
		assert.equal(e.degraded, true);
		assert.equal(e.handoff?.summarySource, 'extractive');
		const failure = e.reasons.find((r) => r.code === 'llm_summary_failed');
		assert.ok(failure);
		assert.ok(['network', 'timeout', 'server_error'].includes(String(failure.evidence)), String(failure.evidence));
	});

	// Issue 19.1: the summary call gets the same bounds as Classify's LLM calls.
	const summaryRun = (baseUrl: string, extra: { cancelWhen?: Promise<unknown> } = {}) =>
		runNode({
			type: TYPE,
			nodeType: new EscalateToHuman(),
			parameters: { summary: 'llm', model: 'fake-model', options: { now: NOW } },
			inputs: [[{ conversation: [{ role: 'user', text: 'позовите человека, бот не помогает' }] }]],
			credentials: { inquiryRouterOpenAiApi: { apiKey: 'test-key', baseUrl } },
			...extra,
		});

	it('LLM summary: a 429 with retry-after 3600 degrades to the extractive summary at once', { timeout: 60_000 }, async () => {
		const fake = await startFakeOpenAi();
		try {
			fake.setHandler(() => reply.status(429, { 'retry-after': '3600' }));
			const started = Date.now();
			const res = await summaryRun(fake.baseUrl);
			const elapsed = Date.now() - started;
			assert.equal(res.error, undefined);
			const e = esc(res.outputs[0][0]);
			assert.equal(e.degraded, true);
			assert.equal(e.handoff?.summarySource, 'extractive');
			assert.equal(e.reasons.find((r) => r.code === 'llm_summary_failed')?.evidence, 'rate_limited');
			assert.equal(fake.chatRequests().length, 1);
			assert.ok(elapsed < 15_000, `${elapsed} ms (a very generous bound)`);
		} finally {
			await fake.close();
		}
	});

	it('LLM summary: cancelling the execution ends a back-off wait at once', { timeout: 60_000 }, async () => {
		const fake = await startFakeOpenAi();
		try {
			// retry-after 20 s fits in the default 30 s timeout, so the client waits; Stop must end that wait
			fake.setHandler(() => reply.status(429, { 'retry-after': '20' }));
			let cancelledAt = 0;
			const cancelWhen = fake
				.waitForChatRequests(1)
				.then(() => new Promise((resolve) => setTimeout(resolve, 300)))
				.then(() => {
					cancelledAt = Date.now();
				});
			await summaryRun(fake.baseUrl, { cancelWhen });
			const endedAt = Date.now();
			assert.ok(cancelledAt > 0);
			assert.equal(fake.chatRequests().length, 1, 'no second attempt after the cancel');
			assert.ok(endedAt - cancelledAt < 5000, `the run ended ${endedAt - cancelledAt} ms after the cancel (a very generous bound)`);
		} finally {
			await fake.close();
		}
	});
});
