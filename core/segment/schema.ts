import { z } from 'zod';

import { reasonSchema } from '../shared/reasons';

export const SEGMENTS = ['A', 'B', 'C'] as const;
export const XYZ_CLASSES = ['X', 'Y', 'Z'] as const;

export const abcSchema = z.enum(SEGMENTS);
export const xyzSchema = z.enum(XYZ_CLASSES);

export type Abc = z.infer<typeof abcSchema>;
export type Xyz = z.infer<typeof xyzSchema>;

export const OPERATORS = [
	'equals',
	'notEquals',
	'contains',
	'gte',
	'lte',
	'gt',
	'lt',
	'exists',
	'notExists',
	'in',
	'regex',
] as const;
export type Operator = (typeof OPERATORS)[number];

const percent = z.number().finite();

/**
 * core/shared/reasons.ts's reasonSchema, accepting exactly the same values, with the evidence union
 * tried number-first: most evidence here is a number, and zod builds an issue object for every union
 * branch that fails, which made validating a million results about 4–5 times slower.
 */
export const segmentReasonSchema = reasonSchema
	.extend({ evidence: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]).optional() })
	.strict();

export const breakdownEntrySchema = z
	.object({
		/** 1-based position of the rule in the node's list. */
		rule: z.number().int().min(1),
		field: z.string().min(1),
		operator: z.enum(OPERATORS),
		value: z.string().optional(),
		/** Points as configured (awarded only when matched). */
		points: z.number().finite(),
		matched: z.boolean(),
		/** The field's value as text, when present (cut to 200 characters). */
		actual: z.string().optional(),
	})
	.strict();

export type BreakdownEntry = z.infer<typeof breakdownEntrySchema>;

/** The object a segmented item gains (default key `segment`). Strict: nothing outside this schema. */
export const segmentResultSchema = z
	.object({
		segment: abcSchema,
		mode: z.enum(['pareto', 'scoring']),
		xyz: xyzSchema.optional(),
		abcXyz: z
			.string()
			.regex(/^[ABC][XYZ]$/)
			.optional(),
		/** Coefficient of variation of the series, in % (population std / mean × 100). */
		cv: z.number().finite().min(0).optional(),
		/** The value segmented (the group's total under roll-up). */
		value: z.number().finite().optional(),
		/** This item's own value under roll-up. */
		itemValue: z.number().finite().optional(),
		rank: z.number().int().min(1).optional(),
		rankPercent: percent.min(0).max(100).optional(),
		shareAhead: percent.min(0).max(100).optional(),
		cumulativeShare: percent.min(0).max(100).optional(),
		clients: z.number().int().min(0).optional(),
		rawSegment: abcSchema.optional(),
		previousSegment: abcSchema.optional(),
		group: z.object({ key: z.string().min(1), size: z.number().int().min(1) }).strict().optional(),
		score: z.number().finite().optional(),
		breakdown: z.array(breakdownEntrySchema).optional(),
		reasons: z.array(segmentReasonSchema),
	})
	.strict();

export type SegmentResult = z.infer<typeof segmentResultSchema>;

export function validateResult(result: SegmentResult): SegmentResult {
	return segmentResultSchema.parse(result);
}
