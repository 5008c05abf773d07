import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';

import { route } from '../../../cli/commands/route';

type Line = Record<string, Record<string, unknown> & { [k: string]: unknown }>;

/** Runs the command in-process with the given stdin, capturing stdout and stderr. */
async function cli(args: string[], stdin: string) {
	const out: string[] = [];
	const err: string[] = [];
	const stdinDescriptor = Object.getOwnPropertyDescriptor(process, 'stdin')!;
	const write = process.stdout.write.bind(process.stdout);
	const writeErr = process.stderr.write.bind(process.stderr);
	Object.defineProperty(process, 'stdin', { value: Readable.from([stdin]), configurable: true });
	// The command writes text; the test runner's own (binary) reports pass through untouched.
	process.stdout.write = ((chunk: unknown, ...rest: never[]) =>
		typeof chunk === 'string' ? out.push(chunk) > 0 : write(chunk as Uint8Array, ...rest)) as typeof process.stdout.write;
	process.stderr.write = ((chunk: unknown, ...rest: never[]) =>
		typeof chunk === 'string' ? err.push(chunk) > 0 : writeErr(chunk as Uint8Array, ...rest)) as typeof process.stderr.write;
	try {
		const code = await route.run(args);
		return { code, lines: out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line), stderr: err.join('') };
	} finally {
		process.stdout.write = write;
		process.stderr.write = writeErr;
		Object.defineProperty(process, 'stdin', stdinDescriptor);
	}
}

describe('inquiry-router route (CLI)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'route-cli-'));
	const roster = join(dir, 'roster.jsonl');
	writeFileSync(roster, '{"managerId":"anna","skills":"IT","capacity":1}\n{"managerId":"boris","capacity":5}\n');

	it('routes JSON Lines with a roster file and a config, counting its own assignments', async () => {
		const config = join(dir, 'config.json');
		writeFileSync(config, JSON.stringify({ outputKey: 'route', fallbackQueue: 'night', options: { defaultTimeZone: 'Europe/Moscow' } }));
		const r = await cli(['--roster', roster, '--config', config, '--now', '2026-11-23T10:00:00Z'], '{"id":1,"inquiry":{"type":"IT"}}\n{"id":2,"inquiry":{"type":"IT"}}\n');
		assert.equal(r.code, 0, r.stderr);
		assert.deepEqual(r.lines.map((l) => [l.id, l.route.managerId]), [[1, 'anna'], [2, 'boris']]);
		assert.equal(r.lines[0].route.slaDueAt, '2026-11-23T11:00:00.000Z');
	});

	it('a bad lead is reported on its line and exits 1; a bad roster names the manager and field', async () => {
		const r = await cli(['--roster', roster, '--now', '2026-11-23T10:00:00Z'], '{"segment":{"segment":{"x":1}}}\n');
		assert.equal(r.code, 1);
		assert.equal(r.lines[0].error.field, 'segment.segment');
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, '[{"managerId":"a","capacity":"x"}]');
		const b = await cli(['--roster', bad], '{}\n');
		assert.equal(b.code, 1);
		assert.match(b.stderr, /Roster row 1 \(manager "a"\): field "capacity" must be a number/);
	});
});
