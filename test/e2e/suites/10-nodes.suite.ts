/**
 * Each node of the package in a real n8n workflow (test/e2e/fixtures/<node>.json):
 * Webhook → Split Out (one item per element of body.items) → our node → Respond to Webhook,
 * asserting the node's real decision in the webhook's answer. A node whose installed description
 * has no parameters is a pass-through stub, and a dist that ships one fails (never skips).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { loadFixture, type E2EContext, type NodeTypeDescription, type WorkflowRecord } from '../lib';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FIXTURES = {
	classifyInquiry: { file: 'classify-inquiry', path: 'e2e/classify-inquiry' },
	dedupeContact: { file: 'dedupe-contact', path: 'e2e/dedupe-contact' },
	scoreAbcSegment: { file: 'score-abc-segment', path: 'e2e/score-abc-segment' },
	routeToManager: { file: 'route-to-manager', path: 'e2e/route-to-manager' },
	escalateToHuman: { file: 'escalate-to-human', path: 'e2e/escalate-to-human' },
} as const;
type NodeKey = keyof typeof FIXTURES;

const codes = (reasons: unknown): string[] =>
	Array.isArray(reasons) ? reasons.map((r: { code?: string }) => String(r?.code)) : [];

export function register(ctx: E2EContext): void {
	describe('10 nodes: each node decides inside a real n8n workflow', () => {
		let installed = new Map<string, NodeTypeDescription>();
		const deployed = new Map<NodeKey, WorkflowRecord>();

		before(async () => {
			installed = new Map((await ctx.api.nodeTypes()).map((d) => [d.name, d]));
		});

		/** Deploys the node's fixture once; fails if the installed node is a stub (no parameters). */
		async function fixture(key: NodeKey): Promise<WorkflowRecord> {
			const description = installed.get(ctx.nodeType(key));
			assert.ok(description, `${ctx.nodeType(key)} is not installed`);
			assert.ok(
				Array.isArray(description.properties) && description.properties.length > 0,
				`${key} in the packed dist has no parameters: a pass-through stub was shipped`,
			);
			let record = deployed.get(key);
			if (!record) {
				record = await ctx.deploy(loadFixture(FIXTURES[key].file));
				deployed.set(key, record);
			}
			return record;
		}

		/**
		 * POSTs {items} to the node's fixture; asserts 200 and one answer item per input item. For
		 * nodes with several outputs each output has its own Respond node, tagged by the response
		 * header x-e2e-output (`output`), so one call must send items that all take one output.
		 */
		async function call(key: NodeKey, record: WorkflowRecord, items: Json[]): Promise<{ items: Json[]; output: string | null }> {
			const r = await ctx.webhook<Json[]>(FIXTURES[key].path, { items });
			const why = async () => `HTTP ${r.status} ${r.text.slice(0, 1500)}\n${await ctx.explain(record.id)}`;
			assert.equal(r.status, 200, await why());
			assert.ok(Array.isArray(r.body), await why());
			assert.equal(r.body.length, items.length, `every input item yields one output item\n${await why()}`);
			return { items: r.body, output: r.headers.get('x-e2e-output') };
		}
		const run = async (key: NodeKey, record: WorkflowRecord, items: Json[]) => (await call(key, record, items)).items;

		it('Classify Inquiry: a tender (тендер, 44-ФЗ) is a high-priority lead with its phone extracted; "позовите оператора" wants a human', async () => {
			const record = await fixture('classifyInquiry');
			const [tender, human] = await run('classifyInquiry', record, [
				{ id: 'c1', text: 'Добрый день! Участвуем в тендере по 44-ФЗ, пришлите КП до пятницы. Иван, +7 912 345-67-89' },
				{ id: 'c2', text: 'Позовите оператора, живого человека! Бот не понимает.' },
			]);
			assert.equal(tender!.id, 'c1', 'input fields are kept');
			assert.equal(tender!.inquiry.type, 'lead');
			assert.equal(tender!.inquiry.priority, 'high');
			assert.deepEqual(tender!.inquiry.extracted.phones, ['+79123456789']);
			assert.equal(tender!.inquiry.degraded, false, 'offline: no LLM, nothing degraded');
			assert.ok(tender!.inquiry.reasons.length > 0, 'the decision explains itself');
			assert.ok(
				tender!.inquiry.reasons.some((r: Json) => JSON.stringify(r.evidence ?? '').toLowerCase().includes('тендер')),
				`a reason cites the tender as evidence: ${JSON.stringify(tender!.inquiry.reasons)}`,
			);
			assert.equal(human!.inquiry.wantsHuman, true, JSON.stringify(human!.inquiry));
		});

		it('Dedupe Contact: the same person via WhatsApp chat and web form lands in one cluster; a stranger does not', async () => {
			const record = await fixture('dedupeContact');
			const [chat, form, stranger] = await run('dedupeContact', record, [
				{ id: 'chat-1', name: 'Саша Петров', whatsapp: '79123456789', channel: 'whatsapp', timestamp: '2026-03-01T10:00:00Z' },
				{
					id: 'form-7',
					firstName: 'Alexander',
					lastName: 'Petrov',
					phone: '+7 (912) 345-67-89',
					email: 'a.petrov@gmail.com',
					channel: 'form',
					timestamp: '2026-03-01T10:02:00Z',
				},
				{ id: 'mail-3', name: 'Mark Hughes', email: 'm.hughes@fabrikam.example', channel: 'email', timestamp: '2026-03-01T11:00:00Z' },
			]);
			assert.equal(chat!.contact.clusterId, form!.contact.clusterId, JSON.stringify([chat!.contact, form!.contact]));
			assert.notEqual(stranger!.contact.clusterId, chat!.contact.clusterId);
			assert.deepEqual([chat!.contact.decision, form!.contact.decision].sort(), ['duplicate', 'unique']);
			const duplicate = chat!.contact.decision === 'duplicate' ? chat! : form!;
			assert.ok(
				duplicate.contact.evidence.some((e: Json) => e.field === 'phone' && e.outcome === 'equal'),
				`the phone in two formats is the evidence: ${JSON.stringify(duplicate.contact.evidence)}`,
			);
			assert.equal(stranger!.contact.decision, 'unique');
		});

		it('Score ABC Segment: an 80/20 revenue batch gives A to the two big clients, B to the middle, C to the tail', async () => {
			const record = await fixture('scoreAbcSegment');
			const revenues = [40, 40, 5, 5, 3, 2, 2, 1, 1, 1];
			const out = await run(
				'scoreAbcSegment',
				record,
				revenues.map((revenue, i) => ({ client: `client-${i + 1}`, revenue })),
			);
			const segments = out.map((o) => o.segment.segment);
			assert.deepEqual(segments.slice(0, 2), ['A', 'A'], segments.join(','));
			assert.deepEqual(segments.slice(2, 5), ['B', 'B', 'B'], segments.join(','));
			assert.deepEqual(segments.slice(7), ['C', 'C', 'C'], segments.join(','));
			assert.ok(codes(out[0]!.segment.reasons).includes('abc_cumulative_share'), JSON.stringify(out[0]!.segment.reasons));
			assert.equal(out[0]!.client, 'client-1', 'input fields are kept');
		});

		it('Route to Manager: a high-priority lead goes to the senior manager, a question to the one with the skill, an uncovered language to the holding queue', async () => {
			const record = await fixture('routeToManager');
			const urgent = await call('routeToManager', record, [
				{ id: 'lead-1', inquiry: { type: 'lead', priority: 'high', language: 'ru' } },
			]);
			const a1 = urgent.items[0]!.assignment;
			assert.equal(urgent.output, 'assigned', 'left on the Assigned output');
			assert.equal(a1.status, 'assigned', JSON.stringify(a1));
			assert.equal(a1.managerId, 'm-boris');
			assert.ok(codes(a1.reasons).includes('seniority_first'), JSON.stringify(a1.reasons));

			const [question] = await run('routeToManager', record, [
				{ id: 'lead-2', inquiry: { type: 'question', priority: 'normal', language: 'en' } },
			]);
			assert.equal(question!.assignment.managerId, 'm-anna', JSON.stringify(question!.assignment));

			const german = await call('routeToManager', record, [
				{ id: 'lead-3', inquiry: { type: 'lead', priority: 'normal', language: 'de' } },
			]);
			const a3 = german.items[0]!.assignment;
			assert.equal(german.output, 'unassigned', 'left on the Unassigned output, not lost');
			assert.equal(a3.status, 'unassigned', JSON.stringify(a3));
			assert.equal(a3.queue, 'holding');
			assert.equal(a3.fallback, true);
			assert.ok(
				a3.candidates.every((c: Json) => c.outcome === 'language_not_covered'),
				JSON.stringify(a3.candidates),
			);
			assert.equal(german.items[0]!.id, 'lead-3', 'input fields are kept');
		});

		it('Escalate to Human: "ОПЕРАТОР ОПЕРАТОР" is escalated to a person, with the reason', async () => {
			const record = await fixture('escalateToHuman');
			const shout = await call('escalateToHuman', record, [{ id: 'e1', message: 'ОПЕРАТОР ОПЕРАТОР' }]);
			const e1 = shout.items[0]!.escalation;
			assert.equal(shout.output, 'escalate', 'left on the Escalate output');
			assert.equal(e1.escalate, true, JSON.stringify(e1));
			assert.ok(codes(e1.reasons).includes('human_request'), JSON.stringify(e1.reasons));
			assert.equal(e1.degraded, false, 'offline summary, nothing degraded');

			const calm = await call('escalateToHuman', record, [
				{ id: 'e2', message: 'Подскажите, пожалуйста, часы работы склада в субботу.' },
			]);
			assert.equal(calm.output, 'bot', 'a plain question stays with the bot');
			assert.equal(calm.items[0]!.escalation.escalate, false, JSON.stringify(calm.items[0]!.escalation));
		});
	});
}
