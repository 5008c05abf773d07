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
	const shout = shoutedText(text);
	if (shout) cues.push({ code: 'anger_caps', detail: 'written in capitals', evidence: shout, weight: 0.6 });
	const bangs = text.match(/[!?]*!{3,}[!?]*|(?:\?!|!\?){1,}[!?]*|!!/u);
	if (bangs) cues.push({ code: 'anger_exclamations', detail: 'repeated exclamation marks', evidence: bangs[0], weight: 0.4 });
	const grievance = WAITING.exec(text) ?? REPEAT.exec(text);
	if (grievance) {
		cues.push({ code: 'anger_grievance', detail: 'a concrete grievance: waiting or a repeat', evidence: grievance[0], weight: 0.5 });
		const praise = PRAISE.exec(text);
		if (praise) cues.push({ code: 'anger_sarcasm', detail: 'praise or thanks around a grievance', evidence: praise[0], weight: 0.5 });
	}
	return cues;
}
