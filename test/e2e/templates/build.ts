// Generates workflows/*.json (the templates of issue 8) from code, so node wiring, positions and
// table names stay consistent. Run: node --import tsx test/e2e/templates/build.ts
// The committed JSON files are the product; this script is how they are maintained.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { TABLES } from './tables';

const OUT = join(__dirname, '..', '..', '..', 'workflows');
const PKG = 'n8n-nodes-inquiry-router';

type Params = Record<string, unknown>;
interface Node {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Params;
	webhookId?: string;
	alwaysOutputData?: boolean;
	executeOnce?: boolean;
	onError?: string;
	notesInFlow?: boolean;
	notes?: string;
}

class Flow {
	nodes: Node[] = [];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	private n = 0;
	constructor(
		readonly name: string,
		private readonly slug: string,
	) {}

	add(name: string, type: string, typeVersion: number, at: [number, number], parameters: Params, extra: Partial<Node> = {}) {
		this.n++;
		const id = `${this.slug}-${String(this.n).padStart(2, '0')}`;
		this.nodes.push({ id, name, type, typeVersion, position: at, parameters, ...extra });
		return name;
	}

	link(from: string, to: string, output = 0, input = 0) {
		const c = (this.connections[from] ??= { main: [] });
		while (c.main.length <= output) c.main.push([]);
		c.main[output].push({ node: to, type: 'main', index: input });
	}

	chain(...names: string[]) {
		for (let i = 0; i + 1 < names.length; i++) this.link(names[i], names[i + 1]);
	}

	sticky(text: string, at: [number, number], width = 420, height = 260, color = 4) {
		this.add(`Sticky Note${this.n ? ' ' + this.n : ''}`, 'n8n-nodes-base.stickyNote', 1, at, {
			content: text,
			height,
			width,
			color,
		});
	}

	json() {
		return {
			name: this.name,
			nodes: this.nodes,
			connections: this.connections,
			settings: { executionOrder: 'v1', saveManualExecutions: true },
			meta: { templateCredsSetupCompleted: true, templateId: `inquiry-router-${this.slug}` },
			pinData: {},
			tags: [],
		};
	}
}

// ---------- parameter helpers for built-in nodes ----------
const tableRef = (name: string) => ({ __rl: true, mode: 'name', value: name });

function setNode(fields: Array<[string, string, 'string' | 'number' | 'boolean' | 'object' | 'array']>, includeOthers = false) {
	return {
		mode: 'manual',
		assignments: {
			assignments: fields.map(([name, value, type], i) => ({ id: `a${i}-${name}`, name, value, type })),
		},
		includeOtherFields: includeOthers,
		options: {},
	};
}

function columns(tableName: string, values: Record<string, string>) {
	const spec = TABLES[tableName];
	if (!spec) throw new Error(`unknown table ${tableName}`);
	for (const k of Object.keys(values)) {
		if (!spec.columns.some((c) => c.name === k)) throw new Error(`${tableName} has no column ${k}`);
	}
	return {
		mappingMode: 'defineBelow',
		value: values,
		matchingColumns: [],
		schema: spec.columns
			.filter((c) => c.name in values)
			.map((c) => ({
				id: c.name,
				displayName: c.name,
				required: false,
				defaultMatch: false,
				display: true,
				type: c.type === 'json' ? 'object' : c.type === 'date' ? 'dateTime' : c.type,
				readOnly: false,
				removed: false,
			})),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

type Cond = [column: string, condition: string, value?: string];
function filters(conds: Cond[]) {
	return {
		conditions: conds.map(([keyName, condition, keyValue]) => ({
			keyName,
			condition,
			...(keyValue === undefined ? {} : { keyValue }),
		})),
	};
}

const DT = 'n8n-nodes-base.dataTable';
const DTV = 1.1;
function dtInsert(tableName: string, values: Record<string, string>): Params {
	return { resource: 'row', operation: 'insert', dataTableId: tableRef(tableName), columns: columns(tableName, values), options: {} };
}
function dtGet(tableName: string, conds: Cond[], opts: { all?: boolean; limit?: number; match?: 'anyCondition' | 'allConditions' } = {}): Params {
	return {
		resource: 'row',
		operation: 'get',
		dataTableId: tableRef(tableName),
		matchType: opts.match ?? 'anyCondition',
		filters: filters(conds),
		...(opts.all ? { returnAll: true } : { limit: opts.limit ?? 10 }),
	};
}
function dtUpdate(tableName: string, conds: Cond[], values: Record<string, string>): Params {
	return {
		resource: 'row',
		operation: 'update',
		dataTableId: tableRef(tableName),
		matchType: 'allConditions',
		filters: filters(conds),
		columns: columns(tableName, values),
		options: {},
	};
}

function ifNode(leftValue: string, operator: { type: string; operation: string; singleValue?: boolean }, rightValue: unknown = '') {
	return {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [{ id: 'c1', leftValue, rightValue, operator }],
			combinator: 'and',
		},
		looseTypeValidation: true,
		options: {},
	};
}
const isTrue = { type: 'boolean', operation: 'true', singleValue: true };

function respondJson(body: string): Params {
	return { respondWith: 'json', responseBody: body, options: {} };
}

function write(file: string, flow: Flow) {
	writeFileSync(join(OUT, file), JSON.stringify(flow.json(), null, '\t') + '\n');
}

export const WEBHOOK_IDS = {
	inbound: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e51',
	form: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e52',
	chat: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e53',
	resegment: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e54',
	watchdog: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e55',
	evaluate: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e56',
};
export const PATHS = {
	inbound: 'inquiry-router/inbound',
	form: 'inquiry-router-contact',
	resegment: 'inquiry-router/resegment',
	watchdog: 'inquiry-router/watchdog',
	evaluate: 'inquiry-router/evaluate',
};

// Shared expression fragments (n8n expressions, evaluated per item).
const NOW = '{{ $now.toUTC().toISO() }}';

// =====================================================================================
// 1. Inbound inquiry router
// =====================================================================================
function inbound() {
	const f = new Flow('Inquiry Router: inbound inquiry router', 'inbound');
	f.sticky(
		'## Inbound inquiry router\nEvery inquiry (website form, chat widget, e-mail parser) lands here, is classified, matched to a known contact, scored, routed to a manager with free capacity, stored with its reasons, and answered.\n\n**Set up**\n1. Create the Data tables listed in docs/templates.md (names start with `inquiry_router_`), fill `inquiry_router_managers`.\n2. Publish (activate) the workflow. POST JSON `{channel, name, email, phone, company, text}` to the production webhook URL; the form is at `/form/' +
			PATHS.form +
			'`.\n3. Parallel runs: set `N8N_CONCURRENCY_PRODUCTION_LIMIT=1` on the instance (see docs/templates.md) so two messages from one person never create two contacts and no manager goes above capacity.',
		[-560, -520],
		520,
		420,
		4,
	);
	f.sticky(
		'### Offline by default\nClassify Inquiry uses its offline rules. To switch the LLM on, open the node, choose the LLM engine and pick an **Inquiry Router OpenAI API** credential (any OpenAI-compatible base URL). Failures fall back to the offline engine and are flagged `degraded`.',
		[380, -420],
		380,
		220,
		5,
	);
	f.sticky(
		'### Notification\n`Notify manager` writes to the `inquiry_router_notifications` outbox table. Replace it (or add after it) an Email, Telegram or Slack node addressed to `{{ $json.managerEmail }}`.',
		[2860, -420],
		380,
		200,
		6,
	);

	const hook = f.add('Inquiry webhook', 'n8n-nodes-base.webhook', 2.1, [-560, 0], {
		httpMethod: 'POST',
		path: PATHS.inbound,
		responseMode: 'responseNode',
		options: {},
	}, { webhookId: WEBHOOK_IDS.inbound });
	const form = f.add('Contact form', 'n8n-nodes-base.formTrigger', 2.1, [-560, 220], {
		formTitle: 'Contact us',
		formDescription: 'Tell us what you need, we answer within one business hour.',
		formFields: {
			values: [
				{ fieldLabel: 'Name', requiredField: true },
				{ fieldLabel: 'Email', fieldType: 'email' },
				{ fieldLabel: 'Phone' },
				{ fieldLabel: 'Company' },
				{ fieldLabel: 'Message', fieldType: 'textarea', requiredField: true },
			],
		},
		responseMode: 'responseNode',
		path: PATHS.form,
		options: {},
	}, { webhookId: WEBHOOK_IDS.form });

	const fromHook = f.add('Webhook fields', 'n8n-nodes-base.set', 3.4, [-340, 0], setNode([
		['channel', "={{ $json.body.channel || 'webhook' }}", 'string'],
		['name', "={{ $json.body.name || '' }}", 'string'],
		['email', "={{ $json.body.email || '' }}", 'string'],
		['phone', "={{ $json.body.phone || '' }}", 'string'],
		['company', "={{ $json.body.company || '' }}", 'string'],
		['text', "={{ $json.body.text || $json.body.message || '' }}", 'string'],
		['externalId', "={{ $json.body.id || $json.body.externalId || '' }}", 'string'],
		['receivedAt', `=${NOW}`, 'string'],
	]));
	const fromForm = f.add('Form fields', 'n8n-nodes-base.set', 3.4, [-340, 220], setNode([
		['channel', 'form', 'string'],
		['name', "={{ $json.Name || '' }}", 'string'],
		['email', "={{ $json.Email || '' }}", 'string'],
		['phone', "={{ $json.Phone || '' }}", 'string'],
		['company', "={{ $json.Company || '' }}", 'string'],
		['text', "={{ $json.Message || '' }}", 'string'],
		['externalId', '', 'string'],
		['receivedAt', `=${NOW}`, 'string'],
	]));
	f.link(hook, fromHook);
	f.link(form, fromForm);

	const classify = f.add('Classify Inquiry', `${PKG}.classifyInquiry`, 1, [-100, 100], {});
	f.link(fromHook, classify);
	f.link(fromForm, classify);

	const spam = f.add('Spam?', 'n8n-nodes-base.if', 2.2, [120, 100], ifNode("={{ $json.inquiry?.spam === true || $json.inquiry?.type === 'spam' }}", isTrue));
	f.link(classify, spam);
	const logSpam = f.add('Log spam', DT, DTV, [340, -100], dtInsert('inquiry_router_spam_log', {
		receivedAt: '={{ $json.receivedAt }}',
		channel: '={{ $json.channel }}',
		text: '={{ $json.text.slice(0, 500) }}',
		reasons: '={{ JSON.stringify($json.inquiry?.reasons ?? []) }}',
	}));
	const respondSpam = f.add('Respond: dropped as spam', 'n8n-nodes-base.respondToWebhook', 1.4, [560, -100], respondJson(
		"={{ JSON.stringify({ status: 'dropped', reason: 'spam', spamLogId: $json.id, reasons: $('Classify Inquiry').first().json.inquiry?.reasons ?? [] }) }}",
	));
	f.link(spam, logSpam, 0);
	f.link(logSpam, respondSpam);

	const keys = f.add('Match keys', 'n8n-nodes-base.set', 3.4, [340, 200], setNode([
		['emailKey', "={{ ($json.email || ($json.inquiry?.extracted?.emails ?? [])[0] || '').trim().toLowerCase() }}", 'string'],
		['phoneKey', "={{ (($json.inquiry?.extracted?.phones ?? [])[0] || ($json.phone || '').replace(/\\D/g, '').replace(/^8(\\d{10})$/, '7$1').replace(/^(\\d)/, '+$1')) }}", 'string'],
	], true));
	f.link(spam, keys, 1);

	const find = f.add('Find known contact', DT, DTV, [560, 200], dtGet('inquiry_router_contacts', [
		['emailKey', 'eq', "={{ $json.emailKey || '(none)' }}"],
		['phoneKey', 'eq', "={{ $json.phoneKey || '(none)' }}"],
	], { limit: 5 }), { alwaysOutputData: true });
	f.link(keys, find);

	const dedupe = f.add('Dedupe Contact', `${PKG}.dedupeContact`, 1, [780, 200], {}, { executeOnce: true });
	f.link(find, dedupe);

	const decision = f.add('Contact decision', 'n8n-nodes-base.set', 3.4, [1000, 200], setNode([
		['inquiryItem', "={{ $('Match keys').first().json }}", 'object'],
		['existing', "={{ $('Find known contact').all().map(i => i.json).filter(r => r.id) }}", 'array'],
		['existingId', "={{ $('Find known contact').all().map(i => i.json).filter(r => r.id)[0]?.id ?? 0 }}", 'number'],
		['historyEntry', "={{ { at: $('Match keys').first().json.receivedAt, channel: $('Match keys').first().json.channel, text: $('Match keys').first().json.text.slice(0, 500), type: $('Match keys').first().json.inquiry?.type ?? null } }}", 'object'],
	]), { executeOnce: true });
	f.link(dedupe, decision);

	const isNew = f.add('New contact?', 'n8n-nodes-base.if', 2.2, [1220, 200], ifNode('={{ $json.existingId }}', { type: 'number', operation: 'equals' }, 0));
	f.link(decision, isNew);
	const insertContact = f.add('Insert contact', DT, DTV, [1440, 100], dtInsert('inquiry_router_contacts', {
		name: '={{ $json.inquiryItem.name }}',
		emailKey: '={{ $json.inquiryItem.emailKey }}',
		phoneKey: '={{ $json.inquiryItem.phoneKey }}',
		company: '={{ $json.inquiryItem.company }}',
		channels: '={{ $json.inquiryItem.channel }}',
		history: '={{ JSON.stringify([$json.historyEntry]) }}',
		historyCount: '={{ 1 }}',
		firstSeen: '={{ $json.inquiryItem.receivedAt }}',
		lastSeen: '={{ $json.inquiryItem.receivedAt }}',
	}));
	const mergeContact = f.add('Merge into contact', DT, DTV, [1440, 300], dtUpdate('inquiry_router_contacts', [['id', 'eq', '={{ $json.existingId }}']], {
		name: '={{ $json.existing[0].name || $json.inquiryItem.name }}',
		emailKey: '={{ $json.existing[0].emailKey || $json.inquiryItem.emailKey }}',
		phoneKey: '={{ $json.existing[0].phoneKey || $json.inquiryItem.phoneKey }}',
		company: '={{ $json.existing[0].company || $json.inquiryItem.company }}',
		channels: "={{ [...new Set([...String($json.existing[0].channels || '').split(',').filter(Boolean), $json.inquiryItem.channel])].join(',') }}",
		history: "={{ JSON.stringify([...JSON.parse($json.existing[0].history || '[]'), $json.historyEntry]) }}",
		historyCount: '={{ ($json.existing[0].historyCount || 0) + 1 }}',
		lastSeen: '={{ $json.inquiryItem.receivedAt }}',
	}));
	f.link(isNew, insertContact, 0);
	f.link(isNew, mergeContact, 1);

	const withContact = f.add('Inquiry with contact', 'n8n-nodes-base.set', 3.4, [1660, 200], {
		mode: 'raw',
		jsonOutput: "={{ { ...$('Match keys').first().json, contactId: $json.id, contactHistoryCount: $json.historyCount } }}",
		includeOtherFields: false,
		options: {},
	});
	f.link(insertContact, withContact);
	f.link(mergeContact, withContact);

	const score = f.add('Score ABC Segment', `${PKG}.scoreAbcSegment`, 1, [1880, 200], {});
	f.link(withContact, score);

	const support = f.add('Support or sales?', 'n8n-nodes-base.if', 2.2, [2100, 200], ifNode(
		"={{ ['complaint', 'service_request'].includes($json.inquiry?.type) }}",
		isTrue,
	));
	f.link(score, support);
	const queue = f.add('Support queue', DT, DTV, [2320, 20], dtInsert('inquiry_router_support_queue', {
		contactId: '={{ $json.contactId }}',
		channel: '={{ $json.channel }}',
		category: '={{ $json.inquiry?.type }}',
		priority: "={{ $json.inquiry?.priority ?? 'normal' }}",
		text: '={{ $json.text }}',
		reasons: '={{ JSON.stringify($json.inquiry?.reasons ?? []) }}',
		receivedAt: '={{ $json.receivedAt }}',
	}));
	const respondSupport = f.add('Respond: support ticket', 'n8n-nodes-base.respondToWebhook', 1.4, [2540, 20], respondJson(
		"={{ JSON.stringify({ status: 'support', ticketId: $json.id, contactId: $json.contactId, category: $json.category, reasons: JSON.parse($json.reasons) }) }}",
	));
	f.link(support, queue, 0);
	f.link(queue, respondSupport);

	const managers = f.add('Load managers', DT, DTV, [2320, 300], dtGet('inquiry_router_managers', [['active', 'isTrue']], { all: true }), {
		executeOnce: true,
		alwaysOutputData: true,
	});
	f.link(support, managers, 1);
	const withManagers = f.add('Inquiry with managers', 'n8n-nodes-base.set', 3.4, [2540, 300], {
		mode: 'raw',
		jsonOutput: "={{ { ...$('Support or sales?').first().json, managers: $('Load managers').all().map(i => i.json).filter(m => m.managerId) } }}",
		includeOtherFields: false,
		options: {},
	}, { executeOnce: true });
	f.link(managers, withManagers);

	const route = f.add('Route to Manager', `${PKG}.routeToManager`, 1, [2760, 300], {});
	f.link(withManagers, route);

	const assigned = f.add('Assigned?', 'n8n-nodes-base.if', 2.2, [2980, 300], ifNode("={{ !!$json.assignment?.managerId }}", isTrue));
	f.link(route, assigned);

	const bumpLoad = f.add('Write back manager load', DT, DTV, [3200, 200], dtUpdate('inquiry_router_managers', [['managerId', 'eq', '={{ $json.assignment.managerId }}']], {
		load: '={{ ($json.managers.find(m => m.managerId === $json.assignment.managerId)?.load ?? 0) + 1 }}',
	}));
	f.link(assigned, bumpLoad, 0);

	const leadOf = (status: string, src: string) => ({
		requestId: `={{ ${src}.externalId || $execution.id }}`,
		contactId: `={{ ${src}.contactId }}`,
		channel: `={{ ${src}.channel }}`,
		text: `={{ ${src}.text }}`,
		category: `={{ ${src}.inquiry?.type ?? 'other' }}`,
		priority: `={{ ${src}.inquiry?.priority ?? 'normal' }}`,
		segment: `={{ ${src}.segment?.segment ?? ${src}.segment?.abc ?? '' }}`,
		managerId: status === 'assigned' ? `={{ ${src}.assignment.managerId }}` : '',
		status,
		reasons: `={{ JSON.stringify({ inquiry: ${src}.inquiry?.reasons ?? [], segment: ${src}.segment?.reasons ?? [], assignment: ${src}.assignment?.reasons ?? [] }) }}`,
		receivedAt: `={{ ${src}.receivedAt }}`,
		slaDueAt: `={{ DateTime.fromISO(${src}.receivedAt).plus({ minutes: ${src}.inquiry?.priority === 'high' ? 15 : 60 }).toUTC().toISO() }}`,
		attempts: status === 'assigned' ? '={{ 1 }}' : '={{ 0 }}',
	});
	const storeAssigned = f.add('Store lead', DT, DTV, [3420, 200], dtInsert('inquiry_router_leads', leadOf('assigned', "$('Assigned?').first().json")));
	f.link(bumpLoad, storeAssigned);
	const notify = f.add('Notify manager', DT, DTV, [3640, 200], dtInsert('inquiry_router_notifications', {
		managerId: '={{ $json.managerId }}',
		leadId: '={{ $json.id }}',
		kind: 'new_lead',
		message: "={{ 'New ' + $json.category + ' (' + $json.priority + '): ' + $json.text.slice(0, 200) }}",
		sentAt: NOW.replace('{{', '={{'),
	}));
	f.link(storeAssigned, notify);
	const respondAssigned = f.add('Respond: assigned', 'n8n-nodes-base.respondToWebhook', 1.4, [3860, 200], respondJson(
		"={{ JSON.stringify({ status: 'assigned', leadId: $('Store lead').first().json.id, contactId: $('Store lead').first().json.contactId, managerId: $('Store lead').first().json.managerId, category: $('Store lead').first().json.category, reasons: JSON.parse($('Store lead').first().json.reasons) }) }}",
	));
	f.link(notify, respondAssigned);

	const storeHolding = f.add('Store lead in holding queue', DT, DTV, [3200, 420], dtInsert('inquiry_router_leads', leadOf('holding', '$json')));
	f.link(assigned, storeHolding, 1);
	const respondHolding = f.add('Respond: holding queue', 'n8n-nodes-base.respondToWebhook', 1.4, [3420, 420], respondJson(
		"={{ JSON.stringify({ status: 'holding', leadId: $json.id, contactId: $json.contactId, category: $json.category, reasons: JSON.parse($json.reasons) }) }}",
	));
	f.link(storeHolding, respondHolding);

	write('inbound-inquiry-router.json', f);
}

inbound();
