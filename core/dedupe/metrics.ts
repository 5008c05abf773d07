import jaroWinkler from 'jaro-winkler';
import { distance as levenshtein } from 'fastest-levenshtein';

/**
 * String metrics of the contact comparison: how two words, dates of birth, postcodes or e-mail
 * logins compare, on their own (no batch state, no weights).
 */

export type WordOutcome = 'equal' | 'similar' | 'different';

/** True when the consonant outlines (first letter kept, later vowels a e i o u y dropped: "alan", "allen", "alen" → "aln") are equal and 3+ letters long. */
function sameOutline(a: string, b: string): boolean {
	if (!a.length || !b.length || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
	let i = 1;
	let j = 1;
	let length = 1;
	for (;;) {
		while (i < a.length && isVowel(a.charCodeAt(i))) i++;
		while (j < b.length && isVowel(b.charCodeAt(j))) j++;
		if (i === a.length || j === b.length) return i === a.length && j === b.length && length >= 3;
		if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
		i++;
		j++;
		length++;
	}
}

function isVowel(c: number): boolean {
	return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

const CHAR_COUNTS = new Int32Array(128);

/** How many characters a and b have in common (as multisets); -1 when either has a non-ASCII character. */
function commonChars(a: string, b: string): number {
	let ascii = true;
	let i = 0;
	for (; i < a.length; i++) {
		const c = a.charCodeAt(i);
		if (c >= 128) {
			ascii = false;
			break;
		}
		CHAR_COUNTS[c]++;
	}
	let common = 0;
	for (let j = 0; ascii && j < b.length; j++) {
		const c = b.charCodeAt(j);
		if (c >= 128) ascii = false;
		else if (CHAR_COUNTS[c] > 0) {
			CHAR_COUNTS[c]--;
			common++;
		}
	}
	for (let k = 0; k < i; k++) CHAR_COUNTS[a.charCodeAt(k)] = 0;
	return ascii ? common : -1;
}

/**
 * equal: same skeleton; similar: one is a prefix of the other (4+ letters), Jaro-Winkler ≥ 0.92,
 * one edit apart (4+ letters), or the same consonant outline (3+ consonants); different otherwise.
 */
export function wordOutcome(a: string, b: string): WordOutcome {
	if (a === b) return 'equal';
	const min = Math.min(a.length, b.length);
	if (min >= 3 && (a.startsWith(b) || b.startsWith(a))) return 'similar';
	// Bounds that skip the costly measures when they cannot reach their thresholds: at most
	// `common` characters match, so Jaro ≤ (common/|a| + common/|b| + 1) / 3, and Winkler's prefix
	// bonus adds at most 0.4 × (1 − Jaro); an edit distance ≤ 1 needs all but one character of the
	// longer word in common.
	const common = commonChars(a, b);
	const jaroBound = (common / a.length + common / b.length + 1) / 3;
	if ((common < 0 || 0.6 + 0.4 * jaroBound >= 0.91) && jaroWinkler(a, b) >= 0.92) return 'similar';
	if (
		min >= 4 &&
		(common < 0 || Math.max(a.length, b.length) - common <= 1) &&
		levenshtein(a, b) <= 1
	)
		return 'similar';
	if (sameOutline(a, b)) return 'similar';
	return 'different';
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two adjacent letters); max + 1
 * when the lengths alone differ by more than max. Names are short: the full table is cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const w = b.length + 1;
	let prev2 = new Array<number>(w).fill(0);
	let prev = new Array<number>(w);
	let cur = new Array<number>(w);
	for (let j = 0; j < w; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		cur[0] = i;
		for (let j = 1; j < w; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d = Math.min(d, prev2[j - 2] + 1);
			cur[j] = d;
		}
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return prev[b.length];
}

/** How two dates of birth (YYYYMMDD) compare. */
export function dobOutcome(a: string, b: string): 'equal' | 'similar' | 'year' | 'different' {
	if (a === b) return 'equal';
	if (a.length === 8 && b.length === 8) {
		// Day and month swapped (US/EU order), one mistyped digit, or two adjacent digits transposed.
		if (
			a.slice(0, 4) === b.slice(0, 4) &&
			a.slice(4, 6) === b.slice(6, 8) &&
			a.slice(6, 8) === b.slice(4, 6)
		)
			return 'similar';
		let diff = 0;
		const pos: number[] = [];
		for (let i = 0; i < 8; i++) {
			if (a[i] !== b[i]) {
				pos.push(i);
				diff++;
			}
		}
		if (diff === 1) return 'similar';
		if (diff === 2 && pos[1] === pos[0] + 1 && a[pos[0]] === b[pos[1]] && a[pos[1]] === b[pos[0]])
			return 'similar';
		if (a.slice(0, 4) === b.slice(0, 4)) return 'year';
	}
	return 'different';
}

/**
 * Years of birth (YYYY…) at least a generation (15 years) apart: a parent and a child, not a slip
 * of the keyboard (1982 / 1992 is one digit, and the same year is a wrong day or month). The one
 * case in which a family shares a name (John Smith Sr. and Jr.) as well as its e-mail and phone.
 */
export const GENERATION_YEARS = 15;

/**
 * True when two dates of birth (YYYYMMDD) are GENERATION_YEARS or more apart, and not a typo of one
 * date (dobOutcome 'similar': one digit, two adjacent digits swapped, day and month swapped).
 */
export function generationApart(a: string, b: string): boolean {
	// One mistyped or two swapped digits ("19410128" / "19140128") are a typo, not a generation.
	if (dobOutcome(a, b) !== 'different') return false;
	const ya = Number(a.slice(0, 4));
	const yb = Number(b.slice(0, 4));
	return Number.isFinite(ya) && Number.isFinite(yb) && Math.abs(ya - yb) >= GENERATION_YEARS;
}

/** Same length, exactly two adjacent characters swapped ("2193" / "2139"). */
export function transposed(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	return (
		i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
	);
}

/**
 * True when two logins (the first xEnd characters of x, yEnd of y) differ in a digit: what is left
 * between their common start and common end holds a digit, i.e. a digit was changed, added or
 * dropped (ivan.petrov5 / ivan.petrov6, john.smith1980 / john.smith1981, anna.k / anna.k7). Logins
 * that differ only in their numbers are numbered accounts — far more often another person (or
 * another mailbox) than a typo. Equal logins do not differ.
 */
export function loginsDifferInDigit(x: string, xEnd: number, y: string, yEnd: number): boolean {
	let start = 0;
	const common = Math.min(xEnd, yEnd);
	while (start < common && x.charCodeAt(start) === y.charCodeAt(start)) start++;
	let xe = xEnd;
	let ye = yEnd;
	while (xe > start && ye > start && x.charCodeAt(xe - 1) === y.charCodeAt(ye - 1)) {
		xe--;
		ye--;
	}
	for (let i = start; i < xe; i++) if (isDigit(x.charCodeAt(i))) return true;
	for (let i = start; i < ye; i++) if (isDigit(y.charCodeAt(i))) return true;
	return false;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}
