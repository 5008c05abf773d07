import type { KeyKind } from './blocking';
import { forEachBlockingKey, isNameKind, KEY_KINDS } from './blocking';
import type { ContactRecord } from './record';
import type { MatchView } from './views';
import { matchView } from './views';
import type { WordMemo } from './wordMemo';

/**
 * Candidate pairs of a batch: blocking keys numbered in an open-addressing table (BlockIndex), full
 * comparison of small blocks, sorted neighbourhood in oversized ones, each pair once.
 */

/** How blocking bounds its work: the block sizes compared in full, and the windows beyond them. */
export interface BlockingOptions {
	/** Blocks larger than this are compared by sorted neighbourhood instead of all pairs. */
	maxBlockSize: number;
	/** Window of the sorted neighbourhood in oversized blocks. */
	window: number;
	/**
	 * Name-only blocks (surname + initial, first name + surname initial) larger than this (or than
	 * maxBlockSize) are compared by sorted neighbourhood with `nameWindow`; contacts with the same
	 * full name still share a block of their own, and a contact known only by an initial is compared
	 * with its whole block (up to maxBlockSize).
	 */
	maxNameBlockSize: number;
	/** Window of the sorted neighbourhood in oversized name-only blocks. */
	nameWindow: number;
}

const KIND_CODE = Object.fromEntries(KEY_KINDS.map((k, i) => [k, i])) as Record<KeyKind, number>;

/**
 * Block numbers by key: (kind, a, b) with a and b numbered words (b = -1 when the key has one
 * part) in an open-addressing table; the same parts give the same block as the same key text would.
 */
class BlockIndex {
	size = 0;
	private kind = new Int32Array(1 << 16);
	private a = new Int32Array(1 << 16);
	private b = new Int32Array(1 << 16);
	private id = new Int32Array(1 << 16).fill(-1);

	/** The block of a key; a new key gets the next number. */
	blockOf(kind: number, a: number, b: number): number {
		const mask = this.id.length - 1;
		let slot = BlockIndex.hash(kind, a, b) & mask;
		for (let id = this.id[slot]; id !== -1; id = this.id[slot]) {
			if (this.kind[slot] === kind && this.a[slot] === a && this.b[slot] === b) return id;
			slot = (slot + 1) & mask;
		}
		const id = this.size++;
		this.kind[slot] = kind;
		this.a[slot] = a;
		this.b[slot] = b;
		this.id[slot] = id;
		if (this.size * 2 > this.id.length) this.grow();
		return id;
	}

	private static hash(kind: number, a: number, b: number): number {
		const h =
			Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b) ^ Math.imul(kind + 1, 0xc2b2ae35);
		return h ^ (h >>> 15);
	}

	private grow(): void {
		const { kind, a, b, id } = this;
		const cap = id.length * 2;
		this.kind = new Int32Array(cap);
		this.a = new Int32Array(cap);
		this.b = new Int32Array(cap);
		this.id = new Int32Array(cap).fill(-1);
		const mask = cap - 1;
		for (let i = 0; i < id.length; i++) {
			if (id[i] === -1) continue;
			let slot = BlockIndex.hash(kind[i], a[i], b[i]) & mask;
			while (this.id[slot] !== -1) slot = (slot + 1) & mask;
			this.kind[slot] = kind[i];
			this.a[slot] = a[i];
			this.b[slot] = b[i];
			this.id[slot] = id[i];
		}
	}
}

/** Candidate pairs, flat: pair k is (a[k], b[k]), a[k] < b[k], in the order they are compared. */
export interface PairList {
	a: Int32Array;
	b: Int32Array;
	length: number;
}

/**
 * Pairs of contacts that share a blocking key, each pair once. Blocks up to their size limit are
 * compared in full; larger ones (a common name, a switchboard) by sorted neighbourhood: each contact
 * with the next `window` ones in name order, so cost stays linear in the batch.
 */
export function candidatePairs(
	records: ContactRecord[],
	opts: BlockingOptions,
	words: WordMemo,
	views?: MatchView[],
): PairList {
	const n = records.length;
	// Blocks by number: key parts (numbered words) → block id; each contact's block ids in key order.
	const index = new BlockIndex();
	// Per block: size and whether it is a name-only key (typed, grown by doubling: ~400k blocks at 100k contacts).
	let sizes = new Int32Array(Math.max(16, n));
	let weak = new Uint8Array(Math.max(16, n));
	let blocks = 0;
	const keyStart = new Int32Array(n + 1);
	let keyIds = new Int32Array(Math.max(16, n * 4));
	let used = 0;
	// Number of a part: the view's when it has one, else the memo's (single letters from a table).
	const charIds = new Int32Array(128).fill(-1);
	const partId = (part: string, known: number) => {
		if (known >= 0) return known;
		const code = part.length === 1 ? part.charCodeAt(0) : 128;
		if (code < 128) return charIds[code] >= 0 ? charIds[code] : (charIds[code] = words.idOf(part));
		return words.idOf(part);
	};
	const addKey = (kind: KeyKind, a: string, b: string | undefined, aId: number, bId: number) => {
		const id = index.blockOf(
			KIND_CODE[kind],
			partId(a, aId),
			b === undefined ? -1 : partId(b, bId),
		);
		if (id === blocks) {
			if (blocks === sizes.length) {
				const grownSizes = new Int32Array(blocks * 2);
				grownSizes.set(sizes);
				sizes = grownSizes;
				const grownWeak = new Uint8Array(blocks * 2);
				grownWeak.set(weak);
				weak = grownWeak;
			}
			weak[blocks++] = isNameKind(kind) ? 1 : 0;
		}
		sizes[id]++;
		if (used === keyIds.length) {
			const grown = new Int32Array(keyIds.length * 2);
			grown.set(keyIds);
			keyIds = grown;
		}
		keyIds[used++] = id;
	};
	for (let i = 0; i < n; i++) {
		forEachBlockingKey(views ? views[i] : matchView(records[i], words), addKey);
		keyStart[i + 1] = used;
	}
	// Members of each block, in input order.
	const memberStart = new Int32Array(blocks + 1);
	for (let b = 0; b < blocks; b++) memberStart[b + 1] = memberStart[b] + sizes[b];
	const fill = memberStart.slice(0, blocks);
	const members = new Int32Array(used);
	for (let i = 0; i < n; i++)
		for (let k = keyStart[i]; k < keyStart[i + 1]; k++) members[fill[keyIds[k]]++] = i;
	const nameLimit = Math.min(opts.maxNameBlockSize, opts.maxBlockSize);
	const limit = (b: number) => (weak[b] ? nameLimit : opts.maxBlockSize);
	// Oversized blocks: sorted neighbourhood instead of all pairs.
	const neighbours: Array<number[] | undefined> = new Array(n);
	const near = (i: number, j: number) => (neighbours[Math.min(i, j)] ??= []).push(Math.max(i, j));
	let sortKeys: string[] | undefined;
	for (let b = 0; b < blocks; b++) {
		if (sizes[b] <= limit(b)) continue;
		// The block in input order; `sorted` is a sorted copy (the loop over initials below walks the
		// block in input order, as the definition does: sorting in place changed the pairs' order).
		const block = members.subarray(memberStart[b], memberStart[b + 1]);
		const sk = (sortKeys ??= records.map((r) => sortKey(r)));
		const sorted = Array.from(block).sort((i, j) =>
			sk[i] < sk[j] ? -1 : sk[i] > sk[j] ? 1 : i - j,
		);
		const window = weak[b] ? opts.nameWindow : opts.window;
		for (let x = 0; x < sorted.length; x++) {
			for (let y = x + 1; y < Math.min(sorted.length, x + 1 + window); y++)
				near(sorted[x], sorted[y]);
		}
		// An initial sorts apart from every full first name it may stand for: compare it with the whole block.
		if (weak[b] && sizes[b] <= opts.maxBlockSize) {
			for (const i of block) {
				if (records[i].name?.first) continue;
				for (const j of block) if (j !== i) near(i, j);
			}
		}
	}
	// Each pair once: stamp[j] = i marks j as already paired with i.
	const stamp = new Int32Array(n).fill(-1);
	const pairs: PairList = {
		a: new Int32Array(Math.max(16, n)),
		b: new Int32Array(Math.max(16, n)),
		length: 0,
	};
	const add = (i: number, j: number) => {
		if (pairs.length === pairs.a.length) {
			const a = new Int32Array(pairs.a.length * 2);
			const b = new Int32Array(pairs.a.length * 2);
			a.set(pairs.a);
			b.set(pairs.b);
			pairs.a = a;
			pairs.b = b;
		}
		pairs.a[pairs.length] = i;
		pairs.b[pairs.length++] = j;
	};
	for (let i = 0; i < n; i++) {
		for (let k = keyStart[i]; k < keyStart[i + 1]; k++) {
			const b = keyIds[k];
			if (sizes[b] < 2 || sizes[b] > limit(b)) continue;
			for (let m = memberStart[b]; m < memberStart[b + 1]; m++) {
				const j = members[m];
				if (j <= i || stamp[j] === i) continue;
				stamp[j] = i;
				add(i, j);
			}
		}
		for (const j of neighbours[i] ?? []) {
			if (stamp[j] === i) continue;
			stamp[j] = i;
			add(i, j);
		}
	}
	return pairs;
}

function sortKey(r: ContactRecord): string {
	// join() gives one flat string (a template would give a rope that every comparison walks).
	return [r.name?.last ?? '', r.name?.first ?? '', r.dob ?? ''].join(' ');
}
