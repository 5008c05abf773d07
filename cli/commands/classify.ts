/**
 * inquiry-router classify [--config FILE]
 *
 * JSON Lines in ({"text": ...} plus any fields), JSON Lines out (the same fields plus `inquiry`).
 * Offline only: rules and the local model (mode "llm" runs as "cascade" without the LLM).
 * The config file mirrors the node's parameters: mode, categories, rules, threshold, multiLabel,
 * defaultCountry, useDefaultRules, textField, outputKey and training (a JSON Lines file path with
 * {"text", "type"} rows, or an array of such objects).
 */
import { dirname, resolve } from 'node:path';

import { createClassifier } from '../../core/classify';
import { checkOutputKey } from '../../core/classify/config';
import { isInputError } from '../../core/shared/errors';
import { getPath, isPlainObject } from '../../core/shared/values';
import { configFromJson } from '../classifyConfig';
import type { Command } from './command';
import { LineReport, parseArgs, readConfig, readJsonLines, UsageError, writeJsonLine } from '../io';

export { configFromJson } from '../classifyConfig';

export const classify: Command = {
	summary: 'label inquiries (type, priority, flags, contacts): JSON Lines {"text"} in, + "inquiry" out',
	async run(argv) {
		const { flags } = parseArgs(argv);
		const json = readConfig(flags);
		const baseDir = typeof flags.config === 'string' ? dirname(resolve(flags.config)) : '.';
		const textField = typeof json.textField === 'string' ? json.textField : 'text';
		const outputKey = typeof json.outputKey === 'string' ? json.outputKey : 'inquiry';
		let classifier;
		try {
			// the config's readers (core/classify/config.ts) and the classifier's own checks: exit 2 below
			const config = configFromJson(json, baseDir);
			if (config.mode === 'llm') {
				process.stderr.write('inquiry-router classify is offline: mode "llm" runs as "cascade" without the LLM\n');
				config.mode = 'cascade';
			}
			checkOutputKey(outputKey, textField);
			classifier = createClassifier(config);
		} catch (error) {
			// A configuration mistake: one line naming the setting (e.g. rules[0].setPriority), exit 2.
			if (isInputError(error)) throw new UsageError(`config ${error.field}: ${error.message}`);
			throw error;
		}
		const report = new LineReport('classify');
		for await (const entry of readJsonLines()) {
			report.lines++;
			if (entry.invalid !== undefined) {
				report.invalid(entry);
				continue;
			}
			const { line, value: row } = entry;
			const item = isPlainObject(row) ? row : { value: row };
			try {
				const inquiry = classifier.classifyOffline(getPath(item, textField) as string);
				writeJsonLine({ ...item, [outputKey]: inquiry });
			} catch (error) {
				if (!isInputError(error)) throw error;
				const field = error.field === 'text' ? textField : error.field;
				report.fail(line, { message: error.message.replace(/^Text/, `Field "${textField}"`), field }, item);
			}
		}
		return report.exitCode();
	},
};
