const EMAIL_RE = /[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/g;

/** Lower-cased, trimmed e-mail address, or undefined when it is not one. */
export function normalizeEmail(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return undefined;
	const t = raw.trim().toLowerCase().replace(/^mailto:/, '');
	return /^[a-z0-9._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$/.test(t) ? t : undefined;
}

/** Every e-mail address in free text, lower-cased, in order, without repeats. */
export function extractEmails(text: string): string[] {
	return [...new Set((text.match(EMAIL_RE) ?? []).map((e) => e.toLowerCase()))];
}

export function emailDomain(email: string): string {
	return email.slice(email.lastIndexOf('@') + 1);
}

/** Domains that deliver to the same mailbox, mapped to one canonical domain. */
const DOMAIN_ALIASES: Readonly<Record<string, string>> = {
	'googlemail.com': 'gmail.com',
	'ya.ru': 'yandex.ru',
	'yandex.com': 'yandex.ru',
	'yandex.by': 'yandex.ru',
	'yandex.kz': 'yandex.ru',
	'yandex.ua': 'yandex.ru',
	'narod.ru': 'yandex.ru',
	'me.com': 'icloud.com',
	'mac.com': 'icloud.com',
	'protonmail.com': 'proton.me',
	'protonmail.ch': 'proton.me',
	'pm.me': 'proton.me',
	'hotmail.com': 'outlook.com',
	'live.com': 'outlook.com',
};

/** Providers where "+tag" is a sub-address of the same mailbox. */
const PLUS_TAG = new Set(['gmail.com', 'yandex.ru', 'icloud.com', 'proton.me', 'outlook.com', 'fastmail.com']);

/** Role mailboxes read by a team, not one person: evidence of the company, not of the person. */
const ROLE_LOCALS = new Set([
	'info', 'sales', 'office', 'support', 'help', 'hello', 'contact', 'contacts', 'admin', 'mail', 'post',
	'zakaz', 'order', 'orders', 'manager', 'reception', 'hr', 'team', 'billing', 'buh', 'accounting',
	'noreply', 'no-reply', 'service', 'marketing', 'pr', 'secretary', 'priemnaya', 'feedback',
]);

/**
 * The mailbox identity of an address, with provider rules: Gmail ignores dots and "+tags"
 * (i.v.a.n+crm@gmail.com = ivan@gmail.com); Yandex's domains are one mailbox (ya.ru = yandex.ru),
 * treats "." and "-" in logins alike and supports "+tags"; Apple, Proton and Outlook domains alias
 * likewise. Other domains: lower-cased only (their local parts may be case- or dot-sensitive).
 */
export function canonicalEmail(raw: unknown): string | undefined {
	const email = normalizeEmail(raw);
	if (!email) return undefined;
	const at = email.lastIndexOf('@');
	let local = email.slice(0, at);
	let domain = email.slice(at + 1);
	domain = DOMAIN_ALIASES[domain] ?? domain;
	if (PLUS_TAG.has(domain)) local = local.replace(/\+.*$/, '');
	if (domain === 'gmail.com') local = local.replace(/\./g, '');
	if (domain === 'yandex.ru') local = local.replace(/-/g, '.');
	if (!local) return undefined;
	return `${local}@${domain}`;
}

/** True for team mailboxes (info@, sales@, office@ ...): they identify a company, not a person. */
export function isRoleEmail(email: string): boolean {
	return ROLE_LOCALS.has(email.slice(0, email.lastIndexOf('@')).replace(/\+.*$/, ''));
}
