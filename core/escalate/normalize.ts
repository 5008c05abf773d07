import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { distance } from 'fastest-levenshtein';
import { transliterate } from 'transliteration';

/**
 * Text normalisation for the escalation triggers. Every token is reduced to a "skeleton": lower case,
 * ё→е, Latin/Cyrillic look-alike letters unified, transliterated to Latin and with repeated letters
 * squeezed ("ОПЕРАТОРР", "oпeратор" with Latin o/e, "operatorr" all give "operator"). Comparison
 * then tolerates small typos with an edit distance (fastest-levenshtein) plus adjacent transpositions.
 */

/** Latin letters (and a digit) that look like Cyrillic ones, mapped to the Cyrillic letter. */
const LATIN_TO_CYRILLIC: Record<string, string> = {
	a: 'а',
	b: 'в',
	c: 'с',
	e: 'е',
	h: 'н',
	k: 'к',
	m: 'м',
	n: 'п',
	o: 'о',
	p: 'р',
	t: 'т',
	u: 'и',
	x: 'х',
	y: 'у',
	'0': 'о',
	'3': 'з',
};

/** Cyrillic letters that look like Latin ones, mapped to the Latin letter. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
	а: 'a',
	в: 'b',
	с: 'c',
	е: 'e',
	н: 'h',
	к: 'k',
	м: 'm',
	о: 'o',
	р: 'p',
	т: 't',
	у: 'y',
	х: 'x',
	і: 'i',
};

const CYR = /[а-я]/;
const LAT = /[a-z]/;

export interface Token {
	/** The token as written, lower-cased (for evidence). */
	raw: string;
	/** Script after look-alike repair. */
	script: 'cyrillic' | 'latin' | 'other';
	/** Transliterated, squeezed form of the whole word. */
	skeleton: string;
	/** Transliterated, squeezed form of the word's stem (Russian or English Snowball stemmer). */
	stem: string;
	/** Skeleton read as Cyrillic look-alikes (only for Latin words made of look-alike letters), else ''. */
	alt: string;
}

/** Collapse runs of the same letter: "оператооорр" → "оператор", "pleeease" → "please". */
export function squeeze(s: string): string {
	return s.replace(/(.)\1+/gu, '$1');
}

function toSkeleton(word: string): string {
	return squeeze(transliterate(word).toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/** Repair a mixed-script word ("oпeратор") towards its majority script. */
export function repairLookAlikes(word: string): string {
	const hasCyr = CYR.test(word);
	const hasLat = LAT.test(word);
	if (!hasCyr || (!hasLat && !/[03]/.test(word))) return word;
	const cyrCount = [...word].filter((ch) => CYR.test(ch)).length;
	const latCount = [...word].filter((ch) => LAT.test(ch)).length;
	if (cyrCount >= latCount || (!hasLat && hasCyr)) {
		return [...word].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
	}
	if (hasLat && !hasCyr) return word;
	return [...word].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
}

/** Lower case, ё→е, every letter run a token (digits kept for order numbers elsewhere). */
export function tokenize(text: string): Token[] {
	const lower = text.toLowerCase().replace(/ё/g, 'е');
	const words = lower.match(/[\p{L}\p{N}]+(?:['’-][\p{L}]+)*/gu) ?? [];
	const out: Token[] = [];
	for (const raw of words) {
		if (/^\d+$/.test(raw)) {
			out.push({ raw, script: 'other', skeleton: raw, stem: raw, alt: '' });
			continue;
		}
		const word = repairLookAlikes(raw.replace(/['’]/g, ''));
		const script = CYR.test(word) ? 'cyrillic' : LAT.test(word) ? 'latin' : 'other';
		const squeezed = squeeze(word);
		const stemmed = script === 'cyrillic' ? stemRussian(squeezed) : script === 'latin' ? stemEnglish(squeezed) : squeezed;
		let alt = '';
		if (script === 'latin' && [...word].every((ch) => ch in LATIN_TO_CYRILLIC || ch === '-')) {
			alt = toSkeleton([...word].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join(''));
		}
		out.push({ raw, script, skeleton: toSkeleton(word), stem: toSkeleton(stemmed), alt });
	}
	return out;
}

/** Typo tolerance for a key of this length: exact below 5 letters, 1 edit up to 10, then 2. */
export function tolerance(key: string): number {
	if (key.length < 5) return 0;
	if (key.length < 11) return 1;
	return 2;
}

/** One adjacent transposition ("huamn" / "human"). */
function isTransposition(a: string, b: string): boolean {
	if (a.length !== b.length || a === b) return false;
	const diff: number[] = [];
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
	return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** Edit distance with an adjacent transposition counted as one edit. */
export function typoDistance(a: string, b: string): number {
	if (a === b) return 0;
	if (isTransposition(a, b)) return 1;
	return distance(a, b);
}

/**
 * A key matches a token when the word, its stem, or its look-alike reading is within the key's typo
 * tolerance; with `prefix`, the word may also extend the key by an inflection of up to 4 letters
 * (transliterated Russian, which no stemmer sees: "cheloveka", "menedzhera").
 */
export function matchesKey(token: Token, key: string, prefix: boolean): boolean {
	const tol = tolerance(key);
	for (const form of [token.skeleton, token.stem, token.alt]) {
		if (!form) continue;
		if (Math.abs(form.length - key.length) <= tol && typoDistance(form, key) <= tol) return true;
		if (prefix && form.length > key.length && form.length - key.length <= 4) {
			if (typoDistance(form.slice(0, key.length), key) <= tol) return true;
		}
	}
	return false;
}

/** The skeleton keys of a word list: each word's stem (Russian or English) transliterated and squeezed. */
export function keysOf(words: readonly string[], useStem: boolean): string[] {
	const keys = new Set<string>();
	for (const w of words) {
		const lower = w.toLowerCase().replace(/ё/g, 'е');
		keys.add(toSkeleton(lower));
		if (useStem) {
			const stemmed = CYR.test(lower) ? stemRussian(squeeze(lower)) : stemEnglish(squeeze(lower));
			keys.add(toSkeleton(stemmed));
		}
	}
	return [...keys];
}
