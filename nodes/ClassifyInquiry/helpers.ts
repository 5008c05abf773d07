import type { IDataObject } from 'n8n-workflow';

import type { Inquiry, LlmClassifier, TrainingExample } from '../../core/classify';
import { InputError } from '../../core/shared/errors';
import { getPath, requireText } from '../../core/shared/values';

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

/** Classify's configuration readers live in core, shared with the CLI: core/classify/config.ts. */
export { checkOutputKey, readCategories, readDefaultCountry, readRules, readTrainingExamples } from '../../core/classify/config';

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

/** The LLM client is built from the credential in one place for every node: core/llm/credential.ts. */
export { llmClientConfig } from '../../core/llm';
export type { LlmOptionsParam } from '../../core/llm';

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
