/**
 * The README's "Wire it yourself" pipeline, built node by node in a test and run in a real n8n:
 *
 *   Webhook → Classify Inquiry ─┬─────────────────────────────→ Dedupe Contact (Match 1.1, Candidates From =
 *                               ├→ Find known contact (Data table Get ─→   Second Input, Paired Rows)
 *                               │   on wired_contacts by e-mail,           → Score ABC Segment (scoring 1.1,
 *                               │   Always Output Data)                      Stored Segment Field contact.segment)
 *                               └→ Escalate to Human                      ─┬────────────────→ Route to Manager
 *                                                                          └→ Load managers ─→ (Roster = Second Input)
 *                                                                              (wired_managers)  → Respond to Webhook
 *
 * No Set node, no `$()` expression: the downstream nodes read what the upstream ones wrote at their
 * default paths (core/contract.ts). Asserts the decisions in the webhook's answers: a known client is a
 * duplicate that keeps its stored segment and goes to its owner; a new tender lead scores A and goes to the
 * senior manager although a junior has more room; spam is classified spam; a lead whose lookup finds nothing
 * is not dropped (the Get's Always Output Data gives Dedupe one empty row, which it skips).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';

import { respondNode, webhookNode, type E2EContext, type WorkflowJson, type WorkflowNode, type WorkflowRecord } from '../lib';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PATH = 'e2e/wired';
const CONTACTS = 'wired_contacts';
const MANAGERS = 'wired_managers';

const codes = (reasons: unknown): string[] =>
	Array.isArray(reasons) ? reasons.map((r: { code?: string }) => String(r?.code)) : [];

function node(name: string, type: string, typeVersion: number, position: [number, number], parameters: Record<string, unknown>, extra: Partial<WorkflowNode> = {}): WorkflowNode {
	return { id: randomUUID(), name, type, typeVersion, position, parameters, ...extra };
}

const table = (name: string) => ({ __rl: true, mode: 'name', value: name });
const to = (name: string, index = 0) => [{ node: name, type: 'main', index }];

/** The hand-wired pipeline, exactly as README.md "Wire it yourself" describes it. */
export function wiredWorkflow(nodeType: (name: string) => string): WorkflowJson {
	const webhook = { ...webhookNode(PATH), position: [0, 0] as [number, number] };
	const respond = { ...respondNode('allIncomingItems'), position: [1600, 0] as [number, number] };
	const nodes: WorkflowNode[] = [
		webhook,
		node('Classify Inquiry', nodeType('classifyInquiry'), 1, [240, 0], { textField: 'body.text' }),
		node(
			'Find known contact',
			'n8n-nodes-base.dataTable',
			1.1,
			[480, 200],
			{
				resource: 'row',
				operation: 'get',
				dataTableId: table(CONTACTS),
				matchType: 'anyCondition',
				filters: {
					conditions: [{ keyName: 'email', condition: 'eq', keyValue: "={{ ($json.body.email || '').trim().toLowerCase() || '(none)' }}" }],
				},
				limit: 5,
			},
			{ alwaysOutputData: true },
		),
		node('Dedupe Contact', nodeType('dedupeContact'), 1.1, [720, 0], {
			operation: 'match',
			candidateSource: 'paired',
			fieldMapping: { name: 'body.name,name', email: 'body.email,email', phone: 'body.phone,phone' },
		}),
		node('Score ABC Segment', nodeType('scoreAbcSegment'), 1.1, [960, 0], {
			mode: 'scoring',
			rules: {
				rule: [
					{ field: 'body.text', operator: 'regex', value: 'тендер|tender|закупк|44-фз|223-фз', points: 40 },
					{ field: 'inquiry.type', operator: 'equals', value: 'lead', points: 20 },
					{ field: 'inquiry.priority', operator: 'in', value: 'high, urgent', points: 15 },
					{ field: 'body.company', operator: 'exists', points: 10 },
				],
			},
			scoreA: 60,
			scoreB: 30,
			storedSegmentField: 'contact.segment',
		}),
		node(
			'Load managers',
			'n8n-nodes-base.dataTable',
			1.1,
			[1200, 200],
			{ resource: 'row', operation: 'get', dataTableId: table(MANAGERS), returnAll: true },
			{ executeOnce: true },
		),
		node('Route to Manager', nodeType('routeToManager'), 1, [1400, 0], { rosterSource: 'input' }),
		respond,
		node('Escalate to Human', nodeType('escalateToHuman'), 1.1, [480, -220], { inputMode: 'message', messageField: 'body.text' }),
	];
	const connections: WorkflowJson['connections'] = {
		[webhook.name]: { main: [to('Classify Inquiry')] },
		'Classify Inquiry': { main: [[...to('Dedupe Contact'), ...to('Find known contact'), ...to('Escalate to Human')]] },
		'Find known contact': { main: [to('Dedupe Contact', 1)] },
		// New, Duplicate and Review all go on
		'Dedupe Contact': { main: [to('Score ABC Segment'), to('Score ABC Segment'), to('Score ABC Segment')] },
		'Score ABC Segment': { main: [[...to('Route to Manager'), ...to('Load managers')]] },
		'Load managers': { main: [to('Route to Manager', 1)] },
		// Assigned and Unassigned
		'Route to Manager': { main: [to(respond.name), to(respond.name)] },
	};
	return { name: 'e2e wired by hand', nodes, connections, settings: { executionOrder: 'v1' } };
}

export function register(ctx: E2EContext): void {
	describe('25 wired by hand: Webhook → Classify → Dedupe (paired Data table lookup) → Segment → Route (Data table roster)', () => {
		let record: WorkflowRecord;

		before(async () => {
			await ctx.api.ensureDataTable(CONTACTS, [
				{ name: 'name', type: 'string' },
				{ name: 'email', type: 'string' },
				{ name: 'phone', type: 'string' },
				{ name: 'ownerId', type: 'string' },
				{ name: 'segment', type: 'string' },
			]);
			await ctx.api.ensureDataTable(MANAGERS, [
				{ name: 'managerId', type: 'string' },
				{ name: 'name', type: 'string' },
				{ name: 'skills', type: 'string' },
				{ name: 'languages', type: 'string' },
				{ name: 'seniority', type: 'number' },
				{ name: 'capacity', type: 'number' },
				{ name: 'activeLeads', type: 'number' },
				{ name: 'active', type: 'boolean' },
				{ name: 'workingHours', type: 'string' },
			]);
			if ((await ctx.api.dataTableRows(CONTACTS)).length === 0) {
				await ctx.api.insertRows(CONTACTS, [
					{ name: 'Пётр Иванов', email: 'p.ivanov@stroymontazh.example', phone: '+79161234567', ownerId: 'm-olga', segment: 'B' },
					{ name: 'Мария Сидорова', email: 'm.sidorova@example.org', phone: '+79035550011', ownerId: 'm-anna', segment: 'C' },
				]);
			}
			if ((await ctx.api.dataTableRows(MANAGERS)).length === 0) {
				// Anna has the most room, so only the owner rule (Olga) and the senior-first rule (Boris) can beat her.
				await ctx.api.insertRows(MANAGERS, [
					{ managerId: 'm-anna', name: 'Anna', skills: 'lead, question', languages: 'ru, en', seniority: 1, capacity: 10, activeLeads: 0, active: true, workingHours: '' },
					{ managerId: 'm-boris', name: 'Boris', skills: 'lead', languages: 'ru, en', seniority: 3, capacity: 10, activeLeads: 6, active: true, workingHours: '' },
					{ managerId: 'm-olga', name: 'Olga', skills: 'lead', languages: 'ru', seniority: 2, capacity: 10, activeLeads: 7, active: true, workingHours: '' },
				]);
			}
			record = await ctx.deploy(wiredWorkflow((n) => ctx.nodeType(n)));
		});

		/** POSTs one inquiry; asserts 200 and one answer item; returns it. */
		async function send(body: Json): Promise<Json> {
			const r = await ctx.webhook<Json[]>(PATH, body);
			const why = async () => `HTTP ${r.status} ${r.text.slice(0, 2000)}\n${await ctx.explain(record.id)}`;
			assert.equal(r.status, 200, await why());
			assert.ok(Array.isArray(r.body) && r.body.length === 1, `one answer item per inquiry\n${await why()}`);
			return r.body[0]!;
		}

		/**
		 * The run data of the finished execution of the last call whose text starts with `marker` (the answer
		 * may leave before the execution is saved: polled, at most 20 s).
		 */
		async function runData(marker: string): Promise<Json> {
			for (let i = 0; i < 40; i++) {
				const exec = await ctx.api.lastExecution(record.id);
				const data = (exec?.data as Json | undefined)?.resultData?.runData as Json | undefined;
				const text = data?.['Webhook']?.[0]?.data?.main?.[0]?.[0]?.json?.body?.text;
				if (exec?.finished && String(text).startsWith(marker)) return data!;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			assert.fail(`no finished execution for "${marker}"\n${await ctx.explain(record.id)}`);
		}

		it('a known client (stored row with owner and segment B) is a duplicate, keeps segment B and goes to its owner', async () => {
			const out = await send({
				channel: 'email',
				name: 'Петр Иванов',
				email: 'P.Ivanov@stroymontazh.example',
				text: 'Добрый день, подскажите сроки поставки по нашему договору?',
			});
			const stored = (await ctx.api.dataTableRows(CONTACTS)).find((r) => r.email === 'p.ivanov@stroymontazh.example');
			assert.ok(stored, 'the seeded contact row exists');
			assert.equal(out.contact.decision, 'duplicate', JSON.stringify(out.contact));
			assert.equal(out.contact.matchId, String(stored.id), 'matched the stored row, by its id');
			assert.equal(out.contact.ownerId, 'm-olga');
			assert.equal(out.contact.segment, 'B');
			assert.equal(out.segment.segment, 'B', JSON.stringify(out.segment));
			assert.ok(codes(out.segment.reasons).includes('stored_segment'), JSON.stringify(out.segment.reasons));
			assert.equal(out.assignment.status, 'assigned', JSON.stringify(out.assignment));
			assert.equal(out.assignment.managerId, 'm-olga', JSON.stringify(out.assignment));
			assert.ok(codes(out.assignment.reasons).includes('owner'), JSON.stringify(out.assignment.reasons));
		});

		it('a new tender lead (nothing found in the contacts table) is not dropped: new contact, scored A, senior manager', async () => {
			const out = await send({
				channel: 'form',
				name: 'Алексей Волков',
				email: 'a.volkov@neftegaz-postavka.example',
				company: 'ООО «Нефтегаз Поставка»',
				text: 'Добрый день! Объявлен тендер по 44-ФЗ на поставку оборудования, просим КП до пятницы.',
			});
			assert.equal(out.inquiry.type, 'lead', JSON.stringify(out.inquiry));
			assert.equal(out.inquiry.priority, 'high');
			assert.equal(out.contact.decision, 'new', JSON.stringify(out.contact));
			assert.equal(out.contact.matchId ?? null, null);
			assert.equal(out.segment.segment, 'A', JSON.stringify(out.segment));
			assert.ok(out.segment.score >= 60, `scored, not stored: ${JSON.stringify(out.segment)}`);
			assert.equal(out.assignment.status, 'assigned', JSON.stringify(out.assignment));
			assert.equal(out.assignment.managerId, 'm-boris', JSON.stringify(out.assignment));
			assert.ok(codes(out.assignment.reasons).includes('seniority_first'), JSON.stringify(out.assignment.reasons));
			// the lookup found nothing: Always Output Data gave Dedupe's second input one empty row, which it skipped
			const lookup = (await runData('Добрый день! Объявлен тендер'))['Find known contact']?.[0]?.data?.main?.[0] as Json[] | undefined;
			assert.deepEqual(lookup?.map((i) => i.json), [{}], JSON.stringify(lookup));
		});

		it('spam is classified spam (and still answered: the hand-wired core has no spam branch)', async () => {
			const out = await send({
				channel: 'chat',
				text: 'Раскрутка сайтов! Заработок от 100000 руб в день без вложений, пишите в телеграм @easy_money_bot',
			});
			assert.equal(out.inquiry.type, 'spam', JSON.stringify(out.inquiry));
			assert.equal(out.inquiry.spam, true);
			assert.equal(out.contact.decision, 'new', 'no identity, kept as a new contact, not an error');
		});

		it('Escalate to Human runs on Classify\'s output: "позовите оператора" is escalated with human_request', async () => {
			const out = await send({ channel: 'chat', text: 'Позовите оператора, живого человека! Бот не понимает.' });
			assert.equal(out.inquiry.wantsHuman, true, JSON.stringify(out.inquiry));
			const run = (await runData('Позовите оператора'))['Escalate to Human']?.[0];
			assert.ok(run, `Escalate to Human ran in this call's execution\n${await ctx.explain(record.id)}`);
			const items: Json[] = (run.data.main as Json[][]).flatMap((o) => o ?? []);
			assert.equal(items.length, 1, JSON.stringify(run.data.main).slice(0, 1500));
			assert.equal(items[0]!.json.escalation.escalate, true, JSON.stringify(items[0]!.json.escalation));
			assert.ok(codes(items[0]!.json.escalation.reasons).includes('human_request'), JSON.stringify(items[0]!.json.escalation.reasons));
		});
	});
}
