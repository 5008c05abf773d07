import type { Thresholds } from '../decide';
import { decisionOf } from '../decide';
import { scoreOf } from '../weights';
import type { OrgComparison } from './compare';
import { compareLegalNames, compareOrganisations } from './compare';
import type { OrgRecord } from './record';

export interface OrgClusterOptions {
	thresholds: Thresholds;
	/** Blocks larger than this are compared by sorted neighbourhood (name order) instead of all pairs. */
	maxBlockSize: number;
	/** Window of the sorted neighbourhood in oversized blocks. */
	window: number;
	primary: 'oldest' | 'newest' | 'first';
}

export const DEFAULT_ORG_CLUSTER_OPTIONS: Omit<OrgClusterOptions, 'thresholds'> = {
	maxBlockSize: 100,
	window: 8,
	primary: 'oldest',
};

/** Blocks of a weak key (name, name word, name prefix, street + house) larger than this use sorted neighbourhood. */
const WEAK_BLOCK_SIZE = 8;
/** Window of the sorted neighbourhood in oversized weak blocks. */
const WEAK_WINDOW = 4;

export interface OrgLink {
	other: number;
	score: number;
	comparison: OrgComparison;
}

export interface OrgClusterResult {
	primaryOf: number[];
	clusterSize: number[];
	/** The edge by which a record joined its cluster (duplicates). */
	link: Array<OrgLink | undefined>;
	/** Best review-level link to a record of another cluster. */
	review: Array<OrgLink | undefined>;
	/** Best holding link (same company domain, different INN) to a record of another cluster. */
	companyLink: Array<OrgLink | undefined>;
	/** Some record of the cluster is a branch of the same entity (another KPP, a branch note). */
	branch: boolean[];
	sharedPhones: Set<string>;
	comparisons: number;
}

/** Blocking keys of an organisation: identities, name words, name prefix, street + house. */
export function orgBlockingKeys(r: OrgRecord): string[] {
	const keys: string[] = [];
	if (r.inn) keys.push(`i:${r.inn}`);
	if (r.ogrn) keys.push(`o:${r.ogrn}`);
	for (const d of r.domains) keys.push(`d:${d}`);
	for (const e of r.freeEmails) keys.push(`m:${e}`);
	for (const p of r.phones) keys.push(`p:${p}`);
	if (r.name) {
		keys.push(`n:${r.name.joined}`);
		if (r.name.joined.length >= 6) keys.push(`j:${r.name.joined.slice(0, 5)}`);
		// The longest word of a name of several words: a typo elsewhere, another word order or an extra word still meet.
		if (r.name.words.length > 1) {
			let longest = '';
			for (const w of r.name.words) if (w.length > longest.length) longest = w;
			if (longest.length >= 4) keys.push(`w:${longest}`);
		}
	}
	if (r.address?.house) {
		const named = r.address.street.filter((w) => w.length > 2).sort((x, y) => y.length - x.length);
		if (named.length) keys.push(`a:${named[0]}|${r.address.house}`);
	}
	return keys;
}

/**
 * Phones used by organisations with different names in the batch (a business centre's switchboard,
 * a holding's call centre): evidence of a building, not of one entity.
 */
export function findSharedOrgPhones(records: readonly OrgRecord[]): Set<string> {
	const names = new Map<string, Array<{ words: string[]; joined: string }>>();
	for (const r of records) {
		if (!r.name) continue;
		for (const p of r.phones) {
			let list = names.get(p);
			if (!list) names.set(p, (list = []));
			if (list.length < 8 && !list.some((n) => n.joined === r.name!.joined)) list.push(r.name);
		}
	}
	const shared = new Set<string>();
	for (const [p, list] of names) {
		if (list.length < 2) continue;
		// Names grouped by equal-or-similar; two groups = two organisations on one phone.
		const heads: typeof list = [];
		for (const n of list) {
			const o = heads.find((h) => {
				const c = compareLegalNames(h.words, n.words, h.joined, n.joined);
				return c === 'equal' || c === 'similar';
			});
			if (!o) heads.push(n);
		}
		if (heads.length >= 2) shared.add(p);
	}
	return shared;
}

function timeOf(r: OrgRecord): number {
	const t = r.timestamp ? Date.parse(r.timestamp) : Number.NaN;
	return Number.isFinite(t) ? t : Number.NaN;
}

/**
 * Clusters organisations: candidate pairs from blocking keys (oversized blocks by sorted
 * neighbourhood), each pair compared once, duplicate links joined strongest first; two clusters
 * with different INNs or OGRNs are never joined, even through a chain of other records.
 */
export function clusterOrganisations(records: readonly OrgRecord[], opts: OrgClusterOptions): OrgClusterResult {
	const n = records.length;
	const blocks = new Map<string, number[]>();
	for (let i = 0; i < n; i++) {
		if (records[i].anonymous) continue;
		for (const k of orgBlockingKeys(records[i])) {
			const b = blocks.get(k);
			if (b) b.push(i);
			else blocks.set(k, [i]);
		}
	}
	// Candidate partners per record (j > i), deduplicated per record with a stamp array (no pair set).
	const adj: number[][] = Array.from({ length: n }, () => []);
	const near = (x: number, y: number) => (x < y ? adj[x].push(y) : adj[y].push(x));
	// Sort key of oversized blocks: name, then street and house, then phone (one organisation's records meet).
	const sortKey = records.map((r) => `${r.name?.joined ?? ''}\u0000${r.address ? `${r.address.street.join(' ')}|${r.address.house ?? ''}` : ''}\u0000${r.phones[0] ?? ''}`);
	const nameOf = (i: number) => sortKey[i];
	for (const [key, members] of blocks) {
		if (members.length < 2) continue;
		// Weak keys (a name word, a name prefix, a street and house) are shared by unrelated organisations.
		const weak = key.startsWith('w:') || key.startsWith('j:') || key.startsWith('a:') || key.startsWith('n:');
		if (members.length <= (weak ? Math.min(opts.maxBlockSize, WEAK_BLOCK_SIZE) : opts.maxBlockSize)) {
			for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) near(members[x], members[y]);
		} else {
			const sorted = [...members].sort((x, y) => (nameOf(x) < nameOf(y) ? -1 : nameOf(x) > nameOf(y) ? 1 : x - y));
			for (let x = 0; x < sorted.length; x++)
				for (let y = x + 1; y < Math.min(sorted.length, x + 1 + (weak ? Math.min(opts.window, WEAK_WINDOW) : opts.window)); y++) near(sorted[x], sorted[y]);
		}
	}
	const stamp = new Int32Array(n).fill(-1);
	const pa: number[] = [];
	const pb: number[] = [];
	for (let i = 0; i < n; i++) {
		for (const j of adj[i]) {
			if (stamp[j] === i) continue;
			stamp[j] = i;
			pa.push(i);
			pb.push(j);
		}
	}
	const sharedPhones = findSharedOrgPhones(records);
	const ctx = { sharedPhones };
	const dup: Array<{ a: number; b: number; link: OrgComparison; score: number }> = [];
	const reviews: Array<{ a: number; b: number; link: OrgComparison; score: number }> = [];
	const holdings: Array<{ a: number; b: number; link: OrgComparison; score: number }> = [];
	for (let k = 0; k < pa.length; k++) {
		const quick = compareOrganisations(records[pa[k]], records[pb[k]], ctx, false);
		const score = scoreOf(quick.weight);
		const d = decisionOf(score, quick.conflict, quick.corroborated, opts.thresholds);
		if (d === 'new' && !quick.companyLink) continue;
		// Evidence only for the links that are kept.
		const c = compareOrganisations(records[pa[k]], records[pb[k]], ctx, true);
		const e = { a: pa[k], b: pb[k], link: c, score };
		if (d === 'duplicate') dup.push(e);
		else if (d === 'review') reviews.push(e);
		if (c.companyLink) holdings.push(e);
	}
	// Union-find with identity constraints: a cluster holds at most one INN and one OGRN.
	const parent = Array.from({ length: n }, (_, i) => i);
	const inn: Array<string | undefined> = records.map((r) => r.inn);
	const ogrn: Array<string | undefined> = records.map((r) => r.ogrn);
	const find = (i: number): number => {
		while (parent[i] !== i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	};
	const link: Array<OrgLink | undefined> = new Array(n);
	const joinedBy: Array<{ from: number; to: number; l: OrgLink } | undefined> = [];
	dup.sort((x, y) => y.link.weight - x.link.weight || x.a - y.a || x.b - y.b);
	for (const e of dup) {
		const ra = find(e.a);
		const rb = find(e.b);
		if (ra === rb) continue;
		if (inn[ra] && inn[rb] && inn[ra] !== inn[rb]) continue;
		if (ogrn[ra] && ogrn[rb] && ogrn[ra] !== ogrn[rb]) continue;
		const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
		parent[child] = root;
		inn[root] ??= inn[child];
		ogrn[root] ??= ogrn[child];
		joinedBy.push({ from: e.a, to: e.b, l: { other: e.b, score: e.score, comparison: e.link } });
		joinedBy.push({ from: e.b, to: e.a, l: { other: e.a, score: e.score, comparison: e.link } });
	}
	// Primary per cluster.
	const members = new Map<number, number[]>();
	for (let i = 0; i < n; i++) {
		const r = find(i);
		const m = members.get(r);
		if (m) m.push(i);
		else members.set(r, [i]);
	}
	const primaryOf = new Array<number>(n);
	const clusterSize = new Array<number>(n);
	for (const list of members.values()) {
		let p = list[0];
		if (opts.primary !== 'first') {
			for (const i of list) {
				const ti = timeOf(records[i]);
				const tp = timeOf(records[p]);
				if (Number.isNaN(ti)) continue;
				if (Number.isNaN(tp) || (opts.primary === 'oldest' ? ti < tp : ti > tp)) p = i;
			}
		}
		for (const i of list) {
			primaryOf[i] = p;
			clusterSize[i] = list.length;
		}
	}
	// Each duplicate's link: the strongest edge it has within its cluster (to the primary when there is one).
	for (const j of joinedBy) {
		if (!j) continue;
		const cur = link[j.from];
		const toPrimary = primaryOf[j.from] === j.to;
		if (!cur || toPrimary || (primaryOf[j.from] !== cur.other && j.l.comparison.weight > cur.comparison.weight)) link[j.from] = j.l;
	}
	const branch = new Array<boolean>(n).fill(false);
	for (const e of dup) if (find(e.a) === find(e.b) && e.link.branch) branch[e.a] = branch[e.b] = true;
	const best = (list: typeof reviews, crossOnly: boolean) => {
		const out: Array<OrgLink | undefined> = new Array(n);
		for (const e of list) {
			if (crossOnly && find(e.a) === find(e.b)) continue;
			for (const [x, y] of [
				[e.a, e.b],
				[e.b, e.a],
			]) {
				const cur = out[x];
				if (!cur || e.link.weight > cur.comparison.weight) out[x] = { other: y, score: e.score, comparison: e.link };
			}
		}
		return out;
	};
	return {
		primaryOf,
		clusterSize,
		link,
		review: best(reviews, true),
		companyLink: best(holdings, true),
		branch,
		sharedPhones,
		comparisons: pa.length,
	};
}
