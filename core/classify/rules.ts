import { distance } from 'fastest-levenshtein';

import { InputError } from '../shared/errors';
import { stemMatches, tokenize } from '../text/stem';
import type { Token } from '../text/stem';
import type { ClassifyRule, Priority, RuleFlag } from './types';

/** Words of a multi-word keyword may be separated by at most this many other words. */
export const MAX_GAP = 3;

interface PatternWord {
	word: string;
	stem: string;
}

export interface CompiledRule {
	id: string;
	rule: ClassifyRule;
	weight: number;
	words?: PatternWord[];
	regex?: RegExp;
}

export interface RuleHit {
	id: string;
	matched: string;
	weight: number;
	rule: ClassifyRule;
}

/** Does one text token match one pattern word: same stem, longer form of the stem, or one typo in a long word. */
export function wordMatches(token: Token, p: PatternWord): boolean {
	if (stemMatches(token.stem, p.stem)) return true;
	if (p.word.length >= 5 && Math.abs(token.word.length - p.word.length) <= 1 && distance(token.word, p.word) <= 1) {
		return true;
	}
	return p.stem.length >= 5 && Math.abs(token.stem.length - p.stem.length) <= 1 && distance(token.stem, p.stem) <= 1;
}

/** Compiles rules; a broken regex or an empty keyword is an InputError naming the rule. */
export function compileRules(rules: ClassifyRule[], field = 'rules'): CompiledRule[] {
	return rules.map((rule, i) => {
		const id = rule.id ?? `${field}[${i}]`;
		const weight = rule.weight ?? 1;
		if (typeof rule.pattern !== 'string' || rule.pattern.trim() === '') {
			throw new InputError(`${field}[${i}].pattern`, `Rule "${id}" has an empty pattern`);
		}
		if (rule.kind === 'regex') {
			let regex: RegExp | undefined;
			let problem = '';
			try {
				regex = new RegExp(rule.pattern, rule.caseSensitive ? 'u' : 'iu');
			} catch (error) {
				problem = error instanceof Error ? error.message : String(error);
			}
			if (!regex) throw new InputError(`${field}[${i}].pattern`, `Rule "${id}": invalid regular expression (${problem})`);
			return { id, rule, weight, regex };
		}
		const words = tokenize(rule.pattern).map((t) => ({ word: t.word, stem: t.stem }));
		if (words.length === 0) throw new InputError(`${field}[${i}].pattern`, `Rule "${id}" has no words`);
		return { id, rule, weight, words };
	});
}

function matchWords(tokens: Token[], words: PatternWord[]): string | undefined {
	for (let start = 0; start < tokens.length; start++) {
		if (!wordMatches(tokens[start], words[0])) continue;
		let pos = start;
		let ok = true;
		for (let w = 1; w < words.length && ok; w++) {
			ok = false;
			for (let j = pos + 1; j <= Math.min(tokens.length - 1, pos + 1 + MAX_GAP); j++) {
				if (wordMatches(tokens[j], words[w])) {
					pos = j;
					ok = true;
					break;
				}
			}
		}
		if (ok) {
			return tokens
				.slice(start, pos + 1)
				.map((t) => t.word)
				.join(' ');
		}
	}
	return undefined;
}

/** Every rule that fires on the text, with the phrase that matched. */
export function applyRules(compiled: CompiledRule[], text: string, tokens: Token[]): RuleHit[] {
	const hits: RuleHit[] = [];
	for (const c of compiled) {
		let matched: string | undefined;
		if (c.regex) matched = c.regex.exec(text)?.[0];
		else if (c.words) matched = matchWords(tokens, c.words);
		if (matched !== undefined) hits.push({ id: c.id, matched, weight: c.weight, rule: c.rule });
	}
	return hits;
}

export interface RuleSummary {
	typeScores: Map<string, number>;
	priority?: Priority;
	flags: Record<RuleFlag, number>;
}

/** Sums the hits: weight per type and per flag; the highest priority any rule set. */
export function summarizeHits(hits: RuleHit[]): RuleSummary {
	const typeScores = new Map<string, number>();
	const flags: Record<RuleFlag, number> = { wantsHuman: 0, angry: 0, spam: 0 };
	let priority: Priority | undefined;
	const rank: Record<Priority, number> = { low: 0, normal: 1, high: 2 };
	for (const h of hits) {
		if (h.rule.setType) typeScores.set(h.rule.setType, (typeScores.get(h.rule.setType) ?? 0) + h.weight);
		if (h.rule.setFlag) flags[h.rule.setFlag] += h.weight;
		if (h.rule.setPriority && (priority === undefined || rank[h.rule.setPriority] > rank[priority])) {
			priority = h.rule.setPriority;
		}
	}
	return { typeScores, priority, flags };
}
