import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { normalizeCompany } from '../../../core/text/company';
import { normalizeDate } from '../../../core/text/date';
import { canonicalFirstName } from '../../../core/text/diminutives';
import { canonicalEmail, extractEmails, isRoleEmail, normalizeEmail } from '../../../core/text/email';
import { skeleton, toLatin } from '../../../core/text/fold';
import { extractInns, innKind, isValidInn, isValidOgrn, normalizeInn } from '../../../core/text/inn';
import { normalizeTelegram, normalizeWhatsapp } from '../../../core/text/messenger';
import { normalizePersonName, parsePersonName } from '../../../core/text/names';
import { extractPhones, normalizePhone } from '../../../core/text/phone';
import { redactPii } from '../../../core/text/redact';

describe('phones', () => {
	it('"8 912 …", "+7 (912) …" and "79123456789" are one E.164 number', () => {
		for (const raw of ['8 912 345-67-89', '+7 (912) 345-67-89', '79123456789', '8(912)3456789', '+7 912 345 67 89', 9123456789]) {
			assert.equal(normalizePhone(raw), '+79123456789', String(raw));
		}
	});
	it('rejects letters, short numbers and impossible numbers', () => {
		for (const raw of ['позвоните', 'abc', '12345', '', '+7 000 000 00 00', null, {}]) assert.equal(normalizePhone(raw), undefined, String(raw));
	});
	it('default country applies to national formats only', () => {
		assert.equal(normalizePhone('020 7946 0958', 'GB'), '+442079460958');
		assert.equal(normalizePhone('+44 20 7946 0958'), '+442079460958');
	});
	it('extracts phones from text', () => {
		assert.deepEqual(extractPhones('звоните 8 912 345-67-89 или +7 (495) 123-45-67'), ['+79123456789', '+74951234567']);
	});
});

describe('e-mails', () => {
	it('lower-cases and validates', () => {
		assert.equal(normalizeEmail(' Ivan@Example.COM '), 'ivan@example.com');
		assert.equal(normalizeEmail('ivan@'), undefined);
		assert.deepEqual(extractEmails('a@b.ru, A@B.RU and c@d.com'), ['a@b.ru', 'c@d.com']);
	});
	it('gmail ignores dots and +tags; googlemail is gmail', () => {
		assert.equal(canonicalEmail('I.V.A.N.Petrov+crm@gmail.com'), 'ivanpetrov@gmail.com');
		assert.equal(canonicalEmail('ivanpetrov@googlemail.com'), 'ivanpetrov@gmail.com');
	});
	it('ya.ru / yandex.* / narod.ru are one Yandex mailbox; "-" = "."', () => {
		for (const e of ['ivan.petrov@ya.ru', 'ivan-petrov@yandex.ru', 'Ivan.Petrov+shop@yandex.com', 'ivan.petrov@yandex.by']) {
			assert.equal(canonicalEmail(e), 'ivan.petrov@yandex.ru', e);
		}
	});
	it('other domains keep dots and tags (they may be different mailboxes)', () => {
		assert.equal(canonicalEmail('i.petrov+x@mail.ru'), 'i.petrov+x@mail.ru');
		assert.notEqual(canonicalEmail('ivan@bk.ru'), canonicalEmail('ivan@mail.ru'));
	});
	it('role mailboxes are recognised', () => {
		assert.equal(isRoleEmail('info@romashka.ru'), true);
		assert.equal(isRoleEmail('sales+web@romashka.ru'), true);
		assert.equal(isRoleEmail('olga@romashka.ru'), false);
	});
});

describe('INN and OGRN', () => {
	it('validates INN checksums (10 and 12 digits)', () => {
		assert.equal(isValidInn('7707083893'), true); // Sberbank
		assert.equal(isValidInn('7707083894'), false);
		assert.equal(isValidInn('500100732259'), true);
		assert.equal(isValidInn('500100732258'), false);
		assert.equal(normalizeInn(' 7707083893 '), '7707083893');
		assert.equal(innKind('7707083893'), 'organization');
		assert.equal(innKind('500100732259'), 'individual');
		assert.deepEqual(extractInns('ИНН 7707083893, неверный 1234567890'), ['7707083893']);
	});
	it('validates OGRN (13) and OGRNIP (15) checksums', () => {
		assert.equal(isValidOgrn('1027700132195'), true); // Sberbank
		assert.equal(isValidOgrn('1027700132196'), false);
		assert.equal(isValidOgrn('304500116000157'), true);
		assert.equal(isValidOgrn('304500116000158'), false);
		assert.equal(isValidOgrn('abc'), false);
	});
});

describe('names', () => {
	it('ё/е, case, and transliteration fold to one skeleton', () => {
		assert.equal(skeleton('Алёна'), skeleton('АЛЕНА'));
		assert.equal(skeleton('Юлия'), skeleton('Yuliya'));
		assert.equal(skeleton('Юлия'), skeleton('Julia'));
		assert.equal(skeleton('Хабибуллин'), skeleton('Khabibullin'));
		assert.equal(skeleton('Евгений'), skeleton('Evgeniy'));
		assert.equal(toLatin('Щукин-Петров'), 'shchukin petrov');
	});
	it('word order: "Петров Иван" = "Иван Петров" = "Ivan Petrov" = "PETROV, Ivan"', () => {
		const key = normalizePersonName('Иван Петров');
		assert.ok(key);
		for (const n of ['Петров Иван', 'Ivan Petrov', 'PETROV, Ivan', 'Петров Иван Иванович']) assert.equal(normalizePersonName(n), key, n);
	});
	it('initials: "Смирнова О." is last name + initial', () => {
		assert.deepEqual(parsePersonName({ full: 'Смирнова О.' }), {
			orderUnknown: false,
			display: 'Смирнова О.',
			last: 'smirnova',
			firstInitial: 'o',
		});
	});
	it('patronymics are kept apart from first and last names', () => {
		const n = parsePersonName({ full: 'Петров Иван Сергеевич' });
		assert.equal(n?.first, 'ivan');
		assert.equal(n?.last, 'petrov');
		assert.equal(n?.middle, skeleton('Сергеевич'));
		const m = parsePersonName({ first: 'Анна Ивановна', last: 'Кузнецова' });
		assert.equal(m?.first, 'ana');
		assert.equal(m?.middle, skeleton('Ивановна'));
	});
	it('diminutives map to the full first name (Саша → Александр, Лена → Елена), in both scripts', () => {
		assert.equal(canonicalFirstName('Саша'), skeleton('Александр'));
		assert.equal(canonicalFirstName('Sasha'), skeleton('Александр'));
		assert.equal(canonicalFirstName('Alexander'), skeleton('Александр'));
		assert.equal(canonicalFirstName('Лена'), skeleton('Елена'));
		assert.equal(canonicalFirstName('Bob'), skeleton('Robert'));
		assert.equal(canonicalFirstName('Ольга'), 'olga');
		assert.equal(normalizePersonName('Саша Петров'), normalizePersonName('Александр Петров'));
	});
	it('nothing usable → undefined', () => {
		assert.equal(parsePersonName({ full: '  ' }), undefined);
		assert.equal(parsePersonName({ full: '123 !!' }), undefined);
	});
});

describe('companies', () => {
	it('legal forms and quotes are removed; scripts fold: ООО «Ромашка» = Romashka LLC', () => {
		const key = normalizeCompany('ООО «Ромашка»');
		assert.equal(key, 'romashka');
		for (const c of ['Romashka LLC', 'ООО "Ромашка"', 'Общество с ограниченной ответственностью «Ромашка»', 'romashka, ltd.']) {
			assert.equal(normalizeCompany(c), key, c);
		}
		assert.equal(normalizeCompany('ИП Петров'), 'petrov');
		assert.equal(normalizeCompany('ООО'), undefined);
		assert.notEqual(normalizeCompany('ООО «Ромашка-Сервис»'), key);
	});
});

describe('messengers', () => {
	it('Telegram handles with and without "@", links and ids', () => {
		for (const t of ['@Ivan_Petrov', 'ivan_petrov', 'https://t.me/ivan_petrov', 't.me/Ivan_Petrov/']) assert.equal(normalizeTelegram(t), '@ivan_petrov', t);
		assert.equal(normalizeTelegram(123456789), 'id:123456789');
		assert.equal(normalizeTelegram('123456789'), 'id:123456789');
		assert.equal(normalizeTelegram('@ab'), undefined);
		assert.equal(normalizeTelegram(''), undefined);
	});
	it('WhatsApp numbers and wa.me links are E.164 phones', () => {
		assert.equal(normalizeWhatsapp('https://wa.me/79123456789'), '+79123456789');
		assert.equal(normalizeWhatsapp('8 912 345 67 89'), '+79123456789');
		assert.equal(normalizeWhatsapp('whatsapp me'), undefined);
	});
});

describe('dates', () => {
	it('accepts the common birth-date formats', () => {
		for (const d of ['19560409', '1956-04-09', '09.04.1956', '9/4/1956', '1956-04-09T00:00:00Z']) assert.equal(normalizeDate(d), '19560409', d);
		assert.equal(normalizeDate('1956-13-01'), undefined);
		assert.equal(normalizeDate('soon'), undefined);
	});
});

describe('redaction (kept working)', () => {
	it('masks phones and e-mails', () => {
		assert.equal(redactPii('Пишите ivan@mail.ru или звоните +7 912 345-67-89'), 'Пишите [EMAIL] или звоните [PHONE]');
	});
});
