import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

import { DEFAULT_EXAMPLES, OFF_TOPIC_EXAMPLES } from '../../../core/classify/defaultExamples';

/**
 * A classify test that feeds the classifier one of its own training examples tests recall of the training
 * set, not classification. No string literal of 12+ characters in a classify test may equal a default training
 * example (shorter literals are single words, field values and rule words such as 'hello' in a rules comment).
 */
const MIN_LENGTH = 12;
const ROOT = join(__dirname, '..', '..', '..');
const DIRS = ['test/unit/classify', 'test/node/classify'];
const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(name) ? [p] : [];
	});
}

function stringLiterals(source: string): string[] {
	const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
	return [...source.matchAll(literal)].map((m) => (m[1] ?? m[2] ?? m[3]).replace(/\\(['"`\\])/g, '$1'));
}

describe('classify tests use texts the model was not trained on', () => {
	const examples = new Set([...DEFAULT_EXAMPLES.map((e) => e.text), ...OFF_TOPIC_EXAMPLES].map(norm));

	it('the training set is what the check compares with', () => {
		assert.ok(examples.size > 900);
		assert.ok(stringLiterals(`x('${DEFAULT_EXAMPLES[0].text.replace(/'/g, "\\'")}')`).map(norm).some((s) => examples.has(s)));
	});

	it(`no string literal of ${MIN_LENGTH}+ characters in test/unit/classify or test/node/classify equals a default training example`, () => {
		const seen: string[] = [];
		for (const dir of DIRS) {
			for (const file of files(join(ROOT, dir))) {
				if (file === __filename) continue;
				for (const s of stringLiterals(readFileSync(file, 'utf8'))) {
					if (norm(s).length >= MIN_LENGTH && examples.has(norm(s))) seen.push(`${relative(ROOT, file)}: ${JSON.stringify(s)}`);
				}
			}
		}
		assert.deepEqual(seen, []);
	});
});
