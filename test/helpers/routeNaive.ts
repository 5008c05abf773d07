import type { RouteConfig } from '../../core/route/config';
import { isWithinHours, localClock } from '../../core/route/hours';
import type { Lead } from '../../core/route/lead';
import type { Manager } from '../../core/route/roster';
import { segmentCovered } from '../../core/route/values';

/**
 * Reference implementation of the routing rules, written for clarity, not speed: for every lead it
 * checks every manager from scratch (time zone conversion included), sorts the eligible ones with one
 * comparator and takes the first. Used by tests (the fast Router must decide exactly the same) and by
 * bench/route.bench.ts as the naive-scan baseline. Not used by the node.
 */
export interface NaiveDecision {
	managerId: string | null;
	cover: boolean;
}

export function routeNaive(managers: readonly Manager[], leads: readonly Lead[], config: RouteConfig): NaiveDecision[] {
	const load = new Map(managers.map((m) => [m.id, m.activeLeads]));
	const period = new Map(managers.map((m) => [m.id, m.periodCount]));
	const lastSeq = new Map<string, number>();
	let seq = 0;
	const out: NaiveDecision[] = [];
	for (const lead of leads) {
		const seniorFirst =
			config.highPriorities.includes(lead.priority) ||
			(lead.segment !== null && segmentCovered(config.seniorSegments, lead.segment));
		const owner = config.ownerFirst && lead.ownerId !== null ? managers.find((m) => m.id === lead.ownerId) : undefined;
		const verdict = (m: Manager): string | null => {
			if (!m.active) return 'inactive';
			if (m.absentUntilMs !== null && lead.nowMs < m.absentUntilMs) return 'absent';
			const c = localClock(lead.nowMs, m.timeZone);
			if (!isWithinHours(m.hours, c.weekday, c.minute) && !(config.afterHoursForHighPriority && seniorFirst)) return 'out_of_hours';
			if (lead.segment !== null && m.segments.length > 0 && !segmentCovered(m.segments, lead.segment)) return 'segment_not_covered';
			if (lead.language !== null && m.languages.length > 0 && !m.languages.includes(lead.language)) return 'language_not_covered';
			if ((load.get(m.id) ?? 0) >= m.capacity) return 'at_capacity';
			const matched = lead.skills.filter((s) => m.skills.includes(s)).length;
			if (config.requireSkillMatch && lead.skills.length > 0 && matched === 0 && m !== owner) return 'no_skill_match';
			return null;
		};
		const rows = managers.map((m) => ({
			m,
			skip: verdict(m),
			matched: lead.skills.filter((s) => m.skills.includes(s)).length,
			ratio: (load.get(m.id) ?? 0) / m.capacity,
			share: (period.get(m.id) ?? 0) / m.weight,
			seq: lastSeq.get(m.id) ?? 0,
		}));
		const eligible = rows.filter((r) => r.skip === null && r.m !== owner);
		eligible.sort(
			(a, b) =>
				(config.weightedShares ? a.share - b.share : 0) ||
				b.matched - a.matched ||
				(seniorFirst ? b.m.seniority - a.m.seniority : 0) ||
				a.ratio - b.ratio ||
				a.seq - b.seq ||
				(a.m.lastAssignedMs ?? -Infinity) - (b.m.lastAssignedMs ?? -Infinity) ||
				a.m.row - b.m.row,
		);
		let chosen: Manager | undefined;
		let cover = false;
		const ownerSkip = owner ? rows.find((r) => r.m === owner)!.skip : null;
		if (owner && ownerSkip === null) chosen = owner;
		else {
			chosen = eligible[0]?.m;
			cover = !!owner && !!chosen && ['absent', 'out_of_hours', 'at_capacity'].includes(ownerSkip ?? '');
		}
		if (chosen) {
			load.set(chosen.id, (load.get(chosen.id) ?? 0) + 1);
			period.set(chosen.id, (period.get(chosen.id) ?? 0) + 1);
			lastSeq.set(chosen.id, ++seq);
		}
		out.push({ managerId: chosen?.id ?? null, cover });
	}
	return out;
}
