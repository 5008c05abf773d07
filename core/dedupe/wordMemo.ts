import type { WordOutcome } from './metrics';
import { wordOutcome } from './metrics';

/**
 * Batch-scoped memo of the comparison: name frequencies (term-frequency weights) and the
 * word-outcome hash table (WordMemo) that scores each pair of words once per batch.
 */

/**
 * How often each name word occurs in the batch (term-frequency adjustment, as in Fellegi–Sunter
 * record linkage): agreeing on a rare name is stronger evidence than agreeing on a common one.
 */
export interface NameFrequencies {
	counts: ReadonlyMap<string, number>;
	total: number;
}

/** Batches smaller than this carry too little frequency information; default weights apply. */
export const TF_MIN_BATCH = 200;

/** Weight of agreeing on `value`: log2(0.95 / frequency), kept within [base - 3, base + 2]. */
export function tfWeight(base: number, value: string | undefined, tf?: NameFrequencies): number {
	if (!tf || !value || tf.total < TF_MIN_BATCH) return base;
	const count = tf.counts.get(value) ?? 1;
	const w = Math.log2(0.95 / (count / tf.total));
	return Math.round(Math.min(base + 2, Math.max(base - 3, w)) * 100) / 100;
}

/** wordOutcome(a, b) by a, then b (WordMemo, for words without a number). */
type WordCache = Map<string, Map<string, WordOutcome>>;

/** wordOutcome through the batch's memo, when there is one. */
function wordOutcomeIn(a: string, b: string, cache: WordCache | undefined): WordOutcome {
	if (a === b) return 'equal';
	if (!cache) return wordOutcome(a, b);
	let row = cache.get(a);
	if (!row) cache.set(a, (row = new Map()));
	let o = row.get(b);
	if (o === undefined) row.set(b, (o = wordOutcome(a, b)));
	return o;
}

const OUTCOMES: readonly WordOutcome[] = ['equal', 'similar', 'different'];

/**
 * wordOutcome memo for one batch: words are numbered (idOf), and outcomes of numbered pairs are
 * kept in an open-addressing table of typed arrays (no objects per entry); words without a number
 * (address tokens) go through a map of maps.
 */
export class WordMemo {
	private readonly ids = new Map<string, number>();
	private readonly strings: WordCache = new Map();
	private keyA = new Int32Array(1 << 12);
	private keyB = new Int32Array(1 << 12);
	/** Outcome index + 1; 0 = empty slot. */
	private value = new Uint8Array(1 << 12);
	private used = 0;

	private tfFor: NameFrequencies | undefined;
	private readonly tfByBase = new Map<number, Float64Array>();

	/** tfWeight(base, word, tf) of a numbered word (id = idOf(word)), memoised for one tf. */
	tfWeight(base: number, word: string, id: number, tf: NameFrequencies | undefined): number {
		if (id < 0 || !tf) return tfWeight(base, word, tf);
		if (tf !== this.tfFor) {
			this.tfFor = tf;
			this.tfByBase.clear();
		}
		let row = this.tfByBase.get(base);
		if (!row || row.length <= id) {
			const grown = new Float64Array(Math.max(id + 1, this.ids.size, 2 * (row?.length ?? 0))).fill(
				Number.NaN,
			);
			if (row) grown.set(row);
			this.tfByBase.set(base, (row = grown));
		}
		let w = row[id];
		if (Number.isNaN(w)) row[id] = w = tfWeight(base, word, tf);
		return w;
	}

	/** The number of a word in this batch (-1 for none). */
	idOf(word: string | undefined): number {
		if (!word) return -1;
		let id = this.ids.get(word);
		if (id === undefined) this.ids.set(word, (id = this.ids.size));
		return id;
	}

	/** wordOutcome(a, b); ia and ib are their numbers (idOf), or -1. */
	outcome(a: string, b: string, ia: number, ib: number): WordOutcome {
		if (a === b) return 'equal';
		if (ia < 0 || ib < 0) return wordOutcomeIn(a, b, this.strings);
		const mask = this.value.length - 1;
		let slot = (Math.imul(ia, 0x9e3779b1) ^ Math.imul(ib, 0x85ebca6b)) & mask;
		for (let v = this.value[slot]; v !== 0; v = this.value[slot]) {
			if (this.keyA[slot] === ia && this.keyB[slot] === ib) return OUTCOMES[v - 1];
			slot = (slot + 1) & mask;
		}
		const o = wordOutcome(a, b);
		this.keyA[slot] = ia;
		this.keyB[slot] = ib;
		this.value[slot] = OUTCOMES.indexOf(o) + 1;
		if (++this.used * 2 > this.value.length) this.grow();
		return o;
	}

	private grow(): void {
		const { keyA, keyB, value } = this;
		this.keyA = new Int32Array(value.length * 2);
		this.keyB = new Int32Array(value.length * 2);
		this.value = new Uint8Array(value.length * 2);
		const mask = this.value.length - 1;
		for (let i = 0; i < value.length; i++) {
			if (value[i] === 0) continue;
			let slot = (Math.imul(keyA[i], 0x9e3779b1) ^ Math.imul(keyB[i], 0x85ebca6b)) & mask;
			while (this.value[slot] !== 0) slot = (slot + 1) & mask;
			this.keyA[slot] = keyA[i];
			this.keyB[slot] = keyB[i];
			this.value[slot] = value[i];
		}
	}
}

/** wordOutcome through the batch's memo, when there is one. */
export function outcomeOf(
	a: string,
	b: string,
	ia: number,
	ib: number,
	memo: WordMemo | undefined,
): WordOutcome {
	if (a === b) return 'equal';
	return memo ? memo.outcome(a, b, ia, ib) : wordOutcome(a, b);
}
