import type { PhraseRule } from './phrases';

/**
 * The one anger lexicon of the language layer, matched by core/text/anger.ts `detectAnger` for Classify's
 * `angry` flag and Escalate's anger trigger (one list, so the two nodes cannot disagree about a sentence).
 * Keyword patterns go through the stemmer (exact forms: "=word"); typos are not tolerated here (short,
 * loaded words have too many harmless neighbours). Weights: an anger word 1, a weak word or an idiom that is
 * often an intensifier 0.5, a legal threat 1 (and `legal`), a phrase that takes a strong word back −1.
 */
export interface AngerRule extends PhraseRule {
	id: string;
	weight: number;
	/** a legal or regulator threat */
	legal?: boolean;
}

function kw(idPrefix: string, patterns: string[], extra: Omit<AngerRule, 'pattern' | 'kind' | 'id'>): AngerRule[] {
	return patterns.map((pattern) => ({ id: `${idPrefix}:${pattern}`, pattern, kind: 'keyword' as const, ...extra }));
}

function rx(id: string, pattern: string, extra: Omit<AngerRule, 'pattern' | 'kind' | 'id'>): AngerRule {
	return { id, pattern, kind: 'regex', ...extra };
}

/** Legal and regulator threats: a customer who says these needs a person now (Classify also raises priority). */
const LEGAL: AngerRule[] = [
	rx('anger.legal:суд', '(?:подам|подаю|подадим|обращусь|обратимся|пойду|пойдем|иду)\\s+в\\s+суд|в\\s+суд(?:е|ебном)?(?![\\p{L}])|судебн\\p{L}*|иск(?:ом|овое)?(?![\\p{L}])', {
		legal: true,
		weight: 1,
	}),
	...kw(
		'anger.legal',
		[
			'роспотребнадзор',
			'прокуратура',
			'прокурор',
			'защита прав потребителей',
			'lawsuit',
			'sue you',
			'prosecutor',
			'chargeback',
			'legal action',
			'consumer protection',
			'small claims court',
			'better business bureau',
			// a lawyer is a threat when it is the customer's own or is being sent in; "our lawyer will review
			// the contract" is how a B2B buyer writes
			'my lawyer|lawyers|attorney|attorneys',
			'lawyer|lawyers|attorney|attorneys will contact|hear',
			'talk to a lawyer',
			'мой юрист|адвокат',
			'моим юристом|адвокатом',
			'к юристу|адвокату|юристам',
			'через юриста|адвоката',
			'юрист|адвокат свяжется',
		],
		{ legal: true, weight: 1, typos: false },
	),
];

/** Anger, annoyance and disgust words: one is enough. */
const ANGER_STRONG = [
	// English
	'hate', 'angry', 'anger', 'furious', 'pissed', 'annoying', 'annoyed', 'irritating', 'irritated', 'infuriating', 'outrageous',
	'disgusting', 'disgusted', 'disgust', 'gross', 'idiot', 'idiotic', 'stupid', 'moron', 'dumb', 'pathetic', 'asshole', 'bastard',
	'jerk', 'loser', 'scumbag', 'hypocrite', 'hypocrisy', 'unacceptable', 'sick of', 'tired of', 'fed up', 'shut up', 'screw you',
	'fuck you', 'fuck off', 'how dare', 'shame on', 'cant stand', 'ugh', 'rage', 'mad at', 'so mad', 'incompetent', 'rude', 'vile',
	'terrible', '=awful', 'horrible', 'worst', 'useless', 'ridiculous', 'nasty',
	'yuck', 'bullshit', 'wtf', 'sucks', 'trash', 'garbage', 'fuck', 'fucking', 'shit', 'crap', 'bitch', 'who cares', 'get a life',
	'whats wrong with you', 'go away', 'go to =hell', 'к черту', 'nobody asked', 'stop it', 'screw', 'ugly', 'hateful', 'disgrace', 'absurd',
	// Russian
	'ненавижу', 'ненависть', 'злой', 'злюсь', 'злит', 'бесит', 'бешенство', 'раздражает', 'раздражение', 'раздражающий', 'надоело',
	// exact forms: the stem 'доста' is also the start of 'доставка' (delivery)
	'=достало|=достали|=достала|=достал', 'задолбали', 'отвратительно', 'отвратительный', 'мерзко', 'мерзкий', '=противно', 'тошнит', 'гадость', 'безобразие',
	'возмутительно', 'возмущен', 'позор', 'идиот', 'дебил', 'тупой', 'придурок', 'мудак', 'козлы', 'урод', 'заткнись', 'издевательство',
	'издеваетесь', 'хамство', 'хам', 'лицемер', 'некомпетентный', 'сколько можно', '=отстой', 'мусор', 'бред', 'чушь',
	'блять', 'бля', 'блядь', 'хуй', 'нахуй', 'охуел', 'пиздец', 'ебаный', 'заебали', 'сука', 'херня', 'хрень', 'говно', 'дерьмо',
	'ужасно', 'ужасный', 'худший', 'бесполезный', 'грубый', 'глупый', 'обманщики', 'мошенники',
	// '=хватит' exact: 'хвата' also starts 'не хватает' (something is missing)
	'кому какое дело', '=отвали', '=хватит', 'уродливый', 'абсурд', 'позорище',
	// exasperation and annoyance idioms (annoyance is part of 'angry')
	'ffs', 'smh', 'for gods sake', 'give me a break', 'are you kidding', 'you kidding me', 'blood boil', 'makes me sick', 'clown', 'clowns',
	'shut your mouth', 'shut his mouth', 'shut her mouth', 'eww', 'so done with', 'spreading lies', 'what a joke', 'pisses me off',
	'drives me crazy', 'drives me nuts', 'on my nerves', 'piss off', 'screw this', 'sick and tired', 'enough already', 'stop whining',
	'задрали', 'задолбало', 'задолбал', '=фу', 'клоун', 'клоуны', 'кровь закипает', 'выбешивает', 'бесят', 'раздражают', 'надоели',
	'издеваются', 'действует на нервы', 'выводит из себя', 'мерзость', 'убожество', 'позорно', '=хватит врать', '=хватит ныть',
	// English and Russian kept at parity: the Russian forms of the English words above, and back
	'annoyance', 'enraged', 'livid', 'goddamn', 'ludicrous', 'obnoxious', 'despicable', 'repulsive', 'revolting', 'sickening',
	'nauseating', 'loathe', 'detest', 'abhorrent', 'contempt', 'insufferable', 'intolerable', '=shameful', 'appalling', 'atrocious',
	'liar', 'liars', 'imbecile', 'cretin', 'dimwit', 'rudeness', 'how many more times', 'are you mocking',
	'ненавидит', 'ненавидят', 'ненавидеть', 'ненавидел', 'злость', 'разозлил', 'разозлило', '=зол', '=зла', 'взбешен', 'ярость', 'в ярости',
	'=жалкий|=жалкое|=жалкая|=жалкие|=жалкого|=жалким', 'надоедливый', 'гадкий', 'гадко', 'кретин', 'нелепо', 'нелепый', 'замолчи', 'неудачник', 'лузер', 'козел',
	'как ты смеешь', 'как вы смеете', 'сыт по горло', 'тьфу', 'какого черта', 'фигня', 'брехня', 'убирайся', 'проваливай',
	'никто не спрашивал', 'вопиющий', 'раздражен', 'раздражена', 'раздражены', 'тупость', 'дебилы', 'омерзительно', 'отвращение',
	'нахрен', 'придурки', 'ублюдок', 'ублюдки', 'сволочь', 'сволочи', 'твари', 'мрази', 'мразь', 'скотина', 'быдло', 'тупица', 'болван',
	'дурак', 'дураки', '=дура', 'засранец', 'хлам', 'помойка', 'лжец', 'лжецы', 'врун', 'вруны', '=устал|=устала|=устали от',
	'=сердитый|=сердит|=сердится|=сердиты|=сердита', 'гнев', 'разъярен', 'подонок', 'неприемлемо', 'недопустимо',
	// exasperation at being ignored or let down again (eighth session)
	'the audacity', 'up the wall', 'thanks for nothing', 'ive had it', 'had enough of', 'want to scream', 'stop ignoring', 'jfc',
	'наглость', 'обнаглели', 'неуважение', 'водите|водят|водить за =нос',
	'стыдно должно быть', 'терпеть не могу', 'не выношу', 'нахамил', 'хамит', 'подлый', 'что с тобой не так', 'ненавистный',
];

/** Profanity and strong negative words: often plain intensifiers, so they count half. */
const ANGER_WEAK = [
	// '=hell' exact: 'hell' also starts 'hello'
	'damn', '=hell', 'nonsense', 'ew', 'blame', 'creepy',
	'черт', 'проклятый', 'кошмар', 'глупо',
	// the same failure again: annoyance
	'уже третий раз', 'в который раз', 'third time', 'yet again',
	// rhetorical indignation (tenth session): "вы вообще работаете??", "за что я плачу?", "is this even legal"
	'вы вообще', 'это вообще нормально|законно', 'за что я плачу|платил|платила|заплатил|заплатила', 'вы хоть иногда', 'what am i paying for',
	'is this even legal', 'is this normal',
	'seriously', 'come on', 'typical', 'unbelievable', 'are you serious', 'how hard is it', 'cringe', 'вы серьезно', 'выводит', 'whining', '=блин', 'опять', 'серьезно', 'да ладно', 'как обычно', 'ныть',
	'=lame', 'freaking', 'bloody =hell', 'resent', 'bitter', 'hostile', 'unbearable', 'прекрати', 'прекратите', 'задница', 'невыносимо',
];

/**
 * Sympathy and set phrases that carry a strong word without anger ("I am sorry, that is terrible news",
 * "I hate to say it"): they take one anger word back.
 */
const NOT_ANGER = [
	'terrible news', 'awful news', 'horrible news', 'sorry for your loss', 'hate to say', 'hate to admit', 'hate to break', 'hope you are ok',
	'hope she', 'hope he', 'hope you feel', 'hope it gets better', 'ужасная новость', 'ужасные новости', 'соболезную', 'надеюсь она', 'надеюсь он',
	'надеюсь ты', 'надеюсь вы',
	// profanity and strong words as intensifiers of something good, self-deprecation, set phrases
	'holy shit', 'fuck yeah', '=hell yeah', 'fucking amazing|awesome|love|great|good|beautiful|brilliant|hilarious|incredible', 'damn good',
	'feel stupid|dumb|idiot', 'stupid question', 'dumb question', 'worst case', 'terrible at', 'terribly sorry', 'awfully sorry',
	'hate to bother|ask|interrupt|trouble', 'anger management',
	'глупый вопрос', 'чувствую себя глупо|идиотом|дураком', 'в худшем случае', 'ужасно рад|рада|смешно|интересно|милый|приятно', 'чертовски хорошо|рад|приятно',
];

/** The whole lexicon, in the order it is matched and reported. */
export const ANGER_RULES: AngerRule[] = [
	...LEGAL,
	...kw('anger.word', ANGER_STRONG, { weight: 1, typos: false }),
	// Russian profanity in its inflected and prefixed forms (the root list Escalate used to keep apart)
	rx(
		'anger.word:profanity',
		'(?<![\\p{L}])(?:на|по|за|от|у|вы|раз|об|до)?(?:х[уy][йеёяию]\\p{L}*|пизд\\p{L}*|[её]б[аую][нтлч]\\p{L}*|бля[дт]\\p{L}*|бля(?![\\p{L}])|муда[кч]\\p{L}*|мудил\\p{L}*|говн\\p{L}*)',
		{ weight: 1 },
	),
	...kw('anger.weak', ANGER_WEAK, { weight: 0.5, typos: false }),
	...kw('anger.not', NOT_ANGER, { weight: -1, typos: false }),
	// a negated state of anger ("I'm not mad, just curious", "я не злюсь") takes the anger word back; right
	// after the negation only, so "it is not working and I am mad" stays angry
	rx(
		'anger.not:negated',
		"(?:(?<![\\p{L}])not|n[’']t|(?<![\\p{L}])не)\\s+(?:(?:really|at all|even|that|вообще|совсем|особо|на вас)\\s+)?(?:angry|mad|annoyed|upset|irritated|furious|pissed|злюсь|злой|злая|сержусь|возмущаюсь|обижаюсь|раздражен\\p{L}*)(?![\\p{L}])",
		{ weight: -1 },
	),
];
