import type { BlockingOptions, PairList } from './candidates';
import { candidatePairs } from './candidates';
import type { CompareContext } from './compare';
import { tallyContacts } from './compare';
import type { Thresholds } from './decide';
import { decisionOf } from './decide';
import { generationApart, wordOutcome } from './metrics';
import type { ContactRecord } from './record';
import type { Comparison } from './tally';
import { EvidenceTally } from './tally';
import type { MatchView } from './views';
import { matchView } from './views';
import { scoreOf } from './weights';
import { WordMemo } from './wordMemo';

export interface ClusterOptions extends BlockingOptions {
	thresholds: Thresholds;
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
	const batch = batchContext(records, options);
	const pairs = candidatePairs(records, options, batch.words, batch.views);
	const comparisons = new Comparisons(batch.views, batch.ctx, n);
	const edges = scorePairs(pairs, batch.views, batch.ctx, options.thresholds, n);
	const clusters = new Clusters(records);
	const link: Array<Link | undefined> = new Array(n);
	joinDuplicates(edges.duplicates, clusters, link, comparisons);
	if (options.clusterSupport) joinBySupport(edges.reviews, pairs, clusters, link, comparisons, n);
	const { primaryOf, clusterSize } = primaries(clusters, options.primary, n);
	// Review links inside one cluster are settled; keep only those that point outside it.
	const review: Array<Link | undefined> = new Array(n);
	const companyLink: Array<Link | undefined> = new Array(n);
	for (let i = 0; i < n; i++) {
		const r = linkOutside(i, edges.reviewOther[i], edges.reviewScore[i], clusters, comparisons);
		if (r) review[i] = r;
		const c = linkOutside(i, edges.companyOther[i], edges.companyScore[i], clusters, comparisons);
		if (c) companyLink[i] = c;
	}
	return {
		primaryOf,
		clusterSize,
		link,
		review,
		companyLink,
		sharedPhones: batch.sharedPhones,
		comparisons: pairs.length,
	};
}

/**
 * What the batch as a whole tells each comparison: its shared phones, its name frequencies, and
 * its words numbered once (blocking and the word memo of the comparison work on the numbers).
 */
function batchContext(
	records: ContactRecord[],
	options: ClusterOptions,
): { sharedPhones: Set<string>; words: WordMemo; ctx: CompareContext; views: MatchView[] } {
	const sharedPhones = findSharedPhones(records, options.sharedPhoneMinNames);
	const nameCounts = new Map<string, number>();
	for (const r of records) {
		const first = r.name?.first;
		if (first) nameCounts.set(first, (nameCounts.get(first) ?? 0) + 1);
		const last = r.name?.last;
		if (last) nameCounts.set(last, (nameCounts.get(last) ?? 0) + 1);
	}
	const nameFrequencies = { counts: nameCounts, total: records.length };
	const words = new WordMemo();
	const views = records.map((r) => matchView(r, words));
	return { sharedPhones, words, ctx: { sharedPhones, nameFrequencies, words }, views };
}

/**
 * The Comparison (with its evidence) of a pair, built only for the links that end up in the
 * result, by scoring that pair again (same result as when it was scored into the shared tally).
 */
class Comparisons {
	private readonly tally = new EvidenceTally();
	private readonly built = new Map<number, Comparison>();

	constructor(
		private readonly views: MatchView[],
		private readonly ctx: CompareContext,
		private readonly n: number,
	) {}

	of(a: number, b: number): Comparison {
		let c = this.built.get(a * this.n + b);
		if (!c) {
			tallyContacts(this.views[a], this.views[b], this.ctx, this.tally);
			this.built.set(a * this.n + b, (c = this.tally.comparison()));
		}
		return c;
	}
}

interface Edge {
	a: number;
	b: number;
	score: number;
}

/** A review-level edge; supports: some field besides the names agrees at least a little (see cluster support). */
interface ReviewEdge extends Edge {
	supports: boolean;
}

interface ScoredEdges {
	duplicates: Edge[];
	reviews: ReviewEdge[];
	/** Best review-level link of each record (the first of equal scores), -1 for none. */
	reviewOther: Int32Array;
	reviewScore: Float64Array;
	/** First company link of each record, -1 for none. */
	companyOther: Int32Array;
	companyScore: Float64Array;
}

/** Scores every candidate pair into one reused tally and sorts it by its decision. */
function scorePairs(
	pairs: PairList,
	views: MatchView[],
	ctx: CompareContext,
	thresholds: Thresholds,
	n: number,
): ScoredEdges {
	const tally = new EvidenceTally();
	const duplicates: Edge[] = [];
	const reviews: ReviewEdge[] = [];
	const reviewOther = new Int32Array(n).fill(-1);
	const reviewScore = new Float64Array(n);
	const companyOther = new Int32Array(n).fill(-1);
	const companyScore = new Float64Array(n);
	for (let k = 0; k < pairs.length; k++) {
		const a = pairs.a[k];
		const b = pairs.b[k];
		tallyContacts(views[a], views[b], ctx, tally);
		const score = scoreOf(tally.weight);
		const decision = decisionOf(score, tally.conflict, tally.corroborated, thresholds);
		if (decision === 'duplicate') duplicates.push({ a, b, score });
		else if (decision === 'review') {
			// A link where a personal detail disagrees (tally.against) supports nothing either.
			reviews.push({
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
	return { duplicates, reviews, reviewOther, reviewScore, companyOther, companyScore };
}

/** Union-find over the records, each cluster with its members (the larger absorbs the smaller). */
class Clusters {
	private readonly parent: number[];
	readonly members: ContactRecord[][];

	constructor(records: ContactRecord[]) {
		this.parent = Array.from({ length: records.length }, (_, i) => i);
		this.members = records.map((r) => [r]);
	}

	find(i: number): number {
		const parent = this.parent;
		while (parent[i] !== i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	/** Joins two roots when their members may be one person (compatible); false when they may not. */
	join(ra: number, rb: number): boolean {
		const members = this.members;
		if (!compatible(members[ra], members[rb])) return false;
		const [big, small] = members[ra].length >= members[rb].length ? [ra, rb] : [rb, ra];
		this.parent[small] = big;
		members[big] = members[big].concat(members[small]);
		members[small] = [];
		return true;
	}
}

/** Duplicate edges joined strongest first; each record keeps the edge by which it joined. */
function joinDuplicates(
	duplicates: Edge[],
	clusters: Clusters,
	link: Array<Link | undefined>,
	comparisons: Comparisons,
): void {
	duplicates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
	for (const e of duplicates) {
		const ra = clusters.find(e.a);
		const rb = clusters.find(e.b);
		if (ra === rb) continue;
		if (!clusters.join(ra, rb)) continue;
		if (!link[e.b])
			link[e.b] = {
				other: e.a,
				score: e.score,
				comparison: comparisons.of(e.a, e.b),
			};
		if (!link[e.a])
			link[e.a] = {
				other: e.b,
				score: e.score,
				comparison: comparisons.of(e.a, e.b),
			};
	}
}

/**
 * Cluster support: two clusters that several review-level links join (at least two, and most
 * of the pairs compared between them) are one person seen through noisy records. Up to three rounds.
 */
function joinBySupport(
	reviewEdges: ReviewEdge[],
	pairs: PairList,
	clusters: Clusters,
	link: Array<Link | undefined>,
	comparisons: Comparisons,
	n: number,
): void {
	const key = (x: number, y: number) => (x < y ? x * n + y : y * n + x);
	for (let round = 0; round < 3; round++) {
		let joined = 0;
		// Review links between two different clusters, grouped by the cluster pair.
		const support = new Map<number, ReviewEdge[]>();
		for (const e of reviewEdges) {
			// A link on names alone supports nothing: some other field must agree at least a little.
			if (!e.supports) continue;
			const ra = clusters.find(e.a);
			const rb = clusters.find(e.b);
			if (ra === rb) continue;
			const k = key(ra, rb);
			const list = support.get(k);
			if (list) list.push(e);
			else support.set(k, [e]);
		}
		// At least two links, and at least one where something besides the names agrees.
		for (const [k, edges] of support) if (edges.length < 2) support.delete(k);
		if (!support.size) break;
		const pairCount = pairsBetween(support, pairs, clusters, key, n);
		for (const [k, edges] of support) {
			if (edges.length < 2 || edges.length * 2 <= (pairCount.get(k) ?? 0)) continue;
			const ra = clusters.find(edges[0].a);
			const rb = clusters.find(edges[0].b);
			if (ra === rb || !clusters.join(ra, rb)) continue;
			joined++;
			const best = edges.reduce((x, y) => (y.score > x.score ? y : x));
			const bestComparison = comparisons.of(best.a, best.b);
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
}

/**
 * How many pairs were compared between the supported cluster pairs (only those). A pair is looked
 * up only when both its clusters take part in some support (most do not: no numeric key to build).
 */
function pairsBetween(
	support: Map<number, ReviewEdge[]>,
	pairs: PairList,
	clusters: Clusters,
	key: (x: number, y: number) => number,
	n: number,
): Map<number, number> {
	const inSupport = new Uint8Array(n);
	for (const edges of support.values()) {
		inSupport[clusters.find(edges[0].a)] = 1;
		inSupport[clusters.find(edges[0].b)] = 1;
	}
	const pairCount = new Map<number, number>();
	for (let p = 0; p < pairs.length; p++) {
		const ra = clusters.find(pairs.a[p]);
		if (!inSupport[ra]) continue;
		const rb = clusters.find(pairs.b[p]);
		if (ra === rb || !inSupport[rb]) continue;
		const k = key(ra, rb);
		if (support.has(k)) pairCount.set(k, (pairCount.get(k) ?? 0) + 1);
	}
	return pairCount;
}

/** Each record's cluster primary (by the policy) and cluster size. */
function primaries(
	clusters: Clusters,
	policy: ClusterOptions['primary'],
	n: number,
): { primaryOf: number[]; clusterSize: number[] } {
	const primaryOf = new Array<number>(n);
	const clusterSize = new Array<number>(n);
	for (let i = 0; i < n; i++) {
		if (clusters.find(i) !== i) continue;
		const members = clusters.members[i];
		const primary = pickPrimary(members, policy).index;
		for (const m of members) {
			primaryOf[m.index] = primary;
			clusterSize[m.index] = members.length;
		}
	}
	return { primaryOf, clusterSize };
}

/** A link of record i to `other`, when `other` (-1 for none) ended in another cluster. */
function linkOutside(
	i: number,
	other: number,
	score: number,
	clusters: Clusters,
	comparisons: Comparisons,
): Link | undefined {
	return other >= 0 && clusters.find(other) !== clusters.find(i)
		? {
				other,
				score,
				comparison: comparisons.of(Math.min(i, other), Math.max(i, other)),
			}
		: undefined;
}
