/**
 * Synthetic organisation records with known truth (@faker-js/faker, seeded), in the neutral dedupe
 * format ({"id","entity",...}). English companies resemble a public set of business listings: name,
 * street address, city and a 7-digit phone, 1–6 records per organisation, with variants a listing
 * site introduces (case, "&"/"and", legal suffix dropped or spelt out, "The", St/Street, Ave/Avenue,
 * phone formats with and without area code, a typo in one record in seven, missing fields) and chains
 * (one name, other addresses and phones: other organisations). With `russian`, half of the
 * organisations are Russian (legal forms ООО/АО, Latin spellings, valid INN on half the records).
 * Used by bench/dedupe-org.bench.ts and scripts/gen-synthetic-en-orgs.mjs.
 */
import { fakerEN, fakerRU } from '@faker-js/faker';
import { transliterate } from 'transliteration';

export interface OrgRow {
	id: string;
	entity: string;
	[key: string]: unknown;
}

const ABBR: Array<[string, string]> = [
	['Street', 'St'],
	['Avenue', 'Ave'],
	['Road', 'Rd'],
	['Drive', 'Dr'],
	['Lane', 'Ln'],
	['Boulevard', 'Blvd'],
	['Court', 'Ct'],
	['Place', 'Pl'],
	['Square', 'Sq'],
];
const SUFFIXES = [
	['Inc', 'Inc.', 'Incorporated'],
	['LLC', 'L.L.C.', 'LLC'],
	['Ltd', 'Ltd.', 'Limited'],
	['Corp', 'Corp.', 'Corporation'],
];

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
function inn10(rnd: () => number): string {
	const d = Array.from({ length: 9 }, () => Math.floor(rnd() * 10));
	d[0] = 1 + Math.floor(rnd() * 9);
	const c = (W10.reduce((s, w, i) => s + w * d[i], 0) % 11) % 10;
	return d.join('') + c;
}

export function makeOrgData(n: number, seed = 7, russian = false): OrgRow[] {
	const f = fakerEN;
	f.seed(seed);
	fakerRU.seed(seed + 1);
	const rnd = () => f.number.float({ min: 0, max: 1 });
	const chance = (p: number) => rnd() < p;
	const typo = (s: string) => {
		const i = 1 + Math.floor(rnd() * Math.max(1, s.length - 2));
		if (!/[a-zа-я]/i.test(s[i] ?? '')) return s;
		return chance(0.5) ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i - 1) + s[i] + s[i - 1] + s.slice(i + 1);
	};
	const rows: OrgRow[] = [];
	let e = 0;
	const chainNames: string[] = [];
	while (rows.length < n) {
		const entity = `org${e++}`;
		const ru = russian && chance(0.5);
		let name: string;
		let suffix: string[] | undefined;
		if (ru) {
			const base = `${fakerRU.person.lastName()}${chance(0.5) ? ` ${fakerRU.commerce.productMaterial()}` : ''}`;
			name = base;
			suffix = chance(0.7) ? ['ООО', 'ООО', 'Общество с ограниченной ответственностью'] : ['АО', 'АО', 'Акционерное общество'];
		} else if (chainNames.length && chance(0.04)) {
			name = f.helpers.arrayElement(chainNames);
		} else {
			name = chance(0.5) ? f.company.name() : `${f.person.lastName()}'s ${f.commerce.department()}`;
			suffix = chance(0.4) ? f.helpers.arrayElement(SUFFIXES) : undefined;
			if (chance(0.05)) chainNames.push(name);
		}
		const street = f.location.street();
		const house = f.location.buildingNumber();
		const city = ru ? fakerRU.location.city() : f.location.city();
		const phone = `${f.string.numeric(3)}-${f.string.numeric(4)}`;
		const area = f.string.numeric(3);
		const inn = ru ? inn10(rnd) : undefined;
		const k = Math.min(6, 1 + Math.floor(-Math.log(1 - rnd()) * 2));
		for (let j = 0; j < k && rows.length < n; j++) {
			let nm = name;
			if (ru) {
				const latin = chance(0.3);
				nm = latin ? transliterate(name) : name;
				const form = suffix![j % 3];
				nm = chance(0.5) ? `${form} «${nm}»` : `${nm} ${latin ? 'LLC' : form}`;
			} else {
				if (suffix && chance(0.6)) nm = `${nm} ${suffix[j % 3]}`;
				if (chance(0.2)) nm = nm.replace(/ and /g, ' & ');
				if (chance(0.15)) nm = nm.toUpperCase();
				if (chance(0.05)) nm = `The ${nm}`;
			}
			if (j > 0 && chance(1 / 7)) nm = typo(nm);
			let addr = `${house} ${street}`;
			for (const [full, ab] of ABBR) {
				if (addr.endsWith(full) && chance(0.5)) addr = addr.replace(new RegExp(`${full}$`), chance(0.5) ? ab : `${ab}.`);
			}
			if (chance(0.1)) addr = `${addr}, Suite ${100 + (e % 50)}`;
			if (j > 0 && chance(0.07)) addr = typo(addr);
			let ph: string | undefined = phone;
			const fmt = rnd();
			if (fmt < 0.3) ph = phone.replace('-', '');
			else if (fmt < 0.5) ph = `(${area}) ${phone}`;
			else if (fmt < 0.6) ph = `${area}/${phone.replace('-', '')}`;
			if (j > 0 && chance(0.03)) ph = ph.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
			if (j > 0 && chance(0.08)) ph = undefined;
			const row: OrgRow = { id: `r${rows.length}`, entity, name: nm, address: chance(0.05) && j > 0 ? undefined : addr, city, phone: ph };
			if (inn && chance(0.5)) row.inn = inn;
			rows.push(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as OrgRow);
		}
	}
	return rows;
}

// `node --import tsx bench/orgData.ts [--n 3337] [--seed 7] [--russian]`: the set as JSON Lines on stdout.
if (process.argv[1]?.endsWith('orgData.ts')) {
	const args = process.argv.slice(2);
	const flag = (name: string, fallback: number) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? Number(args[i + 1]) : fallback;
	};
	for (const row of makeOrgData(flag('n', 3337), flag('seed', 7), args.includes('--russian'))) process.stdout.write(`${JSON.stringify(row)}\n`);
}
