import { skeleton } from './fold';

/**
 * Common diminutives and short forms → full first name. Documented in docs/nodes/DedupeContact.md.
 * Written as people write them; looked up by phonetic skeleton, so Latin spellings of the Russian
 * forms (Sasha, Sacha, Lena) work too. Only unambiguous-enough, widely used forms are listed: a
 * diminutive shared by a male and a female name maps to the male form, and the comparison treats
 * the pair "Aleksandr"/"Aleksandra" as similar, not equal.
 */
export const DIMINUTIVES: Readonly<Record<string, readonly string[]>> = {
	// Russian
	Александр: ['Саша', 'Саня', 'Шура', 'Санёк', 'Сашка', 'Алекс', 'Alex', 'Alexander', 'Aleksander'],
	Алексей: ['Лёша', 'Алёша', 'Лёха', 'Алекша'],
	Анатолий: ['Толя', 'Толик'],
	Андрей: ['Андрюша', 'Андрюха'],
	Анна: ['Аня', 'Анюта', 'Нюра', 'Ann', 'Anne', 'Annie'],
	Анастасия: ['Настя', 'Настёна', 'Стася'],
	Борис: ['Боря'],
	Вадим: ['Вадик'],
	Валентина: ['Валя'],
	Валерий: ['Валера'],
	Василий: ['Вася'],
	Виктор: ['Витя'],
	Виктория: ['Вика'],
	Владимир: ['Вова', 'Володя', 'Вовка'],
	Владислав: ['Влад', 'Владик', 'Слава'],
	Вячеслав: ['Славик'],
	Галина: ['Галя'],
	Геннадий: ['Гена'],
	Георгий: ['Жора', 'Гоша'],
	Григорий: ['Гриша'],
	Дарья: ['Даша'],
	Денис: ['Дениска'],
	Дмитрий: ['Дима', 'Митя', 'Димон'],
	Евгений: ['Женя', 'Евген'],
	Екатерина: ['Катя', 'Катюша', 'Kate', 'Katie', 'Catherine', 'Katherine', 'Kathryn'],
	Елена: ['Лена', 'Helen', 'Helena', 'Ellen'],
	Елизавета: ['Лиза', 'Элизабет', 'Elizabeth', 'Liz', 'Lizzie', 'Beth', 'Betty', 'Eliza'],
	Иван: ['Ваня', 'Ванюша'],
	Игорь: ['Игорёк'],
	Ирина: ['Ира', 'Иришка'],
	Константин: ['Костя'],
	Ксения: ['Ксюша'],
	Леонид: ['Лёня'],
	Людмила: ['Люда', 'Мила'],
	Максим: ['Макс', 'Max'],
	Маргарита: ['Рита', 'Margaret', 'Maggie', 'Peggy'],
	Мария: ['Маша', 'Маруся', 'Mary', 'Maria', 'Marie'],
	Михаил: ['Миша', 'Michael', 'Mike', 'Mick', 'Mickey'],
	Надежда: ['Надя'],
	Наталья: ['Наташа', 'Натали', 'Natalie'],
	Николай: ['Коля', 'Nicholas', 'Nick', 'Nicky'],
	Никита: ['Никитос'],
	Ольга: ['Оля'],
	Павел: ['Паша', 'Paul'],
	Пётр: ['Петя', 'Peter', 'Pete'],
	Роман: ['Рома'],
	Светлана: ['Света'],
	Сергей: ['Серёжа', 'Серёга'],
	Станислав: ['Стас'],
	Степан: ['Стёпа', 'Stephen', 'Steven', 'Steve'],
	Татьяна: ['Таня'],
	Юлия: ['Юля'],
	Юрий: ['Юра'],
	Яков: ['Яша', 'Jacob', 'Jake'],
	// English
	Robert: ['Rob', 'Robbie', 'Bob', 'Bobby', 'Bert'],
	William: ['Will', 'Willie', 'Bill', 'Billy', 'Liam'],
	Richard: ['Rich', 'Rick', 'Ricky', 'Dick'],
	James: ['Jim', 'Jimmy', 'Jamie'],
	Joseph: ['Joe', 'Joey'],
	Thomas: ['Tom', 'Tommy'],
	Charles: ['Charlie', 'Chuck'],
	Christopher: ['Chris', 'Kit'],
	Daniel: ['Dan', 'Danny'],
	Matthew: ['Matt'],
	Anthony: ['Tony'],
	Andrew: ['Andy', 'Drew'],
	Edward: ['Ed', 'Eddie', 'Ted', 'Teddy'],
	Samuel: ['Sam', 'Sammy'],
	Benjamin: ['Ben', 'Benny'],
	Jonathan: ['Jon'],
	Timothy: ['Tim', 'Timmy'],
	Patrick: ['Pat', 'Paddy'],
	Frederick: ['Fred', 'Freddie'],
	Harold: ['Harry', 'Hal'],
	Henry: ['Hank'],
	Lawrence: ['Larry'],
	Ronald: ['Ron', 'Ronnie'],
	Donald: ['Don', 'Donnie'],
	Gregory: ['Greg'],
	Jeffrey: ['Jeff'],
	Kenneth: ['Ken', 'Kenny'],
	Nathan: ['Nate'],
	Nathaniel: ['Nat'],
	Zachary: ['Zach', 'Zack'],
	Jennifer: ['Jen', 'Jenny'],
	Jessica: ['Jess', 'Jessie'],
	Rebecca: ['Becky', 'Becca'],
	Susan: ['Sue', 'Susie'],
	Deborah: ['Debbie', 'Deb'],
	Patricia: ['Patty', 'Trish'],
	Victoria: ['Vicky', 'Tori'],
	Alexandra: ['Alexa', 'Lexi'],
	Samantha: ['Sammie'],
	Abigail: ['Abby'],
	Dorothy: ['Dot', 'Dottie'],
	Amanda: ['Mandy'],
	Christine: ['Chrissy', 'Christina', 'Tina'],
};

/** Skeleton of a form → skeleton of the full name (built once from the constant table, never mutated). */
const CANONICAL: ReadonlyMap<string, string> = (() => {
	const map = new Map<string, string>();
	for (const [full, forms] of Object.entries(DIMINUTIVES)) {
		const target = skeleton(full);
		for (const form of forms) {
			const key = skeleton(form);
			if (!map.has(key)) map.set(key, target);
		}
	}
	return map;
})();

/** Full-name skeleton for a first name in any script ("Саша", "Sasha" → "aleksandr"). */
export function canonicalFirstName(name: string): string {
	const s = skeleton(name);
	return CANONICAL.get(s) ?? s;
}

/** True when the word is a known first name or diminutive in the table. */
export function isKnownFirstName(name: string): boolean {
	const s = skeleton(name);
	return CANONICAL.has(s) || KNOWN_FULL.has(s);
}

const KNOWN_FULL: ReadonlySet<string> = new Set(Object.keys(DIMINUTIVES).map((n) => skeleton(n)));
