import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decideEscalation, evaluateTriggers } from '../../../core/escalate/escalate';
import type { EscalationInput, InputTurn } from '../../../core/escalate/input';
import { parseConversation } from '../../../core/escalate/input';
import { withDefaults } from '../../../core/escalate/options';
import type { EscalationOptionsInput } from '../../../core/escalate/options';
import { similarity } from '../../../core/escalate/signals';
import { detectAnger } from '../../../core/text/anger';
import { escalationSchema } from '../../../core/escalate/schema';
import { InputError } from '../../../core/shared/errors';

const NOW = new Date('2026-11-23T10:00:00Z'); // Monday 13:00 in Moscow

const c = (text: string): InputTurn => ({ role: 'customer', text, error: false });
const b = (text: string, error = false): InputTurn => ({ role: 'bot', text, error });
const a = (text: string): InputTurn => ({ role: 'agent', text, error: false });

function fired(input: EscalationInput, opts: EscalationOptionsInput = {}) {
	return evaluateTriggers(input, withDefaults(opts)).fired.map((f) => f.id);
}

function only(id: string): EscalationOptionsInput {
	const off = { enabled: false };
	const all: EscalationOptionsInput = {
		humanRequest: off,
		anger: off,
		complaint: off,
		vip: off,
		loop: off,
		lowConfidence: off,
		repeatContact: off,
		botFailure: off,
	};
	return { ...all, [id]: { enabled: true } };
}

describe('trigger: human_request', () => {
	it('fires on the first explicit request and counts requests across turns', () => {
		const r = evaluateTriggers({ turns: [c('оператор'), b('Чем помочь?'), c('ОПЕРАТОР'), b('Чем помочь?'), c('позовите человека')] }, withDefaults());
		assert.equal(r.humanRequests, 3);
		const hr = r.fired.find((f) => f.id === 'human_request');
		assert.deepEqual(hr?.reason.evidence, ['оператор', 'оператор', 'позовите человека']);
		assert.match(hr?.reason.detail ?? '', /3 times, in capitals/);
	});

	it('waits for minRequests when configured', () => {
		const input = { turns: [c('оператор пожалуйста')] };
		assert.deepEqual(fired(input, { ...only('humanRequest'), humanRequest: { enabled: true, minRequests: 2 } }), []);
		assert.deepEqual(fired({ turns: [c('оператор'), b('...'), c('оператор!')] }, { ...only('humanRequest'), humanRequest: { enabled: true, minRequests: 2 } }), ['human_request']);
	});

	it('uses the upstream wantsHuman label when the text alone does not ask', () => {
		assert.deepEqual(fired({ turns: [c('помогите разобраться')], inquiry: { wantsHuman: true } }, only('humanRequest')), ['human_request']);
	});

	it('does not fire on an ordinary question or when switched off', () => {
		assert.deepEqual(fired({ turns: [c('менеджер по продажам прислал счёт?')] }, only('humanRequest')), []);
		assert.deepEqual(fired({ turns: [c('оператор')] }, { humanRequest: { enabled: false } }), []);
	});
});

describe('trigger: anger', () => {
	it('fires on legal threats with urgent severity', () => {
		const r = evaluateTriggers({ turns: [c('Подам в суд и напишу в Роспотребнадзор')] }, withDefaults(only('anger')));
		assert.equal(r.fired[0].id, 'anger');
		assert.equal(r.fired[0].severity, 2);
		assert.ok((r.fired[0].reason.evidence as string[]).includes('роспотребнадзор'));
		assert.equal(evaluateTriggers({ turns: [c('I will file a chargeback with my bank')] }, withDefaults(only('anger'))).fired[0]?.severity, 2);
	});

	it('a lawyer or "legal" is a threat only in a threatening context, not in a B2B buyer\'s paperwork', () => {
		for (const text of ['I will call my lawyer', 'Мой юрист свяжется с вами', 'Обращусь к юристу', 'Our lawyers will contact you', 'We will take legal action']) {
			assert.equal(evaluateTriggers({ turns: [c(text)] }, withDefaults(only('anger'))).fired[0]?.severity, 2, text);
		}
		for (const text of ['Send the contract, our lawyer will review it', 'Наш юрист согласовал договор', 'Please add our legal entity details to the invoice', 'Our legal department approved the NDA']) {
			assert.deepEqual(fired({ turns: [c(text)] }, only('anger')), [], text);
		}
	});

	it('fires on profanity, strong words, CAPS + "!!!", and upstream labels', () => {
		assert.deepEqual(fired({ turns: [c('это просто пиздец какой-то')] }, only('anger')), ['anger']);
		assert.deepEqual(fired({ turns: [c('Это ужасно, верните деньги')] }, only('anger')), ['anger']);
		assert.deepEqual(fired({ turns: [c('ГДЕ МОЙ ЗАКАЗ Я ЖДУ НЕДЕЛЮ!!!')] }, only('anger')), ['anger']);
		assert.deepEqual(fired({ turns: [c('где заказ')], inquiry: { angry: true } }, only('anger')), ['anger']);
		assert.deepEqual(fired({ turns: [c('где заказ')], inquiry: { sentiment: -0.8 } }, only('anger')), ['anger']);
		assert.deepEqual(fired({ turns: [c('где заказ')], inquiry: { sentiment: 'very_negative' } }, only('anger')), ['anger']);
	});

	it('CAPS alone is not enough; gratitude without a grievance cancels CAPS and "!!!"', () => {
		assert.deepEqual(fired({ turns: [c('ПОДСКАЖИТЕ АДРЕС СКЛАДА')] }, only('anger')), []);
		assert.deepEqual(fired({ turns: [c('СПАСИБО БОЛЬШОЕ!!!')] }, only('anger')), []);
		assert.deepEqual(fired({ turns: [c('Сколько стоит доставка?')] }, only('anger')), []);
		assert.deepEqual(fired({ turns: [c('СПАСИБО ВАМ ОГРОМНОЕ ЗА ПОМОЩЬ!!!')] }, only('anger')), []);
		assert.equal(detectAnger('ПОДСКАЖИТЕ АДРЕС СКЛАДА').score, 0.6);
		// thanks around a grievance is sarcasm, not gratitude
		assert.deepEqual(fired({ turns: [c('СПАСИБО ЗА ДОСТАВКУ, ЖДУ УЖЕ ТРЕТЬЮ НЕДЕЛЮ!!!')] }, only('anger')), ['anger']);
	});

	it('looks at the open part of the conversation only', () => {
		const turns = [c('Это ужасно!!!'), a('Разобрались, извините'), c('Подскажите, когда доставка?')];
		assert.deepEqual(fired({ turns }, only('anger')), []);
	});
});

describe('trigger: complaint and human-only types', () => {
	it('fires on complaint by default and on configured types', () => {
		assert.deepEqual(fired({ turns: [c('x y z')], inquiry: { type: 'complaint' } }, only('complaint')), ['complaint']);
		assert.deepEqual(fired({ turns: [c('x y z')], inquiry: { type: 'lead' } }, only('complaint')), []);
		assert.deepEqual(fired({ turns: [c('x y z')], inquiry: { type: 'Legal' } }, { ...only('complaint'), complaint: { enabled: true, types: ['legal', 'complaint'] } }), ['complaint']);
	});
});

describe('trigger: vip', () => {
	it('fires on segment A (any case) or the VIP flag', () => {
		assert.deepEqual(fired({ turns: [c('сколько стоит доставка?')], segment: 'a' }, only('vip')), ['vip']);
		assert.deepEqual(fired({ turns: [c('сколько стоит доставка?')], segment: 'B' }, only('vip')), []);
		assert.deepEqual(fired({ turns: [c('сколько стоит доставка?')], vip: true }, only('vip')), ['vip']);
		assert.deepEqual(fired({ turns: [c('q')], segment: 'AX' }, { ...only('vip'), vip: { enabled: true, segments: ['AX', 'AY'] } }), ['vip']);
	});
});

describe('trigger: loop', () => {
	it('fires when the bot repeats the same answer', () => {
		const turns = [c('где заказ?'), b('Уточните номер заказа.'), c('12345'), b('Уточните номер заказа!')];
		const r = evaluateTriggers({ turns }, withDefaults(only('loop')));
		assert.match(r.fired[0]?.reason.detail ?? '', /same answer 2 times/);
	});

	it('fires when the bot says it did not understand twice', () => {
		const turns = [c('a b c'), b('Извините, я не понял вопрос.'), c('d e f'), b('Не понял, переформулируйте, пожалуйста.')];
		assert.deepEqual(fired({ turns }, only('loop')), ['loop']);
	});

	it('fires when the customer repeats themself', () => {
		const turns = [c('Не приходит код из смс'), b('Попробуйте перезагрузить телефон.'), c('не приходит код из СМС'), b('Проверьте номер.')];
		const r = evaluateTriggers({ turns }, withDefaults(only('loop')));
		assert.match(r.fired[0]?.reason.detail ?? '', /customer repeated themself 2 times/);
	});

	it('fires after maxBotTurns without resolution, and resets after "спасибо, помогло"', () => {
		const many = Array.from({ length: 6 }, (_, i) => [c(`вопрос ${i} про тариф ${'абвгде'[i]}`), b(`ответ ${i} ${'xyzuvw'[i]} разный текст номер ${i * 7}`)]).flat();
		assert.match(evaluateTriggers({ turns: many }, withDefaults(only('loop'))).fired[0]?.reason.detail ?? '', /6 bot turns/);
		const resolved = [...many, c('спасибо, помогло'), c('ещё вопрос: есть доставка?'), b('Да, есть.')];
		assert.deepEqual(fired({ turns: resolved }, only('loop')), []);
	});

	it('similarity is 1 for the same text in another case and low for different texts', () => {
		assert.equal(similarity('Уточните номер заказа', 'УТОЧНИТЕ НОМЕР ЗАКАЗА'), 1);
		assert.ok(similarity('Уточните номер заказа', 'Доставка занимает три дня') < 0.5);
	});
});

describe('trigger: low_confidence', () => {
	it('fires below the threshold or on an unknown type, not otherwise', () => {
		assert.deepEqual(fired({ turns: [c('q')], inquiry: { type: 'question', confidence: 0.3 } }, only('lowConfidence')), ['low_confidence']);
		assert.deepEqual(fired({ turns: [c('q')], inquiry: { type: 'other', confidence: 0.9 } }, only('lowConfidence')), ['low_confidence']);
		assert.deepEqual(fired({ turns: [c('q')], inquiry: { type: 'question', confidence: 0.9 } }, only('lowConfidence')), []);
		assert.deepEqual(fired({ turns: [c('q')] }, only('lowConfidence')), []);
	});
});

describe('trigger: repeat_contact', () => {
	it('fires at the threshold', () => {
		assert.deepEqual(fired({ turns: [c('q')], recentContacts: 3 }, only('repeatContact')), ['repeat_contact']);
		assert.deepEqual(fired({ turns: [c('q')], recentContacts: 2 }, only('repeatContact')), []);
		assert.deepEqual(fired({ turns: [c('q')], recentContacts: 2 }, { ...only('repeatContact'), repeatContact: { enabled: true, minContacts: 2 } }), ['repeat_contact']);
	});
});

describe('trigger: bot_failure', () => {
	it('fires on an error flag, an error turn, or an empty bot answer', () => {
		assert.deepEqual(fired({ turns: [c('q')], botError: 'LLM timeout' }, only('botFailure')), ['bot_failure']);
		assert.deepEqual(fired({ turns: [c('q')], botError: { message: '429' } }, only('botFailure')), ['bot_failure']);
		assert.deepEqual(fired({ turns: [c('q'), b('', true)] }, only('botFailure')), ['bot_failure']);
		assert.deepEqual(fired({ turns: [c('q'), b('   ')] }, only('botFailure')), ['bot_failure']);
		assert.deepEqual(fired({ turns: [c('q'), b('ok')], botError: false }, only('botFailure')), []);
	});
});

describe('input parsing', () => {
	it('accepts role aliases and OpenAI-style content', () => {
		const turns = parseConversation([{ role: 'user', content: 'hi' }, { from: 'assistant', text: 'hello' }, { sender: 'operator', message: 'I am here' }], 'conversation');
		assert.deepEqual(turns.map((t) => t.role), ['customer', 'bot', 'agent']);
	});

	it('names the field of a bad turn', () => {
		assert.throws(() => parseConversation(undefined, 'conversation'), (e: unknown) => e instanceof InputError && e.field === 'conversation' && /missing/.test(e.message));
		assert.throws(() => parseConversation([{ role: 'user', text: 'a' }, 'oops'], 'chat'), (e: unknown) => e instanceof InputError && e.field === 'chat[1]');
		assert.throws(() => parseConversation([{ role: 'robot', text: 'a' }], 'c'), (e: unknown) => e instanceof InputError && e.field === 'c[0].role' && /unknown role "robot"/.test(e.message));
		assert.throws(() => parseConversation([{ role: 'user', text: 42 }], 'c'), (e: unknown) => e instanceof InputError && e.field === 'c[0].text');
		assert.throws(() => parseConversation([{ role: 'user' }], 'c'), (e: unknown) => e instanceof InputError && e.field === 'c[0].text');
		assert.throws(() => parseConversation([], 'c'), (e: unknown) => e instanceof InputError && /empty conversation/.test(e.message));
		assert.throws(() => parseConversation([{ role: 'bot', text: 'hi' }], 'c'), (e: unknown) => e instanceof InputError && /no customer message/.test(e.message));
	});
});

describe('decision: state, cooldown, working hours, schema', () => {
	const opts = withDefaults();

	it('a new handoff sets handedOver, handedOverAt and cooldownUntil', async () => {
		const d = await decideEscalation({ turns: [c('оператор')] }, opts, { now: NOW });
		assert.equal(d.escalate, true);
		assert.equal(d.newHandoff, true);
		assert.deepEqual(d.state, { handedOver: true, handedOverAt: NOW.toISOString(), cooldownUntil: '2026-11-23T10:30:00.000Z' });
		assert.equal(escalationSchema.safeParse(d).success, true);
	});

	it('while handed over the bot stays quiet and no new handoff is made', async () => {
		const d = await decideEscalation(
			{ turns: [c('ну что там?')], state: { handedOver: true, handedOverAt: '2026-11-23T09:00:00.000Z' } },
			opts,
			{ now: NOW },
		);
		assert.equal(d.escalate, true);
		assert.equal(d.newHandoff, false);
		assert.equal(d.customerReply, null);
		assert.equal(d.reasons[0].code, 'handed_over');
		assert.equal(d.state.handedOverAt, '2026-11-23T09:00:00.000Z');
	});

	it('during the cooldown soft triggers wait, an explicit request still escalates', async () => {
		const state = { handedOver: false, cooldownUntil: '2026-11-23T10:20:00.000Z' };
		const soft = await decideEscalation({ turns: [c('есть доставка в Тверь?')], segment: 'A', state }, opts, { now: NOW });
		assert.equal(soft.escalate, false);
		assert.deepEqual(soft.reasons.map((r) => r.code), ['cooldown']);
		assert.deepEqual(soft.reasons[0].evidence, ['vip']);
		assert.equal(soft.allowUpsell, false);
		const strong = await decideEscalation({ turns: [c('оператора позовите')], segment: 'A', state }, opts, { now: NOW });
		assert.equal(strong.escalate, true);
		assert.deepEqual(strong.reasons.map((r) => r.code), ['human_request', 'cooldown']);
		const after = await decideEscalation({ turns: [c('есть доставка в Тверь?')], segment: 'A', state }, opts, { now: new Date('2026-11-23T10:21:00Z') });
		assert.equal(after.escalate, true);
	});

	it('outside working hours: honest acknowledgement, call-back offer and next opening', async () => {
		const hours = withDefaults({ workingHours: { enabled: true, timezone: 'Europe/Moscow', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' } });
		const friday = new Date('2026-11-27T17:30:00Z'); // Friday 20:30 in Moscow
		const d = await decideEscalation({ turns: [c('позовите человека')] }, hours, { now: friday });
		assert.equal(d.handoff?.humansOnline, false);
		assert.equal(d.handoff?.callbackOffered, true);
		assert.equal(d.handoff?.nextOpenAt, '2026-11-30T09:00:00.000+03:00');
		assert.match(d.customerReply ?? '', /в понедельник в 09:00/);
		assert.match(d.customerReply ?? '', /номер телефона|перезвон/i);
		assert.ok(d.reasons.some((r) => r.code === 'after_hours'));
		const open = await decideEscalation({ turns: [c('позовите человека')] }, hours, { now: NOW });
		assert.equal(open.handoff?.humansOnline, true);
		assert.equal(open.handoff?.callbackOffered, false);
	});

	it('a humansOnline input overrides the schedule', async () => {
		const d = await decideEscalation({ turns: [c('real person please')], humansOnline: false }, opts, { now: NOW });
		assert.equal(d.language, 'en');
		assert.match(d.customerReply ?? '', /call you back|phone number/);
	});

	it('rejects a bad schedule naming the parameter', async () => {
		const bad = withDefaults({ workingHours: { enabled: true, timezone: 'Mars/Olympus', days: [1], start: '09:00', end: '18:00' } });
		await assert.rejects(decideEscalation({ turns: [c('оператор')] }, bad, { now: NOW }), (e: unknown) => e instanceof InputError && e.field === 'workingHours.timezone');
	});

	it('continue with bot: no handoff, no reply, upsell allowed for a plain question', async () => {
		const d = await decideEscalation({ turns: [c('Сколько стоит доставка в Казань?')], inquiry: { type: 'question', confidence: 0.9 } }, opts, { now: NOW });
		assert.equal(d.escalate, false);
		assert.equal(d.priority, 'low');
		assert.equal(d.customerReply, null);
		assert.equal(d.handoff, undefined);
		assert.equal(d.allowUpsell, true);
		const service = await decideEscalation({ turns: [c('Не приходит код')], inquiry: { type: 'service_request', confidence: 0.9 } }, opts, { now: NOW });
		assert.equal(service.allowUpsell, false);
	});

	it('replies vary by reason and language and are deterministic', async () => {
		const one = await decideEscalation({ turns: [c('оператор')] }, opts, { now: NOW });
		const again = await decideEscalation({ turns: [c('оператор')] }, opts, { now: NOW });
		assert.equal(one.customerReply, again.customerReply);
		const angry = await decideEscalation({ turns: [c('Это ужасно, подам в суд')] }, opts, { now: NOW });
		const english = await decideEscalation({ turns: [c('operator')] }, opts, { now: NOW });
		const replies = new Set([one.customerReply, angry.customerReply, english.customerReply]);
		assert.equal(replies.size, 3);
		const many = new Set<string>();
		for (const text of ['оператор', 'позовите человека', 'живой специалист нужен', 'соедините с менеджером', 'дайте оператора', 'оператора!!', 'человека позовите']) {
			many.add((await decideEscalation({ turns: [c(text)] }, withDefaults({ anger: { enabled: false } }), { now: NOW })).customerReply ?? '');
		}
		assert.ok(many.size >= 3, `only ${many.size} distinct replies`);
	});

	it('an LLM summary is used when it works and falls back, flagged degraded, when it fails', async () => {
		const ok = await decideEscalation({ turns: [c('оператор')] }, opts, { now: NOW, summarize: async () => 'Клиент просит оператора.' });
		assert.equal(ok.handoff?.summary, 'Клиент просит оператора.');
		assert.equal(ok.handoff?.summarySource, 'llm');
		assert.equal(ok.degraded, false);
		const failing = await decideEscalation({ turns: [c('оператор')] }, opts, {
			now: NOW,
			summarize: async () => {
				throw Object.assign(new Error('timed out'), { kind: 'timeout' });
			},
		});
		assert.equal(failing.degraded, true);
		assert.equal(failing.handoff?.summarySource, 'extractive');
		assert.match(failing.handoff?.summary ?? '', /Суть|Причина/);
		assert.deepEqual(failing.reasons.at(-1), { code: 'llm_summary_failed', detail: 'LLM summary failed; extractive summary used', evidence: 'timeout' });
	});
});
