/**
 * Workflow JSON helpers: load a file, sanitise it for the public API (which rejects read-only and
 * unknown fields), find its webhooks and the Data tables it uses, and build the small fixture
 * workflows the suites use: Webhook → [nodes] → Respond to Webhook.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

import type { DataTableColumn } from './api';
import { REPO_ROOT } from './paths';

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id?: string; name: string }>;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	[key: string]: unknown;
}

export interface Connection {
	node: string;
	type: string;
	index: number;
}

export interface WorkflowJson {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, Record<string, Array<Connection[] | null>>>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** Reads a workflow JSON file (path relative to the repository root, or absolute). */
export function loadWorkflow(path: string): WorkflowJson {
	const file = isAbsolute(path) ? path : join(REPO_ROOT, path);
	return JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
}

/** Reads test/e2e/fixtures/<name>.json. */
export function loadFixture(name: string): WorkflowJson {
	return loadWorkflow(join('test', 'e2e', 'fixtures', name.endsWith('.json') ? name : `${name}.json`));
}

// The public API's schemas (n8n 2.41.1 openapi.yml: workflow, node, workflowSettings) have
// additionalProperties: false; read-only fields (id, active, versionId, tags, meta…) are refused.
const NODE_KEYS = new Set([
	'id',
	'name',
	'webhookId',
	'disabled',
	'notesInFlow',
	'notes',
	'type',
	'typeVersion',
	'executeOnce',
	'alwaysOutputData',
	'retryOnFail',
	'maxTries',
	'waitBetweenTries',
	'continueOnFail',
	'onError',
	'position',
	'parameters',
	'credentials',
]);
const SETTINGS_KEYS = new Set([
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'executionOrder',
	'callerPolicy',
	'callerIds',
]);

const WEBHOOK_TYPES = new Set(['n8n-nodes-base.webhook', 'n8n-nodes-base.formTrigger']);

/**
 * A copy of the workflow the public API's POST /workflows accepts: name, nodes (known keys only,
 * every node with an id, every webhook node with a webhookId), connections, settings (known keys,
 * executionOrder v1 by default). Pinned data, tags, ids, meta are dropped.
 */
export function prepareForImport(workflow: WorkflowJson): WorkflowJson {
	const nodes = workflow.nodes.map((node) => {
		const copy = Object.fromEntries(Object.entries(node).filter(([k]) => NODE_KEYS.has(k))) as WorkflowNode;
		copy.id ??= randomUUID();
		if (WEBHOOK_TYPES.has(node.type) && !copy.webhookId) copy.webhookId = randomUUID();
		return copy;
	});
	const settings = Object.fromEntries(
		Object.entries(workflow.settings ?? {}).filter(([k]) => SETTINGS_KEYS.has(k)),
	) as Record<string, unknown>;
	settings.executionOrder ??= 'v1';
	return { name: workflow.name, nodes, connections: workflow.connections ?? {}, settings };
}

export interface WebhookInfo {
	node: string;
	path: string;
	method: string;
}

/** The Webhook trigger nodes of a workflow (production URL: /webhook/<path>). */
export function webhooksOf(workflow: WorkflowJson): WebhookInfo[] {
	return workflow.nodes
		.filter((n) => n.type === 'n8n-nodes-base.webhook' && !n.disabled)
		.map((n) => ({
			node: n.name,
			path: String(n.parameters.path ?? ''),
			method: String(n.parameters.httpMethod ?? 'GET'),
		}));
}

const DATA_TABLE_TYPE = 'n8n-nodes-base.dataTable';

function locatorName(value: unknown): string | undefined {
	if (value && typeof value === 'object') {
		const rl = value as { mode?: string; value?: unknown; cachedResultName?: unknown };
		if (rl.mode === 'name' && typeof rl.value === 'string') return rl.value;
		if (typeof rl.cachedResultName === 'string') return rl.cachedResultName;
	}
	return undefined;
}

function columnType(t: unknown): DataTableColumn['type'] {
	if (t === 'number' || t === 'boolean') return t;
	if (t === 'dateTime' || t === 'date') return 'date';
	return 'string';
}

/**
 * The Data tables a workflow's Data table nodes refer to by name, with the columns their
 * insert/upsert/update mappings write (the resource mapper's schema, else its value keys, typed
 * as string). Tables referred to only for reading get the columns other nodes of the same
 * workflow write, or none.
 */
export function dataTablesOf(workflow: WorkflowJson): Array<{ name: string; columns: DataTableColumn[] }> {
	const tables = new Map<string, Map<string, DataTableColumn>>();
	for (const node of workflow.nodes) {
		if (node.type !== DATA_TABLE_TYPE) continue;
		const name = locatorName(node.parameters.dataTableId);
		if (!name) continue;
		const columns = tables.get(name) ?? new Map<string, DataTableColumn>();
		tables.set(name, columns);
		const mapper = node.parameters.columns as
			| { schema?: Array<{ id: string; type?: string; removed?: boolean }>; value?: Record<string, unknown> }
			| undefined;
		if (!mapper || typeof mapper !== 'object') continue;
		const system = new Set(['id', 'createdAt', 'updatedAt']);
		for (const field of mapper.schema ?? []) {
			if (field.removed || system.has(field.id)) continue;
			columns.set(field.id, { name: field.id, type: columnType(field.type) });
		}
		for (const key of Object.keys(mapper.value ?? {})) {
			if (!columns.has(key) && !system.has(key)) columns.set(key, { name: key, type: 'string' });
		}
	}
	return [...tables].map(([name, cols]) => ({ name, columns: [...cols.values()] }));
}

// ----- fixture builders ---------------------------------------------------------------------------

export function webhookNode(path: string, name = 'Webhook'): WorkflowNode {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} },
	};
}

/** Respond to Webhook: every incoming item's JSON as an array (default) or the first item's JSON. */
export function respondNode(
	respondWith: 'allIncomingItems' | 'firstIncomingItem' = 'allIncomingItems',
	name = 'Respond to Webhook',
): WorkflowNode {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.respondToWebhook',
		typeVersion: 1.5,
		position: [0, 0],
		parameters: { respondWith, options: {} },
	};
}

/** Set (Edit Fields) v3.4, manual mapping; values may be n8n expressions ('={{ ... }}'). */
export function setNode(
	name: string,
	fields: Record<string, string | number | boolean | object>,
	includeOtherFields = false,
): WorkflowNode {
	const typeOf = (v: unknown) =>
		typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : 'string';
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [0, 0],
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: Object.entries(fields).map(([field, value]) => ({
					id: randomUUID(),
					name: field,
					value: typeof value === 'object' ? JSON.stringify(value) : value,
					type: typeOf(value),
				})),
			},
			includeOtherFields,
			options: {},
		},
	};
}

/** Split Out: one item per element of an array field (e.g. 'body.items' of a webhook call). */
export function splitOutNode(field: string, name = 'Split Out'): WorkflowNode {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [0, 0],
		parameters: { fieldToSplitOut: field, include: 'noOtherFields', options: {} },
	};
}

/** One of this package's nodes, by full type (`nodeType('classifyInquiry')`). */
export function packageNode(
	name: string,
	type: string,
	parameters: Record<string, unknown> = {},
	extra: Partial<WorkflowNode> = {},
): WorkflowNode {
	return { id: randomUUID(), name, type, typeVersion: 1, position: [0, 0], parameters, ...extra };
}

/**
 * A linear workflow: Webhook(path) → ...middle → Respond to Webhook, each node feeding output 0
 * into the next. With `lastNodeOutputs: n`, every output of the last middle node (e.g. per-category
 * outputs plus fallback) is wired to the same Respond node. n8n answers a webhook once: the Respond
 * node runs once per output that carries items and only the first run answers, so one call's items
 * must all take the same output (send one item per call). To see WHICH output an item took, give
 * each output its own Respond node with a response header, as test/e2e/fixtures/route-to-manager.json does.
 */
export function webhookChain(
	name: string,
	path: string,
	middle: WorkflowNode[],
	options: { respondWith?: 'allIncomingItems' | 'firstIncomingItem'; lastNodeOutputs?: number } = {},
): WorkflowJson {
	const nodes = [webhookNode(path), ...middle, respondNode(options.respondWith)];
	nodes.forEach((n, i) => (n.position = [i * 240, 0]));
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		const from = nodes[i]!;
		const to = nodes[i + 1]!;
		const outputs = i === nodes.length - 2 ? (options.lastNodeOutputs ?? 1) : 1;
		connections[from.name] = {
			main: Array.from({ length: outputs }, () => [{ node: to.name, type: 'main', index: 0 }]),
		};
	}
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}
