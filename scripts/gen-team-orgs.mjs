#!/usr/bin/env node
/**
 * Writes test/fixtures/orgs/team-orgs.jsonl: the team's own development set of Russian and English
 * organisation records in the neutral dedupe format ({"id","entity",...}; entity equal iff the same
 * legal entity). Hand-written name lists and variant rules, a seeded PRNG, no third-party data.
 * Written before the organisation matcher (see test/fixtures/orgs/README.md for the traps).
 *
 *   node scripts/gen-team-orgs.mjs > test/fixtures/orgs/team-orgs.jsonl
 */

// ---- seeded PRNG (mulberry32) ----
let seed = 2326;
function rnd() {
	seed |= 0;
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

// ---- checksummed identifiers ----
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const chk = (d, w) => (w.reduce((s, x, i) => s + x * d[i], 0) % 11) % 10;
function inn10(region) {
	const d = [...(region + digits(9 - region.length))].map(Number);
	return d.join('') + chk(d, W10);
}
function inn12(region) {
	const d = [...(region + digits(10 - region.length))].map(Number);
	d.push(chk(d, W11));
	d.push(chk(d, W12));
	return d.join('');
}
const mod = (s, m) => [...s].reduce((r, c) => (r * 10 + Number(c)) % m, 0);
function ogrn(region) {
	const s = `1${digits(2)}${region}${digits(12 - 3 - region.length)}`;
	return s + (mod(s, 11) % 10);
}
function ogrnip(region) {
	const s = `3${digits(2)}${region}${digits(14 - 3 - region.length)}`;
	return s + (mod(s, 13) % 10);
}
const kpp = (region, branch = false) => `${region}${digits(2)}${branch ? '43' : '01'}001`;
/** The same INN with its check digit broken (a typo a form would accept). */
const badInn = (inn) => inn.slice(0, -1) + ((Number(inn.at(-1)) + 1) % 10);

// ---- transliteration used by people writing English names of Russian companies (BGN-like) ----
const TR = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya' };
const translit = (s) =>
	[...s].map((c) => { const l = c.toLowerCase(); const t = TR[l]; if (t === undefined) return c; return c === l ? t : t.charAt(0).toUpperCase() + t.slice(1); }).join('');

function typo(s) {
	const chars = [...s];
	const letters = chars.map((c, i) => (/\p{L}/u.test(c) && i > 1 ? i : -1)).filter((i) => i >= 0);
	const i = pick(letters);
	if (rnd() < 0.5) chars.splice(i, 1); // dropped letter
	else [chars[i - 1], chars[i]] = [chars[i], chars[i - 1]]; // swapped letters
	return chars.join('');
}

// ---- building blocks ----
const CITIES = [
	{ ru: 'Москва', en: 'Moscow', region: '77', code: '495' },
	{ ru: 'Санкт-Петербург', en: 'Saint Petersburg', region: '78', code: '812' },
	{ ru: 'Екатеринбург', en: 'Yekaterinburg', region: '66', code: '343' },
	{ ru: 'Новосибирск', en: 'Novosibirsk', region: '54', code: '383' },
	{ ru: 'Казань', en: 'Kazan', region: '16', code: '843' },
	{ ru: 'Нижний Новгород', en: 'Nizhny Novgorod', region: '52', code: '831' },
	{ ru: 'Самара', en: 'Samara', region: '63', code: '846' },
	{ ru: 'Краснодар', en: 'Krasnodar', region: '23', code: '861' },
];
const STREETS = ['Ленина', 'Мира', 'Садовая', 'Гагарина', 'Советская', 'Победы', 'Лесная', 'Заводская', 'Кирова', 'Пушкина', 'Промышленная', 'Чкалова'];
const STREET_KIND = [
	['ул.', 'улица', 'ул'],
	['пр-т', 'проспект', 'пр.'],
	['наб.', 'набережная', 'наб'],
	['пер.', 'переулок', 'пер'],
];
const PREFIX = ['Строй', 'Техно', 'Агро', 'Мед', 'Энерго', 'Транс', 'Лес', 'Металл', 'Инфо', 'Пром', 'Эко', 'Вектор', 'Орион', 'Север', 'Урал', 'Волга', 'Сибирь', 'Гранит', 'Кедр', 'Титан', 'Полимер', 'Кабель', 'Фарм', 'Термо'];
const SUFFIX = ['Монтаж', 'Сервис', 'Снаб', 'Ресурс', 'Логистик', 'Комплект', 'Инвест', 'Систем', 'Проект', 'Маркет', 'Техника', 'Холдинг'];
const FORMS = [
	{ short: 'ООО', long: 'Общество с ограниченной ответственностью', en: 'LLC', en2: 'Limited Liability Company' },
	{ short: 'АО', long: 'Акционерное общество', en: 'JSC', en2: 'Joint Stock Company' },
	{ short: 'ПАО', long: 'Публичное акционерное общество', en: 'PJSC', en2: 'Public Joint Stock Company' },
	{ short: 'ЗАО', long: 'Закрытое акционерное общество', en: 'CJSC', en2: 'Closed Joint Stock Company' },
];
const FREE = ['mail.ru', 'gmail.com', 'yandex.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru'];
const PEOPLE = ['ivanov', 'petrova', 'smirnov', 'kuznetsova', 'popov', 'sokolov', 'lebedeva', 'kozlov', 'novikova', 'morozov', 'volkov', 'orlova'];
const ROLES = ['info', 'sales', 'office', 'zakaz', 'buh', 'tender', 'snab'];

const phoneFormats = [
	(c, n) => `+7 (${c}) ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`,
	(c, n) => `8 ${c} ${n}`,
	(c, n) => `8${c}${n}`,
	(c, n) => `+7${c}${n}`,
	(c, n) => `+7 ${c} ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`,
];
function address(city, street, kind, house, office, style) {
	const k = STREET_KIND[kind];
	switch (style) {
		case 0:
			return `г. ${city.ru}, ${k[0]} ${street}, д. ${house}${office ? `, офис ${office}` : ''}`;
		case 1:
			return `${city.ru}, ${k[1]} ${street}, дом ${house}${office ? `, оф. ${office}` : ''}`;
		case 2:
			return `${k[2]} ${street} ${house}${office ? `-${office}` : ''}`;
		default:
			return `${city.ru}, ${street} ${k[0]}, ${house}${office ? `, помещение ${office}` : ''}`;
	}
}

const rows = [];
let nextId = 1;
let entitySeq = 1;
function emit(entity, fields) {
	const row = { id: `o${String(nextId++).padStart(4, '0')}`, entity };
	for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') row[k] = v;
	rows.push(row);
}
const newEntity = (tag) => `${tag}-${String(entitySeq++).padStart(3, '0')}`;
const usedNames = new Set();
function freshName() {
	for (;;) {
		const n = rnd() < 0.6 ? `${pick(PREFIX)}${pick(SUFFIX)}` : `${pick(PREFIX)} ${pick(SUFFIX)}`;
		if (!usedNames.has(n)) {
			usedNames.add(n);
			return n;
		}
	}
}
const quote = (n, q) => (q === 0 ? `«${n}»` : q === 1 ? `"${n}"` : n);

// ---- 1. Russian legal entities, 2–5 records each: forms, quotes, Latin names, branches, typos ----
function legalEntity(opts = {}) {
	const entity = newEntity('ru');
	const name = opts.name ?? freshName();
	const latin = opts.latin ?? translit(name);
	const form = opts.form ?? (rnd() < 0.7 ? FORMS[0] : pick(FORMS));
	const city = opts.city ?? pick(CITIES);
	const inn = opts.inn ?? inn10(city.region);
	const og = ogrn(city.region);
	const domain = opts.domain ?? `${latin.toLowerCase().replace(/[^a-z]/g, '')}.ru`;
	const street = pick(STREETS);
	const kind = Math.floor(rnd() * STREET_KIND.length);
	const house = String(1 + Math.floor(rnd() * 120));
	const office = rnd() < 0.5 ? String(1 + Math.floor(rnd() * 400)) : undefined;
	const phone = digits(7);
	const n = opts.records ?? 2 + Math.floor(rnd() * 4);
	const variants = [
		// registry-style: short form, quotes, all identifiers
		() => ({ name: `${form.short} ${quote(name, 0)}`, inn, kpp: kpp(city.region), ogrn: og, email: `${pick(ROLES)}@${domain}`, phone: pick(phoneFormats)(city.code, phone), address: address(city, street, kind, house, office, 0), city: city.ru }),
		// full form, other quotes, a person's mailbox on the company domain, INN only
		() => ({ name: `${form.long} ${quote(name, 1)}`, inn, email: `${pick(PEOPLE)}@${domain}`, address: address(city, street, kind, house, office, 1) }),
		// English name, website, no INN
		() => ({ name: rnd() < 0.5 ? `${latin} ${form.en}` : `${form.en2} "${latin}"`, website: `https://www.${domain}/`, phone: pick(phoneFormats)(city.code, phone), city: city.en }),
		// chat / form: name without legal form, typo, free-mail address, phone
		() => ({ name: rnd() < 0.5 ? typo(name) : name.toUpperCase(), email: `${pick(PEOPLE)}${Math.floor(rnd() * 90 + 10)}@${pick(FREE)}`, phone: pick(phoneFormats)(city.code, phone) }),
		// branch: same INN, another KPP, another city and address
		() => {
			const bc = pick(CITIES.filter((c) => c !== city));
			return { name: `${form.short} ${quote(name, 2)} (филиал в г. ${bc.ru})`, inn, kpp: kpp(bc.region, true), phone: pick(phoneFormats)(bc.code, digits(7)), address: address(bc, pick(STREETS), 0, String(1 + Math.floor(rnd() * 80)), undefined, 0), city: bc.ru };
		},
		// OGRN and a mistyped (invalid) INN: the INN must be ignored, not taken as a different one
		() => ({ name: `${form.short} ${name}`, inn: badInn(inn), ogrn: og, email: `${pick(PEOPLE)}@${domain}` }),
	];
	const order = [0, ...[1, 2, 3, 4, 5].sort(() => rnd() - 0.5)];
	for (let i = 0; i < n; i++) emit(entity, { ...variants[order[i % order.length]](), ...(opts.extra ?? {}) });
	return { entity, name, latin, inn, domain, city, form };
}

const entities = [];
for (let i = 0; i < 50; i++) entities.push(legalEntity());

// Well-known transliteration pairs (written by hand, not by a library).
const KNOWN = [
	['Газпром нефть', 'Gazprom Neft', 'PAO'],
	['Северсталь', 'Severstal', 'PAO'],
	['Ростелеком', 'Rostelecom', 'PAO'],
	['Магнит', 'Magnit', 'PAO'],
	['Татнефть', 'Tatneft', 'PAO'],
	['Яндекс', 'Yandex', 'OOO'],
	['Лента', 'Lenta', 'OOO'],
	['Шоколадница', 'Shokoladnitsa', 'OOO'],
];
for (const [ru, en, f] of KNOWN) {
	usedNames.add(ru);
	entities.push(legalEntity({ name: ru, latin: en, form: f === 'PAO' ? FORMS[2] : FORMS[0], records: 3 }));
}

// ---- 2. Near names: "Альфа Трейд" vs "Альфа Трейд Плюс" (different entities, same city) ----
const NEAR = [
	['Альфа Трейд', 'Альфа Трейд Плюс'],
	['Вектор', 'Вектор-М'],
	['СтройИнвест', 'СтройИнвест Групп'],
	['Орион', 'Орион 2000'],
	['Меридиан', 'Меридиан Юг'],
	['Техностиль', 'Техностиль Сервис'],
];
for (const [a, b] of NEAR) {
	usedNames.add(a);
	usedNames.add(b);
	const city = pick(CITIES);
	legalEntity({ name: a, city, records: 2 });
	legalEntity({ name: b, city, records: 2 });
}

// ---- 3. Same name, other city, other INN (two legal entities called «Ромашка») ----
for (const nm of ['Ромашка', 'Стандарт', 'Прогресс']) {
	usedNames.add(nm);
	const [c1, c2] = [CITIES[0], CITIES[4]];
	for (const city of [c1, c2]) {
		const entity = newEntity('ru');
		const inn = inn10(city.region);
		emit(entity, { name: `ООО «${nm}»`, inn, kpp: kpp(city.region), city: city.ru, phone: pick(phoneFormats)(city.code, digits(7)) });
		emit(entity, { name: `Общество с ограниченной ответственностью "${nm}"`, inn, address: address(city, pick(STREETS), 0, '7', undefined, 1) });
	}
}

// ---- 4. Holdings: subsidiaries share a domain (and often a name stem), different INN ----
const HOLDINGS = [
	['alfagroup-hold.ru', ['Альфа Логистик', 'Альфа Ритейл', 'Альфа Девелопмент']],
	['sibprom.ru', ['Сибпром Энерго', 'Сибпром Транс']],
	['uralmet.ru', ['Уралмет', 'Уралмет Сервис']],
	['volga-agro.ru', ['Волга Агро', 'Волга Агро Трейд', 'Волга Агро Снаб']],
];
for (const [domain, names] of HOLDINGS) {
	const city = pick(CITIES);
	for (const nm of names) {
		usedNames.add(nm);
		const entity = newEntity('hold');
		const inn = inn10(city.region);
		emit(entity, { name: `ООО «${nm}»`, inn, kpp: kpp(city.region), email: `info@${domain}`, website: domain });
		emit(entity, { name: `ООО ${nm}`, inn, email: `${pick(PEOPLE)}@${domain}`, phone: pick(phoneFormats)(city.code, digits(7)) });
	}
}

// ---- 5. Tenants of one business centre: same street, house and switchboard, other office, other company ----
const CENTRES = [
	{ city: CITIES[0], street: 'Пресненская', kind: 2, house: '12', switchboard: '2587000' },
	{ city: CITIES[1], street: 'Ленина', kind: 1, house: '153', switchboard: '3341200' },
	{ city: CITIES[2], street: 'Малышева', kind: 0, house: '51', switchboard: '2220101' },
];
for (const c of CENTRES) {
	for (let t = 0; t < 4; t++) {
		const entity = newEntity('bc');
		const name = freshName();
		const office = String(100 * (t + 2) + Math.floor(rnd() * 50));
		const sw = pick(phoneFormats)(c.city.code, c.switchboard);
		emit(entity, { name: `ООО «${name}»`, phone: sw, address: address(c.city, c.street, c.kind, c.house, office, 0), city: c.city.ru });
		emit(entity, { name: `${name}`, phone: pick(phoneFormats)(c.city.code, c.switchboard), address: address(c.city, c.street, c.kind, c.house, office, 1), email: `${pick(PEOPLE)}${Math.floor(rnd() * 90 + 10)}@${pick(FREE)}` });
	}
}

// ---- 6. Free mail only: different companies on the same free-mail domain ----
for (let i = 0; i < 8; i++) {
	const entity = newEntity('free');
	const name = freshName();
	const city = pick(CITIES);
	const mailbox = `${pick(PEOPLE)}.${name.toLowerCase().replace(/[^а-яё]/g, '').length}${i}@mail.ru`;
	emit(entity, { name: `ООО «${name}»`, email: mailbox, city: city.ru });
	emit(entity, { name: `ООО "${name}"`, email: `zakaz.${i}${Math.floor(rnd() * 1000)}@mail.ru`, phone: pick(phoneFormats)(city.code, digits(7)) });
}

// ---- 7. Sole traders (ИП): 12-digit INN, OGRNIP; same surname traps ----
const SURNAMES = [
	['Иванов', 'Ivanov'],
	['Смирнова', 'Smirnova'],
	['Кузнецов', 'Kuznetsov'],
	['Попова', 'Popova'],
	['Соколов', 'Sokolov'],
];
const FIRSTS = [
	['Иван', 'Петрович'],
	['Сергей', 'Алексеевич'],
	['Ирина', 'Викторовна'],
	['Анна', 'Сергеевна'],
	['Пётр', 'Иванович'],
	['Олег', 'Николаевич'],
];
for (const [sur, surLat] of SURNAMES) {
	const fem = /а$/.test(sur);
	const firsts = FIRSTS.filter(([f]) => (fem ? /а$/.test(f) : !/а$/.test(f)));
	const city = pick(CITIES);
	// two traders, same surname, different first names (different initials) and INN
	for (const [first, middle] of firsts.slice(0, 2)) {
		const entity = newEntity('ip');
		const inn = inn12(city.region);
		const ogn = ogrnip(city.region);
		emit(entity, { name: `ИП ${sur} ${first} ${middle}`, inn, ogrn: ogn, phone: pick(phoneFormats)(city.code, digits(7)), city: city.ru });
		emit(entity, { name: `Индивидуальный предприниматель ${sur} ${first[0]}.${middle[0]}.`, inn });
		emit(entity, { name: `IP ${surLat} ${translit(first)}`, ogrn: ogn, email: `${surLat.toLowerCase()}.${translit(first).toLowerCase()}@gmail.com` });
	}
	// a third trader: same surname AND same initials as the first, different INN
	const [first, middle] = firsts[0];
	const entity = newEntity('ip');
	emit(entity, { name: `ИП ${sur} ${first[0]}. ${middle[0]}.`, inn: inn12(city.region), city: city.ru, phone: pick(phoneFormats)(city.code, digits(7)) });
}

// ---- 8. English companies: forms, punctuation, address abbreviations, phone formats, typos ----
const EN_A = ['Northwind', 'Bluebird', 'Silverline', 'Greenfield', 'Redwood', 'Harbor', 'Summit', 'Oakridge', 'Pioneer', 'Crescent', 'Keystone', 'Maple', 'Riverside', 'Atlas', 'Beacon'];
const EN_B = ['Traders', 'Logistics', 'Engineering', 'Foods', 'Systems', 'Analytics', 'Builders', 'Supplies', 'Consulting', 'Print'];
const EN_FORMS = [['Ltd', 'Limited'], ['LLC', 'L.L.C.'], ['Inc', 'Incorporated'], ['Corp', 'Corporation'], ['PLC', 'Public Limited Company']];
const EN_STREETS = [['High', 'St', 'Street'], ['Park', 'Rd', 'Road'], ['Mill', 'Ln', 'Lane'], ['King', 'Ave', 'Avenue'], ['Church', 'St', 'Street'], ['Station', 'Rd', 'Road']];
const usedEn = new Set();
for (let i = 0; i < 30; i++) {
	let nm;
	do nm = `${pick(EN_A)} ${pick(EN_B)}`;
	while (usedEn.has(nm));
	usedEn.add(nm);
	const entity = newEntity('en');
	const [f1, f2] = pick(EN_FORMS);
	const [st, ab, full] = pick(EN_STREETS);
	const house = String(1 + Math.floor(rnd() * 300));
	const ph = digits(7);
	const area = pick(['212', '415', '312', '617']);
	const domain = `${nm.toLowerCase().replace(/[^a-z]/g, '')}.com`;
	const n = 2 + Math.floor(rnd() * 3);
	const v = [
		() => ({ name: `${nm} ${f1}`, address: `${house} ${st} ${ab}`, phone: `${area}-${ph.slice(0, 3)}-${ph.slice(3)}`, city: 'Springfield' }),
		() => ({ name: `${nm.toUpperCase()} ${f2.toUpperCase()}`, address: `${house} ${st} ${full}`, phone: `(${area}) ${ph.slice(0, 3)} ${ph.slice(3)}`, email: `info@${domain}` }),
		() => ({ name: `The ${typo(nm)} ${f1}.`, address: `${house} ${st} ${ab}.`, phone: `${area}/${ph}` }),
		() => ({ name: `${nm}, ${f2}`, email: `${pick(['john', 'mary', 'pat'])}@${domain}`, website: `www.${domain}` }),
	];
	for (let k = 0; k < n; k++) emit(entity, { ...v[k % v.length](), ...(i % 2 ? {} : {}) });
	if (i < 5) {
		// A different company with the same first word, at another address: not the same
		const other = newEntity('en');
		emit(other, { name: `${nm.split(' ')[0]} ${pick(EN_B.filter((b) => !nm.endsWith(b)))} ${f1}`, address: `${Number(house) + 17} ${st} ${ab}`, phone: `${area}-${digits(3)}-${digits(4)}` });
	}
}

for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
const ents = new Set(rows.map((r) => r.entity));
process.stderr.write(`${rows.length} records, ${ents.size} organisations\n`);
