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
import type { Category, ClassifierConfig, TrainingExample } from '../../core/classify';
import { checkOutputKey, readDefaultCountry, readRules } from '../../core/classify/config';
import { isInputError } from '../../core/shared/errors';
import { getPath, isPlainObject } from '../../core/shared/values';
import type { Command } from './index';
import { LineReport, parseArgs, readConfig, readJsonLines, readJsonLinesFile, UsageError, writeJsonLine } from '../io';

function asTraining(value: unknown, baseDir: string): TrainingExample[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const rows = typeof value === 'string' ? readJsonLinesFile(resolve(baseDir, value)) : value;
	if (!Array.isArray(rows)) throw new UsageError('config "training" must be a JSON Lines file path or an array');
	return rows
		.filter((r): r is Record<string, unknown> => isPlainObject(r) && typeof r.text === 'string' && typeof r.type === 'string')
		.map((r) => ({ text: r.text as string, type: r.type as string }));
}

/** Node-parameter-shaped JSON → ClassifierConfig. `training` paths are relative to `baseDir`. */
export function configFromJson(json: unknown, baseDir = '.'): ClassifierConfig {
	const c = isPlainObject(json) ? json : {};
	const config: ClassifierConfig = { mode: (c.mode as ClassifierConfig['mode']) ?? 'cascade' };
	if (Array.isArray(c.categories)) {
		config.categories = c.categories.map((x) => (typeof x === 'string' ? { id: x } : (x as Category)));
	}
	// the node's reader: a rule without a pattern or with an unknown effect is an error naming it
	if (c.rules !== undefined) config.rules = readRules(c.rules);
	if (typeof c.threshold === 'number') config.threshold = c.threshold;
	if (typeof c.multiLabel === 'boolean') config.multiLabel = c.multiLabel;
	if (typeof c.multiLabelCut === 'number') config.multiLabelCut = c.multiLabelCut;
	if (typeof c.defaultCountry === 'string') config.defaultCountry = readDefaultCountry(c.defaultCountry);
	if (typeof c.useDefaultRules === 'boolean') config.useDefaultRules = c.useDefaultRules;
	const training = asTraining(c.training, baseDir);
	if (training) config.training = training;
	return config;
}

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
