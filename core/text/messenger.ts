import type { CountryCode } from './phone';
import { normalizePhone } from './phone';

/**
 * Telegram identity: a username (5–32 of a-z, 0-9, "_", starting with a letter; case-insensitive,
 * with or without "@", or as a t.me link) → "@name"; or a numeric user id → "id:123456".
 */
export function normalizeTelegram(raw: unknown): string | undefined {
	if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) return `id:${raw}`;
	if (typeof raw !== 'string') return undefined;
	let t = raw.trim().toLowerCase();
	t = t.replace(/^(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)\//, '').replace(/^@/, '');
	t = t.replace(/[/?#].*$/, '');
	if (/^\d{5,15}$/.test(t)) return `id:${t}`;
	if (/^[a-z][a-z0-9_]{4,31}$/.test(t)) return `@${t}`;
	return undefined;
}

/** WhatsApp identity: the phone number in E.164 (accepts wa.me links and any phone format). */
export function normalizeWhatsapp(raw: unknown, defaultCountry: CountryCode = 'RU'): string | undefined {
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const t = String(raw)
		.trim()
		.replace(/^(?:https?:\/\/)?(?:api\.)?(?:wa\.me|whatsapp\.com\/send\?phone=)\/?/, '');
	const digits = t.replace(/\D/g, '');
	// wa.me links carry the international number without "+".
	if (t !== String(raw).trim() && digits.length >= 10) return normalizePhone(`+${digits}`, defaultCountry);
	return normalizePhone(t, defaultCountry);
}
