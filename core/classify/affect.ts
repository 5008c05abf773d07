import { reason } from '../shared/reasons';
import type { Reason } from '../shared/reasons';
import { angerCues } from '../text/anger';
import type { AngerCue } from '../text/anger';
import { stemMatches, stemWord } from '../text/stem';
import type { Token } from '../text/stem';
import type { Sentiment } from './types';

/**
 * Sentiment from a small bilingual lexicon with negation ("not happy", "не доволен" are negative;
 * "not bad" is not), complaint cues ("wrong item", "не тот товар", "broken") and anger. The failure
 * it prevents: "my item is the wrong one" read as positive.
 */
const POSITIVE = [
	'thank', 'thanks', 'great', 'love', 'excellent', 'awesome', 'perfect', 'happy', 'glad', '=pleased', 'satisfied', '=amazing', 'wonderful',
	'=good', 'nice', 'appreciate', 'helpful', 'fantastic', 'best', 'recommend', 'delighted', 'fast',
	'спасибо', 'благодарю', 'благодарность', 'отлично', 'отличный', 'прекрасно', 'супер', 'доволен', 'довольна', 'рад', 'рада', 'хороший',
	'хорошо', 'понравилось', 'нравится', 'люблю', 'замечательно', 'рекомендую', 'быстро', 'удобно', 'класс', 'молодцы',
].map(lexiconWord);

const NEGATIVE = [
	'wrong', 'broken', 'damaged', 'defective', 'faulty', 'missing', '=late', 'delayed', 'never', 'bad', 'poor', 'problem', 'issue', 'error',
	'fail', 'failed', 'disappointed', 'disappointing', 'unhappy', 'complaint', 'complain', 'refund', 'cracked', 'scratched', 'stolen', 'lost',
	'overcharged', 'charged twice', 'unacceptable', 'awful', 'terrible', 'horrible', 'worst', 'useless', 'rude', 'sad', 'sorry', 'worse',
	'неправильный', 'не тот', 'сломан', 'сломался', 'сломалась', 'брак', 'бракованный', 'поврежден', 'повреждена', 'разбит', 'не работает',
	'не пришел', 'не пришла', 'опоздание', 'задержка', 'задерживается', 'плохой', 'плохо', 'проблема', 'ошибка', 'жалоба', 'претензия',
	'разочарован', 'недоволен', 'недовольна', 'возврат', 'верните', 'потеряли', 'списали', 'дважды', 'ужасно', 'ужасный', 'худший', 'грубо',
	'обман', 'кошмар', 'печально', 'жаль', 'хуже',
	// what customers report about goods and service, in both languages
	'leaking', 'leaks', '=torn', 'ripped', 'dirty', 'stained', 'smells bad', 'stopped working', 'not working', 'doesnt work', 'does not work',
	'wont turn on', 'does not turn on', 'doesnt turn on', 'nobody answers', 'no response', 'no reply', 'no answer', 'ignored', 'ignoring', '=broke',
	'dented', '=expired', 'spoiled', 'rotten', '=mold', '=mould', 'incomplete', 'shrank', 'shrunk', 'faded', 'fell apart', 'peeling',
	'not as described', 'counterfeit', 'fake',
	'задержали', 'задержан', 'опоздали', 'опоздал', 'опоздала', 'не привезли', 'не доставили', 'не доставлен', 'сорвали', 'испортили', 'испорчен',
	'поцарапан', 'царапина', 'треснул', 'трещина', 'протекает', 'течет', 'не включается', 'пришло не то', 'не хватает', 'дефект', 'грязный',
	'грязная', 'порван', 'порвана', 'мятая', 'помята', 'нет ответа', 'никто не отвечает', 'не отвечаете', 'игнорируете', 'просрочен', 'протух',
	'воняет', 'плесень', 'подделка', 'не соответствует описанию', 'развалился', 'облезла', 'вылиняла', 'сел после стирки',
].map((w) => w.split(' ').map(lexiconWord));

/**
 * A lexicon word: its stem, or "=form" for this exact form where the stem is shared with an unrelated
 * word ('pleased' and 'please' stem alike, 'amazing' ~ 'amazon', 'good' ~ 'goods', 'late' ~ 'later').
 */
function lexiconWord(w: string): string {
	return w.startsWith('=') ? w : stemWord(w);
}

function wordIs(t: Token, entry: string): boolean {
	return entry.startsWith('=') ? t.word === entry.slice(1) : stemMatches(t.stem, entry);
}

const NEGATORS = new Set(['not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'cannot', 'wont', 'hardly', 'не', 'нет', 'ни', 'никогда', 'без']);

function isStem(t: Token, stems: string[]): boolean {
	return stems.some((s) => wordIs(t, s));
}

function matchSeq(tokens: Token[], i: number, seq: string[]): boolean {
	for (let j = 0; j < seq.length; j++) if (!tokens[i + j] || !wordIs(tokens[i + j], seq[j])) return false;
	return true;
}

export interface AffectResult {
	sentiment: Sentiment;
	/** negative minus positive evidence */
	score: number;
	/** anger evidence beyond the rules: CAPS, "!!!" */
	angerBoost: number;
	reasons: Reason[];
}

/** `cues`: the anger cues of the shared detector (core/text/anger.ts angerOf), when the caller has them. */
export function analyzeAffect(text: string, tokens: Token[], cues: AngerCue[] = angerCues(text)): AffectResult {
	const reasons: Reason[] = [];
	let pos = 0;
	let neg = 0;
	const posHits: string[] = [];
	const negHits: string[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const negated = [1, 2].some((d) => i - d >= 0 && NEGATORS.has(tokens[i - d].word));
		const negSeq = NEGATIVE.find((seq) => matchSeq(tokens, i, seq));
		if (negSeq) {
			if (negated && negSeq.length === 1 && !['wrong', 'never'].includes(tokens[i].word)) {
				// "not bad", "no problem", "не плохо": mildly positive
				pos += 0.5;
				posHits.push(`${tokens[i - 1].word} ${tokens[i].word}`);
			} else {
				neg += 1;
				negHits.push(tokens.slice(i, i + negSeq.length).map((t) => t.word).join(' '));
			}
			continue;
		}
		if (isStem(tokens[i], POSITIVE)) {
			if (negated) {
				neg += 1;
				negHits.push(`${tokens[Math.max(0, i - 1)].word} ${tokens[i].word}`);
			} else {
				pos += 1;
				posHits.push(tokens[i].word);
			}
		}
	}
	// anger evidence beyond words (core/text/anger.ts), each cue reported with its weight
	let angerBoost = 0;
	for (const cue of cues) {
		angerBoost += cue.weight;
		reasons.push(reason(cue.code, cue.detail, cue.evidence, cue.weight));
	}
	// a concrete grievance outweighs polite words ("спасибо за прекрасный сервис, жду возврат уже месяц")
	if (cues.some((c) => c.code === 'anger_grievance')) neg = Math.max(neg, pos + 1);
	const score = neg - pos;
	const sentiment: Sentiment = neg > 0 && neg >= pos ? 'negative' : pos > neg ? 'positive' : 'neutral';
	if (negHits.length) reasons.push(reason('sentiment_negative_cue', 'negative or negated wording', negHits.slice(0, 5)));
	if (posHits.length) reasons.push(reason('sentiment_positive_cue', 'positive wording', posHits.slice(0, 5)));
	return { sentiment, score, angerBoost, reasons };
}
