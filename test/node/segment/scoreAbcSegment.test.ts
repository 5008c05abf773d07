import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ScoreAbcSegment } from '../../../nodes/ScoreAbcSegment/ScoreAbcSegment.node.js';
import { runNode } from '../../helpers/workflowHarness';

const TYPE = 'n8n-nodes-inquiry-router.scoreAbcSegment';
const CLASSIC = [40, 40, 5, 5, 3, 2, 1.5, 1.5, 1, 1].map((revenue, i) => ({ client: `c${i}`, revenue }));

function run(parameters: IDataObject, items: IDataObject[], onError?: 'continueErrorOutput' | 'continueRegularOutput') {
	return runNode({ type: TYPE, nodeType: new ScoreAbcSegment(), parameters: parameters as INodeParameters, inputs: [items], ...(onError ? { onError } : {}) });
}

function seg(item: { json: IDataObject }, key = 'segment'): IDataObject {
	return item.json[key] as IDataObject;
}

describe('Score ABC Segment through WorkflowExecute', () => {
	it('Pareto defaults: classic 80/20 on one output, input fields kept, pairedItem set', async () => {
		const res = await run({}, CLASSIC);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 1);
		const out = res.outputs[0];
		assert.equal(out.length, 10);
		assert.deepEqual(
			out.map((i) => seg(i).segment).join(''),
			'AABBBBCCCC',
		);
		assert.equal(out[0].json.client, 'c0');
		assert.equal(out[0].json.revenue, 40);
		assert.deepEqual(
			out.map((i) => i.pairedItem),
			CLASSIC.map((_, i) => ({ item: i })),
		);
		assert.equal(seg(out[2]).cumulativeShare, 90);
		assert.equal(seg(out[2]).shareAhead, 80);
		assert.equal(seg(out[2]).rank, 3);
	});

	it('one output per segment: A, B, C outputs in input order', async () => {
		const res = await run({ outputPerSegment: true }, CLASSIC);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 3);
		assert.deepEqual(
			res.outputs.map((o) => o.map((i) => i.json.client)),
			[['c0', 'c1'], ['c2', 'c3', 'c4', 'c5'], ['c6', 'c7', 'c8', 'c9']],
		);
		assert.deepEqual(res.outputs[2].map((i) => i.pairedItem), [6, 7, 8, 9].map((item) => ({ item })));
	});

	it('value expression wins over the value field', async () => {
		const items = [
			{ client: 'x', revenue: 1, deals: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
			{ client: 'y', revenue: 100, deals: [1] },
		];
		const res = await run({ value: '={{ $json.deals.length }}', abcRule: 'topPercent', topPercentA: 50, topPercentB: 50 }, items);
		assert.equal(res.error, undefined);
		const [x, y] = res.outputs[0];
		assert.equal(seg(x).value, 9);
		assert.equal(seg(x).segment, 'A');
		assert.equal(seg(y).segment, 'C');
	});

	it('bad value under "error" stops the run naming the item and the field', async () => {
		const res = await run({ options: { missingOrInvalid: 'error' } }, [
			{ revenue: 10 },
			{ revenue: 'lots' },
		]);
		assert.match(res.error?.message ?? '', /Item 1: Field "revenue" is not a number: "lots"/);
	});

	it('bad value under continueErrorOutput: that item alone goes to the error output, the batch is segmented', async () => {
		const res = await run(
			{ outputPerSegment: true, options: { zeroOrNegative: 'error' } },
			[{ client: 'a', revenue: 90 }, { client: 'bad', revenue: -5 }, { client: 'c', revenue: 10 }],
			'continueErrorOutput',
		);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 4);
		assert.deepEqual(res.outputs[0].map((i) => i.json.client), ['a']);
		assert.deepEqual(res.outputs[1].map((i) => i.json.client), ['c']);
		assert.equal(res.outputs[2].length, 0);
		const failed = res.outputs[3];
		assert.equal(failed.length, 1);
		assert.deepEqual(failed[0].pairedItem, { item: 1 });
		// n8n keeps the NodeOperationError on the item and its message in json.error.
		assert.match(failed[0].error?.message ?? '', /Item 1: Field "revenue" is -5/);
		assert.match(failed[0].error?.description ?? '', /field "revenue"/);
		assert.match(JSON.stringify(failed[0].json.error), /Item 1: Field \\"revenue\\" is -5/);
	});

	it('revenues near the largest double: every item segmented (was: a raw zod error that lost the batch, even under continueErrorOutput)', async () => {
		const res = await run({}, [{ client: 'a', revenue: 1e308 }, { client: 'b', revenue: 1e308 }, { client: 'c', revenue: 5 }], 'continueErrorOutput');
		assert.equal(res.error, undefined);
		assert.deepEqual(
			res.outputs[0].map((i) => [i.json.client, seg(i).segment, seg(i).shareAhead]),
			[
				['a', 'A', 0],
				['b', 'A', 0],
				['c', 'C', 100],
			],
		);
	});

	it('bad value under continueRegularOutput: the failed item leaves on the first output with its error, no segment', async () => {
		const res = await run(
			{ outputPerSegment: true, options: { missingOrInvalid: 'error' } },
			[{ client: 'a', revenue: 10 }, { client: 'bad' }],
			'continueRegularOutput',
		);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 3);
		assert.equal(res.outputs[0].length, 2);
		const failed = res.outputs[0].find((i) => i.json.error !== undefined)!;
		assert.deepEqual(failed.pairedItem, { item: 1 });
		assert.equal(failed.json.segment, undefined);
		assert.match(JSON.stringify(failed.json.error), /Field \\"revenue\\" is missing/);
	});

	it('bad value with the default policy: C with a reason, nothing fails', async () => {
		const res = await run({}, [{ revenue: 10 }, { revenue: 'n/a' }, {}]);
		assert.equal(res.error, undefined);
		const codes = res.outputs[0].map((i) => (seg(i).reasons as IDataObject[]).map((r) => r.code));
		assert.deepEqual(res.outputs[0].map((i) => seg(i).segment), ['A', 'C', 'C']);
		assert.ok(codes[1].includes('value_not_numeric'));
		assert.ok(codes[2].includes('value_missing'));
	});

	it('a bad threshold stops the node with a configuration error naming the parameter', async () => {
		const res = await run({ aThreshold: 96, bThreshold: 95 }, CLASSIC);
		assert.match(res.error?.message ?? '', /Parameter "aThreshold" \(96\) must not be above bThreshold \(95\)/);
	});

	it('XYZ, hysteresis and roll-up together through n8n', async () => {
		const items = [
			{ name: 'Holding 1', group: 'H1', revenue: 50, series: [10, 10] , prev: 'B'},
			{ name: 'Holding 1 branch', group: 'h1 ', revenue: 30, series: [10, 30], prev: 'B' },
			{ name: 'Solo', group: 'S', revenue: 20, series: [5, 5], prev: 'A' },
		];
		const res = await run(
			{
				xyz: true,
				hysteresis: true,
				previousSegmentField: 'prev',
				rollUp: 'field',
				rollUpField: 'group',
				options: { outputKey: 'abc' },
			},
			items,
		);
		assert.equal(res.error, undefined);
		const out = res.outputs[0].map((i) => seg(i, 'abc'));
		// Group H1: 80 of 100 → A (was B, shareAhead 0 < 75). Solo: shareAhead 80 < 85 (was A) → kept A.
		assert.deepEqual(out.map((o) => o.segment), ['A', 'A', 'A']);
		assert.deepEqual(out.map((o) => o.rawSegment), ['A', 'A', 'B']);
		assert.deepEqual(out.map((o) => o.value), [80, 80, 20]);
		assert.deepEqual(out.map((o) => o.itemValue), [50, 30, 20]);
		assert.deepEqual(out.map((o) => (o.group as IDataObject).key), ['h1', 'h1', 's']);
		// H1 series summed: [20, 40] → CV 33.3% → Z; Solo [5,5] → X.
		assert.deepEqual(out.map((o) => o.abcXyz), ['AZ', 'AZ', 'AX']);
	});

	it('Scoring mode reads Classify Inquiry output and routes per segment', async () => {
		const rules = {
			rule: [
				{ field: 'budget', operator: 'gte', value: '1 000 000', points: 40 },
				{ field: 'source', operator: 'equals', value: 'tender', points: 30 },
				{ field: 'inn', operator: 'exists', points: 10 },
				{ field: 'email', operator: 'regex', value: '@(gmail|mail|yandex)\\.', points: -10 },
				{ field: 'inquiry.type', operator: 'equals', value: 'lead', points: 20 },
				{ field: 'inquiry.priority', operator: 'equals', value: 'high', points: 15 },
			],
		};
		const items = [
			{ id: 1, budget: 2000000, source: 'Tender', inn: '7707083893', email: 'ceo@corp.ru', inquiry: { type: 'lead', priority: 'high' } },
			{ id: 2, budget: '500000', email: 'x@gmail.com', inquiry: { type: 'lead', priority: 'normal' } },
			{ id: 3, email: 'y@mail.ru', inquiry: { type: 'question', priority: 'low' } },
		];
		const res = await run({ mode: 'scoring', rules, outputPerSegment: true }, items);
		assert.equal(res.error, undefined);
		assert.deepEqual(res.outputs.map((o) => o.map((i) => i.json.id)), [[1], [], [2, 3]]);
		const first = seg(res.outputs[0][0]);
		assert.equal(first.score, 115);
		assert.equal((first.breakdown as IDataObject[]).length, 6);
		assert.equal(seg(res.outputs[2][0]).score, 10);
		assert.equal(seg(res.outputs[2][1]).score, -10);
	});

	it('Scoring mode with a non-numeric bound is a configuration error naming the rule', async () => {
		const res = await run(
			{ mode: 'scoring', rules: { rule: [{ field: 'budget', operator: 'gte', value: 'big', points: 5 }] } },
			[{ budget: 1 }],
		);
		assert.match(res.error?.message ?? '', /Rule 1 \(budget gte\) needs a number, got "big"/);
	});
});
