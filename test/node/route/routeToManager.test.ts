import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { assignmentSchema } from '../../../core/route';
import { RouteToManager } from '../../../nodes/RouteToManager/RouteToManager.node.js';
import { runNode } from '../../helpers/workflowHarness';

const TYPE = 'n8n-nodes-inquiry-router.routeToManager';
const NOW = '2026-11-23T10:00:00Z'; // Monday, 13:00 in Moscow

const roster: IDataObject[] = [
	{ managerId: 'anna', name: 'Anna', skills: 'IT, public procurement', languages: 'ru,en', segments: 'A,B,C', seniority: 'senior', capacity: 2, activeLeads: 0, workingHours: 'Mon-Fri 09:00-18:00', timeZone: 'Europe/Moscow' },
	{ managerId: 'boris', name: 'Boris', skills: '[]', languages: 'ru', segments: 'B,C', seniority: 1, capacity: 10, activeLeads: 1, workingHours: 'Mon-Fri 09:00-18:00', timeZone: 'Europe/Moscow' },
];

function lead(type: string, segment = 'B', extra: IDataObject = {}): IDataObject {
	return { id: `${type}-${segment}`, inquiry: { type, priority: 'normal', language: 'ru' }, segment: { segment }, ...extra };
}

async function run(parameters: IDataObject, inputs: IDataObject[][], onError?: 'continueErrorOutput') {
	return runNode({ type: TYPE, nodeType: new RouteToManager(), parameters: { now: NOW, ...parameters }, inputs, onError });
}

describe('Route to Manager node (n8n WorkflowExecute)', () => {
	it('routes leads with a roster from the second input (Data table style rows) and pairs every item', async () => {
		const res = await run({ rosterSource: 'input' }, [[lead('IT', 'A'), lead('question'), lead('IT'), lead('IT', 'A')], roster.map((r, i) => ({ id: i + 1, ...r }))]);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 2);
		const assigned = res.outputs[0];
		const unassigned = res.outputs[1];
		// anna (capacity 2) takes the first A lead and the IT B lead; the second A lead finds nobody.
		assert.deepEqual(
			assigned.map((i) => [i.json.id, (i.json.assignment as IDataObject).managerId, i.pairedItem]),
			[
				['IT-A', 'anna', { item: 0 }],
				['question-B', 'boris', { item: 1 }],
				['IT-B', 'anna', { item: 2 }],
			],
		);
		assert.equal(unassigned.length, 1);
		assert.deepEqual(unassigned[0].pairedItem, { item: 3 });
		const a = unassigned[0].json.assignment as IDataObject;
		assert.equal(a.status, 'unassigned');
		assert.equal(a.queue, 'unassigned');
		assert.deepEqual(
			(a.candidates as IDataObject[]).map((c) => [c.managerId, c.outcome]),
			[
				['anna', 'at_capacity'],
				['boris', 'segment_not_covered'],
			],
		);
		for (const item of [...assigned, ...unassigned]) assignmentSchema.parse(item.json.assignment);
		// Load after assignment counts the node's own earlier assignments in this execution.
		assert.deepEqual((assigned[2].json.assignment as IDataObject).loadAfter, { managerId: 'anna', activeLeads: 2, capacity: 2, ratio: 1, periodCount: 2 });
	});

	it('reads the roster from the Managers list parameters', async () => {
		const res = await run(
			{
				rosterSource: 'parameters',
				managers: { manager: [{ managerId: 'li', name: 'Li', skills: 'oil and gas', capacity: 5, activeLeads: 0, active: true, workingHours: '', timeZone: 'Asia/Vladivostok' }] },
				outputKey: 'route',
			},
			[[lead('oil and gas')]],
		);
		assert.equal(res.error, undefined);
		const r = res.outputs[0][0].json.route as IDataObject;
		assert.equal(r.managerId, 'li');
		assert.equal((r.match as IDataObject).skillMatch, 1);
		assert.equal(r.slaDueAt, '2026-11-23T11:00:00.000Z');
	});

	it('reads the roster from a JSON parameter and uses the fallback owner when nobody is eligible', async () => {
		const res = await run(
			{ rosterSource: 'json', rosterJson: JSON.stringify([{ managerId: 'x', capacity: 0 }]), fallbackOwnerId: 'head', fallbackQueue: '' },
			[[lead('IT')]],
		);
		assert.equal(res.outputs[0].length, 0);
		const a = res.outputs[1][0].json.assignment as IDataObject;
		assert.equal(a.managerId, 'head');
		assert.equal(a.queue, null);
		assert.deepEqual((a.reasons as IDataObject[]).map((r) => r.code), ['no_eligible_manager', 'fallback_owner']);
	});

	it('stops with an error naming the manager and the field for bad roster data', async () => {
		const bad = [...roster, { managerId: 'vera', capacity: 'ten' }];
		const res = await run({ rosterSource: 'input' }, [[lead('IT')], bad]);
		assert.match(res.error?.message ?? '', /Roster row 3 \(manager "vera"\): field "capacity" must be a number, got "ten"/);

		const dup = await run({ rosterSource: 'input' }, [[lead('IT')], [...roster, { managerId: 'anna', capacity: 3 }]]);
		assert.match(dup.error?.message ?? '', /duplicate manager id "anna" \(rows 1 and 3\)/);

		const tz = await run({ rosterSource: 'input' }, [[lead('IT')], [{ managerId: 'li', capacity: 3, timeZone: 'Asia/Vladivostoc' }]]);
		assert.match(tz.error?.message ?? '', /manager "li"\): field "timeZone": unknown time zone "Asia\/Vladivostoc"/);

		const noId = await run({ rosterSource: 'input' }, [[lead('IT')], [{ name: 'Nameless', capacity: 3 }]]);
		assert.match(noId.error?.message ?? '', /Roster row 1: field "managerId" \(or "id"\) is missing/);
	});

	it('an empty roster on input 2 sends every lead to Unassigned with empty_roster', async () => {
		const res = await run({ rosterSource: 'json', rosterJson: '[]' }, [[lead('IT'), lead('question')]]);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs[1].length, 2);
		assert.deepEqual(((res.outputs[1][0].json.assignment as IDataObject).reasons as IDataObject[])[0].code, 'empty_roster');
		// An empty Data table on input 2: the node still runs and no lead is lost.
		const fromInput = await run({ rosterSource: 'input' }, [[lead('IT')], []]);
		assert.equal(fromInput.error, undefined);
		assert.equal(fromInput.outputs[1].length, 1);
		assert.deepEqual(fromInput.outputs[1][0].pairedItem, { item: 0 });
	});

	it('a bad roster in one lead\'s field goes to the error output; the other leads are routed', async () => {
		const good = { roster: roster };
		const res = await run(
			{ rosterSource: 'field', rosterField: 'roster' },
			[[lead('IT', 'B', good), lead('IT', 'B', { roster: [{ managerId: 'z', capacity: 'x' }] }), lead('question', 'B', good)]],
			'continueErrorOutput',
		);
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 3);
		assert.deepEqual(res.outputs[0].map((i) => [(i.json.assignment as IDataObject).managerId, i.pairedItem]), [
			['anna', { item: 0 }],
			['boris', { item: 2 }],
		]);
		assert.equal(res.outputs[2].length, 1);
		assert.deepEqual(res.outputs[2][0].pairedItem, { item: 1 });
		// n8n's error output carries the message in json.error and the field in the error's description.
		assert.match(String(res.outputs[2][0].json.error), /Item 1: Roster row 1 \(manager "z"\): field "capacity" must be a number/);
		assert.match(String(res.outputs[2][0].error?.description), /field "roster\[0\]\.capacity"/);
	});

	it('a lead with an invalid "now" fails alone under Continue (using error output)', async () => {
		const res = await run(
			{ rosterSource: 'input', now: '={{ $json.receivedAt }}' },
			[[{ ...lead('IT'), receivedAt: NOW }, { ...lead('IT'), receivedAt: 'yesterday' }], roster],
			'continueErrorOutput',
		);
		assert.equal(res.outputs[0].length, 1);
		assert.equal(res.outputs[2].length, 1);
		assert.deepEqual(res.outputs[2][0].pairedItem, { item: 1 });
		assert.match(String(res.outputs[2][0].json.error), /Item 1: Field "now" must be a date-time/);
	});

	it('uses the execution time when "Now" is left at its default', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: new RouteToManager(),
			parameters: { rosterSource: 'json', rosterJson: JSON.stringify([{ managerId: 'x', capacity: 5 }]), now: '={{ $now.toISO() }}' },
			inputs: [[lead('IT')]],
		});
		assert.equal(res.error, undefined);
		const a = res.outputs[0][0].json.assignment as IDataObject;
		assert.equal(a.managerId, 'x');
		assert.ok(Math.abs(Date.parse(String(a.decidedAt)) - Date.now()) < 10 * 60 * 1000);
	});
});
