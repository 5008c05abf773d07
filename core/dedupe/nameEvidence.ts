import { isKnownFirstName } from '../text/diminutives';
import type { PersonName } from '../text/names';
import { editDistance } from './metrics';
import type { Evidence, Outcome } from './tally';
import { EvidenceTally } from './tally';
import type { NameView } from './views';
import { nameView } from './views';
import { LEVEL_WEIGHTS, WEIGHTS as W } from './weights';
import type { NameFrequencies, WordMemo } from './wordMemo';
import { outcomeOf, tfWeight } from './wordMemo';

/**
 * Name evidence of the contact comparison: first, last and middle names in both word orders (the
 * better reading wins), and whether two first names are clearly different given names.
 */

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
export function addNames(
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
		t.add('middleName', o, LEVEL_WEIGHTS.middleName[o], a.middle, o !== 'equal' ? b.middle : undefined);
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

/** Names in both word orders; the better reading wins (order swaps are common in forms). */
export function compareNames(a: PersonName, b: PersonName, tf?: NameFrequencies): Evidence[] {
	const t = new EvidenceTally();
	addNames(nameView(a), nameView(b), tf, undefined, t);
	return t.evidence();
}
