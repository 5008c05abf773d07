import { emailDomain } from '../../text/email';
import type { ContactRecord } from '../record';
import type { OrganisationLink } from '../schema';
import { companyDomain } from './normalize';

/**
 * People linked to their organisation (person mode): a contact's organisation evidence (organisation
 * INN, OGRN, the domain of a company mailbox, the company name) as stable keys, and the
 * organisation's id among the other contacts of a batch or the candidates.
 */

interface OrgView {
	inn?: string;
	ogrn?: string;
	domains: string[];
	/** Company name words run together (legal forms, quotes removed; script-neutral). */
	name?: string;
	/** Display name (the company words). */
	display?: string;
	keys: Array<{ key: string; via: OrganisationLink['via'] }>;
}

function viewOf(r: ContactRecord): OrgView | undefined {
	const domains: string[] = [];
	for (const e of [...r.emails, ...r.roleEmails]) {
		const d = companyDomain(emailDomain(e));
		if (d && !domains.includes(d)) domains.push(d);
	}
	// An OGRNIP (15 digits) is a sole trader: the person's own business, still an organisation.
	const name = r.company ? r.company.replace(/ /g, '') : undefined;
	const keys: OrgView['keys'] = [
		...(r.orgInn ? [{ key: `inn:${r.orgInn}`, via: 'inn' as const }] : []),
		...(r.ogrn ? [{ key: `ogrn:${r.ogrn}`, via: 'ogrn' as const }] : []),
		...domains.map((d) => ({ key: `domain:${d}`, via: 'domain' as const })),
		...(name ? [{ key: `name:${name}`, via: 'company' as const }] : []),
	];
	if (!keys.length) return undefined;
	return { inn: r.orgInn, ogrn: r.ogrn, domains, name, display: r.company, keys };
}

function rid(r: ContactRecord, prefix: string): string {
	return r.id ?? `${prefix}${r.index}`;
}

/**
 * Organisation of every contact of a batch: contacts that share an organisation key (INN, OGRN,
 * company domain, company name) are one organisation, unless that would put two different
 * organisation INNs (or OGRNs) together; id = "org:" + the id of its first contact.
 */
export function linkOrganisations(records: readonly ContactRecord[]): Array<OrganisationLink | null> {
	const views = records.map(viewOf);
	const parent = records.map((_, i) => i);
	const inn = views.map((v) => v?.inn);
	const ogrn = views.map((v) => v?.ogrn);
	const find = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]];
		return i;
	};
	const firstByKey = new Map<string, number>();
	// Strong keys first, so a name never joins what an INN keeps apart.
	for (const rank of ['inn', 'ogrn', 'domain', 'company'] as const) {
		views.forEach((v, i) => {
			if (!v) return;
			for (const k of v.keys) {
				if (k.via !== rank) continue;
				const j = firstByKey.get(k.key);
				if (j === undefined) {
					firstByKey.set(k.key, i);
					continue;
				}
				const a = find(i);
				const b = find(j);
				if (a === b) continue;
				if ((inn[a] && inn[b] && inn[a] !== inn[b]) || (ogrn[a] && ogrn[b] && ogrn[a] !== ogrn[b])) continue;
				const [root, child] = a < b ? [a, b] : [b, a];
				parent[child] = root;
				inn[root] ??= inn[child];
				ogrn[root] ??= ogrn[child];
			}
		});
	}
	return views.map((v, i) => {
		if (!v) return null;
		const root = find(i);
		const rootView = views[root];
		return { key: v.keys[0].key, id: `org:${rid(records[root], '#')}`, name: v.display ?? rootView?.display ?? null, via: v.keys[0].via };
	});
}

/**
 * Organisation of one contact against candidates (match): the key, and the first candidate that
 * shares an organisation key without a different organisation INN or OGRN.
 */
export function linkOrganisation(r: ContactRecord, candidates: readonly ContactRecord[]): OrganisationLink | null {
	const v = viewOf(r);
	if (!v) return null;
	let id: string | null = null;
	for (const rank of ['inn', 'ogrn', 'domain', 'company'] as const) {
		const mine = v.keys.filter((k) => k.via === rank).map((k) => k.key);
		if (!mine.length) continue;
		for (const c of candidates) {
			const cv = viewOf(c);
			if (!cv) continue;
			if ((v.inn && cv.inn && v.inn !== cv.inn) || (v.ogrn && cv.ogrn && v.ogrn !== cv.ogrn)) continue;
			if (cv.keys.some((k) => mine.includes(k.key))) {
				id = rid(c, 'candidate#');
				break;
			}
		}
		if (id) break;
	}
	return { key: v.keys[0].key, id, name: v.display ?? null, via: v.keys[0].via };
}
