/**
 * Anger evidence beyond words, shared by Classify (angry flag) and Escalate (anger trigger):
 *  - anger_caps: most words written in capitals ("ДЕНЬГИ СПИСАЛИ, ЗАКАЗА НЕТ", "ОПЕРАТОР ОПЕРАТОР");
 *  - anger_exclamations: repeated "!" or "?!" ("!!!", "??!");
 *  - anger_grievance: a concrete grievance: waiting a stated time ("жду уже месяц", "прошло 10 дней",
 *    "waiting for two weeks"), a repeat ("третий раз", "снова", "again", "still not", "до сих пор не");
 *  - anger_sarcasm: a grievance wrapped in praise or thanks ("спасибо за прекрасный сервис, жду возврат
 *    уже месяц", "truly world-class support"): the grievance outweighs the polite words.
 * Each cue carries a weight; Classify's one rule is: angry when the weights of the anger evidence it
 * reports (anger words and legal threats from the rules plus these cues) sum to ANGER_THRESHOLD or more.
 */

import { ANGER_RULES } from './angerWords';
import type { AngerRule } from './angerWords';
import { normalizeText } from './normalizeText';
import { applyRules, compileRules } from './phrases';
import type { CompiledRule, RuleHit } from './phrases';
import { tokenize } from './stem';
import type { Token } from './stem';

export type AngerCueCode = 'anger_caps' | 'anger_exclamations' | 'anger_grievance' | 'anger_sarcasm';

export interface AngerCue {
	code: AngerCueCode;
	detail: string;
	evidence: string;
	weight: number;
}

/** Reported anger evidence at or above this sum makes a message angry. */
export const ANGER_THRESHOLD = 1;

/** Capitals in most words of 3+ letters (at least three such words), or one word shouted twice. */
export function shoutedText(text: string): string | undefined {
	const words = text.match(/[\p{Lu}\p{Ll}]{3,}/gu) ?? [];
	const caps = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase());
	if (words.length >= 2 && caps.length >= 3 && caps.length / words.length >= 0.5) return caps.slice(0, 5).join(' ');
	const repeated = caps.find((w, i) => w.length >= 4 && caps.indexOf(w) !== i);
	return repeated ? `${repeated} ${repeated}` : undefined;
}

const WAITING =
	/(?:жд[уеё]м?|ожида[юе]м?|прошл[оаи]|уже|waiting|waited|been|for|already)\s+(?:уже\s+|for\s+|over\s+)?(?:\d+|[\p{L}]+)?\s*(?:-?\s*(?:х|ти|и|ой|ый))?\s*(?:дн[еяй]\p{L}*|день|сут\p{L}*|недел\p{L}*|месяц\p{L}*|час\p{L}*|days?|weeks?|months?|hours?)(?![\p{L}])/iu;
const REPEAT =
	/(?<![\p{L}])(?:(?:втор|трет|четв[её]рт|пят|десят|очередн|сотый)\p{L}*\s+раз|(?:\d+|several|many|multiple|third|fourth|fifth|second)(?:-?й)?\s+(?:раз|time)s?|снова|опять|в который раз|again|still\s+(?:not|no|waiting|nothing|haven|hasn|didn)\p{L}*|до сих пор(?:\s+не)?|вс[её] ещ[её] не|yet again|(?:vtoroi|tretii|opyat|snova)\b)/iu;
const PRAISE =
	/(?<![\p{L}])(?:спасибо|благодар\p{L}*|прекрасн\p{L}*|отличн\p{L}*|лучш\p{L}*|замечательн\p{L}*|браво|молодцы|так держать|thanks?|thank you|great|bravo|world-class|truly|amazing|wonderful|excellent|love|best|well done|brilliant)(?![\p{L}])/iu;

/** The anger cues of one message (see the module comment). */
export function angerCues(text: string): AngerCue[] {
	const cues: AngerCue[] = [];
	const grievance = WAITING.exec(text) ?? REPEAT.exec(text);
	const praise = PRAISE.exec(text);
	// thanks shouted with no grievance ("СПАСИБО ВАМ ОГРОМНОЕ ЗА ПОМОЩЬ!!!") is joy, not anger
	const joyful = praise && !grievance;
	const shout = joyful ? undefined : shoutedText(text);
	if (shout) cues.push({ code: 'anger_caps', detail: 'written in capitals', evidence: shout, weight: 0.6 });
	const bangs = joyful ? null : text.match(/[!?]*!{3,}[!?]*|(?:\?!|!\?){1,}[!?]*|!!/u);
	if (bangs) cues.push({ code: 'anger_exclamations', detail: 'repeated exclamation marks', evidence: bangs[0], weight: 0.4 });
	if (grievance) {
		cues.push({ code: 'anger_grievance', detail: 'a concrete grievance: waiting or a repeat', evidence: grievance[0], weight: 0.5 });
		if (praise) cues.push({ code: 'anger_sarcasm', detail: 'praise or thanks around a grievance', evidence: praise[0], weight: 0.5 });
	}
	return cues;
}

let compiled: CompiledRule<AngerRule>[] | undefined;

/** The lexicon compiled once per process (the built-in patterns are written linear, no shape check). */
function anger(): CompiledRule<AngerRule>[] {
	return (compiled ??= compileRules(ANGER_RULES, 'angerRules', new Map(), false));
}

/** One hit per matched phrase and kind (legal or not), the heaviest, in the original order. */
function uniqueAngerHits(hits: RuleHit<AngerRule>[]): RuleHit<AngerRule>[] {
	const key = (h: RuleHit<AngerRule>) => `${h.rule.legal ? 'legal' : ''}|${h.matched.toLowerCase()}`;
	const best = new Map<string, RuleHit<AngerRule>>();
	for (const h of hits) {
		const prev = best.get(key(h));
		if (!prev || h.weight > prev.weight) best.set(key(h), h);
	}
	return hits.filter((h) => best.get(key(h)) === h);
}

export interface AngerResult {
	/** angry by the one rule: score ≥ ANGER_THRESHOLD */
	angry: boolean;
	/** sum of the weights of the lexicon hits and the cues */
	score: number;
	/** the lexicon hits (anger words, weak words, legal threats, phrases that take a word back), one per phrase */
	hits: RuleHit<AngerRule>[];
	/** the matched legal threats */
	legal: string[];
	cues: AngerCue[];
}

/**
 * The anger of one message, for Classify's `angry` and Escalate's anger trigger alike. `text` must already
 * be normalised (normalizeText) and `tokens` its tokens; `detectAnger` does both for a raw message.
 */
export function angerOf(text: string, tokens: Token[]): AngerResult {
	const hits = uniqueAngerHits(applyRules(anger(), text, tokens));
	const cues = angerCues(text);
	const score = hits.reduce((s, h) => s + h.weight, 0) + cues.reduce((s, c) => s + c.weight, 0);
	const legal = [...new Set(hits.filter((h) => h.rule.legal).map((h) => h.matched))];
	return { angry: score >= ANGER_THRESHOLD, score, hits, legal, cues };
}

/** Classify analyses this much of a message; Escalate reads the same part so both see the same words. */
export const ANGER_TEXT_LIMIT = 20000;

/** The anger of one raw customer message (normalised as Classify does it). */
export function detectAnger(raw: string): AngerResult {
	const text = normalizeText(raw.length > ANGER_TEXT_LIMIT ? raw.slice(0, ANGER_TEXT_LIMIT) : raw);
	return angerOf(text, tokenize(text));
}
