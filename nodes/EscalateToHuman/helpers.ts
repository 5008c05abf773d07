import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../core/shared/errors';
import { getPath, isPlainObject } from '../../core/shared/values';
import {
	messageToTurns,
	optionalBoolean,
	optionalDate,
	optionalNumber,
	parseConversation,
} from '../../core/escalate/input';
import type { EscalationInput, UpstreamInquiry } from '../../core/escalate/input';
import { withDefaults } from '../../core/escalate/options';
import type { EscalationOptions } from '../../core/escalate/options';

/** Pure helpers of the node: parameters → options, item → decision input. Tested directly. */

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
	options: IDataObject;
}

export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
	if (typeof value !== 'string') return [];
	return value
		.split(/[,;\n]/)
		.map((s) => s.trim())
		.filter(Boolean);
}

function num(options: IDataObject, key: string, fallback: number): number {
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
			capsRatio: num(o, 'capsRatio', d.anger.capsRatio),
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

function str(options: IDataObject, key: string, fallback: string): string {
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
export function readInput(json: IDataObject, p: NodeParams): EscalationInput {
	const o = p.options;
	const turns =
		p.inputMode === 'message'
			? messageToTurns(getPath(json, p.messageField), p.messageField)
			: parseConversation(getPath(json, p.conversationField), p.conversationField);

	const inquiryField = str(o, 'inquiryField', 'inquiry');
	const inquiryRaw = inquiryField ? optionalObject(getPath(json, inquiryField), inquiryField) : undefined;
	let inquiry: UpstreamInquiry | undefined;
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

	const segmentField = str(o, 'segmentField', 'segment.segment');
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
