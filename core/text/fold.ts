import { transliterate } from 'transliteration';

import { BoundedMemo } from '../shared/memo';

/**
 * Script- and spelling-neutral folding used by every name-like key (people, companies).
 * 1. lower case, ё → е (Russian writes both for one letter);
 * 2. Cyrillic → Latin with the maintained `transliteration` library;
 * 3. a phonetic "skeleton" that removes the differences between common romanisation systems
 *    (ISO 9 / GOST / BGN / passport: Юлия = Yuliya = Iuliia = Julia, Евгений = Evgeniy = Evgenii,
 *    Александр = Aleksandr = Alexandr, Хабибуллин = Khabibullin = Habibulin).
 * Pure functions: the word memo below only remembers results, it never changes one.
 */

/**
 * Results of toLatin and skeleton for short texts (words), kept across calls: names repeat far more
 * at the word level than whole names do (100k bench contacts: 72k distinct name texts, 13k distinct
 * words), and one transliteration plus the skeleton rules cost several microseconds and a dozen
 * short-lived strings. Bounded (BoundedMemo), so a long-running process holds a few MB whatever it
 * is fed; longer texts are not remembered.
 */
const MEMO_MAX_TEXT = 40;
const latinMemo = new BoundedMemo<string>();
const skeletonMemo = new BoundedMemo<string>();

/** Lower-cased, ё→е, trimmed; punctuation kept. */
export function foldCase(text: string): string {
	return text.toLowerCase().replace(/ё/g, 'е').trim();
}

/** Latin lower-case letters, digits and single spaces (Cyrillic transliterated). */
export function toLatin(text: string): string {
	if (text.length > MEMO_MAX_TEXT) return latinOf(text);
	return latinMemo.get(text, latinOf);
}

function latinOf(text: string): string {
	const folded = foldCase(text).replace(/[ьъ]/g, '');
	// ASCII needs no transliteration (and skipping the library call keeps 100k contacts fast).
	const latin = /^[ -~]*$/.test(folded) ? folded : transliterate(folded);
	return latin
		.toLowerCase()
		.replace(/['`’ʼ]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const SKELETON_RULES: Array<[RegExp, string]> = [
	[/shch|sch/g, 'sh'],
	[/kh/g, 'h'],
	[/tz|ts/g, 'c'],
	[/ck/g, 'k'],
	[/ph/g, 'f'],
	[/th/g, 't'],
	[/w/g, 'v'],
	[/x/g, 'ks'],
	[/q/g, 'k'],
	[/[yj]/g, 'i'],
	[/(.)\1+/g, '$1'],
];

/** Phonetic skeleton of ONE word (letters only): equal skeletons = same spoken word for our purposes. */
export function skeleton(word: string): string {
	if (word.length > MEMO_MAX_TEXT) return skeletonOf(word);
	return skeletonMemo.get(word, skeletonOf);
}

function skeletonOf(word: string): string {
	let s = toLatin(word).replace(/[^a-z]/g, '');
	for (const [re, to] of SKELETON_RULES) s = s.replace(re, to);
	return s;
}

/** Words of a text, each folded to its skeleton; empty words dropped. */
export function skeletonWords(text: string): string[] {
	return toLatin(text)
		.split(' ')
		.map((w) => (/^[0-9]+$/.test(w) ? w : skeleton(w)))
		.filter((w) => w.length > 0);
}
