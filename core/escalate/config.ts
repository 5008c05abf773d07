import { z } from 'zod';

import { inquiryInSchema, PATHS, readUpstream } from '../contract';
import { InputError } from '../shared/errors';
import { getPath, isPlainObject } from '../shared/values';
import { messageToTurns, optionalBoolean, optionalDate, optionalNumber, parseConversation } from './input';
import type { EscalationInput, UpstreamInquiry } from './input';
import { withDefaults } from './options';
import type { EscalationOptions } from './options';

/**
 * The one configuration of Escalate to Human, shared by the node and the CLI: the node's parameters
 * (by internal name) → checked params (one zod schema) → core options; item → decision input.
 */

export interface NodeParams {
	inputMode: 'conversation' | 'message';
	conversationField: string;
	messageField: string;
	triggers: string[];
	useWorkingHours: boolean;
	timezone: string;
	workDays: string[];
	workStart: string;
	workEnd: string;
	options: Record<string, unknown>;
}

export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
	if (typeof value !== 'string') return [];
	return value
		.split(/[,;\n]/)
		.map((s) => s.trim())
		.filter(Boolean);
}

function num(options: Record<string, unknown>, key: string, fallback: number): number {
	const v = options[key];
	return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function toOptions(p: NodeParams, workflowTimezone: string): EscalationOptions {
	const on = new Set(p.triggers);
	const o = p.options;
	const d = withDefaults();
	return withDefaults({
		humanRequest: { enabled: on.has('humanRequest'), minRequests: num(o, 'minHumanRequests', d.humanRequest.minRequests) },
		anger: {
			enabled: on.has('anger'),
			minScore: num(o, 'angerMinScore', d.anger.minScore),
			sentimentBelow: num(o, 'sentimentBelow', d.anger.sentimentBelow),
		},
		complaint: { enabled: on.has('complaint'), types: o.humanOnlyTypes === undefined ? d.complaint.types : splitList(o.humanOnlyTypes) },
		vip: { enabled: on.has('vip'), segments: o.vipSegments === undefined ? d.vip.segments : splitList(o.vipSegments) },
		loop: {
			enabled: on.has('loop'),
			repeatedBotAnswers: num(o, 'repeatedBotAnswers', d.loop.repeatedBotAnswers),
			customerRepeats: num(o, 'customerRepeats', d.loop.customerRepeats),
			maxBotTurns: num(o, 'maxBotTurns', d.loop.maxBotTurns),
			similarity: num(o, 'loopSimilarity', d.loop.similarity),
		},
		lowConfidence: {
			enabled: on.has('lowConfidence'),
			threshold: num(o, 'confidenceThreshold', d.lowConfidence.threshold),
			unknownTypes: o.unknownTypes === undefined ? d.lowConfidence.unknownTypes : splitList(o.unknownTypes),
		},
		repeatContact: { enabled: on.has('repeatContact'), minContacts: num(o, 'minRecentContacts', d.repeatContact.minContacts) },
		botFailure: { enabled: on.has('botFailure') },
		cooldownMinutes: num(o, 'cooldownMinutes', d.cooldownMinutes),
		workingHours: {
			enabled: p.useWorkingHours,
			timezone: (p.timezone || '').trim() || workflowTimezone || d.workingHours.timezone,
			days: (p.workDays ?? []).map(Number),
			start: p.workStart || d.workingHours.start,
			end: p.workEnd || d.workingHours.end,
		},
		language: o.language === 'ru' || o.language === 'en' ? o.language : 'auto',
		transcriptTurns: num(o, 'transcriptTurns', d.transcriptTurns),
	});
}

function str(options: Record<string, unknown>, key: string, fallback: string): string {
	const v = options[key];
	return typeof v === 'string' ? v.trim() : fallback;
}

function optionalObject(value: unknown, field: string): Record<string, unknown> | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (isPlainObject(value)) return value;
	if (typeof value === 'string') {
		try {
			const parsed: unknown = JSON.parse(value);
			if (isPlainObject(parsed)) return parsed;
		} catch {
			// reported below
		}
	}
	throw new InputError(field, `Field "${field}" must be an object, got ${Array.isArray(value) ? 'array' : typeof value}`);
}

/** Reads the decision's input from one item; problems name the field. */
export function readInput(json: Record<string, unknown>, p: NodeParams, version = 1): EscalationInput {
	const contract = version >= 1.1;
	const o = p.options;
	const turns =
		p.inputMode === 'message'
			? messageToTurns(getPath(json, p.messageField), p.messageField)
			: parseConversation(getPath(json, p.conversationField), p.conversationField);

	const inquiryField = str(o, 'inquiryField', 'inquiry');
	let inquiry: UpstreamInquiry | undefined;
	if (contract) {
		// Version 1.1: Classify's inquiry as the contract defines it (type, sentiment label, flags).
		const read = readUpstream(json, inquiryField, inquiryInSchema);
		if (read) {
			inquiry = {};
			if (read.type?.trim()) inquiry.type = read.type.trim();
			if (read.confidence !== undefined) inquiry.confidence = read.confidence;
			if (read.angry !== undefined) inquiry.angry = read.angry;
			if (read.wantsHuman !== undefined) inquiry.wantsHuman = read.wantsHuman;
			if (read.sentiment !== undefined) inquiry.sentiment = read.sentiment;
			// A single message is the text Classify read: its flags stand, the text is not re-detected.
			if (p.inputMode === 'message') inquiry.flagsFromSameText = true;
		}
	}
	const inquiryRaw = !contract && inquiryField ? optionalObject(getPath(json, inquiryField), inquiryField) : undefined;
	if (inquiryRaw) {
		inquiry = {};
		const type = inquiryRaw.type ?? inquiryRaw.category;
		if (typeof type === 'string' && type.trim()) inquiry.type = type.trim();
		const confidence = optionalNumber(inquiryRaw.confidence, `${inquiryField}.confidence`);
		if (confidence !== undefined) inquiry.confidence = confidence;
		const angry = optionalBoolean(inquiryRaw.angry, `${inquiryField}.angry`);
		if (angry !== undefined) inquiry.angry = angry;
		const wantsHuman = optionalBoolean(inquiryRaw.wantsHuman, `${inquiryField}.wantsHuman`);
		if (wantsHuman !== undefined) inquiry.wantsHuman = wantsHuman;
		const s = inquiryRaw.sentiment;
		if (typeof s === 'number' || typeof s === 'string') inquiry.sentiment = s;
		else if (isPlainObject(s) && (typeof s.score === 'number' || typeof s.label === 'string')) {
			inquiry.sentiment = (typeof s.score === 'number' ? s.score : s.label) as number | string;
		}
	}

	const input: EscalationInput = { turns };
	if (inquiry) input.inquiry = inquiry;

	const segmentField = str(o, 'segmentField', PATHS.segment);
	const segment = segmentField ? getPath(json, segmentField) : undefined;
	if (typeof segment === 'string' && segment.trim()) input.segment = segment.trim();

	const vipField = str(o, 'vipField', 'vip');
	const vip = vipField ? optionalBoolean(getPath(json, vipField), vipField) : undefined;
	if (vip !== undefined) input.vip = vip;

	const rcField = str(o, 'recentContactsField', 'recentContacts');
	const rc = rcField ? optionalNumber(getPath(json, rcField), rcField) : undefined;
	if (rc !== undefined) input.recentContacts = rc;

	const stateField = str(o, 'stateField', 'state');
	const stateRaw = stateField ? optionalObject(getPath(json, stateField), stateField) : json;
	if (stateRaw) {
		const prefix = stateField ? `${stateField}.` : '';
		const handedOver = optionalBoolean(stateRaw.handedOver, `${prefix}handedOver`);
		const handedOverAt = optionalDate(stateRaw.handedOverAt, `${prefix}handedOverAt`);
		const cooldownUntil = optionalDate(stateRaw.cooldownUntil, `${prefix}cooldownUntil`);
		const state: EscalationInput['state'] = {};
		if (handedOver !== undefined) state.handedOver = handedOver;
		if (handedOverAt) state.handedOverAt = handedOverAt;
		if (cooldownUntil) state.cooldownUntil = cooldownUntil;
		if (Object.keys(state).length) input.state = state;
	}

	const botErrorField = str(o, 'botErrorField', 'botError');
	if (botErrorField) {
		const v = getPath(json, botErrorField);
		if (v !== undefined && v !== null) input.botError = v;
	}

	const onlineField = str(o, 'humansOnlineField', 'humansOnline');
	const online = onlineField ? optionalBoolean(getPath(json, onlineField), onlineField) : undefined;
	if (online !== undefined) input.humansOnline = online;

	const contactField = str(o, 'contactField', 'contact');
	const contact = contactField ? getPath(json, contactField) : undefined;
	if (isPlainObject(contact)) input.contact = contact;
	return input;
}

/** The decision time: the `now` option (ISO) or the execution time. */
export function resolveNow(value: unknown, executionTime: Date): Date {
	if (value === undefined || value === null || value === '') return executionTime;
	const iso = optionalDate(typeof value === 'object' && value !== null && 'toISO' in value ? String(value) : value, 'now');
	return iso ? new Date(iso) : executionTime;
}

export const ALL_TRIGGERS = ['humanRequest', 'anger', 'complaint', 'vip', 'loop', 'lowConfidence', 'repeatContact', 'botFailure'];

const paramsSchema = z.object({
	inputMode: z.enum(['conversation', 'message']).default('conversation'),
	conversationField: z.string().default('conversation'),
	messageField: z.string().default('message'),
	triggers: z.array(z.string()).default(ALL_TRIGGERS),
	useWorkingHours: z.boolean().default(false),
	timezone: z.string().default(''),
	workDays: z.array(z.union([z.string(), z.number()]).transform(String)).default(['1', '2', '3', '4', '5']),
	workStart: z.string().default('09:00'),
	workEnd: z.string().default('18:00'),
	options: z.record(z.string(), z.unknown()).default({}),
});

/**
 * The node's parameters (or the CLI's --config file, same names) checked into NodeParams; a wrong
 * type is an InputError naming the parameter. Unknown keys are ignored (n8n adds its own).
 */
export function readParams(params: unknown): NodeParams {
	const parsed = paramsSchema.safeParse(isPlainObject(params) ? params : {});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const field = issue.path.join('.') || 'config';
		throw new InputError(field, `Parameter "${field}" ${issue.message.replace(/^Expected/, 'expected')}`);
	}
	return parsed.data;
}
