/**
 * The comparison as first written (core/dedupe/compare.ts before the hot path was tuned), kept as
 * the specification the tuned code is tested against: same evidence, same order, same weights.
 */
import jaroWinkler from 'jaro-winkler';
import { distance as levenshtein } from 'fastest-levenshtein';

import type {
	Comparison,
	CompareContext,
	Evidence,
	NameFrequencies,
} from '../../../core/dedupe/compare';
// Nothing but types and the weight table is read from the code under test: the free-mail list, the
// term-frequency weight and the date-of-birth and transposition tests are written out here again.
import type { ContactRecord } from '../../../core/dedupe/record';
import { WEIGHTS as W } from '../../../core/dedupe/weights';
import { isKnownFirstName } from '../../../core/text/diminutives';
import type { PersonName } from '../../../core/text/names';

/** Public mailbox providers (written out again: the domain says nothing about the person). */
const FREE_MAIL = new Set(
	'gmail.com yandex.ru mail.ru bk.ru inbox.ru list.ru internet.ru rambler.ru outlook.com yahoo.com icloud.com proton.me aol.com gmx.de gmx.com ukr.net qq.com 163.com'.split(
		' ',
	),
);

/** Agreeing on a name word: log2(0.95 / its share of the batch), within [base − 3, base + 2]; base below 200 records. */
function tfWeight(base: number, value: string, tf?: NameFrequencies): number {
	if (!tf || tf.total < 200) return base;
	const share = (tf.counts.get(value) ?? 1) / tf.total;
	const w = Math.log2(0.95 / share);
	return Math.round(Math.min(base + 2, Math.max(base - 3, w)) * 100) / 100;
}

/** Dates of birth (YYYYMMDD): equal; similar (day/month swapped, one digit, adjacent swap); same year; different. */
function dobOutcome(a: string, b: string): 'equal' | 'similar' | 'year' | 'different' {
	if (a === b) return 'equal';
	if (a.length !== 8 || b.length !== 8) return 'different';
	const [ya, ma, da] = [a.slice(0, 4), a.slice(4, 6), a.slice(6)];
	const [yb, mb, db] = [b.slice(0, 4), b.slice(4, 6), b.slice(6)];
	if (ya === yb && ma === db && da === mb) return 'similar';
	const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
	if (diff.length === 1) return 'similar';
	if (diff.length === 2 && diff[1] === diff[0] + 1 && transposed(a, b)) return 'similar';
	return ya === yb ? 'year' : 'different';
}

/** Exactly two adjacent characters swapped, the rest equal. */
function transposed(a: string, b: string): boolean {
	if (a.length !== b.length || a === b) return false;
	for (let i = 0; i + 1 < a.length; i++) {
		const swapped = a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2);
		if (a[i] !== a[i + 1] && swapped === b) return true;
	}
	return false;
}

/** Consonant outline: first letter kept, later vowels dropped ("alan", "allen", "alen" → "aln"). */
function consonants(word: string): string {
	return word.charAt(0) + word.slice(1).replace(/[aeiouy]/g, '');
}

/**
 * equal: same skeleton; similar: one is a prefix of the other (4+ letters), Jaro-Winkler ≥ 0.92,
 * one edit apart (4+ letters), or the same consonant outline (3+ consonants); different otherwise.
 */
export function referenceWordOutcome(a: string, b: string): 'equal' | 'similar' | 'different' {
	if (a === b) return 'equal';
	const min = Math.min(a.length, b.length);
	if (min >= 3 && (a.startsWith(b) || b.startsWith(a))) return 'similar';
	if (jaroWinkler(a, b) >= 0.92) return 'similar';
	if (min >= 4 && levenshtein(a, b) <= 1) return 'similar';
	const ca = consonants(a);
	if (ca.length >= 3 && ca === consonants(b)) return 'similar';
	return 'different';
}

function firstPart(
	a: PersonName,
	aFirst: string | undefined,
	bFirst: string | undefined,
	bName: PersonName,
	tf?: NameFrequencies,
): Evidence | undefined {
	if (aFirst && bFirst) {
		const o = referenceWordOutcome(aFirst, bFirst);
		const weight =
			o === 'equal'
				? tfWeight(W.firstEqual, aFirst, tf)
				: o === 'similar'
					? W.firstSimilar
					: W.firstDifferent;
		return {
			field: 'firstName',
			outcome: o,
			weight,
			value: aFirst,
			...(o !== 'equal' ? { other: bFirst } : {}),
		};
	}
	const ai = aFirst ? aFirst[0] : a.firstInitial;
	const bi = bFirst ? bFirst[0] : bName.firstInitial;
	if (ai && bi) {
		return ai === bi
			? { field: 'firstName', outcome: 'initial', weight: W.firstInitial, value: ai }
			: {
					field: 'firstName',
					outcome: 'different',
					weight: W.firstDifferent / 2,
					value: ai,
					other: bi,
				};
	}
	return undefined;
}

function lastPart(
	aLast: string | undefined,
	bLast: string | undefined,
	tf?: NameFrequencies,
): Evidence | undefined {
	if (!aLast || !bLast) return undefined;
	const o = referenceWordOutcome(aLast, bLast);
	const weight =
		o === 'equal'
			? tfWeight(W.lastEqual, aLast, tf)
			: o === 'similar'
				? W.lastSimilar
				: W.lastDifferent;
	return {
		field: 'lastName',
		outcome: o,
		weight,
		value: aLast,
		...(o !== 'equal' ? { other: bLast } : {}),
	};
}

/** Names in both word orders; the better reading wins (order swaps are common in forms). */
function compareNames(a: PersonName, b: PersonName, tf?: NameFrequencies): Evidence[] {
	const straight = [firstPart(a, a.first, b.first, b, tf), lastPart(a.last, b.last, tf)].filter(
		Boolean,
	) as Evidence[];
	let best = straight;
	let swappedChosen = false;
	const swapped = [firstPart(a, a.first, b.last, b, tf), lastPart(a.last, b.first, tf)].filter(
		Boolean,
	) as Evidence[];
	if (swapped.length && a.first !== b.first) {
		const penalty = a.orderUnknown || b.orderUnknown ? 0 : W.swappedOrder;
		const sum = (e: Evidence[]) => e.reduce((s, x) => s + x.weight, 0);
		if (sum(swapped) + penalty > sum(straight)) {
			best = [...swapped, { field: 'nameOrder', outcome: 'different', weight: penalty }];
			swappedChosen = true;
		}
	}
	if (a.middle && b.middle) {
		const o = referenceWordOutcome(a.middle, b.middle);
		const weight =
			o === 'equal' ? W.middleEqual : o === 'similar' ? W.middleSimilar : W.middleDifferent;
		best.push({
			field: 'middleName',
			outcome: o,
			weight,
			value: a.middle,
			...(o !== 'equal' ? { other: b.middle } : {}),
		});
	}
	// Kept on the array for the caller: a different patronymic, or a clearly different first name
	// (not a typo, initial or short form) in the straight reading.
	(best as Evidence[] & { against?: boolean }).against =
		best.some((e) => e.field === 'middleName' && e.outcome === 'different') ||
		(!swappedChosen &&
			best.some((e) => e.field === 'firstName' && e.outcome === 'different') &&
			referenceDistinctNames(a, b));
	return best;
}

/** Restricted Damerau-Levenshtein (optimal string alignment), the textbook full table. */
function referenceOsa(s: string, t: string): number {
	const d: number[][] = [];
	for (let i = 0; i <= s.length; i++) {
		d.push([]);
		for (let j = 0; j <= t.length; j++) {
			if (i === 0 || j === 0) {
				d[i].push(i + j);
				continue;
			}
			const sub = d[i - 1][j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1);
			let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, sub);
			if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
				v = Math.min(v, d[i - 2][j - 2] + 1);
			d[i].push(v);
		}
	}
	return d[s.length][t.length];
}

/**
 * The rule as docs/nodes/DedupeContact.md states it: a differing initial is a different name; one
 * letter or a prefix (as written or as skeletons) is an initial or short form; otherwise a typo
 * (≤ 1 edit, ≤ 2 when the longer name has 5+ letters) unless both are names in the table.
 */
function referenceDistinctNames(a: PersonName, b: PersonName): boolean {
	if (!a.first || !b.first) return true;
	const pairs: Array<[string, string]> = [
		[a.firstWritten || a.first, b.firstWritten || b.first],
		[a.first, b.first],
	];
	for (const [x, y] of pairs)
		if (Math.min(x.length, y.length) < 2 || x.startsWith(y) || y.startsWith(x)) return false;
	const [x, y] = pairs[0];
	if (isKnownFirstName(x) && isKnownFirstName(y)) return true;
	return referenceOsa(x, y) > (Math.max(x.length, y.length) >= 5 ? 2 : 1);
}

/** True when the names agree or cannot be told apart (no first-name or last-name conflict). */
function namesConflict(names: Evidence[]): boolean {
	return names.some(
		(e) => e.outcome === 'different' && (e.field === 'firstName' || e.field === 'lastName'),
	);
}

function textOutcome(a: string, b: string): 'equal' | 'similar' | 'different' {
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
				(!/\d/.test(x) &&
					x.length >= 4 &&
					y.length >= 4 &&
					referenceWordOutcome(x, y) !== 'different'),
		);
		if (hit) common++;
	}
	return common / Math.max(ta.length, tb.length) >= 0.6 ? 'similar' : 'different';
}

/** Public mailbox providers: the domain says nothing about the person. */
/** What is left of a and b between their common start and common end holds a digit. */
function differInDigit(a: string, b: string): boolean {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let end = 0;
	while (
		end < a.length - start &&
		end < b.length - start &&
		a[a.length - 1 - end] === b[b.length - 1 - end]
	)
		end++;
	return /\d/.test(a.slice(start, a.length - end)) || /\d/.test(b.slice(start, b.length - end));
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
export function referenceCompareContacts(
	a: ContactRecord,
	b: ContactRecord,
	ctx: CompareContext = {},
): Comparison {
	const evidence: Evidence[] = [];
	let corroborated = false;
	let conflict = false;
	let companyLink: Comparison['companyLink'];

	const names = a.name && b.name ? compareNames(a.name, b.name, ctx.nameFrequencies) : [];
	const nameConflict = namesConflict(names);
	let against = (names as Evidence[] & { against?: boolean }).against === true;
	evidence.push(...names);

	// E-mail
	const email = intersect(a.emails, b.emails);
	if (email) {
		evidence.push({ field: 'email', outcome: 'equal', weight: W.emailEqual, value: email });
		corroborated = true;
	} else if (a.emails.length && b.emails.length) {
		let similar: Evidence | undefined;
		for (const x of a.emails)
			for (const y of b.emails) {
				const [xl, xd] = x.split('@');
				const [yl, yd] = y.split('@');
				// Typos, not look-alikes: on free-mail domains many people share a name-based login
				// (ivan.petrov5@ vs ivan.petrov23@), so only one edit counts there.
				// Logins that differ in a digit (changed, added or dropped) are different accounts.
				if (differInDigit(xl, yl)) continue;
				const free = FREE_MAIL.has(xd);
				const typo = free
					? xl.length >= 6 && xd === yd && levenshtein(xl, yl) <= 1
					: x.length >= 10 && levenshtein(x, y) <= 2;
				const alike = !free && xd === yd && xl.length >= 4 && jaroWinkler(xl, yl) >= 0.9;
				if (!similar && (typo || alike)) {
					similar = {
						field: 'email',
						outcome: 'similar',
						weight: W.emailSimilar,
						value: x,
						other: y,
					};
				}
			}
		evidence.push(
			similar ?? {
				field: 'email',
				outcome: 'different',
				weight: W.emailDifferent,
				value: a.emails[0],
				other: b.emails[0],
			},
		);
		if (similar) corroborated = true;
	}
	const role = intersect(a.roleEmails, b.roleEmails);
	if (role) {
		evidence.push({ field: 'email', outcome: 'shared', weight: W.roleEmailEqual, value: role });
		companyLink ??= { via: 'email', value: role };
	}

	// Phones (WhatsApp numbers included)
	const bPhones = new Map(b.phones.map((p) => [p.e164, p.kind]));
	let phoneEv: Evidence | undefined;
	for (const p of a.phones) {
		const other = bPhones.get(p.e164);
		if (!other) continue;
		const shared =
			p.kind === 'shared' || other === 'shared' || ctx.sharedPhones?.has(p.e164) || nameConflict;
		const ev: Evidence = shared
			? { field: 'phone', outcome: 'shared', weight: W.sharedPhone, value: p.e164 }
			: {
					field: 'phone',
					outcome: 'equal',
					weight: p.kind === 'mobile' && other === 'mobile' ? W.mobileEqual : W.landlineEqual,
					value: p.e164,
				};
		if (!phoneEv || ev.weight > phoneEv.weight) phoneEv = ev;
	}
	if (phoneEv) {
		evidence.push(phoneEv);
		if (phoneEv.outcome === 'equal') corroborated = true;
		else companyLink ??= { via: 'phone', value: phoneEv.value! };
	} else {
		const aMobile = a.phones.find((p) => p.kind === 'mobile');
		const bMobile = b.phones.find((p) => p.kind === 'mobile');
		if (aMobile && bMobile) {
			evidence.push({
				field: 'phone',
				outcome: 'different',
				weight: W.mobileDifferent,
				value: aMobile.e164,
				other: bMobile.e164,
			});
		}
	}

	// Telegram
	if (a.telegram.length && b.telegram.length) {
		const t = intersect(a.telegram, b.telegram);
		if (t) {
			evidence.push({ field: 'telegram', outcome: 'equal', weight: W.telegramEqual, value: t });
			corroborated = true;
		} else
			evidence.push({
				field: 'telegram',
				outcome: 'different',
				weight: W.telegramDifferent,
				value: a.telegram[0],
				other: b.telegram[0],
			});
	}

	// INN / OGRN
	if (a.personInn && b.personInn) {
		if (a.personInn === b.personInn) {
			evidence.push({
				field: 'inn',
				outcome: 'equal',
				weight: W.personInnEqual,
				value: a.personInn,
			});
			corroborated = true;
		} else {
			evidence.push({
				field: 'inn',
				outcome: 'different',
				weight: W.personInnDifferent,
				value: a.personInn,
				other: b.personInn,
			});
			conflict = true;
		}
	}
	if (a.orgInn && a.orgInn === b.orgInn) {
		evidence.push({ field: 'inn', outcome: 'shared', weight: W.orgInnEqual, value: a.orgInn });
		companyLink ??= { via: 'inn', value: a.orgInn };
	} else if (a.ogrn && a.ogrn === b.ogrn) {
		evidence.push({ field: 'ogrn', outcome: 'shared', weight: W.orgInnEqual, value: a.ogrn });
		companyLink ??= { via: 'inn', value: a.ogrn };
	}
	if (a.company && a.company === b.company) {
		evidence.push({
			field: 'company',
			outcome: 'shared',
			weight: W.companyEqual,
			value: a.company,
		});
		companyLink ??= { via: 'company', value: a.company };
	}

	// Date of birth
	let dobAgrees = false;
	if (a.dob && b.dob) {
		const d = dobOutcome(a.dob, b.dob);
		const o = d === 'year' ? 'different' : d;
		evidence.push({
			field: 'dob',
			outcome: o,
			weight:
				d === 'equal'
					? W.dobEqual
					: d === 'similar'
						? W.dobNear
						: d === 'year'
							? W.dobSameYear
							: W.dobDifferent,
			value: a.dob,
			...(o !== 'equal' ? { other: b.dob } : {}),
		});
		if (o !== 'different') corroborated = dobAgrees = true;
		else if (d === 'different' && Math.abs(Number(a.dob.slice(0, 4)) - Number(b.dob.slice(0, 4))) >= 15)
			against = true;
	}
	// Address, postcode, city
	if (a.address && b.address) {
		const o = textOutcome(a.address, b.address);
		evidence.push({
			field: 'address',
			outcome: o,
			weight:
				o === 'equal' ? W.addressEqual : o === 'similar' ? W.addressSimilar : W.addressDifferent,
		});
		if (o !== 'different') corroborated = true;
	}
	if (a.postcode && b.postcode) {
		const o =
			a.postcode === b.postcode
				? 'equal'
				: levenshtein(a.postcode, b.postcode) <= 1 || transposed(a.postcode, b.postcode)
					? 'similar'
					: 'different';
		evidence.push({
			field: 'postcode',
			outcome: o,
			weight:
				o === 'equal' ? W.postcodeEqual : o === 'similar' ? W.postcodeSimilar : W.postcodeDifferent,
			value: a.postcode,
			...(o !== 'equal' ? { other: b.postcode } : {}),
		});
		if (o === 'equal') corroborated = true;
	}
	if (a.city && b.city) {
		const o = referenceWordOutcome(a.city, b.city);
		evidence.push({
			field: 'city',
			outcome: o,
			weight: o === 'equal' ? W.cityEqual : o === 'similar' ? W.citySimilar : W.cityDifferent,
		});
	}

	// A personal detail that disagrees is outvoted only by another that agrees (date of birth, personal INN).
	if (against && !dobAgrees && !(a.personInn && a.personInn === b.personInn)) corroborated = false;
	const weight = Math.round(evidence.reduce((s, e) => s + e.weight, 0) * 100) / 100;
	const result: Comparison = { weight, evidence, corroborated, conflict };
	// A company link is reported only when the two are not the same person.
	if (companyLink) result.companyLink = companyLink;
	return result;
}
