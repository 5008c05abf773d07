import type { TriggerId } from './schema';

/**
 * What the bot tells the customer at handoff, and what the person who takes over could say first.
 * Varied by the main reason and the language, chosen deterministically from the conversation text
 * (the same input always gets the same words, different customers get different ones).
 */

export type Language = 'ru' | 'en';

/** FNV-1a 32-bit: a stable pick among variants, no randomness. */
export function stableHash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

function pick<T>(variants: readonly T[], seed: string): T {
	return variants[stableHash(seed) % variants.length];
}

const OPENERS: Record<Language, Record<TriggerId | 'default', readonly string[]>> = {
	ru: {
		human_request: ['Конечно, подключаю живого специалиста.', 'Хорошо, передаю ваш вопрос сотруднику.', 'Поняла вас — сейчас с вами свяжется человек из нашей команды.'],
		anger: [
			'Мне очень жаль, что так вышло. Передаю разговор старшему специалисту — он разберётся лично.',
			'Понимаю, насколько это неприятно. Подключаю сотрудника, который сможет решить вопрос.',
			'Извините за доставленные неудобства. Вашим обращением займётся человек, а не бот.',
		],
		complaint: [
			'Спасибо, что сообщили о проблеме. Передаю обращение специалисту, чтобы разобраться по существу.',
			'Жаль, что так получилось. Вашу жалобу рассмотрит сотрудник лично.',
		],
		vip: ['Сейчас подключу вашего менеджера — он ответит лично.', 'Передаю ваш вопрос персональному менеджеру.'],
		loop: [
			'Похоже, я не могу вам помочь так, как нужно. Подключаю сотрудника.',
			'Кажется, мы ходим по кругу — извините. Дальше вам поможет специалист.',
		],
		low_confidence: ['Хочу, чтобы ответ был точным, поэтому передаю вопрос специалисту.', 'Этот вопрос лучше решит сотрудник — передаю ему переписку.'],
		repeat_contact: [
			'Вижу, что вы обращаетесь не в первый раз — извините, что вопрос до сих пор не решён. Подключаю специалиста.',
			'Вы уже писали нам по этому поводу. Передаю разговор сотруднику, чтобы решить вопрос окончательно.',
		],
		bot_failure: ['Извините, у меня произошёл сбой. Передаю разговор сотруднику.', 'Простите, я не смог обработать запрос. Вам ответит человек.'],
		default: ['Передаю разговор специалисту.'],
	},
	en: {
		human_request: ['Sure, I am bringing in a member of our team.', 'Of course — I am passing you to a person now.', 'Got it, a human from our team will take it from here.'],
		anger: [
			'I am really sorry about this. I am handing the conversation to a senior specialist who will sort it out personally.',
			'I understand how frustrating this is. A member of our team will take over now.',
			'Sorry for the trouble. A person, not a bot, will handle this from here.',
		],
		complaint: ['Thank you for telling us. I am passing your complaint to a specialist to look into it properly.', 'Sorry this happened. A member of our team will review your complaint personally.'],
		vip: ['I am bringing in your account manager to answer personally.', 'Let me pass this to your personal manager.'],
		loop: ['It looks like I cannot help the way you need. I am bringing in a colleague.', 'Sorry, we seem to be going in circles. A specialist will help you from here.'],
		low_confidence: ['I want to get this right, so I am passing your question to a specialist.', 'A member of our team is better placed to answer this — passing it on.'],
		repeat_contact: [
			'I can see this is not the first time you have contacted us — sorry it is still not solved. A specialist will take over.',
			'You have written to us about this before. I am passing it to a person to settle it for good.',
		],
		bot_failure: ['Sorry, something went wrong on my side. A member of our team will take over.', 'Apologies, I could not process that. A person will reply to you.'],
		default: ['I am passing the conversation to a specialist.'],
	},
};

const ONLINE: Record<Language, readonly string[]> = {
	ru: ['Ответ придёт здесь же, обычно в течение нескольких минут.', 'Сотрудник напишет вам в этот чат в ближайшие минуты.', 'Оставайтесь в чате — вам ответят совсем скоро.'],
	en: ['You will get a reply right here, usually within a few minutes.', 'They will write to you in this chat shortly.', 'Please stay in the chat — someone will be with you soon.'],
};

export interface OfflineInfo {
	/** "завтра в 09:00" */
	when?: string;
	/** "09:00–18:00" */
	hours: string;
	hasPhone: boolean;
}

function offline(language: Language, info: OfflineInfo, seed: string): string {
	const when = info.when ?? (language === 'ru' ? 'в начале рабочего дня' : 'at the start of the next working day');
	const phoneAsk =
		language === 'ru'
			? info.hasPhone
				? 'Перезвоним по номеру, который у нас есть, или напишем сюда — как вам удобнее?'
				: 'Оставьте, пожалуйста, номер телефона, и мы перезвоним.'
			: info.hasPhone
				? 'We can call you back on the number we have, or reply here — whichever suits you.'
				: 'Please leave a phone number and we will call you back.';
	const variants =
		language === 'ru'
			? [
					`Честно скажу: сейчас сотрудников нет на связи, они работают ${info.hours}. Ваш вопрос уже у них, ответим ${when}. ${phoneAsk}`,
					`Сейчас нерабочее время (${info.hours}), поэтому человек ответит ${when}. Переписка сохранена, повторять ничего не придётся. ${phoneAsk}`,
				]
			: [
					`To be honest, nobody from the team is online right now (hours: ${info.hours}). Your request is already with them and we will reply ${when}. ${phoneAsk}`,
					`It is outside working hours (${info.hours}), so a person will reply ${when}. The conversation is saved, so you will not need to repeat anything. ${phoneAsk}`,
				];
	return pick(variants, `${seed}|offline`);
}

/** The message the bot sends the customer at handoff. */
export function customerReply(
	main: TriggerId | undefined,
	language: Language,
	seed: string,
	online: boolean,
	offlineInfo: OfflineInfo,
): string {
	const opener = pick(OPENERS[language][main ?? 'default'], `${seed}|${main}`);
	const tail = online ? pick(ONLINE[language], `${seed}|online`) : offline(language, offlineInfo, seed);
	return `${opener} ${tail}`;
}

/** A first message for the person who takes over: acknowledges the wait and the issue. */
export function suggestedFirstReply(
	main: TriggerId | undefined,
	language: Language,
	seed: string,
	facts: { name?: string; orderNumbers: string[] },
	online: boolean,
): string {
	const hello = language === 'ru' ? `Здравствуйте${facts.name ? `, ${facts.name}` : ''}!` : `Hello${facts.name ? ` ${facts.name}` : ''}!`;
	const order = facts.orderNumbers[0];
	const ctx =
		language === 'ru'
			? order
				? `Я вижу вашу переписку по заказу ${order}`
				: 'Я прочитал(а) вашу переписку с ботом'
			: order
				? `I can see your conversation about order ${order}`
				: 'I have read your conversation with our bot';
	const wait =
		language === 'ru'
			? online
				? 'Спасибо, что подождали.'
				: 'Извините, что пришлось ждать до начала рабочего дня.'
			: online
				? 'Thank you for waiting.'
				: 'Sorry you had to wait until we opened.';
	const byReason: Record<Language, Partial<Record<TriggerId, readonly string[]>>> = {
		ru: {
			anger: ['Мне очень жаль, что так вышло, — разберусь лично и доведу до решения.', 'Понимаю ваше недовольство и беру вопрос на себя.'],
			complaint: ['Разберусь в ситуации и вернусь с решением.', 'Беру вашу жалобу в работу лично.'],
			repeat_contact: ['Извините, что вопрос до сих пор не решён, — на этот раз доведу его до конца.'],
			loop: ['Извините, что бот не смог помочь, — дальше общаемся напрямую.'],
		},
		en: {
			anger: ['I am truly sorry about this and I will personally see it through.', 'I understand your frustration and I am taking this on myself.'],
			complaint: ['I will look into what happened and come back with a solution.', 'I am handling your complaint personally.'],
			repeat_contact: ['Sorry this is still not solved — this time I will see it through.'],
			loop: ['Sorry the bot could not help — you are talking to me directly now.'],
		},
	};
	const generic = language === 'ru' ? ['Чем могу помочь?', 'Давайте решим ваш вопрос.'] : ['How can I help?', 'Let us sort this out.'];
	const line = pick(byReason[language][main as TriggerId] ?? generic, `${seed}|first`);
	return `${hello} ${wait} ${ctx}. ${line}`;
}
