import type { Token } from '../text/stem';

/**
 * The local model: multinomial logistic regression over hashed features (stemmed word unigrams and
 * bigrams, character 3-4-grams of words for typos and unseen forms, and one feature for an order named
 * by its number), trained in-process by
 * deterministic SGD. No network, no downloaded weights. Outputs class probabilities (softmax), so the
 * probability of the top class is a usable confidence for the cascade threshold.
 */

const DIM = 1 << 18;

function fnv1a(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export interface SparseVector {
	idx: Int32Array;
	val: Float32Array;
}

const ORDER_NOUNS = new Set(['order', 'purchas', 'заказ', 'покупк']);
const NUMBER_WORDS = new Set(['number', 'no', 'nr', 'num', 'номер', 'n']);

/** An order or purchase named by its number ("order 5531", "purchase #A-12", "заказ №77", "{{Order Number}}"). */
export function hasOrderReference(tokens: Token[]): boolean {
	for (let i = 0; i + 1 < tokens.length; i++) {
		if (!ORDER_NOUNS.has(tokens[i].stem)) continue;
		const next = tokens[i + 1].word;
		// a number word, an order number of 4+ digits or letters with digits; not "order 50 chairs"
		if (NUMBER_WORDS.has(next) || /^\d{4,}$/.test(next) || (/\d/.test(next) && /\p{L}/u.test(next))) return true;
	}
	return false;
}

/** Hashed, L2-normalised feature vector of a tokenised text. */
export function featurize(tokens: Token[]): SparseVector {
	const counts = new Map<number, number>();
	const add = (f: string, w = 1) => {
		const k = fnv1a(f) % DIM;
		counts.set(k, (counts.get(k) ?? 0) + w);
	};
	const words = tokens.filter((t) => t.script !== 'digit' || t.word.length < 5);
	for (let i = 0; i < words.length; i++) {
		const s = words[i].stem;
		add(`w:${s}`);
		if (i > 0) add(`b:${words[i - 1].stem}_${s}`);
		const padded = `<${words[i].word}>`;
		if (words[i].word.length >= 4) {
			for (let n = 3; n <= 4; n++) for (let j = 0; j + n <= padded.length; j++) add(`c:${padded.slice(j, j + n)}`, 0.25);
		}
	}
	if (words.length > 0) add(`first:${words[0].stem}`);
	// an order named by its number is an existing order: service or complaint, rarely a new purchase
	if (hasOrderReference(tokens)) add('ref:order');
	add('bias');
	let norm = 0;
	for (const v of counts.values()) norm += v * v;
	norm = Math.sqrt(norm) || 1;
	const idx = new Int32Array(counts.size);
	const val = new Float32Array(counts.size);
	let i = 0;
	for (const [k, v] of counts) {
		idx[i] = k;
		val[i] = v / norm;
		i++;
	}
	return { idx, val };
}

export interface TrainOptions {
	epochs?: number;
	learningRate?: number;
	l2?: number;
	/** Per-example weights (same order as examples), default 1. */
	weights?: number[];
	/** Weight classes inversely to their number of examples (default false: the examples' mix is the prior). */
	balance?: boolean;
	/**
	 * Calibrate the confidence by temperature scaling fitted with k-fold cross-validation on the training
	 * examples themselves (default 5 folds; 0 = off). Without it the softmax of a model trained on a few
	 * hundred examples is underconfident (mean top probability 0.51 at a cross-validated accuracy of 0.67 on
	 * the default examples), which sends most items past any sensible cascade threshold.
	 */
	calibrationFolds?: number;
	/**
	 * Classes whose intercept (bias weight) stays 0 instead of being learnt; the others' intercepts are
	 * learnt relative to it. For a class that should be recognised by its words rather than be the
	 * default for words the model has not seen (the off-topic sub-class: a learnt intercept of 3.5 against
	 * 1.0 for service_request made short requests in unseen words look like chat; held at 0 it is 0.7 above).
	 */
	noBias?: number[];
}

/** Temperatures tried when calibrating (log-spaced 0.1 … 3). */
const TEMPERATURES = Array.from({ length: 36 }, (_, i) => Math.round(0.1 * Math.pow(30, i / 35) * 1000) / 1000);

/** The temperature that minimises the negative log-likelihood of held-out log-probabilities. */
export function fitTemperature(logProbs: Float64Array[], ys: number[]): number {
	let best = 1;
	let bestNll = Infinity;
	for (const t of TEMPERATURES) {
		let nll = 0;
		for (let i = 0; i < ys.length; i++) {
			const z = logProbs[i];
			let max = -Infinity;
			for (let c = 0; c < z.length; c++) if (z[c] / t > max) max = z[c] / t;
			let sum = 0;
			for (let c = 0; c < z.length; c++) sum += Math.exp(z[c] / t - max);
			nll -= z[ys[i]] / t - max - Math.log(sum);
		}
		if (nll < bestNll - 1e-9) {
			bestNll = nll;
			best = t;
		}
	}
	return best;
}

export class LocalModel {
	readonly labels: string[];

	private readonly w: Float32Array;

	readonly trainedOn: number;

	/** Softmax temperature (1 = raw); set by calibration. */
	readonly temperature: number;

	/** Cross-validated accuracy on the training examples, when calibrated. */
	readonly crossValidatedAccuracy?: number;

	constructor(labels: string[], examples: Array<{ x: SparseVector; y: number }>, options: TrainOptions = {}) {
		this.labels = labels;
		this.trainedOn = examples.length;
		const folds = options.calibrationFolds ?? 5;
		let temperature = 1;
		const perLabel = new Array<number>(labels.length).fill(0);
		for (const e of examples) perLabel[e.y]++;
		// Calibrate only when every fold can hold examples of the classes (at least `folds` per class).
		if (folds >= 2 && perLabel.every((c) => c === 0 || c >= folds)) {
			const logProbs: Float64Array[] = [];
			const ys: number[] = [];
			let correct = 0;
			for (let f = 0; f < folds; f++) {
				const fitOn = examples.filter((_, i) => i % folds !== f);
				const heldOut = examples.filter((_, i) => i % folds === f);
				const m = new LocalModel(labels, fitOn, { ...options, calibrationFolds: 0, weights: undefined });
				for (const e of heldOut) {
					const p = m.scores(e.x);
					let top = 0;
					for (let c = 1; c < p.length; c++) if (p[c] > p[top]) top = c;
					if (top === e.y) correct++;
					logProbs.push(p.map((v) => Math.log(Math.max(v, 1e-12))));
					ys.push(e.y);
				}
			}
			temperature = fitTemperature(logProbs, ys);
			this.crossValidatedAccuracy = correct / ys.length;
		}
		const k = labels.length;
		this.w = new Float32Array(DIM * k);
		const balance = options.balance ?? false;
		const epochs = options.epochs ?? 10;
		const l2 = options.l2 ?? 0;
		// class-balanced: each class contributes equally whatever its number of examples
		const perClass = new Array<number>(k).fill(0);
		for (const e of examples) perClass[e.y]++;
		const order = examples.map((_, i) => i);
		let seed = 12345;
		const rand = () => {
			seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
			return seed / 4294967296;
		};
		const p = new Float64Array(k);
		const biasIdx = fnv1a('bias') % DIM;
		const noBias = new Set(options.noBias ?? []);
		for (let epoch = 0; epoch < epochs; epoch++) {
			for (let i = order.length - 1; i > 0; i--) {
				const j = Math.floor(rand() * (i + 1));
				[order[i], order[j]] = [order[j], order[i]];
			}
			const lr = (options.learningRate ?? 0.5) / (1 + epoch * 0.3);
			for (const n of order) {
				const { x, y } = examples[n];
				const cw = Math.min(5, (balance ? examples.length / k / Math.max(1, perClass[y]) : 1) * (options.weights?.[n] ?? 1));
				this.scores(x, p);
				for (let c = 0; c < k; c++) {
					const g = ((c === y ? 1 : 0) - p[c]) * lr * cw;
					if (Math.abs(g) < 1e-6) continue;
					const base = c * DIM;
					const decay = 1 - lr * l2;
					const skipBias = noBias.has(c);
					for (let f = 0; f < x.idx.length; f++) {
						if (skipBias && x.idx[f] === biasIdx) continue;
						const a = base + x.idx[f];
						this.w[a] = this.w[a] * decay + g * x.val[f];
					}
				}
			}
		}
		// Set after training: the SGD above works on the raw softmax (temperature 1).
		this.temperature = temperature;
	}

	/** Softmax probabilities (at the calibrated temperature) into `out` (length = number of labels). */
	scores(x: SparseVector, out: Float64Array = new Float64Array(this.labels.length)): Float64Array {
		const k = this.labels.length;
		const t = this.temperature ?? 1;
		let max = -Infinity;
		for (let c = 0; c < k; c++) {
			let s = 0;
			const base = c * DIM;
			for (let f = 0; f < x.idx.length; f++) s += this.w[base + x.idx[f]] * x.val[f];
			s /= t;
			out[c] = s;
			if (s > max) max = s;
		}
		let sum = 0;
		for (let c = 0; c < k; c++) {
			out[c] = Math.exp(out[c] - max);
			sum += out[c];
		}
		for (let c = 0; c < k; c++) out[c] /= sum;
		return out;
	}

	predict(tokens: Token[]): Array<{ type: string; p: number }> {
		const probs = this.scores(featurize(tokens));
		return this.labels.map((type, i) => ({ type, p: probs[i] })).sort((a, b) => b.p - a.p);
	}
}
