import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createClassifier } from '../../../core/classify';
import { detectHumanRequest } from '../../../core/text/humanRequest';

const c = createClassifier({ mode: 'cascade' });

describe('issue 19 item 4: look-alike letters alone do not make spam', () => {
	it('a Russian order with Cyrillic "о" inside Latin brand names is a customer, not spam', () => {
		const r = c.classifyOffline('Хочу заказать iPhоne 15 и MacBооk Air, пришлите счёт');
		assert.equal(r.spam, false);
		assert.notEqual(r.type, 'spam');
		assert.notEqual(r.priority, 'low');
		assert.ok(!r.reasons.some((x) => x.detail?.startsWith('spam.obfuscated')));
	});
	it('a short request with look-alike brand names passes the spam gate as it would without them', () => {
		const plain = c.classifyOffline('Привет, нужна скидка на iPhone и MacBook');
		const mixed = c.classifyOffline('Привет, нужна скидка на iPhоne и MacBооk');
		assert.equal(mixed.spam, false);
		assert.equal(mixed.type, plain.type);
	});
	it('obfuscated spam (Latin letters hidden in Russian words) is still spam, and the look-alikes add weight', () => {
		const r = c.classifyOffline('Зaрaбoтoк в интeрнeтe oт 5000 рублeй в дeнь, пишитe в личку');
		assert.equal(r.spam, true);
		assert.equal(r.type, 'spam');
		assert.ok(r.reasons.some((x) => x.code === 'rule' && x.detail?.startsWith('spam.obfuscated')));
	});
});

describe('issue 19 item 5: a refusal of a person is not a request', () => {
	const refusals = [
		'Please do NOT call me back',
		'Я не хочу говорить с оператором',
		'Не надо мне перезванивать',
		'no human please, the bot is fine',
		"I don't need a manager, just the invoice",
		'Не нужно звать оператора, я сам разберусь',
	];
	for (const text of refusals) {
		it(`"${text}": wantsHuman false in Classify, no request for Escalate`, () => {
			const r = c.classifyOffline(text);
			assert.equal(r.wantsHuman, false);
			assert.ok(r.reasons.some((x) => x.code === 'refuses_human'), JSON.stringify(r.reasons));
			assert.equal(detectHumanRequest(text), undefined);
		});
	}
	const requests = [
		'Не могу дозвониться до оператора',
		'Почему мне никто не перезвонил?',
		'Не хочу ждать, соедините с оператором',
		"I don't want to talk to a bot, give me a human",
		'Please call me back',
		'Позовите оператора',
	];
	for (const text of requests) {
		it(`"${text}" is still a request in both nodes`, () => {
			assert.equal(c.classifyOffline(text).wantsHuman, true);
			assert.ok(detectHumanRequest(text));
		});
	}
});

describe('issue 19 item 11: full-width and digits-as-letters reach Classify as they reach Escalate', () => {
	for (const text of ['ｏｐｅｒａｔｏｒ please', '0ПЕРАТ0Р', 'Позовите 0ПЕРАТ0Р!', 'позовите опе\u200Bратора']) {
		it(`"${text}"`, () => {
			assert.equal(c.classifyOffline(text).wantsHuman, true);
			assert.ok(detectHumanRequest(text));
		});
	}
});
