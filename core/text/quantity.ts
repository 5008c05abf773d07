/**
 * Quantities and sums that make a deal big (issue 22 pattern 7): "800 тонн арматуры", "3 контейнера",
 * "20 000 шт", "от 2 млн руб в месяц", "на 250 рабочих мест", "5,000 MT per month", "40 million pcs",
 * "120 ноутбуков". Each kind has a threshold; the first quantity at or above it is returned as evidence.
 */

const NUM = String.raw`(\d+(?:[\s\u00A0.,]\d{3})*(?:[.,]\d+)?)`;
const SCALE = String.raw`(?:\s*(тыс\.?|тысяч\p{L}*|млн|миллион\p{L}*|million|mln|k)(?![\p{L}]))?`;

interface Kind {
	/** global: read with matchAll, which clones it, so the shared pattern keeps no state between calls */
	re: RegExp;
	min: number;
}

const KINDS: Kind[] = [
	// mass
	{ re: new RegExp(String.raw`${NUM}${SCALE}\s*(?:тонн\p{L}*|т(?![\p{L}])|tons?|tonnes?|mt)(?![\p{L}])`, 'giu'), min: 10 },
	// containers, wagons, trucks
	{ re: new RegExp(String.raw`${NUM}\s*(?:контейнер\p{L}*|вагон\p{L}*|фур\p{L}*|containers?|trucks?|wagons?|truckloads?)`, 'giu'), min: 2 },
	// pieces
	{ re: new RegExp(String.raw`${NUM}${SCALE}\s*(?:шт\p{L}*|штук\p{L}*|pcs|pieces|units|ед\.)`, 'giu'), min: 1000 },
	// area
	{ re: new RegExp(String.raw`${NUM}${SCALE}\s*(?:м²|м2|кв\.?\s*м|m²|m2|sq\.?\s*m|square met\p{L}*)`, 'giu'), min: 1000 },
	// seats, workplaces, staff
	{ re: new RegExp(String.raw`${NUM}\s*(?:рабоч\p{L}*\s+мест\p{L}*|сотрудник\p{L}*|пользовател\p{L}*|лицензи\p{L}*|workstations?|seats?|employees|users|licen[cs]es)`, 'giu'), min: 100 },
	// money in millions
	{ re: new RegExp(String.raw`${NUM}\s*(?:млн|миллион\p{L}*|million|mln|m)(?![\p{L}])\s*(?:руб\p{L}*|₽|\$|usd|eur|€|долл\p{L}*|евро)?`, 'giu'), min: 1 },
	// a count of goods: "120 ноутбуков", "300 стульев" (a Russian genitive plural noun); documents, letters and
	// calls are paperwork, not goods
	{
		re: new RegExp(
			String.raw`${NUM}\s+(?!(?:дней|лет|часов|минут|рублей|долларов|евро|процентов|километров|метров|граммов|раз|документов|страниц|писем|сообщений|звонков|заявок|отзывов|подписчиков)(?![\p{L}]))(\p{L}{3,}(?:ов|ей|ев))(?![\p{L}])`,
			'giu',
		),
		min: 100,
	},
	// vehicles and machines: "20 самосвалов", "15 excavators"
	{ re: new RegExp(String.raw`${NUM}\s+(?:самосвал\p{L}*|грузовик\p{L}*|тягач\p{L}*|экскаватор\p{L}*|погрузчик\p{L}*|автобус\p{L}*|автомобил\p{L}*|vehicles|excavators|forklifts|buses|cars)(?![\p{L}])`, 'giu'), min: 10 },
	// sites of a chain: "14 branches", "36 многоквартирных домов", "12 stores"
	{
		re: new RegExp(String.raw`${NUM}\s+(?:[\p{L}-]+\s+)?(?:филиал\p{L}*|магазин\p{L}*|отделени\p{L}*|домов|зданий|объектов|branches|stores|outlets|subsidiaries|buildings|sites|hotels|restaurants|clinics)(?![\p{L}])`, 'giu'),
		min: 10,
	},
	// an English count of goods: "1,500 hospital beds", "2000 chairs" (a plural noun, at most one word before it)
	{
		re: new RegExp(
			String.raw`${NUM}\s+(?:[\p{L}-]+\s+)?(?!(?:days|years|hours|minutes|seconds|dollars|euros|rubles|percent|kilometers|meters|miles|times|words|pages|emails|calls|messages|followers|subscribers|users|people)(?![\p{L}]))([a-z]{3,}s)(?![\p{L}])`,
			'giu',
		),
		min: 1000,
	},
];

function valueOf(num: string, scale: string | undefined): number {
	const digits = num.replace(/[\s\u00A0]/g, '');
	// "20 000", "5,000", "1.200" group thousands; "2,5" and "2.5" are decimals
	const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(digits);
	const n = Number(grouped ? digits.replace(/[.,]/g, '') : digits.replace(',', '.'));
	const s = (scale ?? '').toLowerCase();
	if (/^(?:млн|миллион|million|mln)/.test(s)) return n * 1e6;
	if (/^(?:тыс|тысяч|k)/.test(s)) return n * 1e3;
	return n;
}

/** The first quantity or sum that makes the deal big, as written, or undefined. */
export function bigQuantity(text: string): string | undefined {
	for (const k of KINDS) {
		for (const m of text.matchAll(k.re)) {
			const scaleGroup = m[2] && /^(?:тыс|тысяч|млн|миллион|million|mln|k$)/iu.test(m[2]) ? m[2] : undefined;
			const v = valueOf(m[1], scaleGroup);
			if (Number.isFinite(v) && v >= k.min) return m[0].trim();
		}
	}
	return undefined;
}
