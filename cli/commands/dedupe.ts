import type { Command } from './index';
import { DEFAULT_CLUSTER_OPTIONS } from '../../core/dedupe/cluster';
import { resolveMapping } from '../../core/dedupe/fields';
import { mergeContacts, unmergeContacts } from '../../core/dedupe/merge';
import { dedupeRecords, matchKeys } from '../../core/dedupe/operations';
import type { ContactRecord } from '../../core/dedupe/record';
import { compileMapping, createBatchMemos, parseContact } from '../../core/dedupe/record';
import { dedupeOrganisations } from '../../core/dedupe/org/operations';
import type { OrgRecord } from '../../core/dedupe/org/record';
import { parseOrganisation } from '../../core/dedupe/org/record';
import { DEFAULT_THRESHOLDS } from '../../core/dedupe/weights';
import type { CountryCode } from '../../core/text/phone';
import { parseArgs, readConfig, readJsonLines, UsageError, writeJsonLine } from '../io';

const USAGE = `usage: inquiry-router dedupe [--operation deduplicate|matchKeys|merge|unmerge] [--entity person|organisation] [--config FILE] [--country RU]
  deduplicate (default): clusters all contacts on stdin; each line gets "contact" with clusterId, decision, evidence
  matchKeys: the normalised match keys of each contact
  merge: all contacts on stdin into one golden record (one output line)
  unmerge: each line holds a merge journal (contact.journal or journal); prints the restored records
--entity organisation: records are organisations (INN/KPP, OGRN, company domain, legal name, address, phone)
--config FILE mirrors the node's parameters: {"fieldMapping": {...}, "options": {"duplicateThreshold": 0.9, ...}}`;

/** inquiry-router dedupe: the Dedupe Contact node's operations on JSON Lines (stdin → stdout). */
export const dedupe: Command = {
	summary: 'dedupe contacts (JSON Lines): deduplicate | matchKeys | merge | unmerge',
	async run(argv) {
		const { flags } = parseArgs(argv);
		if (flags.help) {
			process.stdout.write(`${USAGE}\n`);
			return 0;
		}
		const config = readConfig(flags);
		const options = (config.options ?? {}) as Record<string, unknown>;
		const mapping = resolveMapping(config.fieldMapping as Record<string, unknown> | undefined);
		const country = String(flags.country ?? options.defaultCountry ?? 'RU').toUpperCase() as CountryCode;
		const outputKey = typeof options.outputKey === 'string' && options.outputKey ? options.outputKey : 'contact';
		const operation = String(flags.operation ?? config.operation ?? 'deduplicate');
		const entity = String(flags.entity ?? config.entity ?? 'person');
		if (entity !== 'person' && entity !== 'organisation') throw new UsageError(USAGE);
		const contactOptions = { mapping, defaultCountry: country, compiled: compileMapping(mapping), entity: entity as 'person' | 'organisation' };
		const items: unknown[] = [];
		for await (const line of readJsonLines()) items.push(line);
		const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
		const errorLine = (i: number, error: unknown) =>
			writeJsonLine({ line: i + 1, error: error instanceof Error ? error.message : String(error) });

		if (operation === 'matchKeys') {
			items.forEach((item, i) => {
				try {
					writeJsonLine({ ...(item as object), [outputKey]: matchKeys(item, i, contactOptions) });
				} catch (error) {
					errorLine(i, error);
				}
			});
			return 0;
		}
		const thresholds = {
			duplicate: num(options.duplicateThreshold, DEFAULT_THRESHOLDS.duplicate),
			review: num(options.reviewThreshold, DEFAULT_THRESHOLDS.review),
		};
		if (operation === 'deduplicate' && entity === 'organisation') {
			const records: OrgRecord[] = [];
			const positions: number[] = [];
			const failed = new Map<number, unknown>();
			items.forEach((item, i) => {
				try {
					const r = parseOrganisation(item, records.length, contactOptions);
					records.push({ ...r, id: r.id ?? `#${i}` });
					positions.push(i);
				} catch (error) {
					failed.set(i, error);
				}
			});
			const results = dedupeOrganisations(records, {
				...contactOptions,
				thresholds,
				cluster: {
					maxBlockSize: num(options.maxBlockSize, DEFAULT_CLUSTER_OPTIONS.maxBlockSize),
					primary: (options.primaryRecord as 'oldest' | 'newest' | 'first') ?? 'oldest',
				},
			});
			const byLine = new Map(positions.map((p, k) => [p, results[k]]));
			items.forEach((item, i) => {
				if (failed.has(i)) errorLine(i, failed.get(i));
				else writeJsonLine({ ...(item as object), [outputKey]: byLine.get(i) });
			});
			return 0;
		}
		if (operation === 'deduplicate') {
			const records: ContactRecord[] = [];
			const positions: number[] = [];
			const failed = new Map<number, unknown>();
			const parseOptions = { ...contactOptions, ...createBatchMemos() };
			items.forEach((item, i) => {
				try {
					const r = parseContact(item, records.length, parseOptions);
					records.push({ ...r, id: r.id ?? `#${i}` });
					positions.push(i);
				} catch (error) {
					failed.set(i, error);
				}
			});
			const results = dedupeRecords(records, {
				...contactOptions,
				thresholds,
				cluster: {
					maxBlockSize: num(options.maxBlockSize, DEFAULT_CLUSTER_OPTIONS.maxBlockSize),
					sharedPhoneMinNames: num(options.sharedPhoneMinNames, DEFAULT_CLUSTER_OPTIONS.sharedPhoneMinNames),
					clusterSupport: options.clusterSupport !== false,
					primary: (options.primaryRecord as 'oldest' | 'newest' | 'first') ?? 'oldest',
				},
			});
			const byLine = new Map(positions.map((p, k) => [p, results[k]]));
			items.forEach((item, i) => {
				if (failed.has(i)) errorLine(i, failed.get(i));
				else writeJsonLine({ ...(item as object), [outputKey]: byLine.get(i) });
			});
			return 0;
		}
		if (operation === 'merge') {
			writeJsonLine({
				[outputKey]: mergeContacts(items, {
					...contactOptions,
					primary: (options.primaryRecord as 'oldest' | 'newest' | 'first') ?? 'oldest',
					exclude: [outputKey],
				}),
			});
			return 0;
		}
		if (operation === 'unmerge') {
			items.forEach((item, i) => {
				try {
					const obj = item as Record<string, unknown>;
					const journal = (obj?.[outputKey] as Record<string, unknown> | undefined)?.journal ?? obj?.journal;
					writeJsonLine({ [outputKey]: unmergeContacts(journal, `${outputKey}.journal`) });
				} catch (error) {
					errorLine(i, error);
				}
			});
			return 0;
		}
		throw new UsageError(USAGE);
	},
};
