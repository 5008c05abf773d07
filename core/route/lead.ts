import { DateTime } from 'luxon';

import { normPriority, PATHS } from '../contract';
import { InputError } from '../shared/errors';
import { getPath, isSaneInstant, SANE_YEARS } from '../shared/values';
import type { RoutePriority } from './schema';
import { ValueError, attempt, normLanguage, normTag, readList, readText } from './values';

/** Where the lead's routing facts are read from (dotted paths into the item). */
export interface LeadFields {
	/** One or more dotted paths, comma-separated. */
	skillsField: string;
	languageField: string;
	segmentField: string;
	priorityField: string;
	ownerField: string;
}

export const DEFAULT_LEAD_FIELDS: LeadFields = {
	skillsField: PATHS.inquiryType,
	languageField: PATHS.language,
	segmentField: PATHS.segment,
	priorityField: PATHS.priority,
	ownerField: PATHS.ownerId,
};

export interface Lead {
	/** Normalised tags, deduplicated, in order of appearance. */
	skills: string[];
	language: string | null;
	segment: string | null;
	priority: RoutePriority;
	/** The priority text when it was not one of the known values (then `priority` is "normal"). */
	unknownPriority: string | null;
	ownerId: string | null;
	nowMs: number;
}

/** The contract's priority vocabulary and its aliases (core/contract.ts). */
export { normPriority };

function read<T>(field: string, fn: () => T): T {
	const r = attempt(fn);
	if (r.ok) return r.value;
	if (r.error instanceof ValueError) throw new InputError(field, `Field "${field}" ${r.error.message}`);
	throw r.error;
}

/** Reads a lead's routing facts from an item's JSON. `nowMs` is the decision time (given, never read from a clock). */
export function readLead(json: Record<string, unknown>, fields: LeadFields, nowMs: number): Lead {
	const skills: string[] = [];
	for (const path of fields.skillsField.split(',').map((s) => s.trim()).filter(Boolean)) {
		for (const s of read(path, () => readList(getPath(json, path))) ?? []) {
			const t = normTag(s);
			if (t && !skills.includes(t)) skills.push(t);
		}
	}
	const language = fields.languageField ? read(fields.languageField, () => readText(getPath(json, fields.languageField))) : undefined;
	const segment = fields.segmentField ? read(fields.segmentField, () => readText(getPath(json, fields.segmentField))) : undefined;
	const priorityText = fields.priorityField ? read(fields.priorityField, () => readText(getPath(json, fields.priorityField))) : undefined;
	const ownerId = fields.ownerField ? read(fields.ownerField, () => readText(getPath(json, fields.ownerField))) : undefined;
	const { priority, unknown } = normPriority(priorityText);
	return {
		skills,
		language: language ? normLanguage(language) : null,
		segment: segment ? segment.trim().toUpperCase() : null,
		priority,
		unknownPriority: unknown,
		ownerId: ownerId ?? null,
		nowMs,
	};
}

/**
 * The decision time from the node's "Now" parameter or a CLI flag: ISO 8601 text, epoch milliseconds,
 * a Date or a luxon DateTime. Never read from a clock here.
 */
export function readNow(value: unknown, field = 'now'): number {
	const ms = nowMillis(value);
	if (ms !== undefined) {
		if (isSaneInstant(ms)) return ms;
		throw new InputError(
			field,
			`Field "${field}" must be a date-time in the years ${SANE_YEARS}, got ${JSON.stringify(value instanceof Date ? value.toISOString() : value)}`,
			'Leave "Now" at {{ $now.toISO() }} to use the execution time.',
		);
	}
	throw new InputError(
		field,
		`Field "${field}" must be a date-time (ISO 8601 text such as 2026-11-23T10:00:00Z, or epoch milliseconds), got ${value === undefined || value === '' ? 'nothing' : JSON.stringify(value)}`,
		'Leave "Now" at {{ $now.toISO() }} to use the execution time.',
	);
}

function nowMillis(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
	if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		const ms = (value as { toMillis: () => number }).toMillis();
		if (Number.isFinite(ms)) return ms;
	}
	if (typeof value === 'string' && value.trim()) {
		const t = value.trim();
		if (/^\d{12,}$/.test(t)) return Number(t);
		const dt = DateTime.fromISO(t, { zone: 'utc' });
		if (dt.isValid) return dt.toMillis();
	}
	return undefined;
}
