import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readNow } from '../../../core/route';
import { isInputError } from '../../../core/shared/errors';

describe('route readNow: a decision time outside the years 1970..9999 is an InputError naming the field', () => {
	const cases: unknown[] = ['+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '1969-12-31T23:59:59Z', 8.64e15, -1, new Date(8.64e15)];
	for (const value of cases) {
		it(`${String(value instanceof Date ? 'Date' : JSON.stringify(value))}`, () => {
			assert.throws(
				() => readNow(value, '--now'),
				(e: unknown) => isInputError(e) && e.field === '--now' && /years 1970\.\.9999/.test(e.message),
			);
		});
	}

	it('the edges of the range and ordinary times are read', () => {
		assert.equal(readNow('1970-01-01T00:00:00Z'), 0);
		assert.equal(readNow('9999-12-31T23:59:59.999Z'), Date.UTC(9999, 11, 31, 23, 59, 59, 999));
		assert.equal(readNow('2026-11-23T10:00:00Z'), Date.UTC(2026, 10, 23, 10));
		assert.equal(readNow(1_700_000_000_000), 1_700_000_000_000);
	});
});
