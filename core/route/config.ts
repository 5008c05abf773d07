import { z } from 'zod';

import { InputError } from '../shared/errors';
import type { LeadFields } from './lead';
import { DEFAULT_LEAD_FIELDS } from './lead';
import type { RoutePriority } from './schema';
import { normTag } from './values';

export interface RouteConfig {
	ownerFirst: boolean;
	requireSkillMatch: boolean;
	afterHoursForHighPriority: boolean;
	/** Upper-case segment tokens ranked by seniority ("A" also covers "AX"). */
	seniorSegments: string[];
	/** Normalised priorities ranked by seniority. */
	highPriorities: RoutePriority[];
	weightedShares: boolean;
	/** Candidates listed on an assigned lead (0 = all). Unassigned leads always list all. */
	maxCandidates: number;
	fallbackOwnerId: string | null;
	fallbackQueue: string | null;
	slaMinutes: Record<RoutePriority, number>;
	/** Validate each result against the strict schema before returning it (default true). */
	validate: boolean;
}

export const DEFAULT_CONFIG: RouteConfig = {
	ownerFirst: true,
	requireSkillMatch: false,
	afterHoursForHighPriority: false,
	seniorSegments: ['A'],
	highPriorities: ['urgent', 'high'],
	weightedShares: false,
	maxCandidates: 25,
	fallbackOwnerId: null,
	fallbackQueue: 'unassigned',
	slaMinutes: { urgent: 5, high: 15, normal: 60, low: 240 },
	validate: true,
};

export function makeConfig(partial: Partial<RouteConfig> = {}): RouteConfig {
	return {
		...DEFAULT_CONFIG,
		...partial,
		slaMinutes: { ...DEFAULT_CONFIG.slaMinutes, ...(partial.slaMinutes ?? {}) },
		seniorSegments: (partial.seniorSegments ?? DEFAULT_CONFIG.seniorSegments).map((s) => s.trim().toUpperCase()).filter(Boolean),
		highPriorities: (partial.highPriorities ?? DEFAULT_CONFIG.highPriorities).map((p) => normTag(p) as RoutePriority),
	};
}

const minutes = z.number().finite().min(0, 'must not be negative');
const commaList = z.string();

/** The node's Options collection (the CLI config's "options": same names). Unknown keys are ignored. */
const optionsSchema = z.object({
	ownerFirst: z.boolean().optional(),
	requireSkillMatch: z.boolean().optional(),
	afterHoursForHighPriority: z.boolean().optional(),
	weightedShares: z.boolean().optional(),
	seniorSegments: commaList.optional(),
	highPriorities: commaList.optional(),
	maxCandidates: z.number().finite().min(0, 'must not be negative').optional(),
	defaultTimeZone: z.string().optional(),
	slaUrgentMinutes: minutes.optional(),
	slaHighMinutes: minutes.optional(),
	slaNormalMinutes: minutes.optional(),
	slaLowMinutes: minutes.optional(),
});

function checked<S extends z.ZodTypeAny>(schema: S, value: unknown, prefix: string): z.infer<S> {
	const parsed = schema.safeParse(value ?? {});
	if (parsed.success) return parsed.data as z.infer<S>;
	const issue = parsed.error.issues[0];
	const field = [prefix, ...issue.path].filter(Boolean).join('.') || 'config';
	throw new InputError(field, `Parameter "${field}" ${issue.message.replace(/^Expected/, 'expected')}`, `Fix the parameter "${field}".`);
}

function list(value: string | undefined, fallback: string[]): string[] {
	if (value === undefined) return fallback;
	return value
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

/**
 * The one configuration reader of Route to Manager, shared by the node and the CLI: the Options
 * collection (checked by one zod schema; a wrong type names the option) and the fallback parameters
 * → RouteConfig.
 */
export function configFromOptions(
	options: Record<string, unknown>,
	fallback: { fallbackOwnerId?: string; fallbackQueue?: string } = {},
): RouteConfig {
	const o = checked(optionsSchema, options, 'options');
	const d = DEFAULT_CONFIG;
	const sla = (v: number | undefined, dflt: number) => v ?? dflt;
	return makeConfig({
		ownerFirst: o.ownerFirst ?? d.ownerFirst,
		requireSkillMatch: o.requireSkillMatch === true,
		afterHoursForHighPriority: o.afterHoursForHighPriority === true,
		weightedShares: o.weightedShares === true,
		seniorSegments: list(o.seniorSegments, d.seniorSegments),
		highPriorities: list(o.highPriorities, d.highPriorities) as RoutePriority[],
		maxCandidates: o.maxCandidates === undefined ? d.maxCandidates : Math.floor(o.maxCandidates),
		fallbackOwnerId: fallback.fallbackOwnerId?.trim() || null,
		fallbackQueue: fallback.fallbackQueue === undefined ? d.fallbackQueue : fallback.fallbackQueue.trim() || null,
		slaMinutes: {
			urgent: sla(o.slaUrgentMinutes, d.slaMinutes.urgent),
			high: sla(o.slaHighMinutes, d.slaMinutes.high),
			normal: sla(o.slaNormalMinutes, d.slaMinutes.normal),
			low: sla(o.slaLowMinutes, d.slaMinutes.low),
		},
	});
}

const fieldsSchema = z.object({
	skillsField: z.string().default(DEFAULT_LEAD_FIELDS.skillsField),
	languageField: z.string().default(DEFAULT_LEAD_FIELDS.languageField),
	segmentField: z.string().default(DEFAULT_LEAD_FIELDS.segmentField),
	priorityField: z.string().default(DEFAULT_LEAD_FIELDS.priorityField),
	ownerField: z.string().default(DEFAULT_LEAD_FIELDS.ownerField),
});

/** Where the lead's facts are read (node parameters or CLI config, same names); defaults from the contract. */
export function leadFieldsFrom(params: Record<string, unknown>): LeadFields {
	const f = checked(fieldsSchema, params, '');
	return {
		skillsField: f.skillsField.trim(),
		languageField: f.languageField.trim(),
		segmentField: f.segmentField.trim(),
		priorityField: f.priorityField.trim(),
		ownerField: f.ownerField.trim(),
	};
}
