import { z } from 'zod';

import { prioritySchema } from '../contract';
import { reasonSchema } from '../shared/reasons';

/** The contract's priority vocabulary (core/contract.ts). */
export const routePrioritySchema = prioritySchema;
export type RoutePriority = z.infer<typeof routePrioritySchema>;

/** Why a manager was not eligible for a lead (stable machine codes). */
export const skipCodeSchema = z.enum([
	'inactive',
	'absent',
	'out_of_hours',
	'at_capacity',
	'segment_not_covered',
	'language_not_covered',
	'no_skill_match',
]);
export type SkipCode = z.infer<typeof skipCodeSchema>;

/** UTC ISO 8601 date-time as Date#toISOString() writes it. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const candidateSchema = z
	.object({
		managerId: z.string().min(1),
		name: z.string(),
		/** `assigned`, `ranked_lower` (eligible, behind the assigned one) or a skip code. */
		outcome: z.enum(['assigned', 'ranked_lower', ...skipCodeSchema.options]),
		detail: z.string().optional(),
	})
	.strict();

export const matchSchema = z
	.object({
		/** Share of the lead's skills this manager has, 0..1 (1 when the lead names none). */
		skillMatch: z.number().min(0).max(1),
		matchedSkills: z.array(z.string()),
		seniority: z.number().min(0),
		/** activeLeads / capacity before this assignment. */
		loadRatio: z.number().min(0),
		/** Weighted shares only: (periodCount + assigned here) / weight before this assignment. */
		shareRatio: z.number().min(0).optional(),
	})
	.strict();

export const loadAfterSchema = z
	.object({
		managerId: z.string().min(1),
		activeLeads: z.number().int().min(0),
		capacity: z.number().int().min(0),
		ratio: z.number().min(0),
		periodCount: z.number().int().min(0),
	})
	.strict();

/** The object a routed item gains (default key `assignment`). Strict: nothing outside this schema. */
export const assignmentSchema = z
	.object({
		status: z.enum(['assigned', 'unassigned']),
		managerId: z.string().min(1).nullable(),
		managerName: z.string().nullable(),
		queue: z.string().min(1).nullable(),
		fallback: z.boolean(),
		cover: z.boolean(),
		ownerId: z.string().min(1).nullable(),
		priority: routePrioritySchema,
		seniorFirst: z.boolean(),
		skills: z.array(z.string()),
		language: z.string().nullable(),
		segment: z.string().nullable(),
		match: matchSchema.nullable(),
		loadAfter: loadAfterSchema.nullable(),
		slaDueAt: z.string().regex(ISO_UTC),
		responseMinutes: z.number().min(0),
		decidedAt: z.string().regex(ISO_UTC),
		reasons: z.array(reasonSchema).min(1),
		candidates: z.array(candidateSchema),
		candidatesTotal: z.number().int().min(0),
		eligibleCount: z.number().int().min(0),
		skippedCounts: z
			.object(Object.fromEntries(skipCodeSchema.options.map((c) => [c, z.number().int().min(1).optional()])) as Record<SkipCode, z.ZodOptional<z.ZodNumber>>)
			.strict(),
	})
	.strict()
	.superRefine((a, ctx) => {
		if (a.status === 'assigned' && (a.managerId === null || a.loadAfter === null || a.match === null)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'an assigned lead needs managerId, match and loadAfter' });
		}
		if (a.status === 'unassigned' && (!a.fallback || a.cover || a.loadAfter !== null)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'an unassigned lead is a fallback without load or cover' });
		}
	});

export type Assignment = z.infer<typeof assignmentSchema>;
export type Candidate = z.infer<typeof candidateSchema>;
