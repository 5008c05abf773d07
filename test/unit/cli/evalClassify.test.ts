import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Inquiry } from '../../../core/classify';
import { FAILED_PREDICTION, multiClassScore, binaryScore, scoreRows } from '../../../cli/eval/classify';

describe('eval classify: a row whose classification throws counts as a wrong answer', () => {
	const rows = [
		{ id: 1, text: 'ok one', type: 'lead', spam: false },
		{ id: 2, text: 'crash', type: 'lead', spam: true, priority: 'high' },
		{ id: 3, text: 'ok two', type: 'complaint', spam: false },
		{ id: 4, text: '   ', type: 'lead' },
	];
	const classify = (text: string): Inquiry => {
		if (text === 'crash') throw new Error('boom');
		return { type: text === 'ok one' ? 'lead' : 'complaint', priority: 'normal', spam: false, angry: false, wantsHuman: false } as Inquiry;
	};

	it('is kept in every label it has, with a prediction that is never right', () => {
		const s = scoreRows(rows, classify);
		assert.equal(s.errors, 1);
		assert.equal(s.skipped, 1, 'a row without text is still skipped (and said so)');
		assert.equal(s.n, 3);
		assert.deepEqual(s.typePairs, [
			['lead', 'lead'],
			['lead', FAILED_PREDICTION],
			['complaint', 'complaint'],
		]);
		assert.deepEqual(s.priorityPairs, [['high', FAILED_PREDICTION]]);
		assert.deepEqual(s.flagPairs.spam, [
			[false, false],
			[true, false],
			[false, false],
		]);
		// Dropping the crashed row would have reported a perfect score.
		assert.equal(multiClassScore(s.typePairs).accuracy, 0.6667);
		assert.equal(binaryScore(s.flagPairs.spam).recall, 0);
	});
});
