import { Metadata, parsePhoneNumberFromString as parseWithMetadata } from 'libphonenumber-js/core';
import type { MetadataJson } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneNumber, PhoneNumberType } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

import type { CountryCode } from '../text/phone';
import { withRussianCountryCode } from '../text/phone';

export type PhoneKindResult = { e164: string; kind: 'mobile' | 'landline' | 'shared' };

/** Digits and the punctuation people put between them ("8 (912) 345-67-89"), "+" only in front. */
const PLAIN_PHONE = /^\+?[0-9 ().-]+$/;

/**
 * The text libphonenumber is given for a raw phone (undefined: no digit at all), also the key under
 * which a batch remembers its result. A plain number (digits, spaces, ( ) . - and a leading +) is
 * given as its digits with the leading "+" kept: libphonenumber strips that punctuation before it
 * reads anything, so "+7 (912) 345-67-89" and "+79123456789" parse alike and share one parse.
 * Anything else (letters, an extension, "tel:") goes as written. Russian trunk prefix written
 * with the country code but without "+" (7XXXXXXXXXX) becomes +7XXXXXXXXXX (withRussianCountryCode, as in normalizePhone).
 */
export function phoneText(raw: string, defaultCountry: CountryCode): string | undefined {
	const text = raw.trim();
	const digits = text.replace(/\D/g, '');
	if (!digits) return undefined;
	const withCode = withRussianCountryCode(text, digits, defaultCountry);
	if (withCode !== undefined) return withCode;
	const plus = text.startsWith('+');
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
	const reduced = mainOnly();
	if (reduced) {
		const parsed = parseWithMetadata(text, defaultCountry, reduced) as PhoneNumber | undefined;
		// No number either way: the parse fails before the country is chosen.
		if (!parsed) return undefined;
		const plan = planOfParsed(parsed, defaultCountry);
		// Only a valid result is taken from this path. A number it finds invalid is parsed again
		// plainly: with all countries of a shared calling code the parser may read the national number
		// differently ("+1 1 310 0000": the national prefix 1 stripped, a Canadian UAN; a fast-check
		// seed found it), and invalid numbers are rare enough for the second parse to cost nothing.
		const kind = plan ? kindIn(plan, parsed.nationalNumber, parsed.number) : undefined;
		if (kind) return kind;
	}
	const parsed = parsePhoneNumberFromString(text, defaultCountry);
	if (!parsed) return undefined;
	const plan = planOf(parsed.country || parsed.countryCallingCode);
	if (plan) return kindIn(plan, parsed.nationalNumber, parsed.number);
	const type = parsed.getType();
	return type === undefined && !parsed.isValid()
		? undefined
		: { e164: parsed.number, kind: kindOfType(type) };
}

/** The result for a national number in its plan: undefined when it is not valid there. */
function kindIn(
	plan: CompiledPlan,
	nationalNumber: string,
	e164: string,
): PhoneKindResult | undefined {
	const type = numberType(plan, nationalNumber);
	return type === null ? undefined : { e164, kind: kindOfType(type) };
}

/** How personal a valid number of this libphonenumber type is (undefined: valid without a type). */
export function kindOfType(type: PhoneNumberType | undefined): PhoneKindResult['kind'] {
	if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' || type === 'PERSONAL_NUMBER')
		return 'mobile';
	if (type === 'TOLL_FREE' || type === 'SHARED_COST' || type === 'PREMIUM_RATE' || type === 'UAN')
		return 'shared';
	return 'landline';
}

// ---------------------------------------------------------------------------------------------
// Country detection without libphonenumber's per-number RegExps.
//
// When several countries share a calling code (+7: RU, KZ; +1: US, CA, …; +44: GB, GG, IM, JE), the
// parser picks the country from the national number (getCountryByNationalNumber): for each country
// in the metadata's order, its "leading digits" pattern if it has one, else getNumberType() — which
// compiles a fresh RegExp per pattern, twice per +7 number (≈ 40 % of all phone time in a batch).
// phoneKindOfText parses with a copy of the 'max' metadata in which each shared calling code lists
// only its main (first) country, so the parser does not look; the calling code, national number and
// E.164 form do not depend on the country (the national number is extracted before the country is
// chosen, with the main country's plan either way). The country, which only decides the plan the
// number type is read from, is then found here the parser's way with compiled patterns
// (countryOf). When none matches, the parser leaves the country unset (plan of the calling code:
// the main country's) or, for a number written nationally, the default country; only when the
// default country is a non-main country of that calling code (KZ for +7) can the two differ, and
// then the text is parsed again with the plain metadata.
// test/unit/dedupe/dedupe-phone.test.ts checks the result against the library used plainly.
// ---------------------------------------------------------------------------------------------

const MAX_METADATA = maxMetadata as unknown as MetadataJson & {
	country_calling_codes: Record<string, string[]>;
};

let mainOnlyMetadata: MetadataJson | null | undefined;

/** The 'max' metadata with each shared calling code reduced to its main country (null: unexpected shape). */
function mainOnly(): MetadataJson | null {
	if (mainOnlyMetadata !== undefined) return mainOnlyMetadata;
	mainOnlyMetadata = null;
	const codes = MAX_METADATA.country_calling_codes;
	if (codes && typeof codes === 'object' && phoneTypesCompiled()) {
		const reduced: Record<string, string[]> = {};
		for (const [code, countries] of Object.entries(codes))
			reduced[code] = Array.isArray(countries) && countries.length > 1 ? [countries[0]] : countries;
		mainOnlyMetadata = { ...MAX_METADATA, country_calling_codes: reduced } as MetadataJson;
	}
	return mainOnlyMetadata;
}

/**
 * The compiled plan the plain parser's result would be typed with (planOf(country || calling
 * code)), for a number parsed with mainOnly(); null when it cannot be told here.
 */
function planOfParsed(parsed: PhoneNumber, defaultCountry: CountryCode): CompiledPlan | null {
	const code = parsed.countryCallingCode;
	const countries = MAX_METADATA.country_calling_codes[code];
	if (!countries || countries.length < 2) return planOf(parsed.country || code);
	const country = countryOf(countries, parsed.nationalNumber);
	if (country === null) return null;
	if (country !== undefined) return planOf(country);
	// No country matched: unset (→ the calling code's plan, the main country's) or the default country.
	if (defaultCountry !== countries[0] && countries.includes(defaultCountry)) return null;
	return planOf(code);
}

/**
 * getCountryByNationalNumber with compiled patterns: the first country whose leading digits match
 * at the start or, without leading digits, in which the number has a type; undefined when none,
 * null when a plan is not compiled.
 */
function countryOf(countries: string[], nationalNumber: string): string | undefined | null {
	for (const country of countries) {
		const plan = planOf(country);
		if (!plan) return null;
		if (plan.leadingDigits) {
			if (nationalNumber.search(plan.leadingDigits) === 0) return country;
		} else if (typeIn(plan, nationalNumber) !== undefined) return country;
	}
	return undefined;
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
	leadingDigits?: () => string | undefined;
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
	/** The country's "leading digits" pattern (compiled as String.prototype.search would). */
	leadingDigits: RegExp | undefined;
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
			typeof m.type === 'function' &&
			typeof m.leadingDigits === 'function'
		) {
			m.selectNumberingPlan(key);
			const leadingDigits = m.leadingDigits();
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
				leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
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

/** getType() of a number when it is valid (undefined: valid without a type); null when it is not valid. */
function numberType(plan: CompiledPlan, nn: string): PhoneNumberType | undefined | null {
	const type = typeIn(plan, nn);
	if (type !== undefined) return type;
	// isValid(): a number is valid when it has a type, or (metadata without types) when it fits the national pattern.
	return !plan.hasTypes && plan.nationalNumber.test(nn) ? undefined : null;
}

/** getNumberType(): the type of a national number in a plan (undefined: none). */
function typeIn(plan: CompiledPlan, nn: string): PhoneNumberType | undefined {
	if (!plan.nationalNumber.test(nn)) return undefined;
	if (isType(nn, plan.fixedLine)) {
		return plan.mobileSameAsFixed || plan.mobileMissing || isType(nn, plan.mobile)
			? 'FIXED_LINE_OR_MOBILE'
			: 'FIXED_LINE';
	}
	return plan.others.find((t) => isType(nn, t))?.type;
}
