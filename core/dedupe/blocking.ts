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
	for (const e of r.emails) {
		keys.push(`e:${e}`);
		const local = e.slice(0, e.indexOf('@'));
		if (local.length >= 5) keys.push(`el:${local}`);
	}
	for (const p of r.phones) keys.push(`p:${p.e164}`);
	for (const t of r.telegram) keys.push(`t:${t}`);
	if (r.personInn) keys.push(`i:${r.personInn}`);
	const n = r.name;
	const first = n?.first;
	const last = n?.last;
	const fi = first?.[0] ?? n?.firstInitial;
	if (last && fi) {
		keys.push(`n:${last}|${fi}`);
		if (first) {
			keys.push(`n:${first}|${last[0]}`);
			keys.push(`nf:${last}|${first}`);
		}
	} else if (last) keys.push(`l:${last}`);
	else if (first) keys.push(`f:${first}`);
	if (r.dob) {
		keys.push(`d:${r.dob}`);
		if (first) keys.push(`fy:${first}|${r.dob.slice(0, 4)}`);
		if (last) keys.push(`ly:${last.slice(0, 3)}|${r.dob.slice(0, 4)}`);
	}
	if (r.postcode) {
		if (first) keys.push(`zf:${r.postcode}|${first.slice(0, 2)}`);
		if (last) keys.push(`zl:${r.postcode}|${last.slice(0, 2)}`);
	}
	if (r.address && last) keys.push(`al:${r.address.split(' ').sort((a, b) => b.length - a.length)[0]}|${last[0]}`);
	if (!keys.length && r.company) keys.push(`c:${r.company}`);
	return keys;
}

/** A key made of a name alone (surname + initial, first name + surname initial, a lone name). */
export function isNameKey(key: string): boolean {
	return key.startsWith('n:') || key.startsWith('l:') || key.startsWith('f:');
}
