// The Data tables the templates use (created per instance; templates refer to them by name).
// docs/templates.md lists the same columns for users who create them in the editor.
import type { TableSpec } from './api';

const s = (name: string) => ({ name, type: 'string' as const });
const n = (name: string) => ({ name, type: 'number' as const });
const b = (name: string) => ({ name, type: 'boolean' as const });

export const TABLES: Record<string, TableSpec> = {
	inquiry_router_contacts: {
		name: 'inquiry_router_contacts',
		columns: [s('name'), s('emailKey'), s('phoneKey'), s('company'), s('channels'), s('mergedInto'), s('possibleDuplicateOf'), s('firstSeen'), s('lastSeen')],
	},
	inquiry_router_contact_history: {
		name: 'inquiry_router_contact_history',
		columns: [n('contactId'), s('requestId'), s('at'), s('channel'), s('text'), s('type'), s('dedupe')],
	},
	inquiry_router_managers: {
		name: 'inquiry_router_managers',
		columns: [
			s('managerId'), s('name'), s('email'), s('skills'), s('languages'), s('segments'), s('seniority'), n('capacity'), n('activeLeads'),
			b('active'), s('workingHours'), s('timeZone'), s('teamLeadId'),
		],
	},
	inquiry_router_leads: {
		name: 'inquiry_router_leads',
		columns: [
			s('requestId'), n('contactId'), s('channel'), s('text'), s('category'), s('priority'), s('segment'), s('managerId'), s('status'),
			s('reasons'), s('receivedAt'), s('slaDueAt'), s('firstResponseAt'), n('attempts'), s('triedManagers'), s('escalatedTo'),
		],
	},
	inquiry_router_support_queue: {
		name: 'inquiry_router_support_queue',
		columns: [s('requestId'), n('contactId'), s('channel'), s('category'), s('priority'), s('text'), s('reasons'), s('receivedAt')],
	},
	inquiry_router_spam_log: {
		name: 'inquiry_router_spam_log',
		columns: [s('receivedAt'), s('channel'), s('text'), s('reasons')],
	},
	inquiry_router_notifications: {
		name: 'inquiry_router_notifications',
		columns: [s('managerId'), n('leadId'), s('kind'), s('message'), s('sentAt')],
	},
	inquiry_router_conversations: {
		name: 'inquiry_router_conversations',
		columns: [s('sessionId'), n('messages'), n('humanRequests'), s('lastMessage'), s('status'), s('transcript'), s('state'), s('lastMessageAt')],
	},
	inquiry_router_chat_messages: {
		name: 'inquiry_router_chat_messages',
		columns: [s('sessionId'), s('role'), s('text'), s('at')],
	},
	inquiry_router_handoffs: {
		name: 'inquiry_router_handoffs',
		columns: [s('sessionId'), s('reason'), s('priority'), s('package'), s('reasons'), s('handedOffAt')],
	},
	inquiry_router_clients: {
		name: 'inquiry_router_clients',
		columns: [s('clientId'), s('name'), n('revenue'), s('monthlyRevenue'), s('segment'), s('xyz'), s('previousSegment'), s('segmentReasons'), s('segmentedAt')],
	},
	inquiry_router_segment_moves: {
		name: 'inquiry_router_segment_moves',
		columns: [s('runAt'), s('clientId'), s('name'), s('fromSegment'), s('toSegment')],
	},
	inquiry_router_watchdog_reports: {
		name: 'inquiry_router_watchdog_reports',
		columns: [s('runAt'), n('atRisk'), n('reoffered'), n('escalated'), n('holding'), n('lost'), s('details')],
	},
	inquiry_router_eval_cases: {
		name: 'inquiry_router_eval_cases',
		columns: [s('text'), s('label')],
	},
	inquiry_router_eval_reports: {
		name: 'inquiry_router_eval_reports',
		columns: [s('runAt'), s('category'), n('support'), n('predicted'), n('truePositives'), n('precision'), n('recall'), n('f1'), s('confusion')],
	},
};
