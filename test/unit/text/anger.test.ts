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
		assert.equal(angry('Подам в суд'), true);
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
			assert.equal(fired !== undefined, detected.angry, `Escalate vs detector: ${text}`);
			if (detected.legal.length && detected.angry) {
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
