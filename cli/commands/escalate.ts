import type { Command } from './command';
import { LineReport, parseArgs, readConfig, readJsonLines, readJsonLinesFile, UsageError, writeJsonLine } from '../io';
import { decideEscalation } from '../../core/escalate/escalate';
import { detectHumanRequest } from '../../core/text/humanRequest';
import { isInputError } from '../../core/shared/errors';
import { ALL_TRIGGERS, readInput, readParams, resolveNow, toOptions } from '../../core/escalate/config';
import type { NodeParams } from '../../core/escalate/config';

const USAGE = `usage:
  inquiry-router escalate [--config FILE] [--now ISO] < items.jsonl > decisions.jsonl
      each line an item like the node's input; --config holds the node's parameters
      (inputMode, conversationField, messageField, triggers, useWorkingHours, timezone, workDays,
      workStart, workEnd, options{...}, version: 1.1 to read "inquiry" as the node 1.1 does);
      a bad line is written as {"error": {...}} and counted
  inquiry-router escalate eval-human FILE.jsonl
      precision / recall / F1 of the human-request detector on rows with a boolean wantsHuman label`;

/** The config file's node parameters (same names and checks as the node: core/escalate/config.ts). */
export function paramsFromConfig(config: Record<string, unknown>): NodeParams {
	return readParams({ triggers: ALL_TRIGGERS, ...config });
}

/** Precision, recall and F1 of detectHumanRequest against `wantsHuman` labels (rows without the label are skipped). */
export function evalHumanRequest(rows: unknown[]): Record<string, unknown> {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	let tn = 0;
	const bySource: Record<string, { tp: number; fp: number; fn: number; tn: number }> = {};
	for (const row of rows) {
		if (!row || typeof row !== 'object') continue;
		const r = row as Record<string, unknown>;
		if (typeof r.wantsHuman !== 'boolean' || typeof r.text !== 'string') continue;
		const predicted = detectHumanRequest(r.text) !== undefined;
		const source = typeof r.source === 'string' ? r.source : 'unknown';
		const s = (bySource[source] ??= { tp: 0, fp: 0, fn: 0, tn: 0 });
		const cell = predicted ? (r.wantsHuman ? 'tp' : 'fp') : r.wantsHuman ? 'fn' : 'tn';
		s[cell]++;
		if (cell === 'tp') tp++;
		else if (cell === 'fp') fp++;
		else if (cell === 'fn') fn++;
		else tn++;
	}
	const round = (x: number) => Math.round(x * 1000) / 1000;
	const metrics = (c: { tp: number; fp: number; fn: number; tn: number }) => {
		const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
		const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
		const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
		return { rows: c.tp + c.fp + c.fn + c.tn, positives: c.tp + c.fn, ...c, precision: round(precision), recall: round(recall), f1: round(f1) };
	};
	return {
		task: 'escalate.humanRequest',
		...metrics({ tp, fp, fn, tn }),
		bySource: Object.fromEntries(Object.entries(bySource).map(([k, v]) => [k, metrics(v)])),
	};
}

export const escalate: Command = {
	summary: 'escalate to a human: decisions for conversations or messages (JSON Lines); eval-human FILE measures the detector',
	async run(argv) {
		const { positional, flags } = parseArgs(argv);
		if (flags.help) {
			process.stdout.write(`${USAGE}\n`);
			return 0;
		}
		if (positional[0] === 'eval-human') {
			const file = positional[1];
			if (!file) throw new UsageError(USAGE);
			process.stdout.write(`${JSON.stringify(evalHumanRequest(readJsonLinesFile(file)))}\n`);
			return 0;
		}
		if (positional.length) throw new UsageError(USAGE);
		const config = readConfig(flags);
		const params = paramsFromConfig(config);
		// The node's version whose defaults the config means (1.1: the pipeline contract); 1 by default.
		const version = typeof config.version === 'number' ? config.version : 1;
		const options = toOptions(params, typeof params.timezone === 'string' && params.timezone ? params.timezone : 'Europe/Moscow');
		const now = resolveNow(typeof flags.now === 'string' ? flags.now : params.options.now, new Date());
		const outputKey = typeof params.options.outputKey === 'string' && params.options.outputKey ? params.options.outputKey : 'escalation';
		const report = new LineReport('escalate');
		for await (const entry of readJsonLines()) {
			report.lines++;
			if (entry.invalid !== undefined) {
				report.invalid(entry);
				continue;
			}
			const { line, value: item } = entry;
			try {
				if (!item || typeof item !== 'object' || Array.isArray(item)) throw new UsageError('an item must be a JSON object');
				const json = item as Record<string, unknown>;
				const decision = await decideEscalation(readInput(json, params, version), options, { now });
				writeJsonLine({ ...json, [outputKey]: decision });
			} catch (error) {
				if (!isInputError(error) && !(error instanceof UsageError)) throw error;
				report.fail(line, error, item);
			}
		}
		return report.exitCode();
	},
};
