import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

export type { CountryCode };

/**
 * Normalise one phone number to E.164 ("8 912 345-67-89", "+7 (912) 345-67-89" and "79123456789"
 * are all "+79123456789" with default country RU). Returns undefined for anything that is not a
 * valid number: letters, too short, impossible for the country.
 */
export function normalizePhone(raw: unknown, defaultCountry: CountryCode = 'RU'): string | undefined {
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	let text = String(raw).trim();
	if (!/\d/.test(text)) return undefined;
	text = withRussianCountryCode(text, text.replace(/\D/g, ''), defaultCountry) ?? text;
	const parsed = parsePhoneNumberFromString(text, defaultCountry);
	if (!parsed || !parsed.isValid()) return undefined;
	return parsed.number;
}

/**
 * A Russian number written with its country code but without "+" (7XXXXXXXXXX, eleven digits) under
 * default country RU, as the text libphonenumber should read: "+7XXXXXXXXXX"; undefined when the rule
 * does not apply. `digits` are the text's digits.
 */
export function withRussianCountryCode(
	text: string,
	digits: string,
	defaultCountry: CountryCode,
): string | undefined {
	const applies =
		!text.startsWith('+') && digits.length === 11 && digits.startsWith('7') && defaultCountry === 'RU';
	return applies ? `+${digits}` : undefined;
}

/**
 * Phone numbers are looked for in the first characters of a text only: libphonenumber reads runs of
 * digits and separators slowly (about 3 s per 100 KB of "1 1 1 …"), so a hostile 1 MB message would
 * stall the process for half a minute.
 */
export const MAX_PHONE_SCAN_CHARS = 100_000;

/** Every valid phone number mentioned in free text (its first MAX_PHONE_SCAN_CHARS characters), as E.164, in order of appearance, without repeats. */
export function extractPhones(text: string, defaultCountry: CountryCode = 'RU'): string[] {
	const found = new Set<string>();
	const scanned = text.length > MAX_PHONE_SCAN_CHARS ? text.slice(0, MAX_PHONE_SCAN_CHARS) : text;
	for (const match of findPhoneNumbersInText(scanned, { defaultCountry })) {
		if (match.number.isValid()) found.add(match.number.number);
	}
	return [...found];
}
