import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { DedupeContact } from '../../../nodes/DedupeContact/DedupeContact.node.js';
import { runNode } from '../../helpers/workflowHarness';

const TYPE = 'n8n-nodes-inquiry-router.dedupeContact';
const node = () => new DedupeContact();

const chat = {
	id: 'chat-1',
	name: 'Саша Петров',
	whatsapp: '79123456789',
	channel: 'whatsapp',
	timestamp: '2026-03-01T10:00:00Z',
	message: 'Здравствуйте, сколько стоит доставка?',
};
const form = {
	id: 'form-7',
	firstName: 'Alexander',
	lastName: 'Petrov',
	phone: '+7 (912) 345-67-89',
	email: 'a.petrov@gmail.com',
	channel: 'form',
	timestamp: '2026-03-01T10:02:00Z',
};

const contactOf = (item: { json: IDataObject }) => item.json.contact as IDataObject;

describe('Dedupe Contact through WorkflowExecute', () => {
	it('match: a form contact and the stored chat contact of one person → Duplicate, then Merge keeps both histories', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'match', candidateSource: 'input' },
			inputs: [[form], [chat, { id: 'other', name: 'Мария Иванова', phone: '+79001112233' }]],
		});
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 3);
		assert.equal(res.outputs[0].length, 0);
		assert.equal(res.outputs[2].length, 0);
		const dup = res.outputs[1][0];
		assert.deepEqual(dup.pairedItem, { item: 0 });
		const c = contactOf(dup);
		assert.equal(c.decision, 'duplicate');
		assert.equal(c.matchId, 'chat-1');
		assert.ok((c.score as number) >= 0.99);
		const ev = c.evidence as Array<{ field: string; outcome: string }>;
		assert.ok(ev.some((e) => e.field === 'phone' && e.outcome === 'equal'));
		assert.ok(ev.some((e) => e.field === 'firstName' && e.outcome === 'equal'));
		assert.deepEqual(c.matchedRecord, chat);

		const merged = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'merge', mergeSource: 'field', recordField: 'contact.matchedRecord' },
			inputs: [[dup.json]],
		});
		assert.equal(merged.error, undefined);
		const m = contactOf(merged.outputs[0][0]);
		const golden = m.golden as IDataObject;
		assert.equal(golden.id, 'chat-1');
		assert.equal(golden.email, 'a.petrov@gmail.com');
		assert.equal(golden.message, chat.message);
		assert.equal(golden.contact, undefined);
		assert.deepEqual(
			(golden.history as IDataObject[]).map((h) => [h.id, h.channel]),
			[
				['chat-1', 'whatsapp'],
				['form-7', 'form'],
			],
		);
		// The journal undoes the merge exactly.
		const undone = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'unmerge' },
			inputs: [[merged.outputs[0][0].json]],
		});
		assert.equal(undone.error, undefined);
		const records = contactOf(undone.outputs[0][0]).records as IDataObject[];
		assert.deepEqual(records, [chat, form]);
	});

	it('match: an empty candidates input (the lookup found nothing) still routes every contact to New', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'match' },
			inputs: [[{ name: 'Иван Петров', phone: '+79123456789' }], []],
		});
		assert.equal(res.error, undefined);
		assert.deepEqual(res.outputs.map((o) => o.length), [1, 0, 0]);
		const c = contactOf(res.outputs[0][0]);
		assert.equal(c.decision, 'new');
		assert.equal((c.reasons as IDataObject[])[0].code, 'no_candidates');
	});

	it('match: candidates in a field; a shared switchboard with a different name is New with a company link', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'match', candidateSource: 'field', candidatesField: 'found' },
			inputs: [
				[
					{
						name: 'Ольга Смирнова',
						phone: '8 800 555-35-35',
						company: 'ООО «Ромашка»',
						found: [{ id: 'crm-9', name: 'Игорь Кузнецов', phone: '+7 800 555 35 35', company: 'Romashka LLC' }],
					},
				],
			],
		});
		assert.equal(res.error, undefined);
		assert.equal(res.outputs[0].length, 1);
		const c = contactOf(res.outputs[0][0]);
		assert.equal(c.decision, 'new');
		assert.equal(c.matchId, null);
		assert.deepEqual(c.companyLink, { id: 'crm-9', via: 'phone', value: '+78005553535' });
	});

	it('deduplicate: clusters a batch across scripts and channels, one output per decision', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'deduplicate' },
			inputs: [
				[
					{ id: 'a', name: 'Иван Петров', phone: '8 912 345 67 89', timestamp: '2026-01-01' },
					{ id: 'b', name: 'Petrov Ivan', email: 'i.v.a.n.petrov+crm@gmail.com', phone: '79123456789', timestamp: '2026-01-05' },
					{ id: 'c', name: 'Иван Петров', email: 'ivanpetrov@googlemail.com', timestamp: '2026-02-01' },
					{ id: 'd', name: 'Мария Сидорова', phone: '+7 913 000 11 22' },
				],
			],
		});
		assert.equal(res.error, undefined);
		const ids = (o: number) => res.outputs[o].map((i) => i.json.id);
		assert.deepEqual(ids(0), ['a', 'd']);
		assert.deepEqual(ids(1), ['b', 'c']);
		assert.deepEqual(ids(2), []);
		for (const item of res.outputs[1]) {
			assert.equal(contactOf(item).clusterId, 'cluster:a');
			assert.equal(contactOf(item).clusterSize, 3);
		}
		assert.deepEqual(res.outputs[1].map((i) => i.pairedItem), [{ item: 1 }, { item: 2 }]);
	});

	it('deduplicate single output + merge by cluster: one golden record with all three histories', async () => {
		const batch = [
			{ id: 'a', name: 'Иван Петров', phone: '8 912 345 67 89', channel: 'phone', timestamp: '2026-01-01' },
			{ id: 'b', name: 'Petrov Ivan', phone: '79123456789', email: 'ivan@ya.ru', channel: 'form', timestamp: '2026-01-05' },
			{ id: 'c', name: 'Ivan Petrov', email: 'ivan@yandex.ru', city: 'Пермь', channel: 'email', timestamp: '2026-02-01' },
			{ id: 'd', name: 'Мария Сидорова', phone: '+7 913 000 11 22', channel: 'chat' },
		];
		const dedup = await runNode({ type: TYPE, nodeType: node(), parameters: { operation: 'deduplicate', dedupeOutput: 'single' }, inputs: [batch] });
		assert.equal(dedup.outputs.length, 1);
		const merged = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'merge', mergeSource: 'cluster' },
			inputs: [dedup.outputs[0].map((i) => i.json)],
		});
		assert.equal(merged.error, undefined);
		const out = merged.outputs[0].map((i) => contactOf(i));
		assert.deepEqual(out.map((c) => c.role), ['golden', 'merged', 'merged', 'golden']);
		const golden = out[0].golden as IDataObject;
		assert.equal(golden.email, 'ivan@ya.ru');
		assert.equal(golden.city, 'Пермь');
		assert.deepEqual((golden.history as IDataObject[]).map((h) => h.id), ['a', 'b', 'c']);
		// "Petrov Ivan" vs "Иван Петров" is one name: not a conflict. The phone formats neither.
		assert.deepEqual((out[0].conflicts as IDataObject[]).map((c) => c.field), []);
		assert.equal(out[1].mergedInto, 'a');
	});

	it('bad items: non-object, phone of letters, missing fields → clear error naming item and field', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'matchKeys', options: { withoutIdentity: 'error' } },
			inputs: [[{ name: 'Иван' }, { phone: 'позвоните мне' }]],
		});
		assert.match(res.error?.message ?? '', /Item 1: Field "phone"/);
	});

	it('bad items go to the error output under continueErrorOutput and are never matched', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'match', candidateSource: 'input', options: { withoutIdentity: 'error' } },
			inputs: [
				[{ phone: 'abc' }, { email: '' }, { name: 'Иван Петров', phone: ['+79123456789', { x: 1 }] }, { name: 'Пётр', phone: '' }],
				[{ id: 'empty-1', phone: '', email: '' }, { id: 'p', name: 'Петя', phone: 'n/a' }],
			],
			onError: 'continueErrorOutput',
		});
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 4);
		assert.deepEqual(res.outputs[3].map((i) => i.pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }]);
		// n8n puts the error message on the error output item.
		assert.match(String(res.outputs[3][0].json.error), /^Item 0: Field "phone" \("abc"\) is not usable/);
		assert.match(String(res.outputs[3][1].json.error), /^Item 1: Contact has no usable identity/);
		assert.match(String(res.outputs[3][2].json.error), /^Item 2: Field "phone" must be text/);
		// "Пётр" with an empty phone is compared with the only usable candidate (Петя) by name only: review at most, never duplicate.
		const last = [...res.outputs[0], ...res.outputs[1], ...res.outputs[2]];
		assert.equal(last.length, 1);
		assert.notEqual(contactOf(last[0]).decision, 'duplicate');
		assert.equal(contactOf(last[0]).candidatesCompared, 1);
	});

	it('non-object items (an array, a string) fail alone with a clear error; the good item is still matched', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'deduplicate' },
			inputs: [[[1, 2] as unknown as IDataObject, { name: 'Иван Петров', phone: '+79123456789' }, 'text' as unknown as IDataObject]],
			onError: 'continueErrorOutput',
		});
		assert.equal(res.error, undefined);
		assert.deepEqual(res.outputs[0].map((i) => i.pairedItem), [{ item: 1 }]);
		assert.equal(res.outputs[3].length, 2);
		for (const e of res.outputs[3]) assert.match(String(e.json.error), /not an object|no usable identity/);
	});

	it('default: an anonymous message (no identity) stays a new contact, flagged no_identity, never matched', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'match', candidateSource: 'input' },
			inputs: [
				[{ text: 'ОПЕРАТОР ОПЕРАТОР' }, { phone: 'позвоните мне' }, { name: 'Иван Петров', phone: '8 912 345-67-89' }],
				[{ id: 'anon', text: 'hi' }, { id: 'ivan', name: 'Петров Иван', phone: '+79123456789' }],
			],
		});
		assert.equal(res.error, undefined);
		const [newOut, dupOut, reviewOut] = res.outputs;
		assert.deepEqual(newOut.map((i) => i.pairedItem), [{ item: 0 }, { item: 1 }]);
		for (const item of newOut) {
			const c = contactOf(item);
			assert.equal(c.decision, 'new');
			assert.equal(c.matchId, null);
			assert.equal(c.candidatesCompared, 0);
			assert.ok((c.reasons as IDataObject[]).some((r) => r.code === 'no_identity'));
		}
		assert.equal(reviewOut.length, 0);
		assert.deepEqual(dupOut.map((i) => contactOf(i).matchId), ['ivan']);
		// The anonymous candidate is skipped, never compared.
		assert.ok((contactOf(dupOut[0]).reasons as IDataObject[]).some((r) => r.code === 'candidates_skipped'));
	});

	it('default: a 10,000-item batch with no usable field: every item unique and flagged, nothing merged, no crash', async () => {
		const items = Array.from({ length: 10000 }, (_, i) => ({ note: `row ${i}`, phone: i % 2 ? '' : 'none' }));
		const res = await runNode({ type: TYPE, nodeType: node(), parameters: { operation: 'deduplicate' }, inputs: [items] });
		assert.equal(res.error, undefined);
		assert.equal(res.outputs[0].length, 10000);
		assert.equal(res.outputs[1].length + res.outputs[2].length, 0);
		const clusters = new Set(res.outputs[0].map((i) => contactOf(i).clusterId));
		assert.equal(clusters.size, 10000);
		assert.ok(res.outputs[0].every((i) => (contactOf(i).reasons as IDataObject[]).some((r) => r.code === 'no_identity')));
	});

	it('with "Error": a 10,000-item batch with no usable field: every item to the error output, nothing merged, no crash', async () => {
		const items = Array.from({ length: 10000 }, (_, i) => ({ note: `row ${i}`, phone: i % 2 ? '' : 'none' }));
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'deduplicate', options: { withoutIdentity: 'error' } },
			inputs: [items],
			onError: 'continueErrorOutput',
		});
		assert.equal(res.error, undefined);
		assert.equal(res.outputs[0].length + res.outputs[1].length + res.outputs[2].length, 0);
		assert.equal(res.outputs[3].length, 10000);
		const stopped = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'deduplicate', options: { withoutIdentity: 'error' } },
			inputs: [items],
		});
		assert.match(stopped.error?.message ?? '', /^Item 0: Field "phone"/);
	});

	it('non-object values in mapped fields and a non-array candidates field are errors naming the field', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: { operation: 'match', candidateSource: 'field', candidatesField: 'found' },
			inputs: [[{ name: 'Иван', found: 'nope' }, { name: { first: 'x' } }]],
			onError: 'continueErrorOutput',
		});
		assert.equal(res.error, undefined);
		const errors = res.outputs[3].map((i) => String(i.json.error));
		assert.deepEqual(errors, [
			'Item 0: Field "found" must be an array of candidate contacts',
			'Item 1: Field "name" must be text (or a list of texts), got object',
		]);
	});

	it('match keys: normalised keys for a store lookup, custom field mapping and output key', async () => {
		const res = await runNode({
			type: TYPE,
			nodeType: node(),
			parameters: {
				operation: 'matchKeys',
				fieldMapping: { phone: 'contacts.tel', telegram: 'tg' },
				options: { outputKey: 'keys' },
			},
			inputs: [[{ contacts: { tel: '8 (912) 345-67-89' }, tg: 'https://t.me/Ivan_Petrov', email: 'Ivan.Petrov+news@Gmail.com' }]],
		});
		assert.equal(res.error, undefined);
		const k = (res.outputs[0][0].json.keys as IDataObject).keys as IDataObject;
		assert.deepEqual(k.phones, ['+79123456789']);
		assert.deepEqual(k.telegram, ['@ivan_petrov']);
		assert.deepEqual(k.emails, ['ivanpetrov@gmail.com']);
		assert.deepEqual(k.all, ['email:ivanpetrov@gmail.com', 'phone:+79123456789', 'tg:@ivan_petrov']);
	});
});
