import jaroWinkler from 'jaro-winkler';
import { distance as levenshtein } from 'fastest-levenshtein';

import { FREE_MAIL } from './freeMail';
import { dobOutcome, generationApart, loginsDifferInDigit, transposed } from './metrics';
import { addNames } from './nameEvidence';
import type { ContactRecord } from './record';
import type { Comparison } from './tally';
import { EvidenceTally } from './tally';
import type { MatchView } from './views';
import { matchView } from './views';
import { LEVEL_WEIGHTS, WEIGHTS as W } from './weights';
import type { NameFrequencies, WordMemo } from './wordMemo';
import { outcomeOf } from './wordMemo';

// The comparison's parts, under the names callers have always imported from here.
export type { WordOutcome } from './metrics';
export {
	dobOutcome,
	generationApart,
	GENERATION_YEARS,
	loginsDifferInDigit,
	transposed,
	wordOutcome,
} from './metrics';
export { compareNames, distinctGivenNames } from './nameEvidence';
export type { Comparison, Evidence, Outcome } from './tally';
export { EvidenceTally } from './tally';
export type { MatchView, NameView } from './views';
export { matchView, nameView } from './views';
export type { NameFrequencies } from './wordMemo';
export { TF_MIN_BATCH, tfWeight, WordMemo } from './wordMemo';

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
 * compareContacts on views (matchView), into a tally (reset first): the same evidence in the same
 * order, without building objects until the caller asks for the Comparison. Field by field: names,
 * e-mails, phones, Telegram, identifiers (INN, OGRN, company), date of birth, place.
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
	tallyEmails(a, b, t);
	tallyPhones(a, b, ctx, nameConflict, t);
	tallyTelegram(a, b, t);
	tallyIdentifiers(a, b, t);
	const dobAgrees = tallyDob(a, b, t);
	tallyPlace(a, b, ctx, t);
	// What a family shares (e-mail, phone, address) cannot outvote a personal detail that disagrees
	// (father and son on one mobile, a couple on one mailbox): at most review, unless another personal
	// detail agrees (the date of birth, the personal INN).
	if (t.against && !dobAgrees && !(a.personInn && a.personInn === b.personInn))
		t.corroborated = false;
}

/** Personal e-mails (equal, similar or different), then a shared role mailbox (a company link). */
function tallyEmails(a: MatchView, b: MatchView, t: EvidenceTally): void {
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
}

/**
 * Phones (WhatsApp numbers included): the strongest shared phone; a phone is only shared (a company
 * link) when it is a switchboard, used by several names in the batch, or the names conflict.
 */
function tallyPhones(
	a: MatchView,
	b: MatchView,
	ctx: CompareContext,
	nameConflict: boolean,
	t: EvidenceTally,
): void {
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
}

function tallyTelegram(a: MatchView, b: MatchView, t: EvidenceTally): void {
	if (!a.telegram.length || !b.telegram.length) return;
	const tg = intersectIn(a.telegram, a.telegramIds, b.telegram, b.telegramIds);
	if (tg) {
		t.add('telegram', 'equal', W.telegramEqual, tg);
		t.corroborated = true;
	} else t.add('telegram', 'different', W.telegramDifferent, a.telegram[0], b.telegram[0]);
}

/** The personal INN (equal, or a conflict), then what only links a company: organisation INN or OGRN, company name. */
function tallyIdentifiers(a: MatchView, b: MatchView, t: EvidenceTally): void {
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
}

/** The date of birth; true when it agrees (equal or a typo of one date). */
function tallyDob(a: MatchView, b: MatchView, t: EvidenceTally): boolean {
	if (!a.dob || !b.dob) return false;
	const d = dobOutcome(a.dob, b.dob);
	const o = d === 'year' ? 'different' : d;
	t.add('dob', o, LEVEL_WEIGHTS.dob[d], a.dob, o !== 'equal' ? b.dob : undefined);
	if (o !== 'different') {
		t.corroborated = true;
		return true;
	}
	if (d === 'different' && generationApart(a.dob, b.dob)) t.against = true;
	return false;
}

/** Address, postcode, city. */
function tallyPlace(a: MatchView, b: MatchView, ctx: CompareContext, t: EvidenceTally): void {
	if (a.address && b.address) {
		const o = textOutcome(a.address, b.address, ctx.words);
		t.add('address', o, LEVEL_WEIGHTS.address[o]);
		if (o !== 'different') t.corroborated = true;
	}
	if (a.postcode && b.postcode) {
		const o =
			a.postcode === b.postcode
				? 'equal'
				: levenshtein(a.postcode, b.postcode) <= 1 || transposed(a.postcode, b.postcode)
					? 'similar'
					: 'different';
		t.add('postcode', o, LEVEL_WEIGHTS.postcode[o], a.postcode, o !== 'equal' ? b.postcode : undefined);
		if (o === 'equal') t.corroborated = true;
	}
	if (a.city && b.city) {
		const o = outcomeOf(a.city, b.city, a.cityId, b.cityId, ctx.words);
		t.add('city', o, LEVEL_WEIGHTS.city[o]);
	}
}
