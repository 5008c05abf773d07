import { InputError } from '../shared/errors';
import { reason } from '../shared/reasons';
import type { Reason } from '../shared/reasons';
import { getPath, isPlainObject } from '../shared/values';
import { canonicalEmail } from '../text/email';
import { normalizeTelegram } from '../text/messenger';
import { normalizePersonName } from '../text/names';
import type { CountryCode } from '../text/phone';
import { normalizePhone } from '../text/phone';
import { normalizeCompany } from '../text/company';
import { normalizeInn } from '../text/inn';
import type { FieldMapping } from './fields';
import type { Conflict, HistoryEntry, Journal, MergeResult, UnmergeResult } from './schema';
import { journalSchema, mergeResultSchema, unmergeResultSchema } from './schema';

export interface MergeOptions {
	mapping: FieldMapping;
	defaultCountry: CountryCode;
	/** Which record is the base of the golden record. */
	primary: 'oldest' | 'newest' | 'first';
	/** Top-level keys never copied into the golden record (the node's output key). */
	exclude: string[];
}

type Json = Record<string, unknown>;

/** The golden record's history field: one entry per source contact (id, channel, timestamp). */
export const HISTORY_FIELD = 'history';

function pathValue(rec: Json, paths: string): unknown {
	for (const p of paths.split(',')) {
		const v = getPath(rec, p.trim());
		if (v !== undefined && v !== null && v !== '') return v;
	}
	return undefined;
}

function text(v: unknown): string | undefined {
	if (typeof v === 'string' && v.trim()) return v.trim();
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return undefined;
}

function isEmpty(v: unknown): boolean {
	return (
		v === undefined ||
		v === null ||
		(typeof v === 'string' && v.trim() === '') ||
		(Array.isArray(v) && v.length === 0) ||
		(isPlainObject(v) && Object.keys(v).length === 0)
	);
}

/** Same value after the field's normalisation (phone formats, e-mail provider rules, name order...). */
function equivalent(field: string, a: unknown, b: unknown, options: MergeOptions): boolean {
	const m = options.mapping;
	const inList = (key: keyof FieldMapping) => m[key].split(',').map((s) => s.trim()).includes(field);
	const norm = (v: unknown): unknown => {
		const t = text(v);
		if (t === undefined) return JSON.stringify(v);
		if (inList('phone') || inList('whatsapp')) return normalizePhone(t, options.defaultCountry) ?? t;
		if (inList('email')) return canonicalEmail(t) ?? t.toLowerCase();
		if (inList('name') || inList('firstName') || inList('lastName') || inList('middleName')) return normalizePersonName(t) ?? t.toLowerCase();
		if (inList('telegram')) return normalizeTelegram(t) ?? t.toLowerCase();
		if (inList('company')) return normalizeCompany(t) ?? t.toLowerCase();
		if (inList('inn')) return normalizeInn(t) ?? t;
		return t.toLowerCase().replace(/\s+/g, ' ');
	};
	return norm(a) === norm(b);
}

function idOf(rec: Json, options: MergeOptions, index: number): string {
	return text(pathValue(rec, options.mapping.id)) ?? `#${index}`;
}

function timeOf(rec: Json, options: MergeOptions): number {
	const t = text(pathValue(rec, options.mapping.timestamp));
	const ms = t ? Date.parse(t) : Number.NaN;
	return Number.isFinite(ms) ? ms : Number.NaN;
}

function historyOf(rec: Json, options: MergeOptions, index: number): HistoryEntry[] {
	const existing = rec[HISTORY_FIELD];
	if (Array.isArray(existing) && existing.length && existing.every((e) => isPlainObject(e) && typeof e.id === 'string')) {
		return existing.map((e) => ({
			id: String((e as Json).id),
			channel: text((e as Json).channel) ?? null,
			timestamp: text((e as Json).timestamp) ?? null,
		}));
	}
	return [
		{
			id: idOf(rec, options, index),
			channel: text(pathValue(rec, options.mapping.channel)) ?? null,
			timestamp: text(pathValue(rec, options.mapping.timestamp)) ?? null,
		},
	];
}

/**
 * Merges contacts into one golden record by a documented policy:
 * - the primary (oldest by timestamp by default; input order breaks ties) is the base;
 * - blanks are filled from the other records, oldest first (`filled` says from where);
 * - a non-empty value is never overwritten: differing values are listed in `conflicts`
 *   (equal after normalisation, e.g. two formats of one phone, is not a conflict);
 * - `history` keeps every source's id, channel and timestamp (histories of earlier merges are kept);
 * - `journal` holds exact copies of the sources, so unmergeContacts() restores them.
 */
export function mergeContacts(sources: unknown[], options: MergeOptions): MergeResult {
	return mergeWithPrimary(sources, options).result;
}

/** mergeContacts, also telling which source (by position) is the primary. */
export function mergeWithPrimary(sources: unknown[], options: MergeOptions): { result: MergeResult; primaryIndex: number } {
	if (!sources.length) throw new InputError('records', 'Nothing to merge: no records');
	sources.forEach((s, i) => {
		if (!isPlainObject(s)) throw new InputError('records', `Record ${i} to merge is not an object`);
		rejectProtoKey(s, `Record ${i} to merge`);
	});
	const recs = sources as Json[];
	const order = recs.map((_, i) => i);
	const t = recs.map((r) => timeOf(r, options));
	if (options.primary !== 'first') {
		order.sort((a, b) => {
			const ta = t[a];
			const tb = t[b];
			if (Number.isNaN(ta) && Number.isNaN(tb)) return a - b;
			if (Number.isNaN(ta)) return 1;
			if (Number.isNaN(tb)) return -1;
			return (options.primary === 'oldest' ? ta - tb : tb - ta) || a - b;
		});
	}
	const ids = recs.map((r, i) => idOf(r, options, i));
	const primaryIndex = order[0];
	const skip = new Set([...options.exclude, HISTORY_FIELD]);
	// Source ids, channels and timestamps live in the history, not in conflicts.
	const perSource = new Set(
		[options.mapping.id, options.mapping.channel, options.mapping.timestamp].flatMap((p) => p.split(',').map((x) => x.trim().split('.')[0])),
	);
	const golden: Json = {};
	for (const [k, v] of Object.entries(recs[primaryIndex])) if (!skip.has(k)) golden[k] = structuredClone(v);
	const filled: Array<{ field: string; from: string }> = [];
	const conflicts = new Map<string, Conflict>();
	for (const i of order.slice(1)) {
		for (const [k, v] of Object.entries(recs[i])) {
			if (skip.has(k) || isEmpty(v)) continue;
			if (isEmpty(golden[k])) {
				golden[k] = structuredClone(v);
				filled.push({ field: k, from: ids[i] });
			} else if (!perSource.has(k) && !equivalent(k, golden[k], v, options)) {
				let c = conflicts.get(k);
				if (!c) conflicts.set(k, (c = { field: k, kept: golden[k], keptFrom: ids[primaryIndex], alternatives: [] }));
				if (!c.alternatives.some((a) => equivalent(k, a.value, v, options))) c.alternatives.push({ value: structuredClone(v), from: ids[i] });
			}
		}
	}
	const seen = new Set<string>();
	const history: HistoryEntry[] = [];
	for (const i of order) {
		for (const h of historyOf(recs[i], options, i)) {
			const key = `${h.id}\u0000${h.channel}\u0000${h.timestamp}`;
			if (seen.has(key)) continue;
			seen.add(key);
			history.push(h);
		}
	}
	history.sort((a, b) => {
		const ta = a.timestamp ? Date.parse(a.timestamp) : Number.NaN;
		const tb = b.timestamp ? Date.parse(b.timestamp) : Number.NaN;
		if (Number.isNaN(ta) || Number.isNaN(tb)) return 0;
		return ta - tb;
	});
	golden[HISTORY_FIELD] = history;
	const conflictList = [...conflicts.values()];
	const journal: Journal = {
		mergeId: `merge:${order.map((i) => ids[i]).join('+')}`,
		primaryId: ids[primaryIndex],
		sourceIds: order.map((i) => ids[i]),
		filled,
		conflicts: conflictList,
		sources: recs.map((r) => structuredClone(r)),
	};
	const reasons: Reason[] = [
		reason('merged', `${recs.length} records into one; primary is the ${options.primary}`, ids[primaryIndex], recs.length),
	];
	if (filled.length) reasons.push(reason('blanks_filled', undefined, filled.map((f) => `${f.field}←${f.from}`)));
	if (conflictList.length) reasons.push(reason('conflicts_kept', 'Differing values kept in conflicts, not overwritten', conflictList.map((c) => c.field)));
	const result = mergeResultSchema.parse({
		operation: 'merge',
		role: 'golden',
		golden,
		mergedInto: null,
		history,
		conflicts: conflictList,
		filled,
		journal,
		reasons,
	});
	return { result, primaryIndex };
}

/** For a record absorbed into another's golden record (cluster mode). */
export function mergedMarker(primaryId: string, mergeId: string): MergeResult {
	return mergeResultSchema.parse({
		operation: 'merge',
		role: 'merged',
		golden: null,
		mergedInto: primaryId,
		history: [],
		conflicts: [],
		filled: [],
		journal: null,
		reasons: [reason('merged_into', undefined, primaryId), reason('merge_id', undefined, mergeId)],
	});
}

/**
 * A top-level "__proto__" key (JSON.parse keeps it as an own key) cannot be merged or journalled
 * faithfully: assigned, it would replace the golden record's prototype (its fields appearing as the
 * record's own, e.g. `isAdmin`), and validation drops it from the journal, so undo would not restore
 * the source. Such a record is rejected as bad input instead. Nested "__proto__" keys are plain data.
 */
function rejectProtoKey(rec: object, what: string): void {
	if (Object.prototype.hasOwnProperty.call(rec, '__proto__'))
		throw new InputError(
			'__proto__',
			`${what} has a top-level "__proto__" key, which cannot be merged safely`,
			'Rename or remove the "__proto__" field before merging.',
		);
}

/** Undo: the exact source records of a merge, from its journal entry. */
export function unmergeContacts(journal: unknown, field = 'journal'): UnmergeResult {
	const sources = isPlainObject(journal) ? journal.sources : undefined;
	if (Array.isArray(sources))
		sources.forEach((s, i) => {
			if (isPlainObject(s)) rejectProtoKey(s, `Source ${i} of the journal in "${field}"`);
		});
	const parsed = journalSchema.safeParse(journal);
	if (!parsed.success) {
		throw new InputError(field, `Field "${field}" is not a merge journal entry: ${parsed.error.issues[0]?.path.join('.') || ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
	}
	return unmergeResultSchema.parse({
		operation: 'unmerge',
		mergeId: parsed.data.mergeId,
		records: parsed.data.sources.map((s) => structuredClone(s)),
		reasons: [reason('unmerged', `${parsed.data.sources.length} records restored`, parsed.data.mergeId, parsed.data.sources.length)],
	});
}

