import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { DedupeContact } from '../../../nodes/DedupeContact/DedupeContact.node.js';
import { runNode } from '../../helpers/workflowHarness';

const TYPE = 'n8n-nodes-inquiry-router.dedupeContact';
const node = () => new DedupeContact();
const contactOf = (item: { json: IDataObject }) => item.json.contact as IDataObject;

// Checksum-valid INNs written for these tests.
const INN_A = '7707083893';
const INN_B = '7736207543';

const accounts = [
	{ id: 'acc-1', name: 'ООО «СтройМонтаж»', inn: INN_A, kpp: '770701001', email: 'info@stroymontazh.ru', address: 'г. Москва, ул. Ленина, д. 5, офис 12' },
	{ id: 'acc-2', name: 'ООО «СтройМонтаж Плюс»', inn: INN_B, email: 'info@smplus.ru' },
];

describe('Dedupe Contact, entity Organisation, through WorkflowExecute', () => {
	it('match: a branch of a stored account (same INN, another KPP, English name) → Duplicate with a branch reason', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'match', entity: 'organisation', candidateSource: 'input' },
			inputs: [[{ id: 'form-1', company: 'StroyMontazh LLC (Kazan branch)', inn: INN_A, kpp: '165543001' }], accounts],
		});
		assert.equal(res.error, undefined);
		assert.equal(res.outputs[1].length, 1);
		const item = res.outputs[1][0];
		assert.deepEqual(item.pairedItem, { item: 0 });
		const c = contactOf(item);
		assert.equal(c.decision, 'duplicate');
		assert.equal(c.matchId, 'acc-1');
		assert.ok((c.reasons as Array<{ code: string }>).some((r) => r.code === 'branch_of'));
		assert.deepEqual(c.matchedRecord, accounts[0]);
	});

	it('deduplicate: one item per input item, legal forms and transliteration merged, a different INN kept apart', async () => {
		const items = [
			{ id: 'a', name: 'ПАО «Газпром нефть»', inn: '5504036333' },
			{ id: 'b', name: 'Gazprom Neft PJSC', website: 'https://www.gazprom-neft.ru', inn: '5504036333' },
			{ id: 'c', name: 'Газпром нефть', email: 'info@gazprom-neft.ru' },
			{ id: 'd', name: 'ООО «Альфа Трейд»', inn: INN_A },
			{ id: 'e', name: 'ООО «Альфа Трейд»', inn: INN_B },
		];
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'deduplicate', entity: 'organisation', dedupeOutput: 'single' },
			inputs: [items],
		});
		assert.equal(res.error, undefined);
		const out = res.outputs[0];
		assert.equal(out.length, 5);
		const cluster = (id: string) => contactOf(out.find((o) => o.json.id === id)!).clusterId;
		assert.equal(cluster('b'), cluster('a'));
		assert.equal(cluster('c'), cluster('a'));
		assert.notEqual(cluster('d'), cluster('e'));
		out.forEach((o, k) => assert.deepEqual(o.pairedItem, { item: k }));
	});

	it('an organisation without any identity names the item and field', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'matchKeys', entity: 'organisation', options: { withoutIdentity: 'error' } },
			inputs: [[{ name: 'ООО «Ромашка»' }, { inn: 'not-an-inn' }]],
		});
		assert.match(res.error?.message ?? '', /Item 1: .*"inn"/);
	});

	it('person mode (default) links each contact to its organisation', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'deduplicate', dedupeOutput: 'single' },
			inputs: [[
				{ id: 'p1', name: 'Ирина Соколова', email: 'irina@stroymontazh.ru', company: 'СтройМонтаж' },
				{ id: 'p2', name: 'Олег Петров', email: 'oleg@stroymontazh.ru' },
			]],
		});
		assert.equal(res.error, undefined);
		const [a, b] = res.outputs[0].map(contactOf);
		assert.equal(a.decision, 'unique');
		assert.deepEqual(a.organisation, { key: 'domain:stroymontazh.ru', id: 'org:p1', name: 'stroimontazh', via: 'domain' });
		assert.equal((b.organisation as IDataObject).id, 'org:p1');
	});
});
