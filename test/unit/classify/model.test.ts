import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { featurize, hasOrderReference, LocalModel } from '../../../core/classify/model';
import { createClassifier } from '../../../core/classify';
import { tokenize } from '../../../core/text/stem';
import { detectLanguage } from '../../../core/text/language';
import { idFraction, binaryScore, multiClassScore } from '../../../cli/eval/classify';

const data: Array<[string, number]> = [
	['I want to buy a sofa', 0],
	['How much is the red sofa, I would like to order', 0],
	['Хочу купить диван', 0],
	['Where is my parcel', 1],
	['Track my order please', 1],
	['Где моя посылка', 1],
];

describe('LocalModel', () => {
	const model = new LocalModel(
		['lead', 'service'],
		data.map(([t, y]) => ({ x: featurize(tokenize(t)), y })),
	);
	it('learns from examples and generalises through stems and character n-grams', () => {
		assert.equal(model.predict(tokenize('I would like to buy two sofas'))[0].type, 'lead');
		assert.equal(model.predict(tokenize('где посылки?'))[0].type, 'service');
	});
	it('returns probabilities that sum to 1, best first', () => {
		const p = model.predict(tokenize('sofa parcel'));
		assert.ok(Math.abs(p.reduce((s, x) => s + x.p, 0) - 1) < 1e-9);
		assert.ok(p[0].p >= p[1].p);
	});
	it('a class in noBias keeps its intercept at 0: less of a default for words the model has not seen', () => {
		// class b has three times the examples, so without balancing its learnt intercept is the larger one
		const skewed: Array<[string, number]> = [
			['buy a sofa', 0],
			['parcel', 1],
			['where is my parcel', 1],
			['track my parcel', 1],
		];
		const xs = skewed.map(([t, y]) => ({ x: featurize(tokenize(t)), y }));
		const unseen = tokenize('zzz');
		const pB = (m: LocalModel) => m.predict(unseen).find((p) => p.type === 'b')?.p ?? 0;
		const plain = new LocalModel(['a', 'b'], xs, { calibrationFolds: 0 });
		const noBias = new LocalModel(['a', 'b'], xs, { calibrationFolds: 0, noBias: [1] });
		assert.ok(pB(noBias) < pB(plain) - 0.02, `p(b | unseen) ${pB(noBias)} with noBias, ${pB(plain)} without`);
		// words still decide
		assert.equal(noBias.predict(tokenize('track my parcel'))[0].type, 'b');
		assert.equal(noBias.predict(tokenize('buy a sofa'))[0].type, 'a');
	});
	it('is deterministic', () => {
		const again = new LocalModel(['lead', 'service'], data.map(([t, y]) => ({ x: featurize(tokenize(t)), y })));
		assert.deepEqual(again.predict(tokenize('buy it')), model.predict(tokenize('buy it')));
	});
	it('features are L2-normalised', () => {
		const f = featurize(tokenize('hello world'));
		const norm = Math.sqrt([...f.val].reduce((s, v) => s + v * v, 0));
		assert.ok(Math.abs(norm - 1) < 1e-5);
	});
});

describe('order reference feature', () => {
	for (const text of ['kindly cancel purchase 55310', 'change the address for order no. 7714', 'заказ №A77 не пришел', 'help with purchase {{Order Number}}', 'Order #55120']) {
		it(`an order named by its number: ${text}`, () => assert.equal(hasOrderReference(tokenize(text)), true));
	}
	for (const text of ['I want to order 50 chairs', 'Can I place an order for 500 units?', 'where is my order', 'хочу заказать 300 футболок', 'purchase']) {
		it(`not an order number: ${text}`, () => assert.equal(hasOrderReference(tokenize(text)), false));
	}
	it('featurize adds one feature for it', () => {
		assert.equal(featurize(tokenize('cancel purchase 20931')).idx.length, featurize(tokenize('cancel purchase')).idx.length + 1);
	});
	// 'purchase' as a noun with a number is an existing order, not a new sale (the default model read it as a lead)
	const c = createClassifier({ mode: 'cascade' });
	for (const text of ['I would like to alter purchase 60218', 'Could you amend purchase 31877, wrong size']) {
		it(`existing order is not a lead: ${text}`, () => assert.equal(c.classifyOffline(text).type, 'service_request'));
	}
});

describe('business customers', () => {
	// supply words (отгрузка, поставка, партия) belong to leads too; a late or short delivery is a complaint
	const c = createClassifier({ mode: 'cascade' });
	for (const text of ['Отгрузку снова перенесли на неделю, у нас простой', 'Партия пришла с браком, а менеджер не отвечает']) {
		it(`complaint: ${text}`, () => assert.equal(c.classifyOffline(text).type, 'complaint'));
	}
});

describe('tokenize and language', () => {
	it('folds ё and Latin look-alikes in Cyrillic words', () => {
		const t = tokenize('Ёлка пpивeт');
		assert.equal(t[0].word, 'елка');
		assert.equal(t[1].word, 'привет');
		assert.equal(t[1].script, 'mixed');
	});
	it('detects ru/en/other', () => {
		assert.equal(detectLanguage('Добрый день, подскажите цену', tokenize('Добрый день, подскажите цену')), 'ru');
		assert.equal(detectLanguage('Please tell me the price', tokenize('Please tell me the price')), 'en');
		assert.equal(detectLanguage('12345', tokenize('12345')), 'other');
	});
});

describe('eval metrics', () => {
	it('binary precision/recall/F1', () => {
		assert.deepEqual(binaryScore([[true, true], [true, false], [false, true], [false, false]]), { precision: 0.5, recall: 0.5, f1: 0.5, n: 4 });
	});
	it('macro-F1 averages the gold classes', () => {
		const s = multiClassScore([['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', 'b']]);
		assert.equal(s.accuracy, 0.75);
		assert.equal(s.macroF1, Math.round(((2 / 3 + 0.8) / 2) * 10000) / 10000);
	});
	it('idFraction is deterministic and spread over [0,1)', () => {
		assert.equal(idFraction('bitext-1'), idFraction('bitext-1'));
		const below = Array.from({ length: 1000 }, (_, i) => idFraction(`row-${i}`)).filter((f) => f < 0.5).length;
		assert.ok(below > 400 && below < 600, String(below));
	});
});
