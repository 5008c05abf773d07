import type { PersonName } from '../text/names';
import type { ContactRecord } from './record';
import type { WordMemo } from './wordMemo';

/**
 * Fixed-shape views of a contact (MatchView, NameView) that the comparison and blocking read, with
 * the words numbered in the batch's WordMemo.
 */

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
