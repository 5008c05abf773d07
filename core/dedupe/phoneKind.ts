import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

import type { CountryCode } from '../text/phone';

/**
 * A phone in E.164 with how personal it is, from libphonenumber's number type: mobiles identify a
 * person; landlines often ring an office; toll-free, shared-cost, premium and UAN numbers are
 * company switchboards and never identify a person.
 */
export function phoneKind(
	raw: string,
	defaultCountry: CountryCode,
): { e164: string; kind: 'mobile' | 'landline' | 'shared' } | undefined {
	// One parse (normalizePhone's rules, inlined): the 'max' metadata validation is the costly part.
	let text = raw.trim();
	if (!/\d/.test(text)) return undefined;
	const digits = text.replace(/\D/g, '');
	if (!text.startsWith('+') && digits.length === 11 && digits.startsWith('7') && defaultCountry === 'RU') text = `+${digits}`;
	const parsed = parsePhoneNumberFromString(text, defaultCountry);
	if (!parsed) return undefined;
	// getType() matches the number against each type's pattern: a type means a valid number, so
	// isValid() (another full pattern match) is needed only when no type matched.
	const type = parsed.getType();
	if (type === undefined && !parsed.isValid()) return undefined;
	const e164 = parsed.number;
	if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' || type === 'PERSONAL_NUMBER') return { e164, kind: 'mobile' };
	if (type === 'TOLL_FREE' || type === 'SHARED_COST' || type === 'PREMIUM_RATE' || type === 'UAN') return { e164, kind: 'shared' };
	return { e164, kind: 'landline' };
}
