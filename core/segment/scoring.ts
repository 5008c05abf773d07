import { InputError } from '../shared/errors';
import { MAX_USER_PATTERN_CHARS, unsafePatternMessage } from '../shared/safeRegex';
import type { Reason } from '../shared/reasons';
import { reason } from '../shared/reasons';
import { getPath } from '../shared/values';
import type { ScoringConfig, ScoringRule } from './config';
import { toNumber } from './numbers';
import type { Abc, BreakdownEntry, SegmentResult } from './schema';
import { validateResult } from './schema';

/** A rule ready to test: its value pre-parsed (number, list, regex) once, not per item. */
export interface CompiledRule extends ScoringRule {
	index: number;
	number?: number;
	list?: string[];
	regex?: RegExp;
}

const NUMERIC = new Set(['gte', 'lte', 'gt', 'lt']);

function norm(text: string): string {
	return text.trim().toLowerCase();
}

/** Compiles rules; a rule that cannot work (non-numeric bound, bad regex) is a configuration error. */
export function compileRules(rules: readonly ScoringRule[]): CompiledRule[] {
	return rules.map((rule, index) => {
		const where = `rules.rule[${index}].value`;
		const compiled: CompiledRule = { ...rule, index };
		if (NUMERIC.has(rule.operator)) {
			const n = toNumber(rule.value);
			if (n === undefined) {
				throw new InputError(where, `Rule ${index + 1} (${rule.field} ${rule.operator}) needs a number, got "${rule.value}"`);
			}
			compiled.number = n;
		} else if (rule.operator === 'in') {
			compiled.list = rule.value
				.split(',')
				.map(norm)
				.filter((s) => s !== '');
		} else if (rule.operator === 'regex') {
			const m = /^\/(.*)\/([a-z]*)$/s.exec(rule.value);
			let problem: string | undefined;
			try {
				compiled.regex = m ? new RegExp(m[1], m[2]) : new RegExp(rule.value, 'i');
			} catch (error) {
				problem = error instanceof Error ? error.message : String(error);
			}
			if (problem !== undefined) {
				throw new InputError(where, `Rule ${index + 1} (${rule.field} regex) has an invalid pattern: ${problem}`);
			}
			const unsafe = unsafePatternMessage(m ? m[1] : rule.value);
			if (unsafe) throw new InputError(where, `Rule ${index + 1} (${rule.field} regex): ${unsafe}`);
		}
		return compiled;
	});
}

function isEmpty(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function asText(v: unknown): string | undefined {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
	return undefined;
}

function scalarEquals(actual: unknown, expected: string): boolean {
	const a = toNumber(actual);
	const e = toNumber(expected);
	if (a !== undefined && e !== undefined && typeof actual !== 'boolean') return a === e;
	const t = asText(actual);
	return t !== undefined && norm(t) === norm(expected);
}

/** Does one rule match the item? Pure; never throws. */
export function ruleMatches(rule: CompiledRule, actual: unknown): boolean {
	const values = Array.isArray(actual) ? actual : [actual];
	switch (rule.operator) {
		case 'exists':
			return !isEmpty(actual);
		case 'notExists':
			return isEmpty(actual);
		case 'equals':
			return values.some((v) => scalarEquals(v, rule.value));
		case 'notEquals':
			return !values.some((v) => scalarEquals(v, rule.value));
		case 'in':
			return values.some((v) => (rule.list ?? []).some((e) => scalarEquals(v, e)));
		case 'contains': {
			if (Array.isArray(actual)) return actual.some((v) => scalarEquals(v, rule.value));
			const t = asText(actual);
			return t !== undefined && t.toLowerCase().includes(rule.value.trim().toLowerCase());
		}
		case 'regex': {
			return values.some((v) => {
				const t = asText(v);
				if (t === undefined || !rule.regex) return false;
				rule.regex.lastIndex = 0;
				// a user pattern reads a bounded prefix (quadratic shapes pass the node-start check)
				return rule.regex.test(t.length > MAX_USER_PATTERN_CHARS ? t.slice(0, MAX_USER_PATTERN_CHARS) : t);
			});
		}
		default: {
			if (Array.isArray(actual) || typeof actual === 'boolean') return false;
			const a = toNumber(actual);
			const b = rule.number;
			if (a === undefined || b === undefined) return false;
			if (rule.operator === 'gte') return a >= b;
			if (rule.operator === 'lte') return a <= b;
			if (rule.operator === 'gt') return a > b;
			return a < b;
		}
	}
}

function actualText(v: unknown): string | undefined {
	if (v === undefined || v === null) return undefined;
	let t: string | undefined;
	if (Array.isArray(v)) t = v.map((x) => asText(x) ?? typeof x).join(', ');
	else t = asText(v) ?? (typeof v === 'object' ? 'an object' : typeof v);
	return t.length > 200 ? `${t.slice(0, 200)}…` : t;
}

const SYMBOL: Record<string, string> = { gte: '≥', lte: '≤', gt: '>', lt: '<' };

function describeRule(rule: ScoringRule): string {
	if (rule.operator === 'exists') return `${rule.field} present`;
	if (rule.operator === 'notExists') return `${rule.field} absent`;
	return `${rule.field} ${SYMBOL[rule.operator] ?? rule.operator} ${rule.value}`;
}

/** Scores one lead: points of matched rules, thresholds to A/B/C, breakdown of every rule. */
export function scoreLead(json: unknown, rules: readonly CompiledRule[], cfg: Pick<ScoringConfig, 'scoreA' | 'scoreB'>): SegmentResult {
	let score = 0;
	const breakdown: BreakdownEntry[] = [];
	const reasons: Reason[] = [];
	for (const rule of rules) {
		const actual = getPath(json, rule.field);
		const matched = ruleMatches(rule, actual);
		const entry: BreakdownEntry = {
			rule: rule.index + 1,
			field: rule.field,
			operator: rule.operator,
			points: rule.points,
			matched,
		};
		if (rule.operator !== 'exists' && rule.operator !== 'notExists') entry.value = rule.value;
		const text = actualText(actual);
		if (text !== undefined) entry.actual = text;
		breakdown.push(entry);
		if (matched) {
			score += rule.points;
			const sign = rule.points >= 0 ? '+' : '−';
			reasons.push(
				reason('score_rule', `rule ${rule.index + 1}: ${describeRule(rule)} → ${sign}${Math.abs(rule.points)}`, text ?? '', rule.points),
			);
		}
	}
	score = Math.round(score * 1e6) / 1e6;
	const segment: Abc = score >= cfg.scoreA ? 'A' : score >= cfg.scoreB ? 'B' : 'C';
	const verdict =
		segment === 'A'
			? `≥ A threshold ${cfg.scoreA}`
			: segment === 'B'
				? `≥ B threshold ${cfg.scoreB} and below A threshold ${cfg.scoreA}`
				: `below B threshold ${cfg.scoreB}`;
	reasons.push(reason('score_threshold', `score ${score} ${verdict} → ${segment}`, score));
	return validateResult({ segment, mode: 'scoring', score, breakdown, reasons });
}

/**
 * Scoring with the contract's known-client path: when `storedSegmentField` holds A, B or C (Dedupe
 * Match copies the stored row's segment into contact.segment), the lead keeps that segment, with
 * reason `stored_segment`, and is not scored; otherwise it is scored by the rules.
 */
export function segmentLead(json: unknown, rules: readonly CompiledRule[], cfg: Pick<ScoringConfig, 'scoreA' | 'scoreB' | 'storedSegmentField'>): SegmentResult {
	if (cfg.storedSegmentField) {
		const stored = getPath(json, cfg.storedSegmentField);
		const letter = typeof stored === 'string' ? stored.trim().toUpperCase() : '';
		if (letter === 'A' || letter === 'B' || letter === 'C') {
			return validateResult({
				segment: letter,
				mode: 'scoring',
				reasons: [reason('stored_segment', `known client: keeps the stored segment ${letter} from ${cfg.storedSegmentField}`, letter)],
			});
		}
	}
	return scoreLead(json, rules, cfg);
}
