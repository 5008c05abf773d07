import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { distance } from 'fastest-levenshtein';
import { transliterate } from 'transliteration';

import { BoundedMemo } from '../shared/memo';
import { asCyrillic, asLatin, LATIN_TO_CYRILLIC, normalizeText, repairLookAlikes } from './normalizeText';

/**
 * Text normalisation for the escalation triggers. Every token is reduced to a "skeleton": lower case,
 * ё→е, Latin/Cyrillic look-alike letters unified, transliterated to Latin and with repeated letters
 * squeezed ("ОПЕРАТОРР", "oпeратор" with Latin o/e, "operatorr" all give "operator"). Comparison
 * then tolerates small typos with an edit distance (fastest-levenshtein) plus adjacent transpositions.
 */

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
	/** The word in its own script (look-alikes repaired, repeats squeezed) and its stem: typos are counted per letter as written. */
	native: string;
	nativeStem: string;
	/** Transliterated word without squeezing repeats (a typo next to a double letter: "maager"). */
	plain: string;
	/** The other reading of a mixed-script word, or the Cyrillic reading of a Latin word made only of look-alikes, else ''. */
	alt: string;
	/** The same other reading in its own script (squeezed). */
	altNative: string;
}

/** Collapse runs of the same letter: "оператооорр" → "оператор", "pleeease" → "please". */
export function squeeze(s: string): string {
	return s.replace(/(.)\1+/gu, '$1');
}

function toPlain(word: string): string {
	return transliterate(word).toLowerCase().replace(/[^a-z0-9]/g, '');
}

function toSkeleton(word: string): string {
	return squeeze(toPlain(word));
}

/** One word (lower-cased, ё→е) as a Token; frozen, because the memo shares it between messages. */
function tokenOf(raw: string): Token {
	if (/^\d+$/.test(raw)) {
		return Object.freeze({ raw, script: 'other', skeleton: raw, stem: raw, native: raw, nativeStem: raw, plain: raw, alt: '', altNative: '' });
	}
	const word = repairLookAlikes(raw.replace(/['’]/g, ''));
	const script = CYR.test(word) ? 'cyrillic' : LAT.test(word) ? 'latin' : 'other';
	const squeezed = squeeze(word);
	const stemmed = script === 'cyrillic' ? stemRussian(squeezed) : script === 'latin' ? stemEnglish(squeezed) : squeezed;
	// The other reading of a mixed word, or the Cyrillic reading of a Latin word made only of look-alikes.
	let other = '';
	const plain = raw.replace(/['’]/g, '');
	if (CYR.test(plain) && LAT.test(plain)) {
		other = word === asCyrillic(plain) ? asLatin(plain) : asCyrillic(plain);
	} else if (script === 'latin' && [...word].every((ch) => ch in LATIN_TO_CYRILLIC || ch === '-')) {
		other = asCyrillic(word);
	}
	const alt = other ? toSkeleton(other) : '';
	const altNative = other ? squeeze(other) : '';
	return Object.freeze({
		raw,
		script,
		skeleton: toSkeleton(word),
		stem: toSkeleton(stemmed),
		native: squeezed,
		nativeStem: stemmed,
		plain: toPlain(word),
		alt,
		altNative,
	});
}

const tokenMemo = new BoundedMemo<Token>();

/**
 * Lower case, ё→е, every letter run a token (digits kept for order numbers elsewhere). Tokens are
 * shared, read-only objects (one per distinct word, see BoundedMemo).
 */
export function tokenize(text: string): Token[] {
	const lower = matchedText(text);
	const words = lower.match(WORD) ?? [];
	const out: Token[] = new Array(words.length);
	for (let i = 0; i < words.length; i++) out[i] = tokenMemo.get(words[i], tokenOf);
	return out;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}]+)*/gu;

/** The text tokenize() reads: normalised (no transliteration step), lower case, ё→е. */
export function matchedText(text: string): string {
	return normalizeText(text, { transliteration: false }).toLowerCase().replace(/ё/g, 'е');
}

/**
 * For each token of tokenize(text), the number of separators before it (a sentence or clause number),
 * from one pass over the text: `separators` must be a global regex.
 */
export function partOfTokens(text: string, separators: RegExp): number[] {
	const lower = matchedText(text);
	const cuts = [...lower.matchAll(separators)].map((m) => m.index ?? 0);
	const out: number[] = [];
	let part = 0;
	for (const m of lower.matchAll(WORD)) {
		while (part < cuts.length && cuts[part] <= (m.index ?? 0)) part++;
		out.push(part);
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
 * Transliterated Russian inflection endings: a word may extend a stem key only by one of these
 * ("cheloveka" = chelovek + a, "pozovite" = pozov + ite), so "dostavka" does not extend "dosta".
 * Keys of 7+ letters may also be extended by any 1–3 letters (a typo inside the ending: "человекокм").
 */
const RUSSIAN_ENDING =
	/^(?:a|ya|u|yu|e|i|y|o|om|em|em|oy|ey|oj|ej|ov|ev|ah|ami|am|yah|yami|yam|ite|it|at|yat|ut|yut|esh|ish|et|ete|ili|il|ila|ilo|ogo|ego|omu|emu|ym|im|ih|yh|aya|oe|ee|ye|ie|yy|iy|uyu|yuyu|ki|ka|ku|ke|kom|sya|s|t|ty|tsya|at|it|nut|ni|nite|te)$/;

/** The same endings written in Cyrillic. */
const CYRILLIC_ENDING =
	/^(?:а|я|у|ю|е|и|ы|о|ом|ем|ой|ей|ов|ев|ах|ами|ам|ях|ями|ям|ите|ит|ат|ят|ут|ют|ешь|ишь|ет|ете|или|ил|ила|ило|ого|его|ому|ему|ым|им|их|ых|ая|ое|ее|ые|ие|ый|ий|ую|юю|ки|ка|ку|ке|ком|ся|сь|ть|ться|нуть|ни|ните|те|ь)$/;

/**
 * A key matches a token when the word, its stem, or its look-alike reading is within the key's typo
 * tolerance; with `prefix`, the word may also extend the key by a Russian inflection ending
 * (transliterated Russian, which no stemmer sees: "cheloveka", "menedzhera").
 */
export function matchesKey(token: Token, key: string, prefix: boolean, stems = true): boolean {
	const tol = tolerance(key);
	// Stems are short and many words share a stem one letter away ("позов" / "позор"): a stem is
	// compared with typo tolerance only against keys of 7+ letters; whole words always are.
	const stemTol = key.length >= 7 ? tol : 0;
	const forms: Array<[string, boolean]> = [
		[token.native, false],
		[token.nativeStem, true],
		[token.skeleton, false],
		[token.stem, true],
		[token.plain, false],
		[token.alt, false],
		[token.altNative, false],
	];
	for (const [form, isStem] of forms) {
		if (!form || (isStem && !stems)) continue;
		const t = isStem ? Math.min(tol, stemTol) : tol;
		// Distance 0 means equality: skip the edit-distance call when no typo is allowed (same result).
		if (t === 0 ? form === key : Math.abs(form.length - key.length) <= t && typoDistance(form, key) <= t) return true;
		// Stem + ending: typos inside the stem only for keys of 7+ letters ("достав|ка" must not extend "доста").
		const ptol = key.length >= 7 ? tol : 0;
		if (!prefix || form.length <= key.length - ptol) continue;
		// Without typo tolerance the stem must be the key itself (same result as the loop, no slicing).
		if (ptol === 0 && !form.startsWith(key)) continue;
		for (let cut = key.length - ptol; cut <= key.length + ptol && cut < form.length; cut++) {
			const tail = form.slice(cut);
			const ending = RUSSIAN_ENDING.test(tail) || CYRILLIC_ENDING.test(tail) || (key.length >= 7 && tail.length <= 3);
			if (ending && typoDistance(form.slice(0, cut), key) <= ptol) return true;
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
		keys.add(toPlain(lower));
		if (CYR.test(lower)) keys.add(squeeze(lower));
		if (useStem) {
			const stemmed = CYR.test(lower) ? stemRussian(squeeze(lower)) : stemEnglish(squeeze(lower));
			keys.add(toSkeleton(stemmed));
			if (CYR.test(lower)) keys.add(stemmed);
		}
	}
	return [...keys].filter(Boolean);
}
