import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DedupeContact } from '../../../nodes/DedupeContact/DedupeContact.node.js';
import { fixture, runWorkflow } from '../../helpers/workflowHarness';

/** Stands in for a Data table "Get rows" run on each lead: the rows for lead i carry pairedItem {item: i}. */
function lookupNode(rowsByLead: IDataObject[][]): INodeType {
	return {
		description: {
			displayName: 'Lookup',
			name: 'lookup',
			group: ['transform'],
			version: 1,
			description: 'test lookup',
			defaults: { name: 'Lookup' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		} as unknown as INodeType['description'],
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const out: INodeExecutionData[] = [];
			this.getInputData().forEach((_item, i) => {
				for (const row of rowsByLead[i] ?? []) out.push({ json: { ...row }, pairedItem: { item: i } });
			});
			return [out];
		},
	};
}

const storedPetrov = { id: 'row-17', name: 'Саша Петров', phone: '+79123456789', ownerId: 'm-ivanova', segment: 'A' };
const storedOther = { id: 'row-18', name: 'Мария Иванова', phone: '+79001112233', ownerId: 'm-sidorov', segment: 'C' };
const leads = [
	{ firstName: 'Alexander', lastName: 'Petrov', phone: '+7 (912) 345-67-89', channel: 'form' },
	{ name: 'Ольга Смирнова', email: 'olga@example.org', channel: 'chat' },
];

async function run(candidateSource: string, extra: { typeVersion?: number; entity?: string; leads?: IDataObject[]; rows?: IDataObject[][] } = {}) {
	return runWorkflow({
		types: { 'test.lookup': lookupNode(extra.rows ?? [[storedPetrov], [storedOther]]), 'n8n-nodes-inquiry-router.dedupeContact': new DedupeContact() },
		fixtures: { Leads: extra.leads ?? leads },
		nodes: [
			fixture('Leads'),
			{ id: 'l', name: 'Find Known Contact', type: 'test.lookup', typeVersion: 1, position: [200, 200], parameters: {} },
			{
				id: 'd',
				name: 'Known Client?',
				type: 'n8n-nodes-inquiry-router.dedupeContact',
				typeVersion: extra.typeVersion ?? 1,
				position: [400, 0],
				parameters: { operation: 'match', candidateSource, ...(extra.entity ? { entity: extra.entity } : {}) },
			},
		],
		connections: {
			Leads: {
				main: [
					[
						{ node: 'Known Client?', type: 'main', index: 0 },
						{ node: 'Find Known Contact', type: 'main', index: 0 },
					],
				],
			},
			'Find Known Contact': { main: [[{ node: 'Known Client?', type: 'main', index: 1 }]] },
		},
	});
}

describe('Dedupe Contact: the store feeds the second input', () => {
	it('paired rows: each lead is compared only with the rows its own lookup returned; a duplicate carries the stored id, owner and segment', async () => {
		const res = await run('paired');
		assert.equal(res.error, undefined);
		const [newOut, dupOut, reviewOut] = res.outputs['Known Client?'];
		assert.equal(reviewOut.length, 0);
		assert.equal(dupOut.length, 1);
		const dup = dupOut[0].json.contact as IDataObject;
		assert.deepEqual(dupOut[0].pairedItem, { item: 0 });
		assert.equal(dup.matchId, 'row-17');
		assert.equal(dup.ownerId, 'm-ivanova');
		assert.equal(dup.segment, 'A');
		assert.equal(dup.candidatesCompared, 1);
		assert.equal(newOut.length, 1);
		const fresh = newOut[0].json.contact as IDataObject;
		assert.deepEqual(newOut[0].pairedItem, { item: 1 });
		assert.equal(fresh.decision, 'new');
		assert.equal(fresh.ownerId, null);
		assert.equal(fresh.segment, null);
		// Olga was compared with Maria's row only (her own lookup), never with Petrov's
		assert.equal(fresh.candidatesCompared, 1);
	});

	it('second input (every row for every lead) still compares each lead with all rows', async () => {
		const res = await run('input');
		assert.equal(res.error, undefined);
		const [newOut, dupOut] = res.outputs['Known Client?'];
		assert.equal((dupOut[0].json.contact as IDataObject).ownerId, 'm-ivanova');
		assert.equal((newOut[0].json.contact as IDataObject).candidatesCompared, 2);
	});

	// Checksum-valid INNs written for this test.
	const accountA = { id: 'acc-1', name: 'ООО «СтройМонтаж»', inn: '7707083893', ownerId: 'm-7', segment: 'B' };
	const accountB = { id: 'acc-2', name: 'ООО «Орион»', inn: '7736207543', ownerId: 'm-8', segment: 'C' };
	for (const typeVersion of [1, 1.1]) {
		for (const candidateSource of ['paired', 'input']) {
			it(`entity organisation, version ${typeVersion}, ${candidateSource}: the account's id, owner and segment on a duplicate`, async () => {
				const res = await run(candidateSource, {
					typeVersion,
					entity: 'organisation',
					leads: [{ company: 'StroyMontazh LLC', inn: '7707083893' }, { company: 'ООО Ромашка', email: 'info@romashka.ru' }],
					// lead 0's lookup finds its account, lead 1's finds the other account
					rows: [[accountA], [accountB]],
				});
				assert.equal(res.error, undefined);
				const [newOut, dupOut] = res.outputs['Known Client?'];
				assert.equal(dupOut.length, 1);
				const dup = dupOut[0].json.contact as IDataObject;
				assert.deepEqual(dupOut[0].pairedItem, { item: 0 });
				assert.equal(dup.matchId, 'acc-1');
				assert.equal(dup.ownerId, 'm-7');
				assert.equal(dup.segment, 'B');
				assert.equal(newOut.length, 1);
				assert.equal((newOut[0].json.contact as IDataObject).candidatesCompared, candidateSource === 'paired' ? 1 : 2);
			});
		}
	}
});
