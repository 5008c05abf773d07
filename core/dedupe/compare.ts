import jaroWinkler from 'jaro-winkler';
import { distance as levenshtein } from 'fastest-levenshtein';

import { isKnownFirstName } from '../text/diminutives';
import type { PersonName } from '../text/names';
import type { ContactRecord } from './record';
import { WEIGHTS as W } from './weights';

export type Outcome = 'equal' | 'similar' | 'initial' | 'different' | 'shared';

/** One field's contribution to a match decision. */
export interface Evidence {
	field: string;
	outcome: Outcome;
	weight: number;
	/** The normalised value on this side and on the other side (when they differ). */
	value?: string;
	other?: string;
}

export interface Comparison {
	/** Sum of evidence weights, in bits. */
	weight: number;
	evidence: Evidence[];
	/**
	 * True when something besides the names agrees (an identity, date of birth, address, postcode)
	 * and no personal detail disagrees: a different first name, patronymic or date of birth is
	 * strong evidence against (a family shares its e-mail, phone and address), which only an equal
	 * personal INN outvotes. Uncorroborated pairs are at most `review`.
	 */
	corroborated: boolean;
	/** A fact that rules out the same person (different personal INN). */
	conflict: boolean;
	/** Same company (shared switchboard phone, organisation INN, role mailbox, company name) without a person match. */
	companyLink?: { via: 'phone' | 'inn' | 'email' | 'company'; value: string };
}

/**
 * How often each name word occurs in the batch (term-frequency adjustment, as in Fellegi–Sunter
 * record linkage): agreeing on a rare name is stronger evidence than agreeing on a common one.
 */
export interface NameFrequencies {
	counts: ReadonlyMap<string, number>;
	total: number;
}

/** Batches smaller than this carry too little frequency information; default weights apply. */
export const TF_MIN_BATCH = 200;

/** Weight of agreeing on `value`: log2(0.95 / frequency), kept within [base - 3, base + 2]. */
export function tfWeight(base: number, value: string | undefined, tf?: NameFrequencies): number {
	if (!tf || !value || tf.total < TF_MIN_BATCH) return base;
	const count = tf.counts.get(value) ?? 1;
	const w = Math.log2(0.95 / (count / tf.total));
	return Math.round(Math.min(base + 2, Math.max(base - 3, w)) * 100) / 100;
}

export interface CompareContext {
	/** Name-word frequencies of the batch (deduplicate operation). */
	nameFrequencies?: NameFrequencies;
	/** Phones used by several different people in the batch (switchboards), E.164. */
	sharedPhones?: ReadonlySet<string>;
	/**
	 * Optional memo of word comparisons for one batch (created by the caller, dropped after it):
	 * the same first names, surnames and cities meet in thousands of pairs, so each pair of words
	 * is scored once. Views made with the same memo (matchView(r, memo)) carry word numbers that
	 * make a lookup two integer compares. Results are the same with or without it.
	 */
	words?: WordMemo;
}

/** The parts of a name a comparison reads, every key present (see MatchView). */
export interface NameView {
	first: string | undefined;
	/** The first name as written, in Latin letters (PersonName.firstWritten). */
	firstWritten: string | undefined;
	firstInitial: string | undefined;
	last: string | undefined;
	middle: string | undefined;
	orderUnknown: boolean;
	/** Numbers of first, last and middle in the batch's WordMemo; -1 without one. */
	firstId: number;
	lastId: number;
	middleId: number;
}

/**
 * The fields of a contact a comparison reads, in one fixed shape with every key present. Parsed
 * records differ in which optional fields they have (and so in their hidden classes); reading them
 * through views keeps the property reads of the comparison monomorphic.
 */
export interface MatchView {
	name: NameView | undefined;
	emails: readonly string[];
	roleEmails: readonly string[];
	phones: ContactRecord['phones'];
	telegram: readonly string[];
	/** Numbers of the e-mails, role mailboxes, phones (E.164) and Telegram handles in the batch's WordMemo; undefined without one. */
	emailIds: readonly number[] | undefined;
	roleEmailIds: readonly number[] | undefined;
	phoneIds: readonly number[] | undefined;
	telegramIds: readonly number[] | undefined;
	personInn: string | undefined;
	orgInn: string | undefined;
	ogrn: string | undefined;
	company: string | undefined;
	dob: string | undefined;
	address: string | undefined;
	postcode: string | undefined;
	city: string | undefined;
	cityId: number;
}

export function nameView(n: PersonName, memo?: WordMemo): NameView {
	return {
		first: n.first,
		firstWritten: n.firstWritten,
		firstInitial: n.firstInitial,
		last: n.last,
		middle: n.middle,
		orderUnknown: n.orderUnknown,
		firstId: memo ? memo.idOf(n.first) : -1,
		lastId: memo ? memo.idOf(n.last) : -1,
		middleId: memo ? memo.idOf(n.middle) : -1,
	};
}

const NO_IDS: readonly number[] = Object.freeze([]);

function idsOf(
	values: ReadonlyArray<string | { e164: string }>,
	memo: WordMemo,
): readonly number[] {
	if (!values.length) return NO_IDS;
	const ids = new Array<number>(values.length);
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		ids[i] = memo.idOf(typeof v === 'string' ? v : v.e164);
	}
	return ids;
}

/** The view of a record; with the batch's memo, its words are numbered for WordMemo lookups. */
export function matchView(r: ContactRecord, memo?: WordMemo): MatchView {
	return {
		name: r.name ? nameView(r.name, memo) : undefined,
		emails: r.emails,
		roleEmails: r.roleEmails,
		phones: r.phones,
		telegram: r.telegram,
		emailIds: memo && idsOf(r.emails, memo),
		roleEmailIds: memo && idsOf(r.roleEmails, memo),
		phoneIds: memo && idsOf(r.phones, memo),
		telegramIds: memo && idsOf(r.telegram, memo),
		personInn: r.personInn,
		orgInn: r.orgInn,
		ogrn: r.ogrn,
		company: r.company,
		dob: r.dob,
		address: r.address,
		postcode: r.postcode,
		city: r.city,
		cityId: memo ? memo.idOf(r.city) : -1,
	};
}

export type WordOutcome = 'equal' | 'similar' | 'different';

/** wordOutcome(a, b) by a, then b (WordMemo, for words without a number). */
type WordCache = Map<string, Map<string, WordOutcome>>;

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

/** wordOutcome through the batch's memo, when there is one. */
function wordOutcomeIn(a: string, b: string, cache: WordCache | undefined): WordOutcome {
	if (a === b) return 'equal';
	if (!cache) return wordOutcome(a, b);
	let row = cache.get(a);
	if (!row) cache.set(a, (row = new Map()));
	let o = row.get(b);
	if (o === undefined) row.set(b, (o = wordOutcome(a, b)));
	return o;
}

const OUTCOMES: readonly WordOutcome[] = ['equal', 'similar', 'different'];

/**
 * wordOutcome memo for one batch: words are numbered (idOf), and outcomes of numbered pairs are
 * kept in an open-addressing table of typed arrays (no objects per entry); words without a number
 * (address tokens) go through a map of maps.
 */
export class WordMemo {
	private readonly ids = new Map<string, number>();
	private readonly strings: WordCache = new Map();
	private keyA = new Int32Array(1 << 12);
	private keyB = new Int32Array(1 << 12);
	/** Outcome index + 1; 0 = empty slot. */
	private value = new Uint8Array(1 << 12);
	private used = 0;

	private tfFor: NameFrequencies | undefined;
	private readonly tfByBase = new Map<number, Float64Array>();

	/** tfWeight(base, word, tf) of a numbered word (id = idOf(word)), memoised for one tf. */
	tfWeight(base: number, word: string, id: number, tf: NameFrequencies | undefined): number {
		if (id < 0 || !tf) return tfWeight(base, word, tf);
		if (tf !== this.tfFor) {
			this.tfFor = tf;
			this.tfByBase.clear();
		}
		let row = this.tfByBase.get(base);
		if (!row || row.length <= id) {
			const grown = new Float64Array(Math.max(id + 1, this.ids.size, 2 * (row?.length ?? 0))).fill(
				Number.NaN,
			);
			if (row) grown.set(row);
			this.tfByBase.set(base, (row = grown));
		}
		let w = row[id];
		if (Number.isNaN(w)) row[id] = w = tfWeight(base, word, tf);
		return w;
	}

	/** The number of a word in this batch (-1 for none). */
	idOf(word: string | undefined): number {
		if (!word) return -1;
		let id = this.ids.get(word);
		if (id === undefined) this.ids.set(word, (id = this.ids.size));
		return id;
	}

	/** wordOutcome(a, b); ia and ib are their numbers (idOf), or -1. */
	outcome(a: string, b: string, ia: number, ib: number): WordOutcome {
		if (a === b) return 'equal';
		if (ia < 0 || ib < 0) return wordOutcomeIn(a, b, this.strings);
		const mask = this.value.length - 1;
		let slot = (Math.imul(ia, 0x9e3779b1) ^ Math.imul(ib, 0x85ebca6b)) & mask;
		for (let v = this.value[slot]; v !== 0; v = this.value[slot]) {
			if (this.keyA[slot] === ia && this.keyB[slot] === ib) return OUTCOMES[v - 1];
			slot = (slot + 1) & mask;
		}
		const o = wordOutcome(a, b);
		this.keyA[slot] = ia;
		this.keyB[slot] = ib;
		this.value[slot] = OUTCOMES.indexOf(o) + 1;
		if (++this.used * 2 > this.value.length) this.grow();
		return o;
	}

	private grow(): void {
		const { keyA, keyB, value } = this;
		this.keyA = new Int32Array(value.length * 2);
		this.keyB = new Int32Array(value.length * 2);
		this.value = new Uint8Array(value.length * 2);
		const mask = this.value.length - 1;
		for (let i = 0; i < value.length; i++) {
			if (value[i] === 0) continue;
			let slot = (Math.imul(keyA[i], 0x9e3779b1) ^ Math.imul(keyB[i], 0x85ebca6b)) & mask;
			while (this.value[slot] !== 0) slot = (slot + 1) & mask;
			this.keyA[slot] = keyA[i];
			this.keyB[slot] = keyB[i];
			this.value[slot] = value[i];
		}
	}
}

/** wordOutcome through the batch's memo, when there is one. */
function outcomeOf(
	a: string,
	b: string,
	ia: number,
	ib: number,
	memo: WordMemo | undefined,
): WordOutcome {
	if (a === b) return 'equal';
	return memo ? memo.outcome(a, b, ia, ib) : wordOutcome(a, b);
}

/**
 * The evidence of one comparison as it is gathered: weights are summed in the order they are
 * added (the order of Comparison.evidence), and the Evidence objects are built only when asked
 * for. Clustering scores every candidate pair with one reused tally and builds the Comparison only
 * for the pairs it keeps (duplicate, review or company links): most pairs in a name block are
 * plainly different people, and their evidence would be garbage at once.
 */
export class EvidenceTally {
	/** Number of evidence entries. */
	n = 0;
	/** Sum of their weights, in order. */
	sum = 0;
	corroborated = false;
	conflict = false;
	/**
	 * A personal detail disagrees: a different first name (or initial), patronymic or date of birth.
	 * Such a pair is never corroborated unless the personal INN agrees, and its review link never
	 * supports joining clusters (cluster.ts).
	 */
	against = false;
	companyVia: 'phone' | 'inn' | 'email' | 'company' | undefined = undefined;
	companyValue = '';
	private readonly fields: string[] = [];
	private readonly outcomes: Outcome[] = [];
	private readonly weights: number[] = [];
	private readonly values: Array<string | undefined> = [];
	private readonly others: Array<string | undefined> = [];

	reset(): void {
		this.n = 0;
		this.sum = 0;
		this.corroborated = false;
		this.conflict = false;
		this.against = false;
		this.companyVia = undefined;
		this.companyValue = '';
	}

	/** One evidence entry; `value` and `other` are left out of the Evidence when undefined. */
	add(field: string, outcome: Outcome, weight: number, value?: string, other?: string): void {
		const i = this.n++;
		this.fields[i] = field;
		this.outcomes[i] = outcome;
		this.weights[i] = weight;
		this.values[i] = value;
		this.others[i] = other;
		this.sum += weight;
	}

	/** The first company link found wins. */
	link(via: 'phone' | 'inn' | 'email' | 'company', value: string): void {
		if (this.companyVia !== undefined) return;
		this.companyVia = via;
		this.companyValue = value;
	}

	/** True when some evidence outside `fields` has a positive weight. */
	agreesBesides(fields: ReadonlySet<string>): boolean {
		for (let i = 0; i < this.n; i++)
			if (this.weights[i] > 0 && !fields.has(this.fields[i])) return true;
		return false;
	}

	/** Sum of evidence weights in bits, rounded to 0.01 (Comparison.weight). */
	get weight(): number {
		return Math.round(this.sum * 100) / 100;
	}

	evidence(): Evidence[] {
		const out: Evidence[] = new Array(this.n);
		for (let i = 0; i < this.n; i++) {
			const field = this.fields[i];
			const outcome = this.outcomes[i];
			const weight = this.weights[i];
			const value = this.values[i];
			const other = this.others[i];
			// One literal per combination: value and other are left out when undefined.
			if (value === undefined)
				out[i] =
					other === undefined ? { field, outcome, weight } : { field, outcome, weight, other };
			else
				out[i] =
					other === undefined
						? { field, outcome, weight, value }
						: { field, outcome, weight, value, other };
		}
		return out;
	}

	comparison(): Comparison {
		const result: Comparison = {
			weight: this.weight,
			evidence: this.evidence(),
			corroborated: this.corroborated,
			conflict: this.conflict,
		};
		// A company link is reported only when the two are not the same person.
		if (this.companyVia !== undefined)
			result.companyLink = { via: this.companyVia, value: this.companyValue };
		return result;
	}
}

/** One name part of one reading (straight or swapped), before it becomes evidence. */
interface NamePart {
	present: boolean;
	outcome: Outcome;
	weight: number;
	value: string | undefined;
	other: string | undefined;
}

const namePart = (): NamePart => ({
	present: false,
	outcome: 'equal',
	weight: 0,
	value: undefined,
	other: undefined,
});
// Scratch parts reused by every comparison (never held across calls).
const STRAIGHT_FIRST = namePart();
const STRAIGHT_LAST = namePart();
const SWAPPED_FIRST = namePart();
const SWAPPED_LAST = namePart();

function setPart(
	p: NamePart,
	outcome: Outcome,
	weight: number,
	value: string,
	other: string | undefined,
): void {
	p.present = true;
	p.outcome = outcome;
	p.weight = weight;
	p.value = value;
	p.other = other;
}

function firstPart(
	out: NamePart,
	a: NameView,
	aFirst: string | undefined,
	bFirst: string | undefined,
	bFirstId: number,
	bName: NameView,
	tf: NameFrequencies | undefined,
	memo: WordMemo | undefined,
): void {
	out.present = false;
	if (aFirst && bFirst) {
		const o = outcomeOf(aFirst, bFirst, a.firstId, bFirstId, memo);
		const equal =
			o === 'equal'
				? memo
					? memo.tfWeight(W.firstEqual, aFirst, a.firstId, tf)
					: tfWeight(W.firstEqual, aFirst, tf)
				: 0;
		const weight = o === 'equal' ? equal : o === 'similar' ? W.firstSimilar : W.firstDifferent;
		setPart(out, o, weight, aFirst, o !== 'equal' ? bFirst : undefined);
		return;
	}
	const ai = aFirst ? aFirst[0] : a.firstInitial;
	const bi = bFirst ? bFirst[0] : bName.firstInitial;
	if (ai && bi) {
		if (ai === bi) setPart(out, 'initial', W.firstInitial, ai, undefined);
		else setPart(out, 'different', W.firstDifferent / 2, ai, bi);
	}
}

function lastPart(
	out: NamePart,
	aLast: string | undefined,
	aLastId: number,
	bLast: string | undefined,
	bLastId: number,
	tf: NameFrequencies | undefined,
	memo: WordMemo | undefined,
): void {
	out.present = false;
	if (!aLast || !bLast) return;
	const o = outcomeOf(aLast, bLast, aLastId, bLastId, memo);
	const equal =
		o === 'equal'
			? memo
				? memo.tfWeight(W.lastEqual, aLast, aLastId, tf)
				: tfWeight(W.lastEqual, aLast, tf)
			: 0;
	const weight = o === 'equal' ? equal : o === 'similar' ? W.lastSimilar : W.lastDifferent;
	setPart(out, o, weight, aLast, o !== 'equal' ? bLast : undefined);
}

/** Sum of a reading's weights, first name then last name (as Evidence[].reduce would add them). */
function readingSum(first: NamePart, last: NamePart): number {
	let s = 0;
	if (first.present) s += first.weight;
	if (last.present) s += last.weight;
	return s;
}

function addPart(t: EvidenceTally, field: 'firstName' | 'lastName', p: NamePart): void {
	if (p.present) t.add(field, p.outcome, p.weight, p.value, p.other);
}

/**
 * Names in both word orders; the better reading wins (order swaps are common in forms). Adds the
 * name evidence to the tally; returns true when the chosen reading has a first-name or last-name
 * conflict.
 */
function addNames(
	a: NameView,
	b: NameView,
	tf: NameFrequencies | undefined,
	memo: WordMemo | undefined,
	t: EvidenceTally,
): boolean {
	firstPart(STRAIGHT_FIRST, a, a.first, b.first, b.firstId, b, tf, memo);
	lastPart(STRAIGHT_LAST, a.last, a.lastId, b.last, b.lastId, tf, memo);
	let first = STRAIGHT_FIRST;
	let last = STRAIGHT_LAST;
	let swapPenalty: number | undefined;
	if (a.first !== b.first) {
		firstPart(SWAPPED_FIRST, a, a.first, b.last, b.lastId, b, tf, memo);
		lastPart(SWAPPED_LAST, a.last, a.lastId, b.first, b.firstId, tf, memo);
		if (SWAPPED_FIRST.present || SWAPPED_LAST.present) {
			const penalty = a.orderUnknown || b.orderUnknown ? 0 : W.swappedOrder;
			if (
				readingSum(SWAPPED_FIRST, SWAPPED_LAST) + penalty >
				readingSum(STRAIGHT_FIRST, STRAIGHT_LAST)
			) {
				first = SWAPPED_FIRST;
				last = SWAPPED_LAST;
				swapPenalty = penalty;
			}
		}
	}
	addPart(t, 'firstName', first);
	addPart(t, 'lastName', last);
	if (swapPenalty !== undefined) t.add('nameOrder', 'different', swapPenalty);
	if (a.middle && b.middle) {
		const o = outcomeOf(a.middle, b.middle, a.middleId, b.middleId, memo);
		const weight =
			o === 'equal' ? W.middleEqual : o === 'similar' ? W.middleSimilar : W.middleDifferent;
		t.add('middleName', o, weight, a.middle, o !== 'equal' ? b.middle : undefined);
		if (o === 'different') t.against = true;
	}
	// Clearly different first names (Jane / John, Иван / Мария; diminutives are already mapped) or
	// initials, not a typo of one name or a short form (distinctGivenNames).
	// Not in a swapped reading: there a canonical first name meets a plain surname ("Hall" read as
	// the diminutive of Harold), and the reading already pays for the swap.
	if (
		first === STRAIGHT_FIRST &&
		first.present &&
		first.outcome === 'different' &&
		distinctGivenNames(a, b)
	)
		t.against = true;
	// A conflict: the names disagree on the first or the last name (not on order or patronymic).
	return (
		(first.present && first.outcome === 'different') ||
		(last.present && last.outcome === 'different')
	);
}

/**
 * Whether two first names that compare as different are clearly different given names, the
 * evidence against one person that a shared e-mail or phone cannot outvote. Not when:
 * - one is a single letter or a prefix of the other, as written or as skeletons: an initial or a
 *   short form ("I" / "Ivy", "Jo" / "Joanna");
 * - they are a typo of one name: at most one edit apart (a letter added, dropped, changed, or two
 *   adjacent letters swapped), two for names of five letters or more ("Eliza" / "Ezia",
 *   "Michael" / "Micheal"), unless both are names in the diminutives table (Tom / Tim are
 *   Thomas and Timothy, two people).
 * A different initial ("J." / "Mary") is a different name.
 */
export function distinctGivenNames(a: NameView, b: NameView): boolean {
	if (!a.first || !b.first) return true;
	const x = a.firstWritten || a.first;
	const y = b.firstWritten || b.first;
	if (x.length < 2 || y.length < 2 || a.first.length < 2 || b.first.length < 2) return false;
	if (x.startsWith(y) || y.startsWith(x) || a.first.startsWith(b.first) || b.first.startsWith(a.first))
		return false;
	if (isKnownFirstName(x) && isKnownFirstName(y)) return true;
	const allowed = Math.max(x.length, y.length) >= TYPO_TWO_EDITS_FROM ? 2 : 1;
	return editDistance(x, y, allowed) > allowed;
}

/** Names this long (letters) may carry two typing errors; shorter ones one. */
const TYPO_TWO_EDITS_FROM = 5;

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two adjacent letters); max + 1
 * when the lengths alone differ by more than max. Names are short: the full table is cheap.
 */
function editDistance(a: string, b: string, max: number): number {
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

/** Names in both word orders; the better reading wins (order swaps are common in forms). */
export function compareNames(a: PersonName, b: PersonName, tf?: NameFrequencies): Evidence[] {
	const t = new EvidenceTally();
	addNames(nameView(a), nameView(b), tf, undefined, t);
	return t.evidence();
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

const DIGIT = /\d/;

function textOutcome(
	a: string,
	b: string,
	memo: WordMemo | undefined,
): 'equal' | 'similar' | 'different' {
	if (a === b) return 'equal';
	const ca = a.replace(/ /g, '');
	const cb = b.replace(/ /g, '');
	if (ca === cb) return 'equal';
	const maxLen = Math.max(ca.length, cb.length);
	if (levenshtein(ca, cb) / maxLen <= 0.2) return 'similar';
	// Token overlap with typo-tolerant tokens (numbers must be equal).
	const ta = a.split(' ');
	const tb = b.split(' ');
	let common = 0;
	for (const x of ta) {
		const hit = tb.some(
			(y) =>
				x === y ||
				(!DIGIT.test(x) &&
					x.length >= 4 &&
					y.length >= 4 &&
					outcomeOf(x, y, -1, -1, memo) !== 'different'),
		);
		if (hit) common++;
	}
	return common / Math.max(ta.length, tb.length) >= 0.6 ? 'similar' : 'different';
}

/** Public mailbox providers: the domain says nothing about the person. */
export const FREE_MAIL: ReadonlySet<string> = new Set([
	'gmail.com',
	'yandex.ru',
	'mail.ru',
	'bk.ru',
	'inbox.ru',
	'list.ru',
	'internet.ru',
	'rambler.ru',
	'outlook.com',
	'yahoo.com',
	'icloud.com',
	'proton.me',
	'aol.com',
	'gmx.de',
	'gmx.com',
	'ukr.net',
	'qq.com',
	'163.com',
]);

function intersect(a: readonly string[], b: readonly string[]): string | undefined {
	for (const x of a) if (b.includes(x)) return x;
	return undefined;
}

/**
 * Compares two contacts field by field. Conservative: a shared switchboard or landline, an
 * organisation INN, a role mailbox or a company name only link the two to one company; a phone
 * shared by people with different names is a company link, not a person match.
 */
export function compareContacts(
	a: ContactRecord,
	b: ContactRecord,
	ctx: CompareContext = {},
): Comparison {
	const t = new EvidenceTally();
	tallyContacts(matchView(a), matchView(b), ctx, t);
	return t.comparison();
}

/** intersect(a, b), by the values' numbers when both sides have them (same number = same text). */
function intersectIn(
	a: readonly string[],
	aIds: readonly number[] | undefined,
	b: readonly string[],
	bIds: readonly number[] | undefined,
): string | undefined {
	if (!aIds || !bIds) return intersect(a, b);
	for (let i = 0; i < aIds.length; i++)
		for (let j = 0; j < bIds.length; j++) if (aIds[i] === bIds[j]) return a[i];
	return undefined;
}

/** The kind of the other side's phone number `i` of `a` (the last equal entry wins, as a Map built from the list would). */
function phoneKindIn(
	a: MatchView,
	i: number,
	b: MatchView,
): ContactRecord['phones'][number]['kind'] | undefined {
	if (a.phoneIds && b.phoneIds) {
		const id = a.phoneIds[i];
		for (let j = b.phoneIds.length - 1; j >= 0; j--)
			if (b.phoneIds[j] === id) return b.phones[j].kind;
		return undefined;
	}
	const e164 = a.phones[i].e164;
	for (let j = b.phones.length - 1; j >= 0; j--)
		if (b.phones[j].e164 === e164) return b.phones[j].kind;
	return undefined;
}

/**
 * Similar e-mails: a typo of one address, or a look-alike login on the same company domain; never
 * when the logins differ in a digit (loginsDifferInDigit).
 */
function emailsSimilar(x: string, y: string): boolean {
	// Canonical addresses hold exactly one "@".
	const xAt = x.indexOf('@');
	const yAt = y.indexOf('@');
	if (loginsDifferInDigit(x, xAt, y, yAt)) return false;
	const xl = x.slice(0, xAt);
	const xd = x.slice(xAt + 1);
	const yl = y.slice(0, yAt);
	const yd = y.slice(yAt + 1);
	// Typos, not look-alikes: on free-mail domains many people share a name-based login
	// (ivan.petrov5@ vs ivan.petrov23@), so only one edit counts there.
	const free = FREE_MAIL.has(xd);
	const typo = free
		? xl.length >= 6 && xd === yd && levenshtein(xl, yl) <= 1
		: x.length >= 10 && levenshtein(x, y) <= 2;
	const alike = !free && xd === yd && xl.length >= 4 && jaroWinkler(xl, yl) >= 0.9;
	return typo || alike;
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

/**
 * compareContacts on views (matchView), into a tally (reset first): the same evidence in the same
 * order, without building objects until the caller asks for the Comparison.
 */
export function tallyContacts(
	a: MatchView,
	b: MatchView,
	ctx: CompareContext,
	t: EvidenceTally,
): void {
	t.reset();
	const nameConflict =
		a.name && b.name ? addNames(a.name, b.name, ctx.nameFrequencies, ctx.words, t) : false;

	// E-mail
	const email = intersectIn(a.emails, a.emailIds, b.emails, b.emailIds);
	if (email) {
		t.add('email', 'equal', W.emailEqual, email);
		t.corroborated = true;
	} else if (a.emails.length && b.emails.length) {
		let similar = false;
		for (let i = 0; i < a.emails.length && !similar; i++) {
			for (let j = 0; j < b.emails.length; j++) {
				if (emailsSimilar(a.emails[i], b.emails[j])) {
					t.add('email', 'similar', W.emailSimilar, a.emails[i], b.emails[j]);
					similar = true;
					break;
				}
			}
		}
		if (similar) t.corroborated = true;
		else t.add('email', 'different', W.emailDifferent, a.emails[0], b.emails[0]);
	}
	const role = intersectIn(a.roleEmails, a.roleEmailIds, b.roleEmails, b.roleEmailIds);
	if (role) {
		t.add('email', 'shared', W.roleEmailEqual, role);
		t.link('email', role);
	}

	// Phones (WhatsApp numbers included): the strongest shared phone.
	let phoneOutcome: 'equal' | 'shared' | undefined;
	let phoneWeight = 0;
	let phoneValue = '';
	for (let i = 0; i < a.phones.length; i++) {
		const p = a.phones[i];
		const other = phoneKindIn(a, i, b);
		if (!other) continue;
		const shared =
			p.kind === 'shared' || other === 'shared' || ctx.sharedPhones?.has(p.e164) || nameConflict;
		const weight = shared
			? W.sharedPhone
			: p.kind === 'mobile' && other === 'mobile'
				? W.mobileEqual
				: W.landlineEqual;
		if (phoneOutcome === undefined || weight > phoneWeight) {
			phoneOutcome = shared ? 'shared' : 'equal';
			phoneWeight = weight;
			phoneValue = p.e164;
		}
	}
	if (phoneOutcome) {
		t.add('phone', phoneOutcome, phoneWeight, phoneValue);
		if (phoneOutcome === 'equal') t.corroborated = true;
		else t.link('phone', phoneValue);
	} else {
		const aMobile = a.phones.find((p) => p.kind === 'mobile');
		const bMobile = aMobile && b.phones.find((p) => p.kind === 'mobile');
		if (aMobile && bMobile)
			t.add('phone', 'different', W.mobileDifferent, aMobile.e164, bMobile.e164);
	}

	// Telegram
	if (a.telegram.length && b.telegram.length) {
		const tg = intersectIn(a.telegram, a.telegramIds, b.telegram, b.telegramIds);
		if (tg) {
			t.add('telegram', 'equal', W.telegramEqual, tg);
			t.corroborated = true;
		} else t.add('telegram', 'different', W.telegramDifferent, a.telegram[0], b.telegram[0]);
	}

	// INN / OGRN
	if (a.personInn && b.personInn) {
		if (a.personInn === b.personInn) {
			t.add('inn', 'equal', W.personInnEqual, a.personInn);
			t.corroborated = true;
		} else {
			t.add('inn', 'different', W.personInnDifferent, a.personInn, b.personInn);
			t.conflict = true;
		}
	}
	if (a.orgInn && a.orgInn === b.orgInn) {
		t.add('inn', 'shared', W.orgInnEqual, a.orgInn);
		t.link('inn', a.orgInn);
	} else if (a.ogrn && a.ogrn === b.ogrn) {
		t.add('ogrn', 'shared', W.orgInnEqual, a.ogrn);
		t.link('inn', a.ogrn);
	}
	if (a.company && a.company === b.company) {
		t.add('company', 'shared', W.companyEqual, a.company);
		t.link('company', a.company);
	}

	// Date of birth
	let dobAgrees = false;
	if (a.dob && b.dob) {
		const d = dobOutcome(a.dob, b.dob);
		const o = d === 'year' ? 'different' : d;
		const weight =
			d === 'equal'
				? W.dobEqual
				: d === 'similar'
					? W.dobNear
					: d === 'year'
						? W.dobSameYear
						: W.dobDifferent;
		t.add('dob', o, weight, a.dob, o !== 'equal' ? b.dob : undefined);
		if (o !== 'different') t.corroborated = dobAgrees = true;
		else if (d === 'different' && generationApart(a.dob, b.dob)) t.against = true;
	}
	// Address, postcode, city
	if (a.address && b.address) {
		const o = textOutcome(a.address, b.address, ctx.words);
		t.add(
			'address',
			o,
			o === 'equal' ? W.addressEqual : o === 'similar' ? W.addressSimilar : W.addressDifferent,
		);
		if (o !== 'different') t.corroborated = true;
	}
	if (a.postcode && b.postcode) {
		const o =
			a.postcode === b.postcode
				? 'equal'
				: levenshtein(a.postcode, b.postcode) <= 1 || transposed(a.postcode, b.postcode)
					? 'similar'
					: 'different';
		const weight =
			o === 'equal' ? W.postcodeEqual : o === 'similar' ? W.postcodeSimilar : W.postcodeDifferent;
		t.add('postcode', o, weight, a.postcode, o !== 'equal' ? b.postcode : undefined);
		if (o === 'equal') t.corroborated = true;
	}
	if (a.city && b.city) {
		const o = outcomeOf(a.city, b.city, a.cityId, b.cityId, ctx.words);
		t.add(
			'city',
			o,
			o === 'equal' ? W.cityEqual : o === 'similar' ? W.citySimilar : W.cityDifferent,
		);
	}
	// What a family shares (e-mail, phone, address) cannot outvote a personal detail that disagrees
	// (father and son on one mobile, a couple on one mailbox): at most review, unless another personal
	// detail agrees (the date of birth, the personal INN).
	if (t.against && !dobAgrees && !(a.personInn && a.personInn === b.personInn))
		t.corroborated = false;
}
