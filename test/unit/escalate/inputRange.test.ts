import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { optionalDate, parseConversation } from '../../../core/escalate/input';
import { isInputError } from '../../../core/shared/errors';
import { resolveNow } from '../../../nodes/EscalateToHuman/helpers';

const inputError = (field: string, message: RegExp) => (e: unknown) => {
	assert.ok(isInputError(e), String(e));
	assert.equal(e.field, field);
	assert.match(e.message, message);
	return true;
};

describe('escalate input: roles that are Object.prototype members', () => {
	for (const role of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
		it(`role "${role}" is an unknown role of that turn, not "no customer message"`, () => {
			assert.throws(
				() => parseConversation([{ role, text: 'hi' }, { role: 'customer', text: 'позовите оператора' }], 'conversation'),
				inputError('conversation[0].role', new RegExp(`unknown role "${role}"`)),
			);
		});
	}
});

describe('escalate input: dates outside the years 1970..9999 are refused with the field named', () => {
	for (const value of ['+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '1969-12-31T23:59:59Z', 8.64e15]) {
		it(`now = ${JSON.stringify(value)}`, () => {
			assert.throws(() => resolveNow(value, new Date()), inputError('now', /years 1970\.\.9999/));
		});
	}

	it('state dates too, and the edges of the range are accepted', () => {
		assert.throws(() => optionalDate('+020000-01-01T00:00:00Z', 'state.cooldownUntil'), inputError('state.cooldownUntil', /years 1970\.\.9999/));
		assert.equal(optionalDate('1970-01-01T00:00:00Z', 'now'), '1970-01-01T00:00:00.000Z');
		assert.equal(resolveNow('9999-12-31T23:59:59Z', new Date(0)).toISOString(), '9999-12-31T23:59:59.000Z');
	});
});
