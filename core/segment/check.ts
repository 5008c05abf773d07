import {
	isFiniteNumber,
	isInteger,
	isNonEmptyString,
	isObject,
	isReasonArray,
	keySet,
	onlyKeys,
} from '../shared/check';
import type { SegmentResult } from './schema';
import { OPERATORS, segmentResultSchema } from './schema';

const RESULT_KEYS = keySet(Object.keys(segmentResultSchema.shape));
const ENTRY_KEYS = keySet(['rule', 'field', 'operator', 'value', 'points', 'matched', 'actual']);
const GROUP_KEYS = keySet(['key', 'size']);
const OPERATOR_SET: ReadonlySet<unknown> = new Set(OPERATORS);

const isAbc = (x: unknown) => x === 'A' || x === 'B' || x === 'C';
const isXyz = (x: unknown) => x === 'X' || x === 'Y' || x === 'Z';
const opt = (x: unknown, test: (v: unknown) => boolean) => x === undefined || test(x);
const isPercent = (x: unknown) => isFiniteNumber(x) && x >= 0 && x <= 100;

function isBreakdownEntry(x: unknown): boolean {
	return (
		isObject(x) &&
		onlyKeys(x, ENTRY_KEYS) &&
		isInteger(x.rule) &&
		x.rule >= 1 &&
		isNonEmptyString(x.field) &&
		OPERATOR_SET.has(x.operator) &&
		opt(x.value, (v) => typeof v === 'string') &&
		isFiniteNumber(x.points) &&
		typeof x.matched === 'boolean' &&
		opt(x.actual, (v) => typeof v === 'string')
	);
}

/**
 * segmentResultSchema's rules, read in place (see core/shared/check.ts). Written as straight-line
 * tests rather than a chain of closures: it runs once per result, a million times for a large batch.
 */
export function isSegmentResult(x: unknown): x is SegmentResult {
	if (!isObject(x) || !onlyKeys(x, RESULT_KEYS)) return false;
	if (!isAbc(x.segment) || (x.mode !== 'pareto' && x.mode !== 'scoring')) return false;
	const { value, rank, rankPercent, shareAhead, cumulativeShare, clients } = x;
	if (value !== undefined && !isFiniteNumber(value)) return false;
	if (rank !== undefined && !(isInteger(rank) && rank >= 1)) return false;
	if (rankPercent !== undefined && !isPercent(rankPercent)) return false;
	if (shareAhead !== undefined && !isPercent(shareAhead)) return false;
	if (cumulativeShare !== undefined && !isPercent(cumulativeShare)) return false;
	if (clients !== undefined && !(isInteger(clients) && clients >= 0)) return false;
	if (!isReasonArray(x.reasons)) return false;
	return (
		opt(x.xyz, isXyz) &&
		opt(x.abcXyz, (v) => typeof v === 'string' && /^[ABC][XYZ]$/.test(v)) &&
		opt(x.cv, (v) => isFiniteNumber(v) && v >= 0) &&
		opt(x.itemValue, isFiniteNumber) &&
		opt(x.rawSegment, isAbc) &&
		opt(x.previousSegment, isAbc) &&
		opt(
			x.group,
			(g) =>
				isObject(g) &&
				onlyKeys(g, GROUP_KEYS) &&
				isNonEmptyString(g.key) &&
				isInteger(g.size) &&
				g.size >= 1,
		) &&
		opt(x.score, isFiniteNumber) &&
		opt(x.breakdown, (b) => Array.isArray(b) && b.every(isBreakdownEntry))
	);
}

/**
 * Returns the result itself when it fits segmentResultSchema; otherwise throws zod's own error (a bug
 * in this package, never a user error: results are built here, not read from input).
 */
export function checkSegmentResult(result: SegmentResult): SegmentResult {
	if (isSegmentResult(result)) return result;
	return segmentResultSchema.parse(result);
}
