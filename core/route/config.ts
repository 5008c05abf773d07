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
