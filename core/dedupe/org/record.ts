import { InputError } from '../../shared/errors';
import { getPath, isPlainObject } from '../../shared/values';
import { canonicalEmail, emailDomain, isRoleEmail } from '../../text/email';
import { innKind, normalizeInn, normalizeOgrn } from '../../text/inn';
import { skeletonWords } from '../../text/fold';
import type { ContactField, FieldMapping } from '../fields';
import type { LegalName, OrgAddress } from './normalize';
import { companyDomain, normalizeAddress, normalizeLegalName, phoneDigits, traderName, websiteDomain } from './normalize';

/** One organisation record, normalised once: everything the organisation comparison needs. */
export interface OrgRecord {
	index: number;
	id?: string;
	channel?: string;
	timestamp?: string;
	/** The name as written (company field, else name field). */
	rawName?: string;
	name?: LegalName;
	/** Sole trader (ИП): a 12-digit INN, an OGRNIP or the legal form says so. */
	soleTrader: boolean;
	trader?: { last: string; initials: string };
	/** 10-digit INN of a legal entity, or 12-digit INN of a sole trader. */
	inn?: string;
	kpp?: string;
	/** OGRN (13 digits) or OGRNIP (15 digits). */
	ogrn?: string;
	/** Company web domains (from e-mails and website); free-mail domains are never here. */
	domains: string[];
	/** Every usable e-mail address (canonical). */
	emails: string[];
	/** Free-mail addresses (a mailbox that is not a company key, but the same mailbox is evidence). */
	freeEmails: string[];
	phones: string[];
	address?: OrgAddress;
	city?: string;
	invalid: Array<{ field: string; value: string }>;
	anonymous?: boolean;
}

export interface OrgParseOptions {
	mapping: FieldMapping;
	/** compileOrgMapping(mapping), computed once by the caller for a batch. */
	orgCompiled?: CompiledOrgMapping;
	/** Per-batch memos of normalised names and addresses by raw text (createOrgMemos), dropped after the batch. */
	orgMemo?: OrgMemo;
	withoutIdentity?: 'error' | 'new';
}

export interface OrgMemo {
	name: Map<string, LegalName | null>;
	address: Map<string, OrgAddress | null>;
}

/** Fresh per-batch memos for parseOrganisation (one execution; records never change a memoised value). */
export function createOrgMemos(): OrgMemo {
	return { name: new Map(), address: new Map() };
}

function memo<T>(map: Map<string, T | null> | undefined, raw: string, fn: (raw: string) => T | undefined): T | undefined {
	if (!map) return fn(raw);
	let v = map.get(raw);
	if (v === undefined) map.set(raw, (v = fn(raw) ?? null));
	return v ?? undefined;
}

/** A field mapping with its comma-separated paths split once per batch. */
export type CompiledOrgMapping = Record<ContactField, string[]>;

export function compileOrgMapping(mapping: FieldMapping): CompiledOrgMapping {
	const out = {} as CompiledOrgMapping;
	for (const [field, paths] of Object.entries(mapping) as Array<[ContactField, string]>) {
		out[field] = paths
			.split(',')
			.map((p) => p.trim())
			.filter(Boolean);
	}
	return out;
}

function values(json: Record<string, unknown>, mapping: CompiledOrgMapping, field: ContactField): { path: string; values: string[] } | undefined {
	for (const path of mapping[field]) {
		const v = path.includes('.') ? getPath(json, path) : json[path];
		if (v === undefined || v === null || v === '') continue;
		const list = Array.isArray(v) ? v : [v];
		const out: string[] = [];
		for (const x of list) {
			if (x === undefined || x === null) continue;
			if (typeof x === 'string') {
				if (x.trim()) out.push(x.trim());
			} else if (typeof x === 'number' && Number.isFinite(x)) out.push(String(x));
			else throw new InputError(path, `Field "${path}" must be text (or a list of texts), got ${Array.isArray(x) ? 'array' : typeof x}`);
		}
		if (out.length) return { path, values: out };
	}
	return undefined;
}

/**
 * Reads and normalises one organisation. Throws InputError (naming the field) for a non-object, a
 * field of the wrong type, or a record with no usable identity (no name, INN, OGRN, domain, e-mail,
 * phone or address), unless withoutIdentity is 'new' (then marked anonymous).
 */
export function parseOrganisation(json: unknown, index: number, options: OrgParseOptions): OrgRecord {
	if (!isPlainObject(json)) {
		throw new InputError('json', `Item is not an object (got ${Array.isArray(json) ? 'array' : typeof json})`);
	}
	const m = options.mapping;
	const c = options.orgCompiled ?? compileOrgMapping(m);
	const rec: OrgRecord = { index, soleTrader: false, domains: [], emails: [], freeEmails: [], phones: [], invalid: [] };
	const one = (f: ContactField) => values(json, c, f)?.values[0];
	const id = one('id');
	if (id !== undefined) rec.id = id;
	const channel = one('channel');
	if (channel !== undefined) rec.channel = channel;
	const ts = one('timestamp');
	if (ts !== undefined) rec.timestamp = ts;

	const rawName = one('company') ?? one('name');
	if (rawName !== undefined) {
		rec.rawName = rawName;
		const n = memo(options.orgMemo?.name, rawName, normalizeLegalName);
		if (n) rec.name = n;
	}
	const inns = values(json, c, 'inn');
	for (const raw of inns?.values ?? []) {
		const inn = normalizeInn(raw);
		if (!inn) rec.invalid.push({ field: inns!.path, value: raw });
		else rec.inn ??= inn;
	}
	const kpp = one('kpp');
	if (kpp !== undefined) {
		const k = kpp.replace(/\s/g, '').toUpperCase();
		if (/^\d{4}[\dA-Z]{2}\d{3}$/.test(k)) rec.kpp = k;
		else rec.invalid.push({ field: m.kpp.split(',')[0], value: kpp });
	}
	const ogrnField = values(json, c, 'ogrn');
	if (ogrnField) {
		const o = normalizeOgrn(ogrnField.values[0]);
		if (o) rec.ogrn = o;
		else rec.invalid.push({ field: ogrnField.path, value: ogrnField.values[0] });
	}
	rec.soleTrader = Boolean(
		(rec.inn && innKind(rec.inn) === 'individual') || (rec.ogrn && rec.ogrn.length === 15) || rec.name?.form === 'ip',
	);
	if (rec.soleTrader && rec.name) rec.trader = traderName(rec.name);

	const emails = values(json, c, 'email');
	for (const raw of emails?.values ?? []) {
		const e = canonicalEmail(raw);
		if (!e) {
			rec.invalid.push({ field: emails!.path, value: raw });
			continue;
		}
		if (!rec.emails.includes(e)) rec.emails.push(e);
		const d = companyDomain(emailDomain(e));
		if (d) {
			if (!rec.domains.includes(d)) rec.domains.push(d);
		} else if (!isRoleEmail(e) && !rec.freeEmails.includes(e)) rec.freeEmails.push(e);
	}
	const sites = values(json, c, 'website');
	for (const raw of sites?.values ?? []) {
		const d = websiteDomain(raw);
		if (!d) rec.invalid.push({ field: sites!.path, value: raw });
		else {
			const c = companyDomain(d);
			if (c && !rec.domains.includes(c)) rec.domains.push(c);
		}
	}
	const phones = values(json, c, 'phone');
	for (const raw of phones?.values ?? []) {
		const p = phoneDigits(raw);
		if (!p) rec.invalid.push({ field: phones!.path, value: raw });
		else if (!rec.phones.includes(p)) rec.phones.push(p);
	}
	const address = one('address');
	if (address !== undefined) {
		const a = memo(options.orgMemo?.address, address, normalizeAddress);
		if (a) rec.address = a;
	}
	const city = one('city');
	if (city !== undefined) {
		const c = skeletonWords(city).join('');
		if (c) rec.city = c;
	}
	if (!(rec.name || rec.inn || rec.ogrn || rec.domains.length || rec.emails.length || rec.phones.length || rec.address)) {
		if (options.withoutIdentity === 'new') {
			rec.anonymous = true;
			return rec;
		}
		const bad = rec.invalid[0];
		const field = bad?.field ?? m.company.split(',')[0];
		throw new InputError(
			field,
			bad
				? `Field "${bad.field}" ("${bad.value.slice(0, 40)}") is not usable and the organisation has no other identity`
				: 'Organisation has no usable identity: no name, INN, OGRN, company domain, e-mail, phone or address',
			`Check the field "${field}" and the field mapping: looked in ${(['company', 'name', 'inn', 'ogrn', 'email', 'website', 'phone', 'address'] as const).map((f) => m[f]).join('; ')}.`,
		);
	}
	return rec;
}
