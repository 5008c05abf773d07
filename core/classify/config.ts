import { isSupportedCountry } from 'libphonenumber-js/max';

import { InputError } from '../shared/errors';
import { isPlainObject } from '../shared/values';
import type { Category, ClassifyRule, TrainingExample } from './types';

/**
 * Classify's configuration readers, shared by the node and the CLI (one reader per setting): they
 * throw InputError naming the parameter; the node maps it in nodes/shared/itemLoop.ts.
 */

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

/** A rule written as core's ClassifyRule (the CLI's config file) in the node's parameter shape. */
function asRuleParam(r: unknown): RuleParam {
	if (!isPlainObject(r) || r.effect !== undefined) return (r ?? {}) as RuleParam;
	if (r.setType !== undefined) return { ...r, effect: 'type', type: r.setType };
	if (r.setFlag !== undefined) return { ...r, effect: 'flag', flag: r.setFlag };
	if (r.setPriority !== undefined) return { ...r, effect: 'priority', priority: r.setPriority };
	return r as RuleParam;
}

/** The key a mistake is named by: the one the user wrote (core's setPriority / setType / setFlag, or the node's). */
function writtenKey(raw: unknown, core: 'setPriority' | 'setType' | 'setFlag', node: 'priority' | 'type' | 'flag'): string {
	return isPlainObject(raw) && raw.effect === undefined && raw[core] !== undefined ? core : node;
}

/**
 * The one reader of custom rules, for the node (its fixedCollection `{ rule: [...] }`) and the CLI
 * (an array, in the node's shape or as core's ClassifyRule with setPriority / setType / setFlag).
 * A mistake is an InputError naming the rule's field.
 */
export function readRules(param: unknown): ClassifyRule[] {
	const fromArray = Array.isArray(param);
	const raw: unknown[] = fromArray ? (param as unknown[]) : isPlainObject(param) && Array.isArray(param.rule) ? param.rule : [];
	const list = raw.map(asRuleParam);
	return list.map((r, i) => {
		const written = raw[i];
		const field = fromArray ? `rules[${i}]` : `rules.rule[${i}]`;
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
				const key = writtenKey(written, 'setPriority', 'priority');
				if (key === 'setPriority') throw new InputError(`${field}.setPriority`, `Rule ${id} sets priority "${String(p)}" (expected high, normal, low)`);
				throw new InputError(`${field}.priority`, `Rule ${id}: priority must be high, normal or low`);
			}
			rule.setPriority = p;
		} else if (effect === 'type') {
			const t = typeof r.type === 'string' ? r.type.trim() : '';
			if (!t) throw new InputError(`${field}.${writtenKey(written, 'setType', 'type')}`, `Rule ${id} sets a type but names none`);
			rule.setType = t;
		} else if (effect === 'flag') {
			const f = r.flag ?? 'wantsHuman';
			if (f !== 'wantsHuman' && f !== 'angry' && f !== 'spam') {
				const key = writtenKey(written, 'setFlag', 'flag');
				if (key === 'setFlag') throw new InputError(`${field}.setFlag`, `Rule ${id} sets flag "${String(f)}" (expected wantsHuman, angry, spam)`);
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

