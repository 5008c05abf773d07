import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_CONFIG, makeConfig, type LeadFields, type RouteConfig, type RoutePriority } from '../../core/route';

function list(value: unknown, fallback: string[]): string[] {
	if (typeof value !== 'string') return fallback;
	return value
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

function minutes(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The node's Options collection (and fallback parameters) as a core RouteConfig. Pure. */
export function configFromOptions(
	options: IDataObject,
	fallback: { fallbackOwnerId?: string; fallbackQueue?: string } = {},
): RouteConfig {
	const d = DEFAULT_CONFIG;
	return makeConfig({
		ownerFirst: typeof options.ownerFirst === 'boolean' ? options.ownerFirst : d.ownerFirst,
		requireSkillMatch: options.requireSkillMatch === true,
		afterHoursForHighPriority: options.afterHoursForHighPriority === true,
		weightedShares: options.weightedShares === true,
		seniorSegments: list(options.seniorSegments, d.seniorSegments),
		highPriorities: list(options.highPriorities, d.highPriorities) as RoutePriority[],
		maxCandidates: typeof options.maxCandidates === 'number' && options.maxCandidates >= 0 ? Math.floor(options.maxCandidates) : d.maxCandidates,
		fallbackOwnerId: fallback.fallbackOwnerId?.trim() || null,
		fallbackQueue: fallback.fallbackQueue === undefined ? d.fallbackQueue : fallback.fallbackQueue.trim() || null,
		slaMinutes: {
			urgent: minutes(options.slaUrgentMinutes, d.slaMinutes.urgent),
			high: minutes(options.slaHighMinutes, d.slaMinutes.high),
			normal: minutes(options.slaNormalMinutes, d.slaMinutes.normal),
			low: minutes(options.slaLowMinutes, d.slaMinutes.low),
		},
	});
}

export function leadFields(ctx: IExecuteFunctions, i: number): LeadFields {
	const get = (name: keyof LeadFields, fallback: string) => ((ctx.getNodeParameter(name, i, fallback) as string) ?? '').trim();
	return {
		skillsField: get('skillsField', 'inquiry.type'),
		languageField: get('languageField', 'inquiry.language'),
		segmentField: get('segmentField', 'segment.segment'),
		priorityField: get('priorityField', 'inquiry.priority'),
		ownerField: get('ownerField', 'contact.ownerId'),
	};
}
