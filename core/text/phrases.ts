import { InputError } from '../shared/errors';
import { unsafePatternMessage } from '../shared/safeRegex';
import { stemMatches, tokenize } from './stem';
import type { Token } from './stem';

/**
 * The phrase engine of the language layer: keyword patterns (stemmed, one typo in long words, up to
 * MAX_GAP other words between the words of a phrase) and regular expressions. Classify's rules and the
 * shared anger lexicon (core/text/anger.ts) are matched by it; what a hit means is up to the caller.
 */
export interface PhraseRule {
	id?: string;
	pattern: string;
	kind: 'keyword' | 'regex';
	/** Strength of the rule, default 1. */
	weight?: number;
	/** regex only: match case (default: case-insensitive) */
	caseSensitive?: boolean;
	/** keyword only: tolerate one typo in words of 5+ letters (default true) */
	typos?: boolean;
}

/** Words of a multi-word keyword may be separated by at most this many other words. */
export const MAX_GAP = 3;

interface PatternWord {
	word: string;
	stem: string;
	/** index of the word in its registry (matches are computed once per text and word) */
	id?: number;
	typos?: boolean;
	/** written "=word": this word form only (plus a plural -s), no stemming */
	exact?: boolean;
}

export interface CompiledRule<R extends PhraseRule = PhraseRule> {
	id: string;
	rule: R;
	weight: number;
	/** one slot per pattern word; a slot written "a|b|c" holds alternatives */
	slots?: PatternWord[][];
	regex?: RegExp;
}

export interface RuleHit<R extends PhraseRule = PhraseRule> {
	id: string;
	matched: string;
	weight: number;
	rule: R;
}

/**
 * Optimal-string-alignment distance is at most 1: one substitution, insertion, deletion or swap of
 * two neighbouring letters ("opertor", "eprson", "managre").
 */
export function withinOneTypo(a: string, b: string): boolean {
	if (a === b) return true;
	const la = a.length;
	const lb = b.length;
	if (Math.abs(la - lb) > 1) return false;
	let i = 0;
	while (i < la && i < lb && a[i] === b[i]) i++;
	if (i === 0 && !(a[0] === b[1] && a[1] === b[0])) return false; // the first letter is kept (or swapped with the second)
	if (la === lb) {
		if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
		return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
	}
	return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const SIGNS = /[ьъ]/;
const SIGNS_ALL = /[ьъ]/g;

/** Does one text token match one pattern word: same stem, longer form of the stem, or one typo in a long word. */
export function wordMatches(token: Token, p: PatternWord, typos = true): boolean {
	if (p.exact) {
		if (token.word === p.word || token.word === `${p.word}s`) return true;
	} else if (stemMatches(token.stem, p.stem)) return true;
	// Russian typed in Latin letters loses its soft and hard signs ("izdevaetes" → "издеваетес")
	if (SIGNS.test(p.word) && token.word === p.word.replace(SIGNS_ALL, '')) return true;
	// one typo in words of 5+ letters (keyword rules with typos: false match exact forms only)
	if (!typos || p.word.length < 5 || token.word.length < 5) return false;
	if (withinOneTypo(token.word, p.word)) return true;
	return !p.exact && p.stem.length >= 5 && token.stem.length >= 5 && withinOneTypo(token.stem, p.stem);
}

/** Shares pattern words between rule lists compiled for one classifier. */
export type WordRegistry = Map<string, PatternWord>;

/**
 * Compiles rules; a broken regex, a regex of the catastrophic shape (core/shared/safeRegex.ts; unless
 * `checkShape` is false, as for the built-in rules) or an empty keyword is an InputError naming the rule.
 */
export function compileRules<R extends PhraseRule>(
	rules: R[],
	field = 'rules',
	registry: WordRegistry = new Map(),
	checkShape = true,
): CompiledRule<R>[] {
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
			// User patterns only: the built-in rules are written linear (test/unit/text/adversarial.test.ts).
			const unsafe = checkShape ? unsafePatternMessage(rule.pattern) : undefined;
			if (unsafe) throw new InputError(`${field}[${i}].pattern`, `Rule "${id}": ${unsafe}`);
			return { id, rule, weight, regex };
		}
		const typos = rule.typos !== false;
		const word = (t: { word: string; stem: string }, exact = false): PatternWord => {
			const key = `${typos ? 1 : 0}|${exact ? '=' : ''}${t.word}`;
			let w = registry.get(key);
			if (!w) {
				w = { word: t.word, stem: t.stem, id: registry.size, typos, exact };
				registry.set(key, w);
			}
			return w;
		};
		const slots: PatternWord[][] = [];
		for (const chunk of rule.pattern.trim().split(/\s+/)) {
			if (chunk.includes('|') || chunk.startsWith('=')) {
				const alternatives = chunk
					.split('|')
					.flatMap((a) => tokenize(a).slice(0, 1).map((t) => word(t, a.startsWith('='))));
				if (alternatives.length) slots.push(alternatives);
			} else for (const t of tokenize(chunk)) slots.push([word(t)]);
		}
		if (slots.length === 0) throw new InputError(`${field}[${i}].pattern`, `Rule "${id}" has no words`);
		return { id, rule, weight, slots };
	});
}

type Positions = (p: PatternWord, typos: boolean) => readonly number[];

const NONE: readonly number[] = [];

/** Positions of the tokens that match each pattern word, computed once per text and pattern word. */
function positionsFor(tokens: Token[]): Positions {
	const memo: Array<readonly number[] | undefined> = [];
	// every match shares the first letter, or swaps the first two letters ("eprson")
	const byFirst = new Map<string, number[]>();
	tokens.forEach((t, i) => {
		const list = byFirst.get(t.word[0]);
		if (list) list.push(i);
		else byFirst.set(t.word[0], [i]);
	});
	const compute = (p: PatternWord, typos: boolean): readonly number[] => {
		let list: number[] | undefined;
		for (const i of byFirst.get(p.word[0]) ?? NONE) if (wordMatches(tokens[i], p, typos)) (list ??= []).push(i);
		if (typos && p.word.length >= 5 && p.word[1] !== p.word[0]) {
			for (const i of byFirst.get(p.word[1]) ?? NONE) if (wordMatches(tokens[i], p, typos)) (list ??= []).push(i);
			list?.sort((a, b) => a - b);
		}
		return list ?? NONE;
	};
	return (p, typos) => {
		if (p.id === undefined) return compute(p, typos);
		let list = memo[p.id];
		if (list === undefined) {
			list = compute(p, typos);
			memo[p.id] = list;
		}
		return list;
	};
}

function matchWords(tokens: Token[], slots: PatternWord[][], typos: boolean, positions: Positions): string | undefined {
	const lists: Array<readonly number[]> = [];
	for (const slot of slots) {
		let l = positions(slot[0], typos);
		for (let a = 1; a < slot.length; a++) {
			const more = positions(slot[a], typos);
			if (more.length) l = l.length ? [...new Set([...l, ...more])].sort((x, y) => x - y) : more;
		}
		if (l.length === 0) return undefined;
		lists.push(l);
	}
	for (const start of lists[0]) {
		let pos = start;
		let ok = true;
		for (let w = 1; w < slots.length && ok; w++) {
			const next = lists[w].find((j) => j > pos && j <= pos + 1 + MAX_GAP);
			if (next === undefined) ok = false;
			else pos = next;
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
export function applyRules<R extends PhraseRule>(compiled: CompiledRule<R>[], text: string, tokens: Token[]): RuleHit<R>[] {
	const hits: RuleHit<R>[] = [];
	const positions = positionsFor(tokens);
	for (const c of compiled) {
		let matched: string | undefined;
		if (c.regex) matched = c.regex.exec(text)?.[0];
		else if (c.slots) matched = matchWords(tokens, c.slots, c.rule.typos !== false, positions);
		if (matched !== undefined) hits.push({ id: c.id, matched, weight: c.weight, rule: c.rule });
	}
	return hits;
}

/** One hit per key (the heaviest), in the original order; the caller says what makes two hits the same. */
export function uniqueHits<R extends PhraseRule>(hits: RuleHit<R>[], keyOf: (h: RuleHit<R>) => string): RuleHit<R>[] {
	const best = new Map<string, RuleHit<R>>();
	for (const h of hits) {
		const key = keyOf(h);
		const prev = best.get(key);
		if (!prev || h.weight > prev.weight) best.set(key, h);
	}
	return hits.filter((h) => best.get(keyOf(h)) === h);
}
