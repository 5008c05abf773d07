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
/**
 * How much of a message the language layer analyses: only the first characters decide (a 1 MB paste is read by
 * its beginning). Classify and Escalate's anger detector cut at the same place, so both see the same words.
 */
export const MAX_ANALYSED_CHARS = 20000;

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

/**
 * Russian written in Latin letters ("zdravstvuyte, hochu zakazat 2 divana", "pochemu ne prishel zakaz"):
 * recognised by common Russian words in their usual romanisations (at least two distinct ones, a quarter
 * of the words, and more of them than English function words), then read back into Cyrillic letter by
 * letter (shch, zh, kh, ch, sh, ts, ya, yu, yo first; "y" after a vowel is й, elsewhere ы).
 */
const TRANSLIT_WORDS = new Set(
	'zdravstvuyte zdravstvujte zdrastvuyte privet dobryy dobryi dobriy den vecher utro spasibo pozhaluysta pozhalujsta pzh hochu hotel hotela nuzhno nado mne menya moy moi moya moe vy vas vam vash vashi ya my ne net eto uzhe eshe eshche esche kak gde kogda pochemu chto shto kto zakaz zakaza zakazat zakazal zakazala dostavka dostavki dostavku tovar tovara prishel prishla prishlo prishli slomannyi slomannyy slomalsya vernite dengi operator menedzher cheloveka chelovek pozovite perezvonite skolko stoit tsena cena prays srochno segodnya zavtra vchera opyat snova voobshche voobshe proveryaete otpravlyaete poluchil poluchila rabotaet mozhno mozhete podskazhite skazhite ili i a no da dlya bez pro po na za iz ot do u s k o'.split(' '),
);
const EN_FUNCTION = new Set('the a an and or but is are was were be to of in on at for with from by it this that i you we he she they my your our have has do does did not can will would please'.split(' '));

/** Is this Latin text Russian in transliteration? */
export function isTransliteratedRussian(text: string): boolean {
	if (/[а-яё]/i.test(text)) return false;
	const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
	if (words.length < 2) return false;
	const distinct = new Set(words.filter((w) => TRANSLIT_WORDS.has(w) && w.length > 1));
	const marked = words.filter((w) => TRANSLIT_WORDS.has(w)).length;
	const english = words.filter((w) => EN_FUNCTION.has(w)).length;
	return distinct.size >= 2 && marked >= words.length / 4 && marked > english * 2;
}

const MULTI: Array<[RegExp, string]> = [
	[/^e(?=t)/, 'э'],
	[/(?<=[a-z]{2}[^aeiouy][ai])t(?![a-z])/, 'ть'],
	[/(?<=[a-z])(?:yi|yj)(?![a-z])/, 'ый'],
	[/(?<=[a-z])(?:oi|oj)(?![a-z])/, 'ой'],
	[/(?<=[a-z])(?:ii|ij)(?![a-z])/, 'ий'],
	[/shch|sch/g, 'щ'],
	[/zh/g, 'ж'],
	[/kh/g, 'х'],
	[/ch/g, 'ч'],
	[/sh/g, 'ш'],
	[/ts/g, 'ц'],
	[/(?<=[aeiouy]|^|[^a-z])y[ae]/g, 'я'],
	[/ya/g, 'я'],
	[/yu|iu/g, 'ю'],
	[/yo/g, 'ё'],
	[/(?<=[aeiou])y/g, 'й'],
	[/(?<=[a-z])iy(?![a-z])/g, 'ий'],
	[/(?<=[a-z])yy(?![a-z])/g, 'ый'],
	[/'/g, 'ь'],
];
const SINGLE: Record<string, string> = {
	a: 'а', b: 'б', v: 'в', w: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с',
	t: 'т', u: 'у', f: 'ф', h: 'х', c: 'ц', y: 'ы', x: 'кс', q: 'к',
};

/** Latin-written Russian back into Cyrillic (lower case). */
export function reverseTransliterate(text: string): string {
	return text.toLowerCase().replace(/[a-z']+/g, (word) => {
		let w = word;
		for (const [re, to] of MULTI) w = w.replace(re, to);
		return [...w].map((ch) => SINGLE[ch] ?? ch).join('');
	});
}

export interface NormalizedText {
	/** Russian in Latin letters was read back into Cyrillic (step 5). */
	transliterated?: boolean;
	text: string;
	/** Words written with look-alike letters of the other script, as written. */
	lookAlikes: string[];
	/** The subset read as Cyrillic: Latin letters hidden in Russian words ("зaрaбoтoк"), the spammer's evasion;
	 * words read as Latin ("iPhоne" typed on a Russian layout) are ordinary customers' typing. */
	hiddenInCyrillic: string[];
	/** Words written with digits for letters, as written. */
	digitLetters: string[];
}

/**
 * Steps 1–5 with the words that were repaired. `transliteration: false` skips step 5 for the word matcher
 * of core/text/wordforms.ts, which compares transliterated skeletons with typo tolerance and so reads
 * Latin-written Russian itself ("xheloveka" with a typo is still "cheloveka" there).
 */
export function normalizeTextDetailed(input: string, opts: { transliteration?: boolean } = {}): NormalizedText {
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
	// 5. Russian written in Latin letters is read as Russian
	if (opts.transliteration !== false && isTransliteratedRussian(text)) return { text: reverseTransliterate(text), lookAlikes, hiddenInCyrillic, digitLetters, transliterated: true };
	return { text, lookAlikes, hiddenInCyrillic, digitLetters };
}

/** The normalised text (see the module comment). */
export function normalizeText(input: string, opts: { transliteration?: boolean } = {}): string {
	return normalizeTextDetailed(input, opts).text;
}
