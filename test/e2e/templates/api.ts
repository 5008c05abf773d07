// Template-specific helpers for the e2e suites: Data tables, workflow import/activation and
// webhook calls through n8n's public API over loopback only. Every loop here is bounded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface N8nTarget {
	/** e.g. http://127.0.0.1:5678 (loopback only) */
	baseUrl: string;
	/** public API key (X-N8N-API-KEY) */
	apiKey: string;
}

export type ColumnType = 'string' | 'number' | 'boolean' | 'date' | 'json';
export interface TableSpec {
	name: string;
	columns: Array<{ name: string; type: ColumnType }>;
}
export type Row = Record<string, unknown> & { id: number };

export const ROOT = join(__dirname, '..', '..', '..');
export const TEMPLATE_FILES = [
	'inbound-inquiry-router.json',
	'support-chat-escalation.json',
	'nightly-abc-resegmentation.json',
	'unanswered-lead-watchdog.json',
	'evaluate-classifier.json',
] as const;

export interface TemplateJson {
	id?: string;
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		typeVersion: number;
		parameters: Record<string, unknown>;
		webhookId?: string;
		credentials?: unknown;
		position: [number, number];
	}>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	meta?: Record<string, unknown>;
	pinData?: unknown;
	tags?: unknown;
}

export function readTemplate(file: string): TemplateJson {
	return JSON.parse(readFileSync(join(ROOT, 'workflows', file), 'utf8')) as TemplateJson;
}

function assertLoopback(baseUrl: string) {
	const host = new URL(baseUrl).hostname;
	if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
		throw new Error(`e2e helpers talk to loopback only, not ${host}`);
	}
}

export async function api<T = unknown>(
	t: N8nTarget,
	method: string,
	path: string,
	body?: unknown,
	okStatuses: number[] = [200, 201, 204],
): Promise<T> {
	assertLoopback(t.baseUrl);
	const res = await fetch(`${t.baseUrl}/api/v1${path}`, {
		method,
		headers: { 'X-N8N-API-KEY': t.apiKey, 'content-type': 'application/json', accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!okStatuses.includes(res.status)) {
		throw new Error(`${method} /api/v1${path} -> ${res.status}: ${text.slice(0, 500)}`);
	}
	return (text ? JSON.parse(text) : undefined) as T;
}

/** Create the table, or (when a table of that name exists) empty it and make sure columns exist. */
export async function ensureTable(t: N8nTarget, spec: TableSpec): Promise<string> {
	const filter = encodeURIComponent(JSON.stringify({ name: spec.name }));
	const list = await api<{ data: Array<{ id: string; name: string }> }>(t, 'GET', `/data-tables?filter=${filter}`);
	const found = list.data.find((d) => d.name === spec.name);
	if (found) {
		await api(t, 'DELETE', `/data-tables/${found.id}`);
	}
	const created = await api<{ id: string }>(t, 'POST', '/data-tables', spec);
	return created.id;
}

export async function tableId(t: N8nTarget, name: string): Promise<string> {
	const filter = encodeURIComponent(JSON.stringify({ name }));
	const list = await api<{ data: Array<{ id: string; name: string }> }>(t, 'GET', `/data-tables?filter=${filter}`);
	const found = list.data.find((d) => d.name === name);
	if (!found) throw new Error(`no data table named ${name}`);
	return found.id;
}

export async function insertRows(t: N8nTarget, name: string, rows: Array<Record<string, unknown>>) {
	const id = await tableId(t, name);
	await api(t, 'POST', `/data-tables/${id}/rows`, { data: rows, returnType: 'count' });
}

/** All rows of a table (bounded: at most 100 pages of 250). */
export async function allRows(t: N8nTarget, name: string): Promise<Row[]> {
	const id = await tableId(t, name);
	const rows: Row[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < 100; page++) {
		const q = `limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
		const res = await api<{ data: Row[]; nextCursor?: string | null }>(t, 'GET', `/data-tables/${id}/rows?${q}`);
		rows.push(...res.data);
		if (!res.nextCursor) return rows;
		cursor = res.nextCursor;
	}
	throw new Error(`table ${name} has more rows than this helper reads`);
}

/** Import a template through the public API (only the fields the API accepts) and return its id. */
export async function importWorkflow(t: N8nTarget, wf: TemplateJson, nameSuffix = ''): Promise<string> {
	const body = {
		name: wf.name + nameSuffix,
		nodes: wf.nodes,
		connections: wf.connections,
		settings: wf.settings ?? { executionOrder: 'v1' },
	};
	const created = await api<{ id: string }>(t, 'POST', '/workflows', body);
	return created.id;
}

export async function activate(t: N8nTarget, id: string) {
	await api(t, 'POST', `/workflows/${id}/activate`);
}

export async function deactivate(t: N8nTarget, id: string) {
	await api(t, 'POST', `/workflows/${id}/deactivate`);
}

export interface HttpResult {
	status: number;
	body: unknown;
	text: string;
}

/**
 * POST to a production webhook (or form/chat URL); while the webhook is still registering after
 * activation n8n answers 404: retry for at most `registerMs`.
 */
export async function callWebhook(
	baseUrl: string,
	path: string,
	body: unknown,
	opts: { registerMs?: number; form?: boolean; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
	assertLoopback(baseUrl);
	const deadline = Date.now() + (opts.registerMs ?? 10_000);
	for (let attempt = 0; attempt < 100; attempt++) {
		let init: RequestInit;
		if (opts.form) {
			const fd = new FormData();
			for (const [k, v] of Object.entries(body as Record<string, string>)) fd.append(k, v);
			init = { method: 'POST', body: fd, headers: opts.headers };
		} else {
			init = {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...(opts.headers ?? {}) },
				body: JSON.stringify(body),
			};
		}
		const res = await fetch(`${baseUrl}${path}`, init);
		const text = await res.text();
		if (res.status === 404 && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 250));
			continue;
		}
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON (an HTML form page, for instance)
		}
		return { status: res.status, body: parsed, text };
	}
	throw new Error(`webhook ${path} never registered`);
}

/** Wait (bounded) until `check` returns a truthy value. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
	const deadline = Date.now() + ms;
	let last: unknown;
	for (let i = 0; i < 400; i++) {
		try {
			const v = await check();
			if (v) return v;
		} catch (e) {
			last = e;
		}
		if (Date.now() > deadline) break;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`condition not met within ${ms} ms${last ? `: ${String(last)}` : ''}`);
}

export async function clearRows(t: N8nTarget, name: string) {
	const id = await tableId(t, name);
	await api(t, 'DELETE', `/data-tables/${id}/rows/clear`);
}

/** PATCH rows matching every `eq` condition of `where` with `data`. */
export async function updateRows(t: N8nTarget, name: string, where: Record<string, unknown>, data: Record<string, unknown>) {
	const id = await tableId(t, name);
	await api(t, 'PATCH', `/data-tables/${id}/rows/update`, {
		filter: {
			type: 'and',
			filters: Object.entries(where).map(([columnName, value]) => ({ columnName, condition: 'eq', value })),
		},
		data,
		returnData: false,
	});
}

/** The production chat URL of a Chat trigger (public, mode webhook): POST {action, sessionId, chatInput}. */
export function chatPath(webhookId: string) {
	return `/webhook/${webhookId}/chat`;
}

/** n8n Form trigger (v2.1) submission body: fields are posted as field-0 … field-N in form order. */
export function formBody(values: string[]): Record<string, string> {
	return Object.fromEntries(values.map((v, i) => [`field-${i}`, v]));
}
