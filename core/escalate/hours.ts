import { DateTime } from 'luxon';

import { InputError } from '../shared/errors';
import type { EscalationOptions } from './options';

export type WorkingHours = EscalationOptions['workingHours'];

function minutesOf(hhmm: string, field: string): number {
	const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
	if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) {
		throw new InputError(field, `Working hours "${hhmm}" must be HH:MM (24-hour), e.g. 09:00`);
	}
	return Number(m[1]) * 60 + Number(m[2]);
}

/** Validates the schedule once (time zone, HH:MM, weekdays); errors name the parameter. */
export function checkWorkingHours(hours: WorkingHours): void {
	if (!DateTime.now().setZone(hours.timezone).isValid) {
		throw new InputError('workingHours.timezone', `Unknown time zone "${hours.timezone}" (use an IANA name such as Europe/Moscow)`);
	}
	minutesOf(hours.start, 'workingHours.start');
	minutesOf(hours.end, 'workingHours.end');
	if (hours.days.length === 0 || hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
		throw new InputError('workingHours.days', 'Working days must be ISO weekdays 1 (Monday) … 7 (Sunday)');
	}
}

/** Is `now` inside the schedule? Overnight shifts (start after end, e.g. 20:00–08:00) are supported. */
export function isOpen(now: Date, hours: WorkingHours): boolean {
	const local = DateTime.fromJSDate(now, { zone: hours.timezone });
	const start = minutesOf(hours.start, 'workingHours.start');
	const end = minutesOf(hours.end, 'workingHours.end');
	const minute = local.hour * 60 + local.minute;
	if (start === end) return hours.days.includes(local.weekday);
	if (start < end) return hours.days.includes(local.weekday) && minute >= start && minute < end;
	// Overnight: the shift belongs to the day it starts on.
	if (minute >= start) return hours.days.includes(local.weekday);
	if (minute < end) return hours.days.includes(local.minus({ days: 1 }).weekday);
	return false;
}

/** The next moment the schedule opens after `now` (ISO with the schedule's offset), within two weeks. */
export function nextOpening(now: Date, hours: WorkingHours): string | undefined {
	const start = minutesOf(hours.start, 'workingHours.start');
	const local = DateTime.fromJSDate(now, { zone: hours.timezone });
	for (let d = 0; d <= 14; d++) {
		const day = local.plus({ days: d }).startOf('day').plus({ minutes: start });
		if (day > local && hours.days.includes(day.weekday)) return day.toISO() ?? undefined;
	}
	return undefined;
}

/** "завтра в 09:00" / "tomorrow at 09:00" / "в понедельник в 09:00", relative to `now` in the schedule's zone. */
export function describeOpening(iso: string, now: Date, hours: WorkingHours, language: 'ru' | 'en'): string {
	const at = DateTime.fromISO(iso, { zone: hours.timezone });
	const today = DateTime.fromJSDate(now, { zone: hours.timezone }).startOf('day');
	const days = Math.round(at.startOf('day').diff(today, 'days').days);
	const time = at.toFormat('HH:mm');
	if (language === 'ru') {
		if (days === 0) return `сегодня в ${time}`;
		if (days === 1) return `завтра в ${time}`;
		const names = ['', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'];
		return `${names[at.weekday]} в ${time}`;
	}
	if (days === 0) return `today at ${time}`;
	if (days === 1) return `tomorrow at ${time}`;
	return `on ${at.setLocale('en').toFormat('cccc')} at ${time}`;
}
