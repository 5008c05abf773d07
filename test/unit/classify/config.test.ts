import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readRules } from '../../../core/classify/config';
import { InputError } from '../../../core/shared/errors';
import { configFromJson } from '../../../cli/commands/classify';

describe("Classify's rules: one reader for the node and the CLI", () => {
	it('the CLI config checks rules as the node does (was: a rule without a pattern passed unchecked)', () => {
		assert.throws(
			() => configFromJson({ rules: [{ id: 'r1', pattern: '  ', setPriority: 'high' }] }),
			(e: unknown) => e instanceof InputError && e.field === 'rules[0].pattern',
		);
		assert.throws(
			() => configFromJson({ rules: [{ pattern: 'срочно', setPriority: 'urgent' }] }),
			// named by the key the config wrote (core's setPriority), as createClassifier names it
			(e: unknown) => e instanceof InputError && e.field === 'rules[0].setPriority',
		);
		assert.throws(
			() => readRules({ rule: [{ pattern: 'срочно', effect: 'priority', priority: 'urgent' }] }),
			(e: unknown) => e instanceof InputError && e.field === 'rules.rule[0].priority',
		);
	});

	it("core's ClassifyRule shape (CLI) and the node's fixedCollection read to the same rules", () => {
		const fromCli = readRules([{ id: 'vip', pattern: 'vip', kind: 'keyword', setFlag: 'wantsHuman', weight: 2 }]);
		const fromNode = readRules({ rule: [{ id: 'vip', pattern: 'vip', kind: 'keyword', effect: 'flag', flag: 'wantsHuman', weight: 2 }] });
		assert.deepEqual(fromCli, fromNode);
		assert.deepEqual(fromCli, [{ id: 'vip', pattern: 'vip', kind: 'keyword', weight: 2, setFlag: 'wantsHuman' }]);
	});
});
