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

/** Two words are near when one typo apart (one edit or two swapped letters from 4 letters, two edits from 9). */
function nearWord(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.max(a.length, b.length) < 4 || Math.min(a.length, b.length) < 3) return false;
	if (transposed(a, b)) return true;
	return distance(a, b) <= (Math.min(a.length, b.length) >= 9 ? 2 : 1);
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

function ev(field: string, outcome: Evidence['outcome'], weight: number, value?: string, other?: string): Evidence {
	const e: Evidence = { field, outcome, weight };
	if (value !== undefined) e.value = value;
	if (other !== undefined) e.other = other;
	return e;
}

/** Compares two organisations field by field (see ORG_WEIGHTS). */
export function compareOrganisations(a: OrgRecord, b: OrgRecord, ctx: OrgCompareContext = {}): OrgComparison {
	const evidence: Evidence[] = [];
	let weight = 0;
	let corroborated = false;
	let conflict = false;
	let branch = false;
	const add = (e: Evidence, corroborates = false) => {
		evidence.push(e);
		weight += e.weight;
		if (corroborates) corroborated = true;
	};

	if (a.inn && b.inn) {
		if (a.inn === b.inn) {
			add(ev('inn', 'equal', ORG_WEIGHTS.innEqual, a.inn), true);
			if (a.kpp && b.kpp && a.kpp !== b.kpp) {
				branch = true;
				add(ev('kpp', 'different', 0, a.kpp, b.kpp));
			}
		} else {
			conflict = true;
			add(ev('inn', 'different', ORG_WEIGHTS.conflict, a.inn, b.inn));
		}
	}
	if (a.ogrn && b.ogrn) {
		if (a.ogrn === b.ogrn) add(ev('ogrn', 'equal', ORG_WEIGHTS.ogrnEqual, a.ogrn), true);
		else {
			conflict = true;
			add(ev('ogrn', 'different', ORG_WEIGHTS.conflict, a.ogrn, b.ogrn));
		}
	}

	let companyLink: OrgComparison['companyLink'];
	if (a.domains.length && b.domains.length) {
		const d = common(a.domains, b.domains);
		if (d) {
			if (conflict) companyLink = { via: 'domain', value: d };
			add(ev('domain', 'equal', ORG_WEIGHTS.domainEqual, d), true);
		} else add(ev('domain', 'different', ORG_WEIGHTS.domainDifferent, a.domains[0], b.domains[0]));
	}
	const mailbox = a.freeEmails.length && b.freeEmails.length ? common(a.freeEmails, b.freeEmails) : undefined;
	if (mailbox) add(ev('mailbox', 'equal', ORG_WEIGHTS.mailboxEqual, mailbox), true);

	if (a.soleTrader && b.soleTrader && a.trader && b.trader) {
		// Sole traders are people: surname and initials must agree.
		const ta = a.trader;
		const tb = b.trader;
		if (!nearWord(ta.last, tb.last) && ta.last !== tb.last) add(ev('name', 'different', ORG_WEIGHTS.nameDifferent, ta.last, tb.last));
		else if (!initialsAgree(ta.initials, tb.initials)) {
			conflict = true;
			add(ev('trader', 'different', ORG_WEIGHTS.conflict, `${ta.last} ${ta.initials}`, `${tb.last} ${tb.initials}`));
		} else if (a.name!.joined === b.name!.joined) add(ev('name', 'equal', ORG_WEIGHTS.nameEqual, a.name!.joined));
		else add(ev('name', 'similar', ORG_WEIGHTS.nameSimilar, `${ta.last} ${ta.initials}`, `${tb.last} ${tb.initials}`));
	} else if (a.name && b.name) {
		const o = compareLegalNames(a.name.words, b.name.words, a.name.joined, b.name.joined);
		if (o === 'equal') add(ev('name', 'equal', ORG_WEIGHTS.nameEqual, a.name.words.join(' ')));
		else if (o === 'similar') add(ev('name', 'similar', ORG_WEIGHTS.nameSimilar, a.name.words.join(' '), b.name.words.join(' ')));
		else if (o === 'extra') add(ev('name', 'different', ORG_WEIGHTS.nameExtraWords, a.name.words.join(' '), b.name.words.join(' ')));
		else add(ev('name', 'different', ORG_WEIGHTS.nameDifferent, a.name.words.join(' '), b.name.words.join(' ')));
		if (a.name.form && b.name.form && a.name.form !== b.name.form) add(ev('form', 'different', ORG_WEIGHTS.formDifferent, a.name.form, b.name.form));
	}
	if (a.soleTrader !== b.soleTrader && a.inn && b.inn) {
		// covered by the INN conflict; nothing more to add
	}
	if (a.name?.branch || b.name?.branch) branch = true;

	if (a.phones.length && b.phones.length) {
		const p = common(a.phones, b.phones);
		if (p) {
			if (ctx.sharedPhones?.has(p)) add(ev('phone', 'shared', ORG_WEIGHTS.phoneShared, p));
			else add(ev('phone', 'equal', ORG_WEIGHTS.phoneEqual, p), true);
		} else add(ev('phone', 'different', ORG_WEIGHTS.phoneDifferent, a.phones[0], b.phones[0]));
	}

	if (a.address && b.address) {
		const x = a.address;
		const y = b.address;
		const [short, long] = x.street.length <= y.street.length ? [x.street, y.street] : [y.street, x.street];
		const named = (ws: readonly string[]) => ws.filter((w) => w.length > 2);
		const shortNamed = named(short);
		const streetSame = shortNamed.length > 0 && shortNamed.every((w) => long.includes(w));
		const streetNear = !streetSame && shortNamed.length > 0 && shortNamed.every((w) => long.some((v) => nearWord(w, v)));
		if (x.house && y.house && x.house !== y.house) add(ev('address', 'different', ORG_WEIGHTS.houseDifferent, x.house, y.house));
		else if (streetSame && x.house && y.house) add(ev('address', 'equal', ORG_WEIGHTS.addressEqual, `${x.street.join(' ')} ${x.house}`), true);
		else if (streetNear && x.house && y.house) add(ev('address', 'similar', ORG_WEIGHTS.addressSimilar, `${x.street.join(' ')} ${x.house}`, `${y.street.join(' ')} ${y.house}`), true);
		else if (!streetSame && !streetNear) add(ev('address', 'different', ORG_WEIGHTS.streetDifferent, x.street.join(' '), y.street.join(' ')));
		if (x.office && y.office && (streetSame || streetNear) && x.house === y.house) {
			if (x.office === y.office) add(ev('office', 'equal', ORG_WEIGHTS.officeEqual, x.office));
			else add(ev('office', 'different', ORG_WEIGHTS.officeDifferent, x.office, y.office));
		}
	}
	if (a.city && b.city && !branch) {
		if (a.city === b.city) add(ev('city', 'equal', ORG_WEIGHTS.cityEqual, a.city));
		else add(ev('city', 'different', ORG_WEIGHTS.cityDifferent, a.city, b.city));
	}
	const out: OrgComparison = { weight: Math.round(weight * 100) / 100, evidence, corroborated, conflict, branch };
	if (companyLink) out.companyLink = companyLink;
	return out;
}
