import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { pairwiseMetrics } from '../../../cli/eval/dedupe';
import { compareContacts } from '../../../core/dedupe/compare';
import { decide } from '../../../core/dedupe/decide';
import { DEFAULT_FIELD_MAPPING } from '../../../core/dedupe/fields';
import { dedupeList } from '../../../core/dedupe/list';
import { mergeContacts, unmergeContacts } from '../../../core/dedupe/merge';
import { matchContact, parseCandidates } from '../../../core/dedupe/operations';
import { parseContact } from '../../../core/dedupe/record';
import { DEFAULT_THRESHOLDS, scoreOf } from '../../../core/dedupe/weights';
import { InputError } from '../../../core/shared/errors';

const opts = { mapping: DEFAULT_FIELD_MAPPING, defaultCountry: 'RU' as const };
const rec = (json: Record<string, unknown>, i = 0) => parseContact(json, i, opts);
const verdict = (a: Record<string, unknown>, b: Record<string, unknown>) =>
	decide(compareContacts(rec(a), rec(b, 1)), DEFAULT_THRESHOLDS).decision;

describe('pairwise decisions', () => {
	it('same person across scripts and formats → duplicate', () => {
		assert.equal(
			verdict(
				{ name: 'Иван Петров', phone: '8 912 345 67 89' },
				{ name: 'Ivan Petrov', phone: '+7 (912) 345-67-89' },
			),
			'duplicate',
		);
		assert.equal(
			verdict(
				{ name: 'Саша Петров', email: 'a.petrov@gmail.com' },
				{ name: 'Petrov Alexander', email: 'apetrov+shop@gmail.com' },
			),
			'duplicate',
		);
		assert.equal(
			verdict(
				{ name: 'Смирнова О.', telegram: '@olga_sm' },
				{ name: 'Ольга Смирнова', telegram: 'https://t.me/Olga_Sm' },
			),
			'duplicate',
		);
	});
	it('a shared switchboard phone with different names is a company link, not a merge', () => {
		const c = compareContacts(
			rec({ name: 'Ольга Смирнова', phone: '+7 495 123-45-67' }),
			rec({ name: 'Игорь Кузнецов', phone: '84951234567' }, 1),
		);
		assert.equal(decide(c, DEFAULT_THRESHOLDS).decision, 'new');
		assert.deepEqual(c.companyLink, { via: 'phone', value: '+74951234567' });
		assert.ok(c.evidence.some((e) => e.field === 'phone' && e.outcome === 'shared'));
	});
	it('a toll-free number never identifies a person, even with one name', () => {
		assert.notEqual(
			verdict(
				{ name: 'Ольга Смирнова', phone: '8 800 555 35 35' },
				{ name: 'Ольга Смирнова', phone: '+78005553535' },
			),
			'duplicate',
		);
	});
	it('a shared organisation INN with different names links to the company only', () => {
		const c = compareContacts(
			rec({ name: 'Ольга Смирнова', inn: '7707083893' }),
			rec({ name: 'Игорь Кузнецов', inn: '7707083893' }, 1),
		);
		assert.equal(decide(c, DEFAULT_THRESHOLDS).decision, 'new');
		assert.equal(c.companyLink?.via, 'inn');
	});
	it('different personal INNs are a hard conflict whatever else agrees', () => {
		const c = compareContacts(
			rec({ name: 'Иван Петров', phone: '+79123456789', inn: '500100732259' }),
			rec({ name: 'Иван Петров', phone: '+79123456789', inn: '7830002293' }, 1),
		);
		assert.equal(c.conflict, false); // 7830002293 is an organisation INN: not a conflict
		const d = compareContacts(
			rec({ name: 'Иван Петров', phone: '+79123456789', inn: '500100732259' }),
			rec({ name: 'Иван Петров', phone: '+79123456789', inn: '770712345633' }, 1),
		);
		assert.equal(d.conflict, true);
		assert.equal(decide(d, DEFAULT_THRESHOLDS).decision, 'new');
	});
	it('names alone never make a duplicate (two Иван Петров with nothing else)', () => {
		assert.notEqual(
			verdict({ name: 'Иван Иванович Петров' }, { name: 'Петров Иван Иванович' }),
			'duplicate',
		);
	});
	it('one identity alone goes to review, not to a merge', () => {
		assert.equal(
			verdict({ phone: '+79123456789' }, { name: 'Иван', phone: '89123456789' }),
			'review',
		);
		assert.equal(verdict({ email: 'ivan@mail.ru' }, { email: 'IVAN@mail.ru' }), 'review');
	});
	it('empty values produce no evidence', () => {
		const c = compareContacts(
			rec({ name: 'Иван Петров', phone: '', email: '' }),
			rec({ name: 'Мария Сидорова', phone: '', email: '' }, 1),
		);
		assert.deepEqual(c.evidence.map((e) => e.field).sort(), ['firstName', 'lastName']);
		assert.equal(decide(c, DEFAULT_THRESHOLDS).decision, 'new');
	});
	it('score is monotone in the weight and 0.5 at the prior', () => {
		assert.equal(scoreOf(10), 0.5);
		assert.ok(scoreOf(14) > scoreOf(13));
	});
});

describe('e-mail near matches', () => {
	const emailOutcome = (x: string, y: string) =>
		compareContacts(
			rec({ name: 'Ivan Petrov', email: x }),
			rec({ name: 'Ivan Petrov', email: y }, 1),
		).evidence.find((e) => e.field === 'email')?.outcome;
	it('logins that differ in a digit are different accounts (changed, added or dropped digit)', () => {
		for (const [x, y] of [
			['ivan.petrov5@gmail.com', 'ivan.petrov6@gmail.com'],
			['john.smith1980@gmail.com', 'john.smith1981@gmail.com'],
			['olga.ivanova85@mail.ru', 'olga.ivanova58@mail.ru'],
			['petrov.ivan@yandex.ru', 'petrov.ivan1@yandex.ru'],
			['a.sidorov77@yandex.ru', 'a.sidorov7@yandex.ru'],
			['maria.k2001@outlook.com', 'maria.k2011@outlook.com'],
			['k.ivanov2@acme-corp.ru', 'k.ivanov3@acme-corp.ru'],
			['j.smith@acme-corp.com', 'j.smith1@acme-corp.com'],
			['dmitry.orlov12@orlov-co.ru', 'dmitry.orlov21@orlov-co.ru'],
			['user1982@company.com', 'user1983@company.com'],
		])
			assert.equal(emailOutcome(x, y), 'different', `${x} / ${y}`);
	});
	it('letter typos in a login and look-alike logins on a company domain are still near matches', () => {
		for (const [x, y] of [
			['ivan.petrov@gmail.com', 'ivan.petrow@gmail.com'],
			['maria.ivanova@mail.ru', 'mariya.ivanova@mail.ru'],
			['john.smith1980@gmail.com', 'jon.smith1980@gmail.com'],
			['olga.sidorova@yandex.ru', 'olga.sidorva@yandex.ru'],
			['a.petrov@acme-corp.ru', 'a.petrov@acme-crop.ru'],
			['alexander.petrov@acme-corp.ru', 'alexandr.petrov@acme-corp.ru'],
			['anna.k5@company.com', 'anna.kk5@company.com'],
		])
			assert.equal(emailOutcome(x, y), 'similar', `${x} / ${y}`);
	});
	it('logins equal after normalisation are an exact match, digits and all', () => {
		assert.equal(
			emailOutcome('John.Smith1980@Gmail.com', 'johnsmith1980+shop@googlemail.com'),
			'equal',
		);
		assert.equal(emailOutcome('ivan-petrov5@ya.ru', 'Ivan.Petrov5@yandex.ru'), 'equal');
	});
});

describe('parsing', () => {
	it('a phone of letters as the only identity is an InputError naming the field', () => {
		assert.throws(
			() => rec({ phone: 'call me' }),
			(e: unknown) =>
				e instanceof InputError && e.field === 'phone' && /not usable/.test(e.message),
		);
	});
	it('non-objects and wrong types are InputErrors', () => {
		assert.throws(
			() => parseContact('text', 0, opts),
			(e: unknown) => e instanceof InputError && e.field === 'json',
		);
		assert.throws(
			() => rec({ email: { a: 1 } }),
			(e: unknown) => e instanceof InputError && e.field === 'email',
		);
	});
	it('an invalid phone next to a valid e-mail is ignored, with a reason', () => {
		const r = rec({ phone: 'n/a', email: 'x@y.ru' });
		assert.deepEqual(r.phones, []);
		assert.deepEqual(r.invalid, [{ field: 'phone', value: 'n/a' }]);
	});
});

describe('match against candidates', () => {
	it('picks the duplicate among candidates and reports a company link separately', () => {
		const candidates = parseCandidates(
			[
				{ id: 'c1', name: 'Игорь Кузнецов', phone: '+74951234567' },
				{ id: 'c2', name: 'Ольга Смирнова', email: 'olga.smirnova@yandex.ru' },
				{ name: '', phone: '' },
			],
			opts,
		);
		assert.equal(candidates.skipped, 1);
		const r = matchContact(
			{ name: 'Смирнова Ольга', email: 'olga-smirnova@ya.ru', phone: '+7 (495) 123-45-67' },
			0,
			candidates,
			{
				...opts,
				thresholds: DEFAULT_THRESHOLDS,
				sharedPhoneMinNames: 3,
				includeMatchedRecord: false,
			},
		);
		assert.equal(r.decision, 'duplicate');
		assert.equal(r.matchId, 'c2');
		assert.deepEqual(r.companyLink, { id: 'c1', via: 'phone', value: '+74951234567' });
		assert.ok(r.reasons.some((x) => x.code === 'candidates_skipped' && x.evidence === 1));
		assert.equal('matchedRecord' in r, false);
	});
});

describe('deduplicate a list', () => {
	it('clusters across channels; a company switchboard shared by many names merges nobody', () => {
		const items = [
			{ id: '1', name: 'Иван Петров', phone: '+79123456789' },
			{ id: '2', name: 'Ivan Petrov', email: 'ivan.petrov@gmail.com', phone: '8 912 345 67 89' },
			{ id: '3', name: 'Петров И.', email: 'ivanpetrov@gmail.com' },
			{ id: '4', name: 'Ольга Смирнова', phone: '+7 495 123 45 67' },
			{ id: '5', name: 'Игорь Кузнецов', phone: '+7 495 123 45 67' },
			{ id: '6', name: 'Анна Волкова', phone: '+7 495 123 45 67' },
		];
		const { result, records } = dedupeList(items);
		const clusterOf = (id: string) =>
			records[result.primaryOf[records.findIndex((r) => r.id === id)]].id;
		assert.equal(clusterOf('2'), '1');
		assert.equal(clusterOf('3'), '1');
		assert.equal(clusterOf('4'), '4');
		assert.equal(clusterOf('5'), '5');
		assert.equal(clusterOf('6'), '6');
		assert.ok(result.sharedPhones.has('+74951234567'));
	});
	it('never chains two different personal INNs into one cluster', () => {
		const items = [
			{ id: 'a', name: 'Иван Петров', phone: '+79123456789', inn: '500100732259' },
			{ id: 'b', name: 'Иван Петров', phone: '+79123456789', email: 'ip@mail.ru' },
			{ id: 'c', name: 'Иван Петров', email: 'ip@mail.ru', inn: '770712345633' },
		];
		const { result } = dedupeList(items);
		assert.notEqual(result.primaryOf[0], result.primaryOf[2]);
		// b joins one of them (the stronger link), never both.
		assert.ok(
			result.primaryOf[1] === result.primaryOf[0] || result.primaryOf[1] === result.primaryOf[2],
		);
	});
	it('unusable items are reported, never clustered', () => {
		const { errors, records } = dedupeList([{ phone: 'abc' }, { name: 'Иван' }, 5]);
		assert.deepEqual(
			errors.map((e) => e.index),
			[0, 2],
		);
		assert.equal(records.length, 1);
	});
	it('blocking keeps the number of comparisons near-linear', () => {
		const items = Array.from({ length: 2000 }, (_, i) => ({
			id: String(i),
			name: `Person${i} Family${i % 500}`,
			phone: `+7912${String(1000000 + i)}`,
		}));
		const { result } = dedupeList(items);
		assert.ok(result.comparisons < 20000, `comparisons ${result.comparisons}`);
	});
});

describe('merge policy', () => {
	const mergeOpts = { ...opts, primary: 'oldest' as const, exclude: ['contact'] };
	const older = {
		id: 'chat-1',
		name: 'Саша Петров',
		phone: '79123456789',
		channel: 'chat',
		timestamp: '2026-01-01T10:00:00Z',
		city: '',
	};
	const newer = {
		id: 'form-2',
		name: 'Alexander Petrov',
		phone: '+7 (912) 345-67-89',
		email: 'a@petrov.ru',
		city: 'Пермь',
		company: 'ООО Ромашка',
		channel: 'form',
		timestamp: '2026-01-02T10:00:00Z',
	};
	const third = {
		id: 'call-3',
		name: 'Петров Александр',
		company: 'ООО Лютик',
		channel: 'phone',
		timestamp: '2026-01-03T10:00:00Z',
		contact: { x: 1 },
	};

	it('fills blanks, never overwrites silently, keeps history, and unmerge restores exactly', () => {
		const m = mergeContacts([newer, third, older], mergeOpts);
		const g = m.golden!;
		assert.equal(g.id, 'chat-1'); // the oldest is the base
		assert.equal(g.phone, '79123456789'); // same number in another format: not a conflict
		assert.equal(g.email, 'a@petrov.ru');
		assert.equal(g.city, 'Пермь'); // blank filled
		assert.equal(g.company, 'ООО Ромашка');
		assert.equal(g.contact, undefined);
		assert.deepEqual(m.conflicts, [
			{
				field: 'company',
				kept: 'ООО Ромашка',
				keptFrom: 'chat-1',
				alternatives: [{ value: 'ООО Лютик', from: 'call-3' }],
			},
		]);
		assert.deepEqual(
			m.filled.map((f) => `${f.field}<${f.from}`),
			['email<form-2', 'city<form-2', 'company<form-2'],
		);
		assert.deepEqual(
			m.history.map((h) => h.id),
			['chat-1', 'form-2', 'call-3'],
		);
		assert.deepEqual(g.history, m.history);
		const undone = unmergeContacts(m.journal);
		assert.deepEqual(undone.records, [newer, third, older]);
	});
	it('merging a golden record again keeps its whole history', () => {
		const first = mergeContacts([older, newer], mergeOpts).golden!;
		const again = mergeContacts([first, third], mergeOpts);
		assert.deepEqual(
			again.history.map((h) => `${h.id}/${h.channel}`),
			['chat-1/chat', 'form-2/form', 'call-3/phone'],
		);
	});
	it('a malformed journal is an InputError', () => {
		assert.throws(
			() => unmergeContacts({ mergeId: 'x' }, 'contact.journal'),
			(e: unknown) => e instanceof InputError && e.field === 'contact.journal',
		);
	});
});

describe('pairwise metrics', () => {
	it('counts pairs of predicted clusters against entities', () => {
		const m = pairwiseMetrics(['a', 'a', 'a', 'b'], ['x', 'x', 'y', 'y']);
		assert.equal(m.predictedPairs, 3);
		assert.equal(m.truePairs, 2);
		assert.equal(m.correctPairs, 1);
		assert.equal(Math.round(m.precision * 1000), 333);
		assert.equal(m.recall, 0.5);
	});
});
