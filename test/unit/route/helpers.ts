import { Router, makeConfig, parseRoster, type Assignment, type Lead, type RouteConfig } from '../../../core/route';

/** Monday 2026-11-23 10:00 UTC = 13:00 Moscow. */
export const MONDAY_10_UTC = Date.parse('2026-11-23T10:00:00Z');

export function mgr(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { managerId: id, name: id.toUpperCase(), capacity: 10, ...extra };
}

export function lead(extra: Partial<Lead> = {}): Lead {
	return { skills: [], language: null, segment: null, priority: 'normal', unknownPriority: null, ownerId: null, nowMs: MONDAY_10_UTC, ...extra };
}

/** Routes the leads in order through one Router (one execution) and returns the assignments. */
export function routeAll(rows: unknown[], leads: Lead[], config: Partial<RouteConfig> = {}): Assignment[] {
	const router = new Router(parseRoster(rows, { defaultTimeZone: 'UTC' }), makeConfig(config));
	return leads.map((l) => router.route(l).assignment);
}

export function codes(a: Assignment): string[] {
	return a.reasons.map((r) => r.code);
}

export function outcome(a: Assignment, id: string): string | undefined {
	return a.candidates.find((c) => c.managerId === id)?.outcome;
}
