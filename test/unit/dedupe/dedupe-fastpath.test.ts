/**
 * The dedupe hot path's shortcuts agree with the plain definitions they replace (property tests):
 * reading a field's first text value without building the list, and comparing through views and a
 * reused tally instead of building every Comparison.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import {
	compareContacts,
	EvidenceTally,
	matchView,
	tallyContacts,
	wordOutcome,
	WordMemo,
} from '../../../core/dedupe/compare';
import { DEFAULT_FIELD_MAPPING } from '../../../core/dedupe/fields';
import { parseContact } from '../../../core/dedupe/record';
import type { ContactRecord } from '../../../core/dedupe/record';
import { InputError } from '../../../core/shared/errors';
import { nameKey } from '../../../core/text/names';
import { referenceCompareContacts, referenceWordOutcome } from './dedupe-reference-compare';

/** The definition of a field's first value: the first path with a value, all of its list checked. */
function referenceFirst(json: Record<string, unknown>, paths: string[]): string | undefined {
	const found = paths
		.map((path) => ({ path, value: json[path] }))
		.find(
			({ value }) =>
				!(
					value === undefined ||
					value === null ||
					(typeof value === 'string' && value.trim() === '') ||
					(Array.isArray(value) && value.length === 0)
				),
		);
	if (!found) return undefined;
	const values: string[] = [];
	for (const v of Array.isArray(found.value) ? found.value : [found.value]) {
		if (v === undefined || v === null) continue;
		if (typeof v === 'string') {
			if (v.trim()) values.push(v.trim());
		} else if (typeof v === 'number' && Number.isFinite(v)) values.push(String(v));
		else
			throw new InputError(
				found.path,
				`Field "${found.path}" must be text (or a list of texts), got ${Array.isArray(v) ? 'array' : typeof v}`,
			);
	}
	return values[0];
}

const scalar = fc.oneof(
	fc.constantFrom('', ' ', '  x ', 'abc', '\t7\n', 'Иван'),
	fc.string({ maxLength: 6 }),
	fc.double(),
	fc.integer(),
	fc.constantFrom(null, undefined, true, false, Number.NaN, Number.POSITIVE_INFINITY),
	fc.constant({ a: 1 }),
);
const fieldValue = fc.oneof(
	scalar,
	fc.array(fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), { maxLength: 4 }),
);

describe('dedupe fast path: reading fields', () => {
	it('the first text value of a field is the definition’s (same path, same errors)', () => {
		const mapping = { ...DEFAULT_FIELD_MAPPING, id: 'id,altId' };
		fc.assert(
			fc.property(fieldValue, fieldValue, (id, altId) => {
				const json: Record<string, unknown> = { name: 'Иван Петров' };
				if (id !== undefined) json.id = id;
				if (altId !== undefined) json.altId = altId;
				let expected: string | undefined;
				let expectedError: string | undefined;
				try {
					expected = referenceFirst(json, ['id', 'altId']);
				} catch (error) {
					expectedError = (error as Error).message;
				}
				let got: ContactRecord | undefined;
				let gotError: string | undefined;
				try {
					got = parseContact(json, 0, { mapping, defaultCountry: 'RU' });
				} catch (error) {
					gotError = (error as Error).message;
				}
				assert.equal(gotError, expectedError);
				if (!expectedError) assert.equal(got?.id, expected);
			}),
			{ numRuns: 3000 },
		);
	});
});

const contact = fc.record(
	{
		name: fc.constantFrom(
			'Иван Петров',
			'Petrov Ivan',
			'Петров И.',
			'Ivan',
			'Саша Петрова',
			'Aleksandr Petrov',
			'PETROV IVAN IVANOVICH',
			'Ivanov Petr',
		),
		firstName: fc.constantFrom('Иван', 'Ivan', 'Ivna', 'Мария', 'Eliza', 'Ezia', 'Elena', 'I', 'Iv'),
		lastName: fc.constantFrom('Петров', 'Petrov', 'Petorv', 'Сидорова'),
		middleName: fc.constantFrom('Иванович', 'Petrovich'),
		email: fc.constantFrom(
			'ivan.petrov@gmail.com',
			'ivanpetrov+x@gmail.com',
			'ivan.petrov1@gmail.com',
			'info@acme.ru',
			'i.petrov@acme.ru',
			'ipetrov@acme.ru',
		),
		phone: fc.constantFrom(
			'+7 912 345-67-89',
			'89123456789',
			'+7 495 123-45-67',
			'8 800 555 35 35',
			'+79120000000',
		),
		whatsapp: fc.constantFrom('+79123456789', '+79990001122'),
		telegram: fc.constantFrom('@ivan_p', 'https://t.me/ivan_p', '@other'),
		inn: fc.constantFrom('7707083893', '500100732259', '773370857141'),
		company: fc.constantFrom('ООО Ромашка', 'Romashka LLC', 'Acme'),
		dob: fc.constantFrom('1980-05-17', '17.05.1980', '1980-17-05', '1981-05-17', '1980-05-18', '1955-05-17'),
		address: fc.constantFrom('ул. Ленина 5', 'Lenina ul 5', 'пр. Мира 10'),
		city: fc.constantFrom('Москва', 'Moskva', 'Казань'),
		postcode: fc.constantFrom('101000', '101001', '110100'),
	},
	{ requiredKeys: [] },
);

describe('dedupe fast path: comparing', () => {
	it('compareContacts, and a reused tally on views with a word memo, give the reference Comparison', () => {
		const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };
		const tally = new EvidenceTally();
		const words = new WordMemo();
		const sharedPhones = new Set(['+74951234567']);
		const nameFrequencies = {
			counts: new Map([
				['ivan', 40],
				['petrov', 3],
			]),
			total: 500,
		};
		fc.assert(
			fc.property(contact, contact, fc.boolean(), (x, y, withContext) => {
				let a: ContactRecord;
				let b: ContactRecord;
				try {
					a = parseContact({ id: 'a', ...x }, 0, opts);
					b = parseContact({ id: 'b', ...y }, 1, opts);
				} catch {
					return; // no identity at all: never compared
				}
				const ctx = withContext ? { sharedPhones, nameFrequencies } : {};
				const expected = referenceCompareContacts(a, b, ctx);
				assert.deepStrictEqual(compareContacts(a, b, ctx), expected);
				tallyContacts(matchView(a, words), matchView(b, words), { ...ctx, words }, tally);
				assert.deepStrictEqual(tally.comparison(), expected);
				assert.equal(tally.weight, expected.weight);
			}),
			{ numRuns: 3000 },
		);
	});
});

describe('dedupe fast path: word outcome', () => {
	it('is the outcome as first written (bounds only skip measures that cannot reach their threshold)', () => {
		// Small alphabets make near-misses (typos, transpositions, shared outlines) common.
		const word = fc.oneof(
			fc.stringMatching(/^[aeiouybkrstn]{0,9}$/),
			fc.stringMatching(/^[a-z]{0,12}$/),
			fc.stringMatching(/^[a-z0-9ёй ]{0,6}$/),
			fc.constantFrom(
				'aleksandr',
				'aleksandra',
				'alexandr',
				'aleksnadr',
				'alksandr',
				'sasha',
				'petrov',
				'petorv',
				'ptrov',
				'petrova',
				'ivan',
				'ivna',
				'iван',
			),
		);
		const mutate = (w: string) =>
			fc.oneof(
				fc.constant(w),
				fc.nat({ max: Math.max(0, w.length - 1) }).map((i) => w.slice(0, i) + w.slice(i + 1)),
				fc
					.nat({ max: Math.max(0, w.length - 2) })
					.map((i) => w.slice(0, i) + w.charAt(i + 1) + w.charAt(i) + w.slice(i + 2)),
				fc
					.tuple(fc.nat({ max: w.length }), fc.constantFrom('a', 'e', 'k', 'r', 'y'))
					.map(([i, c]) => w.slice(0, i) + c + w.slice(i)),
			);
		fc.assert(
			fc.property(
				word.chain((w) => fc.tuple(fc.constant(w), fc.oneof(mutate(w), word))),
				([a, b]) => {
					assert.equal(wordOutcome(a, b), referenceWordOutcome(a, b), `${a} / ${b}`);
					assert.equal(wordOutcome(b, a), referenceWordOutcome(b, a), `${b} / ${a}`);
				},
			),
			{ numRuns: 30000 },
		);
	});
});

describe('dedupe fast path: word memo', () => {
	it('gives wordOutcome for numbered and unnumbered words, through table growth', () => {
		const memo = new WordMemo();
		const word = fc.stringMatching(/^[a-z]{1,7}$/);
		fc.assert(
			fc.property(word, word, fc.boolean(), (a, b, numbered) => {
				const ia = numbered ? memo.idOf(a) : -1;
				const ib = numbered ? memo.idOf(b) : -1;
				assert.equal(memo.outcome(a, b, ia, ib), wordOutcome(a, b));
			}),
			{ numRuns: 20000 },
		);
	});
});

describe('dedupe fast path: name key', () => {
	it('is the sorted, space-joined first (or initial) and last name, as first written', () => {
		const part = fc.option(fc.string({ maxLength: 6 }), { nil: undefined });
		fc.assert(
			fc.property(part, part, part, (first, firstInitial, last) => {
				const name = { first, firstInitial, last, orderUnknown: false, display: '' };
				const parts = [first ?? firstInitial, last].filter((p): p is string => Boolean(p));
				assert.equal(nameKey(name), parts.length ? parts.sort().join(' ') : undefined);
			}),
			{ numRuns: 5000 },
		);
	});
});
