import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { createClassifier } from '../../../core/classify';
import { evaluateTriggers } from '../../../core/escalate/escalate';
import { withDefaults } from '../../../core/escalate/options';
import { ALL_TRIGGERS } from '../../../core/escalate/config';
import { ANGER_THRESHOLD, detectAnger } from '../../../core/text/anger';

/**
 * Issue 22 item 1: one anger detector and one legal-threat list (core/text/anger.ts, angerWords.ts) for
 * Classify's `angry` and Escalate's anger trigger, so the two nodes cannot disagree about a message.
 */
const classifier = createClassifier({ mode: 'cascade' });
const onlyAnger = withDefaults(Object.fromEntries(ALL_TRIGGERS.map((t) => [t, { enabled: t === 'anger' }])));

function escalateAnger(text: string) {
	return evaluateTriggers({ turns: [{ role: 'customer', text, error: false }] }, onlyAnger).fired.find((f) => f.id === 'anger');
}

/** Sentences written for this test (both languages, both ways) and every text of the team inbox sets. */
const WRITTEN = [
	'Это ужасно, верните деньги',
	'ГДЕ МОЙ ЗАКАЗ Я ЖДУ НЕДЕЛЮ!!!',
	'Спасибо за прекрасный сервис, жду возврат уже месяц',
	'I will call my lawyer',
	'Send the contract, our lawyer will review it',
	'Подам в суд и напишу в Роспотребнадзор',
	'хуёвый сервис, заебали',
	'СПАСИБО ВАМ ОГРОМНОЕ ЗА ПОМОЩЬ!!!',
	'I hate to bother you, but where is my order?',
	'I am not angry, just curious about the delivery date',
	'This is the third time I write, still nothing',
	'ОПЕРАТОР ОПЕРАТОР ОПЕРАТОР',
	'Подскажите, пожалуйста, адрес склада',
	'seriously?? come on',
	'Это просто издевательство!!!',
	'Наш юрист согласовал договор',
];

function fixtureTexts(): string[] {
	const dir = join(__dirname, '..', '..', 'fixtures', 'inbox');
	const texts: string[] = [];
	for (const file of ['team-inbox.jsonl', 'team-inbox-2.jsonl']) {
		let body = '';
		try {
			body = readFileSync(join(dir, file), 'utf8');
		} catch {
			continue;
		}
		for (const line of body.split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
	}
	return texts;
}

describe('one anger detector for Classify and Escalate', () => {
	it('the shared detector decides both ways on written sentences', () => {
		const angry = (t: string) => detectAnger(t).angry;
		assert.equal(angry('Это ужасно, верните деньги'), true);
		assert.equal(angry('Спасибо за прекрасный сервис, жду возврат уже месяц'), true);
		assert.equal(angry('хуёвый сервис'), true);
		assert.equal(angry('Подам в суд'), false);
		assert.deepEqual(detectAnger('Подам в суд').legal, ['Подам в суд']);
		assert.equal(angry('СПАСИБО ВАМ ОГРОМНОЕ ЗА ПОМОЩЬ!!!'), false);
		assert.equal(angry('I am not angry, just curious about the delivery date'), false);
		assert.equal(angry('Наш юрист согласовал договор'), false);
		assert.equal(angry('Хуан Карлос, страховка, хуже некуда'), false);
		assert.equal(detectAnger('ПОДСКАЖИТЕ АДРЕС СКЛАДА').score < ANGER_THRESHOLD, true);
	});

	const texts = [...WRITTEN, ...fixtureTexts()];
	it(`Classify's angry, Escalate's anger trigger and the detector agree on all ${texts.length} texts`, () => {
		assert.ok(texts.length >= WRITTEN.length + 359, `team inbox texts read: ${texts.length - WRITTEN.length}`);
		let angryCount = 0;
		let legalCount = 0;
		for (const text of texts) {
			const detected = detectAnger(text);
			const classified = classifier.classifyOffline(text);
			const fired = escalateAnger(text);
			assert.equal(classified.angry, detected.angry, `Classify vs detector: ${text}`);
			// Escalate hands over on anger and on any legal threat (a calm one too); Classify makes the latter high
			assert.equal(fired !== undefined, detected.angry || detected.legal.length > 0, `Escalate vs detector: ${text}`);
			if (detected.legal.length) {
				legalCount++;
				assert.equal(fired?.severity, 2, `a legal threat is urgent in Escalate: ${text}`);
				assert.equal(classified.priority, 'high', `a legal threat is high in Classify: ${text}`);
			}
			if (detected.angry) angryCount++;
		}
		// the agreement is not vacuous: both sides of the decision occur
		assert.ok(angryCount >= 20 && angryCount < texts.length - 100, `angry ${angryCount} of ${texts.length}`);
		assert.ok(legalCount >= 5, `legal threats ${legalCount}`);
	});
});

/** Written for this change, before it (texts invented; none from a team set). */
describe('grievance cues: counted repeats, waiting in any word order, broken promises, sign-off thanks', () => {
	for (const text of [
		'Пишу вам уже пятый раз, ответа нет',
		'это уже второй раз за месяц, вы вообще проверяете товар??',
		'В который раз прошу перезвонить',
		'Third time asking for an invoice correction',
		'I have called four times about this',
		'Неделю жду ответа от поддержки, спасибо большое',
		'Обещали за 2 дня, прошло 9, спасибо за скорость',
		'Доставили через три недели вместо трёх дней, вы просто лучшие',
		'A 40-minute wait in the queue, truly excellent service',
		'Fantastic support, been waiting since Monday for a reply',
	]) {
		it(`angry: "${text}"`, () => {
			const a = detectAnger(text);
			assert.equal(a.angry, true, `${a.score} ${a.cues.map((c) => c.code).join(',')}`);
		});
	}
	for (const text of [
		'We have been testing your platform for a week and like it. Can we move to a paid plan?\nThanks,\nMaya',
		"Our trial expired yesterday and we're still waiting for procurement approval. Could you extend it?\nThanks, Tom",
		'Спасибо, второй раз заказываю у вас, всё отлично',
		'Please ship the order in two parts, the second one in a week',
		'Хочу записаться на приём через две недели',
		'Thanks for the quick reply! Waiting for the invoice.',
		'Прошу перенести доставку на неделю позже, спасибо',
	]) {
		it(`not angry: "${text}"`, () => {
			const a = detectAnger(text);
			assert.equal(a.angry, false, `${a.score} ${a.cues.map((c) => `${c.code}:${c.evidence}`).join(',')}`);
		});
	}
});

describe('a calm legal threat is a legal threat, not anger', () => {
	const calm = 'Если деньги не вернутся в течение 10 дней, я обращусь в суд и в Роспотребнадзор.';
	it('Classify: not angry, high priority, reason legal_threat', () => {
		const r = classifier.classifyOffline(calm);
		assert.equal(r.angry, false);
		assert.equal(r.priority, 'high');
		assert.ok(r.reasons.some((x) => x.code === 'legal_threat'));
	});
	it('Escalate: still hands over, urgent', () => {
		const f = escalateAnger(calm);
		assert.equal(f?.severity, 2);
	});
	it('an angry legal threat is both', () => {
		const text = 'Вы мошенники! Я засужу вас и напишу в прокуратуру!!!';
		assert.equal(classifier.classifyOffline(text).angry, true);
		assert.equal(escalateAnger(text)?.severity, 2);
	});
});

describe('anger words that share a stem with plain words (written for this change)', () => {
	for (const text of [
		'Could you help with our AWS bill?',
		'В противном случае договор будет расторгнут',
		'Ручка у двери отвалилась, пришлите мастера',
		'Часы отстают на пять минут, нужна настройка',
	]) {
		it(`not angry: "${text}"`, () => assert.equal(detectAnger(text).angry, false));
	}
	for (const text of ['That was awful', 'Противно читать ваши ответы', 'Отвали, бот', 'Сервис отстой']) {
		it(`angry: "${text}"`, () => assert.equal(detectAnger(text).angry, true));
	}
});

/** Tenth session, second pass (texts invented before the change). */
describe('sarcasm in quotes, rhetorical indignation, whole messages shouted, transliteration', () => {
	for (const text of [
		'Спасибо за «оперативный» ответ, всего-то две недели ждал',
		'Отличная «поддержка», ответа нет с сентября',
		'Thanks for the "fast" shipping, it took a month',
		'Браво! Потеряли документы второй раз. Жду объяснений',
		'Третий день не могу дозвониться, вы вообще работаете??',
		'Неделю не открывается кабинет. За что я плачу?',
		'vy izdevaetes? uzhe nedelyu zhdu',
		'Я ТРЕТИЙ РАЗ ПИШУ ВАМ И НИКТО НЕ ОТВЕЧАЕТ НА МОИ ПИСЬМА',
		'ВЫ ВООБЩЕ СОБИРАЕТЕСЬ ВОЗВРАЩАТЬ МОИ ДЕНЬГИ ИЛИ НЕТ',
	]) {
		it(`angry: "${text}"`, () => {
			const a = detectAnger(text);
			assert.equal(a.angry, true, `${a.score} ${a.hits.map((h) => h.id).join(',')} ${a.cues.map((c) => c.code).join(',')}`);
		});
	}
	for (const text of [
		'ДОБРЫЙ ДЕНЬ ПОДСКАЖИТЕ ПОЖАЛУЙСТА КОГДА БУДЕТ ДОСТАВКА МОЕГО ЗАКАЗА',
		'Уже второй раз перепутали соус. Мелочь, но неприятно, учтите пожалуйста',
		'Вы вообще работаете в субботу?',
		'Купили у вас диван «Комфорт», очень довольны',
		'Thanks, the item arrived broken, could you send a replacement?',
		'We ordered the "Premium" plan last week, when will it be active?',
	]) {
		it(`not angry: "${text}"`, () => {
			const a = detectAnger(text);
			assert.equal(a.angry, false, `${a.score} ${a.hits.map((h) => h.id).join(',')} ${a.cues.map((c) => `${c.code}:${c.evidence}`).join(',')}`);
		});
	}
});
