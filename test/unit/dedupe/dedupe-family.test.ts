/** Issue 19 item 3: family members are not merged on what they share (e-mail, phone, address). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { compareContacts } from '../../../core/dedupe/compare';
import { decide } from '../../../core/dedupe/decide';
import { DEFAULT_FIELD_MAPPING } from '../../../core/dedupe/fields';
import { dedupeList } from '../../../core/dedupe/list';
import { parseContact } from '../../../core/dedupe/record';
import { DEFAULT_THRESHOLDS } from '../../../core/dedupe/weights';

const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };

function decisionOf(x: Record<string, unknown>, y: Record<string, unknown>) {
	const c = compareContacts(parseContact(x, 0, opts), parseContact(y, 1, opts));
	return decide(c, DEFAULT_THRESHOLDS).decision;
}

function clusters(items: Array<Record<string, unknown>>): Map<string, string> {
	const { result, records } = dedupeList(items);
	return new Map(records.map((r, i) => [r.id!, records[result.primaryOf[i]].id!]));
}

describe('dedupe: family members are not merged on what they share', () => {
	it('a couple on one e-mail (John / Jane Smith) is review, not duplicate', () => {
		const john = { id: '1', name: 'John Smith', email: 'smiths@gmail.com' };
		const jane = { id: '2', name: 'Jane Smith', email: 'smiths@gmail.com' };
		assert.equal(decisionOf(john, jane), 'review');
		const c = clusters([john, jane]);
		assert.notEqual(c.get('1'), c.get('2'));
	});

	it('father and son on one mobile (patronymic and year of birth differ) are review', () => {
		const father = {
			id: 'f',
			name: 'Петров Иван Петрович',
			dob: '1960-03-04',
			phone: '+7 916 123-45-67',
		};
		const son = {
			id: 's',
			name: 'Петров Иван Иванович',
			dob: '1990-07-08',
			phone: '+7 916 123-45-67',
		};
		assert.equal(decisionOf(father, son), 'review');
		const c = clusters([father, son]);
		assert.notEqual(c.get('f'), c.get('s'));
	});

	it('father and son on one home landline, no dates of birth, are review', () => {
		const father = { id: 'f', name: 'Петров Иван Петрович', phone: '+7 495 111-22-33' };
		const son = { id: 's', name: 'Петров Иван Иванович', phone: '+7 495 111-22-33' };
		assert.equal(decisionOf(father, son), 'review');
	});

	it('Namesakes a generation apart on one e-mail (Sr. and Jr.) are review', () => {
		const sr = { id: '1', name: 'John Smith', dob: '1950-02-03', email: 'smiths@gmail.com' };
		const jr = { id: '2', name: 'John Smith', dob: '1980-06-07', email: 'smiths@gmail.com' };
		assert.equal(decisionOf(sr, jr), 'review');
	});

	it('a third member never pulls father and son into one cluster (review links, or a chain)', () => {
		const father = {
			id: 'f',
			name: 'Петров Иван Петрович',
			dob: '1960-03-04',
			phone: '+7 916 123-45-67',
		};
		const son1 = {
			id: 's1',
			name: 'Петров Иван Иванович',
			dob: '1990-07-08',
			phone: '+7 916 123-45-67',
		};
		const son2 = {
			id: 's2',
			name: 'Петров Иван Иванович',
			dob: '1990-07-08',
			phone: '+7 916 123-45-67',
			email: 'ivan90@mail.ru',
		};
		// The son's two records are one cluster; the father has a review link to each of them.
		let c = clusters([father, son1, son2]);
		assert.equal(c.get('s1'), c.get('s2'));
		assert.notEqual(c.get('f'), c.get('s1'));
		// A record without patronymic or date of birth matches both: it may join one, never both.
		const bare = { id: 'b', name: 'Петров Иван', phone: '+7 916 123-45-67' };
		c = clusters([father, son1, son2, bare]);
		assert.notEqual(c.get('f'), c.get('s1'));
		const mother = { id: 'm', name: 'Петрова Мария Ивановна', phone: '+7 916 123-45-67' };
		c = clusters([father, son1, son2, bare, mother]);
		assert.notEqual(c.get('f'), c.get('s1'));
		assert.notEqual(c.get('m'), c.get('f'));
		assert.notEqual(c.get('m'), c.get('s1'));
	});

	it('still merges the same person: Александр / Саша Петров on one mobile', () => {
		const a = { id: '1', name: 'Александр Петров', phone: '+7 916 555-44-33' };
		const b = { id: '2', name: 'Саша Петров', phone: '+7 916 555-44-33' };
		assert.equal(decisionOf(a, b), 'duplicate');
		const c = clusters([a, b]);
		assert.equal(c.get('1'), c.get('2'));
	});

	it('Иван and Мария on one mobile are not one person; a different first name with an equal date of birth still merges', () => {
		assert.notEqual(
			decisionOf(
				{ name: 'Иван Кузнецов', phone: '+7 916 222-44-33' },
				{ name: 'Мария Кузнецова', phone: '+7 916 222-44-33' },
			),
			'duplicate',
		);
		assert.equal(
			decisionOf(
				{ firstName: 'Jon', lastName: 'Walker', dob: '1971-06-24', email: 'jw@example.org' },
				{ firstName: 'Ronan', lastName: 'Walker', dob: '1971-06-24', email: 'jw@example.org' },
			),
			'duplicate',
		);
	});
});
