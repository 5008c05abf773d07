import { z } from 'zod';

import { reasonSchema } from '../shared/reasons';

/** One field's contribution to a decision (see compare.ts). */
export const evidenceSchema = z
	.object({
		field: z.string(),
		outcome: z.enum(['equal', 'similar', 'initial', 'different', 'shared']),
		weight: z.number(),
		value: z.string().optional(),
		other: z.string().optional(),
	})
	.strict();

/** Normalised match keys: what a workflow stores and looks candidates up by. */
export const keysSchema = z
	.object({
		emails: z.array(z.string()),
		phones: z.array(z.string()),
		telegram: z.array(z.string()),
		inn: z.array(z.string()),
		ogrn: z.array(z.string()),
		name: z.string().nullable(),
		company: z.string().nullable(),
		/** Every key in one list, prefixed by kind ("email:…", "phone:…", "tg:…", "inn:…", "name:…"). */
		all: z.array(z.string()),
	})
	.strict();

export const companyLinkSchema = z
	.object({
		id: z.string().nullable(),
		via: z.enum(['phone', 'inn', 'email', 'company', 'domain']),
		value: z.string(),
	})
	.strict();

/**
 * Person mode: the organisation a contact belongs to. `key` is stable across executions (the same
 * text as an organisation-mode match key: "inn:…", "ogrn:…", "domain:…", "name:…"), to look up an
 * organisations table; `id` is the organisation's cluster in the batch (deduplicate) or the candidate
 * of the same organisation (match), null when there is none.
 */
export const organisationLinkSchema = z
	.object({
		key: z.string(),
		id: z.string().nullable(),
		name: z.string().nullable(),
		via: z.enum(['inn', 'ogrn', 'domain', 'company']),
	})
	.strict();

const jsonRecord = z.record(z.string(), z.unknown());

export const matchKeysResultSchema = z
	.object({ operation: z.literal('matchKeys'), keys: keysSchema, reasons: z.array(reasonSchema) })
	.strict();

export const matchResultSchema = z
	.object({
		operation: z.literal('match'),
		decision: z.enum(['new', 'duplicate', 'review']),
		matchId: z.string().nullable(),
		score: z.number().min(0).max(1).nullable(),
		evidence: z.array(evidenceSchema),
		companyLink: companyLinkSchema.nullable(),
		organisation: organisationLinkSchema.nullable().optional(),
		candidatesCompared: z.number().int().min(0),
		/** The stored row's owner (contract: Route's owner-first reads contact.ownerId); duplicates only. */
		ownerId: z.string().min(1).nullable(),
		/** The stored row's ABC segment (contract: Segment keeps it for a known client); duplicates only. */
		segment: z.enum(['A', 'B', 'C']).nullable(),
		matchedRecord: jsonRecord.nullable().optional(),
		keys: keysSchema,
		reasons: z.array(reasonSchema),
	})
	.strict();

export const dedupeResultSchema = z
	.object({
		operation: z.literal('deduplicate'),
		decision: z.enum(['unique', 'duplicate', 'review']),
		clusterId: z.string(),
		clusterSize: z.number().int().min(1),
		isPrimary: z.boolean(),
		primaryId: z.string(),
		matchId: z.string().nullable(),
		score: z.number().min(0).max(1).nullable(),
		evidence: z.array(evidenceSchema),
		companyLink: companyLinkSchema.nullable(),
		organisation: organisationLinkSchema.nullable().optional(),
		keys: keysSchema,
		reasons: z.array(reasonSchema),
	})
	.strict();

export const historyEntrySchema = z
	.object({
		id: z.string(),
		channel: z.string().nullable(),
		timestamp: z.string().nullable(),
	})
	.strict();

export const conflictSchema = z
	.object({
		field: z.string(),
		kept: z.unknown(),
		keptFrom: z.string(),
		alternatives: z.array(z.object({ value: z.unknown(), from: z.string() }).strict()),
	})
	.strict();

export const journalSchema = z
	.object({
		mergeId: z.string(),
		primaryId: z.string(),
		sourceIds: z.array(z.string()).min(1),
		filled: z.array(z.object({ field: z.string(), from: z.string() }).strict()),
		conflicts: z.array(conflictSchema),
		/** Exact copies of every source record as it was before the merge. */
		sources: z.array(jsonRecord).min(1),
	})
	.strict();

export const mergeResultSchema = z
	.object({
		operation: z.literal('merge'),
		role: z.enum(['golden', 'merged']),
		golden: jsonRecord.nullable(),
		mergedInto: z.string().nullable(),
		history: z.array(historyEntrySchema),
		conflicts: z.array(conflictSchema),
		filled: z.array(z.object({ field: z.string(), from: z.string() }).strict()),
		journal: journalSchema.nullable(),
		reasons: z.array(reasonSchema),
	})
	.strict();

export const unmergeResultSchema = z
	.object({
		operation: z.literal('unmerge'),
		mergeId: z.string(),
		records: z.array(jsonRecord).min(1),
		reasons: z.array(reasonSchema),
	})
	.strict();

export const contactResultSchema = z.discriminatedUnion('operation', [
	matchKeysResultSchema,
	matchResultSchema,
	dedupeResultSchema,
	mergeResultSchema,
	unmergeResultSchema,
]);

export type OrganisationLink = z.infer<typeof organisationLinkSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type MatchKeys = z.infer<typeof keysSchema>;
export type MatchKeysResult = z.infer<typeof matchKeysResultSchema>;
export type MatchResult = z.infer<typeof matchResultSchema>;
export type DedupeResult = z.infer<typeof dedupeResultSchema>;
export type MergeResult = z.infer<typeof mergeResultSchema>;
export type UnmergeResult = z.infer<typeof unmergeResultSchema>;
export type Journal = z.infer<typeof journalSchema>;
export type Conflict = z.infer<typeof conflictSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type ContactResult = z.infer<typeof contactResultSchema>;
