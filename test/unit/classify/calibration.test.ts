import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DEFAULT_EXAMPLES } from '../../../core/classify/defaultExamples';
import { LocalModel, featurize, fitTemperature } from '../../../core/classify/model';
import { tokenize } from '../../../core/text/stem';

/** Seeded PRNG so the synthetic sample is the same on every run. */
function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (Math.imul(s, 1103515245) + 12345) >>> 0;
		return s / 4294967296;
	};
}

describe('confidence calibration (temperature scaling)', () => {
	it('fitTemperature recovers the temperature of an overconfident and of an underconfident scorer', () => {
		const rand = rng(7);
		for (const [scale, expected] of [
			[2.5, 2.5],
			[0.5, 0.5],
		] as const) {
			const logProbs: Float64Array[] = [];
			const ys: number[] = [];
			for (let i = 0; i < 4000; i++) {
				// true class probabilities from random logits; the scorer reports them multiplied by `scale`
				const z = Array.from({ length: 4 }, () => 3 * (rand() - 0.5));
				const p = z.map(Math.exp);
				const sum = p.reduce((a, b) => a + b, 0);
				let u = rand() * sum;
				let y = 0;
				while (u > p[y] && y < 3) u -= p[y++];
				logProbs.push(Float64Array.from(z, (v) => v * scale));
				ys.push(y);
			}
			const t = fitTemperature(logProbs, ys);
			assert.ok(
				Math.abs(Math.log(t / expected)) < 0.25,
				`scale ${scale}: fitted ${t}, expected about ${expected}`,
			);
		}
	});

	it('the default model is calibrated by 5-fold cross-validation on the shipped examples only', () => {
		const labels = [...new Set(DEFAULT_EXAMPLES.map((e) => e.type))];
		const data = DEFAULT_EXAMPLES.map((e) => ({
			x: featurize(tokenize(e.text)),
			y: labels.indexOf(e.type),
		}));
		const raw = new LocalModel(labels, data, { calibrationFolds: 0 });
		const calibrated = new LocalModel(labels, data);
		assert.equal(raw.temperature, 1);
		assert.equal(raw.crossValidatedAccuracy, undefined);
		const cv = calibrated.crossValidatedAccuracy ?? 0;
		assert.ok(cv > 0.5 && cv < 1, `cross-validated accuracy ${cv}`);
		// The raw softmax is underconfident on these examples, so calibration sharpens it (temperature < 1)…
		assert.ok(calibrated.temperature < 1, `temperature ${calibrated.temperature}`);
		// …without changing any decision: the same weights, only the softmax is scaled.
		const x = featurize(tokenize('I want to cancel my order 12345'));
		const a = raw.scores(x);
		const b = calibrated.scores(x);
		const top = (p: Float64Array) => p.indexOf(Math.max(...p));
		assert.equal(top(a), top(b));
		assert.ok(Math.max(...b) > Math.max(...a));
	});

	it('the shipped training options beat the previous ones in stratified cross-validation on the shipped examples', () => {
		// How learningRate 2 and class balancing were chosen (core/classify/index.ts): macro-F1 of 5-fold
		// stratified cross-validation on DEFAULT_EXAMPLES only, never on evaluation data.
		const labels = [...new Set(DEFAULT_EXAMPLES.map((e) => e.type))];
		const data = DEFAULT_EXAMPLES.map((e) => ({
			x: featurize(tokenize(e.text)),
			y: labels.indexOf(e.type),
		}));
		const rand = rng(1);
		const fold = new Array<number>(data.length);
		for (let c = 0; c < labels.length; c++) {
			const idx = data.flatMap((d, i) => (d.y === c ? [i] : []));
			for (let i = idx.length - 1; i > 0; i--) {
				const j = Math.floor(rand() * (i + 1));
				[idx[i], idx[j]] = [idx[j], idx[i]];
			}
			idx.forEach((i, k) => (fold[i] = k % 5));
		}
		const macroF1 = (options: { learningRate?: number; balance?: boolean }) => {
			const tp = new Array<number>(labels.length).fill(0);
			const fp = new Array<number>(labels.length).fill(0);
			const fn = new Array<number>(labels.length).fill(0);
			for (let f = 0; f < 5; f++) {
				const model = new LocalModel(
					labels,
					data.filter((_, i) => fold[i] !== f),
					{ ...options, calibrationFolds: 0 },
				);
				data.forEach((d, i) => {
					if (fold[i] !== f) return;
					const p = model.scores(d.x);
					const top = p.indexOf(Math.max(...p));
					if (top === d.y) tp[top]++;
					else {
						fp[top]++;
						fn[d.y]++;
					}
				});
			}
			return (
				labels.reduce((sum, _, c) => sum + (2 * tp[c]) / (2 * tp[c] + fp[c] + fn[c] || 1), 0) /
				labels.length
			);
		};
		const before = macroF1({});
		const now = macroF1({ learningRate: 2, balance: true });
		assert.ok(
			now > before + 0.03,
			`cross-validated macro-F1 ${now.toFixed(3)} vs ${before.toFixed(3)} before`,
		);
		assert.ok(now > 0.62, `cross-validated macro-F1 ${now.toFixed(3)}`);
	});

	it('a class with fewer examples than folds turns calibration off instead of failing', () => {
		const data = [
			'buy now',
			'order please',
			'i want to buy',
			'price list',
			'send a quote',
			'refund please',
		].map((t, i) => ({
			x: featurize(tokenize(t)),
			y: i === 5 ? 1 : 0,
		}));
		assert.equal(new LocalModel(['lead', 'service_request'], data).temperature, 1);
	});
});
