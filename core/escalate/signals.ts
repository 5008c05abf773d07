import { distance } from 'fastest-levenshtein';

import { tokenize } from '../text/wordforms';

/**
 * Offline signals for the loop and bot-failure triggers. Anger is not here: Classify and Escalate share one
 * detector, core/text/anger.ts.
 */

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
