import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createClassifier } from '../../../core/classify';
import type { ClassifyRule } from '../../../core/classify';
import { isInputError } from '../../../core/shared/errors';

describe('createClassifier: rule effects are checked when the classifier is built', () => {
	const bad = (rule: Partial<ClassifyRule>) => () =>
		createClassifier({ mode: 'rules', rules: [{ id: 'vip', pattern: 'срочно', ...rule } as ClassifyRule] });

	it('an unknown priority names the rule and the field (not a raw zod dump at the first match)', () => {
		assert.throws(bad({ setPriority: 'urgent' as never }), (e: unknown) => {
			assert.ok(isInputError(e));
			assert.equal(e.field, 'rules[0].setPriority');
			assert.equal(e.message, 'Rule vip sets priority "urgent" (expected high, normal, low)');
			return true;
		});
	});

	it('an unknown flag names the rule and the field', () => {
		assert.throws(bad({ setFlag: 'vip' as never }), (e: unknown) => isInputError(e) && e.field === 'rules[0].setFlag');
	});

	it('valid effects still classify', () => {
		const c = createClassifier({ mode: 'rules', rules: [{ id: 'vip', pattern: 'срочно', kind: 'keyword', setPriority: 'high', setFlag: 'wantsHuman' }] });
		const r = c.classifyOffline('Срочно перезвоните');
		assert.equal(r.priority, 'high');
		assert.equal(r.wantsHuman, true);
	});
});
