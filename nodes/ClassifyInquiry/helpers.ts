import { isSupportedCountry } from 'libphonenumber-js/max';
import type { IDataObject } from 'n8n-workflow';

import type { Category, ClassifyRule, Inquiry, LlmClassifier, TrainingExample } from '../../core/classify';
import type { LlmClientConfig, StructuredOutputMode } from '../../core/llm';
import { InputError } from '../../core/shared/errors';
import { getPath, isPlainObject, requireText } from '../../core/shared/values';

/**
 * Pure helpers of the Classify Inquiry node: parameters in, core types out. They throw InputError
 * (named field) for the user's mistakes; the node turns those into NodeOperationError.
 */

/** The text of one item: a dotted path, or a key that itself contains dots ("message.body" as one key). */
export function readText(json: IDataObject, field: string): string {
	const path = (field ?? '').trim();
	if (!path) throw new InputError('textField', 'The parameter "Text Field" is empty');
	const value = Object.prototype.hasOwnProperty.call(json, path) ? json[path] : getPath(json, path);
	return requireText(value, path);
}

/**
 * The output key must not overwrite the text it classifies: refused when it equals the text field or
 * the object the text sits in ("message" for "message.text").
 */
export function checkOutputKey(outputKey: string, textField: string): void {
	const key = outputKey.trim();
	const path = (textField ?? '').trim();
	if (key && (path === key || path.startsWith(`${key}.`))) {
		throw new InputError(
			'options.outputKey',
			`Output Key "${key}" would overwrite the text field "${path}"`,
			'Choose another Output Key (default "inquiry") or another Text Field.',
		);
	}
}

/** ISO 3166 alpha-2 country for phones without a country code; an unknown code is a configuration error. */
export function readDefaultCountry(value: unknown): string {
	const code = (typeof value === 'string' ? value : '').trim().toUpperCase() || 'RU';
	if (!isSupportedCountry(code)) {
		throw new InputError('options.defaultCountry', `Default Phone Country "${code}" is not a supported ISO 3166 country code`, 'Use two letters such as RU, KZ, BY, DE or US.');
	}
	return code;
}

interface CategoryParam {
	name?: unknown;
	description?: unknown;
	examples?: unknown;
}

/** Custom categories from the fixedCollection; undefined for the default taxonomy. */
export function readCategories(taxonomy: string, param: unknown): Category[] | undefined {
	if (taxonomy !== 'custom') return undefined;
	const list = (isPlainObject(param) && Array.isArray(param.category) ? param.category : []) as CategoryParam[];
	if (list.length === 0) {
		throw new InputError('categories', 'Categories is "Custom" but no category is defined', 'Add at least two categories, or choose "Default".');
	}
	const seen = new Set<string>();
	return list.map((c, i) => {
		const name = typeof c?.name === 'string' ? c.name.trim() : '';
		if (!name) throw new InputError(`categories.category[${i}].name`, `Custom category ${i + 1} has no name`);
		if (seen.has(name)) throw new InputError(`categories.category[${i}].name`, `Custom category "${name}" appears twice`);
		seen.add(name);
		const category: Category = { id: name };
		if (typeof c.description === 'string' && c.description.trim()) category.description = c.description.trim();
		const examples =
			typeof c.examples === 'string'
				? c.examples
						.split(/\r?\n/)
						.map((e) => e.trim())
						.filter(Boolean)
				: [];
		if (examples.length) category.examples = examples;
		return category;
	});
}

interface RuleParam {
	id?: unknown;
	pattern?: unknown;
	kind?: unknown;
	effect?: unknown;
	priority?: unknown;
	type?: unknown;
	flag?: unknown;
	weight?: unknown;
}

export function readRules(param: unknown): ClassifyRule[] {
	const list = (isPlainObject(param) && Array.isArray(param.rule) ? param.rule : []) as RuleParam[];
	return list.map((r, i) => {
		const field = `rules.rule[${i}]`;
		const pattern = typeof r?.pattern === 'string' ? r.pattern.trim() : '';
		if (!pattern) throw new InputError(`${field}.pattern`, `Rule ${i + 1} has no pattern`);
		const kind = r.kind === 'regex' ? 'regex' : 'keyword';
		const id = typeof r.id === 'string' && r.id.trim() ? r.id.trim() : `rule_${i + 1}`;
		const rule: ClassifyRule = { id, pattern, kind };
		const weight = r.weight === undefined || r.weight === '' ? 1 : Number(r.weight);
		if (!Number.isFinite(weight) || weight < 0) throw new InputError(`${field}.weight`, `Rule ${id} has an invalid weight`);
		rule.weight = weight;
		const effect = r.effect ?? 'priority';
		if (effect === 'priority') {
			const p = r.priority ?? 'high';
			if (p !== 'high' && p !== 'normal' && p !== 'low') {
				throw new InputError(`${field}.priority`, `Rule ${id}: priority must be high, normal or low`);
			}
			rule.setPriority = p;
		} else if (effect === 'type') {
			const t = typeof r.type === 'string' ? r.type.trim() : '';
			if (!t) throw new InputError(`${field}.type`, `Rule ${id} sets a type but names none`);
			rule.setType = t;
		} else if (effect === 'flag') {
			const f = r.flag ?? 'wantsHuman';
			if (f !== 'wantsHuman' && f !== 'angry' && f !== 'spam') {
				throw new InputError(`${field}.flag`, `Rule ${id}: flag must be wantsHuman, angry or spam`);
			}
			rule.setFlag = f;
		} else {
			throw new InputError(`${field}.effect`, `Rule ${id}: effect must be priority, type or flag`);
		}
		return rule;
	});
}

/** Training examples typed in the node: an example without text or type is an error (the user typed it). */
export function readTrainingExamples(param: unknown): TrainingExample[] {
	const list = (isPlainObject(param) && Array.isArray(param.example) ? param.example : []) as Array<{
		text?: unknown;
		type?: unknown;
	}>;
	return list.map((e, i) => {
		const text = typeof e?.text === 'string' ? e.text.trim() : '';
		const type = typeof e?.type === 'string' ? e.type.trim() : '';
		if (!text) throw new InputError(`trainingExamples.example[${i}].text`, `Training example ${i + 1} has no text`);
		if (!type) throw new InputError(`trainingExamples.example[${i}].type`, `Training example ${i + 1} has no type`);
		return { text, type };
	});
}

export interface TrainingItems {
	examples: TrainingExample[];
	skipped: { noText: number; noType: number; unknownType: number };
	/** A few unknown labels, for the hint. */
	unknownTypes: string[];
}

/**
 * Labelled history from the Training input (a Data table, a sheet): rows without text or label,
 * or with a label outside the taxonomy, are skipped and counted (history is often untidy).
 */
export function readTrainingItems(items: IDataObject[], textField: string, typeField: string, categoryIds: string[]): TrainingItems {
	const ids = new Set(categoryIds);
	const out: TrainingItems = { examples: [], skipped: { noText: 0, noType: 0, unknownType: 0 }, unknownTypes: [] };
	for (const json of items) {
		const text = getPath(json, textField);
		const type = getPath(json, typeField);
		if (typeof text !== 'string' || !text.trim()) {
			out.skipped.noText++;
			continue;
		}
		if (typeof type !== 'string' || !type.trim()) {
			out.skipped.noType++;
			continue;
		}
		if (!ids.has(type.trim())) {
			out.skipped.unknownType++;
			if (out.unknownTypes.length < 3 && !out.unknownTypes.includes(type.trim())) out.unknownTypes.push(type.trim());
			continue;
		}
		out.examples.push({ text, type: type.trim() });
	}
	return out;
}

/** The main output of an item in per-category mode: its category, or Fallback when nobody was sure. */
export function outputIndexFor(inquiry: Pick<Inquiry, 'type' | 'confidence'>, categoryIds: string[], threshold: number): number {
	const fallback = categoryIds.length;
	if (inquiry.confidence < threshold) return fallback;
	const index = categoryIds.indexOf(inquiry.type);
	return index === -1 ? fallback : index;
}

export interface LlmOptionsParam {
	timeout?: number;
	maxRetries?: number;
	concurrency?: number;
	redactPii?: boolean;
	temperature?: number;
	structuredOutput?: string;
	maxChars?: number;
}

const STRUCTURED: Record<string, StructuredOutputMode> = {
	jsonSchema: 'json_schema',
	jsonObject: 'json_object',
	prompt: 'prompt',
};

/** Credential data + node options → core/llm config. */
export function llmClientConfig(credentials: IDataObject, model: string, options: LlmOptionsParam): LlmClientConfig {
	const headerName = typeof credentials.headerName === 'string' ? credentials.headerName.trim() : '';
	const headerValue = typeof credentials.headerValue === 'string' ? credentials.headerValue : '';
	const config: LlmClientConfig = {
		apiKey: typeof credentials.apiKey === 'string' ? credentials.apiKey : '',
		model: (model ?? '').trim(),
		timeoutMs: Math.round((options.timeout ?? 30) * 1000),
		maxRetries: options.maxRetries ?? 2,
		concurrency: options.concurrency ?? 4,
		redactPii: options.redactPii ?? true,
		structuredOutput: STRUCTURED[options.structuredOutput ?? 'jsonSchema'] ?? 'json_schema',
	};
	if (typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim()) config.baseUrl = credentials.baseUrl.trim();
	if (typeof credentials.organization === 'string' && credentials.organization.trim()) {
		config.organization = credentials.organization.trim();
	}
	if (headerName) config.headers = { [headerName]: headerValue };
	const temperature = options.temperature ?? 0;
	if (temperature >= 0) config.temperature = temperature;
	return config;
}

/** Counts LLM calls and failures by their exact kind (auth, bad_request... which the reasons fold into `network`). */
export interface LlmStats {
	calls: number;
	failures: Record<string, number>;
}

export function countingLlm(inner: LlmClassifier, stats: LlmStats): LlmClassifier {
	return {
		async classify(text, categories) {
			stats.calls++;
			try {
				return await inner.classify(text, categories);
			} catch (error) {
				const kind = (error as { kind?: unknown } | null)?.kind;
				const key = typeof kind === 'string' ? kind : 'unknown';
				stats.failures[key] = (stats.failures[key] ?? 0) + 1;
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the cascade degrades on it
				throw error;
			}
		},
	};
}

/** "Engines: rules 20, local model 20, LLM 5 (2 degraded: timeout ×1, auth ×1)" */
export function engineSummary(inquiries: Array<Pick<Inquiry, 'stages' | 'degraded'>>, stats?: LlmStats): string {
	const count = (e: 'rules' | 'local' | 'llm') => inquiries.filter((q) => q.stages.includes(e)).length;
	const degraded = inquiries.filter((q) => q.degraded).length;
	let llm = `LLM ${count('llm')}`;
	if (degraded) {
		const causes = Object.entries(stats?.failures ?? {})
			.sort((a, b) => b[1] - a[1])
			.map(([k, n]) => `${k} ×${n}`)
			.join(', ');
		llm += ` (${degraded} degraded${causes ? `: ${causes}` : ''})`;
	}
	return `Engines: rules ${count('rules')}, local model ${count('local')}, ${llm}`;
}
