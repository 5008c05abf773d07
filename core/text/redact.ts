import { replaceEmails } from './email';

/**
 * Replace phone numbers and e-mail addresses with placeholders before text leaves the machine
 * (LLM calls). Conservative on phones: any run of 7+ digits with common separators is masked.
 * Linear in the text: one pass per kind (e-mails were one split of the whole text per address found).
 */
export function redactPii(text: string): string {
	return replaceEmails(text, '[EMAIL]').replace(/(?:\+|\b)\d[\d\s().-]{5,}\d\b/g, (m) =>
		m.replace(/\D/g, '').length >= 7 ? '[PHONE]' : m,
	);
}
