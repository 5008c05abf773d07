import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';

import { commands } from '../../../cli/commands';

const CLI = join(__dirname, '..', '..', '..', 'cli', 'inquiry-router.ts');
const dir = mkdtempSync(join(tmpdir(), 'cli-io-'));
const roster = join(dir, 'roster.jsonl');
writeFileSync(roster, '[{"managerId":"anna","capacity":100000}]\n');

type Out = Record<string, unknown> & { error?: { line: number; message: string; field?: string } };

/** Runs a subcommand in-process with the given stdin, capturing stdout and stderr. */
async function run(name: string, args: string[], stdin: string) {
	const out: string[] = [];
	const err: string[] = [];
	const stdinDescriptor = Object.getOwnPropertyDescriptor(process, 'stdin')!;
	const write = process.stdout.write.bind(process.stdout);
	const writeErr = process.stderr.write.bind(process.stderr);
	Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(stdin, 'utf8')]), configurable: true });
	process.stdout.write = ((chunk: unknown, ...rest: never[]) =>
		typeof chunk === 'string' ? out.push(chunk) > 0 : write(chunk as Uint8Array, ...rest)) as typeof process.stdout.write;
	process.stderr.write = ((chunk: unknown, ...rest: never[]) =>
		typeof chunk === 'string' ? err.push(chunk) > 0 : writeErr(chunk as Uint8Array, ...rest)) as typeof process.stderr.write;
	try {
		const code = await commands[name].run(args);
		return { code, lines: out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Out), stderr: err.join('') };
	} finally {
		process.stdout.write = write;
		process.stderr.write = writeErr;
		Object.defineProperty(process, 'stdin', stdinDescriptor);
	}
}

const item = (k: number) => ({
	k,
	text: `Позовите оператора, заказ ${k}`,
	revenue: 100 * k,
	email: `client${k}@example.com`,
	conversation: [{ role: 'customer', text: `Позовите оператора, заказ ${k}` }],
});

const subcommands: Array<{ name: string; args: string[]; key: string }> = [
	{ name: 'classify', args: [], key: 'inquiry' },
	{ name: 'dedupe', args: [], key: 'contact' },
	{ name: 'dedupe', args: ['--operation', 'matchKeys'], key: 'contact' },
	{ name: 'segment', args: ['--continue'], key: 'segment' },
	{ name: 'route', args: ['--roster', roster, '--now', '2026-11-23T10:00:00Z'], key: 'assignment' },
	{ name: 'escalate', args: ['--now', '2026-11-23T10:00:00Z'], key: 'escalation' },
];

describe('inquiry-router: JSON Lines input, shared by every subcommand', () => {
	// Line 1 starts with a byte-order mark, line 2 is blank, line 3 is not JSON, lines 4 and 5 are good.
	const input = `\ufeff${JSON.stringify(item(1))}\n\n{"text": "unterminated\n${JSON.stringify(item(2))}\n${JSON.stringify(item(3))}\n`;

	for (const { name, args, key } of subcommands) {
		it(`${name} ${args.join(' ')}: a BOM is accepted, a malformed line gets an error object with its physical line, the rest are processed, exit 1`, async () => {
			const r = await run(name, args, input);
			assert.equal(r.code, 1);
			assert.equal(r.lines.length, 4, r.stderr);
			assert.deepEqual(
				r.lines.map((l) => (l.error ? `error@${l.error.line}` : `${l.k}:${typeof l[key]}`)),
				['1:object', 'error@3', '2:object', '3:object'],
			);
			assert.match(r.lines[1].error!.message, /not valid JSON/);
			assert.match(r.stderr, /1 of 4 lines failed/);
		});
	}

	it('segment without --continue stops at the malformed line, naming its physical line, exit 1', async () => {
		const r = await run('segment', [], input);
		assert.equal(r.code, 1);
		assert.deepEqual(r.lines, []);
		assert.match(r.stderr, /line 3: not valid JSON/);
	});

	it('dedupe merge: the good lines are merged, the malformed one is reported, exit 1', async () => {
		const r = await run('dedupe', ['--operation', 'merge'], input);
		assert.equal(r.code, 1);
		assert.equal(r.lines.filter((l) => l.error).length, 1);
		assert.equal(r.lines.find((l) => l.error)!.error!.line, 3);
		assert.ok(r.lines.some((l) => typeof l.contact === 'object'));
	});

	it('every line good: exit 0 and nothing on stderr', async () => {
		for (const { name, args } of subcommands) {
			const r = await run(name, args, [1, 2].map((k) => JSON.stringify(item(k))).join('\n'));
			assert.equal(r.code, 0, `${name}: ${r.stderr}`);
			assert.equal(r.stderr, '', name);
		}
	});

	it('dedupe honours options.withoutIdentity like the node: "new" by default, "error" when set', async () => {
		const anonymous = `${JSON.stringify({ note: 'nothing to match on' })}\n${JSON.stringify(item(1))}\n`;
		const byDefault = await run('dedupe', [], anonymous);
		assert.equal(byDefault.code, 0, byDefault.stderr);
		assert.equal((byDefault.lines[0].contact as { decision: string }).decision, 'unique');
		const cfg = join(dir, 'dedupe-error.json');
		writeFileSync(cfg, JSON.stringify({ options: { withoutIdentity: 'error' } }));
		const strict = await run('dedupe', ['--config', cfg], anonymous);
		assert.equal(strict.code, 1);
		assert.equal(strict.lines[0].error?.line, 1);
		assert.equal(typeof strict.lines[1].contact, 'object');
	});

	it('classify: a bad rule in the config is one line naming the rule and the field, exit 2', () => {
		const cfg = join(dir, 'classify-bad-rule.json');
		writeFileSync(cfg, JSON.stringify({ rules: [{ id: 'vip', pattern: 'срочно', setPriority: 'urgent' }] }));
		const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'classify', '--config', cfg], { input: '{"text":"срочно"}\n', encoding: 'utf8' });
		assert.equal(r.status, 2);
		assert.equal(r.stdout, '');
		assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
		assert.match(r.stderr, /rules\[0\]\.setPriority: Rule vip sets priority "urgent"/);
	});

	it('classify: an output key equal to the text field is refused (it would overwrite the text)', () => {
		const cfg = join(dir, 'classify-key.json');
		writeFileSync(cfg, JSON.stringify({ outputKey: 'text' }));
		const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'classify', '--config', cfg], { input: '{"text":"срочно"}\n', encoding: 'utf8' });
		assert.equal(r.status, 2);
		assert.equal(r.stdout, '');
		assert.match(r.stderr, /Output Key "text" would overwrite the text field "text"/);
	});
});

describe('inquiry-router: output into a closed pipe ends quietly', () => {
	const file = join(dir, 'many.jsonl');
	// Far more output than a pipe buffer holds, so the command is still writing when `head` has gone.
	writeFileSync(file, Array.from({ length: 1500 }, (_, k) => JSON.stringify(item(k + 1))).join('\n'));
	for (const { name, args } of subcommands) {
		it(`${name} ${args.join(' ')} | head -1`, () => {
			const command = [process.execPath, '--import', 'tsx', CLI, name, ...args].map((a) => `'${a}'`).join(' ');
			const r = spawnSync('sh', ['-c', `(${command} < '${file}'; echo "exit $?" >&2) | head -1`], { encoding: 'utf8' });
			assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
			assert.doesNotMatch(r.stderr, /EPIPE/);
			assert.equal(r.stderr, 'exit 0\n');
		});
	}
});
