import { InputError } from '../shared/errors';
import { getPath, isPlainObject } from '../shared/values';
import { normalizeCompany } from '../text/company';
import { normalizeDate } from '../text/date';
import { canonicalEmail, isRoleEmail } from '../text/email';
import { innKind, normalizeInn, normalizeOgrn } from '../text/inn';
import { normalizeTelegram, normalizeWhatsapp } from '../text/messenger';
import type { PersonName } from '../text/names';
import { nameKey, parsePersonName } from '../text/names';
import { skeleton, skeletonWords } from '../text/fold';
import type { CountryCode } from '../text/phone';
import { phoneKindOfText, phoneText } from './phoneKind';
import type { ContactField, FieldMapping } from './fields';

export type PhoneKind = 'mobile' | 'landline' | 'shared';

/** One contact, normalised once; everything the comparison needs. Never holds an empty key. */
export interface ContactRecord {
	/** Position in the batch (or candidate list). */
	index: number;
	id?: string;
	channel?: string;
	timestamp?: string;
	name?: PersonName;
	nameKey?: string;
	emails: string[];
	roleEmails: string[];
	phones: Array<{ e164: string; kind: PhoneKind }>;
	telegram: string[];
	personInn?: string;
	orgInn?: string;
	ogrn?: string;
	company?: string;
	dob?: string;
	address?: string;
	city?: string;
	postcode?: string;
	/** Values present but unusable (a phone of letters): field path → raw text. */
	invalid: Array<{ field: string; value: string }>;
	/** No usable identity at all (only when ParseOptions.withoutIdentity is 'new'): never compared, never merged. */
	anonymous?: boolean;
}

export interface ParseOptions {
	mapping: FieldMapping;
	defaultCountry: CountryCode;
	/**
	 * Optional memo of phone parses for one batch (phoneText(raw) → result), created by the caller per
	 * execution and dropped after it: the same switchboard or mobile, however punctuated, is parsed once.
	 */
	phoneCache?: Map<string, { e164: string; kind: PhoneKind } | null>;
	/** Optional memo of parsed names for one batch (same pattern as phoneCache). */
	nameCache?: Map<string, PersonName | null>;
	/** compileMapping(mapping), computed once by the caller for a batch. */
	compiled?: CompiledMapping;
	/** Optional memos of normalised texts for one batch (createTextMemo; same pattern as phoneCache). */
	textMemo?: TextMemo;
	/**
	 * A contact with no usable identity (an anonymous chat message): 'error' (default here) throws an
	 * InputError naming the field; 'new' returns it marked `anonymous`, to be treated as a new contact
	 * that is never compared or merged with anyone.
	 */
	withoutIdentity?: 'error' | 'new';
}

/**
 * Normalised texts by raw text (null: not usable), for one batch: companies, cities and e-mail
 * domains repeat across contacts, and folding one (transliteration, legal forms) is costly.
 */
export interface TextMemo {
	email: Map<string, string | null>;
	company: Map<string, string | null>;
	address: Map<string, string | null>;
	city: Map<string, string | null>;
}

/**
 * Fresh per-batch memos for parseContact (phones, names, normalised texts), to spread into its
 * options for every item of one execution and drop after it.
 */
export function createBatchMemos(): Required<
	Pick<ParseOptions, 'phoneCache' | 'nameCache' | 'textMemo'>
> {
	return {
		phoneCache: new Map(),
		nameCache: new Map(),
		textMemo: { email: new Map(), company: new Map(), address: new Map(), city: new Map() },
	};
}

/** normalize(raw) through the memo, when there is one ('' and undefined results are not usable). */
function memoised(
	memo: Map<string, string | null> | undefined,
	raw: string,
	normalize: (raw: string) => string | undefined,
): string | undefined {
	if (!memo) return normalize(raw) || undefined;
	let v = memo.get(raw);
	if (v === undefined) memo.set(raw, (v = normalize(raw) || null));
	return v ?? undefined;
}

const companyKey = (raw: string) => normalizeCompany(raw);
const addressKey = (raw: string) => skeletonWords(raw).join(' ');
const cityKey = (raw: string) => skeletonWords(raw).join('');

/** A field mapping with its comma-separated paths split once (per batch, not per item). */
export type CompiledMapping = Record<ContactField, Array<{ path: string; parts: string[] }>>;

export function compileMapping(mapping: FieldMapping): CompiledMapping {
	const out = {} as CompiledMapping;
	for (const [field, paths] of Object.entries(mapping) as Array<[ContactField, string]>) {
		out[field] = paths
			.split(',')
			.map((p) => p.trim())
			.filter(Boolean)
			.map((path) => ({ path, parts: path.split('.') }));
	}
	return out;
}

function read(json: Record<string, unknown>, parts: string[]): unknown {
	if (parts.length === 1) return json[parts[0]];
	return getPath(json, parts.join('.'));
}

/** The first path of a comma-separated list that has a non-empty value. */
function pick(
	json: Record<string, unknown>,
	paths: Array<{ path: string; parts: string[] }>,
): { path: string; value: unknown } | undefined {
	for (const { path, parts } of paths) {
		const value = read(json, parts);
		if (value === undefined || value === null) continue;
		if (typeof value === 'string' && value.trim() === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		return { path, value };
	}
	return undefined;
}

/** The list with x appended; an empty list becomes [x] (a first push would reserve room for 17). */
function appended<T>(list: T[], x: T): T[] {
	if (list.length === 0) return [x];
	list.push(x);
	return list;
}

/** Text values of a field: a string, a number, or an array of those; anything else is an error. */
function texts(
	json: Record<string, unknown>,
	mapping: CompiledMapping,
	field: ContactField,
): { path: string; values: string[] } | undefined {
	const found = pick(json, mapping[field]);
	if (!found) return undefined;
	const list = Array.isArray(found.value) ? found.value : [found.value];
	let values: string[] = [];
	for (const v of list) {
		if (v === undefined || v === null) continue;
		if (typeof v === 'string') {
			if (v.trim()) values = appended(values, v.trim());
		} else if (typeof v === 'number' && Number.isFinite(v)) values = appended(values, String(v));
		else throw notText(found.path, v);
	}
	return values.length ? { path: found.path, values } : undefined;
}

function notText(path: string, v: unknown): InputError {
	return new InputError(
		path,
		`Field "${path}" must be text (or a list of texts), got ${Array.isArray(v) ? 'array' : typeof v}`,
	);
}

/**
 * texts(json, mapping, field)?.values[0] without building the list: the same path is chosen, the
 * same values are errors, and the first text value is returned.
 */
function first(
	json: Record<string, unknown>,
	mapping: CompiledMapping,
	field: ContactField,
): string | undefined {
	for (const { path, parts } of mapping[field]) {
		const value = read(json, parts);
		if (value === undefined || value === null) continue;
		if (typeof value === 'string') {
			const t = value.trim();
			if (t === '') continue;
			return t;
		}
		if (!Array.isArray(value)) {
			if (typeof value === 'number' && Number.isFinite(value)) return String(value);
			throw notText(path, value);
		}
		if (value.length === 0) continue;
		let out: string | undefined;
		for (const v of value) {
			if (v === undefined || v === null) continue;
			if (typeof v === 'string') {
				if (out === undefined && v.trim()) out = v.trim();
			} else if (typeof v === 'number' && Number.isFinite(v)) out ??= String(v);
			else throw notText(path, v);
		}
		return out;
	}
	return undefined;
}

/**
 * The name cache's key for the name fields: the full name itself when it is the only one (half of
 * the contacts in a batch; no joined string to build and hash), else the four texts joined by NUL.
 * The two forms never meet: a joined key has three NULs, a full name with a NUL is joined too.
 */
function nameCacheKey(parts: {
	first?: string;
	last?: string;
	middle?: string;
	full?: string;
}): string {
	const { first, last, middle, full } = parts;
	if (
		first === undefined &&
		last === undefined &&
		middle === undefined &&
		full !== undefined &&
		!full.includes('\u0000')
	)
		return full;
	return `${first ?? ''}\u0000${last ?? ''}\u0000${middle ?? ''}\u0000${full ?? ''}`;
}

/** Between several phone numbers written in one text: , ; | newline, " / ", "или", "or". */
const PHONE_SEPARATORS = /[,;|\n]|\s\/\s|\s(?:или|or)\s/i;

const IDENTITY_FIELDS: ContactField[] = [
	'name',
	'firstName',
	'lastName',
	'phone',
	'email',
	'telegram',
	'whatsapp',
	'inn',
	'ogrn',
	'company',
	'dob',
	'address',
];

/**
 * Reads and normalises one contact. Throws InputError (naming the field) for a non-object, a field
 * of the wrong type, or a contact with no usable identity at all (e.g. a phone of letters as the
 * only field), so nothing is ever matched on empty values.
 */
export function parseContact(json: unknown, index: number, options: ParseOptions): ContactRecord {
	if (!isPlainObject(json)) {
		throw new InputError(
			'json',
			`Item is not an object (got ${Array.isArray(json) ? 'array' : typeof json})`,
		);
	}
	const { defaultCountry } = options;
	const mapping = options.compiled ?? compileMapping(options.mapping);
	const rec: ContactRecord = {
		index,
		emails: [],
		roleEmails: [],
		phones: [],
		telegram: [],
		invalid: [],
	};
	const id = first(json, mapping, 'id');
	if (id !== undefined) rec.id = id;
	const channel = first(json, mapping, 'channel');
	if (channel !== undefined) rec.channel = channel;
	const ts = first(json, mapping, 'timestamp');
	if (ts !== undefined) rec.timestamp = ts;

	const parts = {
		first: first(json, mapping, 'firstName'),
		last: first(json, mapping, 'lastName'),
		middle: first(json, mapping, 'middleName'),
		full: first(json, mapping, 'name'),
	};
	const nameKeyText = nameCacheKey(parts);
	let name = options.nameCache?.get(nameKeyText);
	if (name === undefined) {
		name = parsePersonName(parts) ?? null;
		options.nameCache?.set(nameKeyText, name);
	}
	if (name) {
		// Shared with every record of the same name text (records are never changed after parsing).
		rec.name = name;
		const key = nameKey(name);
		if (key) rec.nameKey = key;
	}

	const emails = texts(json, mapping, 'email');
	for (const raw of emails?.values ?? []) {
		const e = memoised(options.textMemo?.email, raw, canonicalEmail);
		if (!e) rec.invalid = appended(rec.invalid, { field: emails!.path, value: raw });
		else if (isRoleEmail(e)) {
			if (!rec.roleEmails.includes(e)) rec.roleEmails = appended(rec.roleEmails, e);
		} else if (!rec.emails.includes(e)) rec.emails = appended(rec.emails, e);
	}

	const addPhone = (e164: string, kind: PhoneKind) => {
		const existing = rec.phones.find((p) => p.e164 === e164);
		if (!existing) rec.phones = appended(rec.phones, { e164, kind });
	};
	const parsePhone = (raw: string): { e164: string; kind: PhoneKind } | null => {
		// Keyed by the text libphonenumber is given: "+7 (912) 345-67-89" and "+79123456789" share one parse.
		const text = phoneText(raw, defaultCountry);
		if (text === undefined) return null;
		let p = options.phoneCache?.get(text);
		if (p === undefined) {
			p = phoneKindOfText(text, defaultCountry) ?? null;
			options.phoneCache?.set(text, p);
		}
		return p;
	};
	const phones = texts(json, mapping, 'phone');
	for (const raw of phones?.values ?? []) {
		const p = parsePhone(raw);
		if (p) {
			addPhone(p.e164, p.kind);
			continue;
		}
		// Several numbers in one text ("+7 916 123-45-67, +7 916 765-43-21"): each part on its own.
		const parts = PHONE_SEPARATORS.test(raw) ? raw.split(PHONE_SEPARATORS) : [];
		for (const part of parts) {
			if (!part.trim()) continue;
			const q = parsePhone(part);
			if (q) addPhone(q.e164, q.kind);
			else rec.invalid = appended(rec.invalid, { field: phones!.path, value: part.trim() });
		}
		if (!parts.length) rec.invalid = appended(rec.invalid, { field: phones!.path, value: raw });
	}
	const wa = texts(json, mapping, 'whatsapp');
	for (const raw of wa?.values ?? []) {
		const e164 = normalizeWhatsapp(raw, defaultCountry);
		if (!e164) rec.invalid = appended(rec.invalid, { field: wa!.path, value: raw });
		else addPhone(e164, 'mobile');
	}
	const tg = texts(json, mapping, 'telegram');
	for (const raw of tg?.values ?? []) {
		const t = normalizeTelegram(raw);
		if (!t) rec.invalid = appended(rec.invalid, { field: tg!.path, value: raw });
		else if (!rec.telegram.includes(t)) rec.telegram = appended(rec.telegram, t);
	}
	const innField = texts(json, mapping, 'inn');
	for (const raw of innField?.values ?? []) {
		const inn = normalizeInn(raw);
		if (!inn) rec.invalid = appended(rec.invalid, { field: innField!.path, value: raw });
		else if (innKind(inn) === 'individual') rec.personInn ??= inn;
		else rec.orgInn ??= inn;
	}
	const ogrnField = texts(json, mapping, 'ogrn');
	if (ogrnField) {
		const ogrn = normalizeOgrn(ogrnField.values[0]);
		if (ogrn) rec.ogrn = ogrn;
		else rec.invalid = appended(rec.invalid, { field: ogrnField.path, value: ogrnField.values[0] });
	}
	const companyRaw = first(json, mapping, 'company');
	const company =
		companyRaw === undefined
			? undefined
			: memoised(options.textMemo?.company, companyRaw, companyKey);
	if (company) rec.company = company;

	const dobRaw = first(json, mapping, 'dob');
	if (dobRaw) {
		const dob = normalizeDate(dobRaw) ?? (/^\d{8}$/.test(dobRaw) ? dobRaw : undefined);
		if (dob) rec.dob = dob;
	}
	const address = first(json, mapping, 'address');
	if (address) {
		const a = memoised(options.textMemo?.address, address, addressKey);
		if (a) rec.address = a;
	}
	const city = first(json, mapping, 'city');
	if (city) {
		const c = memoised(options.textMemo?.city, city, cityKey);
		if (c) rec.city = c;
	}
	const postcode = first(json, mapping, 'postcode');
	if (postcode) {
		const p = postcode.replace(/\s/g, '').toLowerCase();
		if (p) rec.postcode = p;
	}

	if (!hasIdentity(rec)) {
		if (options.withoutIdentity === 'new') {
			rec.anonymous = true;
			return rec;
		}
		const bad = rec.invalid[0];
		if (bad) {
			throw new InputError(
				bad.field,
				`Field "${bad.field}" ("${bad.value.slice(0, 40)}") is not usable and the contact has no other identity`,
				`Check the field "${bad.field}": give the contact a valid phone, e-mail, name, Telegram, WhatsApp, INN or company (fields: ${IDENTITY_FIELDS.map((f) => options.mapping[f]).join('; ')}).`,
			);
		}
		throw new InputError(
			options.mapping.name.split(',')[0],
			'Contact has no usable identity: no name, phone, e-mail, Telegram, WhatsApp, INN, company, date of birth or address',
			`Check the field "${options.mapping.name.split(',')[0]}" and the field mapping: looked in ${IDENTITY_FIELDS.map((f) => options.mapping[f]).join('; ')}.`,
		);
	}
	return rec;
}

export function hasIdentity(rec: ContactRecord): boolean {
	return Boolean(
		rec.name ||
			rec.emails.length ||
			rec.roleEmails.length ||
			rec.phones.length ||
			rec.telegram.length ||
			rec.personInn ||
			rec.orgInn ||
			rec.ogrn ||
			rec.company ||
			rec.dob ||
			rec.address,
	);
}

/** Skeleton of a single word, exported for blocking keys. */
export { skeleton };
