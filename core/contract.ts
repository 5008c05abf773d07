import { z } from 'zod';

import { InputError } from './shared/errors';
import { getPath, isPlainObject } from './shared/values';

/**
 * The pipeline contract: what each node of the pack writes under its output key and what the nodes
 * downstream read from it. Classify → Dedupe → Segment → Route (and Escalate) chain with no field
 * mapping because every default path below names a field an upstream node really writes
 * (test/unit/contract.test.ts checks each against the writer's strict schema).
 *
 * The schemas here are the READ side: lenient on keys a reader does not need (passthrough), strict
 * on the types of the keys it does. The WRITE side stays in core/<cap>/schema.ts (strict).
 */

// ---- shared vocabularies

/**
 * One priority vocabulary for the pack. Classify writes high | normal | low (never urgent: nothing in
 * a single message tells it apart from high); Route and Escalate also accept urgent, which a workflow
 * or a CRM may set. Other spellings (critical, срочно, medium, ...) map through PRIORITY_ALIASES.
 */
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const prioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof prioritySchema>;
/** The subset Classify writes. */
export const classifyPrioritySchema = z.enum(['high', 'normal', 'low']);

export const PRIORITY_ALIASES: Readonly<Record<string, Priority>> = {
	urgent: 'urgent', critical: 'urgent', blocker: 'urgent', asap: 'urgent', срочно: 'urgent', срочный: 'urgent',
	high: 'high', высокий: 'high',
	normal: 'normal', medium: 'normal', middle: 'normal', средний: 'normal', обычный: 'normal',
	low: 'low', низкий: 'low',
};

/** A priority text in any known spelling; `unknown` holds the text when it is none of them (then normal). */
export function normPriority(value: string | undefined): { priority: Priority; unknown: string | null } {
	if (value === undefined) return { priority: 'normal', unknown: null };
	const p = PRIORITY_ALIASES[value.trim().toLowerCase().replace(/\s+/g, ' ')];
	return p ? { priority: p, unknown: null } : { priority: 'normal', unknown: value };
}

/** ISO 639-1 code; Classify writes 'ru', 'en' or 'other' offline, an LLM may name another code. */
export const languageSchema = z.string().min(2).max(8);
/** Channels the templates and the contact store use; any other text is kept as is. */
export const CHANNELS = ['form', 'chat', 'email', 'telegram', 'whatsapp', 'phone', 'other'] as const;
export const channelSchema = z.string().min(1);
export const sentimentSchema = z.enum(['negative', 'neutral', 'positive']);
export const segmentLetterSchema = z.enum(['A', 'B', 'C']);

// ---- output keys and the default paths that read them

export const KEYS = {
	inquiry: 'inquiry',
	contact: 'contact',
	segment: 'segment',
	assignment: 'assignment',
	escalation: 'escalation',
} as const;

/** Where each downstream node reads an upstream fact by default (dotted paths into the item). */
export const PATHS = {
	/** Classify → Route (skills), Escalate (complaint / unknown type) */
	inquiryType: 'inquiry.type',
	/** Classify → Route */
	language: 'inquiry.language',
	/** Classify → Route */
	priority: 'inquiry.priority',
	/** Segment → Route, Escalate (VIP) */
	segment: 'segment.segment',
	/** Dedupe (Match, from the stored row) → Route (owner first) */
	ownerId: 'contact.ownerId',
	/** Dedupe (Match, from the stored row) → Segment (a known client keeps the stored segment) */
	storedSegment: 'contact.segment',
	/** Classify → Dedupe 1.1 (name, phones, emails, company, inn found in the message text) */
	extracted: 'inquiry.extracted',
} as const;

/** The stored row's columns Dedupe copies into `contact` when it matches (first present wins). */
export const STORED_COLUMNS = {
	ownerId: ['ownerId', 'owner_id', 'owner'],
	segment: ['segment', 'abcSegment', 'abc_segment'],
} as const;

// ---- read-side schemas (what downstream nodes read; other keys pass through untouched)

export const inquiryInSchema = z
	.object({
		type: z.string().min(1).optional(),
		confidence: z.number().min(0).max(1).optional(),
		priority: z.string().optional(),
		language: languageSchema.optional(),
		sentiment: sentimentSchema.optional(),
		angry: z.boolean().optional(),
		wantsHuman: z.boolean().optional(),
		spam: z.boolean().optional(),
	})
	.passthrough();
export type InquiryIn = z.infer<typeof inquiryInSchema>;

export const contactInSchema = z
	.object({
		decision: z.string().optional(),
		/** The stored row's id when the contact matched one (Dedupe Match). */
		matchId: z.string().nullable().optional(),
		ownerId: z.string().nullable().optional(),
		segment: segmentLetterSchema.nullable().optional(),
	})
	.passthrough();
export type ContactIn = z.infer<typeof contactInSchema>;

export const segmentInSchema = z.object({ segment: segmentLetterSchema }).passthrough();
export const assignmentInSchema = z
	.object({ status: z.enum(['assigned', 'unassigned']), managerId: z.string().nullable(), ownerId: z.string().nullable().optional() })
	.passthrough();
export const escalationInSchema = z.object({ escalate: z.boolean() }).passthrough();

/**
 * Reads one upstream object from an item through its read schema: undefined when absent; an
 * InputError naming the field (e.g. "inquiry.sentiment") when present with a wrong type.
 */
export function readUpstream<S extends z.ZodTypeAny>(json: unknown, path: string, schema: S): z.infer<S> | undefined {
	if (!path) return undefined;
	const value = getPath(json, path);
	if (value === undefined || value === null || value === '') return undefined;
	if (!isPlainObject(value)) {
		throw new InputError(path, `Field "${path}" must be an object, got ${Array.isArray(value) ? 'array' : typeof value}`);
	}
	const parsed = schema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const field = [path, ...issue.path].join('.');
		throw new InputError(field, `Field "${field}" ${issue.message.replace(/^Expected/, 'expected')}`);
	}
	return parsed.data as z.infer<S>;
}

/** The stored row's owner and segment (see STORED_COLUMNS), as Dedupe copies them into `contact`. */
export function storedFacts(row: unknown): { ownerId: string | null; segment: 'A' | 'B' | 'C' | null } {
	const pick = (names: readonly string[]): string | null => {
		if (!isPlainObject(row)) return null;
		for (const n of names) {
			const v = row[n];
			if (typeof v === 'number' && Number.isFinite(v)) return String(v);
			if (typeof v === 'string' && v.trim()) return v.trim();
		}
		return null;
	};
	const seg = pick(STORED_COLUMNS.segment)?.toUpperCase() ?? null;
	return { ownerId: pick(STORED_COLUMNS.ownerId), segment: seg === 'A' || seg === 'B' || seg === 'C' ? seg : null };
}
