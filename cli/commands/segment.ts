import { createReadStream } from 'node:fs';

import { isInputError } from '../../core/shared/errors';
import { isPlainObject } from '../../core/shared/values';
import { ParetoBatch, analysePareto } from '../../core/segment/pareto';
import { resolveConfig } from '../../core/segment/config';
import { compileRules, segmentLead } from '../../core/segment/scoring';
import { UsageError, parseArgs, readConfig, readJsonLines, writeJsonLine } from '../io';
import type { Command } from './index';

const HELP = `usage: inquiry-router segment [--config FILE] [--continue] [INPUT.jsonl]

Reads clients (Pareto mode) or leads (scoring mode) as JSON Lines (stdin or INPUT.jsonl) and writes each
line back with the segment object added (default key "segment"), in input order.
--config FILE  JSON with the Score ABC Segment node's parameters by internal name, e.g.
               {"mode":"pareto","valueField":"revenue","xyz":true,"options":{"missingOrInvalid":"error"}}
               (see docs/nodes/ScoreAbcSegment.md). The node's "value" expression has no CLI equivalent.
--continue     a bad line is written with "error": {message, line, field} instead of stopping (exit 0).
Exit codes: 0 ok, 1 a bad line (without --continue), 2 usage or configuration error.`;

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

		const fail = (line: number, row: unknown, error: unknown): boolean => {
			const field = isInputError(error) ? error.field : undefined;
			if (!keepGoing) {
				process.stderr.write(`inquiry-router segment: line ${line}: ${message(error)}\n`);
				return false;
			}
			const base = isPlainObject(row) ? row : { value: row };
			writeJsonLine({ ...base, error: { message: message(error), line, ...(field ? { field } : {}) } });
			return true;
		};

		if (config.scoring) {
			let rules;
			try {
				rules = compileRules(config.scoring.rules);
			} catch (error) {
				throw new UsageError(`configuration: ${message(error)}`);
			}
			let line = 0;
			for await (const row of readJsonLines(input)) {
				line++;
				if (!isPlainObject(row)) {
					if (!fail(line, row, new Error('a line must be a JSON object'))) return 1;
					continue;
				}
				writeJsonLine({ ...row, [key]: segmentLead(row, rules, config.scoring) });
			}
			return 0;
		}

		// Pareto: a batch decision. Each line is read alone (a bad one fails alone), then all are segmented.
		const pareto = config.pareto!;
		const rows: Array<Record<string, unknown> | undefined> = [];
		const batch = new ParetoBatch(pareto);
		const errors = new Map<number, unknown>();
		let line = 0;
		for await (const row of readJsonLines(input)) {
			line++;
			try {
				if (!isPlainObject(row)) throw new Error('a line must be a JSON object');
				batch.add(row);
				rows.push(row);
			} catch (error) {
				if (!keepGoing) return fail(line, row, error) ? 0 : 1;
				errors.set(line, { row, error });
				rows.push(undefined);
			}
		}
		// Results are built one at a time as they are written, not held all at once.
		const outcome = analysePareto(batch, pareto);
		let k = 0;
		for (let i = 0; i < rows.length; i++) {
			const row = rows[i];
			if (row === undefined) {
				const e = errors.get(i + 1) as { row: unknown; error: unknown };
				fail(i + 1, e.row, e.error);
			} else writeJsonLine({ ...row, [key]: outcome.result(k++) });
		}
		return 0;
	},
};
