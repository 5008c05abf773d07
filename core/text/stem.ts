import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';

export interface Token {
	/** lower-cased word, "ё" folded to "е" */
	word: string;
	/** snowball stem (Russian for Cyrillic words, English for Latin ones; digits as they are) */
	stem: string;
	script: 'cyrillic' | 'latin' | 'digit' | 'mixed';
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const CYR = /\p{Script=Cyrillic}/u;
const LAT = /[a-z]/;

function scriptOf(word: string): Token['script'] {
	const c = CYR.test(word);
	const l = LAT.test(word);
	if (c && l) return 'mixed';
	if (c) return 'cyrillic';
	if (l) return 'latin';
	return 'digit';
}

/** Lower-case and fold "ё" → "е" (Russian writers use both). */
export function foldCase(text: string): string {
	return text.toLowerCase().replace(/ё/g, 'е');
}

/** Snowball stem of one lower-cased word, by its script. */
export function stemWord(word: string): string {
	const w = foldCase(word).replace(/['’]/g, '');
	const script = scriptOf(w);
	if (script === 'cyrillic') return stemRussian(w);
	if (script === 'latin') return stemEnglish(w);
	return w;
}

/** Latin letters that look like Cyrillic ones, as spammers mix them in ("пpивeт", "дoxoд"). */
const HOMOGLYPHS: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в' };

/** A word mixing Cyrillic letters with Latin look-alikes, folded to Cyrillic; undefined when it has other Latin letters. */
function unmix(word: string): string | undefined {
	let out = '';
	for (const ch of word) {
		if (ch >= 'a' && ch <= 'z') {
			const cyr = HOMOGLYPHS[ch];
			if (!cyr) return undefined;
			out += cyr;
		} else out += ch;
	}
	return out;
}

/**
 * Words of a text with their stems, in order. A word that mixes Cyrillic with Latin look-alike
 * letters keeps script 'mixed' (a spam signal) and is stemmed as the Russian word it imitates.
 */
export function tokenize(text: string): Token[] {
	const out: Token[] = [];
	// literal "\n" left by double-escaped JSON would glue an "n" to the next word
	for (const m of foldCase(text.replace(/\\[nrt]/g, ' ')).matchAll(WORD_RE)) {
		const word = m[0].replace(/['’]/g, '');
		const script = scriptOf(word);
		if (script === 'mixed') {
			const folded = unmix(word);
			if (folded) {
				out.push({ word: folded, stem: stemRussian(folded), script });
				continue;
			}
		}
		const stem = script === 'cyrillic' ? stemRussian(word) : script === 'latin' ? stemEnglish(word) : word;
		out.push({ word, stem, script });
	}
	return out;
}

/**
 * Does a text word match a pattern word through morphology? Equal stems, or the text stem extends a
 * pattern stem of 4+ letters ("тендерн" from "тендерная" extends "тендер").
 */
export function stemMatches(textStem: string, patternStem: string): boolean {
	if (textStem === patternStem) return true;
	return patternStem.length >= 4 && textStem.startsWith(patternStem) && textStem.length - patternStem.length <= 3;
}
