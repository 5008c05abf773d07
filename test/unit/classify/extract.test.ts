import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { extractFields, extractOrderNumbers } from '../../../core/classify/extract';

describe('extractFields', () => {
	it('phones to E.164 with the default country, e-mails, INN with checksum, company, name, orders', () => {
		const r = extractFields(
			'Здравствуйте! Меня зовут Иван Петров, ООО «Ромашка», ИНН 7707083893. Заказ №12345 не пришел. Тел. 8 (912) 345-67-89, Ivan@Romashka.ru',
		);
		assert.deepEqual(r.phones, ['+79123456789']);
		assert.deepEqual(r.emails, ['ivan@romashka.ru']);
		assert.deepEqual(r.inn, ['7707083893']);
		assert.deepEqual(r.orderNumbers, ['12345']);
		assert.equal(r.company, 'ООО «Ромашка»');
		assert.equal(r.name, 'Иван Петров');
	});
	it('rejects an INN with a wrong check digit', () => {
		assert.deepEqual(extractFields('ИНН 7707083894').inn, []);
		assert.deepEqual(extractFields('ИНН 500100732259').inn, ['500100732259']);
	});
	it('uses the configured default country for national numbers', () => {
		assert.deepEqual(extractFields('call (415) 555-2671', 'US').phones, ['+14155552671']);
		assert.deepEqual(extractFields('call 030 1234567', 'DE').phones, ['+49301234567']);
	});
	it('English company forms and "my name is"', () => {
		const r = extractFields('Hi, my name is John Smith from Acme Corp. Order #A-123 arrived broken.');
		assert.equal(r.name, 'John Smith');
		assert.equal(r.company, 'Acme Corp.');
		assert.deepEqual(r.orderNumbers, ['A-123']);
	});
	it('a signature gives the name', () => {
		assert.equal(extractFields('Пришлите счет.\nС уважением, Анна Смирнова').name, 'Анна Смирнова');
	});
	it('nothing invented when nothing is there', () => {
		assert.deepEqual(extractFields('привет'), { phones: [], emails: [], inn: [], orderNumbers: [] });
	});
});

describe('extractOrderNumbers', () => {
	it('finds "заказ №", "order #", "purchase N", "счет N"', () => {
		assert.deepEqual(extractOrderNumbers('заказ № 12345 и заказа №777-1'), ['12345', '777-1']);
		assert.deepEqual(extractOrderNumbers('order #A-123 and purchase 00123842'), ['A-123', '00123842']);
		assert.deepEqual(extractOrderNumbers('счет 4567 не оплачен'), ['4567']);
	});
	it('ignores bare numbers', () => assert.deepEqual(extractOrderNumbers('I have 12345 problems'), []));
});
