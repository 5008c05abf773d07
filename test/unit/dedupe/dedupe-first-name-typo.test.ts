/**
 * Issue 19 item 3, refined: a *different* first name (which rules out a merge on a shared e-mail or
 * phone) means a clearly different given name, not a typo of one name or an initial / short form.
 * Pairs written for this test (not taken from any evaluation file).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { compareContacts, generationApart } from '../../../core/dedupe/compare';
import { decide } from '../../../core/dedupe/decide';
import { DEFAULT_FIELD_MAPPING } from '../../../core/dedupe/fields';
import { parseContact } from '../../../core/dedupe/record';
import { DEFAULT_THRESHOLDS } from '../../../core/dedupe/weights';

const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };

/** Two people with the same surname on one mailbox, differing only in the first name as written. */
function onOneMailbox(x: string, y: string) {
	const a = parseContact({ firstName: x, lastName: 'Hall', email: 'halls@gmail.com' }, 0, opts);
	const b = parseContact({ firstName: y, lastName: 'Hall', email: 'halls@gmail.com' }, 1, opts);
	const c = compareContacts(a, b);
	return { corroborated: c.corroborated, decision: decide(c, DEFAULT_THRESHOLDS).decision };
}

describe('dedupe: what counts as a different first name', () => {
	const typos: Array<[string, string]> = [
		['Eliza', 'Ezia'], // a letter dropped and one mistyped (Eliza is in the table, Ezia is not)
		['Lydia', 'Lyia'], // a letter dropped
		['Harry', 'Hrarry'], // a letter inserted
		['Michael', 'Micheal'], // two letters swapped
		['Katherine', 'Katherien'], // two letters swapped at the end
		['Мария', 'Мраия'], // Cyrillic, two letters swapped
	];
	for (const [x, y] of typos)
		it(`a typo of one name is not a different name: ${x} / ${y}`, () => {
			const r = onOneMailbox(x, y);
			assert.equal(r.corroborated, true);
			assert.equal(r.decision, 'duplicate');
		});

	const initials: Array<[string, string]> = [
		['I', 'Ivy'], // an initial
		['J.', 'Jennifer'],
		['Jo', 'Joanna'], // a prefix of the other name: a short form
		['Kat', 'Katarzyna'],
	];
	for (const [x, y] of initials)
		it(`an initial or a prefix is not a different name: ${x} / ${y}`, () => {
			const r = onOneMailbox(x, y);
			assert.equal(r.corroborated, true);
			assert.equal(r.decision, 'duplicate');
		});

	const different: Array<[string, string]> = [
		['John', 'Jane'], // both known names, three letters apart
		['Tom', 'Tim'], // one letter apart, but both known names of different people (Thomas, Timothy)
		['Ann', 'Ian'], // short names two edits apart
		['Eliza', 'Elena'], // both known (Елизавета, Елена)
		['Иван', 'Мария'],
		['Peter', 'Paul'],
		['J.', 'Mary'], // an initial that does not fit
	];
	for (const [x, y] of different)
		it(`clearly different given names stay at most review: ${x} / ${y}`, () => {
			const r = onOneMailbox(x, y);
			assert.equal(r.corroborated, false);
			assert.notEqual(r.decision, 'duplicate');
		});
});

describe('dedupe: dates of birth a generation apart', () => {
	it('decades apart with different day and month: a generation', () => {
		assert.equal(generationApart('19600304', '19900708'), true);
		assert.equal(generationApart('19500203', '19800607'), true);
	});
	it('a date one mistyped or transposed digit away is a typo, not a generation', () => {
		assert.equal(generationApart('19410128', '19140128'), false); // 41 / 14 transposed
		assert.equal(generationApart('19620315', '19920315'), false); // one digit
		assert.equal(generationApart('19180701', '19810701'), false); // 18 / 81: two digits swapped
	});
	it('less than 15 years apart is not a generation', () => {
		assert.equal(generationApart('19800101', '19940606'), false);
	});
});
