import { InputError } from '../shared/errors';
import { isPlainObject, isSaneInstant, SANE_YEARS } from '../shared/values';
import type { EscalationState } from './schema';

export type Role = 'customer' | 'bot' | 'agent';

export interface InputTurn {
	role: Role;
	text: string;
	/** The bot reported an error or timeout for this turn. */
	error: boolean;
}

export interface UpstreamInquiry {
	type?: string;
	confidence?: number;
	angry?: boolean;
	wantsHuman?: boolean;
	/** −1 (very negative) … 1, or a label ('negative', 'very_negative', ...). */
	sentiment?: number | string;
	/**
	 * The flags were computed from the very text being decided on (Classify on the same single
	 * message): wantsHuman and angry, when present, stand instead of detecting them again.
	 */
	flagsFromSameText?: boolean;
}

/** Everything the decision reads, already taken out of the item by the node or the CLI. */
export interface EscalationInput {
	turns: InputTurn[];
	inquiry?: UpstreamInquiry;
	segment?: string;
	vip?: boolean;
	recentContacts?: number;
	state?: Partial<EscalationState>;
	/** A bot or LLM error flag from earlier nodes: true, an error message, or an error object. */
	botError?: unknown;
	/** Overrides the working-hours schedule when set. */
	humansOnline?: boolean;
	contact?: Record<string, unknown>;
}

const ROLE_ALIASES: Record<string, Role> = {
	customer: 'customer',
	user: 'customer',
	client: 'customer',
	human: 'customer',
	visitor: 'customer',
	lead: 'customer',
	contact: 'customer',
	клиент: 'customer',
	пользователь: 'customer',
	bot: 'bot',
	assistant: 'bot',
	ai: 'bot',
	system: 'bot',
	model: 'bot',
	бот: 'bot',
	agent: 'agent',
	operator: 'agent',
	manager: 'agent',
	staff: 'agent',
	human_agent: 'agent',
	оператор: 'agent',
	менеджер: 'agent',
};

export const ACCEPTED_ROLES = Object.keys(ROLE_ALIASES).filter((r) => /^[a-z_]+$/.test(r));

/** A single message becomes a one-turn conversation from the customer. */
export function messageToTurns(value: unknown, field: string): InputTurn[] {
	if (value === undefined || value === null) throw new InputError(field, `Field "${field}" is missing`);
	if (typeof value !== 'string') {
		throw new InputError(field, `Field "${field}" must be text, got ${Array.isArray(value) ? 'array' : typeof value}`);
	}
	if (value.trim() === '') throw new InputError(field, `Field "${field}" is empty`);
	return [{ role: 'customer', text: value, error: false }];
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return NOT_JSON;
	}
}

/**
 * A conversation: an array of turns `{ role, text }` (also accepted: `content` or `message` for the
 * text, `from`/`author`/`sender` for the role, OpenAI-style roles). A JSON string of such an array
 * is parsed. Bot turns may be empty (that is a bot failure, not an input error) or carry `error`.
 */
export function parseConversation(value: unknown, field: string): InputTurn[] {
	if (value === undefined || value === null) throw new InputError(field, `Field "${field}" is missing`);
	let list: unknown = value;
	if (typeof value === 'string') {
		list = parseJson(value);
		if (list === NOT_JSON) {
			throw new InputError(field, `Field "${field}" must be an array of turns {role, text}, got text that is not JSON`);
		}
	}
	if (!Array.isArray(list)) {
		throw new InputError(field, `Field "${field}" must be an array of turns {role, text}, got ${typeof list}`);
	}
	if (list.length === 0) throw new InputError(field, `Field "${field}" is an empty conversation`);
	const turns = list.map((raw, i): InputTurn => {
		const at = `${field}[${i}]`;
		if (!isPlainObject(raw)) throw new InputError(at, `Turn ${at} must be an object {role, text}, got ${Array.isArray(raw) ? 'array' : typeof raw}`);
		const roleRaw = raw.role ?? raw.from ?? raw.author ?? raw.sender;
		if (typeof roleRaw !== 'string' || roleRaw.trim() === '') {
			throw new InputError(`${at}.role`, `Turn ${at} has no role (expected one of: customer, bot, agent)`);
		}
		const roleKey = roleRaw.trim().toLowerCase();
		// own keys only: "constructor" or "__proto__" must not find Object.prototype's members
		const role = Object.prototype.hasOwnProperty.call(ROLE_ALIASES, roleKey) ? ROLE_ALIASES[roleKey] : undefined;
		if (!role) {
			throw new InputError(`${at}.role`, `Turn ${at} has unknown role "${roleRaw}" (expected one of: ${ACCEPTED_ROLES.join(', ')})`);
		}
		const textRaw = raw.text ?? raw.content ?? raw.message;
		const error = raw.error === true || (typeof raw.error === 'string' && raw.error.trim() !== '') || isPlainObject(raw.error);
		if (textRaw === undefined || textRaw === null) {
			if (role === 'bot') return { role, text: '', error };
			throw new InputError(`${at}.text`, `Turn ${at} has no text`);
		}
		if (typeof textRaw !== 'string') {
			throw new InputError(`${at}.text`, `Turn ${at}.text must be text, got ${Array.isArray(textRaw) ? 'array' : typeof textRaw}`);
		}
		return { role, text: textRaw, error };
	});
	if (!turns.some((t) => t.role === 'customer' && t.text.trim() !== '')) {
		throw new InputError(field, `Field "${field}" has no customer message`);
	}
	return turns;
}

/** Optional number (numeric strings accepted); anything else is an error naming the field. */
export function optionalNumber(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof n !== 'number' || !Number.isFinite(n)) throw new InputError(field, `Field "${field}" must be a number, got ${JSON.stringify(value)}`);
	return n;
}

/** Optional boolean: true/false, "true"/"false"/"yes"/"no"/"1"/"0", 1/0. */
export function optionalBoolean(value: unknown, field: string): boolean | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	if (typeof value === 'string') {
		const v = value.trim().toLowerCase();
		if (['true', 'yes', '1', 'да'].includes(v)) return true;
		if (['false', 'no', '0', 'нет'].includes(v)) return false;
	}
	throw new InputError(field, `Field "${field}" must be true or false, got ${JSON.stringify(value)}`);
}

/** Optional ISO date-time (or epoch ms) as an ISO string. */
export function optionalDate(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const d = typeof value === 'number' ? new Date(value) : typeof value === 'string' ? new Date(value) : undefined;
	if (!d || Number.isNaN(d.getTime())) throw new InputError(field, `Field "${field}" must be a date (ISO 8601), got ${JSON.stringify(value)}`);
	if (!isSaneInstant(d.getTime())) {
		throw new InputError(field, `Field "${field}" must be a date in the years ${SANE_YEARS}, got ${JSON.stringify(value)}`);
	}
	return d.toISOString();
}
