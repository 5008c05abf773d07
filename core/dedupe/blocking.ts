import type { MatchView } from './views';
import { matchView } from './views';
import type { ContactRecord } from './record';

/**
 * Blocking keys: two contacts are compared only when they share at least one key, so cost grows
 * near-linearly with the batch. Keys are built from every identity (e-mail, its local part, phone,
 * Telegram, INN) and from names combined with a second field, so a typo in one field still leaves
 * another key in common. Name-only keys (isNameKey) are weak: a surname and an initial are shared
 * by many people, so clustering compares their large blocks by sorted neighbourhood; the full name
 * ("nf:") keeps every pair of contacts with the same first and last name.
 */
export function blockingKeys(r: ContactRecord): string[] {
	const keys: string[] = [];
	forEachBlockingKey(matchView(r), (kind, a, b) => keys.push(b === undefined ? `${kind}:${a}` : `${kind}:${a}|${b}`));
	return keys;
}

/** Kinds of blocking key; a key's text is "kind:a" or "kind:a|b" (b never holds "|"). */
export const KEY_KINDS = ['e', 'el', 'p', 't', 'i', 'n', 'nf', 'l', 'f', 'd', 'fy', 'ly', 'zf', 'zl', 'al', 'c'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

/**
 * Every blocking key of a contact (its view), in order, as its parts: blockingKeys() joins them
 * into text; clustering numbers the parts instead, so no key text is built for a batch. When the
 * view numbers its words (matchView with a WordMemo), a part's number is passed along (-1 when the
 * part has none: a slice, an initial, a date).
 */
export function forEachBlockingKey(v: MatchView, emit: (kind: KeyKind, a: string, b: string | undefined, aId: number, bId: number) => void): void {
	let count = 0;
	const key = (kind: KeyKind, a: string, b: string | undefined, aId: number, bId: number) => {
		count++;
		emit(kind, a, b, aId, bId);
	};
	for (let i = 0; i < v.emails.length; i++) {
		const e = v.emails[i];
		key('e', e, undefined, v.emailIds ? v.emailIds[i] : -1, -1);
		const local = e.slice(0, e.indexOf('@'));
		if (local.length >= 5) key('el', local, undefined, -1, -1);
	}
	for (let i = 0; i < v.phones.length; i++) key('p', v.phones[i].e164, undefined, v.phoneIds ? v.phoneIds[i] : -1, -1);
	for (let i = 0; i < v.telegram.length; i++) key('t', v.telegram[i], undefined, v.telegramIds ? v.telegramIds[i] : -1, -1);
	if (v.personInn) key('i', v.personInn, undefined, -1, -1);
	const n = v.name;
	const first = n?.first;
	const last = n?.last;
	const firstId = n ? n.firstId : -1;
	const lastId = n ? n.lastId : -1;
	const fi = first?.[0] ?? n?.firstInitial;
	if (last && fi) {
		key('n', last, fi, lastId, -1);
		if (first) {
			key('n', first, last[0], firstId, -1);
			key('nf', last, first, lastId, firstId);
		}
	} else if (last) key('l', last, undefined, lastId, -1);
	else if (first) key('f', first, undefined, firstId, -1);
	if (v.dob) {
		key('d', v.dob, undefined, -1, -1);
		if (first) key('fy', first, v.dob.slice(0, 4), firstId, -1);
		if (last) key('ly', last.slice(0, 3), v.dob.slice(0, 4), -1, -1);
	}
	if (v.postcode) {
		if (first) key('zf', v.postcode, first.slice(0, 2), -1, -1);
		if (last) key('zl', v.postcode, last.slice(0, 2), -1, -1);
	}
	if (v.address && last) key('al', v.address.split(' ').sort((x, y) => y.length - x.length)[0], last[0], -1, -1);
	if (!count && v.company) key('c', v.company, undefined, -1, -1);
}

/** A key made of a name alone (surname + initial, first name + surname initial, a lone name). */
export function isNameKey(key: string): boolean {
	return isNameKind(key.slice(0, key.indexOf(':')) as KeyKind);
}

export function isNameKind(kind: KeyKind): boolean {
	return kind === 'n' || kind === 'l' || kind === 'f';
}
