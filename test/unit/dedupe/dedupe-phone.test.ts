/**
 * phoneKind's shortcuts agree with libphonenumber-js used plainly: plain numbers are parsed as
 * their digits (with the leading "+"), and the number type comes from patterns compiled once
 * instead of parsed.getType() / parsed.isValid(), and the country of a calling code that several
 * countries share (+7 RU/KZ, +1, +44, …) is told by compiled patterns instead of the parser's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

import { kindOfType, phoneKind, phoneTypesCompiled } from '../../../core/dedupe/phoneKind';

/** The definition: the raw text as written (7XXXXXXXXXX → +7XXXXXXXXXX for RU), getType() and isValid(). */
function referencePhoneKind(
	raw: string,
	defaultCountry: CountryCode,
): { e164: string; kind: string } | undefined {
	let text = raw.trim();
	if (!/\d/.test(text)) return undefined;
	const digits = text.replace(/\D/g, '');
	if (
		!text.startsWith('+') &&
		digits.length === 11 &&
		digits.startsWith('7') &&
		defaultCountry === 'RU'
	)
		text = `+${digits}`;
	const parsed = parsePhoneNumberFromString(text, defaultCountry);
	if (!parsed) return undefined;
	const type = parsed.getType();
	if (type === undefined && !parsed.isValid()) return undefined;
	return { e164: parsed.number, kind: kindOfType(type) };
}

const DEFAULTS: CountryCode[] = ['RU', 'KZ', 'GB', 'US', 'DE', 'BY'];

/** Written forms of a number: E.164, international, national, digits only, with one digit changed, dropped or added. */
function variants(e164: string): string[] {
	const p = parsePhoneNumberFromString(e164)!;
	const forms = [
		e164,
		p.formatInternational(),
		p.formatNational(),
		p.formatNational().replace(/\D/g, ''),
		e164.slice(1),
	];
	const last = e164.at(-1)!;
	const changed = e164.slice(0, -1) + String((Number(last) + 1) % 10);
	return [
		...forms,
		changed,
		e164.slice(0, -1),
		`${e164}5`,
		p.formatInternational().replace(/\s/g, '-'),
		`(${p.formatNational()})`,
	];
}

describe('phoneKind', () => {
	it('uses the compiled patterns (not the fallback to getType)', () => {
		assert.equal(phoneTypesCompiled(), true);
	});

	it('agrees with getType() and isValid() on every country example, in many written forms', () => {
		let checked = 0;
		for (const country of getCountries()) {
			const example = getExampleNumber(country, examples);
			if (!example) continue;
			for (const raw of variants(example.number)) {
				for (const def of DEFAULTS) {
					assert.deepEqual(phoneKind(raw, def), referencePhoneKind(raw, def), `${raw} (${def})`);
					checked++;
				}
			}
		}
		assert.ok(checked > 5000);
	});

	it('agrees on Russian numbers of every kind and on switchboards', () => {
		const raws = [
			'8 800 555-35-35',
			'+7 800 555 35 35',
			'88005553535',
			'78005553535',
			'8 (495) 123-45-67',
			'+7495 1234567',
			'8 912 345-67-89',
			'+7 (912) 345-67-89',
			'79123456789',
			'+79123456789',
			'9123456789',
			'8 809 505 50 50',
			'+7 7172 123456',
			'+7 (701) 123-45-67',
			'8 (3452) 12-34-56',
			'+44 20 7946 0958',
			'020 7946 0958',
			'+1 (800) 555-0199',
			'8-912-345-67-89 доб. 12',
			'+7 912 345 67 89 ext 5',
			'tel:+79123456789',
			'+7 912 345 67 89, +7 495 123 45 67',
			'12345',
			'1-2',
			'+7',
			'',
			'   ',
			'no phone',
			'8 (912) 34',
			'+7 (912) 345-67-89 #1',
			'+(7) 912 345 67 89',
			'００７９１２３４５６７８９',
		];
		for (const raw of raws)
			for (const def of DEFAULTS)
				assert.deepEqual(phoneKind(raw, def), referencePhoneKind(raw, def), `${raw} (${def})`);
	});

	it('agrees on random texts of digits and phone punctuation', () => {
		const char = fc.constantFrom(...'0123456789012345678901234567890123456789 ()-.+x#');
		fc.assert(
			fc.property(
				fc.array(char, { minLength: 0, maxLength: 18 }),
				fc.constantFrom(...DEFAULTS),
				(chars, def) => {
					const raw = chars.join('');
					assert.deepEqual(
						phoneKind(raw, def),
						referencePhoneKind(raw, def),
						`${JSON.stringify(raw)} (${def})`,
					);
				},
			),
			{ numRuns: 3000 },
		);
		// Numbers that are mostly valid: a + and a country code, then digits with punctuation.
		fc.assert(
			fc.property(
				fc.constantFrom('+7', '+44', '+1', '+49', '+375', '+380', '8', '7', '+7 ', '8 ('),
				fc.array(fc.constantFrom(...'0123456789 -'), { minLength: 8, maxLength: 14 }),
				fc.constantFrom(...DEFAULTS),
				(prefix, rest, def) => {
					const raw = prefix + rest.join('');
					assert.deepEqual(
						phoneKind(raw, def),
						referencePhoneKind(raw, def),
						`${JSON.stringify(raw)} (${def})`,
					);
				},
			),
			{ numRuns: 5000 },
		);
	});

	it('agrees where the national prefix of a shared calling code changes the reading (fast-check counterexample)', () => {
		// "+1 1 310 0000": the parser strips the national prefix 1 and finds a Canadian UAN.
		for (const raw of ['+113100000', '+1 (131) 000-00', '+1 1 310 0000'])
			for (const def of DEFAULTS) {
				const expected = referencePhoneKind(raw, def);
				assert.deepEqual(phoneKind(raw, def), expected, `${raw} (${def})`);
			}
		assert.deepEqual(phoneKind('+113100000', 'RU'), { e164: '+13100000', kind: 'shared' });
	});

	it('agrees on calling codes that several countries share (+7 RU/KZ, +1, +44, …), written every way', () => {
		const codes = Object.entries(
			(maxMetadata as unknown as { country_calling_codes: Record<string, string[]> })
				.country_calling_codes,
		)
			.filter(([, countries]) => countries.length > 1)
			.map(([code]) => code);
		assert.ok(codes.includes('7') && codes.includes('1') && codes.includes('44'));
		let valid = 0;
		fc.assert(
			fc.property(
				fc.constantFrom(...codes),
				fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 13 }),
				fc.constantFrom<CountryCode>('RU', 'KZ', 'US', 'CA', 'GB', 'JE', 'DE'),
				(code, rest, def) => {
					const national = rest.join('');
					for (const raw of [
						`+${code}${national}`,
						`+${code} (${national.slice(0, 3)}) ${national.slice(3)}`,
						`${code}${national}`,
						national,
						`8${national}`,
						`0${national}`,
						`810${code}${national}`,
						`00${code}${national}`,
					]) {
						const expected = referencePhoneKind(raw, def);
						if (expected) valid++;
						assert.deepEqual(phoneKind(raw, def), expected, `${JSON.stringify(raw)} (${def})`);
					}
				},
			),
			{ numRuns: 8000 },
		);
		assert.ok(valid > 1000, `only ${valid} valid numbers among the texts`);
	});
});
