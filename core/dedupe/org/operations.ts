import { storedFacts } from '../../contract';
import { reason } from '../../shared/reasons';
import type { Reason } from '../../shared/reasons';
import type { Thresholds } from '../decide';
import { decisionOf } from '../decide';
import type { FieldMapping } from '../fields';
import type { DedupeResult, MatchKeys, MatchKeysResult, MatchResult } from '../schema';
import { dedupeResultSchema, matchKeysResultSchema, matchResultSchema } from '../schema';
import { scoreOf } from '../weights';
import { parseCandidateList } from '../candidateList';
import type { OrgClusterOptions, OrgLink } from './cluster';
import { clusterOrganisations, DEFAULT_ORG_CLUSTER_OPTIONS, findSharedOrgPhones } from './cluster';
import type { OrgComparison } from './compare';
import { compareOrganisations } from './compare';
import type { OrgRecord } from './record';
import { compileOrgMapping, createOrgMemos, parseOrganisation } from './record';

/**
 * Organisation mode of Dedupe Contact's operations (entity = organisation): the same result objects
 * as person mode (match keys, match against candidates, deduplicate), built from organisation
 * evidence (INN/KPP, OGRN, company domain, legal name, address, phone).
 */

export interface OrgOptions {
	mapping: FieldMapping;
	withoutIdentity?: 'error' | 'new';
}

function orgId(r: OrgRecord, prefix = '#'): string {
	return r.id ?? `${prefix}${r.index}`;
}

/** Stable organisation keys, strongest first: "inn:…", "ogrn:…", "domain:…", "name:…". */
export function orgKeyList(r: OrgRecord): string[] {
	return [
		...(r.inn ? [`inn:${r.inn}`] : []),
		...(r.ogrn ? [`ogrn:${r.ogrn}`] : []),
		...r.domains.map((d) => `domain:${d}`),
		...(r.name ? [`name:${r.name.joined}`] : []),
	];
}

export function orgKeysOf(r: OrgRecord): MatchKeys {
	return {
		emails: r.emails,
		phones: r.phones,
		telegram: [],
		inn: r.inn ? [r.inn] : [],
		ogrn: r.ogrn ? [r.ogrn] : [],
		name: r.name ? r.name.joined : null,
		company: r.name ? r.name.words.join(' ') : null,
		all: [...orgKeyList(r), ...r.freeEmails.map((e) => `email:${e}`), ...r.phones.map((p) => `phone:${p}`)],
	};
}

function parseReasons(r: OrgRecord): Reason[] {
	const out: Reason[] = [];
	if (r.anonymous) out.push(reason('no_identity', 'No usable name, INN, OGRN, domain, e-mail, phone or address: kept as a new organisation, never matched or merged'));
	for (const bad of r.invalid) out.push(reason('value_unusable', `Ignored "${bad.field}": not a valid value`, bad.field));
	if (r.soleTrader) out.push(reason('sole_trader', 'Sole trader (ИП): an organisation identified by a 12-digit INN and a person\'s name', r.inn ?? r.ogrn ?? r.rawName));
	if (r.name?.branch) out.push(reason('branch_note', 'The name says this is a branch', r.rawName));
	return out;
}

function evidenceReasons(c: OrgComparison): Reason[] {
	return c.evidence
		.filter((e) => e.outcome !== 'different' || e.weight <= -3 || e.field === 'kpp')
		.map((e) => reason(`org_${e.field}_${e.outcome}`, undefined, e.value ?? e.outcome, e.weight));
}

/** Operation "Match keys" for an organisation. */
export function orgMatchKeys(json: unknown, index: number, options: OrgOptions): MatchKeysResult {
	const r = parseOrganisation(json, index, options);
	const keys = orgKeysOf(r);
	return matchKeysResultSchema.parse({
		operation: 'matchKeys',
		keys,
		reasons: [reason('keys_built', `${keys.all.length} match keys`, keys.all.length), ...parseReasons(r)],
	});
}

export interface OrgCandidates {
	records: OrgRecord[];
	json: unknown[];
	skipped: number;
}

/** Parsed organisation candidates: bad or anonymous ones are skipped and counted. */
export function parseOrgCandidates(list: unknown[], options: OrgOptions): OrgCandidates {
	return parseCandidateList(list, (c, index) => parseOrganisation(c, index, options));
}

export interface OrgMatchOptions extends OrgOptions {
	thresholds: Thresholds;
	includeMatchedRecord: boolean;
}

/** Operation "Match against candidates" for an organisation. */
export function matchOrganisation(json: unknown, index: number, candidates: OrgCandidates, options: OrgMatchOptions): MatchResult {
	const r = parseOrganisation(json, index, options);
	const keys = orgKeysOf(r);
	// ownerId / segment: the stored row's, on a duplicate only (the contract's one `contact` shape, as for a person)
	const base = { operation: 'match' as const, candidatesCompared: 0, keys, ownerId: null, segment: null, ...(options.includeMatchedRecord ? { matchedRecord: null } : {}) };
	if (r.anonymous) {
		return matchResultSchema.parse({ ...base, decision: 'new', matchId: null, score: null, evidence: [], companyLink: null, reasons: parseReasons(r) });
	}
	const sharedPhones = findSharedOrgPhones([r, ...candidates.records]);
	const rank = { duplicate: 2, review: 1, new: 0 } as const;
	let best: { c: OrgComparison; i: number; score: number; decision: 'new' | 'duplicate' | 'review' } | undefined;
	let holding: { c: OrgComparison; i: number } | undefined;
	candidates.records.forEach((cand, i) => {
		const c = compareOrganisations(r, cand, { sharedPhones });
		const score = scoreOf(c.weight);
		const decision = decisionOf(score, c.conflict, c.corroborated, options.thresholds);
		if (!best || rank[decision] > rank[best.decision] || (rank[decision] === rank[best.decision] && c.weight > best.c.weight)) best = { c, i, score, decision };
		if (c.companyLink && !holding) holding = { c, i };
	});
	const b = best as typeof best;
	const reasons: Reason[] = parseReasons(r);
	if (candidates.skipped) reasons.push(reason('candidates_skipped', 'Candidates without a usable identity were not compared', candidates.skipped));
	const matched = b && b.decision !== 'new' ? b : undefined;
	if (!matched) {
		reasons.unshift(
			reason(
				candidates.records.length ? 'no_match' : 'no_candidates',
				candidates.records.length ? 'No candidate reaches the review threshold' : 'No candidates to compare with',
				undefined,
				b ? b.c.weight : undefined,
			),
		);
	} else {
		reasons.unshift(
			reason(matched.decision === 'duplicate' ? 'duplicate_of' : 'possible_duplicate_of', undefined, orgId(candidates.records[matched.i], 'candidate#'), matched.c.weight),
			...evidenceReasons(matched.c),
		);
		if (matched.c.branch) reasons.push(reason('branch_of', 'The same legal entity (same INN), another branch (KPP or branch note)', orgId(candidates.records[matched.i], 'candidate#')));
	}
	const h = holding as typeof holding;
	const companyLink = h ? { id: orgId(candidates.records[h.i], 'candidate#'), via: 'domain' as const, value: h.c.companyLink!.value } : null;
	if (companyLink) reasons.push(reason('holding_link', 'Same company domain but a different INN: a holding or subsidiary, not the same legal entity', companyLink.value));
	return matchResultSchema.parse({
		...base,
		decision: matched ? matched.decision : 'new',
		matchId: matched ? orgId(candidates.records[matched.i], 'candidate#') : null,
		score: b ? b.score : null,
		evidence: b ? b.c.evidence.map((e) => ({ ...e })) : [],
		companyLink,
		candidatesCompared: candidates.records.length,
		...(matched?.decision === 'duplicate' ? storedFacts(candidates.json[matched.i]) : {}),
		...(options.includeMatchedRecord ? { matchedRecord: matched ? (candidates.json[matched.i] as Record<string, unknown>) : null } : {}),
		reasons,
	});
}

export interface OrgDedupeOptions extends OrgOptions {
	thresholds: Thresholds;
	cluster?: Partial<Omit<OrgClusterOptions, 'thresholds'>>;
}

/** Operation "Deduplicate a list" for organisations (index = position): one result per record. */
export function dedupeOrganisations(records: OrgRecord[], options: OrgDedupeOptions): DedupeResult[] {
	const cluster = clusterOrganisations(records, {
		...DEFAULT_ORG_CLUSTER_OPTIONS,
		...Object.fromEntries(Object.entries(options.cluster ?? {}).filter(([k, v]) => v !== undefined && k in DEFAULT_ORG_CLUSTER_OPTIONS)),
		thresholds: options.thresholds,
	});
	return records.map((r, i) => {
		const primary = records[cluster.primaryOf[i]];
		const isPrimary = cluster.primaryOf[i] === i;
		const link: OrgLink | undefined = isPrimary ? undefined : cluster.link[i];
		const review = cluster.review[i];
		const decision: DedupeResult['decision'] = !isPrimary ? 'duplicate' : review ? 'review' : 'unique';
		const shown = link ?? (decision === 'review' ? review : undefined);
		const reasons: Reason[] = [];
		if (decision === 'duplicate') {
			reasons.push(reason('duplicate_of', 'Merged into the cluster primary', orgId(primary), link?.comparison.weight));
			if (link) reasons.push(reason('linked_by', undefined, orgId(records[link.other]), link.comparison.weight), ...evidenceReasons(link.comparison));
		} else if (decision === 'review') {
			reasons.push(reason('possible_duplicate_of', undefined, orgId(records[review!.other]), review!.comparison.weight), ...evidenceReasons(review!.comparison));
		} else {
			reasons.push(reason(cluster.clusterSize[i] > 1 ? 'cluster_primary' : 'no_duplicate', undefined, cluster.clusterSize[i]));
		}
		if (cluster.branch[i]) reasons.push(reason('branch_of', 'The same legal entity as its cluster (same INN), another branch (KPP or branch note)', orgId(primary)));
		const cl = cluster.companyLink[i];
		const companyLink = cl?.comparison.companyLink ? { id: orgId(records[cl.other]), via: 'domain' as const, value: cl.comparison.companyLink.value } : null;
		if (companyLink) reasons.push(reason('holding_link', 'Same company domain but a different INN: a holding or subsidiary, not the same legal entity', companyLink.value));
		for (const p of r.phones) if (cluster.sharedPhones.has(p)) reasons.push(reason('phone_shared_in_batch', 'Several different organisations use this phone (a switchboard)', p));
		reasons.push(...parseReasons(r));
		return dedupeResultSchema.parse({
			operation: 'deduplicate',
			decision,
			clusterId: `cluster:${orgId(primary)}`,
			clusterSize: cluster.clusterSize[i],
			isPrimary,
			primaryId: orgId(primary),
			matchId: decision === 'duplicate' ? orgId(primary) : decision === 'review' ? orgId(records[review!.other]) : null,
			score: shown ? shown.score : null,
			evidence: shown ? shown.comparison.evidence.map((e) => ({ ...e })) : [],
			companyLink,
			keys: orgKeysOf(r),
			reasons,
		});
	});
}

/** "Deduplicate a list" of plain organisation objects (CLI, eval, bench). */
export function dedupeOrgList(
	items: unknown[],
	options: { mapping: FieldMapping; thresholds: Thresholds; cluster?: Partial<Omit<OrgClusterOptions, 'thresholds'>> },
): { records: OrgRecord[]; positions: number[]; primaryOf: number[]; errors: Array<{ index: number; message: string }> } {
	const records: OrgRecord[] = [];
	const positions: number[] = [];
	const errors: Array<{ index: number; message: string }> = [];
	const parseOptions = { mapping: options.mapping, orgCompiled: compileOrgMapping(options.mapping), orgMemo: createOrgMemos() };
	items.forEach((item, i) => {
		try {
			records.push(parseOrganisation(item, records.length, parseOptions));
			positions.push(i);
		} catch (error) {
			errors.push({ index: i, message: error instanceof Error ? error.message : String(error) });
		}
	});
	const result = clusterOrganisations(records, { ...DEFAULT_ORG_CLUSTER_OPTIONS, ...options.cluster, thresholds: options.thresholds });
	return { records, positions, primaryOf: result.primaryOf, errors };
}
