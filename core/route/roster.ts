import { DateTime } from 'luxon';

import { InputError } from '../shared/errors';
import { isPlainObject } from '../shared/values';
import { type WeekHours, parseWorkingHours } from './hours';
import {
	ValueError,
	attempt,
	maybeJson,
	normLanguage,
	normTag,
	readBoolean,
	readList,
	readNumber,
	readText,
} from './values';

/** A roster row after validation and normalisation. */
export interface Manager {
	id: string;
	name: string;
	/** Normalised tags (lower case). */
	skills: string[];
	/** Normalised primary language codes; empty = any language. */
	languages: string[];
	/** Upper-case segment tokens; empty = any segment. */
	segments: string[];
	seniority: number;
	capacity: number;
	activeLeads: number;
	active: boolean;
	hours: WeekHours;
	/** Working hours as given (for explanations), or null. */
	hoursText: string | null;
	timeZone: string;
	absentUntilMs: number | null;
	lastAssignedMs: number | null;
	weight: number;
	periodCount: number;
	/** 0-based position in the roster. */
	row: number;
}

export interface RosterOptions {
	/** Zone for rows without `timeZone` (the workflow's zone in the node). */
	defaultTimeZone: string;
	/** How the roster is named in errors and fields: "roster" (default) or the item field path. */
	fieldPrefix?: string;
}

const SENIORITY_WORDS: Record<string, number> = {
	intern: 0, trainee: 0, junior: 1, jr: 1, middle: 2, mid: 2, senior: 3, sr: 3, lead: 4, head: 5,
	стажер: 0, стажёр: 0, джуниор: 1, младший: 1, мидл: 2, средний: 2, сеньор: 3, старший: 3, ведущий: 4, руководитель: 5,
};

export function isValidTimeZone(zone: string): boolean {
	return DateTime.fromMillis(0, { zone }).isValid;
}

/** Epoch ms from ISO text (a date alone = start of that day in `zone`), epoch ms, or a Date. */
export function readInstant(value: unknown, zone: string): number | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
	if (typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		const ms = (value as { toMillis: () => number }).toMillis();
		if (Number.isFinite(ms)) return ms;
	}
	if (typeof value === 'string') {
		const dt = DateTime.fromISO(value.trim(), { zone, setZone: false });
		if (dt.isValid) return dt.toMillis();
		const sql = DateTime.fromSQL(value.trim(), { zone });
		if (sql.isValid) return sql.toMillis();
	}
	throw new ValueError(`must be an ISO date or date-time, got ${typeof value === 'string' ? `"${value}"` : typeof value}`);
}

function pick(row: Record<string, unknown>, ...names: string[]): unknown {
	for (const n of names) if (row[n] !== undefined && row[n] !== null && row[n] !== '') return row[n];
	return undefined;
}

/**
 * Validates and normalises roster rows. Throws InputError naming the row, the manager and the field
 * (field path `<prefix>[<row>].<field>`) for a missing id, a non-numeric capacity, an unknown time zone,
 * unreadable working hours or a duplicate id.
 */
export function parseRoster(input: unknown, options: RosterOptions): Manager[] {
	const prefix = options.fieldPrefix ?? 'roster';
	const parsed = attempt(() => maybeJson(input));
	if (!parsed.ok) throw new InputError(prefix, `Roster ${(parsed.error as Error).message}`);
	let rows = parsed.value;
	if (rows === undefined || rows === null || rows === '') return [];
	if (isPlainObject(rows) && Array.isArray((rows as Record<string, unknown>).managers)) {
		rows = (rows as Record<string, unknown>).managers;
	}
	if (!Array.isArray(rows)) {
		throw new InputError(prefix, `Roster must be a list of managers, got ${typeof rows}`);
	}
	const managers: Manager[] = [];
	const seen = new Map<string, number>();
	rows.forEach((raw, i) => {
		const where = `Roster row ${i + 1}`;
		if (!isPlainObject(raw)) throw new InputError(`${prefix}[${i}]`, `${where}: must be an object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`);
		const row = raw;
		const idValue = pick(row, 'managerId', 'id');
		const idRead = attempt(() => readText(idValue));
		const id = idRead.ok ? idRead.value : undefined;
		if (!id) {
			throw new InputError(
				`${prefix}[${i}].managerId`,
				`${where}: field "managerId" (or "id") is missing${idValue !== undefined ? ` or not text, got ${JSON.stringify(idValue)}` : ''}`,
				'Every manager needs a unique id: a "managerId" column (or "id").',
			);
		}
		const who = `${where} (manager "${id}")`;
		const field = <T>(name: string, read: () => T): T => {
			const r = attempt(read);
			if (r.ok) return r.value;
			if (r.error instanceof ValueError) {
				throw new InputError(`${prefix}[${i}].${name}`, `${who}: field "${name}" ${r.error.message}`);
			}
			throw r.error;
		};
		const previous = seen.get(id);
		if (previous !== undefined) {
			throw new InputError(
				`${prefix}[${i}].managerId`,
				`Roster: duplicate manager id "${id}" (rows ${previous + 1} and ${i + 1})`,
				'Each manager id must appear once in the roster.',
			);
		}
		seen.set(id, i);

		const timeZone =
			field('timeZone', () => readText(pick(row, 'timeZone', 'timezone', 'tz'))) ?? options.defaultTimeZone;
		if (!isValidTimeZone(timeZone)) {
			throw new InputError(
				`${prefix}[${i}].timeZone`,
				`${who}: field "timeZone": unknown time zone "${timeZone}"`,
				'Use an IANA time zone such as "Europe/Moscow" or "Asia/Vladivostok".',
			);
		}
		const capacity = field('capacity', () => readNumber(row.capacity));
		if (capacity === undefined) {
			throw new InputError(`${prefix}[${i}].capacity`, `${who}: field "capacity" is missing`, 'Give the maximum number of active leads (a number).');
		}
		const nonNegativeInt = (name: string, v: number | undefined, fallback: number): number => {
			if (v === undefined) return fallback;
			if (!Number.isInteger(v) || v < 0) {
				throw new InputError(`${prefix}[${i}].${name}`, `${who}: field "${name}" must be a whole number ≥ 0, got ${v}`);
			}
			return v;
		};
		const seniorityRaw = pick(row, 'seniority');
		const seniority = field('seniority', () => {
			if (typeof seniorityRaw === 'string' && SENIORITY_WORDS[normTag(seniorityRaw)] !== undefined) {
				return SENIORITY_WORDS[normTag(seniorityRaw)];
			}
			const n = readNumber(seniorityRaw);
			if (n !== undefined && n < 0) throw new ValueError(`must be ≥ 0, got ${n}`);
			return n ?? 0;
		});
		const weight = field('weight', () => readNumber(row.weight)) ?? 1;
		if (!(weight > 0)) {
			throw new InputError(`${prefix}[${i}].weight`, `${who}: field "weight" must be greater than 0, got ${weight}`);
		}
		const hoursRaw = pick(row, 'workingHours', 'hours');
		managers.push({
			id,
			name: field('name', () => readText(pick(row, 'name', 'managerName'))) ?? id,
			skills: [...new Set((field('skills', () => readList(row.skills)) ?? []).map(normTag))],
			languages: [...new Set((field('languages', () => readList(row.languages)) ?? []).map(normLanguage))],
			segments: [...new Set((field('segments', () => readList(row.segments)) ?? []).map((s) => s.trim().toUpperCase()))],
			seniority,
			capacity: nonNegativeInt('capacity', capacity, 0),
			activeLeads: nonNegativeInt('activeLeads', field('activeLeads', () => readNumber(row.activeLeads)), 0),
			active: field('active', () => readBoolean(row.active)) ?? true,
			hours: field('workingHours', () => parseWorkingHours(hoursRaw)),
			hoursText: hoursRaw === undefined ? null : typeof hoursRaw === 'string' ? hoursRaw : JSON.stringify(hoursRaw),
			timeZone,
			absentUntilMs: field('absentUntil', () => readInstant(row.absentUntil, timeZone)) ?? null,
			lastAssignedMs: field('lastAssignedAt', () => readInstant(row.lastAssignedAt, timeZone)) ?? null,
			weight,
			periodCount: nonNegativeInt('periodCount', field('periodCount', () => readNumber(row.periodCount)), 0),
			row: i,
		});
	});
	return managers;
}
