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
