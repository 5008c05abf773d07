import { z } from 'zod';

import table from './data/diminutives.json';
import { skeleton } from './fold';

/** data/diminutives.json: full name → its forms, in a Russian and an English section, checked when the module loads. */
const names = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));
const tableSchema = z.object({ russian: names, english: names }).strict();

/**
 * Common diminutives and short forms → full first name (data/diminutives.json). Documented in
 * docs/nodes/DedupeContact.md.
 * Written as people write them; looked up by phonetic skeleton, so Latin spellings of the Russian
 * forms (Sasha, Sacha, Lena) work too. Only unambiguous-enough, widely used forms are listed: a
 * diminutive shared by a male and a female name maps to the male form, and the comparison treats
 * the pair "Aleksandr"/"Aleksandra" as similar, not equal.
 */
export const DIMINUTIVES: Readonly<Record<string, readonly string[]>> = (() => {
	const sections = tableSchema.parse(table);
	return { ...sections.russian, ...sections.english };
})();

/** Skeleton of a form → skeleton of the full name (built once from the constant table, never mutated). */
const CANONICAL: ReadonlyMap<string, string> = (() => {
	const map = new Map<string, string>();
	for (const [full, forms] of Object.entries(DIMINUTIVES)) {
		const target = skeleton(full);
		for (const form of forms) {
			const key = skeleton(form);
			if (!map.has(key)) map.set(key, target);
		}
	}
	return map;
})();

/** Full-name skeleton for a first name in any script ("Саша", "Sasha" → "aleksandr"). */
export function canonicalFirstName(name: string): string {
	const s = skeleton(name);
	return CANONICAL.get(s) ?? s;
}

/** True when the word is a known first name or diminutive in the table. */
export function isKnownFirstName(name: string): boolean {
	const s = skeleton(name);
	return CANONICAL.has(s) || KNOWN_FULL.has(s);
}

const KNOWN_FULL: ReadonlySet<string> = new Set(Object.keys(DIMINUTIVES).map((n) => skeleton(n)));
