import { z } from 'zod';

import { reasonSchema } from '../shared/reasons';

/** Trigger ids: the `code` of a reason that made (or would have made) the decision. */
export const TRIGGER_IDS = [
	'human_request',
	'anger',
	'complaint',
	'vip',
	'loop',
	'low_confidence',
	'repeat_contact',
	'bot_failure',
] as const;
export type TriggerId = (typeof TRIGGER_IDS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const turnSchema = z
	.object({
		role: z.enum(['customer', 'bot', 'agent']),
		text: z.string(),
	})
	.strict();

export const keyFactsSchema = z
	.object({
		name: z.string().optional(),
		phones: z.array(z.string()),
		emails: z.array(z.string()),
		orderNumbers: z.array(z.string()),
		segment: z.string().optional(),
		type: z.string().optional(),
		vip: z.boolean(),
		recentContacts: z.number().optional(),
	})
	.strict();

export const handoffSchema = z
	.object({
		summary: z.string(),
		summarySource: z.enum(['extractive', 'llm']),
		keyFacts: keyFactsSchema,
		transcript: z.array(turnSchema),
		suggestedFirstReply: z.string(),
		humansOnline: z.boolean(),
		callbackOffered: z.boolean(),
		nextOpenAt: z.string().optional(),
	})
	.strict();

export const stateSchema = z
	.object({
		handedOver: z.boolean(),
		handedOverAt: z.string().nullable(),
		cooldownUntil: z.string().nullable(),
	})
	.strict();

export const escalationSchema = z
	.object({
		escalate: z.boolean(),
		/** True when this item starts a handoff (notify people); false when already with a human or staying with the bot. */
		newHandoff: z.boolean(),
		reasons: z.array(reasonSchema),
		priority: z.enum(PRIORITIES),
		allowUpsell: z.boolean(),
		language: z.enum(['ru', 'en']),
		humanRequests: z.number().int().nonnegative(),
		/** What the bot sends the customer now; null when the bot should say nothing extra. */
		customerReply: z.string().nullable(),
		handoff: handoffSchema.optional(),
		state: stateSchema,
		/** The optional LLM summary failed and the extractive one was used. */
		degraded: z.boolean(),
	})
	.strict();

export type Turn = z.infer<typeof turnSchema>;
export type KeyFacts = z.infer<typeof keyFactsSchema>;
export type Handoff = z.infer<typeof handoffSchema>;
export type EscalationState = z.infer<typeof stateSchema>;
export type Escalation = z.infer<typeof escalationSchema>;
