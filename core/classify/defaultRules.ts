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
	rx('priority.tender:44-ФЗ/223-ФЗ', '(?<![\\p{L}\\d])(?:44|223)\\s*(?:[-‑–]\\s*)?фз(?![\\p{L}])', {
		setPriority: 'high',
		setType: 'lead',
	}),
	// "КП" or an invoice alone is not high (a routine invoice on a contract, or a spam offer, also says it):
	// they point to a lead; the size of the deal (core/text/quantity.ts) or a tender makes it high
	rx('lead.tender:КП', '(?<![\\p{L}])КП(?![\\p{L}])', { setType: 'lead', caseSensitive: true }),
	rx('priority.tender:RFP', '(?<![\\p{L}])(?:RFP|RFQ|RFI)(?![\\p{L}])', { setPriority: 'high', setType: 'lead', caseSensitive: true }),
	rx('lead.tender:счет на оплату', '(?<!выставит\\S*?)выставит\\S*\\s+сч[её]т|прошу\\s+(?:выставить\\s+)?сч[её]т|нужен\\s+сч[её]т\\s+на\\s+оплату', {
		setType: 'lead',
		weight: 0.6,
	}),
];

/**
 * A research question that mentions tenders is not a purchase (issue 22): who writes (a student, a journalist, a
 * researcher) or what for (a thesis, an article, a survey, statistics). They matter only beside tender words:
 * core/classify/index.ts then drops the tender rules and the message is a question, unless it also invites
 * to a purchase or asks for an offer; without tender words they are dropped.
 */
export const RESEARCH_RULE = 'context.research';
const RESEARCH: ClassifyRule[] = kw(
	RESEARCH_RULE,
	[
		'студент|студентка|студенты|аспирант|аспирантка|магистрант|журналист|журналистка|исследователь|корреспондент',
		'диплом|дипломная|дипломную|курсовая|курсовую|курсовой|диссертация|диссертацию|диссертации|реферат',
		'статья|статью|статьи|исследование|исследования|исследую|статистика|статистику|статистики|анкета|анкеты|анкету|опрос|интервью',
		'student|students|journalist|journalists|researcher|researchers|reporter',
		'thesis|dissertation|coursework|article|research|researching|survey|statistics|interview',
	],
	{ setType: 'question', weight: 1, typos: false },
);

/**
 * We did something wrong (issue 22 pattern 9): a defect, a shortage, a wrong item, a late delivery, a wrong or
 * double charge, rudeness, an unkept promise, or dissatisfaction said outright. Each cue nudges the type to
 * complaint (two of them settle it); a complaint the model proposes without any of them, or anger, is not
 * confirmed (core/classify/index.ts, `complaint_unconfirmed`).
 */
export const GRIEVANCE_RULE = 'complaint.grievance';
const GRIEVANCE: ClassifyRule[] = kw(
	GRIEVANCE_RULE,
	[
		// defect, damage
		'брак|бракованный|бракованная|бракованные|дефект|дефектом',
		'сломан|сломана|сломался|сломалась|сломали|разбит|разбита|разбили|порван|порвана|порванной|порвали|поврежден|повреждена|повреждены|поцарапан|поцарапанный|треснул|протекает|течет|испорчен|испорчена|испортили|просрочен|просроченные|просроченный',
		'не =включается',
		'broken|damaged|defective|faulty|torn|scratched|cracked|leaking|leaks|dented|spoiled|expired|ruined|soaked|=wet',
		// lost or spoilt on the way, not as described (tenth session)
		'потеряли|потерять|потеряна|потерян|утеряна|утеряли|промок|промокла|промокли|промокло|намокли|намокла',
		'не =соответствует',
		'=lost|=not =as =described',
		// shortage, wrong item
		'не =хватает',
		'недовложение|недостача|недокомплект|неполный|неполная',
		'не =тот|=ту|=те|=того|перепутали|чужой',
		'missing|incomplete|=wrong',
		// late beyond the promise
		'опоздал|опоздала|опоздали|опоздание|задерживается|задерживают|задержка|задержали|сорвали',
		'=late|delayed|overdue',
		'должен =был|=была|=было|=были =приехать|=прийти|=прибыть|=быть|=доставить',
		'срок =истек|=прошел',
		'=supposed =to =arrive|=be',
		'=never arrived|came',
		'не =пришел|=пришла|=пришло|=пришли|=приехал|=приехала|=привезли|=доставили',
		'до сих пор',
		'так и =не',
		'не =можем|=могу =получить|=дождаться',
		'=hasnt|=didnt|=not =arrived|=arrive|=come|=came',
		// wrong or double charge
		'дважды|=лишнее|=лишние',
		'=списали',
		'=twice|overcharged|overcharge',
		// rudeness, unkept promises, nobody answers
		'нахамил|нахамила|нахамили|хамство|грубо|грубил|грубила',
		'rude|rudely',
		'обещали|обещал|обещала',
		'promised',
		'никто не =отвечает|=отвечают|=перезвонил|=перезвонили',
		'nobody =answers|=answered|=replied|=responds|=called',
		// dissatisfaction said outright
		'недоволен|недовольна|недовольны|разочарован|разочарована|жалоба|жалобу|пожаловаться|претензия|претензию',
		'dissatisfied|unhappy|disappointed|complaint|complain|unacceptable',
	],
	{ setType: 'complaint', weight: 0.5, typos: false },
);

/**
 * Actions on what the customer already has (tenth session): an appointment, a booking change, an exchange, a copy
 * of a document. Half a cue each: "записаться на приём" is a service request; "заказать 40 стульев" stays a lead.
 */
const SERVICE_ACTIONS: ClassifyRule[] = kw(
	'service.action',
	[
		'записаться|запишите|запись|записать',
		'перенести|перенесите|перенос =запись|=визит|=прием|=бронь|=доставку',
		'appointment|reschedule',
		'поздний =выезд|ранний =заезд',
		'=late =checkout|=early =check-in|=extra =bed',
		'обменять|обмен =на',
		'=exchange =for|=the',
		'копию =договора|=счета|=акта|акт =сверки|закрывающие =документы|дубликат',
		'=copy =of =our|=the|=my',
	],
	{ setType: 'service_request', weight: 0.5, typos: false },
);

/** Short price requests are leads (pattern 8): "цена?", "пришлите прайс", "сколько стоит установка". */
const PRICE: ClassifyRule[] = [
	rx('lead.price', '^(?=[\\s\\S]{0,90}$)[\\s\\S]*(?<![\\p{L}])(?:цен[аыуе]|прайс\\p{L}*|стоимост\\p{L}*|сколько\\s+стоит|сколько\\s+будет\\s+стоить|скидк\\p{L}*|почем|price\\p{L}*|pricing|how much|quote|quotation)(?![\\p{L}])', {
		setType: 'lead',
		weight: 1,
	}),
];

/** A formal claim, a police report or a court claim: high, whether or not written in anger (pattern 7). */
const CLAIMS: ClassifyRule[] = [
	rx('priority.claim', '(?<![\\p{L}])(?:претензи\\p{L}*|заявлени\\p{L}*\\s+в\\s+полици\\p{L}*|исков\\p{L}*\\s+заявлени\\p{L}*|арбитражн\\p{L}*\\s+суд\\p{L}*|police report|court claim|formal complaint|statement of claim)', {
		setPriority: 'high',
	}),
];

/**
 * A key client saying so, and an outage that stops a business (pattern 7, tenth session): high. The outage needs
 * both a failure and what it stops (tills, stores, payments, customers, "critical"), in the first 3,000 characters;
 * a home router that does not work is not one.
 */
const OUTAGE_FAILURE = String.raw`(?:не\s+работа\p{L}*|не\s+открыва\p{L}*|не\s+проход\p{L}*|не\s+можем|упал\p{L}*|лежит|легл\p{L}*|offline|(?:is|are|went)\s+down|outage|not\s+working|cannot|can['’]?t)`;
const OUTAGE_IMPACT = String.raw`(?:касс\p{L}*|терминал\p{L}*|магазин\p{L}*|филиал\p{L}*|продажи|производств\p{L}*|простаива\p{L}*|клиенты\s+не|сотрудники\s+не|критичн\p{L}*|последний\s+день|critical|customers\s+(?:cannot|can['’]?t)|stores|terminals|POS|checkout|payment\s+gateway|production|revenue)`;
const KEY_CLIENT: ClassifyRule[] = [
	rx(
		'priority.key_client',
		'(?<![\\p{L}])(?:(?:vip|вип)[-\\s]?(?:клиент|client|customer|статус|status|account|аккаунт)\\p{L}*|ключев\\p{L}*\\s+клиент\\p{L}*|крупнейш\\p{L}*\\s+клиент\\p{L}*|key\\s+(?:account|client|customer)s?|(?:platinum|premier)\\s+(?:client|customer|account|member)s?)',
		{ setPriority: 'high' },
	),
	rx('priority.outage', `^(?=[\\s\\S]{0,3000}?${OUTAGE_FAILURE})(?=[\\s\\S]{0,3000}?(?<![\\p{L}])${OUTAGE_IMPACT})[\\s\\S]{0,80}`, { setPriority: 'high' }),
];

const URGENT: ClassifyRule[] = kw(
	'priority.urgent',
	['срочно', 'срочный', 'немедленно', 'как можно скорее', 'горит', 'urgent', 'urgently', 'asap', 'as soon as possible', 'immediately', 'emergency'],
	{ setPriority: 'high', weight: 1 },
);

/*
 * Requests for a person are not rules here: Classify's wantsHuman and Escalate's trigger use one detector,
 * core/text/humanRequest.ts (a grammar of ask/want/connect + a person or team, with refusals in negation scope).
 */

/*
 * Anger, annoyance, disgust and legal threats are not rules here: Classify's angry flag and Escalate's anger
 * trigger use one detector, core/text/anger.ts (its lexicon: core/text/angerWords.ts).
 */

/** Advertising and scam patterns (Telegram/e-mail spam: earnings, crypto, casino, "write me in DM"). */
const SPAM: ClassifyRule[] = [
	// strong on their own: recruiting into "easy money", DM calls, scams
	...kw(
		'spam.strong',
		[
			'без вложений',
			'пассивный доход',
			'в =директ',
			'подробности в лс',
			'подробности в личке',
			'кому интересно пишите',
			'кому интересно пиши',
			'набираю людей',
			'набираем людей',
			'набор в команду',
			'ищу людей в команду',
			'нужны люди для',
			'требуются люди',
			'ищу партнеров',
			'обучение бесплатно',
			'обучу бесплатно',
			'бесплатное обучение',
			'от 18 лет',
			'свободный график',
			'удаленный заработок',
			'заработок в интернете',
			'прибыль от',
			'стабильный доход',
			'быстрый заработок',
			'онлайн казино',
			'казино',
			'фриспины',
			'крипто арбитраж',
			'арбитраж трафика',
			'p2p арбитраж',
			'связка',
			'накрутка',
			'займ без проверки',
			'free spins',
			'passive income',
			'make money',
			'earn money',
			'click here',
			'claim your prize',
			'you won',
			'investment opportunity',
			'guaranteed profit',
			'airdrop',
			'work from home',
			'no experience needed',
			'нужны люди',
			'ищу людей',
			// couriers are what customers of any delivery write about; only the job offer is spam
			'нужны курьеры',
			'требуются курьеры',
			'ищем курьеров',
			'работа курьером',
			'ищу ответственных',
			'кто хочет зарабатывать',
			'кто хочет заработать',
			'хочешь зарабатывать',
			'оплата каждый день',
			'оплата ежедневно',
			'выплаты ежедневно',
			'работа на дому',
			'без опыта',
			'обучаю',
			'ставь плюс',
			'пиши плюс',
			'пишите плюс',
			'ссылка в профиле',
			'ссылка в описании',
			'переходи в профиль',
			'вывод на карту',
			'крипта с нуля',
			'закладки',
			'интим',
			'знакомства',
			// exact verb: the stem 'прод' prefix also starts 'продлите аккаунт' (extend my account)
			'=продам|=продаю аккаунты',
			'подробности в профиле',
			'looking for people',
			'interested persons',
			'serious people',
			'i will teach you',
			'teach you how to earn',
			'crypto trading',
			'message me for',
			'financial freedom',
			// money mules ("drops"), cashing out, personal-data lookup, binary options, private-message lures
			'ищу дропов',
			'нужны дропы',
			'=обнал',
			'=пробив',
			'=пробив по номеру',
			'binary options',
			'guaranteed profit',
			// accounts, followers, fake documents, betting and "fund recovery" scams
			'куплю аккаунты',
			'selling accounts',
			'buy followers',
			'vip channel',
			'betting tips',
			'закрытый канал',
			'сигналы по крипте',
			'recover scammed',
			'recovery expert',
			'справки любой',
			'медкнижки',
			'extra income',
			'side income',
		],
		{ setFlag: 'spam', weight: 1, typos: false },
	),
	// weak: common in spam, also in ordinary talk; need a second cue
	...kw(
		'spam.weak',
		[
			'заработок',
			'заработать',
			// exact forms: 'доход' is also the stem of 'доходят' ("документы не доходят")
			'=доход|=дохода|=доходы|=доходом|=доходов|=доходе',
			'удаленная работа',
			'удаленка',
			'подработка',
			'в команду',
			// a call to write in private is how spam ends, and also how a member offers help ("dm me your logs"):
			// it needs a second cue
			'в лс',
			'в личку',
			'в личные сообщения',
			'dm me',
			'pm me',
			'inbox me',
			'криптовалюта',
			'крипта',
			'биткоин',
			// exact: 'арбитражный суд' is a court
			'=арбитраж|=арбитража|=арбитраже',
			'ставки',
			'выигрыш',
			'инвестиции',
			'прибыль',
			'бонус',
			'промокод',
			'раскрутка',
			'подписчики',
			'бесплатно',
			'ежедневно',
			// ordinary in customers' and partners' messages, spam-like only with another cue
			'заработок на',
			'доход от',
			'занятость',
			'сотрудничество',
			'within 24 hours',
			'for more info',
			'earn',
			'earnings',
			'profit',
			'crypto',
			'bitcoin',
			'btc',
			'usdt',
			'forex',
			'casino',
			'jackpot',
			'telegram',
			'whatsapp',
			'limited offer',
			'free money',
			'giveaway',
			'seo services',
			'backlinks',
			'=followers',
			'=дропы|=дропов|=дроп',
			'обналичка',
			'business proposal',
			// a customer on a public page may ask for a private message too: half weight
			'write me in private',
			'message me in private',
			'text me in private',
			'weekly returns',
			'daily returns',
			'bonus',
			'сигналы',
			'signals',
			'справки',
		],
		{ setFlag: 'spam', weight: 0.5, typos: false },
	),
	// talk about spam (a warning, a request to the admins) is not spam; the stems cover 'спамеры', 'спамят', 'spammers'
	...kw('spam.talk', ['спам', 'spam', 'не ведитесь', 'report and block'], {
		setFlag: 'spam',
		weight: -1,
		typos: false,
	}),
	rx('spam.money', '(?<!\\d[\\d\\s.,]*?)\\d[\\d\\s.,]*\\s?(?:\\$|usd|usdt|руб\\p{L}*|р\\.|₽|€|тыс\\.?|k|к)\\s*(?:в|за|per|a|an|/)\\s*(?:день|неделю|сутки|час|месяц|day|week|hour|month)', {
		setFlag: 'spam',
		weight: 1,
	}),
	// "от 5000 ₽", "up to $300": weak alone (a customer's budget "до 250 тыс" is no spam), evidence with another cue
	// a customer's budget ("бюджет до 250 тыс") is not an earnings promise
	rx('spam.money:range', '(?<!(?:бюджет|budget)\\p{L}*[\\s:,-]+(?:\\p{L}+\\s+)?)(?:от|from|до|up to)\\s*\\d[\\d\\s.,]*\\s?(?:\\$|usd|usdt|руб|₽|€|тыс|k|к)(?![\\p{L}])', {
		setFlag: 'spam',
		weight: 0.5,
	}),
	// Spam without links or keywords (issue 22 pattern 3): advance-fee letters, business loans, token pitches,
	// cold offers of services, paid seminars. Each cue is weak (0.5); two of them, or one and the model, make spam.
	...kw(
		'spam.scam',
		[
			'barrister', 'next of kin', 'beneficiary', 'inheritance', 'late husband', 'fortune', 'compensation', 'processing fee', 'unpaid customs fee',
			'donate', 'million dollars|euros|usd', 'вдова', 'наследство', 'наследства', 'миллионов долларов', 'ваши данные', '=получите',
		],
		{ setFlag: 'spam', weight: 0.5, typos: false },
	),
	...kw(
		'spam.crypto',
		['memecoin', 'token presale', 'airdrop', '100x', 'binance', 'liquidity', 'crypto signals', 'криптовалюта', 'токен', 'монета'],
		{ setFlag: 'spam', weight: 0.5, typos: false },
	),
	...kw(
		'spam.offer',
		[
			'we help companies', 'reaching out', '=agency', 'intro call', 'open to a call', 'right person', 'book a demo', 'lead generation', 'outsourcing',
			'предварительно одобрен', 'одобрен кредит', 'овердрафт', 'кредит для бизнеса', 'бизнес-кредит', 'лизинг без', 'без первого взноса',
			'предлагаем услуги', 'наша компания предлагает', 'seo-продвижение', 'продвижение сайта',
		],
		{ setFlag: 'spam', weight: 0.5, typos: false },
	),
	...kw(
		'spam.seminar',
		['семинар', 'вебинар', 'интенсив', 'курс повышения квалификации', 'записывайтесь', 'рассылка', 'дайджест', 'webinar', 'seminar', 'masterclass', 'мастер-класс'],
		{ setFlag: 'spam', weight: 0.5, typos: false },
	),
	// Phishing: a code, a payment by a link or documents asked for under a threat or in an authority's name.
	// A customer reports a code or asks for a payment link; it does not tell us to give one.
	rx(
		'spam.phishing',
		'(?:сообщите|назовите|продиктуйте|отправьте)\\s+(?:\\p{L}+\\s+){0,2}код|оплатите\\s+(?:[\\p{L}\\d₽$.,]+\\s+){0,4}по\\s+ссылке|во\\s+избежание\\s+блокировки|подтвердите\\s+(?:\\p{L}+\\s+){0,2}(?:данные|адрес|карт\\p{L}*|реквизиты)\\s+(?:\\p{L}+\\s+){0,2}(?:оплатите|перейдите)|(?:send|provide)\\s+(?:\\p{L}+\\s+){0,3}(?:passport|bank details|card details)|(?:reconfirm|verify)\\s+your\\s+(?:bank|card)\\s+details|consignment\\s+box',
		{ setFlag: 'spam', weight: 1 },
	),
	...kw('spam.phishing', ['служба безопасности банка', 'security department of the bank'], { setFlag: 'spam', weight: 0.5, typos: false }),
	// Cold offers of marketing, leads or recruiting to the company (the company is the one being sold to).
	rx(
		'spam.offer:growth',
		'(?:увелич\\p{L}*|удво\\p{L}*|утро\\p{L}*|increase|double|boost)\\s+(?:\\p{L}+\\s+){0,2}(?:количеств\\p{L}*\\s+|поток\\p{L}*\\s+|число\\s+)?(?:заявок|клиентов|лидов|продаж|трафик\\p{L}*|your\\s+(?:sales|leads|traffic|revenue))',
		{ setFlag: 'spam', weight: 0.5 },
	),
	...kw('spam.offer', ['подбор персонала', 'подбираем персонал', 'размещение рекламы', 'guest posts', 'first page of google', 'кейсы пришлем'], {
		setFlag: 'spam',
		weight: 0.5,
		typos: false,
	}),
	// a bare domain on a free or throwaway zone ("nalog-oplata-lk.ru"), not an e-mail address
	rx('spam.link:domain', '(?<![\\w@.-])[a-z0-9-]+-[a-z0-9-]+\\.(?:ru|com|net|org|info|online|site|xyz|top|pro|biz|shop|store|click|link)(?![\\w.])', { setFlag: 'spam', weight: 0.4 }),
	rx('spam.link', '(?:https?://|www\\.|t\\.me/|wa\\.me/|bit\\.ly/)\\S+|(?<![\\w.])@[a-z0-9_]{5,}', { setFlag: 'spam', weight: 0.4 }),
	rx('spam.emoji', '(?:[\\u{1F4B0}\\u{1F4B8}\\u{1F4B5}\\u{1F4B2}\\u{1F911}\\u{1F525}\\u{2705}\\u{2757}\\u{1F680}\\u{1F48E}\\u{26A1}\\u{1F449}\\u{2714}\\u{1F4C8}\\u{1F381}][\\s\\S]*){3,}', {
		setFlag: 'spam',
		weight: 0.5,
	}),
];

export const DEFAULT_RULES: ClassifyRule[] = [...PROCUREMENT, ...RESEARCH, ...GRIEVANCE, ...SERVICE_ACTIONS, ...PRICE, ...CLAIMS, ...KEY_CLIENT, ...URGENT, ...SPAM];
