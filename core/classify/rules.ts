import { applyRules as applyPhrases, compileRules as compilePhrases, MAX_GAP, uniqueHits as uniquePhraseHits, withinOneTypo, wordMatches } from '../text/phrases';
import type { CompiledRule as PhraseCompiled, RuleHit as PhraseHit, WordRegistry } from '../text/phrases';
import type { Token } from '../text/stem';
import type { ClassifyRule, Priority, RuleFlag } from './types';

/** Classify's rules run on the phrase engine of the language layer (core/text/phrases.ts). */
export { MAX_GAP, withinOneTypo, wordMatches };
export type { WordRegistry };
export type CompiledRule = PhraseCompiled<ClassifyRule>;
export type RuleHit = PhraseHit<ClassifyRule>;

export function compileRules(rules: ClassifyRule[], field = 'rules', registry: WordRegistry = new Map(), checkShape = true): CompiledRule[] {
	return compilePhrases(rules, field, registry, checkShape);
}

export function applyRules(compiled: CompiledRule[], text: string, tokens: Token[]): RuleHit[] {
	return applyPhrases(compiled, text, tokens);
}

export interface RuleSummary {
	typeScores: Map<string, number>;
	priority?: Priority;
	flags: Record<RuleFlag, number>;
}

/**
 * Sums the hits: weight per type and per flag; the highest priority any rule set. Several rules that
 * matched the same phrase for the same effect ("hate", "hated") count once, with the largest weight.
 */
export function summarizeHits(hits: RuleHit[]): RuleSummary {
	const typeScores = new Map<string, number>();
	const flags: Record<RuleFlag, number> = { wantsHuman: 0, angry: 0, spam: 0 };
	let priority: Priority | undefined;
	const rank: Record<Priority, number> = { low: 0, normal: 1, high: 2 };
	for (const h of uniqueHits(hits)) {
		if (h.rule.setType) typeScores.set(h.rule.setType, (typeScores.get(h.rule.setType) ?? 0) + h.weight);
		if (h.rule.setFlag) flags[h.rule.setFlag] += h.weight;
		if (h.rule.setPriority && (priority === undefined || rank[h.rule.setPriority] > rank[priority])) {
			priority = h.rule.setPriority;
		}
	}
	return { typeScores, priority, flags };
}

/** One hit per matched phrase and effect (the heaviest), in the original order. */
export function uniqueHits(hits: RuleHit[]): RuleHit[] {
	return uniquePhraseHits(hits, (h) => `${h.rule.setType ?? ''}|${h.rule.setFlag ?? ''}|${h.rule.setPriority ?? ''}|${h.matched.toLowerCase()}`);
}
