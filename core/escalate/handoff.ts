import { extractEmails, normalizeEmail } from '../text/email';
import { extractPhones, normalizePhone } from '../text/phone';
import { detectHumanRequest } from '../text/humanRequest';
import type { InputTurn } from './input';
import type { Language } from './replies';
import type { KeyFacts, Turn } from './schema';

/**
 * Order, invoice, contract or ticket numbers introduced by a keyword or №/#: "заказ 12345", "order #A-7781".
 * Linear in the text: keyword endings and the digit look-ahead are bounded, and the optional word owns
 * the spaces after it ("заказзаказ…" and "заказ" + "ааа…" were quadratic to cubic: 2 KB took 2.7 s).
 */
const ORDER_RE =
	/(?:заказ[а-я]{0,15}|счет[а-я]{0,15}|счёт[а-я]{0,15}|договор[а-я]{0,15}|заявк[а-я]{0,15}|накладн[а-я]{0,15}|трек[а-я]{0,15}|order|invoice|contract|ticket|tracking|purchase|№|#)\s*(?:(?:номер|number|no\.?|nr\.?|№|#|:)\s*)?((?=[A-Za-zА-Яа-я0-9-]{0,40}\d)[A-Za-zА-Яа-я0-9][A-Za-zА-Яа-я0-9-]{2,})/giu;

/** Characters of the customer's messages in which phones, e-mails and order numbers are looked for. */
export const MAX_FACT_SCAN_CHARS = 100_000;

export function extractOrderNumbers(text: string): string[] {
	const out = new Set<string>();
	for (const m of text.matchAll(ORDER_RE)) out.add(m[1].replace(/-+$/, ''));
	return [...out];
}

function firstString(obj: Record<string, unknown> | undefined, keys: string[]): string | undefined {
	if (!obj) return undefined;
	for (const k of keys) {
		const v = obj[k];
		if (typeof v === 'string' && v.trim()) return v.trim();
	}
	return undefined;
}

function valuesOf(obj: Record<string, unknown> | undefined, keys: string[]): string[] {
	if (!obj) return [];
	const out: string[] = [];
	for (const k of keys) {
		const v = obj[k];
		if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
		else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' || typeof x === 'number') out.push(String(x));
	}
	return out;
}

export function keyFacts(
	turns: InputTurn[],
	contact: Record<string, unknown> | undefined,
	extra: { segment?: string; type?: string; vip: boolean; recentContacts?: number },
): KeyFacts {
	// Facts are looked for in the first MAX_FACT_SCAN_CHARS characters the customer wrote.
	const customerText = turns
		.filter((t) => t.role === 'customer')
		.map((t) => t.text)
		.join('\n')
		.slice(0, MAX_FACT_SCAN_CHARS);
	const name =
		firstString(contact, ['name', 'fullName', 'full_name', 'firstName', 'first_name']) ??
		([firstString(contact, ['firstName']), firstString(contact, ['lastName'])].filter(Boolean).join(' ') || undefined);
	const phones = new Set<string>();
	for (const p of valuesOf(contact, ['phone', 'phones', 'mobile', 'telephone'])) {
		const n = normalizePhone(p);
		if (n) phones.add(n);
	}
	for (const p of extractPhones(customerText)) phones.add(p);
	const emails = new Set<string>();
	for (const e of valuesOf(contact, ['email', 'emails', 'mail'])) {
		const n = normalizeEmail(e);
		if (n) emails.add(n);
	}
	for (const e of extractEmails(customerText)) emails.add(e);
	const facts: KeyFacts = {
		phones: [...phones],
		emails: [...emails],
		orderNumbers: extractOrderNumbers(customerText).filter((o) => ![...phones].some((p) => p.endsWith(o.replace(/\D/g, '')) && o.length >= 10)),
		vip: extra.vip,
	};
	if (name) facts.name = name;
	if (extra.segment) facts.segment = extra.segment;
	if (extra.type) facts.type = extra.type;
	if (extra.recentContacts !== undefined) facts.recentContacts = extra.recentContacts;
	return facts;
}

/** The latest `max` turns, empty bot answers shown as such. */
export function transcript(turns: InputTurn[], max: number): Turn[] {
	return turns.slice(-Math.max(1, max)).map((t) => ({
		role: t.role,
		text: t.text.trim() === '' && t.role === 'bot' ? (t.error ? '[bot error]' : '[empty answer]') : t.text,
	}));
}

function clip(text: string, n: number): string {
	const t = text.replace(/\s+/g, ' ').trim();
	return t.length <= n ? t : `${t.slice(0, n - 1).trimEnd()}…`;
}

/**
 * Extractive summary for the person taking over: the customer's issue (their most informative
 * message that is not just "operator"), their latest message, the facts and why it was escalated.
 */
export function extractiveSummary(turns: InputTurn[], facts: KeyFacts, reasonDetails: string[], language: Language): string {
	const customer = turns.filter((t) => t.role === 'customer' && t.text.trim());
	const informative = customer.filter((t) => {
		const words = t.text.trim().split(/\s+/).length;
		return words >= 3 && !(detectHumanRequest(t.text) && words <= 5);
	});
	const scored = informative.map((t, i) => ({
		t,
		score: Math.min(t.text.length, 300) / 30 + (extractOrderNumbers(t.text).length ? 5 : 0) + (/\d/.test(t.text) ? 1 : 0) - i * 0.1,
	}));
	scored.sort((a, b) => b.score - a.score);
	const issue = scored[0]?.t ?? customer[0];
	const last = customer[customer.length - 1];
	const ru = language === 'ru';
	const parts: string[] = [];
	if (issue) parts.push(`${ru ? 'Суть' : 'Issue'}: «${clip(issue.text, 240)}»`);
	if (last && last !== issue) parts.push(`${ru ? 'Последнее сообщение' : 'Latest message'}: «${clip(last.text, 160)}»`);
	const f: string[] = [];
	if (facts.orderNumbers.length) f.push(`${ru ? 'заказ' : 'order'} ${facts.orderNumbers.join(', ')}`);
	if (facts.segment) f.push(`${ru ? 'сегмент' : 'segment'} ${facts.segment}`);
	if (facts.vip) f.push('VIP');
	if (facts.recentContacts !== undefined) f.push(`${ru ? 'обращений за период' : 'recent contacts'}: ${facts.recentContacts}`);
	if (f.length) parts.push(`${ru ? 'Факты' : 'Facts'}: ${f.join('; ')}`);
	if (reasonDetails.length) parts.push(`${ru ? 'Причина передачи' : 'Escalated because'}: ${reasonDetails.join('; ')}`);
	return `${parts.join('. ')}.`;
}
