import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const CLI = join(__dirname, '..', '..', '..', 'cli', 'inquiry-router.ts');

function cli(args: string[], input: string) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'segment', ...args], { input, encoding: 'utf8' });
	return { code: r.status, out: r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)), err: r.stderr };
}

const lines = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');

describe('inquiry-router segment (CLI)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'segment-cli-'));

	it('Pareto with defaults: every line back, in order, with the segment object', () => {
		const r = cli([], lines({ c: 1, revenue: 40 }, { c: 2, revenue: 40 }, { c: 3, revenue: 'x' }, { c: 4, revenue: 20 }));
		assert.equal(r.code, 0);
		assert.deepEqual(
			r.out.map((o) => [o.c, o.segment.segment]),
			[
				[1, 'A'],
				[2, 'A'],
				[3, 'C'],
				[4, 'B'],
			],
		);
	});

	it('--config mirrors node parameters; a bad line stops with its line and field, or --continue marks it', () => {
		const cfg = join(dir, 'cfg.json');
		writeFileSync(cfg, JSON.stringify({ options: { missingOrInvalid: 'error', outputKey: 'abc' } }));
		const input = lines({ revenue: 10 }, { revenue: 'x' }, { revenue: 5 });
		const stop = cli(['--config', cfg], input);
		assert.equal(stop.code, 1);
		assert.match(stop.err, /line 2: Field "revenue" is not a number: "x"/);
		const cont = cli(['--config', cfg, '--continue'], input);
		assert.equal(cont.code, 1, 'a bad line exits 1 even with --continue');
		assert.equal(cont.out.length, 3);
		assert.deepEqual(cont.out[1].error, { message: 'Field "revenue" is not a number: "x"', line: 2, field: 'revenue' });
		assert.equal(cont.out[0].abc.segment, 'A');
		assert.equal(cont.out[2].abc.segment, 'A', '5 of 15: 66.7% ahead');
	});

	it('scoring mode and configuration errors (exit 2)', () => {
		const cfg = join(dir, 'score.json');
		writeFileSync(cfg, JSON.stringify({ mode: 'scoring', rules: { rule: [{ field: 'budget', operator: 'gte', value: '1000', points: 70 }] } }));
		const r = cli(['--config', cfg], lines({ budget: 5000 }, { budget: 10 }));
		assert.deepEqual(
			r.out.map((o) => [o.segment.segment, o.segment.score]),
			[
				['A', 70],
				['C', 0],
			],
		);
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, JSON.stringify({ bThreshold: 50 }));
		const e = cli(['--config', bad], lines({ revenue: 1 }));
		assert.equal(e.code, 2);
		assert.match(e.err, /Parameter "aThreshold" \(80\) must not be above bThreshold \(50\)/);
	});
});
