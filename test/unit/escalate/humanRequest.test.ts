import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';
import { transliterate } from 'transliteration';

import { detectHumanRequest } from '../../../core/text/humanRequest';
import { evaluateTriggers } from '../../../core/escalate/escalate';
import { withDefaults } from '../../../core/escalate/options';
import { squeeze, tokenize, typoDistance } from '../../../core/text/wordforms';

/**
 * Explicit requests for a person. `{word}` marks the word that typos are applied to (words of five
 * letters or more: shorter words are matched exactly, after case, look-alike and repeat folding).
 */
const RU_REQUESTS = [
	'{оператор}',
	'{оператора}',
	'{операторр}',
	'позовите {оператора}',
	'дайте {оператора}',
	'позовите {человека}',
	'живой {специалист}',
	'{живого} человека дайте',
	'соедините с {менеджером}',
	'хочу поговорить с {человеком}',
	'{перезвоните}',
	'{перезвоните} мне',
	'можно {оператора}?',
	'нужен живой {человек}',
	'переключите на {оператора}',
	'свяжите меня со {специалистом}',
	'позовите {менеджера}',
	'{менеджера}!',
	'{человека} позовите уже',
	'можно поговорить с {сотрудником}?',
	'мне нужен {консультант}',
	'не хочу общаться с {ботом}',
	'закажите {обратный} звонок',
	'{позвоните} мне',
	'хочу с {оператором} говорить',
	'дайте {настоящего} человека',
	'соедините со {специалистом}',
	'{оператор} срочно',
];

const EN_REQUESTS = [
	'{operator}',
	'{agent}',
	'real {person}',
	'{human} please',
	'call me back',
	'talk to a {human}',
	'speak to a {representative}',
	'live {agent} please',
	'I want a real {person}',
	'get me a {manager}',
	'connect me to an {operator}',
	'can I speak with {someone}',
	'I need to talk to a {human} being',
	'transfer me to an {agent}',
	'I would like a {callback}',
	'let me talk to your {supervisor}',
	'is there a real {person} I can talk to?',
	'{human} agent please',
	'i dont want to talk to a {robot}',
	'please have {someone} call me',
	'I want to speak to a {manager}',
];

const PREFIXES = ['', 'Здравствуйте! ', 'Слушайте, ', 'Добрый день. У меня вопрос по заказу 48213. ', 'Hello, ', 'I said ', 'Ну ', 'Third time: '];
const SUFFIXES = ['', '!!!', ' пожалуйста', '?', ' сейчас же', ' please', '!', ' ASAP', ' — спасибо'];

type Typo = { kind: 'none' | 'delete' | 'double' | 'swap' | 'replace' | 'insert'; at: number; letter: number };

const LETTERS_RU = 'абвгдежзиклмнопрстуфхцчшщыэюя';
const LETTERS_EN = 'abcdefghijklmnopqrstuvwxyz';
/** Latin look-alikes a writer may type inside a Cyrillic word. */
const LOOKALIKE: Record<string, string> = { о: 'o', а: 'a', е: 'e', р: 'p', с: 'c', х: 'x', у: 'y', к: 'k', м: 'm', т: 't' };

function applyTypo(word: string, t: Typo): string {
	if (t.kind === 'none' || word.length < 5) return word;
	const letters = /[а-яё]/i.test(word) ? LETTERS_RU : LETTERS_EN;
	// Keep the first letter: people rarely mistype it, and without it a word is a different word.
	const i = 1 + (t.at % (word.length - 1));
	const ch = letters[t.letter % letters.length];
	switch (t.kind) {
		case 'delete':
			return word.slice(0, i) + word.slice(i + 1);
		case 'double':
			return word.slice(0, i) + word[i].repeat(2 + (t.letter % 3)) + word.slice(i + 1);
		case 'swap':
			return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
		case 'replace':
			return word.slice(0, i) + ch + word.slice(i + 1);
		case 'insert':
			return word.slice(0, i) + ch + word.slice(i);
		default:
			return word;
	}
}

type CaseMode = 'lower' | 'upper' | 'title' | 'random';

function applyCase(text: string, mode: CaseMode, seed: number): string {
	if (mode === 'lower') return text.toLowerCase();
	if (mode === 'upper') return text.toUpperCase();
	if (mode === 'title') return text.charAt(0).toUpperCase() + text.slice(1);
	return [...text].map((ch, i) => (((seed >> i % 16) & 1) === 1 ? ch.toUpperCase() : ch.toLowerCase())).join('');
}

function applyLookAlikes(text: string, seed: number): string {
	return [...text].map((ch, i) => (LOOKALIKE[ch] && ((seed >> i % 20) & 1) === 1 ? LOOKALIKE[ch] : ch)).join('');
}

function render(template: string, typo: Typo): { text: string; key: string } {
	const m = /\{([^}]+)\}/.exec(template);
	const key = m ? m[1] : '';
	const typed = applyTypo(key, typo);
	return { text: template.replace(/\{[^}]+\}/, typed), key: typed };
}

const typoArb = fc.record({
	kind: fc.constantFrom<Typo['kind']>('none', 'delete', 'double', 'swap', 'replace', 'insert'),
	at: fc.nat(50),
	letter: fc.nat(1000),
});

describe('human-request detector: never misses an explicit request', () => {
	it('catches every listed phrasing as written', () => {
		for (const t of [...RU_REQUESTS, ...EN_REQUESTS]) {
			const text = t.replace(/[{}]/g, '');
			assert.ok(detectHumanRequest(text), `missed: ${text}`);
		}
	});

	it('catches the phrasings of the brief', () => {
		for (const text of [
			'оператор',
			'ОПЕРАТОР',
			'операторр',
			'operator',
			'позовите человека',
			'живой специалист',
			'соедините с менеджером',
			'agent',
			'real person',
			'human please',
			'call me back',
			'перезвоните',
			'ОПЕРАТОР ОПЕРАТОР ОПЕРАТОР!!!',
			'oпeратор',
			'0ператор',
			'pozovite operatora',
			'zhivoy chelovek',
			'svyazhite s menedzherom',
			'perezvonite',
		]) {
			assert.ok(detectHumanRequest(text), `missed: ${text}`);
		}
	});

	it('property: Russian requests in any case, with typos, repeated letters, look-alikes and context', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...RU_REQUESTS),
				typoArb,
				fc.constantFrom<CaseMode>('lower', 'upper', 'title', 'random'),
				fc.nat(0xffff),
				fc.boolean(),
				fc.constantFrom(...PREFIXES),
				fc.constantFrom(...SUFFIXES),
				(template, typo, caseMode, seed, lookalikes, prefix, suffix) => {
					let { text } = render(template, typo);
					if (lookalikes) text = applyLookAlikes(text, seed);
					text = applyCase(prefix + text + suffix, caseMode, seed);
					return detectHumanRequest(text) !== undefined;
				},
			),
			{ numRuns: 4000, seed: 7 },
		);
	});

	it('property: the same Russian requests transliterated to Latin', () => {
		fc.assert(
			fc.property(fc.constantFrom(...RU_REQUESTS), typoArb, fc.constantFrom<CaseMode>('lower', 'upper', 'title'), (template, typo, caseMode) => {
				// The typo is made while typing in Latin, so it is applied after transliteration.
				const { text } = render(transliterate(template), typo);
				return detectHumanRequest(applyCase(text, caseMode, 0)) !== undefined;
			}),
			{ numRuns: 1500, seed: 11 },
		);
	});

	it('property: English requests in any case, with typos, repeated letters and context', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...EN_REQUESTS),
				typoArb,
				fc.constantFrom<CaseMode>('lower', 'upper', 'title', 'random'),
				fc.nat(0xffff),
				fc.constantFrom(...PREFIXES),
				fc.constantFrom(...SUFFIXES),
				(template, typo, caseMode, seed, prefix, suffix) => {
					const { text } = render(template, typo);
					return detectHumanRequest(applyCase(prefix + text + suffix, caseMode, seed)) !== undefined;
				},
			),
			{ numRuns: 3000, seed: 13 },
		);
	});

	it('property: repeated requests are counted across turns', () => {
		const options = withDefaults();
		fc.assert(
			fc.property(
				fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
				fc.constantFrom(...RU_REQUESTS, ...EN_REQUESTS),
				fc.constantFrom<CaseMode>('lower', 'upper'),
				(pattern, template, caseMode) => {
					const turns = pattern.flatMap((isRequest, i) => [
						{ role: 'customer' as const, text: isRequest ? applyCase(template.replace(/[{}]/g, ''), caseMode, i) : `Где мой заказ ${1000 + i}?`, error: false },
						{ role: 'bot' as const, text: `Ответ номер ${i}: проверяю статус заказа.`, error: false },
					]);
					const { humanRequests } = evaluateTriggers({ turns }, options);
					return humanRequests === pattern.filter(Boolean).length;
				},
			),
			{ numRuns: 300, seed: 17 },
		);
	});
});

/** Ordinary messages that mention no wish for a person (or mention staff without asking for them). */
const ORDINARY = [
	'менеджер по продажам прислал счёт?',
	'Ваш менеджер прислал мне договор, всё подписали',
	'Сколько стоит доставка в Казань?',
	'где мой заказ 12345',
	'Мой оператор связи МТС, подойдёт ли сим-карта?',
	'я вам перезвоню позже',
	'Хочу купить холодильник LG',
	'забронировать столик на 5 человек',
	'Сколько человек помещается в зале?',
	'какой у вас график работы',
	'спасибо, всё понятно',
	'Мне нужна помощь с оплатой картой',
	'Не приходит код подтверждения',
	'Можно оплатить по счёту для юрлица?',
	'Пришлите, пожалуйста, прайс на офисную мебель',
	'Доставка опоздала на два дня',
	'Есть ли у вас скидки для постоянных клиентов?',
	'how can I cancel my order?',
	'I will call you back later',
	'the operation failed with code 500',
	'Please help me cancel order 58813, I placed it by mistake',
	'Can you help me with a refund?',
	'I have a problem with my account password',
	'What are your opening hours?',
	'Do you deliver to Berlin?',
	'My travel agent booked the wrong dates',
	'The manager approved the discount yesterday, thanks',
	'I need to change my shipping address',
	'Please send me the invoice for order 5521',
	'How many people can attend the webinar?',
	'Is the premium plan available for teams?',
	'Where can I download the app?',
];

describe('human-request detector: ordinary messages stay with the bot', () => {
	it('does not flag ordinary questions, including a manager mentioned without a request', () => {
		for (const text of ORDINARY) {
			assert.equal(detectHumanRequest(text), undefined, `flagged: ${text} → ${JSON.stringify(detectHumanRequest(text))}`);
		}
	});

	it('property: ordinary messages in any case with context are not flagged', () => {
		fc.assert(
			fc.property(fc.constantFrom(...ORDINARY), fc.constantFrom<CaseMode>('lower', 'upper', 'title'), fc.constantFrom(...PREFIXES.filter((p) => !/said|Third/.test(p))), (text, caseMode, prefix) =>
				detectHumanRequest(applyCase(prefix + text, caseMode, 0)) === undefined,
			),
			{ numRuns: 500, seed: 19 },
		);
	});
});

describe('normalisation', () => {
	it('folds case, ё, repeated letters and look-alikes to one skeleton', () => {
		const forms = ['ОПЕРАТОР', 'операторр', 'oпeратор', 'ОПЕРАТОООР', 'operator'];
		const skeletons = forms.map((f) => tokenize(f)[0].skeleton);
		assert.deepEqual(new Set(skeletons), new Set(['operator']));
		assert.equal(tokenize('Ёлка')[0].raw, 'елка');
		assert.equal(squeeze('пожаааалуйста'), 'пожалуйста');
	});

	it('counts an adjacent transposition as one edit', () => {
		assert.equal(typoDistance('huamn', 'human'), 1);
		assert.equal(typoDistance('human', 'human'), 0);
		assert.equal(typoDistance('humor', 'human'), 2);
	});
});
