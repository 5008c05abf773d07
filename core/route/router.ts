import type { Reason } from '../shared/reasons';
import { reason } from '../shared/reasons';
import type { RouteConfig } from './config';
import { describeClock, isWithinHours, localClock } from './hours';
import type { Lead } from './lead';
import type { Manager } from './roster';
import type { Assignment, Candidate, SkipCode } from './schema';
import { checkAssignment } from './check';
import { segmentCovered } from './values';

/**
 * The routing engine for one execution. It holds the roster and the assignments it has made so far
 * (so it never overfills a manager within the batch); create a new Router for every execution, it
 * keeps nothing anywhere else. Decisions are deterministic: the lead carries its own "now".
 *
 * Speed: per lead one pass over the roster with precomputed sets and typed arrays; the clock of each
 * time zone and each manager's time availability are computed once per distinct "now".
 */

// Time availability codes (per manager, per "now").
const T_OK = 0;
const T_INACTIVE = 1;
const T_ABSENT = 2;
const T_OUT = 3;

const SKIP_ORDER: SkipCode[] = [
	'inactive',
	'absent',
	'out_of_hours',
	'segment_not_covered',
	'language_not_covered',
	'at_capacity',
	'no_skill_match',
];

/** Owner skip reasons that make the assignment a temporary cover. */
const TEMPORARY: ReadonlySet<SkipCode> = new Set<SkipCode>(['absent', 'out_of_hours', 'at_capacity']);

interface Profile {
	staticSkip: Int8Array;
	matched: Int32Array;
	afterHours: Uint8Array;
	staticCounts: Partial<Record<SkipCode, number>>;
	/** Managers passing the static checks, roster order. */
	elig: Int32Array;
	/** The same, by skill match desc (then seniority desc for senior-first leads), then roster order. */
	order: Int32Array;
	/** Boundaries of equal-rank tiers in `order` (last = order.length). */
	tierStarts: Int32Array;
	/**
	 * Skipped-manager entries of the static codes, built on first use: they are the same for every lead
	 * of the profile, so leads share one frozen object (an unassigned lead lists every manager; with
	 * 500 managers, building them afresh was most of the time and garbage of a 10,000-lead batch).
	 */
	details: Array<Candidate | undefined>;
}

/** One lead as it is routed: its profile and the facts every phase of Router.route reads. */
interface LeadRun {
	lead: Lead;
	p: Profile;
	seniorFirst: boolean;
	/** Number of skills the lead asks for. */
	total: number;
	/** The owner's roster index (-1: no owner, or not in the roster). */
	ownerIdx: number;
	/** The owner is in the roster and owner-first routing is on. */
	ownerFirst: boolean;
}

export interface RouteResult {
	assignment: Assignment;
	/** 0 = assigned output, 1 = unassigned output. */
	output: 0 | 1;
}

function ratioText(matched: number, total: number): string {
	return `${matched}/${total}`;
}

function round(x: number): number {
	return Math.round(x * 10000) / 10000;
}

export class Router {
	readonly managers: readonly Manager[];

	private readonly config: RouteConfig;

	private readonly n: number;

	private readonly byId = new Map<string, number>();

	private readonly load: Int32Array;

	private readonly period: Int32Array;

	/** Order of the last assignment made in this batch (0 = none). */
	private readonly batchSeq: Int32Array;

	private readonly lastMs: Float64Array;

	private readonly skillSets: Array<Set<string>>;

	private readonly langSets: Array<Set<string> | null>;

	private readonly timeCache = new Map<number, Uint8Array>();

	private readonly clockCache = new Map<number, Map<string, { weekday: number; minute: number }>>();

	private seq = 0;

	private readonly capacity: Int32Array;

	private readonly profiles = new Map<string, Profile>();

	// Scratch per lead.
	private readonly skip: Int8Array;

	/** Skill match counts of the current lead's profile (read by compare / decisive). */
	private matched: Int32Array;

	constructor(managers: readonly Manager[], config: RouteConfig) {
		this.managers = managers;
		this.config = config;
		this.n = managers.length;
		this.load = Int32Array.from(managers, (m) => m.activeLeads);
		this.period = Int32Array.from(managers, (m) => m.periodCount);
		this.batchSeq = new Int32Array(this.n);
		this.lastMs = Float64Array.from(managers, (m) => m.lastAssignedMs ?? -Infinity);
		this.skillSets = managers.map((m) => new Set(m.skills));
		this.langSets = managers.map((m) => (m.languages.length ? new Set(m.languages) : null));
		managers.forEach((m, i) => this.byId.set(m.id, i));
		this.skip = new Int8Array(this.n);
		this.matched = new Int32Array(this.n);
		this.capacity = Int32Array.from(managers, (m) => m.capacity);
	}

	private clock(nowMs: number, zone: string): { weekday: number; minute: number } {
		const minuteKey = Math.floor(nowMs / 60000);
		let zones = this.clockCache.get(minuteKey);
		if (!zones) {
			if (this.clockCache.size > 256) this.clockCache.clear();
			zones = new Map();
			this.clockCache.set(minuteKey, zones);
		}
		let c = zones.get(zone);
		if (!c) {
			c = localClock(nowMs, zone);
			zones.set(zone, c);
		}
		return c;
	}

	private timeCodes(nowMs: number): Uint8Array {
		let codes = this.timeCache.get(nowMs);
		if (codes) return codes;
		if (this.timeCache.size > 256) this.timeCache.clear();
		codes = new Uint8Array(this.n);
		for (let i = 0; i < this.n; i++) {
			const m = this.managers[i];
			if (!m.active) codes[i] = T_INACTIVE;
			else if (m.absentUntilMs !== null && nowMs < m.absentUntilMs) codes[i] = T_ABSENT;
			else if (m.hours !== null) {
				const c = this.clock(nowMs, m.timeZone);
				codes[i] = isWithinHours(m.hours, c.weekday, c.minute) ? T_OK : T_OUT;
			} else codes[i] = T_OK;
		}
		this.timeCache.set(nowMs, codes);
		return codes;
	}

	/**
	 * What does not change within a batch for leads with the same now, segment, language, skills and
	 * senior-first flag: the time/segment/language verdicts, skill match counts, and the managers that
	 * pass those checks in roster order and in rank-tier order.
	 */
	private profile(lead: Lead, seniorFirst: boolean): Profile {
		const key = `${lead.nowMs}|${lead.segment ?? ''}|${lead.language ?? ''}|${seniorFirst ? 1 : 0}|${[...lead.skills].sort().join('\u0001')}`;
		const cached = this.profiles.get(key);
		if (cached) return cached;
		if (this.profiles.size > 4096) this.profiles.clear();
		const n = this.n;
		const ms = this.managers;
		const codes = this.timeCodes(lead.nowMs);
		const allowAfterHours = this.config.afterHoursForHighPriority && seniorFirst;
		const staticSkip = new Int8Array(n);
		const matched = new Int32Array(n);
		const afterHours = new Uint8Array(n);
		const staticCounts: Partial<Record<SkipCode, number>> = {};
		const elig: number[] = [];
		const { segment, language, skills } = lead;
		for (let i = 0; i < n; i++) {
			const m = ms[i];
			const t = codes[i];
			let code = -1;
			if (t === T_INACTIVE) code = 0;
			else if (t === T_ABSENT) code = 1;
			else if (t === T_OUT && !allowAfterHours) code = 2;
			else if (segment !== null && m.segments.length > 0 && !segmentCovered(m.segments, segment)) code = 3;
			else if (language !== null && this.langSets[i] !== null && !this.langSets[i]!.has(language)) code = 4;
			staticSkip[i] = code;
			if (code >= 0) {
				const c = SKIP_ORDER[code];
				staticCounts[c] = (staticCounts[c] ?? 0) + 1;
				continue;
			}
			if (t === T_OUT) afterHours[i] = 1;
			let k = 0;
			const set = this.skillSets[i];
			for (const s of skills) if (set.has(s)) k++;
			matched[i] = k;
			elig.push(i);
		}
		const order = [...elig].sort(
			(a, b) => matched[b] - matched[a] || (seniorFirst ? ms[b].seniority - ms[a].seniority : 0) || a - b,
		);
		const tierStarts: number[] = [0];
		for (let k = 1; k < order.length; k++) {
			const a = order[k - 1];
			const b = order[k];
			if (matched[a] !== matched[b] || (seniorFirst && ms[a].seniority !== ms[b].seniority)) tierStarts.push(k);
		}
		tierStarts.push(order.length);
		const p: Profile = {
			staticSkip,
			matched,
			afterHours,
			staticCounts,
			elig: Int32Array.from(elig),
			order: Int32Array.from(order),
			tierStarts: Int32Array.from(tierStarts),
			details: new Array<Candidate | undefined>(n),
		};
		this.profiles.set(key, p);
		return p;
	}

	/** Negative when manager a ranks before b for this lead. Both must be eligible. */
	private compare(a: number, b: number, skillTotal: number, seniorFirst: boolean): number {
		const ms = this.managers;
		if (this.config.weightedShares) {
			const d = this.period[a] / ms[a].weight - this.period[b] / ms[b].weight;
			if (d !== 0) return d;
		}
		if (skillTotal > 0) {
			const d = this.matched[b] - this.matched[a];
			if (d !== 0) return d;
		}
		if (seniorFirst) {
			const d = ms[b].seniority - ms[a].seniority;
			if (d !== 0) return d;
		}
		const d = this.load[a] / ms[a].capacity - this.load[b] / ms[b].capacity;
		if (d !== 0) return d;
		if (this.batchSeq[a] !== this.batchSeq[b]) return this.batchSeq[a] - this.batchSeq[b];
		if (this.lastMs[a] !== this.lastMs[b]) return this.lastMs[a] < this.lastMs[b] ? -1 : 1;
		return a - b;
	}

	/** The rule that puts `loser` behind `winner` (both eligible): reason code and a human detail. */
	private decisive(winner: number, loser: number, lead: Lead, seniorFirst: boolean): { code: string; detail: string } {
		const ms = this.managers;
		const total = lead.skills.length;
		if (this.config.weightedShares) {
			const w = this.period[winner] / ms[winner].weight;
			const l = this.period[loser] / ms[loser].weight;
			if (w !== l) return { code: 'weighted_share', detail: `further ahead of its share: ${round(l)} vs ${round(w)} leads per weight unit` };
		}
		if (total > 0 && this.matched[winner] !== this.matched[loser]) {
			return {
				code: 'skill_match',
				detail: `lower skill match ${ratioText(this.matched[loser], total)} vs ${ratioText(this.matched[winner], total)}`,
			};
		}
		if (seniorFirst && ms[winner].seniority !== ms[loser].seniority) {
			return { code: 'seniority_first', detail: `lower seniority ${ms[loser].seniority} vs ${ms[winner].seniority}` };
		}
		const lw = this.load[winner] / ms[winner].capacity;
		const ll = this.load[loser] / ms[loser].capacity;
		if (lw !== ll) return { code: 'load_balance', detail: `higher load ${round(ll)} vs ${round(lw)}` };
		if (this.batchSeq[winner] !== this.batchSeq[loser] || this.lastMs[winner] !== this.lastMs[loser]) {
			return { code: 'least_recently_assigned', detail: 'assigned more recently' };
		}
		return { code: 'roster_order', detail: 'equal on every rule; later in the roster' };
	}

	private skipDetail(i: number, code: SkipCode, lead: Lead): string {
		const m = this.managers[i];
		switch (code) {
			case 'inactive':
				return 'marked inactive';
			case 'absent':
				return `absent until ${new Date(m.absentUntilMs ?? 0).toISOString()}`;
			case 'out_of_hours': {
				const c = this.clock(lead.nowMs, m.timeZone);
				return `${describeClock(c.weekday, c.minute)} in ${m.timeZone}; works ${m.hoursText ?? '-'}`;
			}
			case 'segment_not_covered':
				return `takes segments ${m.segments.join(', ')}; lead is ${lead.segment}`;
			case 'language_not_covered':
				return `speaks ${m.languages.join(', ')}; lead is ${lead.language}`;
			case 'at_capacity':
				return `${this.load[i]}/${m.capacity} active leads`;
			case 'no_skill_match':
				return `skills ${m.skills.join(', ') || 'none'}; lead needs ${lead.skills.join(', ')}`;
		}
	}

	/** A skipped manager's entry; shared (frozen) per profile for the codes that do not change within the batch. */
	private skippedEntry(p: Profile, i: number, code: SkipCode, lead: Lead): Candidate {
		const m = this.managers[i];
		if (code === 'at_capacity' || code === 'no_skill_match') {
			return { managerId: m.id, name: m.name, outcome: code, detail: this.skipDetail(i, code, lead) };
		}
		return (p.details[i] ??= Object.freeze({ managerId: m.id, name: m.name, outcome: code, detail: this.skipDetail(i, code, lead) }));
	}

	/**
	 * Routes one lead and records the assignment (load, share count, recency) for the rest of the batch:
	 * the lead's profile (static checks) → capacity and skill checks → the best two → the owner's
	 * claim → an unassigned result, or the reasons for the chosen one, its candidates and the record.
	 */
	route(lead: Lead): RouteResult {
		const cfg = this.config;
		const seniorFirst =
			cfg.highPriorities.includes(lead.priority) || (lead.segment !== null && segmentCovered(cfg.seniorSegments, lead.segment));
		const p = this.profile(lead, seniorFirst);
		this.skip.set(p.staticSkip);
		this.matched = p.matched;
		const ownerIdx = lead.ownerId !== null ? (this.byId.get(lead.ownerId) ?? -1) : -1;
		const run: LeadRun = { lead, p, seniorFirst, total: lead.skills.length, ownerIdx, ownerFirst: cfg.ownerFirst && ownerIdx >= 0 };

		const { eligible, skipped } = this.checkDynamic(run);
		const ranked = this.bestTwo(run);
		const reasons: Reason[] = [];
		const { chosen, second, cover } = this.ownerClaim(run, ranked.best, ranked.second, reasons);
		if (lead.unknownPriority !== null) {
			reasons.push(reason('priority_unknown', `priority "${lead.unknownPriority}" is not urgent/high/normal/low; treated as normal`, lead.unknownPriority));
		}
		const base = this.baseOf(run, eligible, skipped);
		if (chosen < 0) return this.unassigned(run, skipped, reasons, base);

		this.explainChoice(run, chosen, second, eligible, reasons);
		const match = this.matchOf(run, chosen);
		const candidates = this.candidatesOf(run, chosen);
		this.record(chosen);
		const m = this.managers[chosen];
		const assignment: Assignment = {
			status: 'assigned',
			managerId: m.id,
			managerName: m.name,
			queue: null,
			fallback: false,
			cover,
			match,
			loadAfter: {
				managerId: m.id,
				activeLeads: this.load[chosen],
				capacity: m.capacity,
				ratio: round(this.load[chosen] / m.capacity),
				periodCount: this.period[chosen],
			},
			reasons,
			candidates,
			...base,
		};
		return { assignment: cfg.validate ? checkAssignment(assignment) : assignment, output: 0 };
	}

	/** Dynamic checks (capacity, and the skill requirement that comes after it) on the statically eligible. */
	private checkDynamic(run: LeadRun): { eligible: number; skipped: Partial<Record<SkipCode, number>> } {
		const { p, total, ownerFirst, ownerIdx } = run;
		const skip = this.skip;
		const matched = p.matched;
		const load = this.load;
		const capacity = this.capacity;
		const needSkill = this.config.requireSkillMatch && total > 0;
		const skipped: Partial<Record<SkipCode, number>> = { ...p.staticCounts };
		let eligible = 0;
		const elig = p.elig;
		for (let k = 0; k < elig.length; k++) {
			const i = elig[k];
			if (load[i] >= capacity[i]) {
				skip[i] = 5;
				skipped.at_capacity = (skipped.at_capacity ?? 0) + 1;
			} else if (needSkill && matched[i] === 0 && !(ownerFirst && i === ownerIdx)) {
				skip[i] = 6;
				skipped.no_skill_match = (skipped.no_skill_match ?? 0) + 1;
			} else eligible++;
		}
		return { eligible, skipped };
	}

	/** The best eligible manager and the runner-up (the owner aside when the owner goes first); -1 for none. */
	private bestTwo(run: LeadRun): { best: number; second: number } {
		const { p, total, seniorFirst, ownerFirst, ownerIdx } = run;
		const skip = this.skip;
		let best = -1;
		let second = -1;
		if (this.config.weightedShares) {
			// The share key changes with every assignment: compare every eligible manager.
			const elig = p.elig;
			for (let k = 0; k < elig.length; k++) {
				const i = elig[k];
				if (skip[i] >= 0 || (ownerFirst && i === ownerIdx)) continue;
				if (best < 0 || this.compare(i, best, total, seniorFirst) < 0) {
					second = best;
					best = i;
				} else if (second < 0 || this.compare(i, second, total, seniorFirst) < 0) second = i;
			}
		} else {
			// Tiers share skill match (and seniority for senior-first leads): the best is in the first tier
			// with an eligible manager; the runner-up in the same tier or the next one that has any.
			const order = p.order;
			const starts = p.tierStarts;
			for (let t = 0; t + 1 < starts.length && second < 0; t++) {
				for (let k = starts[t]; k < starts[t + 1]; k++) {
					const i = order[k];
					if (skip[i] >= 0 || (ownerFirst && i === ownerIdx)) continue;
					if (best < 0 || this.compare(i, best, total, seniorFirst) < 0) {
						second = best;
						best = i;
					} else if (second < 0 || this.compare(i, second, total, seniorFirst) < 0) second = i;
				}
			}
		}
		return { best, second };
	}

	/**
	 * The owner of a known client goes first when eligible; when temporarily away, the best takes
	 * the lead as cover. Adds the owner's reason; returns who is chosen (-1: nobody) and the runner-up.
	 */
	private ownerClaim(
		run: LeadRun,
		best: number,
		second: number,
		reasons: Reason[],
	): { chosen: number; second: number; cover: boolean } {
		const { lead, ownerFirst, ownerIdx } = run;
		const ms = this.managers;
		const skip = this.skip;
		let chosen = best;
		let cover = false;
		if (ownerFirst) {
			const ownerCode = skip[ownerIdx] >= 0 ? SKIP_ORDER[skip[ownerIdx]] : null;
			if (ownerCode === null) {
				chosen = ownerIdx;
				second = best;
				reasons.push(reason('owner', `own manager of the known client: ${ms[ownerIdx].name}`, ms[ownerIdx].id));
			} else if (TEMPORARY.has(ownerCode)) {
				if (best >= 0) {
					cover = true;
					reasons.push(
						reason(
							'cover_for_owner',
							`temporary cover: the owner ${ms[ownerIdx].name} is ${ownerCode.replace(/_/g, ' ')} (${this.skipDetail(ownerIdx, ownerCode, lead)}); hand the client back when the owner returns`,
							ms[ownerIdx].id,
						),
					);
				} else {
					reasons.push(reason('owner_not_eligible', `the owner ${ms[ownerIdx].name} is ${ownerCode.replace(/_/g, ' ')}`, ms[ownerIdx].id));
				}
			} else {
				reasons.push(
					reason('owner_not_eligible', `the owner ${ms[ownerIdx].name}: ${ownerCode.replace(/_/g, ' ')} (${this.skipDetail(ownerIdx, ownerCode, lead)})`, ms[ownerIdx].id),
				);
			}
		} else if (this.config.ownerFirst && lead.ownerId !== null) {
			reasons.push(reason('owner_not_in_roster', `owner "${lead.ownerId}" is not in the roster`, lead.ownerId));
		}
		return { chosen, second, cover };
	}

	/** The fields every assignment of this lead carries, assigned or not. */
	private baseOf(run: LeadRun, eligible: number, skipped: Partial<Record<SkipCode, number>>) {
		const { lead, seniorFirst } = run;
		const responseMinutes = this.config.slaMinutes[lead.priority];
		return {
			ownerId: lead.ownerId,
			priority: lead.priority,
			seniorFirst,
			skills: [...lead.skills],
			language: lead.language,
			segment: lead.segment,
			slaDueAt: new Date(lead.nowMs + responseMinutes * 60000).toISOString(),
			responseMinutes,
			decidedAt: new Date(lead.nowMs).toISOString(),
			candidatesTotal: this.n,
			eligibleCount: eligible,
			skippedCounts: skipped as Record<string, number>,
		};
	}

	/** Nobody eligible: the fallback owner or queue, and why every manager was skipped. */
	private unassigned(
		run: LeadRun,
		skipped: Partial<Record<SkipCode, number>>,
		reasons: Reason[],
		base: ReturnType<Router['baseOf']>,
	): RouteResult {
		const cfg = this.config;
		const n = this.n;
		if (n === 0) reasons.push(reason('empty_roster', 'the roster has no managers'));
		else {
			reasons.push(
				reason(
					'no_eligible_manager',
					`none of ${n} managers is eligible`,
					Object.entries(skipped).map(([c, k]) => `${c}: ${k}`),
				),
			);
		}
		if (cfg.fallbackOwnerId) reasons.push(reason('fallback_owner', `assigned to the fallback owner ${cfg.fallbackOwnerId}`, cfg.fallbackOwnerId));
		if (cfg.fallbackQueue) reasons.push(reason('fallback_queue', `put in the queue "${cfg.fallbackQueue}"`, cfg.fallbackQueue));
		const candidates: Candidate[] = new Array(n);
		for (let i = 0; i < n; i++) candidates[i] = this.skippedEntry(run.p, i, SKIP_ORDER[this.skip[i]], run.lead);
		const assignment: Assignment = {
			status: 'unassigned',
			managerId: cfg.fallbackOwnerId,
			managerName: null,
			queue: cfg.fallbackQueue,
			fallback: true,
			cover: false,
			match: null,
			loadAfter: null,
			reasons,
			candidates,
			...base,
		};
		return { assignment: cfg.validate ? checkAssignment(assignment) : assignment, output: 1 };
	}

	/** Why the chosen one: the rule that separated it from the runner-up, then supporting facts. */
	private explainChoice(run: LeadRun, chosen: number, second: number, eligible: number, reasons: Reason[]): void {
		const { lead, p, seniorFirst, total, ownerFirst, ownerIdx } = run;
		const ms = this.managers;
		const m = ms[chosen];
		const skills = lead.skills;
		const matched = p.matched;
		if (chosen !== ownerIdx || !ownerFirst) {
			if (second < 0) reasons.push(reason('only_candidate', `${eligible} eligible manager${eligible === 1 ? '' : 's'}`, eligible));
			else {
				const d = this.decisive(chosen, second, lead, seniorFirst);
				reasons.push(reason(d.code, `ahead of ${ms[second].name}: ${d.detail.replace(/^(lower|higher) /, 'their ')}`, ms[second].id));
			}
			if (total > 0) {
				if (matched[chosen] > 0) {
					if (!reasons.some((r) => r.code === 'skill_match')) {
						reasons.push(reason('skill_match', `matches ${ratioText(matched[chosen], total)} of the lead's skills`, skills.filter((s) => this.skillSets[chosen].has(s))));
					}
				} else {
					reasons.push(reason('no_skill_match', `no eligible specialist for ${skills.join(', ')}; a generalist takes it`, skills));
				}
			}
			if (seniorFirst && !reasons.some((r) => r.code === 'seniority_first')) {
				reasons.push(reason('seniority_first', `senior-first lead (priority ${lead.priority}${lead.segment ? `, segment ${lead.segment}` : ''}); seniority ${m.seniority}`, m.seniority));
			}
		}
		if (p.afterHours[chosen]) reasons.push(reason('after_hours_allowed', `outside working hours (${this.skipDetail(chosen, 'out_of_hours', lead)}); allowed for a high-priority lead`));
	}

	/** How well the chosen one fits: skills, seniority, load (and share) before the assignment. */
	private matchOf(run: LeadRun, chosen: number): NonNullable<Assignment['match']> {
		const { lead, p, total } = run;
		const m = this.managers[chosen];
		const skills = lead.skills;
		const loadRatio = this.load[chosen] / m.capacity;
		const shareRatio = this.period[chosen] / m.weight;
		return {
			skillMatch: total > 0 ? p.matched[chosen] / total : 1,
			matchedSkills: total > 0 ? skills.filter((s) => this.skillSets[chosen].has(s)) : [],
			seniority: m.seniority,
			loadRatio: round(loadRatio),
			...(this.config.weightedShares ? { shareRatio: round(shareRatio) } : {}),
		};
	}

	/** Candidates: chosen, then eligible (roster order), then skipped (roster order), up to the limit. */
	private candidatesOf(run: LeadRun, chosen: number): Candidate[] {
		const { lead, p, seniorFirst, ownerFirst, ownerIdx } = run;
		const n = this.n;
		const ms = this.managers;
		const skip = this.skip;
		const m = ms[chosen];
		const limit = this.config.maxCandidates > 0 ? this.config.maxCandidates : Infinity;
		const candidates: Candidate[] = [{ managerId: m.id, name: m.name, outcome: 'assigned' }];
		for (let i = 0; i < n && candidates.length < limit; i++) {
			if (i === chosen || skip[i] >= 0) continue;
			const detail = ownerFirst && chosen === ownerIdx ? 'the owner of the client goes first' : this.decisive(chosen, i, lead, seniorFirst).detail;
			candidates.push({ managerId: ms[i].id, name: ms[i].name, outcome: 'ranked_lower', detail });
		}
		for (let i = 0; i < n && candidates.length < limit; i++) {
			if (skip[i] < 0) continue;
			candidates.push(this.skippedEntry(p, i, SKIP_ORDER[skip[i]], lead));
		}
		return candidates;
	}

	/** Records the assignment for the rest of the batch. */
	private record(chosen: number): void {
		this.load[chosen]++;
		this.period[chosen]++;
		this.batchSeq[chosen] = ++this.seq;
	}
}
