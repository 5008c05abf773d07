import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { resolveConfig } from '../../../core/segment/config';
import { prepareClient, segmentPareto } from '../../../core/segment/pareto';
import type { SegmentResult } from '../../../core/segment/schema';
import { segmentResultSchema } from '../../../core/segment/schema';

function cfg(params: Record<string, unknown> = {}) {
	return resolveConfig(params).pareto!;
}

function segment(items: unknown[], params: Record<string, unknown> = {}): SegmentResult[] {
	const c = cfg(params);
	const results = segmentPareto(
		items.map((j) => prepareClient(j, c)),
		c,
	);
	for (const r of results) segmentResultSchema.parse(r);
	return results;
}

const rev = (...values: unknown[]) => values.map((revenue) => ({ revenue }));
const letters = (rs: SegmentResult[]) => rs.map((r) => r.segment).join('');
const codes = (r: SegmentResult) => r.reasons.map((x) => x.code);

describe('Pareto ABC (cumulative share)', () => {
	it('classic 80/20: 2 of 10 clients hold 80% → A; up to 95% → B; rest C (hand-checked)', () => {
		// cumulative: 40 80 85 90 93 95 96.5 98 99 100; share ahead: 0 40 80 85 90 93 95 96.5 98 99
		const rs = segment(rev(40, 40, 5, 5, 3, 2, 1.5, 1.5, 1, 1));
		assert.equal(letters(rs), 'AABBBBCCCC');
		assert.deepEqual(
			rs.map((r) => r.cumulativeShare),
			[80, 80, 90, 90, 93, 95, 98, 98, 100, 100],
		);
		assert.deepEqual(
			rs.map((r) => r.rank),
			[1, 1, 3, 3, 5, 6, 7, 7, 9, 9],
		);
		assert.equal(rs[2].shareAhead, 80);
		assert.equal(rs[0].clients, 10);
		assert.equal(rs[0].reasons.at(-1)?.code, 'abc_cumulative_share');
		assert.equal(rs[2].reasons.at(-1)?.evidence, 80);
	});

	it('input order does not matter: results follow input order', () => {
		const rs = segment(rev(1, 40, 1.5, 5, 40, 3, 2, 1, 1.5, 5));
		assert.equal(letters(rs), 'CACBABBCCB');
	});

	it('the client that crosses the A line is A; the next one is B', () => {
		// 70 | 20 | 10: ahead 0, 70, 90 → A, A (70 < 80), B (90 < 95)
		assert.equal(letters(segment(rev(70, 20, 10))), 'AAB');
	});

	it('ties on a boundary: same value, same segment (the higher), with abc_tie', () => {
		// the two 2s start at 93% and 95%: both B
		const rs = segment(rev(40, 40, 5, 5, 3, 2, 2, 1, 1, 1));
		assert.equal(letters(rs), 'AABBBBBCCC');
		assert.equal(rs[5].rank, 6);
		assert.equal(rs[6].rank, 6);
		assert.ok(codes(rs[5]).includes('abc_tie'));
		assert.ok(codes(rs[6]).includes('abc_tie'));
		assert.ok(!codes(rs[0]).includes('abc_tie'), 'the 40s tie but do not straddle a boundary');
	});

	it('all equal values: everyone shares rank 1 and segment A', () => {
		const rs = segment(rev(7, 7, 7, 7, 7, 7, 7, 7, 7, 7));
		assert.equal(letters(rs), 'AAAAAAAAAA');
		assert.ok(rs.every((r) => r.rank === 1 && r.cumulativeShare === 100 && r.shareAhead === 0));
		assert.ok(codes(rs[0]).includes('abc_tie'));
	});

	it('single client is A with abc_single_client', () => {
		const [r] = segment(rev(123));
		assert.equal(r.segment, 'A');
		assert.equal(r.cumulativeShare, 100);
		assert.equal(r.shareAhead, 0);
		assert.ok(codes(r).includes('abc_single_client'));
	});

	it('all-zero input: everyone C with value_zero and abc_total_not_positive, nothing ranked', () => {
		const rs = segment(rev(0, 0, '0'));
		assert.equal(letters(rs), 'CCC');
		for (const r of rs) {
			assert.deepEqual(codes(r), ['value_zero', 'abc_total_not_positive']);
			assert.equal(r.rank, undefined);
			assert.equal(r.clients, 0);
			assert.equal(r.value, 0);
		}
	});

	it('empty batch: no results', () => {
		assert.deepEqual(segment([]), []);
	});

	it('zero, negative, missing, non-numeric → C with a reason (default) and excluded from the total', () => {
		const rs = segment([{ revenue: 60 }, { revenue: 40 }, { revenue: 0 }, { revenue: -10 }, {}, { revenue: null }, { revenue: 'n/a' }, { revenue: true }]);
		assert.equal(letters(rs), 'AACCCCCC');
		assert.equal(rs[1].shareAhead, 60);
		assert.equal(rs[1].cumulativeShare, 100);
		assert.deepEqual(
			rs.slice(2).map((r) => codes(r)[0]),
			['value_zero', 'value_negative', 'value_missing', 'value_missing', 'value_not_numeric', 'value_not_numeric'],
		);
		assert.equal(rs[6].reasons[0].evidence, 'n/a');
		assert.equal(rs[3].value, -10);
	});

	it('zero or negative under "error": InputError naming the field', () => {
		const c = cfg({ options: { zeroOrNegative: 'error' } });
		assert.throws(() => prepareClient({ revenue: 0 }, c), { name: 'InputError', field: 'revenue', message: /Field "revenue" is 0/ });
		assert.throws(() => prepareClient({ revenue: -1 }, c), { field: 'revenue', message: /is -1/ });
		assert.equal(prepareClient({}, c).state, 'missing', 'missing follows the other option');
	});

	it('missing or non-numeric under "error": InputError naming the field (dotted path)', () => {
		const c = cfg({ valueField: 'stats.margin', options: { missingOrInvalid: 'error' } });
		assert.throws(() => prepareClient({ stats: {} }, c), { field: 'stats.margin', message: 'Field "stats.margin" is missing' });
		assert.throws(() => prepareClient({ stats: { margin: 'x' } }, c), { message: 'Field "stats.margin" is not a number: "x"' });
		assert.equal(prepareClient({ stats: { margin: '1 234,5' } }, c).value, 1234.5);
	});

	it('a value given directly (node expression) is used instead of the field and named in errors', () => {
		const c = cfg({ options: { missingOrInvalid: 'error' } });
		assert.equal(prepareClient({ revenue: 1 }, c, { raw: 9, field: 'value' }).value, 9);
		assert.throws(() => prepareClient({ revenue: 1 }, c, { raw: '', field: 'value' }), { field: 'value' });
	});

	it('thresholds 0 and 100: no A; no C among ranked clients', () => {
		assert.equal(letters(segment(rev(50, 30, 20), { aThreshold: 0 })), 'BBB');
		assert.equal(letters(segment(rev(50, 30, 20), { bThreshold: 100 })), 'AAB');
	});

	it('decimal values segment exactly like their integer multiples (no float drift at boundaries)', () => {
		const cases = [
			[0.5, 0.2, 0.1, 0.2],
			[0.5, 0.1, 0.2, 0.1, 0.1],
			[0.15, 0.65, 0.2],
			[0.3, 0.3, 0.2, 0.1, 0.1],
			[0.07, 0.73, 0.15, 0.05],
		];
		for (const c of cases) {
			assert.equal(letters(segment(rev(...c))), letters(segment(rev(...c.map((x) => Math.round(x * 100))))), c.join());
		}
		// 0.65 + 0.2 ahead of 0.15 computes as 85.00000000000001%: still exactly at an 85 boundary → C
		assert.equal(letters(segment(rev(0.15, 0.65, 0.2), { aThreshold: 50, bThreshold: 85 })), 'CAB');
	});
});

describe('Pareto ABC (top % of clients)', () => {
	it('10 clients, 20/50: ranks 1–2 A, 3–5 B, 6–10 C', () => {
		const rs = segment(rev(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), { abcRule: 'topPercent' });
		assert.equal(letters(rs), 'AABBBCCCCC');
		assert.deepEqual(
			rs.map((r) => r.rankPercent),
			[0, 10, 20, 30, 40, 50, 60, 70, 80, 90],
		);
		assert.equal(rs[2].reasons.at(-1)?.code, 'abc_top_percent');
	});

	it('ties share the higher segment under top %', () => {
		// ranks 1, 2, 2, 4, ...: the 9s start at 10% → A
		const rs = segment(rev(10, 9, 9, 7, 6, 5, 4, 3, 2, 1), { abcRule: 'topPercent', topPercentA: 20 });
		assert.equal(letters(rs).slice(0, 4), 'AAAB');
		assert.ok(codes(rs[2]).includes('abc_tie'));
	});
});

describe('XYZ', () => {
	const xyz = { xyz: true };
	it('CV = population std / mean; X ≤ 10 < Y ≤ 25 < Z; combined AX…CZ', () => {
		const rs = segment(
			[
				{ revenue: 80, series: [90, 110] }, // mean 100, std 10 → 10% → X (boundary inclusive)
				{ revenue: 15, series: [80, 120] }, // 20% → Y
				{ revenue: 5, series: [0, 100] }, // 100% → Z
			],
			xyz,
		);
		assert.deepEqual(
			rs.map((r) => [r.abcXyz, r.cv]),
			[
				['AX', 10],
				['BY', 20],
				['CZ', 100],
			],
		);
		assert.ok(codes(rs[0]).includes('xyz_cv'));
	});

	it('configurable thresholds; numeric text in the series', () => {
		const [r] = segment([{ revenue: 1, series: ['80', '120'] }], { xyz: true, xThreshold: 20, yThreshold: 30 });
		assert.equal(r.xyz, 'X');
	});

	it('missing, invalid, too short and all-zero series → Z with a reason', () => {
		const rs = segment(
			[{ revenue: 4 }, { revenue: 3, series: 'x' }, { revenue: 2, series: [5] }, { revenue: 1, series: [0, 0, 0] }, { revenue: 1, series: [1, 'a'] }],
			xyz,
		);
		assert.deepEqual(
			rs.map((r) => r.xyz),
			['Z', 'Z', 'Z', 'Z', 'Z'],
		);
		assert.deepEqual(
			rs.map((r) => r.reasons.find((x) => x.code.startsWith('xyz'))?.code),
			['xyz_series_missing', 'xyz_series_invalid', 'xyz_too_few_periods', 'xyz_mean_not_positive', 'xyz_series_invalid'],
		);
		assert.equal(rs[3].cv, undefined);
	});

	it('bad series under "error" → InputError naming the series field', () => {
		const c = cfg({ xyz: true, seriesField: 'monthly', options: { missingOrInvalid: 'error' } });
		assert.throws(() => prepareClient({ revenue: 1, monthly: [1, 'x'] }, c), { field: 'monthly', message: /period 2 is "x"/ });
	});
});

describe('hysteresis', () => {
	// 10 clients; the client under test has share ahead exactly 82% (B without hysteresis)
	const base = [40, 30, 12, 8, 4, 2, 1, 1, 1, 1];
	const items = (prev: unknown) => base.map((revenue, i) => ({ revenue, ...(i === 3 ? { prev } : {}) }));
	const h = { hysteresis: true, previousSegmentField: 'prev', hysteresisMargin: 5 };

	it('was A, 82% < 80 + 5: stays A (hysteresis_kept); plain thresholds say B', () => {
		const r = segment(items('A'), h)[3];
		assert.equal(r.shareAhead, 82);
		assert.equal(r.rawSegment, 'B');
		assert.equal(r.segment, 'A');
		assert.equal(r.previousSegment, 'A');
		assert.ok(codes(r).includes('hysteresis_kept'));
	});

	it('was A, margin 1: 82% ≥ 81 → moves to B (hysteresis_moved)', () => {
		const r = segment(items('A'), { ...h, hysteresisMargin: 1 })[3];
		assert.equal(r.segment, 'B');
		assert.ok(codes(r).includes('hysteresis_moved'));
	});

	it('was C: B needs share ahead below 95 − 5 = 90 → 82% becomes B', () => {
		const r = segment(items('c'), h)[3];
		assert.equal(r.segment, 'B');
		assert.ok(codes(r).includes('hysteresis_moved'));
	});

	it('was B with 78% ahead: A needs below 75 → stays B; with 40% ahead it moves to A', () => {
		const values = [40, 38, 10, 5, 3, 1, 1, 1, 1];
		const rs = segment(
			values.map((revenue) => ({ revenue, prev: 'B' })),
			h,
		);
		assert.equal(rs[2].shareAhead, 78);
		assert.equal(rs[2].rawSegment, 'A');
		assert.equal(rs[2].segment, 'B');
		assert.ok(codes(rs[2]).includes('hysteresis_kept'));
		assert.equal(rs[1].shareAhead, 40);
		assert.equal(rs[1].segment, 'A');
		assert.ok(codes(rs[1]).includes('hysteresis_moved'));
		assert.equal(rs[4].segment, 'B', 'unchanged B: no hysteresis reason');
		assert.ok(!codes(rs[4]).some((c) => c.startsWith('hysteresis')));
	});

	it('no previous segment: plain thresholds; an invalid one is ignored with a reason', () => {
		assert.equal(segment(items(undefined), h)[3].segment, 'B');
		const r = segment(items('gold'), h)[3];
		assert.equal(r.segment, 'B');
		assert.ok(codes(r).includes('previous_segment_invalid'));
	});

	it('rank-percent margin with the top % rule', () => {
		// 10 clients: the 3rd has 20% ahead → B by top 20%; was A with margin 5 → stays A
		const rs = segment(
			[10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((revenue, i) => ({ revenue, ...(i === 2 ? { prev: 'A' } : {}) })),
			{ ...h, abcRule: 'topPercent' },
		);
		assert.equal(rs[2].rankPercent, 20);
		assert.equal(rs[2].segment, 'A');
	});

	it('an unranked item is C whatever its previous segment', () => {
		const [r] = segment([{ revenue: 0, prev: 'A' }], h);
		assert.equal(r.segment, 'C');
		assert.equal(r.previousSegment, 'A');
	});
});

describe('roll-up', () => {
	it('by INN: branches of one company are ranked as one client; each item comes out once', () => {
		const items = [
			{ name: 'Sber HQ', inn: '7707083893', revenue: 30 },
			{ name: 'Sber branch', inn: '7707 083 893', revenue: 30 },
			{ name: 'Other', inn: '500100732259', revenue: 35 },
			{ name: 'Tiny', inn: '7830002293', revenue: 5 },
		];
		const rs = segment(items, { rollUp: 'inn' });
		assert.equal(rs.length, 4);
		// groups: 60 (Sber), 35, 5 → ahead 0, 60, 95 → A, A, C
		assert.equal(letters(rs), 'AAAC');
		assert.deepEqual(rs[0].group, { key: '7707083893', size: 2 });
		assert.deepEqual(
			rs.map((r) => [r.value, r.itemValue, r.rank]),
			[
				[60, 30, 1],
				[60, 30, 1],
				[35, 35, 2],
				[5, 5, 3],
			],
		);
		assert.equal(rs[0].clients, 3);
		assert.ok(codes(rs[1]).includes('rollup_group'));
	});

	it('missing key or invalid INN: the item stands alone with a reason', () => {
		const rs = segment([{ revenue: 10 }, { revenue: 10, inn: '1234567890' }], { rollUp: 'inn' });
		assert.deepEqual(
			rs.map((r) => codes(r)[0]),
			['rollup_no_key', 'rollup_invalid_inn'],
		);
		assert.equal(rs[0].group, undefined);
		assert.equal(rs[0].rank, 1);
	});

	it('by group field (case-insensitive); a member with a bad value adds 0 and keeps its reason', () => {
		const rs = segment(
			[
				{ holding: 'Acme', revenue: 50 },
				{ holding: 'ACME ', revenue: 'n/a' },
				{ holding: 'Beta', revenue: 50 },
				{ holding: 'Gamma', revenue: 0 },
			],
			{ rollUp: 'field', rollUpField: 'holding' },
		);
		assert.equal(rs[1].segment, rs[0].segment);
		assert.equal(rs[1].value, 50);
		assert.equal(rs[1].itemValue, undefined);
		assert.ok(codes(rs[1]).includes('value_not_numeric'));
		assert.equal(rs[3].segment, 'C');
		assert.equal(rs[3].group?.size, 1);
	});

	it('group with no positive value: C with rollup_total_not_positive', () => {
		const rs = segment(
			[{ g: 'x', revenue: 0 }, { g: 'x', revenue: -1 }, { g: 'y', revenue: 5 }],
			{ rollUp: 'field', rollUpField: 'g' },
		);
		assert.equal(letters(rs), 'CCA');
		assert.ok(codes(rs[0]).includes('rollup_total_not_positive'));
	});

	it('XYZ over a group sums series period by period', () => {
		const rs = segment(
			[
				{ g: 'x', revenue: 1, s: [10, 0] },
				{ g: 'x', revenue: 1, s: [0, 10, 5] },
			],
			{ rollUp: 'field', rollUpField: 'g', xyz: true, seriesField: 's' },
		);
		// [10, 10, 5]: mean 8.333, std 2.357 → 28.28% → Z
		assert.equal(rs[0].xyz, 'Z');
		assert.equal(rs[0].cv, 28.2843);
	});

	it('previous segment of a group is the best among its members', () => {
		const rs = segment(
			[
				{ g: 'x', revenue: 10, prev: 'C' },
				{ g: 'x', revenue: 10, prev: 'A' },
				{ g: 'y', revenue: 80 },
			],
			{ rollUp: 'field', rollUpField: 'g', hysteresis: true, previousSegmentField: 'prev' },
		);
		// group x: 20, ahead 80 → B raw; previous A, 80 < 85 → A
		assert.equal(rs[0].rawSegment, 'B');
		assert.equal(rs[0].segment, 'A');
		assert.equal(rs[0].previousSegment, 'A');
	});
});
