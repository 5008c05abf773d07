import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const CLI = join(__dirname, '..', '..', '..', 'cli', 'inquiry-router.ts');
const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'orgs', 'team-orgs.jsonl');

function run(args: string[], input = '') {
	const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { input, encoding: 'utf8' });
	return { code: r.status, lines: r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), err: r.stderr };
}

describe('inquiry-router dedupe / eval dedupe --entity organisation (CLI)', () => {
	it('eval prints the same last-line summary as person mode, with organisation figures', () => {
		const r = run(['eval', 'dedupe', FIXTURE, '--entity', 'organisation']);
		assert.equal(r.code, 0, r.err);
		const last = r.lines.at(-1)!;
		assert.deepEqual(Object.keys(last), ['task', 'n', 'entities', 'clusters', 'pairs', 'seconds']);
		assert.equal(last.n, 413);
		const pairs = last.pairs as { precision: number; recall: number };
		assert.equal(pairs.precision, 1);
		assert.ok(pairs.recall >= 0.9);
		const person = run(['eval', 'dedupe', FIXTURE]);
		assert.ok((person.lines.at(-1)!.pairs as { recall: number }).recall < 0.5, 'person mode does not recognise organisations');
	});

	it('dedupe --entity organisation clusters legal forms and keeps different INNs apart', () => {
		const input = [
			{ id: 'a', name: 'ООО «СтройМонтаж»', inn: '7707083893' },
			{ id: 'b', name: 'StroyMontazh LLC', inn: '7707083893' },
			{ id: 'c', name: 'ООО «СтройМонтаж»', inn: '7736207543' },
		]
			.map((x) => JSON.stringify(x))
			.join('\n');
		const r = run(['dedupe', '--entity', 'organisation'], input);
		assert.equal(r.code, 0, r.err);
		const ids = r.lines.map((l) => (l.contact as { clusterId: string }).clusterId);
		assert.equal(ids[0], ids[1]);
		assert.notEqual(ids[0], ids[2]);
		assert.equal(run(['dedupe', '--entity', 'company'], input).code, 2);
	});
});
