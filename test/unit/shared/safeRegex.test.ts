import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createClassifier } from '../../../core/classify/index';
import type { ScoringRule } from '../../../core/segment/config';
import { compileRules } from '../../../core/segment/scoring';
import { InputError } from '../../../core/shared/errors';
import { nestedQuantifier } from '../../../core/shared/safeRegex';

describe('nestedQuantifier: the catastrophic-backtracking shape of user patterns', () => {
	it('rejects a repeated group whose body can match in several ways', () => {
		for (const p of ['^(\\w+\\s?)*$', '(a+)+', '(a|aa)+', '((ab)*c)+', '(?:\\d|-)+', '(a+){2}', '(?<n>x+y)*', '(a|b){1,5}', '(?:[a-z]+\\.)+x']) {
			assert.ok(nestedQuantifier(p), p);
		}
	});
	it('accepts fixed counts inside, optional groups, escaped and bracketed parentheses', () => {
		for (const p of ['(\\d{3}-)+', '[(a+)+]', '\\(a+\\)+', 'a+b*', '(?:ab)+', '(a+)?', '[\\]]+(a)+', '(x\\))+', 'заказ\\s*№?\\d+', '^(?:VIP|A)$']) {
			assert.equal(nestedQuantifier(p), undefined, p);
		}
	});
	it('names where the shape is', () => {
		assert.equal(nestedQuantifier('^(\\w+\\s?)*$'), '(\\w+\\s?)* at 1');
	});
});

describe('user patterns are checked when the node starts', () => {
	it('Classify: a regex rule of the catastrophic shape is an InputError naming the rule and field', () => {
		assert.throws(
			() => createClassifier({ mode: 'rules', rules: [{ kind: 'keyword', pattern: 'x', setFlag: 'spam' }, { kind: 'regex', pattern: '^(\\w+\\s?)*$', setFlag: 'spam' }] }),
			(e: unknown) => e instanceof InputError && e.field === 'rules[1].pattern' && /nested quantifier/.test(e.message),
		);
	});
	it('Classify: a safe regex rule still works', async () => {
		const c = createClassifier({ mode: 'rules', rules: [{ kind: 'regex', pattern: '^[\\w\\s]*$', setFlag: 'spam', weight: 2 }] });
		assert.equal((await c.classify('just words here')).spam, true);
	});
	it('Segment: a regex scoring rule of the catastrophic shape is an InputError naming the rule', () => {
		const rule = { field: 'source', operator: 'regex', value: '/^(\\w+\\s?)*$/i', points: 1 } as ScoringRule;
		assert.throws(
			() => compileRules([rule]),
			(e: unknown) => e instanceof InputError && e.field === 'rules.rule[0].value' && /nested quantifier/.test(e.message),
		);
	});
});
