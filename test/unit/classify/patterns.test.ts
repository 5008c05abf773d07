import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createClassifier } from '../../../core/classify';
import { detectHumanRequest } from '../../../core/text/humanRequest';

/** Issue 22: the nine patterns, each as a general mechanism, tested both ways (texts written for these tests). */
const c = createClassifier({ mode: 'cascade' });

describe('pattern 1: a request is ask/want/connect + a person or a team', () => {
	for (const text of [
		'Можно менеджера?',
		'хотелось бы обсудить с консультантом',
		'есть кто живой из сотрудников?',
		'соедините с кем-нибудь из отдела продаж',
		'connect me to billing',
		'put me through to the accounts team',
		'Could you transfer me to your billing department',
		'give me human',
		'operator pls',
		'pozovite menedzhera',
	]) {
		it(`request: "${text}"`, () => {
			assert.ok(detectHumanRequest(text), text);
			assert.equal(c.classifyOffline(text).wantsHuman, true);
		});
	}
	for (const text of [
		'Хочу поблагодарить менеджера Ольгу за помощь',
		'Меня зовут Алина, я персональный менеджер банка',
		'Учебный центр приглашает специалистов по закупкам',
		'с утра все сотрудники без связи, пришлите инженера',
		'can i transfer 700 to guy kephart',
		'I do not know how I can update my personal details',
		'мы вам перезвоним в течение часа, так вы писали',
		'two little humans and one person more',
	]) {
		it(`not a request: "${text}"`, () => {
			assert.equal(detectHumanRequest(text), undefined);
			assert.equal(c.classifyOffline(text).wantsHuman, false);
		});
	}
});

describe('pattern 2: "оператор" as a topic is not a request', () => {
	for (const text of ['Смена мобильного оператора, перенос номера', 'Требуется оператор станков ЧПУ', 'Ищу работу оператором на телефоне', 'Подключите нас к оператору ЭДО', 'Which mobile operator do you use?']) {
		it(text, () => assert.equal(detectHumanRequest(text), undefined));
	}
	it('while "оператор" alone still is', () => assert.ok(detectHumanRequest('Оператор!')));
});

describe('pattern 3: customers are not silenced as spam; spam without links is found', () => {
	for (const text of [
		'Претензия по договору поставки №44/2026: просрочка 32 дня, в противном случае обратимся в арбитражный суд',
		'Мой заказ 48213 до сих пор не пришёл, от 5000 руб я уже потратил на звонки',
		"We're one of your platinum accounts, please have your head of sales call me",
	]) {
		it(`customer: "${text.slice(0, 50)}"`, () => assert.equal(c.classifyOffline(text).spam, false));
	}
	for (const text of [
		'Dear Friend, I am Barrister John Doe. My late client left a fortune with no next of kin; I seek your consent to present you as beneficiary.',
		'Здравствуйте, я вдова, у меня наследство 12 миллионов долларов, нужен честный человек. Вы получите 30%, пришлите ваши данные.',
		'new memecoin on Solana, liquidity locked, 100x before binance listing',
		'Вашей компании предварительно одобрен овердрафт 3 млн ₽ и лизинг без первого взноса',
	]) {
		it(`spam: "${text.slice(0, 50)}"`, () => {
			const r = c.classifyOffline(text);
			assert.equal(r.spam, true);
			assert.equal(r.wantsHuman, false, 'a spammer asking for "an honest person" does not want a human');
		});
	}
});

describe('pattern 7 (part): a seminar about 44-ФЗ is an advertisement, not a tender', () => {
	it('seminar: not high, not a lead', () => {
		const r = c.classifyOffline('Онлайн-семинар по 223-ФЗ для специалистов по закупкам, записывайтесь');
		assert.notEqual(r.priority, 'high');
		assert.notEqual(r.type, 'lead');
	});
	it('a tender still is', () => {
		const r = c.classifyOffline('Приглашаем принять участие в тендере на поставку кабеля, 44-ФЗ');
		assert.equal(r.priority, 'high');
	});
});

describe('patterns 5 and 6: anger follows from the reported evidence by one rule (weights sum to 1)', () => {
	const weightOf = (r: ReturnType<typeof c.classifyOffline>, codes: string[]) =>
		r.reasons.filter((x) => codes.includes(x.code)).reduce((s, x) => s + (x.weight ?? 0), 0);
	it('CAPS, "!!!" and a repeated ОПЕРАТОР: reported and angry', () => {
		const r = c.classifyOffline('ОПЕРАТОР ОПЕРАТОР СКОЛЬКО МОЖНО ЖДАТЬ!!!');
		assert.ok(r.reasons.some((x) => x.code === 'anger_caps'));
		assert.ok(r.reasons.some((x) => x.code === 'anger_exclamations'));
		assert.equal(r.angry, true);
	});
	it('sarcasm: thanks around a grievance is angry and negative', () => {
		const r = c.classifyOffline('Спасибо за прекрасный сервис, жду возврат уже месяц');
		assert.equal(r.angry, true);
		assert.equal(r.sentiment, 'negative');
		assert.ok(weightOf(r, ['anger_grievance', 'anger_sarcasm']) >= 1);
	});
	it('sincere thanks is not angry', () => {
		const r = c.classifyOffline('Спасибо за прекрасный сервис, всё доставили вовремя');
		assert.equal(r.angry, false);
		assert.notEqual(r.sentiment, 'negative');
	});
	it('one weak cue alone is reported but not angry', () => {
		const r = c.classifyOffline('Подскажите, пожалуйста, когда доставка!!');
		assert.ok(r.reasons.some((x) => x.code === 'anger_exclamations'));
		assert.equal(r.angry, false);
	});
});

describe('pattern 7: the size of the deal and formal claims make priority high; "КП" alone does not', () => {
	for (const text of ['Нужно 800 тонн арматуры А500С', 'Нужны 3 контейнера плитки', 'Закупаем 20 000 шт в месяц', 'Объём закупок от 2 млн руб в месяц', 'Нужна АТС на 250 рабочих мест', 'We need approx. 5,000 MT per month', 'Претензия по договору 12/3: просрочка поставки', 'Подал заявление в полицию о мошенничестве']) {
		it(`high: "${text}"`, () => assert.equal(c.classifyOffline(text).priority, 'high'));
	}
	for (const text of ['Пришлите КП', 'По договору №12-ОП просим выставить счёт на оплату второго этапа', 'Нужно 2 стула и 5 шт. крючков', 'Живу на Лесной 12 кв 40, жду 10 дней']) {
		it(`not high: "${text}"`, () => assert.notEqual(c.classifyOffline(text).priority, 'high'));
	}
});

describe('pattern 8: short price requests are leads', () => {
	for (const text of ['цена?', 'пришлите прайс', 'сколько стоит установка', 'есть скидка от 3 штук?', 'how much is the blue one?']) {
		it(`lead: "${text}"`, () => assert.equal(c.classifyOffline(text).type, 'lead'));
	}
	it('a price complaint in a long message is not made a lead by the price word', () => {
		const r = c.classifyOffline('Вы списали с карты неправильную цену за заказ 48213, товар пришёл сломанный, верните деньги, это уже третий раз');
		assert.notEqual(r.type, 'lead');
	});
});

describe('pattern 4: transliterated Russian is read as Russian', () => {
	it('an order in Latin letters is a Russian lead', () => {
		const r = c.classifyOffline('zdravstvuyte, hochu zakazat 2 divana');
		assert.equal(r.language, 'ru');
		assert.equal(r.type, 'lead');
	});
	it('a late order in Latin letters is a Russian complaint', () => {
		const r = c.classifyOffline('pochemu ne prishel zakaz');
		assert.equal(r.language, 'ru');
		assert.equal(r.type, 'complaint');
	});
	it('an English message is not touched', () => assert.equal(c.classifyOffline('Why has my order not arrived?').language, 'en'));
});
