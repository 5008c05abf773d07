import type { ClassifyRule } from './types';

/**
 * Default rules, written from how customers write in Russian and English (switch off with
 * useDefaultRules: false). Keyword patterns go through the stemmer and tolerate one typo in long
 * words; words of a multi-word keyword may have up to 3 other words between them.
 */

function kw(idPrefix: string, patterns: string[], extra: Omit<ClassifyRule, 'pattern' | 'kind'>): ClassifyRule[] {
	return patterns.map((pattern) => ({ id: `${idPrefix}:${pattern}`, pattern, kind: 'keyword' as const, ...extra }));
}

function rx(id: string, pattern: string, extra: Omit<ClassifyRule, 'pattern' | 'kind' | 'id'>): ClassifyRule {
	return { id, pattern, kind: 'regex', ...extra };
}

/** Tenders and procurement: a lead that must not wait in the general queue. */
const PROCUREMENT: ClassifyRule[] = [
	...kw(
		'priority.tender',
		[
			'тендер',
			'госзакупка',
			'госзаказ',
			'закупка',
			'закупочная процедура',
			'коммерческое предложение',
			'запрос котировок',
			'электронный аукцион',
			'конкурсная документация',
			'tender',
			'procurement',
			'request for proposal',
			'request for quotation',
			'request for quote',
			'bid invitation',
			'invitation to bid',
		],
		{ setPriority: 'high', setType: 'lead', weight: 1 },
	),
	rx('priority.tender:44-ФЗ/223-ФЗ', '(?<![\\p{L}\\d])(?:44|223)\\s*[-‑–]?\\s*фз(?![\\p{L}])', {
		setPriority: 'high',
		setType: 'lead',
	}),
	rx('priority.tender:КП', '(?<![\\p{L}])(?:КП|RFP|RFQ|RFI)(?![\\p{L}])', { setPriority: 'high', setType: 'lead', caseSensitive: true }),
	rx('priority.tender:счет на оплату', 'выставит\\S*\\s+сч[её]т|прошу\\s+(?:выставить\\s+)?сч[её]т|нужен\\s+сч[её]т\\s+на\\s+оплату', {
		setPriority: 'high',
		setType: 'lead',
		weight: 0.6,
	}),
];

const URGENT: ClassifyRule[] = kw(
	'priority.urgent',
	['срочно', 'срочный', 'немедленно', 'как можно скорее', 'горит', 'urgent', 'urgently', 'asap', 'as soon as possible', 'immediately', 'emergency'],
	{ setPriority: 'high', weight: 1 },
);

/** The customer asks for a person: operator, manager, a call back. */
const HUMAN_VERBS_EN = ['speak', 'talk', 'chat', 'connect', 'transfer', 'put through', 'get', 'reach', 'contact', 'need', 'want', 'give', 'escalate', 'patch'];
const HUMAN_NOUNS_EN = [
	'agent',
	'human',
	'person',
	'someone',
	'somebody',
	'representative',
	'operator',
	'manager',
	'supervisor',
	'staff',
	'employee',
	'advisor',
	'receptionist',
	'reception',
	'front desk',
	'live chat',
	'real people',
	'anyone',
	'anybody',
];
const HUMAN_VERBS_RU = ['поговорить', 'связаться', 'соединить', 'соедините', 'переключите', 'переведите', 'позовите', 'позвать', 'пригласите', 'дайте', 'нужен', 'хочу', 'свяжите'];
const HUMAN_NOUNS_RU = ['оператор', 'менеджер', 'живой человек', 'человек', 'специалист', 'сотрудник', 'консультант', 'администратор', 'руководитель', 'начальник', 'кем-нибудь', 'кем-то'];

const WANTS_HUMAN: ClassifyRule[] = [
	...HUMAN_VERBS_EN.flatMap((v) => kw('human.ask', HUMAN_NOUNS_EN.map((n) => `${v} ${n}`), { setFlag: 'wantsHuman', weight: 1 })),
	...HUMAN_VERBS_RU.flatMap((v) => kw('human.ask', HUMAN_NOUNS_RU.map((n) => `${v} ${n}`), { setFlag: 'wantsHuman', weight: 1 })),
	...kw(
		'human.phrase',
		[
			'live agent',
			'human agent',
			'real person',
			'live person',
			'actual person',
			'human being',
			'real human',
			'customer service representative',
			'customer service agent',
			'operator please',
			'agent please',
			'human please',
			'call me back',
			'call me',
			'callback',
			'call back',
			'give me a call',
			'phone me',
			'ring me',
			'оператор',
			'живой человек',
			'живого человека',
			'живым человеком',
			'с человеком',
			'перезвоните',
			'перезвонить',
			'перезвон',
			'позвоните мне',
			'наберите меня',
			'свяжитесь со мной',
			'обратный звонок',
			'жду звонка',
			'позовите менеджера',
			'позовите',
		],
		{ setFlag: 'wantsHuman', weight: 1 },
	),
	...kw('human.weak', ['manager', 'representative', 'менеджер', 'специалист'], { setFlag: 'wantsHuman', weight: 0.4 }),
];

/** Anger, annoyance and disgust; legal threats also raise priority. */
const LEGAL: ClassifyRule[] = [
	rx('anger.legal:суд', '(?:подам|подаю|подадим|обращусь|обратимся|пойду|пойдем|иду)\\s+в\\s+суд|в\\s+суд(?:е|ебном)?(?![\\p{L}])|судебн\\p{L}*|иск(?:ом|овое)?(?![\\p{L}])', {
		setFlag: 'angry',
		setPriority: 'high',
		weight: 1,
	}),
	...kw(
		'anger.legal',
		['роспотребнадзор', 'прокуратура', 'прокурор', 'юрист', 'адвокат', 'защита прав потребителей', 'lawyer', 'attorney', 'lawsuit', 'sue you', 'prosecutor', 'chargeback', 'legal action', 'consumer protection', 'small claims court', 'better business bureau'],
		{ setFlag: 'angry', setPriority: 'high', weight: 1 },
	),
];

const ANGER_STRONG = [
	// English
	'fuck', 'fucking', 'fucked', 'shit', 'shitty', 'bullshit', 'crap', 'crappy', 'damn', 'damned', 'wtf', 'asshole', 'bastard', 'bitch',
	'idiot', 'idiots', 'idiotic', 'stupid', 'moron', 'dumb', 'pathetic', 'disgusting', 'disgusted', 'gross', 'hate', 'hated', 'hating',
	'annoying', 'annoyed', 'annoys', 'irritating', 'irritated', 'angry', 'furious', 'pissed', 'mad at', 'infuriating', 'outrageous',
	'ridiculous', 'unacceptable', 'sick of', 'tired of', 'fed up', 'shut up', 'screw you', 'how dare', 'shame on', 'cant stand',
	'ugh', 'jerk', 'loser', 'trash', 'garbage', 'nonsense', 'scumbag', 'hypocrite', 'hypocrisy', 'awful', 'horrible', 'terrible', 'worst', 'useless', 'incompetent',
	'rude', 'nasty', 'vile', 'creepy', 'sucks', 'blame', 'dare', 'yuck', 'ew', 'rage',
	// Russian
	'блять', 'бля', 'блядь', 'хуй', 'нахуй', 'охуел', 'пиздец', 'пизда', 'ебаный', 'заебали', 'сука', 'херня', 'хрень', 'говно', 'дерьмо',
	'идиот', 'дебил', 'тупой', 'придурок', 'мудак', 'козлы', 'урод', 'отвратительно', 'отвратительный', 'мерзко', 'мерзкий', 'противно',
	'безобразие', 'возмутительно', 'позор', 'надоело', 'достало', 'бесит', 'раздражает', 'раздражающий', 'ненавижу', 'ненависть', 'задолбали',
	'издевательство', 'издеваетесь', 'обманщики', 'мошенники', 'сколько можно', 'злой', 'злюсь', 'зол', 'злит', 'ужасный', 'ужасно', 'худший', 'кошмар',
	'бесполезный', 'некомпетентный', 'грубый', 'хамство', 'хам', 'тошнит', 'отстой', 'чушь', 'бред', 'заткнись', 'черт', 'проклятый', 'глупый', 'глупо',
	'нелепо', 'смешно', 'лицемер', 'раздражение', 'гадость', 'фу', 'мусор',
];

const ANGER: ClassifyRule[] = [...LEGAL, ...kw('anger.word', ANGER_STRONG, { setFlag: 'angry', weight: 1 })];

/** Advertising and scam patterns (Telegram/e-mail spam: earnings, crypto, casino, "write me in DM"). */
const SPAM: ClassifyRule[] = [
	...kw(
		'spam.phrase',
		[
			'заработок',
			'заработать',
			'доход',
			'пассивный доход',
			'без вложений',
			'удаленная работа',
			'удаленный заработок',
			'подработка',
			'набираю людей',
			'набираем людей',
			'ищу людей',
			'ищу партнеров',
			'в команду',
			'пишите в лс',
			'пиши в лс',
			'в личку',
			'в личные сообщения',
			'в лс',
			'в директ',
			'криптовалюта',
			'крипта',
			'биткоин',
			'арбитраж',
			'казино',
			'ставки',
			'выигрыш',
			'инвестиции',
			'прибыль',
			'бонус',
			'промокод',
			'раскрутка',
			'продвижение',
			'подписчики',
			'обучение бесплатно',
			'от 18 лет',
			'свободный график',
			'earn',
			'earnings',
			'make money',
			'passive income',
			'profit',
			'crypto',
			'bitcoin',
			'btc',
			'usdt',
			'forex',
			'casino',
			'betting',
			'jackpot',
			'investment opportunity',
			'work from home',
			'dm me',
			'message me',
			'contact me on whatsapp',
			'telegram',
			'whatsapp',
			'click here',
			'limited offer',
			'free money',
			'giveaway',
			'airdrop',
			'seo services',
			'increase your sales',
			'backlinks',
			'followers',
		],
		{ setFlag: 'spam', weight: 0.5 },
	),
	rx('spam.money', '(?:\\d[\\d\\s.,]*\\s?(?:\\$|usd|usdt|руб|р\\.|₽|€|тыс|к)\\s*(?:в|за|per|a|/)\\s*(?:день|неделю|сутки|час|месяц|day|week|hour|month))|(?:от|from|до|up to)\\s*\\d[\\d\\s.,]*\\s?(?:\\$|usd|usdt|руб|₽|€|тыс|k|к)(?![\\p{L}])', {
		setFlag: 'spam',
		weight: 0.8,
	}),
	rx('spam.link', '(?:https?://|www\\.|t\\.me/|wa\\.me/|bit\\.ly/)\\S+|@[a-z0-9_]{5,}', { setFlag: 'spam', weight: 0.4 }),
];

export const DEFAULT_RULES: ClassifyRule[] = [...PROCUREMENT, ...URGENT, ...WANTS_HUMAN, ...ANGER, ...SPAM];
