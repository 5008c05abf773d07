import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { isSegmentResult } from '../../../core/segment/check';
import { resolveConfig } from '../../../core/segment/config';
import {
	ParetoBatch,
	analysePareto,
	prepareClient,
	segmentPareto,
	sortIndicesByValue,
} from '../../../core/segment/pareto';
import { segmentResultSchema } from '../../../core/segment/schema';

// A value as CRMs send it: positive, zero, negative, missing, text numbers, junk, ties (small integers).
const valueArb = fc.oneof(
	fc.integer({ min: 1, max: 20 }),
	fc.double({ min: 0.01, max: 1e9, noNaN: true }),
	fc.constantFrom(
		0,
		-5,
		undefined,
		null,
		'1 234,5',
		'n/a',
		'',
		Number.NaN,
		Number.POSITIVE_INFINITY,
		true,
	),
);
const itemArb = fc.record({
	revenue: valueArb,
	series: fc.oneof(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 }), fc.constant('x')),
	previousSegment: fc.constantFrom(undefined, 'A', 'B', 'C', 'Q'),
	inn: fc.constantFrom(undefined, '7707083893', '7736050003', 'bad'),
});
const paramsArb = fc.record({
	abcRule: fc.constantFrom('cumulativeShare', 'topPercent'),
	xyz: fc.boolean(),
	hysteresis: fc.boolean(),
	rollUp: fc.constantFrom('none', 'inn'),
});

describe('Pareto fast path', () => {
	it('ParetoBatch.add gives the same results as the array of prepareClient objects, and segment(i) = result(i).segment', () => {
		fc.assert(
			fc.property(fc.array(itemArb, { maxLength: 40 }), paramsArb, (items, params) => {
				const cfg = resolveConfig(params).pareto!;
				const batch = new ParetoBatch(cfg);
				for (const item of items) batch.add(item);
				const viaBatch = segmentPareto(batch, cfg);
				const viaArray = segmentPareto(
					items.map((item) => prepareClient(item, cfg)),
					cfg,
				);
				assert.deepEqual(viaBatch, viaArray);
				const outcome = analysePareto(batch, cfg);
				for (let i = 0; i < items.length; i++) {
					assert.equal(outcome.segment(i), viaBatch[i].segment, `item ${i}`);
					assert.ok(
						segmentResultSchema.safeParse(viaBatch[i]).success,
						`item ${i} fits the zod schema`,
					);
				}
			}),
			{ numRuns: 300 },
		);
	});

	it('ParetoBatch.push keeps a client by its fields, not by how many keys it has', () => {
		const cfg = resolveConfig({}).pareto!;
		const batch = new ParetoBatch(cfg);
		// An explicit undefined is still a plain client (stored as a number only).
		batch.push({ state: 'ok', value: 5, previous: undefined });
		// A client with a group problem but no other extra key must be kept whole.
		batch.push({ state: 'ok', value: 7, groupProblem: 'rollup_no_key' });
		batch.push({ state: 'zero', value: 0 });
		assert.equal(batch.isSpecial(0), false);
		assert.deepEqual(batch.client(0), { state: 'ok', value: 5 });
		assert.equal(batch.isSpecial(1), true);
		assert.deepEqual(batch.client(1), { state: 'ok', value: 7, groupProblem: 'rollup_no_key' });
		assert.equal(batch.isSpecial(2), true);
		assert.deepEqual(batch.client(2), { state: 'zero', value: 0 });
		// Growing past the initial capacity keeps the flags in step with the values.
		for (let i = 0; i < 3000; i++)
			batch.push(i % 1000 === 0 ? { state: 'missing' } : { state: 'ok', value: i + 1 });
		const specials = [];
		for (let i = 0; i < batch.length; i++) if (batch.isSpecial(i)) specials.push(i);
		assert.deepEqual(specials, [1, 2, 3, 1003, 2003]);
	});

	it('sortIndicesByValue orders indices like a numeric sort (positive doubles, ties, whole numbers)', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
						fc.integer({ min: 1, max: 5 }),
					),
					{
						maxLength: 200,
					},
				),
				(list) => {
					const values = Float64Array.from(list);
					const indices = Uint32Array.from(list.keys());
					const order = sortIndicesByValue(indices, values);
					assert.equal(order.length, list.length);
					const sorted = Array.from(order, (i) => values[i]);
					assert.deepEqual(
						sorted,
						[...list].sort((x, y) => x - y),
					);
					assert.deepEqual(
						[...order].sort((x, y) => x - y),
						[...indices],
						'a permutation',
					);
				},
			),
			{ numRuns: 300 },
		);
	});
});

// Near-valid values for each field of a result, mixed with anything at all.
const reasonArb = fc.oneof(
	fc.record(
		{
			code: fc.oneof(fc.constantFrom('abc_tie', ''), fc.anything()),
			detail: fc.oneof(fc.string(), fc.anything()),
			evidence: fc.oneof(
				fc.double(),
				fc.string(),
				fc.boolean(),
				fc.array(fc.string(), { maxLength: 2 }),
				fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 }),
				fc.anything(),
			),
			weight: fc.oneof(fc.double(), fc.anything()),
			extra: fc.anything(),
		},
		{ requiredKeys: [] },
	),
	fc.anything(),
);
const percentArb = fc.oneof(
	fc.double({ min: -1, max: 101 }),
	fc.constantFrom(0, 100, Number.NaN, Number.POSITIVE_INFINITY),
);
const countArb = fc.oneof(
	fc.integer({ min: -2, max: 5 }),
	fc.double(),
	fc.constantFrom(Number.POSITIVE_INFINITY),
);
const letterArb = fc.constantFrom('A', 'B', 'C', 'X', 'Y', 'Z', 'D', '', 'AX', 'CZ', 'AB');
const entryArb = fc.record(
	{
		rule: countArb,
		field: fc.constantFrom('budget', ''),
		operator: fc.constantFrom('gte', 'equals', 'bogus'),
		value: fc.oneof(fc.string(), fc.integer()),
		points: fc.oneof(fc.integer(), fc.double()),
		matched: fc.oneof(fc.boolean(), fc.constant('yes')),
		actual: fc.oneof(fc.string(), fc.integer()),
		other: fc.anything(),
	},
	{ requiredKeys: [] },
);
const resultArb = fc.record(
	{
		segment: letterArb,
		mode: fc.constantFrom('pareto', 'scoring', 'other'),
		xyz: letterArb,
		abcXyz: letterArb,
		cv: fc.oneof(fc.double(), fc.constant(-1)),
		value: fc.double(),
		itemValue: fc.double(),
		rank: countArb,
		rankPercent: percentArb,
		shareAhead: percentArb,
		cumulativeShare: percentArb,
		clients: countArb,
		rawSegment: letterArb,
		previousSegment: letterArb,
		group: fc.oneof(
			fc.record(
				{
					key: fc.constantFrom('7707083893', ''),
					size: countArb,
					more: fc.anything(),
				},
				{ requiredKeys: ['key', 'size'] },
			),
			fc.anything(),
		),
		score: fc.double(),
		breakdown: fc.oneof(fc.array(entryArb, { maxLength: 3 }), fc.anything()),
		reasons: fc.oneof(fc.array(reasonArb, { maxLength: 3 }), fc.anything()),
		unknownKey: fc.anything(),
	},
	{ requiredKeys: [] },
);

// Valid results (every field within the schema), then the same with one field swapped for anything above.
const validReasonArb = fc.record(
	{
		code: fc.constantFrom('abc_tie', 'xyz_cv'),
		detail: fc.string(),
		evidence: fc.oneof(
			fc.double({ noNaN: true }),
			fc.string(),
			fc.boolean(),
			fc.array(fc.string(), { maxLength: 2 }),
		),
		weight: fc.double({ noNaN: true }),
	},
	{ requiredKeys: ['code'] },
);
const validPercent = fc.double({ min: 0, max: 100, noNaN: true });
const validArb = fc.record(
	{
		segment: fc.constantFrom('A', 'B', 'C'),
		mode: fc.constantFrom('pareto', 'scoring'),
		xyz: fc.constantFrom('X', 'Y', 'Z'),
		abcXyz: fc.constantFrom('AX', 'CZ'),
		cv: fc.double({ min: 0, max: 1e6, noNaN: true }),
		value: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
		rank: fc.integer({ min: 1, max: 1e6 }),
		rankPercent: validPercent,
		shareAhead: validPercent,
		cumulativeShare: validPercent,
		clients: fc.integer({ min: 0, max: 1e6 }),
		rawSegment: fc.constantFrom('A', 'B', 'C'),
		group: fc.record({
			key: fc.constant('7707083893'),
			size: fc.integer({ min: 1, max: 9 }),
		}),
		score: fc.integer(),
		breakdown: fc.array(
			fc.record(
				{
					rule: fc.integer({ min: 1, max: 9 }),
					field: fc.constant('budget'),
					operator: fc.constantFrom('gte', 'in'),
					value: fc.string(),
					points: fc.integer(),
					matched: fc.boolean(),
					actual: fc.string(),
				},
				{ requiredKeys: ['rule', 'field', 'operator', 'points', 'matched'] },
			),
			{ maxLength: 2 },
		),
		reasons: fc.array(validReasonArb, { maxLength: 3 }),
	},
	{ requiredKeys: ['segment', 'mode', 'reasons'] },
);
const KEYS = [
	'segment',
	'mode',
	'xyz',
	'abcXyz',
	'cv',
	'value',
	'itemValue',
	'rank',
	'rankPercent',
	'shareAhead',
	'cumulativeShare',
	'clients',
	'rawSegment',
	'previousSegment',
	'group',
	'score',
	'breakdown',
	'reasons',
	'unknownKey',
];
const mutatedArb = fc
	.tuple(validArb, resultArb, fc.option(fc.constantFrom(...KEYS), { freq: 3 }))
	.map(([valid, other, key]) => {
		if (key === null) return valid as Record<string, unknown>;
		const copy: Record<string, unknown> = { ...valid };
		if (key in other) copy[key] = (other as Record<string, unknown>)[key];
		else delete copy[key];
		return copy;
	});

describe('isSegmentResult agrees with the zod schema it stands in for', () => {
	it('on random near-valid and broken objects', () => {
		let accepted = 0;
		fc.assert(
			fc.property(fc.oneof(resultArb, mutatedArb), (x) => {
				const zod = segmentResultSchema.safeParse(x).success;
				assert.equal(isSegmentResult(x), zod, JSON.stringify(x));
				if (zod) accepted++;
			}),
			{ numRuns: 3000 },
		);
		// The comparison must cover both sides, not just rejections.
		assert.ok(accepted > 500, `a fair share of generated objects are valid (${accepted} of 3000)`);
	});

	it('on every result of real Pareto and scoring runs, and on arrays, null and dates', () => {
		const cfg = resolveConfig({ xyz: true, hysteresis: true }).pareto!;
		const rs = segmentPareto(
			[
				{ revenue: 5, series: [1, 2], previousSegment: 'A' },
				{ revenue: 0 },
				{ revenue: 'x', previousSegment: 'Q' },
			].map((j) => prepareClient(j, cfg)),
			cfg,
		);
		for (const r of rs) assert.ok(isSegmentResult(r));
		for (const x of [null, [], new Date(), 'A', 1]) assert.equal(isSegmentResult(x), false);
	});
});
