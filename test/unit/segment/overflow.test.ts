import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { resolveConfig } from '../../../core/segment/config';
import { ParetoBatch, analysePareto, prepareClient, segmentPareto, sumScale } from '../../../core/segment/pareto';
import { segmentResultSchema } from '../../../core/segment/schema';
import { coefficientOfVariation, round4 } from '../../../core/segment/xyz';
import { isInputError } from '../../../core/shared/errors';

const cfg = (params: Record<string, unknown> = {}) => resolveConfig(params).pareto!;

function segment(items: Array<Record<string, unknown>>, params: Record<string, unknown> = {}) {
	const c = cfg(params);
	return segmentPareto(items.map((j) => prepareClient(j, c)), c).map((r) => segmentResultSchema.parse(r));
}

describe('Pareto: sums that overflow a double', () => {
	it('two revenues of 1e308: every client segmented, shares as for 1 and 1 (was: a zod NaN error, the batch lost)', () => {
		const huge = segment([{ revenue: 1e308 }, { revenue: 1e308 }, { revenue: 1.7e308 }]);
		const small = segment([{ revenue: 1 }, { revenue: 1 }, { revenue: 1.7 }]);
		assert.deepEqual(
			huge.map((r) => [r.segment, r.shareAhead, r.cumulativeShare, r.rank]),
			small.map((r) => [r.segment, r.shareAhead, r.cumulativeShare, r.rank]),
		);
		assert.deepEqual(huge.map((r) => r.value), [1e308, 1e308, 1.7e308]);
		assert.equal(huge[2].cumulativeShare, 45.9459);
	});

	it('the batch path (ParetoBatch, as the node and CLI use it) gives the same', () => {
		const c = cfg();
		const batch = new ParetoBatch(c);
		for (const revenue of [1e308, 1e308, 5]) batch.add({ revenue });
		const outcome = analysePareto(batch, c);
		assert.deepEqual([0, 1, 2].map((i) => outcome.segment(i)), ['A', 'A', 'C']);
		assert.equal(outcome.result(2).shareAhead, 100);
	});

	it('sums that fit keep the scale 1 (results unchanged bit for bit)', () => {
		assert.equal(sumScale(1e6, 1_000_000), 1);
		assert.equal(sumScale(1e300, 2), 1);
		const s = sumScale(1e308, 3);
		assert.ok(s < 1 && Number.isFinite(Number.MAX_VALUE * s * 3));
		assert.ok(Number.isInteger(Math.log2(s)), 'a power of two: exact');
	});

	it('roll-up: the item that would push a group total past the largest double fails alone, naming the field', () => {
		const c = cfg({ rollUp: 'field', rollUpField: 'g' });
		const batch = new ParetoBatch(c);
		batch.add({ revenue: 1e308, g: 'a' });
		batch.add({ revenue: 1e308, g: 'b' });
		assert.throws(
			() => batch.add({ revenue: 1e308, g: 'a' }),
			(e: unknown) => isInputError(e) && e.field === 'revenue' && /total of group "a" exceed/.test(e.message),
		);
		const outcome = analysePareto(batch, c);
		const r = segmentResultSchema.parse(outcome.result(0));
		assert.equal(r.value, 1e308);
		assert.match(r.reasons.map((x) => x.detail).join(' '), /total 1e\+308/);
	});

	it('XYZ: the CV of a series near the largest double is computed (was NaN)', () => {
		assert.equal(round4(coefficientOfVariation([1e308, 1.7e308])!), round4(coefficientOfVariation([1, 1.7])!));
		assert.equal(coefficientOfVariation([-1e308, -1.7e308]), undefined);
		const rs = segment([{ revenue: 1, s: [1e308, 1.7e308] }], { xyz: true, seriesField: 's' });
		assert.equal(rs[0].cv, 25.9259);
	});

	it('round4 of a huge number is the number (was Infinity)', () => {
		assert.equal(round4(1e308), 1e308);
		assert.equal(round4(1.23456), 1.2346);
	});
});
