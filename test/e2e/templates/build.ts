// Generates workflows/*.json (the templates of issue 8) from code, so node wiring, positions and
// table names stay consistent. Run: node --import tsx test/e2e/templates/build.ts
// The committed JSON files are the product; this script is how they are maintained.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PATHS, WEBHOOK_IDS } from './ids';
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
		/** Stable 16-character workflow id: `n8n import:workflow` needs one and re-importing updates in place. */
		readonly id: string,
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
			id: this.id,
			name: this.name,
			active: false,
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

// Classify Inquiry as the templates use it: offline cascade (rules, then the local model); the LLM only
// when a user picks a credential (then the cascade also asks it when the offline engines are not sure).
const CLASSIFY = { textField: 'text', mode: 'cascade', taxonomy: 'default', threshold: 0.5, outputPerCategory: false, options: { outputKey: 'inquiry', defaultCountry: 'RU' } };

// Shared expression fragments (n8n expressions, evaluated per item).
const NOW = '{{ $now.toUTC().toISO() }}';

// =====================================================================================
// 1. Inbound inquiry router
// =====================================================================================
function inbound() {
	const f = new Flow('Inquiry Router: inbound inquiry router', 'inbound', 'IRtplInbound0001');
	f.sticky(
		'## Inbound inquiry router\nEvery inquiry (website form, chat widget, e-mail parser) lands here, is classified, matched to a known contact, scored, routed to a manager with free capacity, stored with its reasons, and answered.\n\n**Set up**\n1. Create the Data tables listed in docs/templates.md (names start with `inquiry_router_`), fill `inquiry_router_managers`.\n2. Publish (activate) the workflow. POST JSON `{channel, name, email, phone, company, text}` to the production webhook URL; the form is at `/form/' +
			PATHS.form +
			'`.\n3. No instance setting needed: parallel executions and queue mode are safe. A manager is claimed with a compare-and-set update (the row changes only if its load is still the one read; otherwise the lead is routed again), and a new contact that arrived twice at the same moment is merged into the earlier row (see docs/templates.md, "Concurrency").',
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

	const classify = f.add('Classify Inquiry', `${PKG}.classifyInquiry`, 1, [-100, 100], CLASSIFY);
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

	const fields = f.add('Contact fields', 'n8n-nodes-base.set', 3.4, [340, 200], setNode([
		['name', "={{ $json.name || $json.inquiry.extracted.name || '' }}", 'string'],
		['email', "={{ $json.email || $json.inquiry.extracted.emails[0] || '' }}", 'string'],
		['phone', "={{ $json.phone || $json.inquiry.extracted.phones[0] || '' }}", 'string'],
		['company', "={{ $json.company || $json.inquiry.extracted.company || '' }}", 'string'],
	], true));
	f.link(spam, fields, 1);
	const keys = f.add('Match keys', `${PKG}.dedupeContact`, 1, [560, 200], {
		operation: 'matchKeys',
		options: { outputKey: 'contact', defaultCountry: 'RU' },
	});
	f.link(fields, keys);

	const find = f.add('Find known contact', DT, DTV, [780, 200], dtGet('inquiry_router_contacts', [
		['emailKey', 'eq', "={{ $json.contact.keys.emails[0] || '(none)' }}"],
		['phoneKey', 'eq', "={{ $json.contact.keys.phones[0] || '(none)' }}"],
	], { limit: 20 }), { alwaysOutputData: true });
	f.link(keys, find);

	const withCandidates = f.add('Inquiry with candidates', 'n8n-nodes-base.set', 3.4, [1000, 200], {
		mode: 'raw',
		jsonOutput: "={{ { ...$('Match keys').first().json, contact: undefined, keys: $('Match keys').first().json.contact.keys, candidates: $('Find known contact').all().map(i => i.json).filter(r => r.id && !r.mergedInto).map(r => ({ id: String(r.id), name: r.name, email: r.emailKey, phone: r.phoneKey, company: r.company })) } }}",
		includeOtherFields: false,
		options: {},
	}, { executeOnce: true });
	f.link(find, withCandidates);

	const dedupe = f.add('Dedupe Contact', `${PKG}.dedupeContact`, 1, [1220, 200], {
		operation: 'match',
		candidateSource: 'field',
		candidatesField: 'candidates',
		options: { outputKey: 'contact', defaultCountry: 'RU', includeMatchedRecord: true },
	});
	f.link(withCandidates, dedupe);

	const decision = f.add('Contact decision', 'n8n-nodes-base.set', 3.4, [1440, 200], setNode([
		['inquiryItem', "={{ { ...$json, candidates: undefined, contact: undefined, emailKey: $json.keys.emails[0] || '', phoneKey: $json.keys.phones[0] || '' } }}", 'object'],
		['existing', "={{ $json.contact.decision === 'duplicate' ? $('Find known contact').all().map(i => i.json).filter(r => String(r.id) === $json.contact.matchId) : [] }}", 'array'],
		['existingId', "={{ $json.contact.decision === 'duplicate' ? Number($json.contact.matchId) : 0 }}", 'number'],
		['dedupe', '={{ { decision: $json.contact.decision, matchId: $json.contact.matchId, score: $json.contact.score, reasons: $json.contact.reasons } }}', 'object'],
		['historyEntry', "={{ { at: $json.receivedAt, channel: $json.channel, text: $json.text.slice(0, 500), type: $json.inquiry.type, dedupe: $json.contact.decision } }}", 'object'],
	]));
	f.link(dedupe, decision, 0);
	f.link(dedupe, decision, 1);
	f.link(dedupe, decision, 2);

	const isNew = f.add('New contact?', 'n8n-nodes-base.if', 2.2, [1660, 200], ifNode('={{ $json.existingId }}', { type: 'number', operation: 'equals' }, 0));
	f.link(decision, isNew);
	const insertContact = f.add('Insert contact', DT, DTV, [1880, 100], dtInsert('inquiry_router_contacts', {
		name: '={{ $json.inquiryItem.name }}',
		emailKey: '={{ $json.inquiryItem.emailKey }}',
		phoneKey: '={{ $json.inquiryItem.phoneKey }}',
		company: '={{ $json.inquiryItem.company }}',
		channels: '={{ $json.inquiryItem.channel }}',
		mergedInto: '',
		possibleDuplicateOf: "={{ $json.dedupe.decision === 'review' ? $json.dedupe.matchId : '' }}",
		firstSeen: '={{ $json.inquiryItem.receivedAt }}',
		lastSeen: '={{ $json.inquiryItem.receivedAt }}',
	}));
	const mergeContact = f.add('Merge into contact', DT, DTV, [1880, 300], dtUpdate('inquiry_router_contacts', [['id', 'eq', '={{ $json.existingId }}']], {
		name: '={{ $json.existing[0].name || $json.inquiryItem.name }}',
		emailKey: '={{ $json.existing[0].emailKey || $json.inquiryItem.emailKey }}',
		phoneKey: '={{ $json.existing[0].phoneKey || $json.inquiryItem.phoneKey }}',
		company: '={{ $json.existing[0].company || $json.inquiryItem.company }}',
		channels: "={{ [...new Set([...String($json.existing[0].channels || '').split(',').filter(Boolean), $json.inquiryItem.channel])].join(',') }}",
		lastSeen: '={{ $json.inquiryItem.receivedAt }}',
	}));
	f.link(isNew, insertContact, 0);
	f.link(isNew, mergeContact, 1);

	// History is append-only (one row per message): two executions that add to one contact at the same
	// moment cannot overwrite each other's entry, and merging a contact is one update of contactId.
	const history = f.add('Record message in history', DT, DTV, [2100, 200], dtInsert('inquiry_router_contact_history', {
		contactId: '={{ $json.id }}',
		requestId: "={{ $('Contact decision').first().json.inquiryItem.externalId || $execution.id }}",
		at: "={{ $('Contact decision').first().json.historyEntry.at }}",
		channel: "={{ $('Contact decision').first().json.historyEntry.channel }}",
		text: "={{ $('Contact decision').first().json.historyEntry.text }}",
		type: "={{ $('Contact decision').first().json.historyEntry.type }}",
		dedupe: "={{ $('Contact decision').first().json.historyEntry.dedupe }}",
	}));
	f.link(insertContact, history);
	f.link(mergeContact, history);

	// Insert, then resolve: a person who arrives from two channels at the same moment is inserted twice
	// (neither execution saw the other's row). After inserting, look again: the execution that commits
	// second always sees both rows, and the later row (higher id) is merged into the earlier one.
	const wasNew = f.add('Was it a new contact?', 'n8n-nodes-base.if', 2.2, [2320, 200], ifNode("={{ $('Contact decision').first().json.existingId }}", { type: 'number', operation: 'equals' }, 0));
	f.link(history, wasNew);
	const findAgain = f.add('Find same-key arrivals', DT, DTV, [2540, 100], dtGet('inquiry_router_contacts', [
		['emailKey', 'eq', "={{ $('Contact decision').first().json.inquiryItem.emailKey || '(none)' }}"],
		['phoneKey', 'eq', "={{ $('Contact decision').first().json.inquiryItem.phoneKey || '(none)' }}"],
	], { limit: 20 }), { alwaysOutputData: true });
	f.link(wasNew, findAgain, 0);
	const arrivals = f.add('Inquiry with same-key arrivals', 'n8n-nodes-base.set', 3.4, [2760, 100], {
		mode: 'raw',
		jsonOutput: "={{ { ...$('Contact decision').first().json.inquiryItem, ownId: Number($('Insert contact').first().json.id), candidates: $('Find same-key arrivals').all().map(i => i.json).filter(r => r.id && !r.mergedInto && r.id !== $('Insert contact').first().json.id).map(r => ({ id: String(r.id), name: r.name, email: r.emailKey, phone: r.phoneKey, company: r.company })) } }}",
		includeOtherFields: false,
		options: {},
	}, { executeOnce: true });
	f.link(findAgain, arrivals);
	const twice = f.add('Same person arrived twice?', `${PKG}.dedupeContact`, 1, [2980, 100], {
		operation: 'match',
		candidateSource: 'field',
		candidatesField: 'candidates',
		options: { outputKey: 'arrival', defaultCountry: 'RU' },
	});
	f.link(arrivals, twice);
	const canonical = f.add('Earlier row wins', 'n8n-nodes-base.set', 3.4, [3200, 100], setNode([
		['contactId', "={{ $json.arrival.decision === 'duplicate' ? Math.min($json.ownId, Number($json.arrival.matchId)) : $json.ownId }}", 'number'],
		['laterId', "={{ $json.arrival.decision === 'duplicate' ? Math.max($json.ownId, Number($json.arrival.matchId)) : 0 }}", 'number'],
	]));
	f.link(twice, canonical, 0);
	f.link(twice, canonical, 1);
	f.link(twice, canonical, 2);
	const mustMerge = f.add('Merge needed?', 'n8n-nodes-base.if', 2.2, [3420, 100], ifNode('={{ $json.laterId }}', { type: 'number', operation: 'gt' }, 0));
	f.link(canonical, mustMerge);
	const markMerged = f.add('Mark later row merged', DT, DTV, [3640, 0], dtUpdate('inquiry_router_contacts', [['id', 'eq', '={{ $json.laterId }}']], {
		mergedInto: '={{ String($json.contactId) }}',
	}), { alwaysOutputData: true });
	f.link(mustMerge, markMerged, 0);
	const moveHistory = f.add('Move its history', DT, DTV, [3860, 0], dtUpdate('inquiry_router_contact_history', [['contactId', 'eq', "={{ $('Earlier row wins').first().json.laterId }}"]], {
		contactId: "={{ $('Earlier row wins').first().json.contactId }}",
	}), { alwaysOutputData: true });
	f.link(markMerged, moveHistory);

	const withContact = f.add('Inquiry with contact', 'n8n-nodes-base.set', 3.4, [4080, 200], {
		mode: 'raw',
		jsonOutput: "={{ { ...$('Contact decision').first().json.inquiryItem, dedupe: $('Contact decision').first().json.dedupe, contactId: $('Contact decision').first().json.existingId || $('Earlier row wins').first().json.contactId, returningContact: $('Contact decision').first().json.existingId ? 1 : 0 } }}",
		includeOtherFields: false,
		options: {},
	});
	f.link(wasNew, withContact, 1);
	f.link(mustMerge, withContact, 1);
	f.link(moveHistory, withContact);

	const score = f.add('Score ABC Segment', `${PKG}.scoreAbcSegment`, 1, [1880, 200], {
		mode: 'scoring',
		rules: {
			rule: [
				{ field: 'text', operator: 'regex', value: 'тендер|tender|закупк|44-фз|223-фз|rfp|rfq', points: 40 },
				{ field: 'inquiry.type', operator: 'equals', value: 'lead', points: 20 },
				{ field: 'inquiry.priority', operator: 'in', value: 'high, urgent', points: 15 },
				{ field: 'company', operator: 'exists', value: '', points: 10 },
				{ field: 'returningContact', operator: 'gte', value: '1', points: 10 },
			],
		},
		scoreA: 60,
		scoreB: 30,
		outputPerSegment: false,
		options: { outputKey: 'segment' },
	});
	f.link(withContact, score);

	const support = f.add('Support or sales?', 'n8n-nodes-base.if', 2.2, [2100, 200], ifNode(
		"={{ ['complaint', 'service_request'].includes($json.inquiry?.type) }}",
		isTrue,
	));
	f.link(score, support);
	const queue = f.add('Support queue', DT, DTV, [2320, 20], dtInsert('inquiry_router_support_queue', {
		requestId: '={{ $json.externalId || $execution.id }}',
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

	const route = f.add('Route to Manager', `${PKG}.routeToManager`, 1, [2760, 300], {
		rosterSource: 'field',
		rosterField: 'managers',
		skillsField: 'inquiry.type',
		languageField: 'inquiry.language',
		segmentField: 'segment.segment',
		priorityField: 'inquiry.priority',
		ownerField: 'contact.ownerId',
		fallbackOwnerId: '',
		fallbackQueue: 'holding',
		outputKey: 'assignment',
		options: { seniorSegments: 'A', highPriorities: 'urgent, high' },
	});
	f.link(withManagers, route);

	// Claiming a manager is a compare-and-set on a fresh read: read the chosen manager's row, and change it only
	// if its load is still the value read (one UPDATE … WHERE managerId = … AND activeLeads = <read>, atomic in
	// SQLite and Postgres; no row back = somebody else claimed first). A lost race backs off for a random
	// moment and reads again; a manager who filled up meanwhile sends the lead back to Route to Manager with a
	// fresh roster; after that the holding queue. No manager goes above capacity and no lead is lost.
	const loadNow = f.add("Manager's load now", DT, DTV, [3000, 200], dtGet('inquiry_router_managers', [
		['managerId', 'eq', "={{ $('Route to Manager').first().json.assignment.managerId }}"],
	], { limit: 1 }), { alwaysOutputData: true, executeOnce: true });
	f.link(route, loadNow, 0);
	const room = f.add('Room left?', 'n8n-nodes-base.if', 2.2, [3220, 200], ifNode('={{ !!$json.managerId && $json.active !== false && Number($json.activeLeads) < Number($json.capacity) }}', isTrue));
	f.link(loadNow, room);
	const bumpLoad = f.add('Claim manager (compare-and-set)', DT, DTV, [3440, 100], dtUpdate('inquiry_router_managers', [
		['managerId', 'eq', '={{ $json.managerId }}'],
		['activeLeads', 'eq', '={{ $json.activeLeads }}'],
	], {
		activeLeads: '={{ Number($json.activeLeads) + 1 }}',
	}), { alwaysOutputData: true });
	f.link(room, bumpLoad, 0);
	const claimed = f.add('Claimed?', 'n8n-nodes-base.if', 2.2, [3660, 100], ifNode('={{ !!$json.managerId }}', isTrue));
	f.link(bumpLoad, claimed);
	const backOff = f.add('Back off a moment', 'n8n-nodes-base.wait', 1.1, [3880, 320], {
		resume: 'timeInterval',
		amount: '={{ Math.round(Math.random() * Math.min(4, 0.1 * 2 ** Math.min($runIndex, 6)) * 100) / 100 }}',
		unit: 'seconds',
	});
	const retryClaim = f.add('Claim again?', 'n8n-nodes-base.if', 2.2, [3660, 320], ifNode('={{ $runIndex < 30 }}', isTrue));
	f.link(claimed, retryClaim, 1);
	f.link(retryClaim, backOff, 0);
	f.link(backOff, loadNow);
	const again = f.add('Route again?', 'n8n-nodes-base.if', 2.2, [3440, 420], ifNode('={{ $runIndex < 5 }}', isTrue));
	f.link(room, again, 1);
	f.link(again, managers, 0);
	f.link(retryClaim, again, 1);
	const leadOf = (status: string, src: string) => ({
		requestId: `={{ ${src}.externalId || $execution.id }}`,
		contactId: `={{ ${src}.contactId }}`,
		channel: `={{ ${src}.channel }}`,
		text: `={{ ${src}.text }}`,
		category: `={{ ${src}.inquiry.type }}`,
		priority: `={{ ${src}.assignment.priority }}`,
		segment: `={{ ${src}.segment.segment }}`,
		managerId: status === 'assigned' ? `={{ ${src}.assignment.managerId }}` : '',
		status,
		reasons: `={{ JSON.stringify({ inquiry: ${src}.inquiry.reasons, contact: ${src}.dedupe?.reasons ?? ${src}.contact?.reasons ?? [], segment: ${src}.segment.reasons, assignment: ${src}.assignment.reasons }) }}`,
		receivedAt: `={{ ${src}.receivedAt }}`,
		slaDueAt: `={{ ${src}.assignment.slaDueAt }}`,
		attempts: status === 'assigned' ? '={{ 1 }}' : '={{ 0 }}',
		triedManagers: status === 'assigned' ? `={{ ${src}.assignment.managerId }}` : '',
	});
	const storeAssigned = f.add('Store lead', DT, DTV, [3880, 100], dtInsert('inquiry_router_leads', leadOf('assigned', "$('Route to Manager').first().json")));
	f.link(claimed, storeAssigned, 0);
	const notify = f.add('Notify manager', DT, DTV, [4100, 100], dtInsert('inquiry_router_notifications', {
		managerId: '={{ $json.managerId }}',
		leadId: '={{ $json.id }}',
		kind: 'new_lead',
		message: "={{ 'New ' + $json.category + ' (' + $json.priority + ', segment ' + $json.segment + '): ' + $json.text.slice(0, 200) }}",
		sentAt: '={{ $now.toUTC().toISO() }}',
	}));
	f.link(storeAssigned, notify);
	const respondAssigned = f.add('Respond: assigned', 'n8n-nodes-base.respondToWebhook', 1.4, [4320, 100], respondJson(
		"={{ JSON.stringify({ status: 'assigned', leadId: $('Store lead').first().json.id, contactId: $('Store lead').first().json.contactId, managerId: $('Store lead').first().json.managerId, category: $('Store lead').first().json.category, segment: $('Store lead').first().json.segment, slaDueAt: $('Store lead').first().json.slaDueAt, reasons: JSON.parse($('Store lead').first().json.reasons) }) }}",
	));
	f.link(notify, respondAssigned);

	const storeHolding = f.add('Store lead in holding queue', DT, DTV, [3660, 520], dtInsert('inquiry_router_leads', leadOf('holding', "$('Route to Manager').first().json")));
	f.link(route, storeHolding, 1);
	f.link(again, storeHolding, 1);
	const respondHolding = f.add('Respond: holding queue', 'n8n-nodes-base.respondToWebhook', 1.4, [3880, 520], respondJson(
		"={{ JSON.stringify({ status: 'holding', leadId: $json.id, contactId: $json.contactId, category: $json.category, segment: $json.segment, reasons: JSON.parse($json.reasons) }) }}",
	));
	f.link(storeHolding, respondHolding);

	// everything after the contact decision sits right of it
	const keep = new Set(['New contact?', 'Insert contact', 'Merge into contact', 'Record message in history', 'Was it a new contact?', 'Find same-key arrivals', 'Inquiry with same-key arrivals', 'Same person arrived twice?', 'Earlier row wins', 'Merge needed?', 'Mark later row merged', 'Move its history', 'Inquiry with contact']);
	for (const n of f.nodes) if (n.position[0] >= 1880 && !keep.has(n.name)) n.position = [n.position[0] + 2200, n.position[1]];
	for (const n of f.nodes) if (n.position[0] >= 1660 && !keep.has(n.name)) n.position = [n.position[0] + 440, n.position[1]];
	write('inbound-inquiry-router.json', f);
}

// =====================================================================================
// 2. Support chat with escalation
// =====================================================================================
function supportChat() {
	const f = new Flow('Inquiry Router: support chat with escalation', 'chat', 'IRtplSupChat0002');
	f.sticky(
		'## Support chat with escalation\nEvery chat message is stored (`inquiry_router_chat_messages`, one row per message), the conversation is read back from those rows (so repeated requests for a person are counted), classified, and Escalate to Human decides: the bot answers, or the conversation is handed to a person with a handoff package (`inquiry_router_handoffs`) and a notification.\n\n**Set up**\n1. Create the Data tables listed in docs/templates.md.\n2. Publish the workflow; embed the chat with the production chat URL (`/webhook/<id>/chat`), or open it as a hosted chat by switching the trigger\'s Mode.\n3. The bot reply is a fixed text: put your AI Agent (or a knowledge-base lookup) in place of **Reply**, keeping its output field `output`.',
		[-520, -460],
		520,
		400,
		4,
	);
	f.sticky(
		'### Parallel messages\nNo instance setting needed. Messages are rows of their own (two at the same moment cannot overwrite each other); the conversation summary is written only by the execution that saw more messages (`messages < N` in the update filter); the handoff is claimed once (`status` not yet `with_human`).',
		[600, -360],
		400,
		200,
		6,
	);
	const chat = f.add('When chat message received', '@n8n/n8n-nodes-langchain.chatTrigger', 1.1, [-520, 0], {
		public: true,
		mode: 'webhook',
		options: { responseMode: 'lastNode' },
	}, { webhookId: WEBHOOK_IDS.chat });
	const record = f.add('Record customer message', DT, DTV, [-300, 0], dtInsert('inquiry_router_chat_messages', {
		sessionId: '={{ $json.sessionId }}',
		role: 'customer',
		text: '={{ $json.chatInput }}',
		at: `=${NOW}`,
	}));
	f.link(chat, record);
	const load = f.add('Load conversation', DT, DTV, [-80, 0], dtGet('inquiry_router_conversations', [['sessionId', 'eq', "={{ $('When chat message received').first().json.sessionId }}"]], { limit: 10 }), {
		alwaysOutputData: true,
		executeOnce: true,
	});
	f.link(record, load);
	const isNew = f.add('New conversation?', 'n8n-nodes-base.if', 2.2, [140, 0], ifNode('={{ !$json.id && $runIndex < 2 }}', isTrue));
	f.link(load, isNew);
	const start = f.add('Start conversation', DT, DTV, [140, -200], dtInsert('inquiry_router_conversations', {
		sessionId: "={{ $('When chat message received').first().json.sessionId }}",
		messages: '={{ 0 }}',
		humanRequests: '={{ 0 }}',
		lastMessage: '',
		status: 'bot',
		transcript: '[]',
		state: '{}',
		lastMessageAt: `=${NOW}`,
	}));
	f.link(isNew, start, 0);
	f.link(start, load);
	const transcript = f.add('Load transcript', DT, DTV, [360, 0], dtGet('inquiry_router_chat_messages', [['sessionId', 'eq', "={{ $('When chat message received').first().json.sessionId }}"]], { all: true }), {
		executeOnce: true,
	});
	f.link(isNew, transcript, 1);
	const turn = f.add('Conversation so far', 'n8n-nodes-base.set', 3.4, [580, 0], setNode([
		['sessionId', "={{ $('When chat message received').first().json.sessionId }}", 'string'],
		['text', "={{ $('When chat message received').first().json.chatInput }}", 'string'],
		['rowId', "={{ Math.min(...$('Load conversation').all().map(i => i.json.id).filter(Boolean)) }}", 'number'],
		['messages', "={{ $('Load transcript').all().map(i => i.json).filter(m => m.role === 'customer').length }}", 'number'],
		['conversation', "={{ $('Load transcript').all().map(i => i.json).filter(m => m.id && m.text).sort((a, b) => a.id - b.id).slice(-50).map(m => ({ role: m.role, text: m.text })) }}", 'array'],
		['state', "={{ JSON.parse($('Load conversation').all().map(i => i.json).filter(r => r.id).sort((a, b) => a.id - b.id)[0]?.state || '{}') }}", 'object'],
	]), { executeOnce: true });
	f.link(transcript, turn);
	// Two first messages of a new session may both start a conversation row: the earlier row is kept. This
	// branch sits above the main one, so n8n (execution order v1: top branch first) runs it first and the
	// chat is answered by the main branch's last node.
	const dropDup = f.add('Drop duplicate conversation rows', DT, DTV, [800, -220], {
		resource: 'row',
		operation: 'deleteRows',
		dataTableId: tableRef('inquiry_router_conversations'),
		matchType: 'allConditions',
		filters: filters([
			['sessionId', 'eq', '={{ $json.sessionId }}'],
			['id', 'gt', '={{ $json.rowId }}'],
		]),
		options: {},
	});
	f.link(turn, dropDup);
	const classify = f.add('Classify Inquiry', `${PKG}.classifyInquiry`, 1, [800, 0], CLASSIFY);
	f.link(turn, classify);
	const escalate = f.add('Escalate to Human', `${PKG}.escalateToHuman`, 1, [1020, 0], {
		inputMode: 'conversation',
		conversationField: 'conversation',
		summary: 'extractive',
		options: { stateField: 'state', inquiryField: 'inquiry' },
	});
	f.link(classify, escalate);
	// Written only by the execution that saw more customer messages than the row holds: a slower execution
	// that read fewer messages cannot overwrite a fuller summary (`messages < N`, one atomic UPDATE).
	const save = f.add('Save conversation', DT, DTV, [1240, 0], dtUpdate('inquiry_router_conversations', [
		['sessionId', 'eq', '={{ $json.sessionId }}'],
		['messages', 'lt', '={{ $json.messages }}'],
	], {
		messages: '={{ $json.messages }}',
		humanRequests: '={{ $json.escalation.humanRequests }}',
		lastMessage: "={{ $json.conversation.filter(m => m.role === 'customer').slice(-1)[0]?.text.slice(0, 500) ?? '' }}",
		transcript: "={{ JSON.stringify([...$json.conversation, ...($json.escalation.customerReply ? [{ role: 'bot', text: $json.escalation.customerReply }] : [])].slice(-50)) }}",
		state: '={{ JSON.stringify($json.escalation.state) }}',
		lastMessageAt: '={{ $now.toUTC().toISO() }}',
	}), { alwaysOutputData: true });
	f.link(escalate, save, 0);
	f.link(escalate, save, 1);
	const handoff = f.add('New handoff?', 'n8n-nodes-base.if', 2.2, [1460, 0], ifNode("={{ $('Escalate to Human').first().json.escalation.newHandoff }}", isTrue));
	f.link(save, handoff);
	// Claimed once: the row changes only while its status is not yet with_human.
	const claim = f.add('Claim handoff', DT, DTV, [1680, -120], dtUpdate('inquiry_router_conversations', [
		['sessionId', 'eq', "={{ $('Escalate to Human').first().json.sessionId }}"],
		['status', 'neq', 'with_human'],
	], { status: 'with_human' }), { alwaysOutputData: true });
	f.link(handoff, claim, 0);
	const claimed = f.add('Handoff claimed?', 'n8n-nodes-base.if', 2.2, [1900, -120], ifNode('={{ !!$json.id }}', isTrue));
	f.link(claim, claimed);
	const pkg = f.add('Store handoff package', DT, DTV, [2120, -220], dtInsert('inquiry_router_handoffs', {
		sessionId: "={{ $('Escalate to Human').first().json.sessionId }}",
		reason: "={{ $('Escalate to Human').first().json.escalation.reasons[0]?.code ?? 'escalated' }}",
		priority: "={{ $('Escalate to Human').first().json.escalation.priority }}",
		package: "={{ JSON.stringify($('Escalate to Human').first().json.escalation.handoff ?? {}) }}",
		reasons: "={{ JSON.stringify($('Escalate to Human').first().json.escalation.reasons) }}",
		handedOffAt: '={{ $now.toUTC().toISO() }}',
	}));
	f.link(claimed, pkg, 0);
	const notify = f.add('Notify support team', DT, DTV, [2340, -220], dtInsert('inquiry_router_notifications', {
		managerId: 'support-team',
		leadId: '={{ $json.id }}',
		kind: 'handoff',
		message: "={{ 'Chat ' + $json.sessionId + ' needs a person (' + $json.reason + ', ' + $json.priority + ')' }}",
		sentAt: '={{ $now.toUTC().toISO() }}',
	}));
	f.link(pkg, notify);
	// The reply: a handover message on a new handoff; nothing while a person has the conversation; else the bot.
	const replyText =
		"$('Escalate to Human').first().json.escalation.newHandoff ? ($('Escalate to Human').first().json.escalation.customerReply ?? 'A colleague will take over this conversation shortly.') : $('Escalate to Human').first().json.escalation.escalate ? '' : ($('Escalate to Human').first().json.escalation.customerReply ?? 'Thanks! How can I help you further?')";
	const botTurn = f.add('Record bot turn', DT, DTV, [2560, 0], dtInsert('inquiry_router_chat_messages', {
		sessionId: "={{ $('Escalate to Human').first().json.sessionId }}",
		role: 'bot',
		text: `={{ ${replyText} }}`,
		at: `=${NOW}`,
	}));
	f.link(notify, botTurn);
	f.link(claimed, botTurn, 1);
	f.link(handoff, botTurn, 1);
	const reply = f.add('Reply', 'n8n-nodes-base.set', 3.4, [2780, 0], setNode([
		['output', `={{ ${replyText} }}`, 'string'],
		['handoff', "={{ $('Escalate to Human').first().json.escalation.escalate }}", 'boolean'],
	]));
	f.link(botTurn, reply);
	write('support-chat-escalation.json', f);
}

// =====================================================================================
// 3. Nightly ABC re-segmentation
// =====================================================================================
function nightly() {
	const f = new Flow('Inquiry Router: nightly ABC re-segmentation', 'abc', 'IRtplAbcNight003');
	f.sticky(
		'## Nightly ABC re-segmentation\nEvery night all clients of `inquiry_router_clients` are segmented again by revenue (Pareto 80/95, XYZ over `monthlyRevenue`, hysteresis of 5 points so nobody flips on noise). Segments are written back, and everybody who moved is logged in `inquiry_router_segment_moves`.\n\n**Set up**: create the tables (docs/templates.md), load your clients (`clientId`, `name`, `revenue`, `monthlyRevenue` as a JSON array such as `[120, 95, 130]`), publish. **Run now** (a POST to the webhook) runs it immediately and answers with the summary.',
		[-520, -460],
		520,
		380,
		4,
	);
	const cron = f.add('Every night at 02:00', 'n8n-nodes-base.scheduleTrigger', 1.2, [-520, 0], {
		rule: { interval: [{ field: 'days', triggerAtHour: 2 }] },
	});
	const hook = f.add('Run now', 'n8n-nodes-base.webhook', 2.1, [-520, 200], {
		httpMethod: 'POST',
		path: PATHS.resegment,
		responseMode: 'lastNode',
		responseData: 'firstEntryJson',
		options: {},
	}, { webhookId: WEBHOOK_IDS.resegment });
	const load = f.add('Load clients', DT, DTV, [-280, 100], dtGet('inquiry_router_clients', [], { all: true }), { executeOnce: true });
	f.link(cron, load);
	f.link(hook, load);
	const prep = f.add('Series and previous segment', 'n8n-nodes-base.set', 3.4, [-60, 100], setNode([
		['series', "={{ (() => { try { return JSON.parse($json.monthlyRevenue || '[]') } catch (e) { return [] } })() }}", 'array'],
		['previousSegment', "={{ $json.segment || '' }}", 'string'],
	], true));
	f.link(load, prep);
	const score = f.add('Score ABC Segment', `${PKG}.scoreAbcSegment`, 1, [160, 100], {
		mode: 'pareto',
		valueField: 'revenue',
		abcRule: 'cumulativeShare',
		aThreshold: 80,
		bThreshold: 95,
		xyz: true,
		seriesField: 'series',
		xThreshold: 10,
		yThreshold: 25,
		hysteresis: true,
		previousSegmentField: 'previousSegment',
		hysteresisMargin: 5,
		rollUp: 'none',
		outputPerSegment: false,
		options: { outputKey: 'segment' },
	});
	f.link(prep, score);
	const writeBack = f.add('Write segment back', DT, DTV, [380, 100], dtUpdate('inquiry_router_clients', [['id', 'eq', '={{ $json.id }}']], {
		segment: '={{ $json.segment.segment }}',
		xyz: "={{ $json.segment.xyz ?? '' }}",
		previousSegment: '={{ $json.previousSegment }}',
		segmentReasons: '={{ JSON.stringify($json.segment.reasons) }}',
		segmentedAt: '={{ $now.toUTC().toISO() }}',
	}));
	f.link(score, writeBack);
	const summary = f.add('Summary of moves', 'n8n-nodes-base.set', 3.4, [600, 100], {
		mode: 'raw',
		jsonOutput: `={{ (() => {
  const rows = $('Score ABC Segment').all().map(i => i.json);
  const moved = rows.filter(r => r.previousSegment && r.previousSegment !== r.segment.segment)
    .map(r => ({ clientId: r.clientId, name: r.name, fromSegment: r.previousSegment, toSegment: r.segment.segment }));
  const counts = { A: 0, B: 0, C: 0 };
  rows.forEach(r => { counts[r.segment.segment] = (counts[r.segment.segment] || 0) + 1 });
  return { runAt: $now.toUTC().toISO(), clients: rows.length, segments: counts, movedCount: moved.length, moved };
})() }}`,
		includeOtherFields: false,
		options: {},
	}, { executeOnce: true });
	f.link(writeBack, summary);
	const split = f.add('Each move', 'n8n-nodes-base.splitOut', 1, [820, 0], { fieldToSplitOut: 'moved', include: 'noOtherFields', options: {} });
	f.link(summary, split);
	const log = f.add('Log move', DT, DTV, [1040, 0], dtInsert('inquiry_router_segment_moves', {
		runAt: "={{ $('Summary of moves').first().json.runAt }}",
		clientId: '={{ $json.clientId }}',
		name: '={{ $json.name }}',
		fromSegment: '={{ $json.fromSegment }}',
		toSegment: '={{ $json.toSegment }}',
	}));
	f.link(split, log);
	const answer = f.add('Summary', 'n8n-nodes-base.set', 3.4, [820, 220], {
		mode: 'raw',
		jsonOutput: "={{ $('Summary of moves').first().json }}",
		includeOtherFields: false,
		options: {},
	}, { executeOnce: true });
	f.link(summary, answer);
	write('nightly-abc-resegmentation.json', f);
}

// =====================================================================================
// 4. Unanswered-lead watchdog
// =====================================================================================
function watchdog() {
	const f = new Flow('Inquiry Router: unanswered-lead watchdog', 'watchdog', 'IRtplWatchdog004');
	f.sticky(
		'## Unanswered-lead watchdog\nEvery 15 minutes: leads whose SLA passed without a first response (`firstResponseAt` empty) are re-offered to the next eligible manager (never one who already had it); when nobody is left the lead is escalated to the team lead. Leads with no owner stay in the holding queue and are offered again as soon as a manager has capacity. Every run writes a report row (at risk, re-offered, escalated, holding, lost) to `inquiry_router_watchdog_reports`.\n\n**Set up**: the tables of the inbound router (docs/templates.md), `teamLeadId` on each manager, and your CRM or inbox marking `firstResponseAt` when a manager answers. **Run now**: POST to the webhook.',
		[-520, -500],
		560,
		420,
		4,
	);
	f.sticky(
		'### "Lost"\nA lead counts as lost when it is more than 24 h past its SLA and still has no first response. The daily report at 18:00 uses the same branch; send its row on by e-mail or chat if you like.',
		[1300, -420],
		360,
		180,
		6,
	);
	const cron = f.add('Every 15 minutes', 'n8n-nodes-base.scheduleTrigger', 1.2, [-520, 0], {
		rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] },
	});
	const daily = f.add('Daily at 18:00', 'n8n-nodes-base.scheduleTrigger', 1.2, [-520, 420], {
		rule: { interval: [{ field: 'days', triggerAtHour: 18 }] },
	});
	const hook = f.add('Run now', 'n8n-nodes-base.webhook', 2.1, [-520, 200], {
		httpMethod: 'POST',
		path: PATHS.watchdog,
		responseMode: 'lastNode',
		responseData: 'firstEntryJson',
		options: {},
	}, { webhookId: WEBHOOK_IDS.watchdog });
	const managers = f.add('Load managers', DT, DTV, [-280, 100], dtGet('inquiry_router_managers', [['active', 'isTrue']], { all: true }), {
		executeOnce: true,
		alwaysOutputData: true,
	});
	f.link(cron, managers);
	f.link(hook, managers);
	const stale = f.add('Leads waiting for an owner', DT, DTV, [-60, 100], dtGet('inquiry_router_leads', [
		['status', 'eq', 'holding'],
		['status', 'eq', 'assigned'],
	], { all: true, match: 'anyCondition' }), { executeOnce: true, alwaysOutputData: true });
	f.link(managers, stale);
	const due = f.add('Past SLA, no first response', 'n8n-nodes-base.filter', 2.2, [160, 100], {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [
				{
					id: 'd1',
					leftValue: "={{ !!$json.id && !$json.firstResponseAt && ($json.status === 'holding' || $json.slaDueAt < $now.toUTC().toISO()) }}",
					rightValue: '',
					operator: isTrue,
				},
			],
			combinator: 'and',
		},
		looseTypeValidation: true,
		options: {},
	});
	f.link(stale, due);
	const roster = f.add('Roster without managers who had it', 'n8n-nodes-base.set', 3.4, [380, 100], setNode([
		['managers', "={{ $('Load managers').all().map(i => i.json).filter(m => m.managerId && !String($json.triedManagers || '').split(',').includes(m.managerId)) }}", 'array'],
	], true));
	f.link(due, roster);
	const route = f.add('Route to Manager', `${PKG}.routeToManager`, 1, [600, 100], {
		rosterSource: 'field',
		rosterField: 'managers',
		skillsField: 'category',
		languageField: 'language',
		segmentField: 'segment',
		priorityField: 'priority',
		ownerField: 'ownerId',
		fallbackOwnerId: '',
		fallbackQueue: 'team_lead',
		outputKey: 'assignment',
		options: { seniorSegments: 'A', highPriorities: 'urgent, high' },
	});
	f.link(roster, route);
	// One lead at a time: claim the new manager with a compare-and-set on a fresh read of that manager (the row
	// changes only if the load is still the one read; a lost race backs off and reads again), then move the lead,
	// then release the previous manager the same way. A manager who filled up meanwhile leaves the lead due: the
	// next run offers it again.
	const each = f.add('Each re-offer', 'n8n-nodes-base.splitInBatches', 3, [840, -100], { batchSize: 1, options: {} });
	f.link(route, each, 0);
	const lead = "$('Each re-offer').first().json";
	const newNow = f.add("New manager's load now", DT, DTV, [1060, -100], dtGet('inquiry_router_managers', [['managerId', 'eq', `={{ ${lead}.assignment.managerId }}`]], { limit: 1 }), {
		alwaysOutputData: true,
		executeOnce: true,
	});
	f.link(each, newNow, 1);
	const room = f.add('Room left?', 'n8n-nodes-base.if', 2.2, [1280, -100], ifNode('={{ !!$json.managerId && Number($json.activeLeads) < Number($json.capacity) && $runIndex < 5000 }}', isTrue));
	f.link(newNow, room);
	f.link(room, each, 1);
	const claim = f.add('Claim new manager (compare-and-set)', DT, DTV, [1500, -100], dtUpdate('inquiry_router_managers', [
		['managerId', 'eq', '={{ $json.managerId }}'],
		['activeLeads', 'eq', '={{ $json.activeLeads }}'],
	], {
		activeLeads: '={{ Number($json.activeLeads) + 1 }}',
	}), { alwaysOutputData: true });
	f.link(room, claim, 0);
	const claimed = f.add('Claimed?', 'n8n-nodes-base.if', 2.2, [1720, -100], ifNode('={{ !!$json.managerId }}', isTrue));
	f.link(claim, claimed);
	const backOff = f.add('Back off a moment', 'n8n-nodes-base.wait', 1.1, [1720, 100], {
		resume: 'timeInterval',
		amount: '={{ Math.round(Math.random() * 0.5 * 100) / 100 }}',
		unit: 'seconds',
	});
	f.link(claimed, backOff, 1);
	f.link(backOff, newNow);
	const reoffer = f.add('Re-offer lead', DT, DTV, [1940, -200], dtUpdate('inquiry_router_leads', [['id', 'eq', `={{ ${lead}.id }}`]], {
		managerId: `={{ ${lead}.assignment.managerId }}`,
		status: 'assigned',
		attempts: `={{ (${lead}.attempts || 0) + 1 }}`,
		triedManagers: `={{ [...String(${lead}.triedManagers || '').split(',').filter(Boolean), ${lead}.assignment.managerId].join(',') }}`,
		slaDueAt: `={{ ${lead}.assignment.slaDueAt }}`,
	}));
	f.link(claimed, reoffer, 0);
	const prevNow = f.add('Previous manager now', DT, DTV, [2160, -200], dtGet('inquiry_router_managers', [['managerId', 'eq', `={{ ${lead}.managerId || '(none)' }}`]], { limit: 1 }), {
		alwaysOutputData: true,
		executeOnce: true,
	});
	f.link(reoffer, prevNow);
	const hadLoad = f.add('Previous manager has load?', 'n8n-nodes-base.if', 2.2, [2380, -200], ifNode('={{ Number($json.activeLeads) > 0 && $runIndex < 5000 }}', isTrue));
	f.link(prevNow, hadLoad);
	const release = f.add('Release previous manager (compare-and-set)', DT, DTV, [2600, -300], dtUpdate('inquiry_router_managers', [
		['managerId', 'eq', '={{ $json.managerId }}'],
		['activeLeads', 'eq', '={{ $json.activeLeads }}'],
	], {
		activeLeads: '={{ $json.activeLeads - 1 }}',
	}), { alwaysOutputData: true });
	f.link(hadLoad, release, 0);
	const released = f.add('Released?', 'n8n-nodes-base.if', 2.2, [2820, -300], ifNode('={{ !!$json.managerId }}', isTrue));
	f.link(release, released);
	f.link(released, prevNow, 1);
	const notifyRe = f.add('Notify new manager', DT, DTV, [3040, -200], dtInsert('inquiry_router_notifications', {
		managerId: `={{ ${lead}.assignment.managerId }}`,
		leadId: `={{ ${lead}.id }}`,
		kind: 're_offer',
		message: `={{ 'Lead ' + ${lead}.id + ' is yours now: the previous owner did not answer in time' }}`,
		sentAt: '={{ $now.toUTC().toISO() }}',
	}));
	f.link(released, notifyRe, 0);
	f.link(hadLoad, notifyRe, 1);
	f.link(notifyRe, each);
	const isHolding = f.add('Had an owner?', 'n8n-nodes-base.if', 2.2, [840, 220], ifNode('={{ !!$json.managerId }}', isTrue));
	f.link(route, isHolding, 1);
	const escalateLead = f.add('Escalate to team lead', DT, DTV, [1060, 160], dtUpdate('inquiry_router_leads', [['id', 'eq', '={{ $json.id }}']], {
		status: 'escalated',
		escalatedTo: "={{ $('Load managers').all().map(i => i.json).find(m => m.managerId === $json.managerId)?.teamLeadId || 'team_lead' }}",
	}));
	f.link(isHolding, escalateLead, 0);
	const notifyLead = f.add('Notify team lead', DT, DTV, [1280, 160], dtInsert('inquiry_router_notifications', {
		managerId: '={{ $json.escalatedTo }}',
		leadId: '={{ $json.id }}',
		kind: 'escalation',
		message: "={{ 'Lead ' + $json.id + ' has no answer and no free manager: please take it' }}",
		sentAt: '={{ $now.toUTC().toISO() }}',
	}));
	f.link(escalateLead, notifyLead);
	const keepHolding = f.add('Keep in holding queue', 'n8n-nodes-base.noOp', 1, [1060, 320], {});
	f.link(isHolding, keepHolding, 1);

	// report branch: runs after the watchdog branch (v1 order: the lower branch runs second)
	const all = f.add('All leads', DT, DTV, [-280, 420], dtGet('inquiry_router_leads', [], { all: true }), { executeOnce: true, alwaysOutputData: true });
	f.link(hook, all);
	f.link(daily, all);
	const report = f.add('Report', 'n8n-nodes-base.set', 3.4, [-60, 420], {
		mode: 'raw',
		jsonOutput: `={{ (() => {
  const leads = $('All leads').all().map(i => i.json).filter(l => l.id);
  const now = $now.toUTC();
  const open = leads.filter(l => !l.firstResponseAt && l.status !== 'closed');
  const late = open.filter(l => l.slaDueAt && l.slaDueAt < now.toISO());
  const lost = late.filter(l => l.slaDueAt < now.minus({ hours: 24 }).toISO());
  return {
    runAt: now.toISO(),
    atRisk: late.length - lost.length,
    reoffered: leads.filter(l => (l.attempts || 0) > 1 && l.status === 'assigned').length,
    escalated: leads.filter(l => l.status === 'escalated').length,
    holding: leads.filter(l => l.status === 'holding').length,
    lost: lost.length,
    details: JSON.stringify(late.map(l => ({ id: l.id, status: l.status, managerId: l.managerId, slaDueAt: l.slaDueAt, lost: l.slaDueAt < now.minus({ hours: 24 }).toISO() }))),
  };
})() }}`,
		includeOtherFields: false,
		options: {},
	}, { executeOnce: true });
	f.link(all, report);
	const saveReport = f.add('Save report', DT, DTV, [160, 420], dtInsert('inquiry_router_watchdog_reports', {
		runAt: '={{ $json.runAt }}',
		atRisk: '={{ $json.atRisk }}',
		reoffered: '={{ $json.reoffered }}',
		escalated: '={{ $json.escalated }}',
		holding: '={{ $json.holding }}',
		lost: '={{ $json.lost }}',
		details: '={{ $json.details }}',
	}));
	f.link(report, saveReport);
	write('unanswered-lead-watchdog.json', f);
}

// =====================================================================================
// 5. Evaluate the classifier on your own history
// =====================================================================================
function evaluate() {
	const f = new Flow('Inquiry Router: evaluate the classifier on your own history', 'evaluate', 'IRtplEvalClas005');
	f.sticky(
		'## Evaluate the classifier on your own history\nReads labelled past inquiries from `inquiry_router_eval_cases` (`text`, `label` = the category a person gave it), classifies each with **Classify Inquiry** exactly as configured for production, and writes per-category precision, recall, F1 and the confusion table to `inquiry_router_eval_reports` (one row per category, plus `_overall`).\n\n**Set up**: create both tables, paste 100+ real cases into `inquiry_router_eval_cases`, click **Execute workflow** (or POST to the webhook). Copy Classify Inquiry\'s settings from your router so you test what you run.',
		[-520, -480],
		540,
		400,
		4,
	);
	f.sticky(
		"### Have n8n Evaluations?\nOn a registered or licensed instance, replace **When clicking 'Execute workflow'** with an **Evaluation Trigger** on the same cases, and the metrics part with **Evaluation → Set Metrics** (categorisation: expected `label` vs `inquiry.type`). This template is built from plain nodes so it runs on every instance.",
		[600, -420],
		420,
		240,
		5,
	);
	const manual = f.add("When clicking 'Execute workflow'", 'n8n-nodes-base.manualTrigger', 1, [-520, 0], {});
	const hook = f.add('Run now', 'n8n-nodes-base.webhook', 2.1, [-520, 200], {
		httpMethod: 'POST',
		path: PATHS.evaluate,
		responseMode: 'lastNode',
		responseData: 'allEntries',
		options: {},
	}, { webhookId: WEBHOOK_IDS.evaluate });
	const cases = f.add('Labelled cases', DT, DTV, [-280, 100], dtGet('inquiry_router_eval_cases', [], { all: true }), { executeOnce: true });
	f.link(manual, cases);
	f.link(hook, cases);
	const classify = f.add('Classify Inquiry', `${PKG}.classifyInquiry`, 1, [-60, 100], CLASSIFY);
	f.link(cases, classify);
	const metrics = f.add('Precision, recall, confusion', 'n8n-nodes-base.set', 3.4, [160, 100], {
		mode: 'raw',
		jsonOutput: `={{ (() => {
  const rows = $('Classify Inquiry').all().map(i => ({ gold: String(i.json.label || '').trim(), pred: i.json.inquiry ? i.json.inquiry.type : '(error)' })).filter(r => r.gold);
  const cats = [...new Set(rows.flatMap(r => [r.gold, r.pred]))].sort();
  const confusion = {};
  cats.forEach(g => { confusion[g] = {}; cats.forEach(p => { confusion[g][p] = 0 }) });
  rows.forEach(r => { confusion[r.gold][r.pred] += 1 });
  const round = x => Math.round(x * 10000) / 10000;
  const runAt = $now.toUTC().toISO();
  const report = cats.map(c => {
    const tp = confusion[c][c];
    const support = rows.filter(r => r.gold === c).length;
    const predicted = rows.filter(r => r.pred === c).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? 2 * precision * recall / (precision + recall) : 0;
    return { runAt, category: c, support, predicted, truePositives: tp, precision: round(precision), recall: round(recall), f1: round(f1), confusion: JSON.stringify(confusion[c]) };
  });
  const correct = rows.filter(r => r.gold === r.pred).length;
  const withSupport = report.filter(r => r.support > 0);
  report.push({ runAt, category: '_overall', support: rows.length, predicted: rows.length, truePositives: correct,
    precision: round(rows.length ? correct / rows.length : 0), recall: round(rows.length ? correct / rows.length : 0),
    f1: round(withSupport.length ? withSupport.reduce((s, r) => s + r.f1, 0) / withSupport.length : 0), confusion: JSON.stringify(confusion) });
  return { report };
})() }}`,
		includeOtherFields: false,
		options: {},
	}, { executeOnce: true });
	f.link(classify, metrics);
	const split = f.add('One row per category', 'n8n-nodes-base.splitOut', 1, [380, 100], { fieldToSplitOut: 'report', include: 'noOtherFields', options: {} });
	f.link(metrics, split);
	const save = f.add('Write report', DT, DTV, [600, 100], dtInsert('inquiry_router_eval_reports', {
		runAt: '={{ $json.runAt }}',
		category: '={{ $json.category }}',
		support: '={{ $json.support }}',
		predicted: '={{ $json.predicted }}',
		truePositives: '={{ $json.truePositives }}',
		precision: '={{ $json.precision }}',
		recall: '={{ $json.recall }}',
		f1: '={{ $json.f1 }}',
		confusion: '={{ $json.confusion }}',
	}));
	f.link(split, save);
	write('evaluate-classifier.json', f);
}

inbound();
supportChat();
nightly();
watchdog();
evaluate();
