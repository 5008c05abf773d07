import type { Command } from './command';
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
import { LineReport, parseArgs, readConfig, readJsonLines, UsageError, writeJsonLine } from '../io';

const USAGE = `usage: inquiry-router dedupe [--operation deduplicate|matchKeys|merge|unmerge] [--entity person|organisation] [--config FILE] [--country RU]
  deduplicate (default): clusters all contacts on stdin; each line gets "contact" with clusterId, decision, evidence
  matchKeys: the normalised match keys of each contact
  merge: all contacts on stdin into one golden record (one output line)
  unmerge: each line holds a merge journal (contact.journal or journal); prints the restored records
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
		const contactOptions = {
			mapping,
			defaultCountry: country,
			compiled: compileMapping(mapping),
			entity: entity as 'person' | 'organisation',
			// as the node: a contact with nothing to match on stays new unless the option says "error"
			withoutIdentity: options.withoutIdentity === 'error' ? ('error' as const) : ('new' as const),
		};
		if (!['matchKeys', 'deduplicate', 'merge', 'unmerge'].includes(operation)) throw new UsageError(USAGE);
		// Every line is read first (deduplicate and merge need them all); a line that is not JSON keeps
		// its place and gets its error object there.
		const report = new LineReport('dedupe');
		const entries: Array<{ line: number; value?: unknown; invalid?: string }> = [];
		for await (const entry of readJsonLines()) {
			report.lines++;
			entries.push(entry);
		}
		const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
		const each = (write: (value: unknown, i: number, line: number) => void) => {
			entries.forEach((e, i) => {
				if (e.invalid !== undefined) return report.invalid({ line: e.line, invalid: e.invalid });
				try {
					write(e.value, i, e.line);
				} catch (error) {
					report.fail(e.line, error, e.value);
				}
			});
		};

		if (operation === 'matchKeys') {
			each((item, i) => writeJsonLine({ ...(item as object), [outputKey]: matchKeys(item, i, contactOptions) }));
			return report.exitCode();
		}
		if (operation === 'deduplicate') {
			// Parse every good line, cluster the batch once, write each line with its result (or its error).
			const cluster = <R extends { id?: string | null }>(parse: (value: unknown, index: number) => R, run: (records: R[]) => unknown[]) => {
				const records: R[] = [];
				const positions: number[] = [];
				const failed = new Map<number, unknown>();
				entries.forEach((e, i) => {
					if (e.invalid !== undefined) return;
					try {
						const r = parse(e.value, records.length);
						records.push({ ...r, id: r.id ?? `#${i}` });
						positions.push(i);
					} catch (error) {
						failed.set(i, error);
					}
				});
				const results = run(records);
				const byLine = new Map(positions.map((p, k) => [p, results[k]]));
				each((item, i) => {
					if (failed.has(i)) throw failed.get(i);
					writeJsonLine({ ...(item as object), [outputKey]: byLine.get(i) });
				});
				return report.exitCode();
			};
			const thresholds = {
				duplicate: num(options.duplicateThreshold, DEFAULT_THRESHOLDS.duplicate),
				review: num(options.reviewThreshold, DEFAULT_THRESHOLDS.review),
			};
			const primary = (options.primaryRecord as 'oldest' | 'newest' | 'first') ?? 'oldest';
			const maxBlockSize = num(options.maxBlockSize, DEFAULT_CLUSTER_OPTIONS.maxBlockSize);
			if (entity === 'organisation') {
				return cluster<OrgRecord>(
					(value, index) => parseOrganisation(value, index, contactOptions),
					(records) => dedupeOrganisations(records, { ...contactOptions, thresholds, cluster: { maxBlockSize, primary } }),
				);
			}
			const parseOptions = { ...contactOptions, ...createBatchMemos() };
			return cluster<ContactRecord>(
				(value, index) => parseContact(value, index, parseOptions),
				(records) =>
					dedupeRecords(records, {
						...contactOptions,
						thresholds,
						cluster: {
							maxBlockSize,
							sharedPhoneMinNames: num(options.sharedPhoneMinNames, DEFAULT_CLUSTER_OPTIONS.sharedPhoneMinNames),
							clusterSupport: options.clusterSupport !== false,
							primary,
						},
					}),
			);
		}
		if (operation === 'merge') {
			const good: unknown[] = [];
			for (const e of entries) {
				if (e.invalid !== undefined) report.invalid({ line: e.line, invalid: e.invalid });
				else good.push(e.value);
			}
			writeJsonLine({
				[outputKey]: mergeContacts(good, {
					...contactOptions,
					primary: (options.primaryRecord as 'oldest' | 'newest' | 'first') ?? 'oldest',
					exclude: [outputKey],
				}),
			});
			return report.exitCode();
		}
		// unmerge
		each((item) => {
			const obj = item as Record<string, unknown>;
			const journal = (obj?.[outputKey] as Record<string, unknown> | undefined)?.journal ?? obj?.journal;
			writeJsonLine({ [outputKey]: unmergeContacts(journal, `${outputKey}.journal`) });
		});
		return report.exitCode();
	},
};
