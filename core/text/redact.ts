import { extractEmails } from './email';

/**
 * Replace phone numbers and e-mail addresses with placeholders before text leaves the machine
 * (LLM calls). Conservative on phones: any run of 7+ digits with common separators is masked.
 */
export function redactPii(text: string): string {
	let out = text;
	for (const email of extractEmails(text)) {
		out = out.split(new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')).join('[EMAIL]');
	}
	out = out.replace(/(?:\+|\b)\d[\d\s().-]{5,}\d\b/g, (m) => (m.replace(/\D/g, '').length >= 7 ? '[PHONE]' : m));
	return out;
}
