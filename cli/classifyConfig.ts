/**
 * The classify config file (the node's parameter names) read into a ClassifierConfig, for the classify
 * command and `eval classify` alike (one module both import, so cli/eval does not import cli/commands).
 */
import { resolve } from 'node:path';

import type { Category, ClassifierConfig, TrainingExample } from '../core/classify';
import { readDefaultCountry, readRules } from '../core/classify/config';
import { isPlainObject } from '../core/shared/values';
import { readJsonLinesFile, UsageError } from './io';

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

