/** Issue 19 item 7: a "__proto__" key cannot corrupt a merge, and undo restores every source exactly. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { DEFAULT_FIELD_MAPPING } from '../../../core/dedupe/fields';
import { mergeContacts, unmergeContacts } from '../../../core/dedupe/merge';
import { InputError } from '../../../core/shared/errors';

const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };

describe('dedupe merge: "__proto__" keys', () => {
	const mergeOpts = { ...opts, primary: 'oldest' as const, exclude: ['contact'] };

	it('a top-level "__proto__" key is rejected with an error naming it; nothing is polluted', () => {
		const bad = JSON.parse('{"id":"a","name":"Ivan Petrov","__proto__":{"isAdmin":true}}');
		assert.throws(
			() => mergeContacts([bad, { id: 'b', name: 'Иван Петров' }], mergeOpts),
			(e: unknown) => e instanceof InputError && e.field === '__proto__',
		);
		assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
	});

	it('a journal whose source has a top-level "__proto__" key is rejected, not silently changed', () => {
		const good = mergeContacts(
			[
				{ id: 'a', name: 'A B' },
				{ id: 'b', name: 'A B' },
			],
			mergeOpts,
		);
		const journal = JSON.parse(JSON.stringify(good.journal));
		journal.sources[0] = JSON.parse('{"id":"a","__proto__":{"x":1}}');
		assert.throws(() => unmergeContacts(journal), InputError);
	});

	it('merge then undo restores every source byte for byte (arbitrary JSON, nested "__proto__" too)', () => {
		const key = fc.oneof(
			fc.constantFrom(
				'__proto__',
				'constructor',
				'prototype',
				'toString',
				'name',
				'phone',
				'email',
			),
			fc.string({ maxLength: 6 }),
		);
		const value = fc.letrec((tie) => ({
			json: fc.oneof(
				{ depthSize: 'small' },
				fc.constantFrom(null, true, false, '', 'x'),
				fc.string({ maxLength: 8 }),
				fc.integer(),
				fc.array(tie('json'), { maxLength: 3 }),
				fc.dictionary(key, tie('json'), { maxKeys: 3 }),
			),
		})).json;
		// Records as JSON text, so "__proto__" is an own key as in parsed input.
		const record = fc.dictionary(key, value, { maxKeys: 5 });
		fc.assert(
			fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), (recs) => {
				const texts = recs.map((r) => JSON.stringify(r));
				const sources = texts.map((t) => JSON.parse(t) as Record<string, unknown>);
				const topProto = sources.some((s) => Object.prototype.hasOwnProperty.call(s, '__proto__'));
				let merged;
				try {
					merged = mergeContacts(sources, mergeOpts);
				} catch (e) {
					assert.ok(topProto && e instanceof InputError, String(e));
					return;
				}
				assert.ok(!topProto);
				assert.equal(Object.getPrototypeOf(merged.golden), Object.prototype);
				const undone = unmergeContacts(JSON.parse(JSON.stringify(merged.journal)));
				assert.deepEqual(
					undone.records.map((r) => JSON.stringify(r)),
					texts,
				);
			}),
			{ numRuns: 400 },
		);
	});
});
