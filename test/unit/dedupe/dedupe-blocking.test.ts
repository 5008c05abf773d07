/**
 * Blocking keeps cost near-linear: a surname + initial shared by thousands of contacts, or one
 * switchboard phone, does not turn into all pairs; same full names and initials still meet.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { dedupeList } from '../../../core/dedupe/list';

/** A distinct made-up word per number (letters only: digits are not part of a name). */
const word = (i: number) => Array.from(String(i).padStart(4, '0'), (d) => 'bdfgklmnrt'[Number(d)]).join('a');

const FIRST = ['Иван', 'Игорь', 'Илья', 'Инна', 'Ирина', 'Иосиф', 'Ираклий', 'Изабелла', 'Илона', 'Ия'];

describe('dedupe blocking', () => {
	it('a surname + initial shared by 3,000 contacts costs a few comparisons per contact', () => {
		const items = Array.from({ length: 3000 }, (_, i) => ({
			id: `c${i}`,
			name: `Петров ${FIRST[i % FIRST.length]}`,
			email: `p${i}@example.org`,
		}));
		const { result } = dedupeList(items);
		// All pairs would be 4.5 M; same full names (300 per name) stay in blocks of their own (≤ 100,
		// then a window), the shared surname + initial by sorted neighbourhood.
		assert.ok(result.comparisons < 3000 * 15, `${result.comparisons} comparisons`);
		assert.ok(result.primaryOf.every((p, i) => p === i), 'different e-mails, same names: nobody merged');
	});

	it('one switchboard phone shared by 2,000 people is compared by sorted neighbourhood', () => {
		const items = Array.from({ length: 2000 }, (_, i) => ({ id: `s${i}`, name: `Zed ${word(i)}`, phone: '+7 495 123-45-67' }));
		const { result } = dedupeList(items);
		assert.ok(result.comparisons < 2000 * 10, `${result.comparisons} comparisons`);
		assert.ok(result.sharedPhones.has('+74951234567'));
	});

	it('in an oversized name block, the same full name and an initial still meet their duplicate', () => {
		const crowd = Array.from({ length: 200 }, (_, i) => ({ id: `x${i}`, name: `Петров ${FIRST[i % FIRST.length]}`, email: `x${i}@example.org` }));
		const items = [
			...crowd,
			{ id: 'a', firstName: 'Иван', lastName: 'Петров', dob: '1980-05-17', email: 'a@one.org' },
			{ id: 'b', name: 'Петров Иван', dob: '1980-05-17', email: 'b@two.org' },
			{ id: 'c', name: 'Петров И.', dob: '1980-05-17', telegram: '@c_tg' },
		];
		const { result, records } = dedupeList(items);
		const at = (id: string) => records.findIndex((r) => r.id === id);
		assert.equal(result.primaryOf[at('a')], result.primaryOf[at('b')], 'same full name and date of birth: one cluster');
		const c = at('c');
		const reachedC = result.primaryOf[c] === result.primaryOf[at('a')] || result.review[c] !== undefined || result.link[c] !== undefined;
		assert.ok(reachedC, 'the initial-only record was compared with its block');
	});
});
