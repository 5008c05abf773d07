/**
 * A small client for a running n8n: the internal REST API (/rest, session cookie) for owner setup,
 * login, API keys and the installed type lists; the public API (/api/v1, X-N8N-API-KEY) for
 * workflows, executions and Data tables; and production webhooks (/webhook/<path>) with retry while
 * a freshly activated workflow's webhook is still registering.
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';

import { prepareForImport, type WorkflowJson } from './workflows';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/**
 * An owner for a throwaway instance, with a fresh random password (n8n's rule: 8+ characters, a
 * digit and an upper-case letter). Read it back from ctx.owner (the browser suite signs in with it).
 */
export function newOwner(email = 'owner@inquiry-router.test'): Owner {
	return { email, password: `Ir1-${randomBytes(12).toString('base64url')}`, firstName: 'Inquiry', lastName: 'Router' };
}

export interface HttpResult<T = unknown> {
	status: number;
	headers: Headers;
	/** Parsed JSON when the body is JSON, else undefined. */
	body: T;
	text: string;
}

export class HttpError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly text: string,
	) {
		super(message);
		this.name = 'HttpError';
	}
}

export interface WebhookOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
	/** Keep retrying a 404 (webhook not registered yet) for this long (default 15 s). */
	retry404Ms?: number;
	/** Per-request timeout (default 60 s). */
	timeoutMs?: number;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	/** 'webhook' (production, default) or 'webhook-test'. */
	prefix?: 'webhook' | 'webhook-test';
}

export interface DataTableColumn {
	name: string;
	type: 'string' | 'number' | 'boolean' | 'date';
}

export interface DataTable {
	id: string;
	name: string;
	columns: Array<DataTableColumn & { id?: string; index?: number }>;
	[key: string]: unknown;
}

export interface WorkflowRecord {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<Record<string, unknown>>;
	[key: string]: unknown;
}

export interface ExecutionRecord {
	id: string | number;
	status: string;
	finished: boolean;
	workflowId: string;
	data?: unknown;
	[key: string]: unknown;
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	icon?: unknown;
	iconUrl?: unknown;
	[key: string]: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parse(text: string): unknown {
	if (!text) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

export class N8nApi {
	cookie = '';
	apiKey = '';

	constructor(readonly baseUrl: string) {}

	/** One HTTP call; never throws on status (see `expectOk`). */
	async request<T = unknown>(
		method: string,
		path: string,
		options: {
			body?: unknown;
			auth?: 'cookie' | 'apiKey' | 'none';
			headers?: Record<string, string>;
			timeoutMs?: number;
		} = {},
	): Promise<HttpResult<T>> {
		const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
		const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
		if (payload) {
			headers['content-type'] = 'application/json';
			headers['content-length'] = String(payload.length);
		}
		if (options.auth === 'cookie' && this.cookie) headers.cookie = this.cookie;
		if (options.auth === 'apiKey' && this.apiKey) headers['x-n8n-api-key'] = this.apiKey;
		// node:http with a fresh connection per call (agent: false): fetch's pooled keep-alive sockets
		// race n8n's server-side keep-alive timeout and fail now and then with "fetch failed".
		const timeoutMs = options.timeoutMs ?? 60_000;
		const url = new URL(`${this.baseUrl}${path}`);
		return await new Promise<HttpResult<T>>((resolve, reject) => {
			const req = httpRequest(url, { method, headers, agent: false }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('error', reject);
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					const h = new Headers();
					for (const [k, v] of Object.entries(res.headers)) {
						for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) h.append(k, one);
					}
					resolve({ status: res.statusCode ?? 0, headers: h, body: parse(text) as T, text });
				});
			});
			req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
			req.on('error', reject);
			req.end(payload);
		});
	}

	private static expectOk<T>(r: HttpResult<T>, what: string): HttpResult<T> {
		if (r.status < 200 || r.status >= 300) {
			throw new HttpError(`${what} failed: HTTP ${r.status} ${r.text.slice(0, 2000)}`, r.status, r.text);
		}
		return r;
	}

	/** Internal REST API with the owner's session cookie; returns `data` of n8n's `{data}` envelope. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const r = N8nApi.expectOk(
			await this.request<{ data: T }>(method, `/rest${path}`, { body, auth: 'cookie' }),
			`${method} /rest${path}`,
		);
		return (r.body as { data: T } | undefined)?.data as T;
	}

	/** Public API v1 with the API key. */
	async public<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const r = N8nApi.expectOk(
			await this.request<T>(method, `/api/v1${path}`, { body, auth: 'apiKey' }),
			`${method} /api/v1${path}`,
		);
		return r.body;
	}

	private takeCookie(r: HttpResult): void {
		const cookies = r.headers.getSetCookie?.() ?? [];
		const auth = cookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
	}

	/** POST /rest/owner/setup (first start only); keeps the session cookie. */
	async setupOwner(owner: Owner): Promise<void> {
		// REST routes can trail readiness by a moment on a cold start.
		let r: HttpResult | undefined;
		for (let i = 0; i < 20; i++) {
			r = await this.request('POST', '/rest/owner/setup', { body: owner });
			if (r.status !== 404 && r.status !== 503) break;
			await sleep(500);
		}
		N8nApi.expectOk(r!, 'POST /rest/owner/setup');
		this.takeCookie(r!);
		if (!this.cookie) throw new Error('owner setup returned no n8n-auth cookie');
	}

	/** POST /rest/login; keeps the session cookie. */
	async login(email: string, password: string): Promise<void> {
		const r = N8nApi.expectOk(
			await this.request('POST', '/rest/login', { body: { emailOrLdapLoginId: email, password } }),
			'POST /rest/login',
		);
		this.takeCookie(r);
	}

	/** Creates an API key with every scope the owner may grant (GET /rest/api-keys/scopes) and keeps it. */
	async createApiKey(label = 'e2e'): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', {
			label,
			scopes,
			expiresAt: null,
		});
		if (!created?.rawApiKey) throw new Error('POST /rest/api-keys returned no rawApiKey');
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	// ----- installed types (internal, cookie) --------------------------------------------------------

	/** GET /types/nodes.json: every node type description the instance loaded (built-in and community). */
	async nodeTypes(): Promise<NodeTypeDescription[]> {
		const r = N8nApi.expectOk(
			await this.request<NodeTypeDescription[]>('GET', '/types/nodes.json', { auth: 'cookie' }),
			'GET /types/nodes.json',
		);
		return r.body;
	}

	/** GET /types/credentials.json: every credential type the instance loaded. */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string; [k: string]: unknown }>> {
		const r = N8nApi.expectOk(
			await this.request<Array<{ name: string; displayName: string }>>('GET', '/types/credentials.json', {
				auth: 'cookie',
			}),
			'GET /types/credentials.json',
		);
		return r.body;
	}

	// ----- workflows (public API) --------------------------------------------------------------------

	async createWorkflow(workflow: WorkflowJson): Promise<WorkflowRecord> {
		return await this.public<WorkflowRecord>('POST', '/workflows', prepareForImport(workflow));
	}

	async activateWorkflow(id: string): Promise<WorkflowRecord> {
		return await this.public<WorkflowRecord>('POST', `/workflows/${id}/activate`);
	}

	async deactivateWorkflow(id: string): Promise<WorkflowRecord> {
		return await this.public<WorkflowRecord>('POST', `/workflows/${id}/deactivate`);
	}

	async deleteWorkflow(id: string): Promise<void> {
		await this.public('DELETE', `/workflows/${id}`);
	}

	async getWorkflow(id: string): Promise<WorkflowRecord> {
		return await this.public<WorkflowRecord>('GET', `/workflows/${id}`);
	}

	async listWorkflows(): Promise<WorkflowRecord[]> {
		const r = await this.public<{ data: WorkflowRecord[] }>('GET', '/workflows?limit=250');
		return r.data;
	}

	/**
	 * Creates the workflow (sanitised for the public API, webhook ids added) and, by default,
	 * activates it. Returns the stored workflow.
	 */
	async importWorkflow(workflow: WorkflowJson, options: { activate?: boolean } = {}): Promise<WorkflowRecord> {
		const created = await this.createWorkflow(workflow);
		if (options.activate ?? true) {
			try {
				await this.activateWorkflow(created.id);
			} catch (error) {
				throw new Error(
					`workflow "${workflow.name}" (${created.id}) was created but not activated: ${(error as Error).message}`,
				);
			}
			return { ...created, active: true };
		}
		return created;
	}

	// ----- executions (public API) -------------------------------------------------------------------

	async executions(
		options: { workflowId?: string; status?: string; includeData?: boolean; limit?: number } = {},
	): Promise<ExecutionRecord[]> {
		const q = new URLSearchParams();
		if (options.workflowId) q.set('workflowId', options.workflowId);
		if (options.status) q.set('status', options.status);
		if (options.includeData) q.set('includeData', 'true');
		q.set('limit', String(options.limit ?? 20));
		const r = await this.public<{ data: ExecutionRecord[] }>('GET', `/executions?${q}`);
		return r.data;
	}

	async execution(id: string | number, includeData = true): Promise<ExecutionRecord> {
		return await this.public<ExecutionRecord>('GET', `/executions/${id}?includeData=${includeData}`);
	}

	/** The most recent execution of a workflow (with data), e.g. to explain a failed webhook call. */
	async lastExecution(workflowId: string): Promise<ExecutionRecord | undefined> {
		const list = await this.executions({ workflowId, limit: 1 });
		return list[0] ? await this.execution(list[0].id) : undefined;
	}

	// ----- Data tables (public API) ------------------------------------------------------------------

	async listDataTables(): Promise<DataTable[]> {
		const all: DataTable[] = [];
		let cursor: string | undefined;
		for (let page = 0; page < 50; page++) {
			const q = new URLSearchParams({ limit: '100' });
			if (cursor) q.set('cursor', cursor);
			const r = await this.public<{ data: DataTable[]; nextCursor?: string | null }>('GET', `/data-tables?${q}`);
			all.push(...r.data);
			if (!r.nextCursor) break;
			cursor = r.nextCursor;
		}
		return all;
	}

	async findDataTable(name: string): Promise<DataTable | undefined> {
		return (await this.listDataTables()).find((t) => t.name === name);
	}

	async createDataTable(name: string, columns: DataTableColumn[]): Promise<DataTable> {
		return await this.public<DataTable>('POST', '/data-tables', { name, columns });
	}

	/** Creates the table unless one of that name exists; a missing column is added to an existing one. */
	async ensureDataTable(name: string, columns: DataTableColumn[]): Promise<DataTable> {
		const existing = await this.findDataTable(name);
		if (!existing) return await this.createDataTable(name, columns);
		const have = new Set(existing.columns.map((c) => c.name));
		for (const column of columns.filter((c) => !have.has(c.name))) {
			await this.public('POST', `/data-tables/${existing.id}/columns`, column);
		}
		return (await this.findDataTable(name)) ?? existing;
	}

	async deleteDataTable(id: string): Promise<void> {
		await this.public('DELETE', `/data-tables/${id}`);
	}

	/** Inserts rows into a Data table (by id or by name); returns the inserted rows. */
	async insertRows(idOrName: string, rows: Array<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
		const table = (await this.listDataTables()).find((t) => t.id === idOrName || t.name === idOrName);
		if (!table) throw new Error(`no Data table "${idOrName}"`);
		if (rows.length === 0) return [];
		return await this.public<Array<Record<string, unknown>>>('POST', `/data-tables/${table.id}/rows`, {
			data: rows,
			returnType: 'all',
		});
	}

	/** Rows of a Data table (by id or by name), all pages. */
	async dataTableRows(idOrName: string): Promise<Array<Record<string, unknown>>> {
		const table = (await this.listDataTables()).find((t) => t.id === idOrName || t.name === idOrName);
		if (!table) throw new Error(`no Data table "${idOrName}"`);
		const rows: Array<Record<string, unknown>> = [];
		let cursor: string | undefined;
		for (let page = 0; page < 100; page++) {
			const q = new URLSearchParams({ limit: '250' });
			if (cursor) q.set('cursor', cursor);
			const r = await this.public<{ data: Array<Record<string, unknown>>; nextCursor?: string | null }>(
				'GET',
				`/data-tables/${table.id}/rows?${q}`,
			);
			rows.push(...r.data);
			if (!r.nextCursor) break;
			cursor = r.nextCursor;
		}
		return rows;
	}

	// ----- webhooks ----------------------------------------------------------------------------------

	/**
	 * Calls a production webhook. A 404 right after activation means "not registered yet": retried
	 * for `retry404Ms`. Any other status is returned as is (assert on it).
	 */
	async webhook<T = unknown>(path: string, body?: unknown, options: WebhookOptions = {}): Promise<HttpResult<T>> {
		const method = options.method ?? 'POST';
		const q = options.query ? `?${new URLSearchParams(options.query)}` : '';
		const url = `/${options.prefix ?? 'webhook'}/${path.replace(/^\/+/, '')}${q}`;
		const deadline = Date.now() + (options.retry404Ms ?? 15_000);
		for (;;) {
			const r = await this.request<T>(method, url, {
				body: method === 'GET' || method === 'HEAD' ? undefined : body,
				headers: options.headers,
				timeoutMs: options.timeoutMs,
			});
			if (r.status !== 404 || Date.now() >= deadline) return r;
			await sleep(300);
		}
	}
}
