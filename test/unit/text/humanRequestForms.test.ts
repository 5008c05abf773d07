import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { analyzeHumanRequest, detectHumanRequest } from '../../../core/text/humanRequest';

/**
 * Issue 22 patterns 1 and 2, more forms (tenth session; texts invented for this test, written before the
 * change): contact-me requests, a call with a manager, a refusal after the request, "оператор" + a noun
 * as a topic, job ads, and words one letter from a request word.
 */
describe('requests in more forms', () => {
	for (const text of [
		'Прошу связаться со мной по телефону и объяснить, что происходит',
		'Попросите, пожалуйста, руководителя отдела со мной связаться',
		'Could one of your sales reps give me a call tomorrow?',
		'Можно организовать звонок с вашим менеджером?',
		'Позовите оператора, не хочу общаться с ботом',
		'Позовите оператора не хочу с ботом',
		'Соедините с оператором поддержки',
		'Оператора позовите пожалуйста',
	]) {
		it(`request: "${text}"`, () => assert.ok(detectHumanRequest(text), text));
	}
});

describe('not requests', () => {
	for (const text of [
		'Оператор доставки у вас СДЭК или Почта?',
		'Нам нужен оператор ЭДО с роумингом',
		'Are you hiring remote support operators? I speak three languages',
		'вам операторы чата нужны? могу в ночь',
		'у нас договор на отделку квартиры',
		'Прораб не выходит на связь, у нас договор на ремонт',
		'Договоримся так: пришлите счёт на почту',
		'Менеджер не нужен, пришлите счёт',
	]) {
		it(`no request: "${text}"`, () => assert.equal(detectHumanRequest(text), undefined, JSON.stringify(detectHumanRequest(text))));
	}
	for (const text of [
		'нет, с менеджером общаться не хочу, просто скиньте цены',
		'Оператора не надо, звонков тоже. Ответьте письмом',
		'A human is not needed, just send the link',
	]) {
		it(`refusal after the request: "${text}"`, () => {
			const r = analyzeHumanRequest(text);
			assert.equal(r.request, undefined, JSON.stringify(r.request));
			assert.ok(r.refusals.length > 0);
		});
	}
});
