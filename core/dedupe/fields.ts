import { PATHS } from '../contract';

/**
 * Which input fields hold which part of a contact. Each entry is a comma-separated list of dotted
 * paths; the first path with a value wins ("phone,mobile" reads `phone`, else `mobile`).
 */
export const CONTACT_FIELDS = [
	'id',
	'name',
	'firstName',
	'lastName',
	'middleName',
	'phone',
	'email',
	'company',
	'inn',
	'ogrn',
	'telegram',
	'whatsapp',
	'channel',
	'timestamp',
	'dob',
	'address',
	'city',
	'postcode',
	'kpp',
	'website',
] as const;

export type ContactField = (typeof CONTACT_FIELDS)[number];

export type FieldMapping = Record<ContactField, string>;

export const DEFAULT_FIELD_MAPPING: Readonly<FieldMapping> = {
	id: 'id',
	name: 'name,fullName',
	firstName: 'firstName,first_name',
	lastName: 'lastName,last_name',
	middleName: 'middleName,patronymic',
	phone: 'phone,phones,mobile',
	email: 'email,emails',
	company: 'company,companyName',
	inn: 'inn',
	ogrn: 'ogrn',
	telegram: 'telegram',
	whatsapp: 'whatsapp',
	channel: 'channel',
	timestamp: 'timestamp,createdAt',
	dob: 'dob,birthDate',
	address: 'address',
	city: 'city',
	postcode: 'postcode,zip',
	kpp: 'kpp',
	website: 'website,domain,site',
};

/**
 * Node version 1.1 (the pipeline contract, core/contract.ts): after the item's own fields, the
 * contact details Classify extracted from the message text (inquiry.extracted), so that a chat
 * message with a phone in its text matches with no field mapping.
 */
export const CONTRACT_FIELD_MAPPING: Readonly<FieldMapping> = {
	...DEFAULT_FIELD_MAPPING,
	name: `${DEFAULT_FIELD_MAPPING.name},${PATHS.extracted}.name`,
	phone: `${DEFAULT_FIELD_MAPPING.phone},${PATHS.extracted}.phones`,
	email: `${DEFAULT_FIELD_MAPPING.email},${PATHS.extracted}.emails`,
	company: `${DEFAULT_FIELD_MAPPING.company},${PATHS.extracted}.company`,
	inn: `${DEFAULT_FIELD_MAPPING.inn},${PATHS.extracted}.inn`,
};

export function resolveMapping(partial: Partial<Record<string, unknown>> | undefined, base: Readonly<FieldMapping> = DEFAULT_FIELD_MAPPING): FieldMapping {
	const out = { ...base };
	for (const f of CONTACT_FIELDS) {
		const v = partial?.[f];
		if (typeof v === 'string' && v.trim()) out[f] = v.trim();
	}
	return out;
}
