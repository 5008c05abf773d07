import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

import type { CountryCode } from '../text/phone';
import { normalizePhone } from '../text/phone';

/**
 * A phone in E.164 with how personal it is, from libphonenumber's number type: mobiles identify a
 * person; landlines often ring an office; toll-free, shared-cost, premium and UAN numbers are
 * company switchboards and never identify a person.
 */
export function phoneKind(
	raw: string,
	defaultCountry: CountryCode,
): { e164: string; kind: 'mobile' | 'landline' | 'shared' } | undefined {
	const e164 = normalizePhone(raw, defaultCountry);
	if (!e164) return undefined;
	const type = parsePhoneNumberFromString(e164)?.getType();
	if (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' || type === 'PERSONAL_NUMBER') return { e164, kind: 'mobile' };
	if (type === 'TOLL_FREE' || type === 'SHARED_COST' || type === 'PREMIUM_RATE' || type === 'UAN') return { e164, kind: 'shared' };
	return { e164, kind: 'landline' };
}
