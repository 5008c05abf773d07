import { canonicalFirstName, isKnownFirstName } from './diminutives';
import { foldCase, skeleton, toLatin } from './fold';
import { BoundedMemo } from '../shared/memo';

/**
 * A person's name, normalised for matching across channels and scripts:
 * case, ё/е, word order ("Петров Иван" = "Иван Петров"), initials ("Смирнова О."), patronymics
 * ("Иванович", "Ivanovna"), Cyrillic↔Latin ("Ivan Petrov" = "Иван Петров") and diminutives
 * ("Саша" → Александр). Every key is a phonetic skeleton (core/text/fold.ts).
 */
export interface PersonName {
	/** Canonical first name skeleton (diminutives mapped to the full name). */
	first?: string;
	/**
	 * The first name as written, folded to Latin letters (before diminutives and the skeleton):
	 * tells a typo of one name ("Eliza" / "Ezia") from a different name (dedupe's compare.ts).
	 */
	firstWritten?: string;
	/** Initial of the first name when only an initial was given ("О." → "o"). */
	firstInitial?: string;
	/** Last name skeleton. */
	last?: string;
	/** Patronymic skeleton ("ivanovich"). */
	middle?: string;
	/** True when first/last come from an unstructured full name whose order could not be told. */
	orderUnknown: boolean;
	/** Display form, as given (trimmed). */
	display: string;
}

const PATRONYMIC_RE =
	/(ович|евич|ич|овна|евна|ична|инична)$|(ovich|evich|ovitch|evitch|ovna|evna|ichna)$/;

export function isPatronymic(word: string): boolean {
	return PATRONYMIC_RE.test(foldCase(word)) && word.length > 5;
}

function patronymic(word: Word): boolean {
	return isPatronymic(word.raw);
}

interface Word {
	/** As written, folded (ё→е, lower case): decides initials and patronymics. */
	readonly raw: string;
	/** Latin transliteration of the word. */
	readonly latin: string;
}

// Patterns used per word or per name, created once: a regular-expression literal inside a function
// builds a new RegExp object each time it runs (≈ 20 MB of garbage per 100k contacts).
const NAME_PUNCTUATION = /[.,;()"«»]/g;
const SPACES = /\s+/;
const LETTER = /\p{L}/u;
const ONE_LETTER = /^\p{L}$/u;

/**
 * Words of a first, last or middle name field, remembered (a BoundedMemo): the
 * same first or last name comes back in many contacts. The arrays are shared, so never changed.
 * (A full name is read with wordsOf: whole names repeat far less, and callers memoise those.)
 */
const wordsMemo = new BoundedMemo<readonly Word[]>();

function words(text: string): readonly Word[] {
	return wordsMemo.get(text, wordsOf);
}

function wordsOf(text: string): Word[] {
	const raw = foldCase(text)
		.replace(NAME_PUNCTUATION, ' ')
		.split(SPACES)
		.filter((w) => w && LETTER.test(w));
	// One toLatin call per word: words repeat across names, and toLatin remembers words (core/text/fold.ts).
	return raw.map((w) => ({ raw: w, latin: toLatin(w) }));
}

function isInitial(word: Word): boolean {
	return ONE_LETTER.test(word.raw);
}

function initialOf(word: Word): string {
	return skeleton(word.latin).charAt(0);
}

const NOT_LATIN_LETTER = /[^a-z]/g;

function setFirst(name: PersonName, word: Word): void {
	name.first = canonicalFirstName(word.latin);
	name.firstWritten = word.latin.replace(NOT_LATIN_LETTER, '');
}

/**
 * Builds the name from whatever the record has: separate first/last/middle fields win, then a full
 * name. Returns undefined when nothing usable is left (empty, digits, punctuation).
 */
export function parsePersonName(parts: {
	first?: string;
	last?: string;
	middle?: string;
	full?: string;
}): PersonName | undefined {
	const display =
		[parts.first, parts.middle, parts.last].filter(Boolean).join(' ') || (parts.full ?? '').trim();
	const name: PersonName = { orderUnknown: false, display };
	if (parts.first || parts.last) {
		const fw = parts.first ? words(parts.first) : [];
		const lw = parts.last ? words(parts.last) : [];
		const mw = parts.middle ? words(parts.middle) : [];
		// "Иван Иванович" in the first-name field: the patronymic moves to middle.
		const firstWords = fw.filter((w) => !patronymic(w));
		const middleWords = [...mw, ...fw.filter((w) => patronymic(w))];
		if (firstWords.length) {
			if (isInitial(firstWords[0])) name.firstInitial = initialOf(firstWords[0]);
			else setFirst(name, firstWords[0]);
		}
		if (lw.length) name.last = lw.map((w) => skeleton(w.latin)).join('');
		if (middleWords.length) name.middle = skeleton(middleWords[0].latin);
	} else if (parts.full) {
		const all = wordsOf(parts.full);
		const middle = all.filter((w) => patronymic(w) && !isInitial(w));
		const initials = all.filter((w) => isInitial(w));
		const rest = all.filter((w) => !isInitial(w) && !patronymic(w));
		if (middle.length) name.middle = skeleton(middle[0].latin);
		if (rest.length === 1) {
			// "Смирнова О." → last name + initial; "Иван" → a first name; "Petrov" → last name.
			if (initials.length) {
				name.last = skeleton(rest[0].latin);
				name.firstInitial = initialOf(initials[0]);
			} else if (isKnownFirstName(rest[0].latin)) setFirst(name, rest[0]);
			else name.last = skeleton(rest[0].latin);
		} else if (rest.length >= 2) {
			const [a, b] = rest;
			const aKnown = isKnownFirstName(a.latin);
			const bKnown = isKnownFirstName(b.latin);
			// Western order "First Last" unless only the second word is a known first name or a
			// patronymic follows it (Russian order "Петров Иван Иванович").
			const swapped =
				(bKnown && !aKnown) || (middle.length > 0 && all.indexOf(middle[0]) > all.indexOf(b));
			setFirst(name, swapped ? b : a);
			name.last = skeleton((swapped ? a : rest[rest.length - 1]).latin);
			name.orderUnknown = aKnown === bKnown && middle.length === 0;
		} else if (initials.length) {
			name.firstInitial = initialOf(initials[0]);
		}
	}
	if (name.first === '') delete name.first;
	if (!name.first) delete name.firstWritten;
	if (name.last === '') delete name.last;
	if (name.middle === '') delete name.middle;
	if (!name.first && !name.last && !name.firstInitial) return undefined;
	return name;
}

/** One key for a name regardless of word order: sorted skeletons of first and last. */
export function nameKey(name: PersonName): string | undefined {
	// The two parts in code-unit order, as [a, b].sort().join(' ') would give them, without the
	// arrays (called once per contact: a batch of 100k built ~80 MB of sort scratch).
	const a = name.first ?? name.firstInitial;
	const b = name.last;
	if (!a) return b || undefined;
	if (!b) return a;
	return a <= b ? `${a} ${b}` : `${b} ${a}`;
}

/** Convenience: normalise a full name string to its order-free key ("Петров Иван" → "ivan petrov"). */
export function normalizePersonName(full: string): string | undefined {
	const parsed = parsePersonName({ full });
	return parsed ? nameKey(parsed) : undefined;
}
