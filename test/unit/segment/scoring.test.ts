import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { DEFAULTS, resolveConfig, DEFAULTS_V1_1 } from '../../../core/segment/config';
import { readNumber } from '../../../core/segment/numbers';
import { segmentReasonSchema, segmentResultSchema } from '../../../core/segment/schema';
import { reasonSchema } from '../../../core/shared/reasons';
import { compileRules, ruleMatches, scoreLead } from '../../../core/segment/scoring';
import { coefficientOfVariation } from '../../../core/segment/xyz';
import type { ScoringRule } from '../../../core/segment/config';
import { properties } from '../../../nodes/ScoreAbcSegment/description';
import { collectParameters, outputIndex, valueParameterSet } from '../../../nodes/ScoreAbcSegment/helpers';

const one = (rule: Partial<ScoringRule>) =>
	compileRules([{ field: 'f', operator: 'equals', value: '', points: 1, ...rule } as ScoringRule])[0];

describe('scoring rules', () => {
	it('issue example: budget, tender, INN, free e-mail, Classify Inquiry output (hand-checked)', () => {
		const { scoring } = resolveConfig({
			mode: 'scoring',
			rules: {
				rule: [
					{ field: 'budget', operator: 'gte', value: '1000000', points: 40 },
					{ field: 'source', operator: 'equals', value: 'tender', points: 30 },
					{ field: 'company.inn', operator: 'exists', points: 10 },
					{ field: 'email', operator: 'regex', value: '@(gmail|mail|yandex)\\.(com|ru)$', points: -10 },
					{ field: 'inquiry.type', operator: 'equals', value: 'lead', points: 20 },
					{ field: 'inquiry.priority', operator: 'equals', value: 'high', points: 15 },
				],
			},
		});
		const rules = compileRules(scoring!.rules);
		const lead = {
			budget: '1 500 000',
			source: 'tender',
			company: { inn: '7707083893' },
			email: 'boss@gmail.com',
			inquiry: { type: 'lead', priority: 'normal' },
		};
		const r = scoreLead(lead, rules, scoring!);
		assert.equal(r.score, 40 + 30 + 10 - 10 + 20);
		assert.equal(r.segment, 'A');
		assert.deepEqual(
			r.breakdown!.map((b) => b.matched),
			[true, true, true, true, true, false],
		);
		assert.equal(r.breakdown![0].actual, '1 500 000');
		assert.equal(r.breakdown![2].value, undefined);
		const ruleReasons = r.reasons.filter((x) => x.code === 'score_rule');
		assert.deepEqual(
			ruleReasons.map((x) => x.weight),
			[40, 30, 10, -10, 20],
		);
		assert.equal(r.reasons.at(-1)?.code, 'score_threshold');
		assert.equal(r.reasons.at(-1)?.evidence, 90);
	});

	it('thresholds: A ≥ 60, B ≥ 30, else C (defaults), inclusive', () => {
		const rules = compileRules([{ field: 'p', operator: 'exists', value: '', points: 0 }]);
		const at = (points: number) =>
			scoreLead({ p: 1 }, [{ ...rules[0], points }], { scoreA: DEFAULTS.scoreA, scoreB: DEFAULTS.scoreB }).segment;
		assert.deepEqual([at(60), at(59.5), at(30), at(29), at(-5)], ['A', 'B', 'B', 'C', 'C']);
	});

	it('operators', () => {
		assert.ok(ruleMatches(one({ operator: 'equals', value: 'Lead ' }), 'lead'));
		assert.ok(ruleMatches(one({ operator: 'equals', value: '5' }), 5.0));
		assert.ok(ruleMatches(one({ operator: 'equals', value: 'true' }), true));
		assert.ok(ruleMatches(one({ operator: 'equals', value: 'b' }), ['a', 'B']));
		assert.ok(!ruleMatches(one({ operator: 'equals', value: 'x' }), undefined));
		assert.ok(ruleMatches(one({ operator: 'notEquals', value: 'x' }), 'y'));
		assert.ok(ruleMatches(one({ operator: 'notEquals', value: 'x' }), undefined));
		assert.ok(ruleMatches(one({ operator: 'contains', value: 'TEND' }), 'via tender portal'));
		assert.ok(ruleMatches(one({ operator: 'contains', value: 'vip' }), ['new', 'VIP']));
		assert.ok(!ruleMatches(one({ operator: 'contains', value: 'vip' }), { vip: true }));
		assert.ok(ruleMatches(one({ operator: 'gte', value: '1 000 000' }), 1000000));
		assert.ok(!ruleMatches(one({ operator: 'gt', value: '10' }), 10));
		assert.ok(ruleMatches(one({ operator: 'lt', value: '10' }), '9,5'));
		assert.ok(ruleMatches(one({ operator: 'lte', value: '10' }), 10));
		assert.ok(!ruleMatches(one({ operator: 'gte', value: '1' }), 'lots'));
		assert.ok(!ruleMatches(one({ operator: 'gte', value: '1' }), true));
		assert.ok(ruleMatches(one({ operator: 'exists' }), 0));
		assert.ok(!ruleMatches(one({ operator: 'exists' }), '  '));
		assert.ok(ruleMatches(one({ operator: 'notExists' }), []));
		assert.ok(ruleMatches(one({ operator: 'notExists' }), null));
		assert.ok(ruleMatches(one({ operator: 'in', value: 'tender, referral' }), 'Referral'));
		assert.ok(!ruleMatches(one({ operator: 'in', value: 'tender, referral' }), 'ads'));
		assert.ok(ruleMatches(one({ operator: 'regex', value: '^\\+7' }), '+7 912'));
		assert.ok(ruleMatches(one({ operator: 'regex', value: 'GMAIL' }), 'x@gmail.com'), 'plain pattern is case-insensitive');
		assert.ok(!ruleMatches(one({ operator: 'regex', value: '/GMAIL/' }), 'x@gmail.com'), '/pattern/ uses its own flags');
		const g = one({ operator: 'regex', value: '/a/g' });
		assert.ok(ruleMatches(g, 'a') && ruleMatches(g, 'a'), 'a global regex does not carry lastIndex between items');
	});

	it('configuration errors name the rule and parameter', () => {
		assert.throws(() => one({ operator: 'gte', value: 'big' }), { field: 'rules.rule[0].value', message: /Rule 1 \(f gte\) needs a number/ });
		assert.throws(() => one({ operator: 'regex', value: '(' }), { message: /Rule 1 \(f regex\) has an invalid pattern/ });
		assert.throws(() => resolveConfig({ mode: 'scoring' }), { field: 'rules', message: /at least one scoring rule/ });
		assert.throws(() => resolveConfig({ mode: 'scoring', rules: { rule: [{ field: '', operator: 'equals' }] } }), {
			field: 'rules.rule[0].field',
		});
		assert.throws(() => resolveConfig({ mode: 'scoring', rules: { rule: [{ field: 'a', operator: 'like' }] } }), {
			message: /"like" is not one of/,
		});
		assert.throws(() => resolveConfig({ mode: 'scoring', scoreA: 10, scoreB: 20, rules: { rule: [{ field: 'a' }] } }), {
			field: 'scoreB',
		});
	});
});

describe('configuration (Pareto)', () => {
	it('defaults', () => {
		const c = resolveConfig({});
		assert.equal(c.mode, 'pareto');
		assert.equal(c.outputKey, 'segment');
		assert.deepEqual(
			[c.pareto!.valueField, c.pareto!.aThreshold, c.pareto!.bThreshold, c.pareto!.zeroOrNegative, c.pareto!.missingOrInvalid],
			['revenue', 80, 95, 'segmentC', 'segmentC'],
		);
		assert.equal(c.pareto!.xyz, undefined);
	});

	it('top % rule uses its own thresholds; bad ranges are errors naming the parameter', () => {
		const c = resolveConfig({ abcRule: 'topPercent', topPercentA: 10, topPercentB: 30 });
		assert.deepEqual([c.pareto!.aThreshold, c.pareto!.bThreshold], [10, 30]);
		assert.throws(() => resolveConfig({ aThreshold: 120 }), { field: 'aThreshold', message: /between 0 and 100/ });
		assert.throws(() => resolveConfig({ abcRule: 'topPercent', topPercentA: 60 }), { field: 'topPercentA' });
		assert.throws(() => resolveConfig({ xyz: true, xThreshold: 30 }), { field: 'xThreshold' });
		assert.throws(() => resolveConfig({ valueField: '' }), { field: 'valueField' });
		assert.equal(resolveConfig({ valueField: '' }, { valueFromExpression: true }).pareto!.valueField, '');
		assert.throws(() => resolveConfig({ options: { outputKey: ' ' } }), { field: 'options.outputKey' });
	});

	it('node parameter defaults equal core DEFAULTS (one source of truth for docs and CLI)', () => {
		const flat = new Map<string, unknown>();
		const v11 = new Map<string, unknown>();
		for (const p of properties) {
			const versions = p.displayOptions?.show?.['@version'] as unknown[] | undefined;
			if (versions && versions[0] !== 1) {
				// version 1.1 defaults (the pipeline contract) come from DEFAULTS_V1_1
				v11.set(p.name, p.default);
				continue;
			}
			if (p.name === 'options') for (const o of p.options as Array<{ name: string; default: unknown }>) flat.set(o.name, o.default);
			else if (p.name !== 'rules' && p.name !== 'value') flat.set(p.name, p.default);
		}
		for (const [name, value] of Object.entries(DEFAULTS)) assert.equal(flat.get(name), value, name);
		assert.equal(flat.size, Object.keys(DEFAULTS).length);
		for (const [name, value] of v11) assert.equal(value, (DEFAULTS_V1_1 as Record<string, unknown>)[name], name);
		assert.equal(v11.get('storedSegmentField'), 'contact.segment');
	});
});

describe('node helpers', () => {
	it('collectParameters reads every parameter with core defaults as fallbacks', () => {
		const seen: string[] = [];
		const params = collectParameters((name, fallback) => {
			seen.push(name);
			return name === 'aThreshold' ? 70 : fallback;
		});
		assert.equal(params.aThreshold, 70);
		assert.equal(params.bThreshold, 95);
		assert.deepEqual(params.options, {});
		assert.ok(seen.includes('rules'));
	});

	it('outputIndex and valueParameterSet', () => {
		assert.deepEqual(
			(['A', 'B', 'C'] as const).map((s) => outputIndex(s, true)),
			[0, 1, 2],
		);
		assert.equal(outputIndex('C', false), 0);
		assert.equal(valueParameterSet(''), false);
		assert.equal(valueParameterSet('  '), false);
		assert.equal(valueParameterSet('={{ $json.x }}'), true);
		assert.equal(valueParameterSet(0), true);
	});
});

describe('result schema', () => {
	it('segmentReasonSchema accepts exactly what the shared reasonSchema accepts', () => {
		const evidence = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.array(fc.string()), fc.constant(undefined), fc.array(fc.integer()), fc.object());
		fc.assert(
			fc.property(fc.record({ code: fc.string(), detail: fc.option(fc.string(), { nil: undefined }), evidence, weight: fc.option(fc.double(), { nil: undefined }) }), (r) => {
				const clean = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
				return reasonSchema.safeParse(clean).success === segmentReasonSchema.safeParse(clean).success;
			}),
		);
		assert.equal(segmentReasonSchema.safeParse({ code: 'x', extra: 1 }).success, false);
	});

	it('strict: no field outside the schema, segments only A/B/C', () => {
		const ok = { segment: 'A', mode: 'pareto', reasons: [] };
		assert.ok(segmentResultSchema.safeParse(ok).success);
		assert.equal(segmentResultSchema.safeParse({ ...ok, manager: 'Bob' }).success, false);
		assert.equal(segmentResultSchema.safeParse({ ...ok, segment: 'D' }).success, false);
		assert.equal(segmentResultSchema.safeParse({ ...ok, abcXyz: 'AW' }).success, false);
	});
});

describe('numbers and CV', () => {
	it('reads numbers as CRMs write them', () => {
		const cases: Array<[unknown, unknown]> = [
			[42, 42],
			['1 234 567,89', 1234567.89],
			['1\u00a0234', 1234],
			['1,234,567.89', 1234567.89],
			['1,5', 1.5],
			['-3', -3],
			['1e3', 1000],
		];
		for (const [raw, want] of cases) assert.deepEqual(readNumber(raw), { kind: 'number', value: want }, String(raw));
		for (const raw of [undefined, null, '', '  ']) assert.equal(readNumber(raw).kind, 'missing');
		for (const raw of ['abc', '12 руб', '1,2,3', true, {}, [], Number.NaN, Infinity, '1.2.3']) {
			assert.equal(readNumber(raw).kind, 'notNumeric', String(raw));
		}
	});

	it('any finite number round-trips through readNumber (property)', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
				const r = readNumber(x);
				return r.kind === 'number' && Object.is(r.value, x);
			}),
		);
		fc.assert(
			fc.property(fc.integer({ min: -1e12, max: 1e12 }), (x) => {
				const r = readNumber(String(x));
				return r.kind === 'number' && r.value === x;
			}),
		);
	});

	it('CV is population std / mean × 100 (hand-checked)', () => {
		assert.equal(coefficientOfVariation([90, 110]), 10);
		assert.equal(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9]), 40);
		assert.equal(coefficientOfVariation([5, 5, 5]), 0);
		assert.equal(coefficientOfVariation([0, 0]), undefined);
		assert.equal(coefficientOfVariation([]), undefined);
	});
});
