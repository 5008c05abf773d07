import { readFileSync } from 'node:fs';

import { isInputError } from '../../core/shared/errors';
import { getPath, isPlainObject } from '../../core/shared/values';
import { Router, configFromOptions, leadFieldsFrom, parseRoster, readLead, readNow, type LeadFields } from '../../core/route';
import { LineReport, UsageError, parseArgs, readConfig, readJsonLines, writeJsonLine } from '../io';
import type { Command } from './command';

const HELP = `usage: inquiry-router route [--roster FILE] [--config FILE] [--now ISO]
  Reads leads as JSON Lines on stdin, writes each lead with "assignment" (or the config's outputKey).
  --roster FILE  managers: a JSON array, {"managers": [...]}, or JSON Lines of roster rows
                 (or "roster" / "rosterJson" in the config, or rosterSource "field" + rosterField)
  --config FILE  the node's parameters as JSON: skillsField, languageField, segmentField, priorityField,
                 ownerField, fallbackOwnerId, fallbackQueue, outputKey, options { ownerFirst, ... }
  --now ISO      decision time for every lead (default: the current time); a lead field via config "nowField"
Exit code: 0 every lead routed (assigned or fallback), 1 some lead or the roster was bad, 2 usage.`;

function readRosterFile(path: string): unknown {
	const text = readFileSync(path, 'utf8').trim();
	if (!text) return [];
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text
			.split('\n')
			.filter((l) => l.trim())
			.map((l, i) => {
				try {
					return JSON.parse(l) as unknown;
				} catch {
					throw new UsageError(`${path}:${i + 1}: not valid JSON`);
				}
			});
	}
}

export const route: Command = {
	summary: 'assign leads to managers (roster from --roster FILE or --config)',
	async run(argv) {
		const { flags } = parseArgs(argv);
		if (flags.help || flags.h) {
			process.stdout.write(`${HELP}\n`);
			return 0;
		}
		const config = readConfig(flags);
		const options = isPlainObject(config.options) ? config.options : {};
		const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
		const routeConfig = configFromOptions(options, {
			fallbackOwnerId: str(config.fallbackOwnerId, ''),
			fallbackQueue: str(config.fallbackQueue, 'unassigned'),
		});
		const defaultTimeZone = str(options.defaultTimeZone, '') || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
		const fields: LeadFields = leadFieldsFrom(config);
		const outputKey = str(config.outputKey, 'assignment') || 'assignment';
		const fixedNow = typeof flags.now === 'string' ? readNow(flags.now, '--now') : Date.now();
		const nowField = typeof config.nowField === 'string' ? config.nowField : undefined;
		const rosterField = config.rosterSource === 'field' ? str(config.rosterField, 'roster') : undefined;

		let shared: Router | undefined;
		if (!rosterField) {
			const rows =
				typeof flags.roster === 'string' ? readRosterFile(flags.roster) : (config.roster ?? config.rosterJson);
			if (rows === undefined) throw new UsageError(`no roster: give --roster FILE or "roster" in the config\n${HELP}`);
			try {
				shared = new Router(parseRoster(rows, { defaultTimeZone }), routeConfig);
			} catch (error) {
				if (!isInputError(error)) throw error;
				process.stderr.write(`inquiry-router route: ${error.message}${error.hint ? ` (${error.hint})` : ''}\n`);
				return 1;
			}
		}
		const byRoster = new Map<string, Router>();
		const report = new LineReport('route');
		for await (const entry of readJsonLines()) {
			report.lines++;
			if (entry.invalid !== undefined) {
				process.stderr.write(`line ${entry.line}: ${entry.invalid}\n`);
				report.invalid(entry);
				continue;
			}
			const { line, value } = entry;
			const item = isPlainObject(value) ? value : { value };
			try {
				let router = shared;
				if (!router) {
					const raw = getPath(item, rosterField!);
					const key = typeof raw === 'string' ? raw : JSON.stringify(raw ?? null);
					router = byRoster.get(key) ?? new Router(parseRoster(raw, { defaultTimeZone, fieldPrefix: rosterField }), routeConfig);
					byRoster.set(key, router);
				}
				const nowMs = nowField ? readNow(getPath(item, nowField), nowField) : fixedNow;
				const { assignment } = router.route(readLead(item, fields, nowMs));
				writeJsonLine({ ...item, [outputKey]: assignment });
			} catch (error) {
				if (!isInputError(error)) throw error;
				process.stderr.write(`line ${line}: ${error.message}\n`);
				report.fail(line, error, item);
			}
		}
		return report.exitCode();
	},
};
