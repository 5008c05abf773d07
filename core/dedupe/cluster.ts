import type { KeyKind } from './blocking';
import { forEachBlockingKey, isNameKind, KEY_KINDS } from './blocking';
import type { CompareContext, Comparison, MatchView } from './compare';
import {
	EvidenceTally,
	generationApart,
	matchView,
	tallyContacts,
	wordOutcome,
	WordMemo,
} from './compare';
import type { Thresholds } from './decide';
import { decisionOf } from './decide';
import type { ContactRecord } from './record';
import { scoreOf } from './weights';

export interface ClusterOptions {
	thresholds: Thresholds;
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
	/** A phone used by at least this many different names in the batch is a shared (company) phone. */
	sharedPhoneMinNames: number;
	/** Which record of a cluster is the primary: the oldest by timestamp, the newest, or the first in input. */
	primary: 'oldest' | 'newest' | 'first';
	/** Join two clusters that several review-level links support (see clusterContacts). */
	clusterSupport: boolean;
}

export const DEFAULT_CLUSTER_OPTIONS: Omit<ClusterOptions, 'thresholds'> = {
	maxBlockSize: 100,
	window: 8,
	maxNameBlockSize: 10,
	nameWindow: 4,
	sharedPhoneMinNames: 3,
	primary: 'oldest',
	clusterSupport: true,
};

export interface Link {
	other: number;
	score: number;
	comparison: Comparison;
}

export interface ClusterResult {
	/** Index (into the records array) of each record's cluster primary. */
	primaryOf: number[];
	clusterSize: number[];
	/** The edge by which a record joined its cluster (duplicates), or its best review-level link. */
	link: Array<Link | undefined>;
	review: Array<Link | undefined>;
	/** Best company link (shared phone, organisation INN, role mailbox, company) to a record of another cluster. */
	companyLink: Array<Link | undefined>;
	sharedPhones: Set<string>;
	comparisons: number;
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
	opts: Omit<ClusterOptions, 'thresholds'>,
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

/** Phones that several different names share in this batch: company switchboards, family landlines. */
export function findSharedPhones(records: ContactRecord[], minNames: number): Set<string> {
	const names = new Map<string, Set<string>>();
	for (const r of records) {
		if (!r.nameKey) continue;
		for (const p of r.phones) {
			let set = names.get(p.e164);
			if (!set) names.set(p.e164, (set = new Set()));
			set.add(r.nameKey);
		}
	}
	const shared = new Set<string>();
	for (const [phone, set] of names) if (set.size >= minNames) shared.add(phone);
	return shared;
}

const NAME_FIELDS = new Set(['firstName', 'lastName', 'middleName', 'nameOrder']);

function compatible(a: ContactRecord[], b: ContactRecord[]): boolean {
	// Different personal INNs never end in one cluster, even through a chain of other records.
	let innA: Set<string> | undefined;
	for (const r of a) if (r.personInn) (innA ??= new Set()).add(r.personInn);
	if (innA) {
		for (const r of b) if (r.personInn && !innA.has(r.personInn)) return false;
	}
	// Nor do different patronymics or dates of birth a generation apart (father and son), when a
	// record without them links to both ("Петров Иван" on the family's phone). Distinct values only.
	return (
		!clash(
			valuesOf(a, 'middle'),
			valuesOf(b, 'middle'),
			(x, y) => wordOutcome(x, y) === 'different',
		) && !clash(valuesOf(a, 'dob'), valuesOf(b, 'dob'), generationApart)
	);
}

function valuesOf(members: ContactRecord[], field: 'middle' | 'dob'): Set<string> | undefined {
	let out: Set<string> | undefined;
	for (const r of members) {
		const v = field === 'dob' ? r.dob : r.name?.middle;
		if (v) (out ??= new Set()).add(v);
	}
	return out;
}

function clash(
	a: Set<string> | undefined,
	b: Set<string> | undefined,
	differ: (x: string, y: string) => boolean,
): boolean {
	if (!a || !b) return false;
	for (const x of a) for (const y of b) if (differ(x, y)) return true;
	return false;
}

function timeOf(r: ContactRecord): number {
	if (!r.timestamp) return Number.NaN;
	const t = Date.parse(r.timestamp);
	return Number.isFinite(t) ? t : Number.NaN;
}

/** Picks the primary of a cluster by the policy; ties and missing timestamps fall back to input order. */
export function pickPrimary(
	members: ContactRecord[],
	policy: ClusterOptions['primary'],
): ContactRecord {
	let best = members[0];
	// Called for every cluster (most are single records): no copy of the list, one time per record.
	let tb = members.length > 1 && policy !== 'first' ? timeOf(best) : Number.NaN;
	for (let k = 1; k < members.length; k++) {
		const m = members[k];
		if (policy === 'first') {
			if (m.index < best.index) best = m;
			continue;
		}
		const tm = timeOf(m);
		if (Number.isNaN(tm)) {
			if (Number.isNaN(tb) && m.index < best.index) best = m;
			continue;
		}
		if (
			Number.isNaN(tb) ||
			(policy === 'oldest' ? tm < tb : tm > tb) ||
			(tm === tb && m.index < best.index)
		) {
			best = m;
			tb = tm;
		}
	}
	return best;
}

/**
 * Clusters a batch: blocking → pairwise comparison → duplicate edges joined strongest first
 * (union-find), never joining clusters with a hard conflict. Review-level and company links are
 * reported but never merge.
 */
export function clusterContacts(records: ContactRecord[], options: ClusterOptions): ClusterResult {
	const n = records.length;
	const sharedPhones = findSharedPhones(records, options.sharedPhoneMinNames);
	const nameCounts = new Map<string, number>();
	for (const r of records) {
		const first = r.name?.first;
		if (first) nameCounts.set(first, (nameCounts.get(first) ?? 0) + 1);
		const last = r.name?.last;
		if (last) nameCounts.set(last, (nameCounts.get(last) ?? 0) + 1);
	}
	const nameFrequencies = { counts: nameCounts, total: n };
	// Words (names, cities, e-mails, phones) are numbered once for the batch: blocking and the
	// word memo of the comparison work on the numbers.
	const words = new WordMemo();
	const views = records.map((r) => matchView(r, words));
	const pairs = candidatePairs(records, options, words, views);
	// Every pair is scored into one reused tally; a Comparison (with its evidence) is built only
	// for the links that end up in the result, by scoring that pair again (same result).
	const ctx: CompareContext = { sharedPhones, nameFrequencies, words };
	const tally = new EvidenceTally();
	const built = new Map<number, Comparison>();
	const comparisonOf = (a: number, b: number): Comparison => {
		let c = built.get(a * n + b);
		if (!c) {
			tallyContacts(views[a], views[b], ctx, tally);
			built.set(a * n + b, (c = tally.comparison()));
		}
		return c;
	};
	const dupEdges: Array<{ a: number; b: number; score: number }> = [];
	// supports: some field besides the names agrees at least a little (see cluster support).
	const reviewEdges: Array<{
		a: number;
		b: number;
		score: number;
		supports: boolean;
	}> = [];
	// Best review-level link of each record (the first of equal scores) and first company link.
	const reviewOther = new Int32Array(n).fill(-1);
	const reviewScore = new Float64Array(n);
	const companyOther = new Int32Array(n).fill(-1);
	const companyScore = new Float64Array(n);
	for (let k = 0; k < pairs.length; k++) {
		const a = pairs.a[k];
		const b = pairs.b[k];
		tallyContacts(views[a], views[b], ctx, tally);
		const score = scoreOf(tally.weight);
		const decision = decisionOf(score, tally.conflict, tally.corroborated, options.thresholds);
		if (decision === 'duplicate') dupEdges.push({ a, b, score });
		else if (decision === 'review') {
			// A link where a personal detail disagrees (tally.against) supports nothing either.
			reviewEdges.push({
				a,
				b,
				score,
				supports: !tally.against && tally.agreesBesides(NAME_FIELDS),
			});
			if (reviewOther[a] < 0 || reviewScore[a] < score) {
				reviewOther[a] = b;
				reviewScore[a] = score;
			}
			if (reviewOther[b] < 0 || reviewScore[b] < score) {
				reviewOther[b] = a;
				reviewScore[b] = score;
			}
		} else if (tally.companyVia !== undefined) {
			if (companyOther[a] < 0) {
				companyOther[a] = b;
				companyScore[a] = score;
			}
			if (companyOther[b] < 0) {
				companyOther[b] = a;
				companyScore[b] = score;
			}
		}
	}
	dupEdges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
	const parent = Array.from({ length: n }, (_, i) => i);
	const members: ContactRecord[][] = records.map((r) => [r]);
	const find = (i: number): number => {
		while (parent[i] !== i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	};
	const link: Array<Link | undefined> = new Array(n);
	for (const e of dupEdges) {
		const ra = find(e.a);
		const rb = find(e.b);
		if (ra === rb) continue;
		if (!compatible(members[ra], members[rb])) continue;
		const [big, small] = members[ra].length >= members[rb].length ? [ra, rb] : [rb, ra];
		parent[small] = big;
		members[big] = members[big].concat(members[small]);
		members[small] = [];
		if (!link[e.b])
			link[e.b] = {
				other: e.a,
				score: e.score,
				comparison: comparisonOf(e.a, e.b),
			};
		if (!link[e.a])
			link[e.a] = {
				other: e.b,
				score: e.score,
				comparison: comparisonOf(e.a, e.b),
			};
	}
	// Cluster support: two clusters that several review-level links join (at least two, and most
	// of the pairs compared between them) are one person seen through noisy records.
	for (let round = 0; options.clusterSupport && round < 3; round++) {
		let joined = 0;
		const key = (x: number, y: number) => (x < y ? x * n + y : y * n + x);
		// Review links between two different clusters, grouped by the cluster pair.
		const support = new Map<number, Array<(typeof reviewEdges)[number]>>();
		for (const e of reviewEdges) {
			// A link on names alone supports nothing: some other field must agree at least a little.
			if (!e.supports) continue;
			const ra = find(e.a);
			const rb = find(e.b);
			if (ra === rb) continue;
			const k = key(ra, rb);
			const list = support.get(k);
			if (list) list.push(e);
			else support.set(k, [e]);
		}
		// At least two links, and at least one where something besides the names agrees.
		for (const [k, edges] of support) if (edges.length < 2) support.delete(k);
		if (!support.size) break;
		// How many pairs were compared between those cluster pairs (only those). A pair is looked up
		// only when both its clusters take part in some support (most do not: no numeric key to build).
		const inSupport = new Uint8Array(n);
		for (const edges of support.values()) {
			inSupport[find(edges[0].a)] = 1;
			inSupport[find(edges[0].b)] = 1;
		}
		const pairCount = new Map<number, number>();
		for (let p = 0; p < pairs.length; p++) {
			const ra = find(pairs.a[p]);
			if (!inSupport[ra]) continue;
			const rb = find(pairs.b[p]);
			if (ra === rb || !inSupport[rb]) continue;
			const k = key(ra, rb);
			if (support.has(k)) pairCount.set(k, (pairCount.get(k) ?? 0) + 1);
		}
		for (const [k, edges] of support) {
			if (edges.length < 2 || edges.length * 2 <= (pairCount.get(k) ?? 0)) continue;
			const ra = find(edges[0].a);
			const rb = find(edges[0].b);
			if (ra === rb || !compatible(members[ra], members[rb])) continue;
			const [big, small] = members[ra].length >= members[rb].length ? [ra, rb] : [rb, ra];
			parent[small] = big;
			members[big] = members[big].concat(members[small]);
			members[small] = [];
			joined++;
			const best = edges.reduce((x, y) => (y.score > x.score ? y : x));
			const bestComparison = comparisonOf(best.a, best.b);
			const supported: Comparison = {
				...bestComparison,
				evidence: [
					...bestComparison.evidence,
					{
						field: 'cluster',
						outcome: 'similar',
						weight: 0,
						value: String(edges.length),
					},
				],
			};
			if (!link[best.b])
				link[best.b] = {
					other: best.a,
					score: best.score,
					comparison: supported,
				};
			if (!link[best.a])
				link[best.a] = {
					other: best.b,
					score: best.score,
					comparison: supported,
				};
		}
		if (!joined) break;
	}
	const primaryOf = new Array<number>(n);
	const clusterSize = new Array<number>(n);
	for (let i = 0; i < n; i++) {
		if (find(i) !== i) continue;
		const primary = pickPrimary(members[i], options.primary).index;
		for (const m of members[i]) {
			primaryOf[m.index] = primary;
			clusterSize[m.index] = members[i].length;
		}
	}
	// Review links inside one cluster are settled; keep only those that point outside it.
	const review: Array<Link | undefined> = new Array(n);
	const companyLink: Array<Link | undefined> = new Array(n);
	const outside = (i: number, other: number, score: number): Link | undefined =>
		other >= 0 && find(other) !== find(i)
			? {
					other,
					score,
					comparison: comparisonOf(Math.min(i, other), Math.max(i, other)),
				}
			: undefined;
	for (let i = 0; i < n; i++) {
		const r = outside(i, reviewOther[i], reviewScore[i]);
		if (r) review[i] = r;
		const c = outside(i, companyOther[i], companyScore[i]);
		if (c) companyLink[i] = c;
	}
	return {
		primaryOf,
		clusterSize,
		link,
		review,
		companyLink,
		sharedPhones,
		comparisons: pairs.length,
	};
}
