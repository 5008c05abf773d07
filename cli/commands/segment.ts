import { createReadStream } from 'node:fs';

import { isInputError } from '../../core/shared/errors';
import { isPlainObject } from '../../core/shared/values';
import { ParetoBatch, analysePareto } from '../../core/segment/pareto';
import { resolveConfig } from '../../core/segment/config';
import { compileRules, segmentLead } from '../../core/segment/scoring';
import { LineReport, UsageError, parseArgs, readConfig, readJsonLines, writeJsonLine } from '../io';
import type { InputLine } from '../io';
import type { Command } from './command';

const HELP = `usage: inquiry-router segment [--config FILE] [--continue] [INPUT.jsonl]

Reads clients (Pareto mode) or leads (scoring mode) as JSON Lines (stdin or INPUT.jsonl) and writes each
line back with the segment object added (default key "segment"), in input order.
--config FILE  JSON with the Score ABC Segment node's parameters by internal name, e.g.
               {"mode":"pareto","valueField":"revenue","xyz":true,"options":{"missingOrInvalid":"error"}}
               (see docs/nodes/ScoreAbcSegment.md). The node's "value" expression has no CLI equivalent.
--continue     a bad line (a bad value, or not JSON) is written with "error": {message, line, field}
               and the other lines are processed, instead of stopping at the first bad line.
Exit codes: 0 ok, 1 some line was bad (with or without --continue), 2 usage or configuration error.`;

/** The JSON object on one input line, or an error naming what is wrong with the line. */
function objectOf(entry: InputLine): Record<string, unknown> {
	if (entry.invalid !== undefined) throw new Error(entry.invalid);
	if (!isPlainObject(entry.value)) throw new Error('a line must be a JSON object');
	return entry.value;
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export const segment: Command = {
	summary: 'ABC/XYZ segments (Pareto over a batch) or lead scoring',
	async run(argv) {
		const { positional, flags } = parseArgs(argv);
		if (flags.help) {
			process.stdout.write(`${HELP}\n`);
			return 0;
		}
		let config;
		try {
			config = resolveConfig(readConfig(flags));
		} catch (error) {
			throw new UsageError(`configuration: ${message(error)}`);
		}
		// parseArgs takes the word after a flag as its value: --continue is a switch, give the word back.
		if (typeof flags.continue === 'string') positional.unshift(flags.continue);
		const keepGoing = flags.continue !== undefined;
		const input = positional[0] ? createReadStream(positional[0]) : process.stdin;
		const key = config.outputKey;

		const report = new LineReport('segment');
		/** A bad line: without --continue the run stops here (false); with it the line gets its error object. */
		const fail = (line: number, row: unknown, error: unknown): boolean => {
			if (!keepGoing) {
				process.stderr.write(`inquiry-router segment: line ${line}: ${message(error)}\n`);
				return false;
			}
			report.fail(line, error, row);
			return true;
		};

		if (config.scoring) {
			let rules;
			try {
				rules = compileRules(config.scoring.rules);
			} catch (error) {
				throw new UsageError(`configuration: ${message(error)}`);
			}
			for await (const entry of readJsonLines(input)) {
				report.lines++;
				const row = entry.invalid !== undefined ? undefined : entry.value;
				try {
					const object = objectOf(entry);
					writeJsonLine({ ...object, [key]: segmentLead(object, rules, config.scoring) });
				} catch (error) {
					if (!isInputError(error) && entry.invalid === undefined && isPlainObject(row)) throw error;
					if (!fail(entry.line, row, error)) return 1;
				}
			}
			return report.exitCode();
		}

		// Pareto: a batch decision. Each line is read alone (a bad one fails alone), then all are segmented.
		const pareto = config.pareto!;
		const rows: Array<Record<string, unknown> | undefined> = [];
		const batch = new ParetoBatch(pareto);
		const errors = new Map<number, { line: number; row: unknown; error: unknown }>();
		for await (const entry of readJsonLines(input)) {
			report.lines++;
			const row = entry.invalid !== undefined ? undefined : entry.value;
			try {
				const object = objectOf(entry);
				batch.add(object);
				rows.push(object);
			} catch (error) {
				if (!keepGoing) return fail(entry.line, row, error) ? 0 : 1;
				errors.set(rows.length, { line: entry.line, row, error });
				rows.push(undefined);
			}
		}
		// Results are built one at a time as they are written, not held all at once.
		const outcome = analysePareto(batch, pareto);
		let k = 0;
		for (let i = 0; i < rows.length; i++) {
			const row = rows[i];
			if (row === undefined) {
				const e = errors.get(i)!;
				fail(e.line, e.row, e.error);
			} else writeJsonLine({ ...row, [key]: outcome.result(k++) });
		}
		return report.exitCode();
	},
};
