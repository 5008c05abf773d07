import { distance } from 'fastest-levenshtein';

import type { Evidence } from '../compare';
import { transposed } from '../compare';
import type { OrgRecord } from './record';

/**
 * Organisation evidence weights, in bits (log2 of how much more likely the observation is for the
 * same legal entity than for two different ones), set by reasoning about company data, never fitted
 * to an evaluation file. Documented in docs/nodes/DedupeContact.md ("Organisations").
 */
export const ORG_WEIGHTS = {
	innEqual: 20,
	ogrnEqual: 20,
	domainEqual: 9,
	domainDifferent: -2,
	mailboxEqual: 8,
	nameEqual: 9,
	nameSimilar: 6,
	nameExtraWords: -3,
	nameDifferent: -8,
	formDifferent: -2,
	phoneEqual: 7.5,
	phoneShared: 1,
	phoneDifferent: -1,
	addressEqual: 5,
	addressSimilar: 3,
	officeEqual: 2,
	officeDifferent: -6,
	houseDifferent: -3,
	streetDifferent: -1,
	cityEqual: 0.5,
	cityDifferent: -1,
	/** A fact that rules out one legal entity: different INN / OGRN, another sole trader. */
	conflict: -30,
} as const;

export interface OrgComparison {
	weight: number;
	evidence: Evidence[];
	/** Something besides the name agrees (INN, OGRN, company domain, mailbox, phone, address). */
	corroborated: boolean;
	/** Different INN or OGRN, or two sole traders with different initials: never the same entity. */
	conflict: boolean;
	/** Same INN with another KPP, or a branch note in the name: the same entity, reported as a branch. */
	branch: boolean;
	/** Same company domain but different INN (a holding and its subsidiary): a link, never a merge. */
	companyLink?: { via: 'domain'; value: string };
}

export interface OrgCompareContext {
	/** Phone keys used by several different organisations in the batch (a business centre's switchboard). */
	sharedPhones?: ReadonlySet<string>;
}

function common(a: readonly string[], b: readonly string[]): string | undefined {
	for (const x of a) if (b.includes(x)) return x;
	return undefined;
}

/** Two words are near when one typo apart (one edit or two swapped letters from 4 letters, two edits from 7). */
function nearWord(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.max(a.length, b.length) < 4 || Math.min(a.length, b.length) < 3) return false;
	if (transposed(a, b)) return true;
	return distance(a, b) <= (Math.min(a.length, b.length) >= 7 ? 2 : 1);
}

export type NameOutcome = 'equal' | 'similar' | 'extra' | 'different';

/**
 * Legal names compared word by word: equal when the words (or the words run together: СтройМонтаж =
 * Stroy Montazh) are equal; similar when the same number of words each match up to a typo; extra
 * when one name is the other plus distinctive words ("Альфа Трейд" vs "Альфа Трейд Плюс");
 * different otherwise.
 */
export function compareLegalNames(a: readonly string[], b: readonly string[], joinedA: string, joinedB: string): NameOutcome {
	if (joinedA === joinedB) return 'equal';
	if (a.length === b.length) {
		let ok = true;
		for (let i = 0; i < a.length && ok; i++) ok = nearWord(a[i], b[i]);
		if (ok) return 'similar';
	}
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	if (short.length < long.length && short.every((w) => long.includes(w))) return 'extra';
	if (a.length !== b.length && Math.min(joinedA.length, joinedB.length) >= 8 && distance(joinedA, joinedB) <= 1) return 'similar';
	return 'different';
}

/** Initials compatible: every position both have agrees ("ip" vs "i" yes, "ip" vs "sa" no). */
function initialsAgree(a: string, b: string): boolean {
	for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return false;
	return true;
}

/** Running sum of evidence; the evidence list itself only when asked for (clustering scores first). */
class Tally {
	weight = 0;
	corroborated = false;
	conflict = false;
	branch = false;
	readonly evidence: Evidence[] | undefined;

	constructor(withEvidence: boolean) {
		this.evidence = withEvidence ? [] : undefined;
	}

	add(field: string, outcome: Evidence['outcome'], weight: number, corroborates: boolean, value?: string, other?: string): void {
		this.weight += weight;
		if (corroborates) this.corroborated = true;
		if (!this.evidence) return;
		const e: Evidence = { field, outcome, weight };
		if (value !== undefined) e.value = value;
		if (other !== undefined) e.other = other;
		this.evidence.push(e);
	}
}

function streetWordsNamed(ws: readonly string[]): string[] {
	const out: string[] = [];
	for (const w of ws) if (w.length > 2) out.push(w);
	return out;
}

function containsAll(short: readonly string[], long: readonly string[]): boolean {
	for (const w of short) if (!long.includes(w)) return false;
	return true;
}

function nearAll(short: readonly string[], long: readonly string[]): boolean {
	for (const w of short) {
		let hit = false;
		for (const v of long) if (nearWord(w, v)) { hit = true; break; }
		if (!hit) return false;
	}
	return true;
}

/**
 * Compares two organisations field by field (see ORG_WEIGHTS). With withEvidence false only the
 * weight and flags are computed (clustering compares every candidate pair that way, then asks for
 * the evidence of the links it keeps).
 */
export function compareOrganisations(a: OrgRecord, b: OrgRecord, ctx: OrgCompareContext = {}, withEvidence = true): OrgComparison {
	const t = new Tally(withEvidence);
	const on = withEvidence;
	if (a.inn && b.inn) {
		if (a.inn === b.inn) {
			t.add('inn', 'equal', ORG_WEIGHTS.innEqual, true, a.inn);
			if (a.kpp && b.kpp && a.kpp !== b.kpp) {
				t.branch = true;
				t.add('kpp', 'different', 0, false, a.kpp, b.kpp);
			}
		} else {
			t.conflict = true;
			t.add('inn', 'different', ORG_WEIGHTS.conflict, false, a.inn, b.inn);
		}
	}
	if (a.ogrn && b.ogrn) {
		if (a.ogrn === b.ogrn) t.add('ogrn', 'equal', ORG_WEIGHTS.ogrnEqual, true, a.ogrn);
		else {
			t.conflict = true;
			t.add('ogrn', 'different', ORG_WEIGHTS.conflict, false, a.ogrn, b.ogrn);
		}
	}

	let companyLink: OrgComparison['companyLink'];
	if (a.domains.length && b.domains.length) {
		const d = common(a.domains, b.domains);
		if (d) {
			if (t.conflict) companyLink = { via: 'domain', value: d };
			t.add('domain', 'equal', ORG_WEIGHTS.domainEqual, true, d);
		} else t.add('domain', 'different', ORG_WEIGHTS.domainDifferent, false, a.domains[0], b.domains[0]);
	}
	if (a.freeEmails.length && b.freeEmails.length) {
		const mailbox = common(a.freeEmails, b.freeEmails);
		if (mailbox) t.add('mailbox', 'equal', ORG_WEIGHTS.mailboxEqual, true, mailbox);
	}

	if (a.soleTrader && b.soleTrader && a.trader && b.trader) {
		// Sole traders are people: surname and initials must agree.
		const ta = a.trader;
		const tb = b.trader;
		const pa = on ? `${ta.last} ${ta.initials}` : undefined;
		const pb = on ? `${tb.last} ${tb.initials}` : undefined;
		if (!nearWord(ta.last, tb.last)) t.add('name', 'different', ORG_WEIGHTS.nameDifferent, false, pa, pb);
		else if (!initialsAgree(ta.initials, tb.initials)) {
			t.conflict = true;
			t.add('trader', 'different', ORG_WEIGHTS.conflict, false, pa, pb);
		} else if (a.name!.joined === b.name!.joined) t.add('name', 'equal', ORG_WEIGHTS.nameEqual, false, a.name!.joined);
		else t.add('name', 'similar', ORG_WEIGHTS.nameSimilar, false, pa, pb);
	} else if (a.name && b.name) {
		const o = compareLegalNames(a.name.words, b.name.words, a.name.joined, b.name.joined);
		const va = on ? a.name.words.join(' ') : undefined;
		const vb = on ? b.name.words.join(' ') : undefined;
		if (o === 'equal') t.add('name', 'equal', ORG_WEIGHTS.nameEqual, false, va);
		else if (o === 'similar') t.add('name', 'similar', ORG_WEIGHTS.nameSimilar, false, va, vb);
		else if (o === 'extra') t.add('name', 'different', ORG_WEIGHTS.nameExtraWords, false, va, vb);
		else t.add('name', 'different', ORG_WEIGHTS.nameDifferent, false, va, vb);
		if (a.name.form && b.name.form && a.name.form !== b.name.form) t.add('form', 'different', ORG_WEIGHTS.formDifferent, false, a.name.form, b.name.form);
	}
	if (a.name?.branch || b.name?.branch) t.branch = true;

	if (a.phones.length && b.phones.length) {
		const p = common(a.phones, b.phones);
		if (p) {
			if (ctx.sharedPhones?.has(p)) t.add('phone', 'shared', ORG_WEIGHTS.phoneShared, false, p);
			else t.add('phone', 'equal', ORG_WEIGHTS.phoneEqual, true, p);
		} else t.add('phone', 'different', ORG_WEIGHTS.phoneDifferent, false, a.phones[0], b.phones[0]);
	}

	if (a.address && b.address) {
		const x = a.address;
		const y = b.address;
		const xShort = x.street.length <= y.street.length;
		const short = xShort ? x.street : y.street;
		const long = xShort ? y.street : x.street;
		const shortNamed = streetWordsNamed(short);
		const streetSame = shortNamed.length > 0 && containsAll(shortNamed, long);
		const streetNear = !streetSame && shortNamed.length > 0 && nearAll(shortNamed, long);
		if (x.house && y.house && x.house !== y.house) t.add('address', 'different', ORG_WEIGHTS.houseDifferent, false, x.house, y.house);
		else if (streetSame && x.house && y.house) t.add('address', 'equal', ORG_WEIGHTS.addressEqual, true, on ? `${x.street.join(' ')} ${x.house}` : undefined);
		else if (streetNear && x.house && y.house)
			t.add('address', 'similar', ORG_WEIGHTS.addressSimilar, true, on ? `${x.street.join(' ')} ${x.house}` : undefined, on ? `${y.street.join(' ')} ${y.house}` : undefined);
		else if (!streetSame && !streetNear) t.add('address', 'different', ORG_WEIGHTS.streetDifferent, false, on ? x.street.join(' ') : undefined, on ? y.street.join(' ') : undefined);
		if (x.office && y.office && (streetSame || streetNear) && x.house === y.house) {
			if (x.office === y.office) t.add('office', 'equal', ORG_WEIGHTS.officeEqual, false, x.office);
			else t.add('office', 'different', ORG_WEIGHTS.officeDifferent, false, x.office, y.office);
		}
	}
	if (a.city && b.city && !t.branch) {
		if (a.city === b.city) t.add('city', 'equal', ORG_WEIGHTS.cityEqual, false, a.city);
		else t.add('city', 'different', ORG_WEIGHTS.cityDifferent, false, a.city, b.city);
	}
	const out: OrgComparison = {
		weight: Math.round(t.weight * 100) / 100,
		evidence: t.evidence ?? [],
		corroborated: t.corroborated,
		conflict: t.conflict,
		branch: t.branch,
	};
	if (companyLink) out.companyLink = companyLink;
	return out;
}
