/** Issue 19 item 11 (phones): several numbers in one phone field are all kept. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DEFAULT_FIELD_MAPPING } from '../../../core/dedupe/fields';
import { parseContact } from '../../../core/dedupe/record';

const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };

describe('dedupe: several phones in one field', () => {
	it('keeps both numbers of "+7 916 123-45-67, +7 916 765-43-21"', () => {
		const r = parseContact(
			{ name: 'Ann Lee', phone: '+7 916 123-45-67, +7 916 765-43-21' },
			0,
			opts,
		);
		assert.deepEqual(
			r.phones.map((p) => p.e164),
			['+79161234567', '+79167654321'],
		);
		assert.deepEqual(r.invalid, []);
	});

	it('keeps both numbers of "89161234567 или 8 (495) 111-22-33"', () => {
		const r = parseContact(
			{ name: 'Ann Lee', phone: '89161234567 или 8 (495) 111-22-33' },
			0,
			opts,
		);
		assert.deepEqual(
			r.phones.map((p) => p.e164),
			['+79161234567', '+74951112233'],
		);
	});
});
