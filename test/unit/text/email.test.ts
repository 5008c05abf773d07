import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainToUnicode } from 'node:url';

import { boundedTranscript, MAX_SUMMARY_TRANSCRIPT_CHARS } from '../../../core/escalate/llmSummary';
import { canonicalEmail, extractEmails, normalizeDomain, normalizeEmail } from '../../../core/text/email';
import { redactPii } from '../../../core/text/redact';

describe('IDN and zero-width e-mail addresses (issue 19, item 11)', () => {
	it('an address on a Cyrillic domain is kept, in one form whether written in Unicode or punycode', () => {
		assert.equal(normalizeEmail('Иван@Почта.РФ'), 'иван@почта.рф');
		assert.equal(normalizeEmail('ivan@xn--80a1acny.xn--p1ai'), 'ivan@почта.рф');
		assert.equal(canonicalEmail('иван@xn--80a1acny.xn--p1ai'), canonicalEmail('иван@почта.рф'));
		assert.deepEqual(extractEmails('Пишите: иван@почта.рф или ivan@xn--80a1acny.xn--p1ai.'), ['иван@почта.рф', 'ivan@почта.рф']);
	});
	it('punycode decoding agrees with Node for real IDN domains', () => {
		for (const d of ['xn--80a1acny.xn--p1ai', 'xn--e1afmkfd.xn--80akhbyknj4f', 'xn--mller-kva.de', 'xn--fiqs8s.xn--fiqs8s']) {
			assert.equal(normalizeDomain(d), domainToUnicode(d), d);
		}
		assert.equal(normalizeDomain('xn--zz9.ru'), undefined);
	});
	it('a zero-width character inside an address is removed, not a reason to drop it', () => {
		assert.equal(normalizeEmail('iv\u200Ban@mail.ru'), 'ivan@mail.ru');
		assert.equal(normalizeEmail('\uFEFFivan@mail.ru\u200D'), 'ivan@mail.ru');
		assert.deepEqual(extractEmails('мой адрес iv\u200Ban@ma\u200Cil.ru, спасибо'), ['ivan@mail.ru']);
	});
	it('ASCII behaviour is unchanged: Latin TLD ends at a Cyrillic letter, one-letter TLDs are not addresses', () => {
		assert.deepEqual(extractEmails('ivan@mail.ruпривет x@y.z Ivan.Petrov@Mail.RU'), ['ivan@mail.ru', 'ivan.petrov@mail.ru']);
		assert.equal(normalizeEmail('a@b@c.com'), undefined);
		assert.equal(normalizeEmail('mailto:Ann@Example.com'), 'ann@example.com');
	});
	it('redactPii masks IDN and zero-width addresses, every occurrence, in one pass', () => {
		assert.equal(
			redactPii('иван@почта.рф, IVAN@mail.ru, iv\u200Ban@mail.ru; звоните +7 912 345-67-89'),
			'[EMAIL], [EMAIL], [EMAIL]; звоните [PHONE]',
		);
	});
});

describe('Escalate LLM summary: bounded transcript', () => {
	it('sends the latest turns, each cut, within the total bound', () => {
		const turns = Array.from({ length: 50 }, (_, i) => ({ role: i % 2 ? 'bot' : 'customer', text: `${i}:${'x'.repeat(5000)}` }));
		const sent = boundedTranscript(turns);
		assert.ok(sent.length <= MAX_SUMMARY_TRANSCRIPT_CHARS, String(sent.length));
		assert.ok(sent.endsWith('…') && sent.includes('bot: 49:'));
		assert.ok(!sent.includes('customer: 0:'));
		assert.equal(boundedTranscript([{ role: 'customer', text: 'hi' }]), 'customer: hi');
	});
});
