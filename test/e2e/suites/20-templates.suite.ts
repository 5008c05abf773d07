/**
 * Issue 8: the five templates of workflows/ in real n8n 2.41.1 with the packed package installed.
 * Tables are created through the public API, every template is imported (four through the public
 * API, one through `n8n import:workflow`) and activated, then driven by real HTTP calls (scheduled
 * ones through their "Run now" webhook), and the assertions read what landed in the Data tables.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

import type { E2EContext } from '../lib';
import * as T from '../templates/api';
import { PATHS, WEBHOOK_IDS } from '../templates/ids';
import { MANAGERS, deployedTemplates } from '../templates/state';
import { TABLES } from '../templates/tables';

type Row = T.Row;
const PKG_PREFIX = 'n8n-nodes-inquiry-router.';

export function register(ctx: E2EContext): void {
	describe('20 workflow templates', () => {
		let t: T.N8nTarget;
		const rows = (table: string) => T.allRows(t, table);
		const inbound = (body: Record<string, unknown>) => T.callWebhook(t.baseUrl, `/webhook/${PATHS.inbound}`, body);
		const form = (values: { name: string; email?: string; phone?: string; company?: string; message: string }) =>
			T.callWebhook(
				t.baseUrl,
				`/form/${PATHS.form}`,
				T.formBody([values.name, values.email ?? '', values.phone ?? '', values.company ?? '', values.message]),
				{ form: true },
			);
		const chat = (sessionId: string, chatInput: string) =>
			T.callWebhook(t.baseUrl, T.chatPath(WEBHOOK_IDS.chat), { action: 'sendMessage', sessionId, chatInput });
		const why = async (file: string, res?: T.HttpResult) =>
			`${res ? `HTTP ${res.status}: ${res.text.slice(0, 400)}\n` : ''}${await ctx.explain(deployedTemplates.get(file)?.id ?? '?')}`;
		const contactsWith = (all: Row[], phoneKey: string) => all.filter((c) => c.phoneKey === phoneKey);

		before(
			async () => {
				t = { baseUrl: ctx.baseUrl, apiKey: ctx.apiKey };
				for (const spec of Object.values(TABLES)) await T.ensureTable(t, spec);
				await T.insertRows(t, 'inquiry_router_managers', MANAGERS);

				// Four templates through the public API ...
				for (const file of T.TEMPLATE_FILES.filter((f) => f !== 'evaluate-classifier.json')) {
					const wf = T.readTemplate(file);
					const record = await ctx.deploy(wf as never);
					deployedTemplates.set(file, { id: record.id, name: wf.name, via: 'public-api' });
				}
				// ... and one the way a self-hoster would: `n8n import:workflow --input=<file>` on the
				// instance's user folder, then published through the public API.
				const file = 'evaluate-classifier.json';
				const wf = T.readTemplate(file);
				const dir = mkdtempSync(join(tmpdir(), 'ir-import-'));
				try {
					const input = join(dir, file);
					writeFileSync(input, JSON.stringify({ ...wf, name: `${wf.name} (CLI import)` }));
					const r = spawnSync(ctx.env.node, [ctx.env.n8nMain, 'import:workflow', `--input=${input}`], {
						env: {
							...process.env,
							PATH: `${ctx.env.nodeBin}:${process.env.PATH ?? ''}`,
							N8N_USER_FOLDER: ctx.n8n.userFolder,
							N8N_DIAGNOSTICS_ENABLED: 'false',
							N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
							...ctx.instanceEnv,
							NODE_OPTIONS: '',
						},
						encoding: 'utf8',
						timeout: 120_000,
					});
					assert.equal(r.status, 0, `n8n import:workflow failed: ${r.stdout}\n${r.stderr}`);
				} finally {
					rmSync(dir, { recursive: true, force: true });
				}
				// The CLI wrote to the instance's SQLite file; the server may need a moment before it answers again.
				const imported = await T.eventually(() => ctx.api.getWorkflow(String(wf.id)), 30_000);
				assert.equal(imported.name, `${wf.name} (CLI import)`, 'the CLI-imported template is not the one the public API returns');
				await ctx.api.activateWorkflow(imported.id);
				deployedTemplates.set(file, { id: imported.id, name: imported.name, via: 'cli' });
			},
			{ timeout: 5 * 60_000 },
		);

		it('every template uses the installed node types, no credential ids, Data tables by name, and sticky notes', () => {
			for (const file of T.TEMPLATE_FILES) {
				const wf = T.readTemplate(file);
				const ours = wf.nodes.filter((n) => n.type.startsWith(PKG_PREFIX));
				assert.ok(ours.length > 0, `${file} uses none of this package's nodes`);
				assert.ok(
					wf.nodes.every((n) => !n.type.startsWith('CUSTOM.')),
					`${file}: CUSTOM.* types only exist for custom extensions, not for an installed package`,
				);
				assert.ok(wf.nodes.every((n) => n.credentials === undefined), `${file} carries credential ids`);
				for (const dt of wf.nodes.filter((n) => n.type === 'n8n-nodes-base.dataTable')) {
					const ref = dt.parameters.dataTableId as { mode: string; value: string };
					assert.equal(ref.mode, 'name', `${file} / ${dt.name}: Data table not referred to by name`);
					assert.ok(ref.value in TABLES, `${file} / ${dt.name}: table ${ref.value} is not documented`);
				}
				assert.ok(wf.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote'), `${file} has no sticky note`);
				assert.ok(deployedTemplates.has(file), `${file} was not deployed`);
			}
			assert.equal([...deployedTemplates.values()].filter((d) => d.via === 'cli').length, 1);
		});

		it('inbound router: the same person via the form and then the chat ends as one contact with two history entries', async () => {
			const f = await form({
				name: 'Ivan Petrov',
				email: 'Ivan.Petrov@example.test',
				phone: '+7 (916) 555-12-34',
				company: 'ООО Ромашка',
				message: 'Добрый день! Нужна цена на 20 станков ЧПУ с доставкой в Казань.',
			});
			assert.equal(f.status, 200, await why('inbound-inquiry-router.json', f));
			const c = await inbound({
				channel: 'chat',
				name: 'Иван',
				phone: '8 916 555 12 34',
				text: 'Это снова Иван, по поводу станков: когда будет предложение?',
			});
			assert.equal(c.status, 200, await why('inbound-inquiry-router.json', c));

			const contacts = contactsWith(await rows('inquiry_router_contacts'), '+79165551234');
			assert.equal(contacts.length, 1, `expected one contact, got ${JSON.stringify(contacts)}`);
			const contact = contacts[0];
			const history = (await rows('inquiry_router_contact_history')).filter((h) => h.contactId === contact.id);
			assert.deepEqual(history.map((h) => h.channel), ['form', 'chat']);
			assert.equal(contact.emailKey, 'ivan.petrov@example.test');
			assert.deepEqual(String(contact.channels).split(',').sort(), ['chat', 'form']);
			const leads = (await rows('inquiry_router_leads')).filter((l) => l.contactId === contact.id);
			assert.equal(leads.length, 2, 'both inquiries are stored as leads of that contact');
			for (const lead of leads) {
				const reasons = JSON.parse(String(lead.reasons)) as Record<string, unknown[]>;
				assert.ok(reasons.inquiry.length > 0, `lead ${lead.id} stored without the classifier's reasons`);
			}
		});

		it('inbound router: an anonymous chat message (text only, no contact data) is answered and stored, not lost', async () => {
			const before = (await rows('inquiry_router_leads')).length;
			const r = await inbound({ channel: 'chat', text: 'Сколько стоит доставка в Пермь? Ответьте, пожалуйста' });
			assert.equal(r.status, 200, await why('inbound-inquiry-router.json', r));
			const body = r.body as { leadId?: number; status?: string; reasons?: Record<string, unknown[]> };
			const after = await rows('inquiry_router_leads');
			assert.equal(after.length, before + 1, `expected one more stored lead, answer ${r.text}`);
			const reasons = JSON.stringify(body.reasons ?? after[after.length - 1].reasons);
			assert.match(reasons, /no_identity/, 'the lead should say it has no contact identity');
		});

		it('inbound router: a tender lead reaches the senior specialist, is stored with its reasons and notified', async () => {
			const r = await inbound({
				channel: 'email',
				name: 'Мария Соколова',
				email: 'tenders@stroymontazh.example.test',
				company: 'АО СтройМонтаж',
				text: 'Приглашаем принять участие в тендере по 44-ФЗ на поставку оборудования. Прошу направить коммерческое предложение до пятницы.',
			});
			assert.equal(r.status, 200, await why('inbound-inquiry-router.json', r));
			const body = r.body as { status: string; managerId: string; leadId: number; segment: string; reasons: Record<string, unknown[]> };
			assert.equal(body.status, 'assigned', r.text);
			assert.equal(body.managerId, 'm-boris', r.text);
			assert.equal(body.segment, 'A', r.text);
			const lead = (await rows('inquiry_router_leads')).find((l) => l.id === body.leadId);
			assert.ok(lead, 'the lead was not stored');
			assert.equal(lead.managerId, 'm-boris');
			assert.equal(lead.status, 'assigned');
			assert.ok(body.reasons.assignment.length > 0, 'assignment reasons missing');
			const notes = (await rows('inquiry_router_notifications')).filter((n) => n.leadId === body.leadId);
			assert.equal(notes.length, 1);
			assert.equal(notes[0].managerId, 'm-boris');
			const boris = (await rows('inquiry_router_managers')).find((m) => m.managerId === 'm-boris');
			assert.ok(boris && Number(boris.activeLeads) >= 1, 'manager load was not written back');
		});

		it('inbound router: nothing is lost when every manager is full (holding queue, no manager above capacity)', async () => {
			const before = await rows('inquiry_router_managers');
			for (const m of before) await T.updateRows(t, 'inquiry_router_managers', { managerId: m.managerId }, { activeLeads: m.capacity });
			try {
				const sent = ['Хочу заказать 5 ноутбуков для офиса', 'Please send a quote for 300 office chairs', 'Сколько стоит годовое обслуживание?'];
				const answers = [];
				for (const [i, text] of sent.entries()) {
					const r = await inbound({ channel: 'webhook', name: `Full ${i}`, email: `full${i}@example.test`, text, id: `full-${i}` });
					assert.equal(r.status, 200, await why('inbound-inquiry-router.json', r));
					answers.push(r.body as { status: string; leadId?: number; ticketId?: number });
				}
				const leads = await rows('inquiry_router_leads');
				const queue = await rows('inquiry_router_support_queue');
				for (const [i, a] of answers.entries()) {
					assert.ok(['holding', 'support'].includes(a.status), `request ${i} answered ${JSON.stringify(a)}`);
					if (a.status === 'holding') {
						const lead = leads.find((l) => l.id === a.leadId);
						assert.ok(lead, `request ${i}: holding lead not stored`);
						assert.equal(lead.status, 'holding');
						assert.equal(lead.managerId, '');
					} else {
						assert.ok(queue.some((q) => q.id === a.ticketId), `request ${i}: support ticket not stored`);
					}
				}
				assert.ok(answers.some((a) => a.status === 'holding'), 'no lead reached the holding queue');
				for (const m of await rows('inquiry_router_managers')) {
					assert.ok(Number(m.activeLeads) <= Number(m.capacity), `${m.managerId} above capacity: ${m.activeLeads}/${m.capacity}`);
				}
			} finally {
				for (const m of before) await T.updateRows(t, 'inquiry_router_managers', { managerId: m.managerId }, { activeLeads: m.activeLeads });
			}
		});

		it('inbound router: spam is dropped with a log and answered', async () => {
			const r = await inbound({
				channel: 'webhook',
				text: 'Раскрутка сайтов! Заработок от 100000 руб в день без вложений, пишите в телеграм @easy_money_bot',
			});
			assert.equal(r.status, 200, await why('inbound-inquiry-router.json', r));
			const body = r.body as { status: string; spamLogId: number };
			assert.equal(body.status, 'dropped', r.text);
			assert.ok((await rows('inquiry_router_spam_log')).some((s) => s.id === body.spamLogId));
		});

		it('inbound router: a chat message and a form submission from the same new person at the same moment end as one contact', async () => {
			// n8n's defaults here: production executions run in parallel (no N8N_CONCURRENCY_PRODUCTION_LIMIT).
			const [f, c] = await Promise.all([
				form({ name: 'Olga Smirnova', email: 'olga.smirnova@example.test', phone: '+7 903 777-00-11', message: 'Нужен расчёт стоимости внедрения CRM' }),
				inbound({ channel: 'chat', name: 'Ольга', phone: '89037770011', text: 'Здравствуйте, я только что отправила форму про CRM' }),
			]);
			assert.equal(f.status, 200, await why('inbound-inquiry-router.json', f));
			assert.equal(c.status, 200, await why('inbound-inquiry-router.json', c));
			const contacts = contactsWith(await rows('inquiry_router_contacts'), '+79037770011').filter((c) => !c.mergedInto);
			assert.equal(contacts.length, 1, `expected one live contact, got ${JSON.stringify(contacts)}`);
			const history = (await rows('inquiry_router_contact_history')).filter((h) => h.contactId === contacts[0].id);
			assert.deepEqual(history.map((h) => h.channel).sort(), ['chat', 'form']);
		});

		it('support chat: "ОПЕРАТОР ОПЕРАТОР ОПЕРАТОР" goes to handoff with a stored package and a notification', async () => {
			const session = `e2e-operator-${Date.now()}`;
			const r = await chat(session, 'ОПЕРАТОР ОПЕРАТОР ОПЕРАТОР');
			assert.equal(r.status, 200, await why('support-chat-escalation.json', r));
			const reply = r.body as { output: string; handoff: boolean };
			assert.equal(reply.handoff, true, r.text);
			assert.ok(reply.output.length > 0);
			const handoffs = (await rows('inquiry_router_handoffs')).filter((h) => h.sessionId === session);
			assert.equal(handoffs.length, 1);
			const pkg = JSON.parse(String(handoffs[0].package)) as { transcript: unknown[]; summary: string };
			assert.ok(pkg.transcript.length >= 1 && typeof pkg.summary === 'string', String(handoffs[0].package));
			assert.ok(JSON.parse(String(handoffs[0].reasons)).length > 0);
			const conv = (await rows('inquiry_router_conversations')).filter((c) => c.sessionId === session);
			assert.equal(conv.length, 1);
			assert.equal(conv[0].status, 'with_human');
			const notes = (await rows('inquiry_router_notifications')).filter((n) => n.kind === 'handoff' && n.leadId === handoffs[0].id);
			assert.equal(notes.length, 1);
		});

		it('support chat: the conversation is kept, so repeated messages are counted in one row', async () => {
			const session = `e2e-repeat-${Date.now()}`;
			const first = await chat(session, 'Подскажите, как поменять тариф?');
			assert.equal(first.status, 200, await why('support-chat-escalation.json', first));
			const second = await chat(session, 'Позовите, пожалуйста, живого человека');
			assert.equal(second.status, 200, await why('support-chat-escalation.json', second));
			const conv = (await rows('inquiry_router_conversations')).filter((c) => c.sessionId === session);
			assert.equal(conv.length, 1);
			assert.equal(conv[0].messages, 2);
			const transcript = JSON.parse(String(conv[0].transcript)) as Array<{ role: string; text: string }>;
			assert.deepEqual(
				transcript.filter((x) => x.role === 'customer').map((x) => x.text),
				['Подскажите, как поменять тариф?', 'Позовите, пожалуйста, живого человека'],
			);
			assert.ok(Number(conv[0].humanRequests) >= 1, `humanRequests ${conv[0].humanRequests}`);
		});

		it('nightly ABC: re-segments every client, writes segments back and logs who moved', async () => {
			await T.clearRows(t, 'inquiry_router_clients');
			await T.clearRows(t, 'inquiry_router_segment_moves');
			const revenues = [40, 40, 5, 5, 3, 2, 2, 1, 1, 1];
			await T.insertRows(
				t,
				'inquiry_router_clients',
				revenues.map((r, i) => ({
					clientId: `c${i + 1}`,
					name: `Client ${i + 1}`,
					revenue: r * 1000,
					monthlyRevenue: JSON.stringify([r * 250, r * 250, r * 250, r * 250]),
					segment: i === 0 ? 'C' : i === 9 ? 'A' : '',
				})),
			);
			const r = await T.callWebhook(t.baseUrl, `/webhook/${PATHS.resegment}`, {});
			assert.equal(r.status, 200, await why('nightly-abc-resegmentation.json', r));
			const summary = r.body as { clients: number; segments: Record<string, number>; movedCount: number };
			assert.equal(summary.clients, 10, r.text);
			const clients = await rows('inquiry_router_clients');
			const seg = Object.fromEntries(clients.map((c) => [c.clientId, c.segment]));
			// 80/95 cumulative share: c6 and c7 tie at 2 and take the higher segment (B); c10 was A, so with
			// hysteresis (margin 5) its B/C line moves to 100 % and it lands in B, not C.
			assert.deepEqual(seg, { c1: 'A', c2: 'A', c3: 'B', c4: 'B', c5: 'B', c6: 'B', c7: 'B', c8: 'C', c9: 'C', c10: 'B' });
			assert.ok(clients.every((c) => c.xyz === 'X'), 'flat monthly revenue is X');
			const moves = await rows('inquiry_router_segment_moves');
			assert.deepEqual(
				moves.map((m) => `${m.clientId}:${m.fromSegment}->${m.toSegment}`).sort(),
				['c10:A->B', 'c1:C->A'],
			);
			assert.equal(summary.movedCount, 2);
		});

		it('watchdog: re-offers a lead past its SLA, escalates when nobody is left, reports at-risk and lost', async () => {
			await T.clearRows(t, 'inquiry_router_leads');
			for (const m of MANAGERS) await T.updateRows(t, 'inquiry_router_managers', { managerId: m.managerId }, { activeLeads: 0 });
			const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
			const base = { channel: 'webhook', category: 'lead', priority: 'normal', segment: 'B', reasons: '{}', contactId: 0 };
			await T.insertRows(t, 'inquiry_router_leads', [
				{ ...base, requestId: 'late-1', text: 'late, Anna did not answer', managerId: 'm-anna', status: 'assigned', receivedAt: ago(120), slaDueAt: ago(60), attempts: 1, triedManagers: 'm-anna' },
				{ ...base, requestId: 'late-2', text: 'very late, both tried', managerId: 'm-boris', status: 'assigned', receivedAt: ago(3000), slaDueAt: ago(2900), attempts: 2, triedManagers: 'm-anna,m-boris' },
				{ ...base, requestId: 'fine-3', text: 'still within SLA', managerId: 'm-anna', status: 'assigned', receivedAt: ago(5), slaDueAt: new Date(Date.now() + 55 * 60_000).toISOString(), attempts: 1, triedManagers: 'm-anna' },
			]);
			const r = await T.callWebhook(t.baseUrl, `/webhook/${PATHS.watchdog}`, {});
			assert.equal(r.status, 200, await why('unanswered-lead-watchdog.json', r));
			const leads = Object.fromEntries((await rows('inquiry_router_leads')).map((l) => [l.requestId, l]));
			assert.equal(leads['late-1'].managerId, 'm-boris', JSON.stringify(leads['late-1']));
			assert.equal(leads['late-1'].attempts, 2);
			assert.equal(leads['late-1'].status, 'assigned');
			assert.ok(String(leads['late-1'].slaDueAt) > new Date().toISOString(), 'a re-offered lead gets a new SLA');
			assert.equal(leads['late-2'].status, 'escalated');
			assert.equal(leads['late-2'].escalatedTo, 'tl-olga');
			assert.equal(leads['fine-3'].managerId, 'm-anna');
			assert.equal(leads['fine-3'].attempts, 1);
			const report = r.body as { atRisk: number; lost: number; escalated: number };
			assert.equal(report.lost, 1, r.text);
			assert.equal(report.escalated, 1, r.text);
			const reports = await rows('inquiry_router_watchdog_reports');
			assert.ok(reports.length >= 1);
			const kinds = (await rows('inquiry_router_notifications')).map((n) => `${n.kind}:${n.managerId}`);
			assert.ok(kinds.includes('re_offer:m-boris'), kinds.join(', '));
			assert.ok(kinds.includes('escalation:tl-olga'), kinds.join(', '));
		});

		it('evaluate (imported with n8n import:workflow): per-category precision, recall and confusion land in the report table', async () => {
			await T.clearRows(t, 'inquiry_router_eval_reports');
			const cases = [
				{ text: 'Хотим купить 50 лицензий, пришлите счёт и коммерческое предложение', label: 'lead' },
				{ text: 'Please send me a quote for 200 units', label: 'lead' },
				{ text: 'Ужасный сервис, курьер опоздал на три дня, требую вернуть деньги', label: 'complaint' },
				{ text: 'This is the worst support ever, I want a refund now', label: 'complaint' },
				{ text: 'Не могу войти в личный кабинет, сбросьте пароль', label: 'service_request' },
				{ text: 'Какие у вас способы оплаты?', label: 'question' },
				{ text: 'Заработок от 100000 руб в день без вложений, пишите в телеграм', label: 'spam' },
				{ text: 'Спасибо, всё отлично!', label: 'other' },
			];
			await T.clearRows(t, 'inquiry_router_eval_cases');
			await T.insertRows(t, 'inquiry_router_eval_cases', cases);
			const r = await T.callWebhook(t.baseUrl, `/webhook/${PATHS.evaluate}`, {});
			assert.equal(r.status, 200, await why('evaluate-classifier.json', r));
			const report = await rows('inquiry_router_eval_reports');
			const overall = report.find((x) => x.category === '_overall');
			assert.ok(overall, JSON.stringify(report));
			assert.equal(overall.support, cases.length);
			const perCategory = report.filter((x) => x.category !== '_overall');
			for (const label of new Set(cases.map((c) => c.label))) {
				const row = perCategory.find((x) => x.category === label);
				assert.ok(row, `no report row for ${label}`);
				assert.equal(row.support, cases.filter((c) => c.label === label).length);
			}
			// The figures agree with the confusion table they were computed from.
			const confusion = JSON.parse(String(overall.confusion)) as Record<string, Record<string, number>>;
			let correct = 0;
			for (const row of perCategory) {
				const c = String(row.category);
				const tp = confusion[c]?.[c] ?? 0;
				const predicted = Object.values(confusion).reduce((s, r2) => s + (r2[c] ?? 0), 0);
				const support = Object.values(confusion[c] ?? {}).reduce((s, n) => s + n, 0);
				correct += tp;
				assert.equal(row.truePositives, tp);
				assert.equal(row.predicted, predicted);
				assert.ok(Math.abs(Number(row.precision) - (predicted ? tp / predicted : 0)) < 1e-4);
				assert.ok(Math.abs(Number(row.recall) - (support ? tp / support : 0)) < 1e-4);
			}
			assert.equal(overall.truePositives, correct);
			assert.ok(correct >= cases.length / 2, `the offline classifier got only ${correct}/${cases.length} obvious cases right`);
		});
	});
}
