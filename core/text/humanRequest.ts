import { BoundedMemo } from '../shared/memo';
import { keysOf, matchesKey, partOfTokens, tokenize } from './wordforms';
import type { Token } from './wordforms';

/**
 * Detects an explicit request for a human in Russian or English, in any case, with common typos,
 * repeated letters, Latin/Cyrillic look-alikes and transliteration ("оператор", "ОПЕРАТОРР",
 * "operator", "позовите человека", "zhivoy specialist", "real person", "call me back", "перезвоните").
 *
 * Words are grouped into concepts; a request is one of these patterns (see docs/nodes/EscalateToHuman.md):
 *  - a staff word that only means support staff here ("оператор", "operator", "agent", "human",
 *    "representative", "supervisor"), unless a modifier gives it another meaning ("сотовый оператор",
 *    "travel agent");
 *  - a person word ("человек", "специалист", "менеджер", "person", "manager", "someone") next to a
 *    "live" word ("живой", "настоящий", "real", "live") or to a request word ("позовите", "соедините",
 *    "хочу", "нужен", "talk", "speak", "connect", "need"), or making up nearly the whole message
 *    ("менеджера!", "human please");
 *  - a call-back request ("перезвоните", "обратный звонок", "позвоните мне", "call me back", "callback");
 *  - refusing the bot ("не хочу с ботом", "not a bot", "stop bot").
 * A person word alone in a longer sentence is not a request: "менеджер по продажам прислал счёт?"
 * asks about an invoice, so it stays with the bot.
 */

type Concept =
	| 'staff'
	| 'person'
	| 'weak'
	| 'live'
	| 'speech'
	| 'want'
	| 'callback'
	| 'callme'
	| 'me'
	| 'bot'
	| 'negation'
	| 'other_sense'
	| 'self'
	| 'filler'
	| 'back'
	| 'reverse'
	| 'call'
	| 'quantity'
	| 'ability'
	| 'dept';

interface Entry {
	concept: Concept;
	keys: string[];
	prefix: boolean;
	stem: boolean;
}

function entry(concept: Concept, words: string[], opts: { stem?: boolean; prefix?: boolean } = {}): Entry {
	return { concept, keys: keysOf(words, opts.stem ?? false), prefix: opts.prefix ?? false, stem: opts.stem ?? false };
}

const LEXICON: Entry[] = [
	// Words that, in a message to a support bot, only mean "a person from your side".
	entry('staff', ['оператор', 'операторша', 'оператора'], { stem: true, prefix: true }),
	entry('staff', ['operator', 'operators', 'human', 'humans', 'agent', 'agents', 'representative', 'representatives', 'rep', 'reps', 'supervisor']),
	// Person words: a request with a "live" word, a want or speech word, or as (nearly) the whole message.
	entry('person', ['человек', 'человечек', 'специалист', 'менеджер', 'сотрудник', 'консультант', 'администратор', 'руководитель', 'начальник'], { stem: true, prefix: true }),
	entry('person', ['person', 'specialist', 'manager', 'managers', 'employee', 'consultant', 'boss', 'administrator']),
	// Weak person words: only with a "live" word or a speech word ("поговорить с кем-нибудь", "talk to someone").
	entry('weak', ['люди', 'кто-нибудь', 'кто-то', 'кого-нибудь', 'кого-то', 'кем-нибудь', 'кем-то', 'агент', 'поддержка', 'поддержкой', 'саппорт', 'техподдержка'], { stem: true, prefix: true }),
	entry('weak', ['people', 'someone', 'somebody', 'anyone', 'anybody', 'staff', 'support', 'team', 'admin', 'assistant', 'man', 'woman', 'guy', 'lady']),
	entry('live', ['живой', 'живым', 'живому', 'живого', 'настоящий', 'реальный', 'нормальный', 'адекватный', 'компетентный'], { stem: true, prefix: true }),
	entry('live', ['real', 'live', 'actual', 'living', 'human', 'normal']),
	entry('speech', ['обсудить', 'посоветоваться', 'проконсультироваться', 'позовите', 'позови', 'позвать', 'пригласите', 'соедините', 'соединить', 'соедини', 'переключите', 'переключить', 'переведите', 'перевести', 'свяжите', 'связать', 'связаться', 'дайте', 'дай', 'поговорить', 'говорить', 'пообщаться', 'общаться', 'разговаривать', 'обратиться', 'подключите', 'зовите'], { stem: true, prefix: true }),
	entry('speech', ['talk', 'talking', 'speak', 'speaking', 'chat', 'chatting', 'connect', 'transfer', 'escalate', 'reach', 'contact', 'through', 'forward']),
	entry('want', ['хочу', 'хотел', 'хотела', 'хотим', 'хотелось', 'хотелось бы', 'нужен', 'нужна', 'нужно', 'надо', 'можно', 'требую', 'давайте', 'пусть', 'где'], { stem: true, prefix: true }),
	entry('want', ['get', 'give', 'want', 'wanna', 'need', 'let', 'can', 'could', 'may', 'like', 'request', 'prefer', 'demand', 'where']),
	entry('callback', ['перезвоните', 'перезвонить', 'перезвони', 'перезвон'], { prefix: true }),
	entry('callback', ['callback', 'call-back']),
	entry('reverse', ['обратный', 'обратного', 'обратную'], { stem: true, prefix: true }),
	entry('call', ['звонок', 'звонка', 'связь', 'связи'], { stem: true, prefix: true }),
	entry('callme', ['позвоните', 'позвони', 'наберите', 'набери', 'свяжитесь', 'свяжись', 'звоните', 'связаться']),
	entry('callme', ['call', 'ring', 'phone', 'contact']),
	entry('back', ['back', 'asap']),
	entry('me', ['мне', 'меня', 'мной', 'нам', 'нас', 'me', 'us']),
	entry('bot', ['бот', 'бота', 'ботом', 'робот', 'робота', 'роботом', 'автоответчик', 'машиной', 'программой', 'автоматом', 'bot', 'bots', 'robot', 'machine', 'chatbot', 'ai']),
	entry('negation', ['не', 'нет', 'хватит', 'устал', 'надоел', 'надоело', 'not', 'no', 'dont', 'stop', 'enough', 'tired', 'hate', 'sick', 'without', 'без']),
	entry('self', ['я', 'i', 'ill', 'мы', 'we']),
	// Modifiers that give a staff word another meaning ("сотовый оператор", "travel agent").
	entry('other_sense', ['сотовый', 'сотового', 'мобильный', 'мобильного', 'связи', 'туроператор', 'страховой', 'страхового', 'недвижимости', 'таможенный', 'mobile', 'cellular', 'network', 'tour', 'travel', 'insurance', 'estate', 'user', 'secret', 'free', 'telecom', 'wireless', 'работу', 'работа', 'работы', 'вакансию', 'job', 'position', 'vacancy',
		// topics and job ads: оператор связи / ЭДО / станка / ЧПУ / котельной, "требуется оператор"
		'сотовой', 'сотовым', 'мобильным', 'эдо', 'электронного', 'документооборота', 'станка', 'станков', 'чпу', 'котельной', 'фискальных', 'офд', 'платежной', 'требуется', 'требуются', 'вакансия', 'cnc', 'machine', 'forklift', 'crane', 'data']),
	// Words after a negator that make it about ability, not will ("не могу дозвониться до оператора" is a request).
	entry('ability', ['могу', 'можем', 'может', 'можете', 'смог', 'смогла', 'смогли', 'получается', 'получилось', 'удается', 'удалось', 'дозвониться', 'дозвонится', 'отвечает', 'отвечают', 'answer', 'answers', 'answering', 'able', 'responding', 'replying']),
	// Teams and departments a customer asks to be put through to ("connect me to billing", "соедините с бухгалтерией").
	entry('dept', ['бухгалтерия', 'бухгалтерию', 'бухгалтерией', 'отдел', 'отдела', 'отделом', 'ресепшн', 'ресепшен', 'администрация', 'руководство', 'руководством'], { stem: true, prefix: true }),
	entry('dept', ['billing', 'accounting', 'sales', 'reception', 'desk', 'concierge', 'department', 'dept', 'restaurant', 'service', 'spa', 'housekeeping', 'finance', 'management', 'complaints']),
	// "5 человек", "сколько человек": a head count, not a person to talk to.
	entry('quantity', ['сколько', 'несколько', 'много', 'мало', 'двух', 'трех', 'четырех', 'пяти', 'десяти', 'one', 'two', 'three', 'four', 'five', 'more', 'little', 'few', 'several', 'many', 'extra', 'additional', 'other', 'все', 'всех', 'всем', 'наши', 'наших', 'нашим', 'наш', 'нашего', 'all', 'our']),
	entry('filler', ['please', 'pls', 'plz', 'пожалуйста', 'пж', 'плиз', 'срочно', 'now', 'asap', 'a', 'an', 'the', 'to', 'with', 'с', 'со', 'ну', 'эй', 'hey', 'hi', 'hello', 'здравствуйте', 'привет', 'мне', 'me', 'ok', 'уже', 'already', 'just', 'your', 'ваш', 'вашего', 'какой-нибудь', 'any', 'some', 'i', 'я', 'said', 'say', 'again', 'сказал', 'сказала', 'говорю', 'повторяю', 'еще', 'раз', 'third', 'time', 'третий']),
];

const conceptMemo = new BoundedMemo<ReadonlySet<Concept>>();

/** The concepts of one word (a token is a pure function of its raw word, so they are memoised by it). */
function conceptsOf(token: Token): ReadonlySet<Concept> {
	return conceptMemo.get(token.raw, () => {
		const out = new Set<Concept>();
		for (const e of LEXICON) {
			if (out.has(e.concept)) continue;
			// An English word list without stems matches word forms only ("personal" is not "person").
			const stems = e.stem || token.script !== 'latin';
			if (e.keys.some((k) => matchesKey(token, k, e.prefix, stems))) out.add(e.concept);
		}
		// A request verb is an imperative or an infinitive; a statement about someone else ("приглашает",
		// "меня зовут Алина", "свяжется") or a promise of ours ("перезвоним", "я перезвоню") is not one.
		if (FINITE_VERB.test(token.native)) {
			for (const v of ['speech', 'callme', 'callback'] as const) out.delete(v);
		}
		// "вашего специалиста" is your person, not ours: one letter from "нашего", but never a head count
		if (/^ваш/.test(token.native) || token.raw === 'your') out.delete('quantity');
		// words a letter or a suffix away from request words: "договор" (a contract) is not "говорить",
		// "отделка" (finishing works) is not "отдел"
		if (/^договор/.test(token.native)) out.delete('speech');
		if (/^отделк/.test(token.native)) out.delete('dept');
		return out;
	});
}

export interface HumanRequestMatch {
	/** Which pattern fired: staff, person+live, person+cue, short, callback, refuses_bot. */
	pattern: 'staff' | 'live_person' | 'person_request' | 'short' | 'callback' | 'refuses_bot';
	/** The words that produced the match, as written (lower case). */
	evidence: string;
	/**
	 * The words of the request's grammar around it (a person, a team, ask/want/connect/call, "me", "live"),
	 * in its sentence, up to six words before and two after: who should answer, not what the message is
	 * about. Classify leaves them out of what its type model reads (issue 22 pattern 9).
	 */
	words: string[];
}

/** Concepts that make up a request for a person (see `HumanRequestMatch.words`). */
const REQUEST_GRAMMAR: Concept[] = ['staff', 'person', 'weak', 'live', 'speech', 'want', 'callback', 'callme', 'reverse', 'call', 'me', 'back', 'dept', 'bot'];

function near(concepts: ReadonlyArray<ReadonlySet<Concept>>, i: number, concept: Concept, before: number, after: number): number {
	for (let j = Math.max(0, i - before); j <= Math.min(concepts.length - 1, i + after); j++) {
		if (j !== i && concepts[j].has(concept)) return j;
	}
	return -1;
}

function span(tokens: Token[], a: number, b: number): string {
	const [lo, hi] = a < b ? [a, b] : [b, a];
	return tokens
		.slice(lo, hi + 1)
		.map((t) => t.raw)
		.join(' ');
}

/** Clause number of each token: sentences, split further at commas, semicolons and "but" / "но" / "а". */
function clauseIndexes(text: string): number[] {
	return partOfTokens(text, /[.!?\n,;:()]+|(?=\s(?:but|however|но|а|однако)\s)/giu);
}

/** Sentence number of each token, in the order tokenize() produces them. */
function sentenceIndexes(text: string): number[] {
	return partOfTokens(text, /[.!?\n]+/gu);
}

/** Finite forms of request verbs: statements and promises, not requests. */
const FINITE_VERB =
	/^(?:зовут|приглашает|приглашают|приглашаем|свяжется|свяжутся|свяжемся|свяжусь|перезвоним|перезвоню|перезвонят|позвоним|позвоню|позвонят|соединим|переключим|наберем|наберу)$/;

/** "я менеджер", "I am the manager", "I'm a specialist": the writer describing themself. */
const SELF_DESCRIPTION = new Set(['я', 'am', 'im', "i'm", 'i’m', 'являюсь']);

/** Negators that can open a refusal, matched on the word as written (apostrophes removed). */
const NEGATORS = new Set(['не', 'нет', 'ни', 'no', 'not', 'dont', 'doesnt', 'never', 'nobody', 'neither']);
const isNegator = (t: Token): boolean => NEGATORS.has(t.raw.replace(/['’]/g, ''));

/** Words a negator must govern (next one or two words) for a refusal: want, speech, call, a person. */
const REQUEST_WORDS: Concept[] = ['want', 'speech', 'callme', 'callback', 'staff', 'person', 'weak', 'call', 'reverse', 'dept'];
const NEW_VERB: Concept[] = ['speech', 'callme', 'callback'];

/**
 * The negator that turns the request starting at token `lo` into a refusal, or -1. Negation scope: the
 * negator is in the same clause (commas and "but"/"но"/"а" end it), at most six words before the request,
 * and governs a request word in the next two words ("не надо мне перезванивать", "I don't want a human",
 * "do NOT call me", "no human please"); a new request verb after that ends the scope ("не хочу ждать
 * соедините с оператором" is a request). Not a refusal: an inability ("не могу дозвониться до оператора",
 * "nobody answers") or a past tense ("почему не перезвонили"), grievances that still want a person.
 */
function refusingNegator(tokens: Token[], concepts: ReadonlyArray<ReadonlySet<Concept>>, clauseOf: number[], lo: number): number {
	for (let j = lo - 1; j >= Math.max(0, lo - 6) && clauseOf[j] === clauseOf[lo]; j--) {
		if (!isNegator(tokens[j])) continue;
		const governed = [j + 1, j + 2].filter((k) => k <= lo);
		if (governed.some((k) => concepts[k].has('ability'))) return -1;
		const pastCall = (k: number) =>
			tokens[k].script === 'cyrillic' && /(?:ли|ла|ло|л)$/.test(tokens[k].native) && (concepts[k].has('callback') || concepts[k].has('callme'));
		if (governed.some(pastCall)) return -1;
		if (!governed.some((k) => k === lo || REQUEST_WORDS.some((c) => concepts[k].has(c)))) return -1;
		for (let k = j + 3; k < lo; k++) if (NEW_VERB.some((c) => concepts[k].has(c))) return -1;
		return j;
	}
	return -1;
}

/** Words after a negator that refuse what was just named ("менеджер не нужен", "a human is not needed"). */
const NOT_WANTED = /^(?:нужен|нужна|нужно|нужны|надо|требуется|хочу|хотим|хотелось|need|needed|required|necessary|want|wanted)$/;

/**
 * A refusal written after the request, in its clause: "с менеджером общаться не хочу", "Оператора не надо",
 * "a human is not needed" (unless the refusal is of the bot: "позовите оператора не хочу с ботом").
 */
function refusedAfter(tokens: Token[], concepts: ReadonlyArray<ReadonlySet<Concept>>, clauseOf: number[], hi: number): number {
	for (let k = hi + 1; k <= hi + 3 && k < tokens.length && clauseOf[k] === clauseOf[hi]; k++) {
		if (!isNegator(tokens[k])) continue;
		const next = tokens[k + 1];
		if (!next || clauseOf[k + 1] !== clauseOf[hi]) return -1;
		if (!(NOT_WANTED.test(next.native) || NOT_WANTED.test(next.raw))) return -1;
		for (let b = k + 1; b <= k + 3 && b < tokens.length; b++) if (concepts[b].has('bot')) return -1;
		return k + 1;
	}
	return -1;
}

/** A job context in the sentence ("are you hiring operators", "вакансия оператора"): staff words are a topic. */
const JOB = /^(?:hiring|hire|vacancy|vacancies|вакансия|вакансии|вакансию|резюме|resume|cv|подработка|подработку|трудоустройство)$/;

/**
 * A staff word followed by a noun in the genitive is a kind of operator, a topic ("оператор доставки",
 * "операторы чата", "оператор ЭДО"), not a person asked for ("оператора пожалуйста", "оператора поддержки").
 */
function staffOfSomething(tokens: Token[], concepts: ReadonlyArray<ReadonlySet<Concept>>, clauseOf: number[], i: number): boolean {
	const next = tokens[i + 1];
	if (!next || clauseOf[i + 1] !== clauseOf[i] || next.script !== 'cyrillic') return false;
	const c = concepts[i + 1];
	// "чата" shares its skeleton with "chat" (a speech word), but a verb would end like one
	const verbLike = /(?:ть|ться|ти|ите|ись)$/.test(next.native);
	if (REQUEST_GRAMMAR.some((g) => c.has(g) && !(g === 'speech' && !verbLike)) || c.has('filler') || c.has('negation')) return false;
	return /(?:и|ы|а|я|ов|ев|ей)$/.test(next.native);
}

export interface HumanRequestAnalysis {
	/** The first explicit request for a person that is not refused. */
	request?: HumanRequestMatch;
	/** Refused requests seen before it ("не надо перезванивать", "no human please"), as written. */
	refusals: string[];
}

/** The first explicit human request in one message, or undefined. */
export function detectHumanRequest(text: string): HumanRequestMatch | undefined {
	return analyzeHumanRequest(text).request;
}

/**
 * How much of a message the detector reads: its first and its last 10,000 characters (a request for a person
 * is written by a person, at the start or after a pasted log); the work stays bounded however long a message is.
 */
export const HUMAN_REQUEST_SCAN = 10_000;

/** Explicit requests for a person and refusals of one (see the module comment). */
export function analyzeHumanRequest(text: string): HumanRequestAnalysis {
	const refusals: string[] = [];
	const scanned = text.length > 2 * HUMAN_REQUEST_SCAN ? `${text.slice(0, HUMAN_REQUEST_SCAN)}\n\n${text.slice(-HUMAN_REQUEST_SCAN)}` : text;
	const request = findRequest(scanned, refusals);
	return { request, refusals };
}

function findRequest(text: string, refusals: string[]): HumanRequestMatch | undefined {
	const tokens = tokenize(text);
	if (tokens.length === 0) return undefined;

	const concepts = tokens.map(conceptsOf);
	// "Short" is judged per sentence: "Добрый день. Вопрос по заказу 48213. Менеджера!" ends with a short request.
	const sentenceOf = sentenceIndexes(text);
	const meaningfulIn = new Map<number, number>();
	concepts.forEach((c, i) => {
		if (!c.has('filler')) meaningfulIn.set(sentenceOf[i], (meaningfulIn.get(sentenceOf[i]) ?? 0) + 1);
	});

	const clauseOf = clauseIndexes(text);
	const jobSentences = new Set(tokens.flatMap((t, i) => (JOB.test(t.raw) ? [sentenceOf[i]] : [])));
	// "transfer"/"forward" is a speech word only for a person ("transfer me to", "forward to"), not for money
	const transferOk = (j: number): number =>
		j >= 0 && /^(?:transfer|forward)/.test(tokens[j].raw) && !/^(?:me|us|to|my|our)$/.test(tokens[j + 1]?.raw ?? '') ? -1 : j;
	const found = (pattern: HumanRequestMatch['pattern'], a: number, b: number): HumanRequestMatch | undefined => {
		const lo = Math.min(a, b);
		if (pattern !== 'refuses_bot') {
			const neg = refusingNegator(tokens, concepts, clauseOf, lo);
			if (neg >= 0) {
				refusals.push(span(tokens, neg, Math.max(a, b)));
				return undefined;
			}
		}
		const hi = Math.max(a, b);
		if (pattern !== 'refuses_bot') {
			const after = refusedAfter(tokens, concepts, clauseOf, hi);
			if (after >= 0) {
				refusals.push(span(tokens, lo, after));
				return undefined;
			}
		}
		const words: string[] = [];
		for (let k = Math.max(0, lo - 6); k <= Math.min(tokens.length - 1, hi + 2); k++) {
			const inSentence = sentenceOf[k] === sentenceOf[lo] || sentenceOf[k] === sentenceOf[hi];
			if (inSentence && (k === a || k === b || REQUEST_GRAMMAR.some((g) => concepts[k].has(g)))) words.push(tokens[k].raw);
		}
		return { pattern, evidence: span(tokens, a, b), words };
	};

	for (let i = 0; i < tokens.length; i++) {
		const c = concepts[i];
		if (c.has('callback') && !(i > 0 && concepts[i - 1].has('self')) && !/перезвоню$/.test(tokens[i].raw)) {
			{
				const m = found('callback', i, i);
				if (m) return m;
			}
		}
		if (c.has('reverse')) {
			const j = near(concepts, i, 'call', 0, 2);
			if (j >= 0) {
				const m = found('callback', i, j);
				if (m) return m;
			}
		}
		// "give me a call", "give us a ring"
		if (c.has('callme') && tokens[i].script === 'latin' && near(concepts, i, 'me', 3, 0) >= 0 && tokens.slice(Math.max(0, i - 3), i).some((t) => t.raw === 'give')) {
			const m = found('callback', Math.max(0, i - 3), i);
			if (m) return m;
		}
		// "можно организовать звонок с вашим менеджером": a call with a person, wanted
		const wantBefore = c.has('call') ? near(concepts, i, 'want', 3, 0) : -1;
		if (wantBefore >= 0) {
			const person = near(concepts, i, 'person', 0, 3);
			if (person >= 0) {
				const m = found('person_request', wantBefore, person);
				if (m) return m;
			}
		}
		if (c.has('callme') && !(i > 0 && concepts[i - 1].has('self'))) {
			const me = near(concepts, i, 'me', 1, 2);
			const back = near(concepts, i, 'back', 0, 3);
			if (back >= 0 && (me >= 0 || i === 0)) {
				const m = found('callback', i, back);
				if (m) return m;
			}
			// "позвоните мне", "call me" — but not a past tense ("мне позвонил менеджер").
			const past = tokens[i].script === 'cyrillic' && /(?:л|ла|ли|ло)$/.test(tokens[i].native);
			if (me >= 0 && !past && (tokens[i].script === 'cyrillic' || me === i + 1)) {
				{
				const m = found('callback', i, me);
				if (m) return m;
			}
			}
		}
		// "two little humans", "5 операторов": a head count
		const counted = [1, 2].some((d) => i - d >= 0 && sentenceOf[i - d] === sentenceOf[i] && (/^\d+$/.test(tokens[i - d].raw) || concepts[i - d].has('quantity')));
		if (c.has('staff') && !counted && !jobSentences.has(sentenceOf[i])) {
			const other = near(concepts, i, 'other_sense', 1, 1);
			if (other < 0 && !staffOfSomething(tokens, concepts, clauseOf, i)) {
				const m = found('staff', i, i);
				if (m) return m;
			}
		}
		// "5 человек", "все сотрудники", "наши менеджеры": a head count or our own people; "я персональный менеджер",
		// "I am the manager": the writer describing themself
		const quantity =
			i > 0 &&
			sentenceOf[i - 1] === sentenceOf[i] &&
			(/\d/.test(tokens[i - 1].raw) || concepts[i - 1].has('quantity') || [1, 2].some((d) => i - d >= 0 && SELF_DESCRIPTION.has(tokens[i - d].raw)));
		if ((c.has('person') || c.has('weak')) && !quantity) {
			const live = near(concepts, i, 'live', 2, 0);
			if (live >= 0) {
				const m = found('live_person', live, i);
				if (m) return m;
			}
			// a weak word ("someone", "support") only after the speech word: "do your atms support contactless" is not one
			const speech = transferOk(near(concepts, i, 'speech', 4, c.has('person') ? 2 : 0));
			if (speech >= 0) {
				const m = found('person_request', speech, i);
				if (m) return m;
			}
			if (c.has('person')) {
				const want = near(concepts, i, 'want', 4, 1);
				// "хочу поблагодарить менеджера", "I want to thank the manager": another verb takes the person
				const otherVerb = (k: number) =>
					!concepts[k].has('speech') &&
					((tokens[k].script === 'cyrillic' && /(?:ть|ти|ться)$/.test(tokens[k].native)) || (tokens[k - 1]?.raw === 'to' && tokens[k].script === 'latin' && !concepts[k].has('filler')));
				let governed = false;
				for (let k = Math.min(want, i) + 1; k < Math.max(want, i); k++) if (otherVerb(k)) governed = true;
				if (want >= 0 && !governed) {
				const m = found('person_request', want, i);
				if (m) return m;
			}
				if ((meaningfulIn.get(sentenceOf[i]) ?? 0) <= 2) {
				const m = found('short', i, i);
				if (m) return m;
			}
			}
		}
		if (c.has('dept') && !c.has('person')) {
			// "connect me to billing", "put me through to the accounts team", "соедините с бухгалтерией"
			const speech = transferOk(near(concepts, i, 'speech', 4, 0));
			if (speech >= 0) {
				const m = found('person_request', speech, i);
				if (m) return m;
			}
		}
		if (c.has('bot')) {
			const neg = near(concepts, i, 'negation', 6, 0);
			if (neg >= 0 && clauseOf[neg] === clauseOf[i]) {
				const m = found('refuses_bot', neg, i);
				if (m) return m;
			}
		}
	}
	return undefined;
}
