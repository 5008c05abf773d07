import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ValueError } from '../../../core/route';
import { isWithinHours, localClock, parseWorkingHours } from '../../../core/route/hours';

const at = (week: ReturnType<typeof parseWorkingHours>, weekday: number, hhmm: string) => {
	const [h, m] = hhmm.split(':').map(Number);
	return isWithinHours(week, weekday, h * 60 + m);
};

describe('working hours', () => {
	it('compact text: from is inside, to is outside', () => {
		const w = parseWorkingHours('Mon-Fri 09:00-18:00');
		assert.equal(at(w, 1, '09:00'), true);
		assert.equal(at(w, 1, '17:59'), true);
		assert.equal(at(w, 1, '18:00'), false);
		assert.equal(at(w, 1, '08:59'), false);
		assert.equal(at(w, 5, '12:00'), true);
		assert.equal(at(w, 6, '12:00'), false);
		assert.equal(at(w, 7, '12:00'), false);
	});

	it('several segments, lunch breaks, day lists, Russian day names', () => {
		const w = parseWorkingHours('Mon,Wed 09:00-13:00, 14:00-18:00; Sat 10:00-14:00');
		assert.equal(at(w, 1, '13:30'), false);
		assert.equal(at(w, 3, '14:00'), true);
		assert.equal(at(w, 2, '10:00'), false);
		assert.equal(at(w, 6, '10:00'), true);
		const ru = parseWorkingHours('Пн-Пт 09:00-18:00\nСб 10:00-12:00');
		assert.equal(at(ru, 5, '10:00'), true);
		assert.equal(at(ru, 6, '11:00'), true);
		assert.equal(at(ru, 7, '11:00'), false);
	});

	it('a range past midnight continues into the next day (Sunday wraps to Monday)', () => {
		const w = parseWorkingHours('Sun 22:00-06:00');
		assert.equal(at(w, 7, '23:00'), true);
		assert.equal(at(w, 1, '05:59'), true);
		assert.equal(at(w, 1, '06:00'), false);
		assert.equal(at(w, 6, '23:00'), false);
	});

	it('object by day, list of texts, JSON text, 24/7 and empty', () => {
		const o = parseWorkingHours({ mon: '09:00-18:00', sat: ['10:00-12:00', '13:00-15:00'], sun: 'off' });
		assert.equal(at(o, 1, '09:30'), true);
		assert.equal(at(o, 6, '12:30'), false);
		assert.equal(at(o, 6, '14:00'), true);
		assert.equal(at(o, 7, '14:00'), false);
		assert.equal(at(parseWorkingHours(['Mon-Fri 09:00-18:00', 'Sat 10:00-14:00']), 6, '11:00'), true);
		assert.equal(at(parseWorkingHours('{"tue":"08:00-24:00"}'), 2, '23:59'), true);
		assert.equal(parseWorkingHours('24/7'), null);
		assert.equal(parseWorkingHours(''), null);
		assert.equal(parseWorkingHours(undefined), null);
		assert.equal(at(parseWorkingHours('Daily 08:00-20:00'), 7, '19:00'), true);
	});

	it('rejects unreadable hours', () => {
		for (const bad of ['Mon-Fri', 'Funday 09:00-18:00', 'Mon 09:00-09:00', 'Mon 25:00-26:00', 'Mon 09:00']) {
			assert.throws(() => parseWorkingHours(bad), ValueError, bad);
		}
	});

	it('local clock in time zones around midnight UTC', () => {
		const ms = Date.parse('2026-11-20T23:30:00Z'); // Friday 23:30 UTC
		assert.deepEqual(localClock(ms, 'Europe/Moscow'), { weekday: 6, minute: 2 * 60 + 30 });
		assert.deepEqual(localClock(ms, 'Asia/Vladivostok'), { weekday: 6, minute: 9 * 60 + 30 });
		assert.deepEqual(localClock(ms, 'America/New_York'), { weekday: 5, minute: 18 * 60 + 30 });
	});
});
