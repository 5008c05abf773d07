import { z } from 'zod';

import { PATHS } from '../contract';
import { InputError } from '../shared/errors';
import { isPlainObject } from '../shared/values';
import { OPERATORS } from './schema';
import type { Operator } from './schema';

/**
 * The node's parameters, by internal name, as one plain object: the shape the node reads from n8n and
 * the CLI reads from its --config file. Defaults live here only.
 */
export const DEFAULTS = {
	mode: 'pareto',
	valueField: 'revenue',
	abcRule: 'cumulativeShare',
	aThreshold: 80,
	bThreshold: 95,
	topPercentA: 20,
	topPercentB: 50,
	xyz: false,
	seriesField: 'series',
	xThreshold: 10,
	yThreshold: 25,
	hysteresis: false,
	previousSegmentField: 'previousSegment',
	hysteresisMargin: 5,
	rollUp: 'none',
	rollUpField: 'inn',
	scoreA: 60,
	scoreB: 30,
	/** Version 1: off. Version 1.1 and the contract: PATHS.storedSegment ('contact.segment', written by Dedupe Match). */
	storedSegmentField: '',
	outputPerSegment: false,
	outputKey: 'segment',
	zeroOrNegative: 'segmentC',
	missingOrInvalid: 'segmentC',
} as const;

/** Defaults that changed with node version 1.1 (the pipeline contract); version 1 keeps DEFAULTS. */
export const DEFAULTS_V1_1 = { ...DEFAULTS, storedSegmentField: PATHS.storedSegment } as const;

export type BadValuePolicy = 'segmentC' | 'error';

export interface ParetoConfig {
	valueField: string;
	abcRule: 'cumulativeShare' | 'topPercent';
	/** Boundaries of the rule in use, in % (cumulative share or rank percent). */
	aThreshold: number;
	bThreshold: number;
	xyz?: { seriesField: string; xThreshold: number; yThreshold: number };
	hysteresis?: { previousSegmentField: string; margin: number };
	rollUp?: { by: 'inn' | 'field'; field: string };
	zeroOrNegative: BadValuePolicy;
	missingOrInvalid: BadValuePolicy;
}

export interface ScoringRule {
	field: string;
	operator: Operator;
	value: string;
	points: number;
}

export interface ScoringConfig {
	rules: ScoringRule[];
	scoreA: number;
	scoreB: number;
	/** A known client's stored segment (dotted path): when it holds A, B or C the lead keeps it unscored. */
	storedSegmentField?: string;
}

export interface SegmentConfig {
	mode: 'pareto' | 'scoring';
	pareto?: ParetoConfig;
	scoring?: ScoringConfig;
	outputKey: string;
	outputPerSegment: boolean;
}

const num = z.coerce.number({ invalid_type_error: 'must be a number' }).finite();
const pct = num.min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100');
const path = z.string().trim();
const policy = z.enum(['segmentC', 'error']);

const paramsSchema = z.object({
	mode: z.enum(['pareto', 'scoring']).default(DEFAULTS.mode),
	valueField: z.string().trim().default(DEFAULTS.valueField),
	abcRule: z.enum(['cumulativeShare', 'topPercent']).default(DEFAULTS.abcRule),
	aThreshold: pct.default(DEFAULTS.aThreshold),
	bThreshold: pct.default(DEFAULTS.bThreshold),
	topPercentA: pct.default(DEFAULTS.topPercentA),
	topPercentB: pct.default(DEFAULTS.topPercentB),
	xyz: z.boolean().default(DEFAULTS.xyz),
	seriesField: path.default(DEFAULTS.seriesField),
	xThreshold: num.min(0, 'must not be negative').default(DEFAULTS.xThreshold),
	yThreshold: num.min(0, 'must not be negative').default(DEFAULTS.yThreshold),
	hysteresis: z.boolean().default(DEFAULTS.hysteresis),
	previousSegmentField: path.default(DEFAULTS.previousSegmentField),
	hysteresisMargin: num.min(0, 'must not be negative').max(100, 'must be at most 100').default(DEFAULTS.hysteresisMargin),
	rollUp: z.enum(['none', 'inn', 'field']).default(DEFAULTS.rollUp),
	rollUpField: path.default(DEFAULTS.rollUpField),
	rules: z
		.object({
			rule: z
				.array(
					z.object({
						field: z.string().trim().default(''),
						operator: z.string().default('equals'),
						value: z.union([z.string(), z.number(), z.boolean()]).transform(String).default(''),
						points: num.default(10),
					}),
				)
				.default([]),
		})
		.default({}),
	scoreA: num.default(DEFAULTS.scoreA),
	scoreB: num.default(DEFAULTS.scoreB),
	storedSegmentField: path.default(DEFAULTS.storedSegmentField),
	outputPerSegment: z.boolean().default(DEFAULTS.outputPerSegment),
	options: z
		.object({
			outputKey: z.string().trim().min(1, 'must not be empty').default(DEFAULTS.outputKey),
			zeroOrNegative: policy.default(DEFAULTS.zeroOrNegative),
			missingOrInvalid: policy.default(DEFAULTS.missingOrInvalid),
		})
		.default({}),
});

function fail(field: string, message: string): never {
	throw new InputError(field, `Parameter "${field}" ${message}`, `Fix the node parameter "${field}".`);
}

/**
 * Validates the parameters (node or CLI config) into a SegmentConfig; a bad parameter raises an
 * InputError naming it. Unknown keys are ignored (n8n may add its own).
 */
export function resolveConfig(params: unknown, opts: { valueFromExpression?: boolean } = {}): SegmentConfig {
	if (params !== undefined && !isPlainObject(params)) fail('config', 'must be an object');
	const parsed = paramsSchema.safeParse(params ?? {});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		fail(issue.path.join('.') || 'config', issue.message.replace(/^Expected/, 'expected'));
	}
	const p = parsed.data;
	const base = { mode: p.mode, outputKey: p.options.outputKey, outputPerSegment: p.outputPerSegment };
	if (p.mode === 'scoring') {
		if (p.scoreB > p.scoreA) fail('scoreB', `(${p.scoreB}) must not be above scoreA (${p.scoreA})`);
		const rules = p.rules.rule.map((r, i): ScoringRule => {
			const where = `rules.rule[${i}]`;
			if (!r.field) fail(`${where}.field`, `(rule ${i + 1}) must name a field`);
			if (!(OPERATORS as readonly string[]).includes(r.operator)) {
				fail(`${where}.operator`, `(rule ${i + 1}) "${r.operator}" is not one of ${OPERATORS.join(', ')}`);
			}
			return { field: r.field, operator: r.operator as Operator, value: r.value, points: r.points };
		});
		if (rules.length === 0) fail('rules', 'needs at least one scoring rule');
		return {
			...base,
			scoring: { rules, scoreA: p.scoreA, scoreB: p.scoreB, ...(p.storedSegmentField ? { storedSegmentField: p.storedSegmentField } : {}) },
		};
	}
	const cumulative = p.abcRule === 'cumulativeShare';
	const [aName, bName] = cumulative ? ['aThreshold', 'bThreshold'] : ['topPercentA', 'topPercentB'];
	const a = cumulative ? p.aThreshold : p.topPercentA;
	const b = cumulative ? p.bThreshold : p.topPercentB;
	if (a > b) fail(aName, `(${a}) must not be above ${bName} (${b})`);
	if (p.xyz && p.xThreshold > p.yThreshold) {
		fail('xThreshold', `(${p.xThreshold}) must not be above yThreshold (${p.yThreshold})`);
	}
	// A value expression (node only) replaces the field; the field is required otherwise.
	if (!p.valueField && !opts.valueFromExpression) fail('valueField', 'must name the field that holds the value');
	if (p.xyz && !p.seriesField) fail('seriesField', 'must name the field that holds the series');
	if (p.hysteresis && !p.previousSegmentField) fail('previousSegmentField', 'must name a field');
	if (p.rollUp !== 'none' && !p.rollUpField) fail('rollUpField', 'must name a field');
	return {
		...base,
		pareto: {
			valueField: p.valueField,
			abcRule: p.abcRule,
			aThreshold: a,
			bThreshold: b,
			...(p.xyz ? { xyz: { seriesField: p.seriesField, xThreshold: p.xThreshold, yThreshold: p.yThreshold } } : {}),
			...(p.hysteresis
				? { hysteresis: { previousSegmentField: p.previousSegmentField, margin: p.hysteresisMargin } }
				: {}),
			...(p.rollUp !== 'none' ? { rollUp: { by: p.rollUp, field: p.rollUpField } } : {}),
			zeroOrNegative: p.options.zeroOrNegative,
			missingOrInvalid: p.options.missingOrInvalid,
		},
	};
}
