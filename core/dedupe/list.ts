import type { ClusterOptions, ClusterResult } from './cluster';
import { clusterContacts, DEFAULT_CLUSTER_OPTIONS } from './cluster';
import type { Thresholds } from './decide';
import type { FieldMapping } from './fields';
import { DEFAULT_FIELD_MAPPING } from './fields';
import type { ContactRecord } from './record';
import { compileMapping, createBatchMemos, parseContact } from './record';
import type { CountryCode } from '../text/phone';
import { DEFAULT_THRESHOLDS } from './weights';

export interface DedupeListOptions extends Partial<Omit<ClusterOptions, 'thresholds'>> {
	thresholds?: Thresholds;
	mapping?: FieldMapping;
	defaultCountry?: CountryCode;
}

/**
 * "Deduplicate a list" on plain objects (CLI, eval, bench): parses every contact (an unusable one
 * stays a cluster of its own, listed in `errors`) and clusters the batch.
 */
export function dedupeList(
	items: unknown[],
	options: DedupeListOptions = {},
): { records: ContactRecord[]; positions: number[]; result: ClusterResult; errors: Array<{ index: number; message: string }> } {
	const mapping = options.mapping ?? DEFAULT_FIELD_MAPPING;
	const defaultCountry = options.defaultCountry ?? 'RU';
	const records: ContactRecord[] = [];
	const positions: number[] = [];
	const errors: Array<{ index: number; message: string }> = [];
	const parseOptions = { mapping, defaultCountry, compiled: compileMapping(mapping), ...createBatchMemos() };
	items.forEach((item, i) => {
		try {
			const r = parseContact(item, records.length, parseOptions);
			records.push(r);
			positions.push(i);
		} catch (error) {
			errors.push({ index: i, message: error instanceof Error ? error.message : String(error) });
		}
	});
	const result = clusterContacts(records, {
		...DEFAULT_CLUSTER_OPTIONS,
		...Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && k !== 'mapping' && k !== 'defaultCountry')),
		thresholds: options.thresholds ?? { ...DEFAULT_THRESHOLDS },
	} as ClusterOptions);
	return { records, positions, result, errors };
}
