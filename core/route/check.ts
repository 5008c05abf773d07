import {
	isInteger,
	isNonEmptyString,
	isNumber,
	isObject,
	isReasonArray,
	isStringArray,
	keySet,
	onlyKeys,
} from '../shared/check';
import type { Assignment } from './schema';
import { assignmentSchema, candidateSchema, loadAfterSchema, matchSchema, routePrioritySchema, skipCodeSchema } from './schema';

const ASSIGNMENT_KEYS = keySet(Object.keys(assignmentSchema.innerType().shape));
const CANDIDATE_KEYS = keySet(Object.keys(candidateSchema.shape));
const MATCH_KEYS = keySet(Object.keys(matchSchema.shape));
const LOAD_KEYS = keySet(Object.keys(loadAfterSchema.shape));
const SKIP_KEYS = keySet(skipCodeSchema.options);
const OUTCOMES: ReadonlySet<unknown> = new Set(['assigned', 'ranked_lower', ...skipCodeSchema.options]);
const PRIORITIES: ReadonlySet<unknown> = new Set(routePrioritySchema.options);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const isCount = (x: unknown) => isInteger(x) && x >= 0;
const isRatio = (x: unknown) => isNumber(x) && x >= 0;
const idOrNull = (x: unknown) => x === null || isNonEmptyString(x);
const textOrNull = (x: unknown) => x === null || typeof x === 'string';
const isIso = (x: unknown) => typeof x === 'string' && ISO_UTC.test(x);

function isCandidate(x: unknown): boolean {
	return (
		isObject(x) &&
		onlyKeys(x, CANDIDATE_KEYS) &&
		isNonEmptyString(x.managerId) &&
		typeof x.name === 'string' &&
		OUTCOMES.has(x.outcome) &&
		(x.detail === undefined || typeof x.detail === 'string')
	);
}

function isMatch(x: unknown): boolean {
	return (
		isObject(x) &&
		onlyKeys(x, MATCH_KEYS) &&
		isNumber(x.skillMatch) &&
		x.skillMatch >= 0 &&
		x.skillMatch <= 1 &&
		isStringArray(x.matchedSkills) &&
		isRatio(x.seniority) &&
		isRatio(x.loadRatio) &&
		(x.shareRatio === undefined || isRatio(x.shareRatio))
	);
}

function isLoadAfter(x: unknown): boolean {
	return (
		isObject(x) &&
		onlyKeys(x, LOAD_KEYS) &&
		isNonEmptyString(x.managerId) &&
		isCount(x.activeLeads) &&
		isCount(x.capacity) &&
		isRatio(x.ratio) &&
		isCount(x.periodCount)
	);
}

function isSkippedCounts(x: unknown): boolean {
	if (!isObject(x) || !onlyKeys(x, SKIP_KEYS)) return false;
	for (const key in SKIP_KEYS) {
		const v = x[key];
		if (v !== undefined && !(isInteger(v) && v >= 1)) return false;
	}
	return true;
}

/** assignmentSchema's rules (including its refinements), read in place (see core/shared/check.ts). */
export function isAssignment(x: unknown): x is Assignment {
	if (!isObject(x) || !onlyKeys(x, ASSIGNMENT_KEYS)) return false;
	if (x.status !== 'assigned' && x.status !== 'unassigned') return false;
	const candidates = x.candidates;
	if (!Array.isArray(candidates)) return false;
	for (let i = 0; i < candidates.length; i++) if (!isCandidate(candidates[i])) return false;
	const ok =
		idOrNull(x.managerId) &&
		textOrNull(x.managerName) &&
		idOrNull(x.queue) &&
		typeof x.fallback === 'boolean' &&
		typeof x.cover === 'boolean' &&
		idOrNull(x.ownerId) &&
		PRIORITIES.has(x.priority) &&
		typeof x.seniorFirst === 'boolean' &&
		isStringArray(x.skills) &&
		textOrNull(x.language) &&
		textOrNull(x.segment) &&
		(x.match === null || isMatch(x.match)) &&
		(x.loadAfter === null || isLoadAfter(x.loadAfter)) &&
		isIso(x.slaDueAt) &&
		isRatio(x.responseMinutes) &&
		isIso(x.decidedAt) &&
		Array.isArray(x.reasons) &&
		x.reasons.length >= 1 &&
		isReasonArray(x.reasons) &&
		isCount(x.candidatesTotal) &&
		isCount(x.eligibleCount) &&
		isSkippedCounts(x.skippedCounts);
	if (!ok) return false;
	if (x.status === 'assigned' && (x.managerId === null || x.loadAfter === null || x.match === null)) return false;
	if (x.status === 'unassigned' && (!x.fallback || x.cover || x.loadAfter !== null)) return false;
	return true;
}

/** The assignment itself when it fits assignmentSchema; otherwise zod's own error is thrown (a bug here). */
export function checkAssignment(assignment: Assignment): Assignment {
	if (isAssignment(assignment)) return assignment;
	return assignmentSchema.parse(assignment);
}
