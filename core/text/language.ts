import type { Token } from './stem';

export type DetectedLanguage = 'ru' | 'en' | 'other';

const RU_STOP = new Set(
	'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех можно при два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между здравствуйте добрый день пожалуйста спасибо'.split(
		' ',
	),
);
const EN_STOP = new Set(
	'the a an and or but if of to in on at for with from by is are was were be been am i you he she it we they me my your our their this that these those do does did have has had not no can could would should will shall may might please hi hello thanks thank what how when where why who which there here about as so just get'.split(
		' ',
	),
);

/**
 * ru / en / other, from the script of the letters and common function words. Mixed text goes to the
 * language with more evidence; text with neither Cyrillic nor Latin letters is 'other'.
 */
export function detectLanguage(text: string, tokens?: Token[]): DetectedLanguage {
	let cyr = 0;
	let lat = 0;
	let otherLetters = 0;
	for (const ch of text) {
		if (/\p{Script=Cyrillic}/u.test(ch)) cyr++;
		else if (/[A-Za-z]/.test(ch)) lat++;
		else if (/\p{L}/u.test(ch)) otherLetters++;
	}
	if (cyr + lat === 0) return 'other';
	if (otherLetters > (cyr + lat) * 2) return 'other';
	let ruStop = 0;
	let enStop = 0;
	for (const t of tokens ?? []) {
		if (RU_STOP.has(t.word)) ruStop++;
		else if (EN_STOP.has(t.word)) enStop++;
	}
	const ruScore = cyr + ruStop * 8;
	const enScore = lat + enStop * 8;
	if (cyr === 0 && enStop === 0 && lat < 4) return 'other';
	return ruScore >= enScore ? 'ru' : 'en';
}
