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
	forEachBlockingKey(r, (kind, a, b) => keys.push(b === undefined ? `${kind}:${a}` : `${kind}:${a}|${b}`));
	return keys;
}

/** Kinds of blocking key; a key's text is "kind:a" or "kind:a|b" (b never holds "|"). */
export const KEY_KINDS = ['e', 'el', 'p', 't', 'i', 'n', 'nf', 'l', 'f', 'd', 'fy', 'ly', 'zf', 'zl', 'al', 'c'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

/**
 * Every blocking key of a contact, in order, as its parts: blockingKeys() joins them into text;
 * clustering numbers the parts instead, so no key text is built for a batch.
 */
export function forEachBlockingKey(r: ContactRecord, emit: (kind: KeyKind, a: string, b?: string) => void): void {
	let count = 0;
	const key = (kind: KeyKind, a: string, b?: string) => {
		count++;
		emit(kind, a, b);
	};
	for (const e of r.emails) {
		key('e', e);
		const local = e.slice(0, e.indexOf('@'));
		if (local.length >= 5) key('el', local);
	}
	for (const p of r.phones) key('p', p.e164);
	for (const t of r.telegram) key('t', t);
	if (r.personInn) key('i', r.personInn);
	const n = r.name;
	const first = n?.first;
	const last = n?.last;
	const fi = first?.[0] ?? n?.firstInitial;
	if (last && fi) {
		key('n', last, fi);
		if (first) {
			key('n', first, last[0]);
			key('nf', last, first);
		}
	} else if (last) key('l', last);
	else if (first) key('f', first);
	if (r.dob) {
		key('d', r.dob);
		if (first) key('fy', first, r.dob.slice(0, 4));
		if (last) key('ly', last.slice(0, 3), r.dob.slice(0, 4));
	}
	if (r.postcode) {
		if (first) key('zf', r.postcode, first.slice(0, 2));
		if (last) key('zl', r.postcode, last.slice(0, 2));
	}
	if (r.address && last) key('al', r.address.split(' ').sort((x, y) => y.length - x.length)[0], last[0]);
	if (!count && r.company) key('c', r.company);
}

/** A key made of a name alone (surname + initial, first name + surname initial, a lone name). */
export function isNameKey(key: string): boolean {
	return isNameKind(key.slice(0, key.indexOf(':')) as KeyKind);
}

export function isNameKind(kind: KeyKind): boolean {
	return kind === 'n' || kind === 'l' || kind === 'f';
}
