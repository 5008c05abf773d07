import { z } from 'zod';

import { classifyPrioritySchema, languageSchema, sentimentSchema } from '../contract';
import { reasonSchema } from '../shared/reasons';

/** Classify writes the contract's priorities without `urgent` (core/contract.ts). */
export const prioritySchema = classifyPrioritySchema;
export { sentimentSchema };
export const engineSchema = z.enum(['rules', 'local', 'llm']);

export const extractedSchema = z
	.object({
		/** Person's name from a signature, "меня зовут ...", "my name is ..." */
		name: z.string().min(1).optional(),
		/** E.164 ("+79123456789") */
		phones: z.array(z.string().regex(/^\+\d{7,15}$/)),
		emails: z.array(z.string().email()),
		/** Organisation with its legal form: "ООО Ромашка", "Acme Inc" */
		company: z.string().min(1).optional(),
		/** Russian INN (10 or 12 digits) that passed the checksum */
		inn: z.array(z.string().regex(/^(\d{10}|\d{12})$/)),
		/** "12345", "A-123" from "заказ №12345", "order #A-123" */
		orderNumbers: z.array(z.string().min(1)),
	})
	.strict();

export const typeConfidenceSchema = z.object({ type: z.string().min(1), confidence: z.number().min(0).max(1) }).strict();

/**
 * The object a classified item gains (default key `inquiry`). Strict: nothing outside this schema.
 * `type` must also be a category id of the taxonomy in use: see inquirySchemaFor().
 */
export const inquirySchema = z
	.object({
		type: z.string().min(1),
		/** Multi-label mode only: every category whose confidence reached the cut, best first. */
		types: z.array(typeConfidenceSchema).optional(),
		confidence: z.number().min(0).max(1),
		priority: prioritySchema,
		/** 'ru', 'en' or 'other' offline; an LLM may name another ISO 639-1 code. */
		language: languageSchema,
		sentiment: sentimentSchema,
		angry: z.boolean(),
		wantsHuman: z.boolean(),
		spam: z.boolean(),
		extracted: extractedSchema,
		reasons: z.array(reasonSchema),
		/** The engine whose answer decided the type. */
		engine: engineSchema,
		/** Engines consulted for this item, in order (for "how many items reached each engine"). */
		stages: z.array(engineSchema).min(1),
		/** True when a preferred engine (the LLM) failed or was rejected and a fallback decided. */
		degraded: z.boolean(),
	})
	.strict();

export type Inquiry = z.infer<typeof inquirySchema>;
export type Extracted = z.infer<typeof extractedSchema>;

/** inquirySchema with `type` (and every `types[].type`) restricted to the taxonomy's ids. */
export function inquirySchemaFor(categoryIds: string[]) {
	const ids = new Set(categoryIds);
	return inquirySchema.superRefine((value, ctx) => {
		if (!ids.has(value.type)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['type'], message: `"${value.type}" is not a category` });
		}
		for (const [i, t] of (value.types ?? []).entries()) {
			if (!ids.has(t.type)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['types', i, 'type'], message: `"${t.type}" is not a category` });
			}
		}
	});
}

/**
 * What the cascade accepts from an LLM engine. Unknown keys are stripped, never passed on; a type
 * that is not a category id is rejected by the cascade (reason llm_failed / unknown_category).
 */
export const llmVerdictSchema = z.object({
	type: z.string().min(1),
	types: z.array(z.object({ type: z.string().min(1), confidence: z.number().min(0).max(1) })).optional(),
	confidence: z.number().min(0).max(1),
	priority: prioritySchema.optional(),
	sentiment: sentimentSchema.optional(),
	angry: z.boolean().optional(),
	wantsHuman: z.boolean().optional(),
	spam: z.boolean().optional(),
	language: z.string().min(2).max(8).optional(),
	rationale: z.string().max(2000).optional(),
});
