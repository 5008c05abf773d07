import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';

import { isInputError } from '../core/shared/errors';
import { isPlainObject } from '../core/shared/values';

/**
 * One physical line of a JSON Lines input: its parsed value, or why it could not be parsed. Line numbers
 * are physical (blank lines count, though they are skipped), so that `sed -n Np` finds the line.
 */
export type InputLine = { line: number; value: unknown; invalid?: undefined } | { line: number; invalid: string };

const BOM = '\ufeff';

function parseLine(text: string, line: number): InputLine {
	try {
		return { line, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { line, invalid: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
	}
}

/**
 * Reads JSON Lines from a stream (stdin by default). Blank lines are skipped; a UTF-8 byte-order mark on
 * line 1 is dropped; a line that is not JSON is yielded as `{ line, invalid }` (the caller reports it
 * with LineReport.fail and goes on with the next line).
 */
export async function* readJsonLines(input: NodeJS.ReadableStream = process.stdin): AsyncGenerator<InputLine> {
	const rl = createInterface({ input, crlfDelay: Infinity });
	let line = 0;
	for await (const raw of rl) {
		line++;
		const text = line === 1 && raw.startsWith(BOM) ? raw.slice(1) : raw;
		if (!text.trim()) continue;
		yield parseLine(text, line);
	}
}

/** A whole JSON Lines file (training data, eval sets); a bad line stops with its path and physical line. */
export function readJsonLinesFile(path: string): unknown[] {
	let text = readFileSync(path, 'utf8');
	if (text.startsWith(BOM)) text = text.slice(1);
	const rows: unknown[] = [];
	text.split('\n').forEach((l, i) => {
		if (!l.trim()) return;
		const parsed = parseLine(l, i + 1);
		if (parsed.invalid !== undefined) throw new Error(`${path}:${i + 1}: ${parsed.invalid}`);
		rows.push(parsed.value);
	});
	return rows;
}

export function writeJsonLine(value: unknown): void {
	process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** The message and (for an InputError) the field of an error, for an `error` object. */
export function describeError(error: unknown): { message: string; field?: string } {
	if (isPlainObject(error) && typeof error.message === 'string') {
		return { message: error.message, ...(typeof error.field === 'string' ? { field: error.field } : {}) };
	}
	const message = error instanceof Error ? error.message : String(error);
	return isInputError(error) ? { message, field: error.field } : { message };
}

/**
 * Every subcommand reports bad lines the same way: the line is written back (when it was a JSON object)
 * with `error: { line, message, field? }` (a line that is not JSON gets `{ error: { line, message } }`),
 * the good lines are processed, and the exit code is 1 when any line failed.
 */
export class LineReport {
	/** Lines that held something (blank lines are not counted). */
	lines = 0;
	failed = 0;

	constructor(private readonly command: string) {}

	/** Writes the failed line's item (if any) with its `error` object and counts it. */
	fail(line: number, error: unknown, item?: unknown): void {
		this.failed++;
		const { message, field } = describeError(error);
		const base = isPlainObject(item) ? item : item === undefined ? {} : { value: item };
		writeJsonLine({ ...base, error: { line, message, ...(field !== undefined ? { field } : {}) } });
	}

	/** A line that is not JSON: its `error` object names the line. */
	invalid(entry: { line: number; invalid: string }): void {
		this.fail(entry.line, new Error(entry.invalid));
	}

	/** 1 when any line failed (with a count on stderr), else 0. */
	exitCode(): number {
		if (!this.failed) return 0;
		process.stderr.write(
			`inquiry-router ${this.command}: ${this.failed} of ${this.lines} line${this.lines === 1 ? '' : 's'} failed (see their "error")\n`,
		);
		return 1;
	}
}

/**
 * Output into a closed pipe (`inquiry-router ... | head -1`) ends the run quietly instead of with an
 * EPIPE stack trace: nobody reads what is left.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
		throw error;
	});
}

/** Parses "--name value" and "--flag" pairs; the rest are positional. */
export function parseArgs(argv: string[]): { positional: string[]; flags: Record<string, string | true> } {
	const positional: string[] = [];
	const flags: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a.startsWith('--')) {
			const name = a.slice(2);
			const next = argv[i + 1];
			if (next !== undefined && !next.startsWith('--')) {
				flags[name] = next;
				i++;
			} else flags[name] = true;
		} else positional.push(a);
	}
	return { positional, flags };
}

/** The JSON config file named by --config (mirrors the node's parameters), or {}. */
export function readConfig(flags: Record<string, string | true>): Record<string, unknown> {
	const path = flags.config;
	if (typeof path !== 'string') return {};
	let text = readFileSync(path, 'utf8');
	if (text.startsWith(BOM)) text = text.slice(1);
	try {
		return JSON.parse(text) as Record<string, unknown>;
	} catch (error) {
		throw new UsageError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
	}
}

export class UsageError extends Error {}
