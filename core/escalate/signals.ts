import { distance } from 'fastest-levenshtein';

import { BoundedMemo } from '../shared/memo';
import { keysOf, matchesKey, tokenize } from '../text/wordforms';
import type { Token } from '../text/wordforms';

/**
 * Offline signals for the anger and loop triggers. Word lists are matched through the same
 * normalisation as the human-request detector (case, look-alikes, stems, small typos).
 */

interface WordList {
	keys: string[];
	prefix: boolean;
}

function list(words: string[], opts: { stem?: boolean; prefix?: boolean } = {}): WordList {
	return { keys: keysOf(words, opts.stem ?? false), prefix: opts.prefix ?? false };
}

/** Per word list: whether a word matches it (a token is a pure function of its raw word). */
const hitMemos = new WeakMap<WordList[], BoundedMemo<boolean>>();

function hits(tokens: Token[], lists: WordList[]): string[] {
	let memo = hitMemos.get(lists);
	if (!memo) hitMemos.set(lists, (memo = new BoundedMemo<boolean>()));
	const found: string[] = [];
	for (const t of tokens) {
		const matched = memo.get(t.raw, () => lists.some((l) => l.keys.some((k) => matchesKey(t, k, l.prefix))));
		if (matched) found.push(t.raw);
	}
	return found;
}

/** Legal and regulator threats: a customer who says these needs a person now. */
const LEGAL = [
	list(['суд', 'суда', 'судом', 'засужу', 'иск'], { stem: false }),
	list(['роспотребнадзор', 'прокуратура', 'прокурор', 'претензия', 'полиция', 'мошенничество', 'антимонопольный'], {
		stem: true,
		prefix: true,
	}),
	list(['court', 'sue', 'suing', 'lawsuit', 'prosecutor', 'chargeback', 'ombudsman', 'regulator', 'police']),
];

/**
 * Lawyers and "legal" are a threat only in a threatening context: the customer's own lawyer, one being
 * brought in, or legal action. A B2B buyer writes "our lawyer will review the contract", "our legal
 * department approved the NDA", "add our legal entity to the invoice".
 */
const LAWYER = [list(['юрист', 'адвокат'], { stem: true, prefix: true }), list(['lawyer', 'lawyers', 'attorney', 'attorneys', 'solicitor'])];
const LEGAL_WORD = [list(['legal'])];
const LAWYER_BEFORE = new Set(['my', 'мой', 'моим', 'моего', 'моему', 'моих', 'к', 'через', 'to', 'hire', 'call', 'get', 'involve', 'обращусь', 'привлеку', 'найму', 'передам', 'передадим']);
const LAWYER_AFTER = new Set(['contact', 'contacting', 'touch', 'свяжется', 'свяжутся', 'позвонит']);
const LEGAL_AFTER = new Set(['action', 'actions', 'proceedings', 'steps', 'measures', 'claim', 'dispute']);

function legalInContext(tokens: Token[]): string[] {
	const out: string[] = [];
	const near = (i: number, from: number, to: number, words: Set<string>) => {
		for (let j = i + from; j <= i + to; j++) if (j !== i && tokens[j] && words.has(tokens[j].raw)) return true;
		return false;
	};
	tokens.forEach((t, i) => {
		const one = [t];
		if (hits(one, LAWYER).length && (near(i, -2, -1, LAWYER_BEFORE) || near(i, 1, 3, LAWYER_AFTER))) out.push(t.raw);
		else if (hits(one, LEGAL_WORD).length && near(i, 1, 1, LEGAL_AFTER)) out.push(t.raw);
	});
	return out;
}
/** Short Latin abbreviations matched exactly on the raw word. */
const LEGAL_EXACT = new Set(['фас', 'цб', 'зпп', 'bbb', 'ftc', 'cfpb']);

/** Profanity roots (matched on the beginning of the transliterated word, so inflections count). */
const PROFANITY_PREFIXES = ['hui', 'huy', 'huj', 'huev', 'pizd', 'ebat', 'ebal', 'eban', 'ebuch', 'ebu', 'blya', 'blyad', 'suka', 'muda', 'govn', 'derm', 'zaeb', 'fuck', 'fck', 'shit', 'bullshit', 'asshole', 'bitch', 'crap', 'wtf', 'damn', 'idiot', 'idiotsk', 'debil', 'urod'];

/** Strongly negative words. */
const NEGATIVE = [
	list(
		['ужас', 'ужасно', 'отвратительно', 'безобразие', 'позор', 'кошмар', 'возмутительно', 'возмущен', 'бесит', 'бесите', 'достали', 'надоело', 'обман', 'обманули', 'мошенники', 'разочарован', 'невозможно', 'издевательство', 'хамство', 'верните', 'отстой', 'злой', 'злюсь', 'сколько можно'],
		{ stem: true, prefix: true },
	),
	list(['terrible', 'awful', 'horrible', 'disgusting', 'unacceptable', 'ridiculous', 'outrageous', 'worst', 'furious', 'angry', 'scam', 'fraud', 'scammers', 'useless', 'pathetic', 'incompetent', 'disappointed', 'sick', 'hate']),
];

const GRATITUDE = [list(['спасибо', 'благодарю', 'благодарны', 'отлично', 'супер', 'здорово', 'класс'], { stem: true, prefix: true }), list(['thanks', 'thank', 'great', 'awesome', 'love', 'perfect', 'excellent'])];

export interface AngerSignals {
	score: number;
	legal: string[];
	profanity: string[];
	negative: string[];
	caps: string[];
	exclamations: string[];
}

/** Anger signals of one customer message. */
export function angerSignals(text: string, capsRatio: number): AngerSignals {
	const tokens = tokenize(text);
	const legal = [...new Set([...hits(tokens, LEGAL), ...legalInContext(tokens), ...tokens.filter((t) => LEGAL_EXACT.has(t.raw)).map((t) => t.raw)])];
	const profanity = [...new Set(tokens.filter((t) => PROFANITY_PREFIXES.some((p) => t.skeleton.startsWith(p))).map((t) => t.raw))];
	const negative = [...new Set(hits(tokens, NEGATIVE))];
	const grateful = hits(tokens, GRATITUDE).length > 0;
	const letters = [...text].filter((ch) => /\p{L}/u.test(ch));
	const upper = letters.filter((ch) => ch !== ch.toLowerCase() && ch === ch.toUpperCase());
	const caps = letters.length >= 8 && upper.length / letters.length >= capsRatio ? [text.trim().slice(0, 80)] : [];
	const exclamations = text.match(/!{3,}|(?:\?!|!\?){2,}/g) ?? [];
	let score = legal.length * 2 + profanity.length + negative.length;
	if (!grateful) score += (caps.length ? 0.5 : 0) + (exclamations.length ? 0.5 : 0);
	return { score, legal, profanity, negative, caps, exclamations };
}

/** Similarity 0–1 of two messages after normalisation (1 − edit distance / longer length). */
export function similarity(a: string, b: string): number {
	const x = tokenize(a)
		.map((t) => t.skeleton)
		.join(' ');
	const y = tokenize(b)
		.map((t) => t.skeleton)
		.join(' ');
	if (!x && !y) return 1;
	const longer = Math.max(x.length, y.length);
	return 1 - distance(x, y) / longer;
}

/** The largest group of mutually similar messages (first message of the group and its size). */
export function largestRepeat(texts: string[], threshold: number): { text: string; count: number } {
	let best = { text: '', count: 0 };
	const used = new Set<number>();
	for (let i = 0; i < texts.length; i++) {
		if (used.has(i) || !texts[i].trim()) continue;
		let count = 1;
		for (let j = i + 1; j < texts.length; j++) {
			if (!used.has(j) && texts[j].trim() && similarity(texts[i], texts[j]) >= threshold) {
				used.add(j);
				count++;
			}
		}
		if (count > best.count) best = { text: texts[i], count };
	}
	return best;
}

/** Bot answers that admit it did not understand or failed. */
const BOT_FALLBACK = /не понял|не поняла|не могу помочь|переформулируй|не удалось|произошла ошибка|ошибка сервера|попробуйте позже|didn'?t (?:understand|get that)|did not understand|can(?:no|')t help|rephrase|something went wrong|try again later|an error occurred/i;

export function isBotFallback(text: string): boolean {
	return BOT_FALLBACK.test(text);
}

/** Customer messages that close a problem ("спасибо, помогло", "thanks, solved"). */
const RESOLVED = /спасибо|благодарю|помогло|решено|разобрал|всё понятно|все понятно|thanks|thank you|solved|resolved|that helped|got it/i;

export function isResolution(text: string): boolean {
	return RESOLVED.test(text);
}
