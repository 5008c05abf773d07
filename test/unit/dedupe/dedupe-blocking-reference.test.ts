/**
 * Candidate pairs from numbered key parts (cluster.ts) are exactly the pairs the blocking key texts
 * define: the reference below indexes blockingKeys() text in a Map, as clustering first did, with
 * the same block limits, windows and order. Also: blockingKeys() gives the keys as first written
 * (plus the full-name key).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { blockingKeys, isNameKey } from '../../../core/dedupe/blocking';
import type { PairList } from '../../../core/dedupe/candidates';
import { candidatePairs } from '../../../core/dedupe/candidates';
import type { ClusterOptions } from '../../../core/dedupe/cluster';
import { DEFAULT_CLUSTER_OPTIONS } from '../../../core/dedupe/cluster';
import { WordMemo } from '../../../core/dedupe/compare';
import { DEFAULT_FIELD_MAPPING } from '../../../core/dedupe/fields';
import type { ContactRecord } from '../../../core/dedupe/record';
import { parseContact } from '../../../core/dedupe/record';

/** The keys as first written (core/dedupe/blocking.ts before the parts were numbered), with "nf:". */
function referenceKeys(r: ContactRecord): string[] {
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

/** Candidate pairs from key text in a Map: the definition. */
function referencePairs(records: ContactRecord[], opts: Omit<ClusterOptions, 'thresholds'>): Array<[number, number]> {
	const n = records.length;
	const keys = records.map((r) => referenceKeys(r));
	const index = new Map<string, number[]>();
	for (let i = 0; i < n; i++) {
		for (const k of keys[i]) {
			const list = index.get(k);
			if (list) list.push(i);
			else index.set(k, [i]);
		}
	}
	const nameLimit = Math.min(opts.maxNameBlockSize, opts.maxBlockSize);
	const limit = (k: string) => (isNameKey(k) ? nameLimit : opts.maxBlockSize);
	const sortKey = (r: ContactRecord) => `${r.name?.last ?? ''} ${r.name?.first ?? ''} ${r.dob ?? ''}`;
	const sk = records.map(sortKey);
	const neighbours: number[][] = Array.from({ length: n }, () => []);
	const near = (i: number, j: number) => neighbours[Math.min(i, j)].push(Math.max(i, j));
	for (const [k, block] of index) {
		if (block.length <= limit(k)) continue;
		const sorted = [...block].sort((i, j) => (sk[i] < sk[j] ? -1 : sk[i] > sk[j] ? 1 : i - j));
		const window = isNameKey(k) ? opts.nameWindow : opts.window;
		for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y < Math.min(sorted.length, x + 1 + window); y++) near(sorted[x], sorted[y]);
		if (isNameKey(k) && block.length <= opts.maxBlockSize) {
			for (const i of block) {
				if (records[i].name?.first) continue;
				for (const j of block) if (j !== i) near(i, j);
			}
		}
	}
	const stamp = new Int32Array(n).fill(-1);
	const pairs: Array<[number, number]> = [];
	for (let i = 0; i < n; i++) {
		for (const k of keys[i]) {
			const block = index.get(k)!;
			if (block.length < 2 || block.length > limit(k)) continue;
			for (const j of block) {
				if (j <= i || stamp[j] === i) continue;
				stamp[j] = i;
				pairs.push([i, j]);
			}
		}
		for (const j of neighbours[i]) {
			if (stamp[j] === i) continue;
			stamp[j] = i;
			pairs.push([i, j]);
		}
	}
	return pairs;
}

const list = (p: PairList): Array<[number, number]> => Array.from({ length: p.length }, (_, k) => [p.a[k], p.b[k]]);

const contact = fc.record(
	{
		name: fc.constantFrom('Иван Петров', 'Petrov Ivan', 'Петров И.', 'Ivan', 'Петров', 'Саша Петрова', 'Ivanov Petr', 'Пётр Иванов', 'Ivan Petrov'),
		firstName: fc.constantFrom('Иван', 'Ivan', 'Ivna', 'Мария', 'И.'),
		lastName: fc.constantFrom('Петров', 'Petrov', 'Petorv', 'Иванова'),
		email: fc.constantFrom('ivan.petrov@gmail.com', 'ivanpetrov+x@gmail.com', 'ivan@yandex.ru', 'info@acme.ru', 'i.petrov@acme.ru', 'petrov@acme.ru'),
		phone: fc.constantFrom('+7 912 345-67-89', '89123456789', '+7 495 123-45-67', '8 800 555 35 35'),
		telegram: fc.constantFrom('@ivan_p', '@other'),
		inn: fc.constantFrom('500100732259', '773370857141', '7707083893'),
		company: fc.constantFrom('ООО Ромашка', 'Acme'),
		dob: fc.constantFrom('1980-05-17', '1980-05-18', '1981-05-17'),
		address: fc.constantFrom('ул. Ленина 5', 'Lenina 5', 'пр. Мира 10'),
		postcode: fc.constantFrom('101000', '10|1000', '101001'),
	},
	{ requiredKeys: [] },
);

describe('dedupe blocking: numbered key parts', () => {
	it('blockingKeys gives the keys as first written', () => {
		const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };
		fc.assert(
			fc.property(contact, (c) => {
				let r: ContactRecord;
				try {
					r = parseContact(c, 0, opts);
				} catch {
					return;
				}
				assert.deepEqual(blockingKeys(r), referenceKeys(r));
			}),
			{ numRuns: 2000 },
		);
	});

	it('pair an initial in an oversized name block with the block in input order (fast-check counterexample)', () => {
		const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };
		const records = [
			{ firstName: 'И.', lastName: 'Петров' },
			{ firstName: 'Ivna', lastName: 'Петров' },
			{ firstName: 'Иван', lastName: 'Петров' },
			{ firstName: 'Иван', lastName: 'Петров' },
		].map((c, i) => parseContact(c, i, opts));
		const options = { ...DEFAULT_CLUSTER_OPTIONS, maxBlockSize: 4, window: 1, maxNameBlockSize: 1, nameWindow: 1 };
		const expected: Array<[number, number]> = [
			[0, 2],
			[0, 1],
			[0, 3],
			[1, 3],
			[2, 3],
		];
		assert.deepEqual(referencePairs(records, options), expected);
		assert.deepEqual(list(candidatePairs(records, options, new WordMemo())), expected);
	});

	it('give exactly the candidate pairs of the key texts, in the same order', () => {
		const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };
		const sizes = fc.record({
			maxBlockSize: fc.integer({ min: 2, max: 12 }),
			window: fc.integer({ min: 1, max: 4 }),
			maxNameBlockSize: fc.integer({ min: 1, max: 8 }),
			nameWindow: fc.integer({ min: 1, max: 4 }),
		});
		fc.assert(
			fc.property(fc.array(contact, { minLength: 1, maxLength: 60 }), sizes, (contacts, limits) => {
				const records: ContactRecord[] = [];
				for (const c of contacts) {
					try {
						records.push(parseContact(c, records.length, opts));
					} catch {
						// no identity: not part of the batch
					}
				}
				const options = { ...DEFAULT_CLUSTER_OPTIONS, ...limits };
				assert.deepEqual(list(candidatePairs(records, options, new WordMemo())), referencePairs(records, options));
			}),
			{ numRuns: 400 },
		);
	});
});
