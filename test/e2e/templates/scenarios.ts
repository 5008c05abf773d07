/**
 * The concurrency scenarios of issue 21, shared by the regular-mode suites (20, 40) and the queue-mode
 * and limit-1 suites (60): the same assertions in every mode, figures printed and returned, never asserted
 * as timings. Loopback only, bounded in count and time.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { cpus } from 'node:os';

import * as T from './api';
import { PATHS } from './ids';
import { MANAGERS } from './state';
import { TABLES } from './tables';

export interface RaceResult {
	pairs: number;
	/** people (of `pairs`) who ended as more than one live contact */
	duplicatePersons: number;
	/** people whose live contact does not hold both messages in its history */
	incompleteHistory: number;
	/** requests not answered 200 */
	failed: number;
	/** rows that were inserted at the same moment and then merged into the earlier row (information, not asserted) */
	mergedRows?: number;
}

/**
 * `pairs` new people, each arriving from the n8n form and from the chat webhook at the same moment, all
 * pairs at once. Each person ends as ONE live contact (rows with `mergedInto` set are merged tombstones)
 * whose history holds both messages.
 */
export async function raceNewPeople(t: T.N8nTarget, pairs: number, tag = `${Date.now()}`): Promise<RaceResult> {
	const people = Array.from({ length: pairs }, (_, i) => {
		const n = String(1000 + i).padStart(4, '0');
		return {
			name: `Race Person ${tag}-${i}`,
			email: `race.${tag}.${i}@example.test`,
			phone: `+7 903 55${n.slice(0, 1)}-${n.slice(1, 3)}-${n.slice(2, 4)}`,
			key: `+790355${n.slice(0, 1)}${n.slice(1, 3)}${n.slice(2, 4)}`,
		};
	});
	// unique phone per person
	assert.equal(new Set(people.map((p) => p.key)).size, pairs);
	const calls = people.flatMap((p) => [
		T.callWebhook(t.baseUrl, `/form/${PATHS.form}`, T.formBody([p.name, p.email, p.phone, '', 'Нужен расчёт стоимости внедрения CRM на 30 мест']), { form: true }),
		T.callWebhook(t.baseUrl, `/webhook/${PATHS.inbound}`, { channel: 'chat', name: p.name.split(' ')[0], phone: p.key, text: 'Здравствуйте, я только что отправил форму про CRM' }),
	]);
	const answers = await Promise.all(calls);
	const failed = answers.filter((a) => a.status !== 200).length;
	const contacts = await T.allRows(t, 'inquiry_router_contacts');
	const history = await T.allRows(t, 'inquiry_router_contact_history');
	let duplicatePersons = 0;
	let incompleteHistory = 0;
	for (const p of people) {
		const live = contacts.filter((c) => c.phoneKey === p.key && !c.mergedInto);
		if (live.length !== 1) {
			duplicatePersons++;
			continue;
		}
		const entries = history.filter((h) => h.contactId === live[0]!.id);
		if (entries.length !== 2 || new Set(entries.map((e) => e.channel)).size !== 2) incompleteHistory++;
	}
	const keys = new Set(people.map((p) => p.key));
	const mergedRows = contacts.filter((c) => keys.has(String(c.phoneKey)) && c.mergedInto).length;
	return { pairs, duplicatePersons, incompleteHistory, failed, mergedRows };
}

interface Sample {
	id: string;
	status: number;
	ms: number;
	body: unknown;
	error?: string;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * One JSON POST over node:http with an explicit overall timeout (fetch's client gives up after 300 s
 * without response headers, which under 200 parallel executions measures the client, not n8n).
 */
function post(url: string, payload: string, timeoutMs: number): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end(payload);
	});
}

/** `concurrency` callers, each sending its next request when the previous one is answered, for `seconds`. */
export async function drive(
	url: string,
	seconds: number,
	concurrency: number,
	body: (id: string, i: number) => unknown,
	requestTimeoutMs = 10 * 60_000,
): Promise<{ samples: Sample[]; wallMs: number }> {
	const host = new URL(url).hostname;
	assert.ok(host === '127.0.0.1' || host === 'localhost', 'load goes to loopback only');
	const samples: Sample[] = [];
	const start = Date.now();
	const end = start + seconds * 1000;
	let counter = 0;
	const worker = async (w: number) => {
		for (let n = 0; n < 100_000 && Date.now() < end; n++) {
			const i = counter++;
			const id = `load-${start}-${w}-${n}`;
			const t0 = performance.now();
			try {
				const { status, text } = await post(url, JSON.stringify(body(id, i)), requestTimeoutMs);
				let parsed: unknown = text;
				try {
					parsed = JSON.parse(text);
				} catch {
					// keep text
				}
				samples.push({ id, status, ms: performance.now() - t0, body: parsed });
			} catch (error) {
				samples.push({ id, status: 0, ms: performance.now() - t0, body: undefined, error: (error as Error).message });
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
	return { samples, wallMs: Date.now() - start };
}

export function figures(samples: Sample[], wallMs: number) {
	const ok = samples.filter((s) => s.status === 200);
	const ms = ok.map((s) => s.ms).sort((a, b) => a - b);
	return {
		requests: samples.length,
		answered200: ok.length,
		wallSeconds: Math.round(wallMs / 100) / 10,
		requestsPerSecond: Math.round((ok.length / (wallMs / 1000)) * 100) / 100,
		p50ms: Math.round(percentile(ms, 50)),
		p95ms: Math.round(percentile(ms, 95)),
	};
}

export interface LoadOutcome {
	machine: { cpus: number; cpuModel?: string; node: string };
	concurrency: number;
	router: ReturnType<typeof figures>;
	baseline: ReturnType<typeof figures>;
	ratio: { requestsPerSecond: number; p50: number; p95: number };
	/** answered but not stored, or stored more than once, or not answered with a decision */
	lost: number;
	storedTwice: number;
	failed: number;
	/** leads assigned to a manager beyond that manager's capacity (summed over managers) */
	aboveCapacity: number;
	/** managers whose stored load differs from the leads assigned to them */
	loadMismatches: string[];
	statuses: Record<string, number>;
}

const LOAD_TEXTS = [
	'Хотим купить оборудование для склада, пришлите коммерческое предложение',
	'Please send a quote for 40 laptops with delivery',
	'Нужна цена на годовое обслуживание кондиционеров в офисе',
	'Интересует поставка 500 кг кофе в месяц, какие условия?',
];

/**
 * Clears the router's tables, gives each manager `capacity`, then drives the inbound router with
 * `concurrency` callers for `seconds`, and the baseline webhook (Webhook → Set → Respond, path
 * `baselinePath`, deployed by the caller) for `baselineSeconds`. Reads what landed and returns the
 * outcome; the caller asserts.
 */
export async function loadRouter(
	t: T.N8nTarget,
	opts: { seconds: number; baselineSeconds: number; concurrency: number; capacity: number; baselinePath: string },
): Promise<LoadOutcome> {
	for (const table of ['inquiry_router_leads', 'inquiry_router_support_queue', 'inquiry_router_contacts', 'inquiry_router_contact_history', 'inquiry_router_notifications']) {
		await T.clearRows(t, table);
	}
	for (const m of MANAGERS) await T.updateRows(t, 'inquiry_router_managers', { managerId: m.managerId }, { activeLeads: 0, capacity: opts.capacity });
	const router = await drive(`${t.baseUrl}/webhook/${PATHS.inbound}`, opts.seconds, opts.concurrency, (id, i) => ({
		id,
		channel: 'webhook',
		name: `Load Tester ${i}`,
		email: `load.${id}@example.test`,
		text: LOAD_TEXTS[i % LOAD_TEXTS.length],
	}));
	const baseline = await drive(`${t.baseUrl}/webhook/${opts.baselinePath}`, opts.baselineSeconds, opts.concurrency, (id) => ({ id }));
	const r = figures(router.samples, router.wallMs);
	const b = figures(baseline.samples, baseline.wallMs);

	const statuses: Record<string, number> = {};
	const answered = new Set<string>();
	let failed = 0;
	for (const s of router.samples) {
		const status = String((s.body as { status?: string })?.status);
		if (s.status !== 200 || !['assigned', 'holding', 'support'].includes(status)) {
			failed++;
			continue;
		}
		statuses[status] = (statuses[status] ?? 0) + 1;
		answered.add(s.id);
	}
	const leads = await T.allRows(t, 'inquiry_router_leads');
	const queue = await T.allRows(t, 'inquiry_router_support_queue');
	const stored = new Map<string, number>();
	for (const row of [...leads, ...queue]) stored.set(String(row.requestId), (stored.get(String(row.requestId)) ?? 0) + 1);
	const lost = router.samples.filter((s) => !stored.has(s.id)).length;
	const storedTwice = [...stored.values()].filter((n) => n > 1).length;
	let aboveCapacity = 0;
	const loadMismatches: string[] = [];
	for (const m of await T.allRows(t, 'inquiry_router_managers')) {
		const assigned = leads.filter((l) => l.managerId === m.managerId && l.status === 'assigned').length;
		aboveCapacity += Math.max(0, assigned - Number(m.capacity));
		if (Number(m.activeLeads) !== assigned) loadMismatches.push(`${m.managerId}: load ${m.activeLeads}, ${assigned} leads assigned`);
	}
	return {
		machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
		concurrency: opts.concurrency,
		router: r,
		baseline: b,
		ratio: {
			requestsPerSecond: Math.round((r.requestsPerSecond / b.requestsPerSecond) * 1000) / 1000,
			p50: Math.round((r.p50ms / b.p50ms) * 100) / 100,
			p95: Math.round((r.p95ms / b.p95ms) * 100) / 100,
		},
		lost,
		storedTwice,
		failed,
		aboveCapacity,
		loadMismatches,
		statuses,
	};
}

/** The tables and seed managers of the inbound router, then the template itself. */
export async function deployInbound(
	t: T.N8nTarget,
	deploy: (wf: never) => Promise<{ id: string }>,
): Promise<string> {
	for (const spec of Object.values(TABLES)) await T.ensureTable(t, spec);
	if ((await T.allRows(t, 'inquiry_router_managers')).length === 0) await T.insertRows(t, 'inquiry_router_managers', MANAGERS);
	const wf = T.readTemplate('inbound-inquiry-router.json');
	const record = await deploy(wf as never);
	return record.id;
}

export interface ChatRaceResult {
	sessions: number;
	/** sessions that ended with other than exactly one conversation row */
	conversationRows: number;
	/** sessions whose stored customer messages are not both messages */
	lostMessages: number;
	/** sessions whose conversation row does not count 2 messages and 2 requests for a person */
	wrongCounts: number;
	/** sessions with other than exactly one handoff package */
	wrongHandoffs: number;
	failed: number;
}

/** `sessions` new chat sessions, each sending two requests for a person at the same moment. */
export async function raceChatSessions(t: T.N8nTarget, chatPath: string, sessions: number, tag = `${Date.now()}`): Promise<ChatRaceResult> {
	const ids = Array.from({ length: sessions }, (_, i) => `race-chat-${tag}-${i}`);
	const texts = ['Позовите оператора, пожалуйста', 'Соедините меня с живым человеком'];
	const answers = await Promise.all(
		ids.flatMap((sessionId) => texts.map((chatInput) => T.callWebhook(t.baseUrl, chatPath, { action: 'sendMessage', sessionId, chatInput }))),
	);
	const failed = answers.filter((a) => a.status !== 200).length;
	const conversations = await T.allRows(t, 'inquiry_router_conversations');
	const messages = await T.allRows(t, 'inquiry_router_chat_messages');
	const handoffs = await T.allRows(t, 'inquiry_router_handoffs');
	let conversationRows = 0;
	let lostMessages = 0;
	let wrongCounts = 0;
	let wrongHandoffs = 0;
	for (const sessionId of ids) {
		const rows = conversations.filter((c) => c.sessionId === sessionId);
		if (rows.length !== 1) conversationRows++;
		const customer = messages.filter((m) => m.sessionId === sessionId && m.role === 'customer').map((m) => String(m.text)).sort();
		if (JSON.stringify(customer) !== JSON.stringify([...texts].sort())) lostMessages++;
		if (rows.length >= 1 && (Number(rows[0]!.messages) !== 2 || Number(rows[0]!.humanRequests) !== 2 || rows[0]!.status !== 'with_human')) wrongCounts++;
		if (handoffs.filter((h) => h.sessionId === sessionId).length !== 1) wrongHandoffs++;
	}
	return { sessions, conversationRows, lostMessages, wrongCounts, wrongHandoffs, failed };
}

export interface WatchdogRaceResult {
	reoffered: number;
	aboveCapacity: number;
	loadMismatches: string[];
	failed: number;
}

/**
 * The watchdog re-offering overdue leads while the router assigns new ones: 20 leads are routed, made
 * overdue, then one watchdog run and 40 new router calls go at the same moment. Afterwards no manager is
 * above capacity and every manager's stored load equals the leads assigned to them.
 */
export async function raceWatchdogAndRouter(t: T.N8nTarget, capacity = 30): Promise<WatchdogRaceResult> {
	for (const table of ['inquiry_router_leads', 'inquiry_router_support_queue', 'inquiry_router_notifications']) await T.clearRows(t, table);
	for (const m of MANAGERS) await T.updateRows(t, 'inquiry_router_managers', { managerId: m.managerId }, { activeLeads: 0, capacity });
	const lead = (id: string, i: number) => ({ id, channel: 'webhook', name: `Watchdog Race ${id}`, email: `wd.${id}@example.test`, text: LOAD_TEXTS[i % 2 === 0 ? 0 : 1] });
	const first = await Promise.all(Array.from({ length: 20 }, (_, i) => T.callWebhook(t.baseUrl, `/webhook/${PATHS.inbound}`, lead(`wd-a-${i}`, i))));
	let failed = first.filter((a) => a.status !== 200).length;
	await T.updateRows(t, 'inquiry_router_leads', { status: 'assigned' }, { slaDueAt: '2000-01-01T00:00:00.000Z' });
	const overdue = (await T.allRows(t, 'inquiry_router_leads')).filter((l) => l.status === 'assigned').map((l) => [l.id, l.managerId] as const);
	const [wd, ...second] = await Promise.all([
		T.callWebhook(t.baseUrl, `/webhook/${PATHS.watchdog}`, {}),
		...Array.from({ length: 40 }, (_, i) => T.callWebhook(t.baseUrl, `/webhook/${PATHS.inbound}`, lead(`wd-b-${i}`, i))),
	]);
	failed += [wd!, ...second].filter((a) => a.status !== 200).length;
	const leads = await T.allRows(t, 'inquiry_router_leads');
	const reoffered = overdue.filter(([id, managerId]) => leads.find((l) => l.id === id)?.managerId !== managerId).length;
	let aboveCapacity = 0;
	const loadMismatches: string[] = [];
	for (const m of await T.allRows(t, 'inquiry_router_managers')) {
		const assigned = leads.filter((l) => l.managerId === m.managerId && l.status === 'assigned').length;
		aboveCapacity += Math.max(0, assigned - Number(m.capacity));
		if (Number(m.activeLeads) !== assigned) loadMismatches.push(`${m.managerId}: load ${m.activeLeads}, ${assigned} leads assigned`);
	}
	return { reoffered, aboveCapacity, loadMismatches, failed };
}

/** Imports and activates one more template (deploy adds missing tables and columns, never clears a table). */
export async function deployTemplate(_t: T.N8nTarget, deploy: (wf: never) => Promise<{ id: string }>, file: string): Promise<string> {
	const record = await deploy(T.readTemplate(file) as never);
	return record.id;
}

/** Service time with one caller: `n` sequential requests to the router and to the baseline; p50 of each. */
export async function singleCaller(t: T.N8nTarget, baselinePath: string, n = 50): Promise<{ n: number; routerP50ms: number; baselineP50ms: number; ratio: number }> {
	const time = async (path: string, body: (i: number) => unknown) => {
		const ms: number[] = [];
		for (let i = 0; i < n; i++) {
			const t0 = performance.now();
			const r = await post(`${t.baseUrl}${path}`, JSON.stringify(body(i)), 120_000);
			if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${r.text.slice(0, 200)}`);
			ms.push(performance.now() - t0);
		}
		return percentile(ms.sort((a, b) => a - b), 50);
	};
	const stamp = Date.now();
	const routerP50ms = await time(`/webhook/${PATHS.inbound}`, (i) => ({ id: `single-${stamp}-${i}`, channel: 'webhook', name: `Single Caller ${i}`, email: `single.${stamp}.${i}@example.test`, text: LOAD_TEXTS[i % LOAD_TEXTS.length] }));
	const baselineP50ms = await time(`/webhook/${baselinePath}`, (i) => ({ id: `single-${i}` }));
	return { n, routerP50ms: Math.round(routerP50ms), baselineP50ms: Math.round(baselineP50ms), ratio: Math.round((routerP50ms / baselineP50ms) * 100) / 100 };
}
