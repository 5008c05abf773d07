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

/** segmentResultSchema's rules, read in place (see core/shared/check.ts). */
export function isSegmentResult(x: unknown): x is SegmentResult {
	if (!isObject(x) || !onlyKeys(x, RESULT_KEYS)) return false;
	return (
		isAbc(x.segment) &&
		(x.mode === 'pareto' || x.mode === 'scoring') &&
		opt(x.xyz, isXyz) &&
		opt(x.abcXyz, (v) => typeof v === 'string' && /^[ABC][XYZ]$/.test(v)) &&
		opt(x.cv, (v) => isFiniteNumber(v) && v >= 0) &&
		opt(x.value, isFiniteNumber) &&
		opt(x.itemValue, isFiniteNumber) &&
		opt(x.rank, (v) => isInteger(v) && v >= 1) &&
		opt(x.rankPercent, isPercent) &&
		opt(x.shareAhead, isPercent) &&
		opt(x.cumulativeShare, isPercent) &&
		opt(x.clients, (v) => isInteger(v) && v >= 0) &&
		opt(x.rawSegment, isAbc) &&
		opt(x.previousSegment, isAbc) &&
		opt(
			x.group,
			(g) => isObject(g) && onlyKeys(g, GROUP_KEYS) && isNonEmptyString(g.key) && isInteger(g.size) && g.size >= 1,
		) &&
		opt(x.score, isFiniteNumber) &&
		opt(x.breakdown, (b) => Array.isArray(b) && b.every(isBreakdownEntry)) &&
		isReasonArray(x.reasons)
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
