import { DateTime } from 'luxon';

import { ValueError, maybeJson } from './values';

/**
 * Working hours: for each ISO weekday (1 = Monday … 7 = Sunday) a list of [from, to) minute ranges of
 * the local day. A range past midnight ("22:00-06:00") is split into the day and the next day.
 * `null` means always available (no working hours given, or "24/7").
 */
export type WeekHours = ReadonlyArray<ReadonlyArray<readonly [number, number]>> | null;

const DAYS: Record<string, number> = {
	mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
	fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
	пн: 1, вт: 2, ср: 3, чт: 4, пт: 5, сб: 6, вс: 7,
};

function dayOf(token: string): number {
	const d = DAYS[token.trim().toLowerCase().replace(/\.$/, '')];
	if (!d) throw new ValueError(`unknown day "${token.trim()}" (use Mon…Sun or Пн…Вс)`);
	return d;
}

function parseDays(spec: string): number[] {
	const t = spec.trim().toLowerCase();
	if (['daily', 'every day', 'everyday', 'mon-sun', 'ежедневно'].includes(t)) return [1, 2, 3, 4, 5, 6, 7];
	if (['weekdays', 'будни'].includes(t)) return [1, 2, 3, 4, 5];
	if (['weekends', 'выходные'].includes(t)) return [6, 7];
	const out = new Set<number>();
	for (const part of t.split(',')) {
		if (!part.trim()) continue;
		const range = part.split(/[-–]/);
		if (range.length === 1) out.add(dayOf(range[0]));
		else if (range.length === 2) {
			const a = dayOf(range[0]);
			const b = dayOf(range[1]);
			for (let d = a; ; d = (d % 7) + 1) {
				out.add(d);
				if (d === b) break;
			}
		} else throw new ValueError(`cannot read the days "${part.trim()}"`);
	}
	return [...out];
}

function minuteOf(hhmm: string): number {
	const m = /^(\d{1,2})(?::|\.)?(\d{2})$/.exec(hhmm.trim());
	if (!m) throw new ValueError(`cannot read the time "${hhmm.trim()}" (use HH:MM)`);
	const h = Number(m[1]);
	const min = Number(m[2]);
	if (min > 59 || h > 24 || (h === 24 && min > 0)) throw new ValueError(`"${hhmm.trim()}" is not a time of day`);
	return h * 60 + min;
}

function addRange(week: Array<Array<[number, number]>>, day: number, range: string): void {
	const parts = range.split(/\s*[-–]\s*/);
	if (parts.length !== 2) throw new ValueError(`cannot read the time range "${range.trim()}" (use 09:00-18:00)`);
	const from = minuteOf(parts[0]);
	const to = minuteOf(parts[1]);
	if (from === to) throw new ValueError(`the time range "${range.trim()}" is empty`);
	if (from < to) week[day - 1].push([from, to]);
	else {
		week[day - 1].push([from, 1440]);
		if (to > 0) week[day % 7].push([0, to]);
	}
}

function emptyWeek(): Array<Array<[number, number]>> {
	return Array.from({ length: 7 }, () => []);
}

function parseCompact(text: string, week: Array<Array<[number, number]>>): 'always' | void {
	for (const segment of text.split(/[;\n]/)) {
		const s = segment.trim();
		if (!s) continue;
		if (/^(24\/7|always|круглосуточно)$/i.test(s)) return 'always';
		// Days are everything before the first digit.
		const m = /^([^\d]*?)\s*(\d.*)$/.exec(s);
		if (!m || !m[1].trim()) throw new ValueError(`cannot read "${s}" (use "Mon-Fri 09:00-18:00")`);
		const days = parseDays(m[1]);
		for (const range of m[2].split(',')) {
			if (!range.trim()) continue;
			for (const d of days) addRange(week, d, range);
		}
	}
}

/** Reads working hours from compact text, a by-day object, a list of compact texts, or their JSON text. */
export function parseWorkingHours(value: unknown): WeekHours {
	if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return null;
	const v = maybeJson(value);
	const week = emptyWeek();
	if (typeof v === 'string') {
		if (parseCompact(v, week) === 'always') return null;
	} else if (Array.isArray(v)) {
		for (const item of v) {
			if (typeof item !== 'string') throw new ValueError('must be a list of texts like "Mon-Fri 09:00-18:00"');
			if (parseCompact(item, week) === 'always') return null;
		}
	} else if (v && typeof v === 'object') {
		for (const [key, ranges] of Object.entries(v as Record<string, unknown>)) {
			const days = parseDays(key);
			const list = Array.isArray(ranges) ? ranges : typeof ranges === 'string' ? ranges.split(',') : undefined;
			if (!list) throw new ValueError(`day "${key}" must have a time range like "09:00-18:00"`);
			for (const r of list) {
				if (typeof r !== 'string') throw new ValueError(`day "${key}" must have time ranges as text`);
				if (!r.trim() || /^(off|выходной|-)$/i.test(r.trim())) continue;
				for (const d of days) addRange(week, d, r);
			}
		}
	} else {
		throw new ValueError('must be text like "Mon-Fri 09:00-18:00", an object by day, or a list');
	}
	for (const day of week) day.sort((a, b) => a[0] - b[0]);
	return week;
}

export function isWithinHours(week: WeekHours, weekday: number, minuteOfDay: number): boolean {
	if (week === null) return true;
	for (const [from, to] of week[weekday - 1]) if (minuteOfDay >= from && minuteOfDay < to) return true;
	return false;
}

/** Local ISO weekday and minute of day of an instant in a zone. */
export function localClock(ms: number, zone: string): { weekday: number; minute: number } {
	const dt = DateTime.fromMillis(ms, { zone });
	return { weekday: dt.weekday, minute: dt.hour * 60 + dt.minute };
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function hhmm(m: number): string {
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "Sat 02:30" for skip details. */
export function describeClock(weekday: number, minute: number): string {
	return `${DAY_NAMES[weekday - 1]} ${hhmm(minute)}`;
}
