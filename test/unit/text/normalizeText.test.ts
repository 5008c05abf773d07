import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { normalizeText, normalizeTextDetailed } from '../../../core/text/normalizeText';

describe('normalizeText: one normalisation for Classify and Escalate', () => {
	it('full-width letters and digits become ASCII', () => {
		assert.equal(normalizeText('ｏｐｅｒａｔｏｒ，ｐｌｅａｓｅ　１２３'), 'operator,please 123');
	});
	it('invisible characters are removed', () => {
		assert.equal(normalizeText('опе\u200Bра\u00ADтор\uFEFF'), 'оператор');
	});
	it('digits used as letters inside a word are read as letters, case kept', () => {
		assert.equal(normalizeText('0ПЕРАТ0Р'), 'ОПЕРАТОР');
		assert.equal(normalizeText('0perat0r please'), 'operator please');
		assert.equal(normalizeText('по3вонитe'), 'позвоните');
	});
	it('numbers, units and model names stay as written', () => {
		for (const t of ['iPhone15', 'B2B', '300руб', '3шт', 'mp3', 'заказ 30', 'Win10', '2026-03-10']) assert.equal(normalizeText(t), t);
	});
	it('look-alike letters: a word is read in the script its other letters decide', () => {
		const r = normalizeTextDetailed('Хочу iPhоne и MacBооk, зaрaбoтoк');
		assert.equal(r.text, 'Хочу iPhone и MacBook, заработок');
		assert.deepEqual(r.lookAlikes, ['iPhоne', 'MacBооk', 'зaрaбoтoк']);
		// only the Russian word with Latin letters hidden in it is the spammer's evasion
		assert.deepEqual(r.hiddenInCyrillic, ['зaрaбoтoк']);
	});
});

describe('normalizeText: Russian written in Latin letters is read as Russian (issue 22 pattern 4)', () => {
	it('reads it back into Cyrillic', () => {
		assert.equal(normalizeText('zdravstvuyte, hochu zakazat 2 divana'), 'здравствуйте, хочу заказать 2 дивана');
		assert.equal(normalizeText('pochemu ne prishel zakaz'), 'почему не пришел заказ');
		assert.equal(normalizeTextDetailed('Da, moy zakaz 4821 gde?').transliterated, true);
	});
	it('English and short Latin texts stay as written', () => {
		for (const t of ['I want to talk to a manager', 'Can you call me back please', 'operator pls', 'iPhone 15 Pro', 'Da Vinci code']) assert.equal(normalizeText(t), t);
	});
});
