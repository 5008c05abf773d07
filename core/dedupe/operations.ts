import { storedFacts } from '../contract';
import { reason } from '../shared/reasons';
import type { Reason } from '../shared/reasons';
import type { CountryCode } from '../text/phone';
import type { ClusterOptions, Link } from './cluster';
import { clusterContacts, DEFAULT_CLUSTER_OPTIONS, findSharedPhones } from './cluster';
import type { Comparison } from './tally';
import { compareContacts } from './compare';
import type { Thresholds } from './decide';
import { decide } from './decide';
import type { FieldMapping } from './fields';
import type { ContactRecord } from './record';
import { parseContact } from './record';
import type { DedupeResult, Evidence, MatchKeys, MatchKeysResult, MatchResult } from './schema';
import { dedupeResultSchema, matchKeysResultSchema, matchResultSchema } from './schema';
import { linkOrganisation, linkOrganisations } from './org/link';
import { orgMatchKeys } from './org/operations';
import { parseCandidateList } from './candidateList';

export interface ContactOptions {
	mapping: FieldMapping;
	defaultCountry: CountryCode;
	/** See ParseOptions.withoutIdentity: 'new' keeps anonymous contacts as new, never matched. */
	withoutIdentity?: 'error' | 'new';
	/** What a record is: a person (default) or an organisation (core/dedupe/org). */
	entity?: 'person' | 'organisation';
}

/** Record id as given, or "#<index>" when the record has none. */
export function recordId(r: ContactRecord, prefix = '#'): string {
	return r.id ?? `${prefix}${r.index}`;
}

export function keysOf(r: ContactRecord): MatchKeys {
	const inn = [r.personInn, r.orgInn].filter((x): x is string => Boolean(x));
	const all = [
		...r.emails.map((e) => `email:${e}`),
		...r.phones.filter((p) => p.kind !== 'shared').map((p) => `phone:${p.e164}`),
		...r.telegram.map((t) => `tg:${t}`),
		...(r.personInn ? [`inn:${r.personInn}`] : []),
		...(r.nameKey ? [`name:${r.nameKey}`] : []),
	];
	return {
		emails: [...r.emails, ...r.roleEmails],
		phones: r.phones.map((p) => p.e164),
		telegram: r.telegram,
		inn,
		ogrn: r.ogrn ? [r.ogrn] : [],
		name: r.nameKey ?? null,
		company: r.company ?? null,
		all,
	};
}

function parseReasons(r: ContactRecord): Reason[] {
	const out: Reason[] = [];
	if (r.anonymous) {
		out.push(reason('no_identity', 'No usable name, phone, e-mail, messenger, INN, company, date of birth or address: kept as a new contact, never matched or merged'));
	}
	for (const bad of r.invalid) out.push(reason('value_unusable', `Ignored "${bad.field}": not a valid value`, bad.field));
	for (const p of r.phones) {
		if (p.kind === 'shared') out.push(reason('phone_switchboard', 'Toll-free or shared-cost number: identifies a company, not a person', p.e164));
	}
	if (r.roleEmails.length) out.push(reason('email_role_mailbox', 'Team mailbox: identifies a company, not a person', r.roleEmails));
	return out;
}

/** Operation "Match keys": the normalised keys of one contact. */
export function matchKeys(json: unknown, index: number, options: ContactOptions): MatchKeysResult {
	if (options.entity === 'organisation') return orgMatchKeys(json, index, options);
	const r = parseContact(json, index, options);
	const keys = keysOf(r);
	return matchKeysResultSchema.parse({
		operation: 'matchKeys',
		keys,
		reasons: [reason('keys_built', `${keys.all.length} match keys`, keys.all.length), ...parseReasons(r)],
	});
}

function evidenceReasons(c: Comparison): Reason[] {
	return c.evidence
		.filter((e) => e.outcome !== 'different' || e.weight <= -3)
		.map((e) => reason(`${e.field}_${e.outcome}`, undefined, e.value ?? e.outcome, e.weight));
}

function cleanEvidence(list: Evidence[]): Evidence[] {
	return list.map((e) => ({ ...e }));
}

export interface MatchOptions extends ContactOptions {
	thresholds: Thresholds;
	sharedPhoneMinNames: number;
	includeMatchedRecord: boolean;
}

/** Parsed candidates for a match: bad candidates are skipped and counted, never matched on. */
export function parseCandidates(list: unknown[], options: ContactOptions): { records: ContactRecord[]; json: unknown[]; skipped: number } {
	return parseCandidateList(list, (c, index) => parseContact(c, index, options));
}

/**
 * Operation "Match against candidates": the best candidate decides new | duplicate | review.
 * A shared switchboard phone, an organisation INN or a team mailbox with different person names
 * is reported as a company link and never makes a duplicate.
 */
export function matchContact(
	json: unknown,
	index: number,
	candidates: { records: ContactRecord[]; json: unknown[]; skipped: number },
	options: MatchOptions,
): MatchResult {
	const r = parseContact(json, index, options);
	if (r.anonymous) {
		// Nothing to match on: a new contact, never compared with anyone (no merge on empty values).
		return matchResultSchema.parse({
			operation: 'match',
			decision: 'new',
			matchId: null,
			score: null,
			evidence: [],
			companyLink: null,
			organisation: null,
			candidatesCompared: 0,
			ownerId: null,
			segment: null,
			...(options.includeMatchedRecord ? { matchedRecord: null } : {}),
			keys: keysOf(r),
			reasons: parseReasons(r),
		});
	}
	const sharedPhones = findSharedPhones([r, ...candidates.records], options.sharedPhoneMinNames);
	let best: { c: Comparison; i: number; score: number; decision: 'new' | 'duplicate' | 'review' } | undefined;
	let company: { c: Comparison; i: number } | undefined;
	const rank = { duplicate: 2, review: 1, new: 0 } as const;
	candidates.records.forEach((cand, i) => {
		const c = compareContacts(r, cand, { sharedPhones });
		const d = decide(c, options.thresholds);
		if (!best || rank[d.decision] > rank[best.decision] || (rank[d.decision] === rank[best.decision] && c.weight > best.c.weight)) {
			best = { c, i, ...d };
		}
		if (c.companyLink && !company) company = { c, i };
	});
	const reasons: Reason[] = parseReasons(r);
	if (candidates.skipped) reasons.push(reason('candidates_skipped', 'Candidates without a usable identity were not compared', candidates.skipped));
	const keys = keysOf(r);
	const b = best as typeof best;
	if (!b || b.decision === 'new') {
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
			reason(b.decision === 'duplicate' ? 'duplicate_of' : 'possible_duplicate_of', undefined, recordId(candidates.records[b.i], 'candidate#'), b.c.weight),
			...evidenceReasons(b.c),
		);
	}
	const companyHit = company as typeof company;
	const companyLink =
		companyHit && (!b || b.decision === 'new' || b.i !== companyHit.i)
			? {
					id: recordId(candidates.records[companyHit.i], 'candidate#'),
					via: companyHit.c.companyLink!.via,
					value: companyHit.c.companyLink!.value,
				}
			: null;
	if (companyLink) reasons.push(reason('company_link', `Same company via ${companyLink.via}, not the same person`, companyLink.value));
	const matched = b && b.decision !== 'new' ? b : undefined;
	// Only a duplicate is the stored client: a review-level match is not sure enough to inherit an owner.
	const stored = matched?.decision === 'duplicate' ? storedFacts(candidates.json[matched.i]) : { ownerId: null, segment: null };
	return matchResultSchema.parse({
		operation: 'match',
		decision: matched ? matched.decision : 'new',
		matchId: matched ? recordId(candidates.records[matched.i], 'candidate#') : null,
		score: b ? b.score : null,
		evidence: b ? cleanEvidence(b.c.evidence) : [],
		companyLink,
		organisation: linkOrganisation(r, candidates.records),
		candidatesCompared: candidates.records.length,
		ownerId: stored.ownerId,
		segment: stored.segment,
		...(options.includeMatchedRecord ? { matchedRecord: matched ? (candidates.json[matched.i] as Record<string, unknown>) : null } : {}),
		keys,
		reasons,
	});
}

export interface DedupeOptions extends ContactOptions {
	thresholds: Thresholds;
	cluster?: Partial<Omit<ClusterOptions, 'thresholds'>>;
}

/**
 * Operation "Deduplicate a list" on parsed records (index = position): one result per record.
 * unique = the primary of its cluster (alone or with duplicates); duplicate = merged into a primary;
 * review = not merged, but a review-level link to another cluster exists.
 */
export function dedupeRecords(records: ContactRecord[], options: DedupeOptions): DedupeResult[] {
	const cluster = clusterContacts(records, { ...DEFAULT_CLUSTER_OPTIONS, ...options.cluster, thresholds: options.thresholds });
	const organisations = linkOrganisations(records);
	return records.map((r, i) => {
		const primary = records[cluster.primaryOf[i]];
		const isPrimary = cluster.primaryOf[i] === i;
		const link: Link | undefined = isPrimary ? undefined : cluster.link[i];
		const review = cluster.review[i];
		const decision: DedupeResult['decision'] = !isPrimary ? 'duplicate' : review ? 'review' : 'unique';
		const shown = link ?? (decision === 'review' ? review : undefined);
		const reasons: Reason[] = [];
		if (decision === 'duplicate') {
			reasons.push(reason('duplicate_of', 'Merged into the cluster primary', recordId(primary), link?.comparison.weight));
			if (link) {
				reasons.push(reason('linked_by', undefined, recordId(records[link.other]), link.comparison.weight), ...evidenceReasons(link.comparison));
				if (link.comparison.evidence.some((e) => e.field === 'cluster')) {
					reasons.push(reason('cluster_support', 'Joined by several review-level links to one cluster'));
				}
			}
		} else if (decision === 'review') {
			reasons.push(reason('possible_duplicate_of', undefined, recordId(records[review!.other]), review!.comparison.weight), ...evidenceReasons(review!.comparison));
		} else {
			reasons.push(reason(cluster.clusterSize[i] > 1 ? 'cluster_primary' : 'no_duplicate', undefined, cluster.clusterSize[i]));
		}
		const cl = cluster.companyLink[i];
		const companyLink = cl?.comparison.companyLink
			? { id: recordId(records[cl.other]), via: cl.comparison.companyLink.via, value: cl.comparison.companyLink.value }
			: null;
		if (companyLink) reasons.push(reason('company_link', `Same company via ${companyLink.via}, not the same person`, companyLink.value));
		for (const p of r.phones) if (cluster.sharedPhones.has(p.e164)) reasons.push(reason('phone_shared_in_batch', 'Several different people use this phone', p.e164));
		reasons.push(...parseReasons(r));
		return dedupeResultSchema.parse({
			operation: 'deduplicate',
			decision,
			clusterId: `cluster:${recordId(primary)}`,
			clusterSize: cluster.clusterSize[i],
			isPrimary,
			primaryId: recordId(primary),
			matchId: decision === 'duplicate' ? recordId(primary) : decision === 'review' ? recordId(records[review!.other]) : null,
			score: shown ? shown.score : null,
			evidence: shown ? cleanEvidence(shown.comparison.evidence) : [],
			companyLink,
			organisation: organisations[i],
			keys: keysOf(r),
			reasons,
		});
	});
}
