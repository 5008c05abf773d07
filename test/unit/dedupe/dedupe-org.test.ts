import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { pairwiseMetrics } from '../../../cli/eval/dedupe';
import { DEFAULT_FIELD_MAPPING } from '../../../core/dedupe/fields';
import { dedupeRecords, matchKeys, parseCandidates, matchContact } from '../../../core/dedupe/operations';
import { compareOrganisations } from '../../../core/dedupe/org/compare';
import { normalizeAddress, normalizeLegalName } from '../../../core/dedupe/org/normalize';
import { dedupeOrganisations, dedupeOrgList, matchOrganisation, orgMatchKeys, parseOrgCandidates } from '../../../core/dedupe/org/operations';
import { parseOrganisation } from '../../../core/dedupe/org/record';
import { parseContact } from '../../../core/dedupe/record';
import { DEFAULT_THRESHOLDS } from '../../../core/dedupe/weights';

const mapping = DEFAULT_FIELD_MAPPING;
const org = (json: Record<string, unknown>, i = 0) => parseOrganisation(json, i, { mapping });
const cmp = (a: Record<string, unknown>, b: Record<string, unknown>) => compareOrganisations(org(a, 0), org(b, 1));
const dedupe = (rows: Array<Record<string, unknown>>) =>
	dedupeOrganisations(
		rows.map((r, i) => org(r, i)),
		{ mapping, thresholds: { ...DEFAULT_THRESHOLDS } },
	);

// Checksum-valid identifiers written for these tests.
const INN_A = '7707083893';
const INN_B = '7736207543';
const INN_IP1 = '500100732259';
const INN_IP2 = '773173084809';

test('legal names: forms in Russian and English, quotes and transliteration fold to one name', () => {
	const names = ['ООО «СтройМонтаж»', 'Общество с ограниченной ответственностью "СтройМонтаж"', 'StroyMontazh LLC', 'Limited Liability Company "Stroy Montazh"'];
	const joined = names.map((n) => normalizeLegalName(n)!.joined);
	assert.deepEqual(new Set(joined).size, 1);
	assert.equal(normalizeLegalName('ПАО «Газпром нефть»')!.joined, normalizeLegalName('Gazprom Neft PJSC')!.joined);
	assert.equal(normalizeLegalName('АО Полимер (филиал в г. Казань)')!.branch, true);
});

test('addresses: street abbreviations fold, house and office are read', () => {
	const a = normalizeAddress('г. Москва, ул. Ленина, д. 5, офис 12')!;
	const b = normalizeAddress('Москва, улица Ленина, дом 5, оф. 12')!;
	assert.deepEqual(a, b);
	assert.equal(a.house, '5');
	assert.equal(a.office, '12');
	assert.deepEqual(normalizeAddress('12 High St')!.street, normalizeAddress('12 High Street')!.street);
});

test('same INN: same legal entity; another KPP is a branch', () => {
	const c = cmp({ name: 'ООО «Ромашка»', inn: INN_A, kpp: '770701001' }, { name: 'ООО Ромашка (филиал в г. Казань)', inn: INN_A, kpp: '165543001' });
	assert.equal(c.conflict, false);
	assert.equal(c.branch, true);
	const [, second] = dedupe([
		{ id: 'a', name: 'ООО «Ромашка»', inn: INN_A, kpp: '770701001' },
		{ id: 'b', name: 'ООО Ромашка (филиал в г. Казань)', inn: INN_A, kpp: '165543001' },
	]);
	assert.equal(second.decision, 'duplicate');
	assert.ok(second.reasons.some((r) => r.code === 'branch_of'));
});

test('different INN: never the same, even with the same name, domain and phone (a holding link)', () => {
	const rows = [
		{ id: 'a', name: 'ООО «Альфа Логистик»', inn: INN_A, email: 'info@alfa-group.ru', phone: '+7 495 111-22-33' },
		{ id: 'b', name: 'ООО «Альфа Логистик»', inn: INN_B, email: 'sales@alfa-group.ru', phone: '+7 495 111-22-33' },
	];
	const [a, b] = dedupe(rows);
	assert.notEqual(a.clusterId, b.clusterId);
	assert.equal(b.companyLink?.via, 'domain');
	assert.ok(b.reasons.some((r) => r.code === 'holding_link'));
});

test('an invalid INN (broken check digit) is ignored, not taken as a different INN', () => {
	const r = org({ name: 'ООО Ромашка', inn: '7707083894', ogrn: '1027700132195' });
	assert.equal(r.inn, undefined);
	const [, b] = dedupe([
		{ id: 'a', name: 'ООО «Ромашка»', inn: INN_A, ogrn: '1027700132195' },
		{ id: 'b', name: 'ООО Ромашка', inn: '7707083894', ogrn: '1027700132195' },
	]);
	assert.equal(b.decision, 'duplicate');
});

test('sole traders: same surname with other initials, or another INN, are different', () => {
	const other = cmp({ name: 'ИП Иванов Иван Петрович', phone: '+7 495 1234567' }, { name: 'ИП Иванов Сергей Алексеевич', phone: '+7 495 1234567' });
	assert.equal(other.conflict, true);
	const innDiff = cmp({ name: 'ИП Иванов И.П.', inn: INN_IP1 }, { name: 'ИП Иванов И. П.', inn: INN_IP2 });
	assert.equal(innDiff.conflict, true);
	const [, same] = dedupe([
		{ id: 'a', name: 'ИП Иванов Иван Петрович', inn: INN_IP1 },
		{ id: 'b', name: 'Индивидуальный предприниматель Иванов И.П.', inn: INN_IP1 },
	]);
	assert.equal(same.decision, 'duplicate');
	assert.ok(same.reasons.some((r) => r.code === 'sole_trader'));
});

test('free-mail domains are no company key; a company domain is strong evidence', () => {
	const free = cmp({ name: 'ООО Вектор', email: 'ivanov@mail.ru' }, { name: 'ООО Орион', email: 'petrov@mail.ru' });
	assert.ok(!free.evidence.some((e) => e.field === 'domain'));
	const [, b] = dedupe([
		{ id: 'a', name: 'ООО «СтройМонтаж»', email: 'info@stroymontazh.ru' },
		{ id: 'b', name: 'StroyMontazh LLC', email: 'irina@stroymontazh.ru' },
	]);
	assert.equal(b.decision, 'duplicate');
});

test('"Альфа Трейд" is not "Альфа Трейд Плюс", even on one street', () => {
	const [a, b] = dedupe([
		{ id: 'a', name: 'ООО «Альфа Трейд»', address: 'Москва, ул. Ленина, д. 5', city: 'Москва' },
		{ id: 'b', name: 'ООО «Альфа Трейд Плюс»', address: 'Москва, ул. Ленина, д. 5', city: 'Москва' },
	]);
	assert.notEqual(a.clusterId, b.clusterId);
	assert.notEqual(b.decision, 'duplicate');
});

test('tenants of one business centre: shared switchboard and street, other office and name, stay apart', () => {
	const rows = ['Кедр', 'Гранит', 'Титан'].flatMap((n, k) => [
		{ id: `${n}1`, name: `ООО «${n}»`, phone: '+7 495 258-70-00', address: `Пресненская наб., д. 12, офис ${k + 3}01` },
		{ id: `${n}2`, name: n, phone: '8 495 2587000', address: `Москва, набережная Пресненская, дом 12, оф. ${k + 3}01` },
	]);
	const out = dedupe(rows);
	assert.equal(new Set(out.map((o) => o.clusterId)).size, 3);
	for (let k = 0; k < 3; k++) assert.equal(out[2 * k].clusterId, out[2 * k + 1].clusterId);
});

test('English names with address and phone variants and a typo are one company', () => {
	const [, b, c] = dedupe([
		{ id: 'a', name: 'Northwind Traders Ltd', address: '12 High St', phone: '212-555-0101' },
		{ id: 'b', name: 'NORTHWIND TRADERS LIMITED', address: '12 High Street', phone: '(212) 555 0101' },
		{ id: 'c', name: 'The Nortwind Traders Ltd.', address: '12 High St.', phone: '212/5550101' },
	]);
	assert.equal(b.decision, 'duplicate');
	assert.equal(c.decision, 'duplicate');
});

test('match keys and match against candidates in organisation mode', () => {
	const keys = matchKeys({ name: 'ООО «СтройМонтаж»', inn: INN_A, email: 'info@stroymontazh.ru' }, 0, { mapping, defaultCountry: 'RU', entity: 'organisation' });
	assert.deepEqual(keys.keys.all.slice(0, 3), [`inn:${INN_A}`, 'domain:stroymontazh.ru', 'name:stroimontazh']);
	assert.deepEqual(orgMatchKeys({ name: 'StroyMontazh LLC', email: 'a@stroymontazh.ru' }, 0, { mapping }).keys.name, 'stroimontazh');
	const candidates = parseOrgCandidates([{ id: 'acc-1', name: 'ООО СтройМонтаж', inn: INN_A }, { id: 'acc-2', name: 'ООО Орион', inn: INN_B }], { mapping });
	const r = matchOrganisation({ name: 'StroyMontazh LLC', inn: INN_A }, 0, candidates, { mapping, thresholds: { ...DEFAULT_THRESHOLDS }, includeMatchedRecord: false });
	assert.equal(r.decision, 'duplicate');
	assert.equal(r.matchId, 'acc-1');
	assert.ok(r.evidence.some((e) => e.field === 'inn' && e.outcome === 'equal'));
	// the contract's one contact shape: no stored owner/segment on these rows
	assert.equal(r.ownerId, null);
	assert.equal(r.segment, null);
});

test("organisation match: a duplicate carries the stored account's ownerId and segment, a new one none", () => {
	const candidates = parseOrgCandidates([{ id: 'acc-1', name: 'ООО СтройМонтаж', inn: INN_A, ownerId: 'm-7', segment: 'a' }], { mapping });
	const options = { mapping, thresholds: { ...DEFAULT_THRESHOLDS }, includeMatchedRecord: false };
	const dup = matchOrganisation({ name: 'StroyMontazh LLC', inn: INN_A }, 0, candidates, options);
	assert.equal(dup.decision, 'duplicate');
	assert.equal(dup.ownerId, 'm-7');
	assert.equal(dup.segment, 'A');
	const other = matchOrganisation({ name: 'ООО Орион', inn: INN_B }, 0, candidates, options);
	assert.equal(other.decision, 'new');
	assert.equal(other.ownerId, null);
	assert.equal(other.segment, null);
});

test('people are linked to their organisation (person mode): key and batch organisation id', () => {
	const opts = { mapping, defaultCountry: 'RU' as const };
	const rows = [
		{ id: 'p1', name: 'Ирина Соколова', email: 'irina@stroymontazh.ru', company: 'ООО «СтройМонтаж»' },
		{ id: 'p2', name: 'Олег Петров', email: 'oleg@stroymontazh.ru' },
		{ id: 'p3', name: 'Анна Белова', email: 'anna@gmail.com', company: 'Орион' },
		{ id: 'p4', name: 'Пётр Ким', email: 'kim@gmail.com' },
	];
	const out = dedupeRecords(
		rows.map((r, i) => parseContact(r, i, opts)),
		{ ...opts, thresholds: { ...DEFAULT_THRESHOLDS } },
	);
	assert.equal(out[0].organisation?.id, 'org:p1');
	assert.equal(out[1].organisation?.id, 'org:p1');
	assert.equal(out[1].organisation?.key, 'domain:stroymontazh.ru');
	assert.equal(out[2].organisation?.key, 'name:orion');
	assert.notEqual(out[2].organisation?.id, 'org:p1');
	assert.equal(out[3].organisation, null);
	const m = matchContact({ name: 'Вера Ли', email: 'vera@stroymontazh.ru' }, 0, parseCandidates(rows, opts), {
		...opts,
		thresholds: { ...DEFAULT_THRESHOLDS },
		sharedPhoneMinNames: 3,
		includeMatchedRecord: false,
	});
	assert.equal(m.decision, 'new');
	assert.equal(m.organisation?.id, 'p1');
	assert.equal(m.organisation?.key, 'domain:stroymontazh.ru');
});

test('team development set: no two legal entities merged, recall at least 0.9', () => {
	const rows = readFileSync(new URL('../../fixtures/orgs/team-orgs.jsonl', import.meta.url), 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as Record<string, unknown>);
	const { positions, primaryOf, errors } = dedupeOrgList(rows, { mapping, thresholds: { ...DEFAULT_THRESHOLDS } });
	assert.equal(errors.length, 0);
	const predicted = rows.map((_, i) => `s${i}`);
	positions.forEach((p, k) => (predicted[p] = `c${positions[primaryOf[k]]}`));
	const m = pairwiseMetrics(predicted, rows.map((r) => String(r.entity)));
	assert.equal(m.precision, 1);
	assert.ok(m.recall >= 0.9, `recall ${m.recall}`);
});
