import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { detectHumanRequest } from '../../../core/text/humanRequest';
import { tokenize } from '../../../core/text/wordforms';
import { BoundedMemo } from '../../../core/shared/memo';
import { detectAnger } from '../../../core/text/anger';

describe('word memos of the escalation triggers', () => {
	it('BoundedMemo computes a word once and empties itself at its bound', () => {
		const memo = new BoundedMemo<number>(3);
		let calls = 0;
		const len = (w: string) => {
			calls++;
			return w.length;
		};
		assert.equal(memo.get('оператор', len), 8);
		assert.equal(memo.get('оператор', len), 8);
		assert.equal(calls, 1);
		memo.get('a', len);
		memo.get('bb', len);
		memo.get('ccc', len); // fourth word: the memo was full, so it starts again
		assert.equal(memo.get('оператор', len), 8);
		assert.equal(calls, 5);
	});

	it('tokens are shared read-only objects, equal for equal words', () => {
		const [a] = tokenize('ОПЕРАТОРР');
		const [b] = tokenize('Позовите, пожалуйста: операторр!').slice(-1);
		assert.equal(a, b);
		assert.ok(Object.isFrozen(a));
		assert.equal(a.skeleton, 'operator');
	});

	it('decisions do not depend on what was seen before (same answer cold, warm and after other messages)', () => {
		const texts = [
			'ОПЕРАТОР ОПЕРАТОР',
			'позовите живого человека',
			'менеджер по продажам прислал счёт?',
			'сотовый оператор не ловит',
			'Call me back please',
			'я вам перезвоню позже',
			'This is outrageous, I will sue you',
			'спасибо, всё отлично',
		];
		const first = texts.map((t) => [detectHumanRequest(t), detectAnger(t)]);
		// other messages in between (sharing words in other forms)
		for (let i = 0; i < 200; i++)
			detectHumanRequest(`оператора ${i} человеку живому sue suing call ${i}`);
		const again = texts.map((t) => [detectHumanRequest(t), detectAnger(t)]);
		assert.deepEqual(again, first);
		assert.equal(first[0][0] && (first[0][0] as { pattern: string }).pattern, 'staff');
		assert.equal(first[2][0], undefined);
		assert.equal(first[3][0], undefined);
		assert.equal(first[5][0], undefined);
	});
});
