import { Metadata } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneNumber, PhoneNumberType } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

import type { CountryCode } from '../text/phone';

export type PhoneKindResult = { e164: string; kind: 'mobile' | 'landline' | 'shared' };

/** Digits and the punctuation people put between them ("8 (912) 345-67-89"), "+" only in front. */
const PLAIN_PHONE = /^\+?[0-9 ().-]+$/;

/**
 * The text libphonenumber is given for a raw phone (undefined: no digit at all), also the key under
 * which a batch remembers its result. A plain number (digits, spaces, ( ) . - and a leading +) is
 * given as its digits with the leading "+" kept: libphonenumber strips that punctuation before it
 * reads anything, so "+7 (912) 345-67-89" and "+79123456789" parse alike and share one parse.
 * Anything else (letters, an extension, "tel:") goes as written. Russian trunk prefix written
 * with the country code but without "+" (7XXXXXXXXXX) becomes +7XXXXXXXXXX (normalizePhone's rule).
 */
export function phoneText(raw: string, defaultCountry: CountryCode): string | undefined {
	const text = raw.trim();
	const digits = text.replace(/\D/g, '');
	if (!digits) return undefined;
	const plus = text.startsWith('+');
	if (!plus && digits.length === 11 && digits.startsWith('7') && defaultCountry === 'RU')
		return `+${digits}`;
	// Seven digits or more: shorter texts never make a valid number either way, and the digit runs
	// libphonenumber needs to call a text a phone number at all are then there with or without punctuation.
	if (digits.length >= 7 && PLAIN_PHONE.test(text)) return plus ? `+${digits}` : digits;
	return text;
}

/**
 * A phone in E.164 with how personal it is, from libphonenumber's number type: mobiles identify a
 * person; landlines often ring an office; toll-free, shared-cost, premium and UAN numbers are
 * company switchboards and never identify a person.
 */
export function phoneKind(raw: string, defaultCountry: CountryCode): PhoneKindResult | undefined {
	const text = phoneText(raw, defaultCountry);
	return text === undefined ? undefined : phoneKindOfText(text, defaultCountry);
}

/** phoneKind of a text already prepared by phoneText (the batch memo's key). */
export function phoneKindOfText(
	text: string,
	defaultCountry: CountryCode,
): PhoneKindResult | undefined {
	const parsed = parsePhoneNumberFromString(text, defaultCountry);
	if (!parsed) return undefined;
	const type = numberType(parsed);
	if (type === null) return undefined;
	const e164 = parsed.number;
	if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' || type === 'PERSONAL_NUMBER')
		return { e164, kind: 'mobile' };
	if (type === 'TOLL_FREE' || type === 'SHARED_COST' || type === 'PREMIUM_RATE' || type === 'UAN')
		return { e164, kind: 'shared' };
	return { e164, kind: 'landline' };
}

// ---------------------------------------------------------------------------------------------
// Number type with compiled patterns.
//
// parsed.getType() and parsed.isValid() match the national number against the 'max' metadata's
// patterns, and libphonenumber-js builds `new RegExp('^(?:' + pattern + ')$')` for every single
// match: in a batch of contacts that was more than half of all phone time. numberType() reads the
// same metadata (the 'max' set parsePhoneNumberFromString uses) through the library's Metadata
// class and compiles each pattern once, following
// libphonenumber-js 1.13's getNumberType and isValid step for step. The metadata accessors it
// needs (nationalNumberPattern, hasTypes, type) are not in the library's type declarations: when
// one is missing (another library version), it falls back to getType() and isValid().
// test/unit/dedupe/dedupe-phone.test.ts checks it against getType() and isValid().
// ---------------------------------------------------------------------------------------------

interface TypeDefinition {
	pattern(): string;
	possibleLengths(): number[] | undefined;
}

interface PlanAccess {
	selectNumberingPlan(countryOrCallingCode: string): void;
	nationalNumberPattern?: () => string;
	hasTypes?: () => boolean;
	type?: (type: string) => TypeDefinition | undefined;
}

interface CompiledType {
	type: PhoneNumberType;
	pattern: RegExp;
	lengths: number[] | undefined;
}

interface CompiledPlan {
	nationalNumber: RegExp;
	fixedLine: CompiledType | undefined;
	mobile: CompiledType | undefined;
	/** The metadata has a MOBILE type whose pattern was dropped as a duplicate of FIXED_LINE's. */
	mobileSameAsFixed: boolean;
	mobileMissing: boolean;
	/** Types tried after FIXED_LINE, in the library's order. */
	others: CompiledType[];
	hasTypes: boolean;
}

const NON_FIXED_LINE_TYPES: PhoneNumberType[] = [
	'MOBILE',
	'PREMIUM_RATE',
	'TOLL_FREE',
	'SHARED_COST',
	'VOIP',
	'PERSONAL_NUMBER',
	'PAGER',
	'UAN',
	'VOICEMAIL',
];

let metadata: PlanAccess | undefined;
/** Compiled plans by country code or calling code; null: no plan or accessors missing (use the library). */
const plans = new Map<string, CompiledPlan | null>();

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function compiledType(m: PlanAccess, type: PhoneNumberType): CompiledType | undefined {
	const def = m.type!(type);
	if (!def || !def.pattern()) return undefined;
	return { type, pattern: whole(def.pattern()), lengths: def.possibleLengths() };
}

function planOf(key: string): CompiledPlan | null {
	let plan = plans.get(key);
	if (plan !== undefined) return plan;
	plan = null;
	try {
		const m = (metadata ??= new Metadata(maxMetadata) as unknown as PlanAccess);
		if (
			typeof m.nationalNumberPattern === 'function' &&
			typeof m.hasTypes === 'function' &&
			typeof m.type === 'function'
		) {
			m.selectNumberingPlan(key);
			const mobileDef = m.type('MOBILE');
			plan = {
				nationalNumber: whole(m.nationalNumberPattern()),
				fixedLine: compiledType(m, 'FIXED_LINE'),
				mobile: compiledType(m, 'MOBILE'),
				mobileSameAsFixed: mobileDef !== undefined && mobileDef.pattern() === '',
				mobileMissing: mobileDef === undefined,
				others: NON_FIXED_LINE_TYPES.map((t) => compiledType(m, t)).filter(
					(t): t is CompiledType => t !== undefined,
				),
				hasTypes: m.hasTypes(),
			};
		}
	} catch {
		plan = null;
	}
	plans.set(key, plan);
	return plan;
}

/** True when numberType() uses compiled patterns (false: the library's own getType() and isValid()). */
export function phoneTypesCompiled(): boolean {
	return planOf('RU') !== null;
}

function isType(nationalNumber: string, t: CompiledType | undefined): boolean {
	if (!t) return false;
	if (t.lengths && t.lengths.indexOf(nationalNumber.length) < 0) return false;
	return t.pattern.test(nationalNumber);
}

/** parsed.getType() when the number is valid (undefined: valid without a type); null when it is not valid. */
function numberType(parsed: PhoneNumber): PhoneNumberType | undefined | null {
	const plan = planOf(parsed.country || parsed.countryCallingCode);
	if (!plan) {
		const type = parsed.getType();
		return type === undefined && !parsed.isValid() ? null : type;
	}
	const nn = parsed.nationalNumber;
	let type: PhoneNumberType | undefined;
	if (!plan.nationalNumber.test(nn)) type = undefined;
	else if (isType(nn, plan.fixedLine)) {
		type =
			plan.mobileSameAsFixed || plan.mobileMissing || isType(nn, plan.mobile)
				? 'FIXED_LINE_OR_MOBILE'
				: 'FIXED_LINE';
	} else type = plan.others.find((t) => isType(nn, t))?.type;
	if (type !== undefined) return type;
	// isValid(): a number is valid when it has a type, or (metadata without types) when it fits the national pattern.
	return !plan.hasTypes && plan.nationalNumber.test(nn) ? undefined : null;
}
