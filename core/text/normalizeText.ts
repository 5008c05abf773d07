/**
 * The one text normalisation of the language layer (Classify and Escalate both read a message through it):
 * 1. invisible characters removed (zero-width space/joiners, word joiner, BOM, soft hyphen): "опе\u200Bратор";
 * 2. full-width forms to ASCII ("ｏｐｅｒａｔｏｒ", "１２３" → "operator", "123"), ideographic space to a space;
 * 3. digits used as letters inside a word: "0ПЕРАТ0Р" → "ОПЕРАТОР", "0perat0r" → "operator" (only 0 and 3,
 *    one digit at a time, in a word of 3+ letters, so "iPhone15", "B2B", "300руб", "3шт" are left alone);
 * 4. look-alike letters: a word mixing Cyrillic and Latin letters is read in one script ("iPhоne" with a
 *    Cyrillic о → "iPhone"; "пpивeт" with Latin p/e → "привет"). A letter that exists in one script only decides;
 *    otherwise the majority does (ties go to Cyrillic).
 * Case is kept (capitals are evidence of shouting; "КП" rules are case-sensitive). Pure functions.
 * The words repaired in steps 3 and 4 are reported: look-alikes are evidence of filter evasion, which may add
 * weight to other spam evidence but never decides spam alone (issue 19 item 4).
 */

/** Latin lower-case letters (and digits) that look like a Cyrillic letter. */
export const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
	a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', n: 'п', o: 'о', p: 'р', t: 'т', u: 'и', x: 'х', y: 'у', '0': 'о', '3': 'з',
};

/** Cyrillic lower-case letters that look like a Latin letter. */
export const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
	а: 'a', в: 'b', с: 'c', е: 'e', н: 'h', к: 'k', м: 'm', о: 'o', р: 'p', т: 't', у: 'y', х: 'x', і: 'i',
};

const CYR = /[а-яё]/;
const LAT = /[a-z]/;
const INVISIBLE = /\u00AD|\u034F|[\u200B-\u200F]|[\u2060-\u2064]|\uFEFF/g;
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/** Read a lower-case word with every Latin look-alike as Cyrillic ("oпepaтop" → "оператор"). */
export function asCyrillic(word: string): string {
	return [...word].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
}

/** Read a lower-case word with every Cyrillic look-alike as Latin ("аgеnt" with Cyrillic а/е → "agent"). */
export function asLatin(word: string): string {
	return [...word].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
}

/** Repair a lower-case mixed-script word towards its script (see the module comment); other words unchanged. */
export function repairLookAlikes(word: string): string {
	const hasCyr = CYR.test(word);
	const hasLat = LAT.test(word);
	if (!hasCyr || (!hasLat && !/[03]/.test(word))) return word;
	const chars = [...word];
	const onlyCyr = chars.some((ch) => CYR.test(ch) && !(ch in CYRILLIC_TO_LATIN));
	const onlyLat = chars.some((ch) => LAT.test(ch) && !(ch in LATIN_TO_CYRILLIC));
	if (onlyCyr !== onlyLat) return onlyCyr ? asCyrillic(word) : asLatin(word);
	const cyrCount = chars.filter((ch) => CYR.test(ch)).length;
	const latCount = chars.filter((ch) => LAT.test(ch)).length;
	return cyrCount >= latCount ? asCyrillic(word) : asLatin(word);
}

/** Apply a lower-case mapping to a word keeping each letter's case. */
function keepCase(original: string, lowerMapped: string): string {
	const a = [...original];
	const b = [...lowerMapped];
	if (a.length !== b.length) return lowerMapped;
	return b.map((ch, i) => (a[i] !== a[i].toLowerCase() ? ch.toUpperCase() : ch)).join('');
}

/** "0ПЕРАТ0Р", "0perat0r": single 0/3 digits inside a word of 3+ letters. */
function digitsAsLetters(word: string): string | undefined {
	if (!/[03]/.test(word) || !/^[\p{L}03]+$/u.test(word)) return undefined;
	const letters = word.replace(/[03]/g, '');
	if ([...letters].length < 3 || /[03]{2}/.test(word)) return undefined;
	const lower = word.toLowerCase();
	const cyr = CYR.test(lower);
	if (!cyr && /3/.test(word)) return undefined;
	const upper = letters === letters.toUpperCase();
	const mapped = lower.replace(/0/g, cyr ? 'о' : 'o').replace(/3/g, 'з');
	return upper ? mapped.toUpperCase() : keepCase(word, mapped);
}

export interface NormalizedText {
	text: string;
	/** Words written with look-alike letters of the other script, as written. */
	lookAlikes: string[];
	/** The subset read as Cyrillic: Latin letters hidden in Russian words ("зaрaбoтoк"), the spammer's evasion;
	 * words read as Latin ("iPhоne" typed on a Russian layout) are ordinary customers' typing. */
	hiddenInCyrillic: string[];
	/** Words written with digits for letters, as written. */
	digitLetters: string[];
}

/** Steps 1–4 with the words that were repaired. */
export function normalizeTextDetailed(input: string): NormalizedText {
	const lookAlikes: string[] = [];
	const hiddenInCyrillic: string[] = [];
	const digitLetters: string[] = [];
	const cleaned = input
		.replace(INVISIBLE, '')
		.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
	const text = cleaned.replace(/[\p{L}\p{N}]+/gu, (word) => {
		let w = word;
		const d = digitsAsLetters(w);
		if (d !== undefined) {
			digitLetters.push(word);
			w = d;
		}
		const lower = w.toLowerCase();
		if (CYR.test(lower) && LAT.test(lower)) {
			const repaired = repairLookAlikes(lower);
			if (repaired !== lower) {
				lookAlikes.push(word);
				if (CYR.test(repaired) && !LAT.test(repaired)) hiddenInCyrillic.push(word);
				w = keepCase(w, repaired);
			}
		}
		return w;
	});
	return { text, lookAlikes, hiddenInCyrillic, digitLetters };
}

/** The normalised text (see the module comment). */
export function normalizeText(input: string): string {
	return normalizeTextDetailed(input).text;
}
