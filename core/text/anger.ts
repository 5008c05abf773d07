/**
 * Anger evidence beyond words, shared by Classify (angry flag) and Escalate (anger trigger):
 *  - anger_caps: most words written in capitals ("ДЕНЬГИ СПИСАЛИ, ЗАКАЗА НЕТ", "ОПЕРАТОР ОПЕРАТОР"), 0.6 (a whole
 *    message in capitals was tried at 1 and dropped: on dev.jsonl 28 of 29 such messages were not angry);
 *  - anger_exclamations: repeated "!" or "?!" ("!!!", "??!"), 0.4;
 *  - anger_repeat: the customer counts the times ("пишу уже пятый раз", "called four times"), 1 when it counts
 *    their asking, 0.5 otherwise; coming back ("второй раз заказываю") is not one;
 *  - anger_grievance: a concrete grievance, 0.5: waiting a stated time in either word order ("жду уже месяц",
 *    "неделю жду", "третий день не могу дозвониться", "it took a month"), since a day or month ("ответа нет с
 *    сентября"), a broken promise ("вместо трёх дней", "обещали 3 дня, прошло 10"), a repeat ("снова", "again",
 *    "до сих пор не");
 *  - anger_sarcasm: praise or the service in scare quotes («быструю» доставку, «поддержка»), or praise and thanks
 *    around a grievance ("спасибо за прекрасный сервис, жду возврат уже месяц"), 0.5; a closing "Thanks, Tom" is
 *    not praise, and shouted thanks with no grievance counts nothing.
 * Each cue carries a weight; the one rule: angry when the weights of the reported anger evidence (anger words
 * of the lexicon, core/text/angerWords.ts, plus these cues) sum to ANGER_THRESHOLD or more. A legal threat is
 * reported apart (`legal`): it is not anger by itself.
 */

import { ANGER_RULES } from './angerWords';
import type { AngerRule } from './angerWords';
import { MAX_ANALYSED_CHARS, normalizeText } from './normalizeText';
import { applyRules, compileRules, uniqueHits } from './phrases';
import type { CompiledRule, RuleHit } from './phrases';
import { tokenize } from './stem';
import type { Token } from './stem';

export type AngerCueCode = 'anger_caps' | 'anger_exclamations' | 'anger_repeat' | 'anger_grievance' | 'anger_sarcasm';

export interface AngerCue {
	code: AngerCueCode;
	/** anger_grievance only: a stated time or a broken promise ('waiting'), or a bare "снова"/"again" ('again') */
	grievance?: 'waiting' | 'again';
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

const UNIT = String.raw`(?:дн[еяй]\p{L}*|день|ден|сут\p{L}*|недел\p{L}*|месяц\p{L}*|час\p{L}*|минут\p{L}*|days?|weeks?|months?|hours?|minutes?)(?![\p{L}])`;
const AMOUNT = String.raw`(?:\d+|[\p{L}]+)(?:\s*-?\s*(?:х|ти|и|ой|ый|ий|й|ю|ую))?`;
/** Waiting a stated time, in either word order, since a day, or a broken promise of a time. */
const WAITING = new RegExp(
	[
		String.raw`(?:жд[уеё]м?|ожида[юе]м?|прошл[оаи]|уже|waiting|waited|already)\s+(?:уже\s+|for\s+|over\s+|more than\s+|больше\s+|более\s+)?(?:${AMOUNT})?\s*${UNIT}`,
		String.raw`(?<![\p{L}])(?:${AMOUNT}\s+)?${UNIT}\s+(?:уже\s+)?(?:жд[уеёа]\p{L}*|ожида\p{L}*)(?![\p{L}])`,
		// a duration and a failure: "третий день не могу дозвониться", "неделю не открывается"
		String.raw`(?<![\p{L}])(?:${AMOUNT}\s+)?${UNIT}\s+(?:уже\s+)?не\s+\p{L}{3,}`,
		String.raw`(?:took|заняло|занял[аи]?|шл[аио]|ехал[аи]?)\s+(?:целый\s+|целых\s+|a\s+|an\s+|over\s+)?(?:${AMOUNT}\s+)?${UNIT}`,
		String.raw`(?<![\p{L}])(?:\d+|[\p{L}]+)[-\s](?:minute|hour|day|week)s?\s+(?:wait|delay|queue)`,
		String.raw`(?:waiting|waited|nothing|no\s+(?:reply|answer|response|update|news)s?)\s+since|(?:жд\p{L}*|ожида\p{L}*|нет|не\s+\p{L}+)\s+(?:уже\s+)?с\s+(?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень|прошл|начал|январ|феврал|марта|апрел|мая|июн|июл|август|сентябр|октябр|ноябр|декабр|\d)`,
		String.raw`(?:вместо|instead of)\s+(?:обещанных\s+|the promised\s+)?(?:${AMOUNT})?\s*${UNIT}`,
		String.raw`обеща\p{L}*[^.!?\n]{0,40}?прошл[оаи]\s+(?:уже\s+)?\d+|promised[^.!?\n]{0,40}?(?:it'?s been|now)\s+\d+`,
	].join('|'),
	'iu',
);
/** The customer counts the times: exasperation when it counts their own asking (see countedRepeat). */
const COUNTED =
	/(?<![\p{L}])(?:(?:втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|очередн|сотый|энн)\p{L}*\s+раз|\d+[-‑]?(?:й|ой|ый|ий)?\s+раз\p{L}*|(?:два|три|четыре|пять|шесть|несколько|много)\s+раз\p{L}*|в который раз|сколько раз|(?:second|third|fourth|fifth|sixth|umpteenth|\d+(?:st|nd|rd|th))\s+time|(?:two|three|four|five|six|several|many|multiple|\d+)\s+times|yet again|(?:vtoroi|tretii)\s+raz)(?![\p{L}])/iu;
const ASKING =
	/(?<![\p{L}])(?:пиш\p{L}*|писал\p{L}*|напис\p{L}*|звон\p{L}*|звоню|прошу|просим|просил\p{L}*|обраща\p{L}*|обращал\p{L}*|напомина\p{L}*|спрашива\p{L}*|жалу\p{L}*|ask\p{L}*|writ\p{L}*|wrote|call\p{L}*|contact\p{L}*|e-?mail\p{L}*|remind\p{L}*|tell\p{L}*|told|request\p{L}*|complain\p{L}*|follow\p{L}*)(?![\p{L}])/iu;
/** Coming back is loyalty, not a grievance ("второй раз заказываю у вас", "third time ordering"). */
const LOYAL =
	/(?<![\p{L}])(?:заказыва\p{L}*|заказал\p{L}*|покупа\p{L}*|купил\p{L}*|бер[уеё]\p{L}*|приезжа\p{L}*|пользу\p{L}*|отдыха\p{L}*|рекоменд\p{L}*|order\p{L}*|buy\p{L}*|bought|shop\p{L}*|stay\p{L}*|visit\p{L}*|come back|recommend\p{L}*|renew\p{L}*)(?![\p{L}])/iu;
const REPEAT =
	/(?<![\p{L}])(?:снова|опять|again|still\s+(?:not|no|waiting|nothing|haven|hasn|didn)\p{L}*|до сих пор(?:\s+не)?|вс[её] ещ[её] не|(?:opyat|snova)\b)/iu;
const PRAISE =
	/(?<![\p{L}])(?:спасибо|благодар\p{L}*|прекрасн\p{L}*|отличн\p{L}*|лучш\p{L}*|замечательн\p{L}*|браво|молодцы|так держать|thanks?|thank you|great|bravo|world-class|truly|amazing|wonderful|excellent|fantastic|love|best|well done|brilliant)(?![\p{L}])/giu;
/** Praise or the service itself in scare quotes: «быструю» доставку, «поддержка», the "fast" shipping. */
const SCARE_QUOTED =
	/[«“"„]\s*(?:[\p{L}-]+\s+){0,2}(?:быстр\p{L}*|оперативн\p{L}*|скор\p{L}*|вежлив\p{L}*|качествен\p{L}*|отличн\p{L}*|прекрасн\p{L}*|лучш\p{L}*|замечательн\p{L}*|клиентоориентирован\p{L}*|профессионал\p{L}*|поддержк\p{L}*|сервис\p{L}*|обслуживани\p{L}*|забот\p{L}*|fast|quick|speedy|prompt|excellent|great|best|amazing|wonderful|helpful|friendly|professional|support|service|customer\s+care|donation)\s*(?:[\p{L}-]+\s*){0,2}[»”"“]/iu;
const CLOSING = /^(?:спасибо|благодарю|thanks?|thank you|best|cheers)$/iu;

/** Praise that is not a closing formula ("Thanks,\nMaya", "Спасибо, Анна" at the end is a sign-off). */
function praiseIn(text: string): string | undefined {
	for (const m of text.matchAll(PRAISE)) {
		const rest = text.slice((m.index ?? 0) + m[0].length);
		if (CLOSING.test(m[0]) && /^[,.!]?\s*(?:\n|,|$)/u.test(rest) && rest.length <= 60) continue;
		return m[0];
	}
	return undefined;
}

/** A counted repeat and its weight: 1 when it counts the asking, 0.5 otherwise, none for loyalty. */
function countedRepeat(text: string): { evidence: string; weight: number; start: number; end: number } | undefined {
	const m = COUNTED.exec(text);
	if (!m) return undefined;
	const start = m.index;
	const window = text.slice(Math.max(0, start - 30), start + m[0].length + 30);
	if (LOYAL.test(window)) return undefined;
	return { evidence: m[0], weight: ASKING.test(window) ? 1 : 0.5, start, end: start + m[0].length };
}

/** The anger cues of one message (see the module comment). */
export function angerCues(text: string): AngerCue[] {
	const cues: AngerCue[] = [];
	const counted = countedRepeat(text);
	const repeat = REPEAT.exec(text);
	// "снова ... третий раз" are two cues; the "again" of "yet again" is the counted one
	const repeatApart = repeat && !(counted && counted.start <= repeat.index && repeat.index < counted.end) ? repeat[0] : undefined;
	const waiting = WAITING.exec(text)?.[0];
	const grievance = waiting ?? repeatApart;
	const praise = praiseIn(text);
	// thanks shouted with no grievance ("СПАСИБО ВАМ ОГРОМНОЕ ЗА ПОМОЩЬ!!!") is joy, not anger
	const joyful = praise !== undefined && !grievance && !counted;
	const shout = joyful ? undefined : shoutedText(text);
	if (shout) cues.push({ code: 'anger_caps', detail: 'written in capitals', evidence: shout, weight: 0.6 });
	const bangs = joyful ? null : text.match(/[!?]*!{3,}[!?]*|(?:\?!|!\?){1,}[!?]*|!!/u);
	if (bangs) cues.push({ code: 'anger_exclamations', detail: 'repeated exclamation marks', evidence: bangs[0], weight: 0.4 });
	if (counted) {
		const asking = counted.weight >= 1;
		cues.push({ code: 'anger_repeat', detail: asking ? 'counts the times of asking' : 'counts the times', evidence: counted.evidence, weight: counted.weight });
	}
	if (grievance) {
		cues.push({ code: 'anger_grievance', detail: 'a concrete grievance: waiting, a broken promise or a repeat', evidence: grievance, weight: 0.5, grievance: waiting ? 'waiting' : 'again' });
	}
	const quoted = SCARE_QUOTED.exec(text)?.[0];
	if (quoted) cues.push({ code: 'anger_sarcasm', detail: 'praise or the service in scare quotes', evidence: quoted, weight: 0.5 });
	else if ((grievance || counted) && praise) cues.push({ code: 'anger_sarcasm', detail: 'praise or thanks around a grievance', evidence: praise, weight: 0.5 });
	return cues;
}

let compiled: CompiledRule<AngerRule>[] | undefined;

/** The lexicon compiled once per process (the built-in patterns are written linear, no shape check). */
function anger(): CompiledRule<AngerRule>[] {
	return (compiled ??= compileRules(ANGER_RULES, 'angerRules', new Map(), false));
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
	// one hit per matched phrase and kind (legal or not), the heaviest, as Classify's rule hits
	const hits = uniqueHits(applyRules(anger(), text, tokens), (h) => `${h.rule.legal ? 'legal' : ''}|${h.matched.toLowerCase()}`);
	// a bare "опять"/"again" counted by the lexicon is not counted again as a grievance
	const counted = new Set(hits.map((h) => h.matched.toLowerCase()));
	const cues = angerCues(text).filter((c) => !(c.grievance === 'again' && counted.has(c.evidence.toLowerCase())));
	// a legal threat is its own signal (reported in `legal`), not anger: "if the money is not back in 10 days,
	// I will go to court" can be written calmly
	const score = hits.reduce((s, h) => s + (h.rule.legal ? 0 : h.weight), 0) + cues.reduce((s, c) => s + c.weight, 0);
	const legal = [...new Set(hits.filter((h) => h.rule.legal).map((h) => h.matched))];
	return { angry: score >= ANGER_THRESHOLD, score, hits, legal, cues };
}

/** The anger of one raw customer message (normalised as Classify does it). */
export function detectAnger(raw: string): AngerResult {
	// the part Classify analyses, so Escalate sees the same words
	const text = normalizeText(raw.length > MAX_ANALYSED_CHARS ? raw.slice(0, MAX_ANALYSED_CHARS) : raw);
	return angerOf(text, tokenize(text));
}
