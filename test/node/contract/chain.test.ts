import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { ClassifyInquiry } from '../../../nodes/ClassifyInquiry/ClassifyInquiry.node.js';
import { DedupeContact } from '../../../nodes/DedupeContact/DedupeContact.node.js';
import { EscalateToHuman } from '../../../nodes/EscalateToHuman/EscalateToHuman.node.js';
import { RouteToManager } from '../../../nodes/RouteToManager/RouteToManager.node.js';
import { ScoreAbcSegment } from '../../../nodes/ScoreAbcSegment/ScoreAbcSegment.node.js';
import { fixture, runWorkflow } from '../../helpers/workflowHarness';

/**
 * Classify → Dedupe → Segment → Route → Escalate wired with NO field mapping: every node keeps its
 * default paths (the pipeline contract, core/contract.ts) and the decisions come out right.
 */
const P = 'n8n-nodes-inquiry-router.';
const NOW = '2026-11-24T10:00:00.000Z'; // a Tuesday, 13:00 in Moscow

const roster = [
	{ managerId: 'm-owner', name: 'Owner', skills: 'lead, service_request, complaint', languages: 'ru', seniority: 2, capacity: 10, workingHours: '', timeZone: 'Europe/Moscow' },
	{ managerId: 'm-senior', name: 'Senior', skills: 'lead, service_request, complaint', languages: 'ru, en', seniority: 4, capacity: 10, workingHours: '', timeZone: 'Europe/Moscow' },
	{ managerId: 'm-junior', name: 'Junior', skills: 'lead, service_request, complaint', languages: 'ru, en', seniority: 1, capacity: 10, workingHours: '', timeZone: 'Europe/Moscow' },
];
const stored = [{ id: 'row-17', name: 'Пётр Соколов', phone: '+79123456789', ownerId: 'm-owner', segment: 'B' }];

function node(name: string, type: string, typeVersion: number, parameters: INode['parameters'], x: number): INode {
	return { id: name, name, type: P + type, typeVersion, position: [x, 0], parameters };
}

async function runChain(texts: string[], versions = { dedupe: 1.1, segment: 1.1, escalate: 1.1 }) {
	return runWorkflow({
		types: {
			[`${P}classifyInquiry`]: new ClassifyInquiry(),
			[`${P}dedupeContact`]: new DedupeContact(),
			[`${P}scoreAbcSegment`]: new ScoreAbcSegment(),
			[`${P}routeToManager`]: new RouteToManager(),
			[`${P}escalateToHuman`]: new EscalateToHuman(),
		},
		fixtures: { Messages: texts.map((text) => ({ text })), Contacts: stored },
		nodes: [
			fixture('Messages'),
			fixture('Contacts', [0, 300]),
			node('Classify', 'classifyInquiry', 1, {}, 200),
			node('Known Client?', 'dedupeContact', versions.dedupe, { operation: 'match' }, 400),
			node('Segment', 'scoreAbcSegment', versions.segment, { mode: 'scoring', rules: { rule: [{ field: 'inquiry.type', operator: 'equals', value: 'lead', points: 70 }] } }, 600),
			node('Route', 'routeToManager', 1, { rosterSource: 'json', rosterJson: JSON.stringify(roster), now: NOW }, 800),
			node('Escalate', 'escalateToHuman', versions.escalate, { inputMode: 'message', messageField: 'text', triggers: ['humanRequest', 'anger', 'complaint'], options: { now: NOW } }, 1000),
		],
		connections: {
			Messages: { main: [[{ node: 'Classify', type: 'main', index: 0 }]] },
			Contacts: { main: [[{ node: 'Known Client?', type: 'main', index: 1 }]] },
			Classify: { main: [[{ node: 'Known Client?', type: 'main', index: 0 }]] },
			'Known Client?': {
				main: [
					[{ node: 'Segment', type: 'main', index: 0 }],
					[{ node: 'Segment', type: 'main', index: 0 }],
				],
			},
			Segment: { main: [[{ node: 'Route', type: 'main', index: 0 }]] },
			Route: { main: [[{ node: 'Escalate', type: 'main', index: 0 }]] },
		},
	});
}

const all = (outputs: INodeExecutionData[][] | undefined) => (outputs ?? []).flat();

describe('the pipeline contract: five nodes chained with no field mapping', () => {
	it('a known client goes to their owner with the stored segment; a new lead is scored and routed by topic', async () => {
		const res = await runChain([
			'Здравствуйте, меня зовут Пётр Соколов, +7 912 345-67-89. Хотим купить ещё 20 ноутбуков, пришлите счёт.',
			'Добрый день! Сколько стоит поставка 50 мониторов? Анна, anna@example.org',
			'Хочу поговорить с живым человеком, позовите оператора',
		]);
		assert.equal(res.error, undefined, res.error?.message);
		const routed = all(res.outputs.Route);
		assert.equal(routed.length, 3);
		const byText = (start: string) => routed.find((i) => (i.json.text as string).startsWith(start))!;
		const known = byText('Здравствуйте');
		const fresh = byText('Добрый день');
		const kc = known.json.contact as IDataObject;
		assert.equal(kc.decision, 'duplicate');
		assert.equal(kc.matchId, 'row-17');
		assert.equal(kc.ownerId, 'm-owner');
		assert.equal((known.json.segment as IDataObject).segment, 'B', 'known client keeps the stored segment');
		assert.equal(((known.json.segment as IDataObject).reasons as IDataObject[])[0].code, 'stored_segment');
		const ka = known.json.assignment as IDataObject;
		assert.equal(ka.managerId, 'm-owner', 'owner first through contact.ownerId');
		assert.equal(ka.ownerId, 'm-owner');
		assert.equal(ka.segment, 'B');

		assert.equal((fresh.json.contact as IDataObject).decision, 'new');
		assert.equal((fresh.json.inquiry as IDataObject).type, 'lead');
		assert.equal((fresh.json.segment as IDataObject).segment, 'A', 'an unknown lead is scored (lead → 70 points)');
		const fa = fresh.json.assignment as IDataObject;
		assert.equal(fa.ownerId, null);
		assert.equal(fa.segment, 'A');
		assert.equal(fa.managerId, 'm-senior', 'segment A goes senior-first');
		assert.deepEqual(fa.skills, ['lead']);
		assert.equal(fa.language, 'ru');

		// Escalate reads Classify's inquiry as written: the human request goes to a person, the others do not
		const escalated = res.outputs.Escalate[0];
		const kept = res.outputs.Escalate[1];
		assert.equal(escalated.length, 1);
		assert.equal(kept.length, 2);
		assert.ok((escalated[0].json.text as string).startsWith('Хочу поговорить'));
		assert.equal((escalated[0].json.inquiry as IDataObject).wantsHuman, true);
		const codes = ((escalated[0].json.escalation as IDataObject).reasons as IDataObject[]).map((r) => r.code);
		assert.ok(codes.includes('human_request'), codes.join());
	});
});
