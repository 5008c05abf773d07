import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

import { devTexts, normaliseForCopyCheck } from '../helpers/evalData';

/** Evaluation data must never be copied into the project: no test may hold a dev.jsonl text. */
const ROOT = join(__dirname, '..', '..');
const MIN_LENGTH = 25;

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs|js|json|jsonl)$/.test(name) ? [p] : [];
	});
}

/** Every quoted string literal ('…', "…", `…`) of a source file, unescaped. */
function stringLiterals(source: string): string[] {
	const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
	return [...source.matchAll(literal)].map((m) => (m[1] ?? m[2] ?? m[3]).replace(/\\(['"`\\])/g, '$1'));
}

describe('no evaluation data in the tests', () => {
	it('finds a literal that equals a dev text (the check itself works)', () => {
		const sample = devTexts().find((t) => t.length >= MIN_LENGTH && !/['\\\n]/.test(t));
		assert.ok(sample);
		const found = stringLiterals(`const x = '${sample.toUpperCase()}';`).map(normaliseForCopyCheck);
		assert.ok(found.includes(normaliseForCopyCheck(sample)));
	});

	it(`no string literal of ${MIN_LENGTH}+ characters in test/ equals a dev.jsonl text`, () => {
		const dev = new Set(devTexts().map(normaliseForCopyCheck));
		const copies: string[] = [];
		for (const file of files(join(ROOT, 'test'))) {
			for (const s of stringLiterals(readFileSync(file, 'utf8'))) {
				const n = normaliseForCopyCheck(s);
				if (n.length >= MIN_LENGTH && dev.has(n)) copies.push(`${relative(ROOT, file)}: ${JSON.stringify(s)}`);
			}
		}
		assert.deepEqual(copies, []);
	});
});
