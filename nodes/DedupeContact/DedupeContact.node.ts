import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldMapping } from '../../core/dedupe/fields';
import { CONTRACT_FIELD_MAPPING, DEFAULT_FIELD_MAPPING, resolveMapping } from '../../core/dedupe/fields';
import { mergeContacts, mergedMarker, mergeWithPrimary, unmergeContacts } from '../../core/dedupe/merge';
import { dedupeRecords, matchContact, matchKeys, parseCandidates } from '../../core/dedupe/operations';
import type { ContactRecord } from '../../core/dedupe/record';
import { compileMapping, createBatchMemos, parseContact } from '../../core/dedupe/record';
import type { OrgRecord } from '../../core/dedupe/org/record';
import { compileOrgMapping, createOrgMemos, parseOrganisation } from '../../core/dedupe/org/record';
import { dedupeOrganisations, matchOrganisation, parseOrgCandidates } from '../../core/dedupe/org/operations';
import { InputError } from '../../core/shared/errors';
import { getPath, isPlainObject } from '../../core/shared/values';
import type { CountryCode } from '../../core/text/phone';
import { runBatch, runPerItem } from '../shared/itemLoop';
import { configuredInputs, configuredOutputs, properties } from './description';
import { readOptions } from './options';

/** Items of input 2 (none when nothing is connected or it produced nothing). */
function secondInput(ctx: IExecuteFunctions): INodeExecutionData[] {
	try {
		return ctx.getInputData(1) ?? [];
	} catch {
		return [];
	}
}

/** Rows of input 2 grouped by the contact (input 1 item) they are paired with. */
function pairedRows(rows: INodeExecutionData[]): Map<number, unknown[]> {
	const byItem = new Map<number, unknown[]>();
	for (const row of rows) {
		const links = row.pairedItem === undefined ? [] : Array.isArray(row.pairedItem) ? row.pairedItem : [row.pairedItem];
		for (const link of links) {
			const index = typeof link === 'number' ? link : link.item;
			const list = byItem.get(index);
			if (list) list.push(row.json);
			else byItem.set(index, [row.json]);
		}
	}
	return byItem;
}

export class DedupeContact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dedupe Contact',
		name: 'dedupeContact',
		icon: { light: 'file:dedupeContact.svg', dark: 'file:dedupeContact.dark.svg' },
		group: ['transform'],
		// 1.1: the pipeline contract: contact fields fall back to what Classify extracted (inquiry.extracted)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ {"matchKeys":"Match keys","match":"Match against candidates","deduplicate":"Deduplicate a list","merge":"Merge","unmerge":"Unmerge"}[$parameter["operation"]] }}',
		description: 'Recognise the same person across channels and merge contacts without losing history',
		defaults: { name: 'Dedupe Contact' },
		inputs: `={{(${configuredInputs})($parameter)}}`,
		requiredInputs: 1,
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		const opts = readOptions(this);
		const base = this.getNode().typeVersion >= 1.1 ? CONTRACT_FIELD_MAPPING : DEFAULT_FIELD_MAPPING;
		const mapping: FieldMapping = resolveMapping(this.getNodeParameter('fieldMapping', 0, {}) as IDataObject, base);
		const entity = operation === 'matchKeys' || operation === 'match' || operation === 'deduplicate'
			? ((this.getNodeParameter('entity', 0, 'person') as string) === 'organisation' ? 'organisation' : 'person')
			: 'person';
		const contactOptions = {
			entity: entity as 'person' | 'organisation',
			mapping,
			defaultCountry: opts.defaultCountry as CountryCode,
			compiled: compileMapping(mapping),
			withoutIdentity: opts.withoutIdentity,
		};
		// a bad field of one item: the item loop names the item and the field (nodes/shared/itemLoop.ts)
		const fieldError = (_i: number, field: string, message: string) => new InputError(field, message);
		const out = (item: INodeExecutionData, result: unknown): IDataObject => ({ ...item.json, [opts.outputKey]: result as IDataObject });

		if (operation === 'matchKeys') {
			return runPerItem(this, { outputs: 1 }, (item, i) => ({ data: out(item, matchKeys(item.json, i, contactOptions)) }));
		}

		if (operation === 'match') {
			const source = this.getNodeParameter('candidateSource', 0, 'input') as string;
			const matchOptions = {
				...contactOptions,
				thresholds: opts.thresholds,
				sharedPhoneMinNames: opts.sharedPhoneMinNames,
				includeMatchedRecord: opts.includeMatchedRecord,
			};
			const outputIndex = { new: 0, duplicate: 1, review: 2 } as const;
			// Candidates: input 2 shared by every lead ('input'), input 2's rows paired with their lead
			// ('paired'), or a field of the lead itself ('field').
			const second = source === 'input' || source === 'paired' ? secondInput(this) : [];
			const paired = source === 'paired' ? pairedRows(second) : undefined;
			const candidatesOf = (i: number): unknown[] => {
				if (paired) return paired.get(i) ?? [];
				const field = this.getNodeParameter('candidatesField', i) as string;
				const value = getPath(this.getInputData()[i].json, field);
				if (value !== undefined && value !== null && !Array.isArray(value)) {
					throw fieldError(i, field, `Field "${field}" must be an array of candidate contacts`);
				}
				return (value as unknown[] | undefined) ?? [];
			};
			if (entity === 'organisation') {
				const orgShared = source === 'input' ? parseOrgCandidates(second.map((c) => c.json), contactOptions) : undefined;
				return runPerItem(this, { outputs: 3 }, (item, i) => {
					const candidates = orgShared ?? parseOrgCandidates(candidatesOf(i), contactOptions);
					const result = matchOrganisation(item.json, i, candidates, matchOptions);
					return { data: out(item, result), output: outputIndex[result.decision] };
				});
			}
			const shared = source === 'input' ? parseCandidates(second.map((c) => c.json), contactOptions) : undefined;
			return runPerItem(this, { outputs: 3 }, (item, i) => {
				const candidates = shared ?? parseCandidates(candidatesOf(i), contactOptions);
				const result = matchContact(item.json, i, candidates, matchOptions);
				return { data: out(item, result), output: outputIndex[result.decision] };
			});
		}

		if (operation === 'deduplicate') {
			const perDecision = (this.getNodeParameter('dedupeOutput', 0, 'perDecision') as string) === 'perDecision';
			const memos = createBatchMemos();
			const outputIndex = { unique: 0, duplicate: 1, review: 2 } as const;
			if (entity === 'organisation') {
				const orgParse = { ...contactOptions, orgCompiled: compileOrgMapping(mapping), orgMemo: createOrgMemos() };
				return runBatch<{ record: OrgRecord; item: INodeExecutionData }>(
					this,
					{ outputs: perDecision ? 3 : 1 },
					(item, i) => ({ record: parseOrganisation(item.json, i, orgParse), item }),
					(parsed) => {
						const records = parsed.map((p, k) => ({ ...p.record, index: k, id: p.record.id ?? `#${p.record.index}` }));
						const results = dedupeOrganisations(records, {
							...contactOptions,
							thresholds: opts.thresholds,
							cluster: { maxBlockSize: opts.maxBlockSize, primary: opts.primaryRecord },
						});
						return results.map((r, k) => ({ data: out(parsed[k].item, r), output: perDecision ? outputIndex[r.decision] : 0 }));
					},
				);
			}
			return runBatch<{ record: ContactRecord; item: INodeExecutionData }>(
				this,
				{ outputs: perDecision ? 3 : 1 },
				(item, i) => ({ record: parseContact(item.json, i, { ...contactOptions, ...memos }), item }),
				(parsed) => {
					const records = parsed.map((p, k) => ({ ...p.record, index: k, id: p.record.id ?? `#${p.record.index}` }));
					const results = dedupeRecords(records, {
						...contactOptions,
						thresholds: opts.thresholds,
						cluster: {
							maxBlockSize: opts.maxBlockSize,
							sharedPhoneMinNames: opts.sharedPhoneMinNames,
							primary: opts.primaryRecord,
							clusterSupport: opts.clusterSupport,
						},
					});
					return results.map((r, k) => ({
						data: out(parsed[k].item, r),
						output: perDecision ? outputIndex[r.decision] : 0,
					}));
				},
			);
		}

		if (operation === 'merge') {
			const mergeSource = this.getNodeParameter('mergeSource', 0, 'field') as string;
			const mergeOptions = { ...contactOptions, primary: opts.primaryRecord, exclude: [opts.outputKey] };
			if (mergeSource === 'field') {
				return runPerItem(this, { outputs: 1 }, (item, i) => {
					const field = this.getNodeParameter('recordField', i) as string;
					const value = getPath(item.json, field);
					let sources: unknown[];
					if (Array.isArray(value)) sources = value;
					else if (isPlainObject(value)) {
						const incoming: IDataObject = { ...item.json };
						delete incoming[field.split('.')[0]];
						delete incoming[opts.outputKey];
						sources = [value, incoming];
					} else {
						throw fieldError(i, field, `Field "${field}" must hold the record to merge with (an object) or the records to merge (an array)`);
					}
					return { data: out(item, mergeContacts(sources, mergeOptions)) };
				});
			}
			const clusterField = this.getNodeParameter('clusterField', 0) as string;
			return runBatch<{ item: INodeExecutionData; cluster: string }>(
				this,
				{ outputs: 1 },
				(item, i) => {
					if (!isPlainObject(item.json)) throw fieldError(i, 'json', 'Item is not an object');
					const v = getPath(item.json, clusterField);
					return { item, cluster: typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : `#item${i}` };
				},
				(parsed) => {
					const groups = new Map<string, number[]>();
					parsed.forEach((p, k) => {
						const g = groups.get(p.cluster);
						if (g) g.push(k);
						else groups.set(p.cluster, [k]);
					});
					const routed = new Array<{ data: IDataObject }>(parsed.length);
					for (const members of groups.values()) {
						const sources = members.map((k) => {
							const copy: IDataObject = { ...parsed[k].item.json };
							delete copy[opts.outputKey];
							return copy;
						});
						const { result: merged, primaryIndex: primaryPos } = mergeWithPrimary(sources, mergeOptions);
						members.forEach((k, s) => {
							routed[k] = {
								data: out(parsed[k].item, s === primaryPos ? merged : mergedMarker(merged.journal!.primaryId, merged.journal!.mergeId)),
							};
						});
					}
					return routed;
				},
			);
		}

		if (operation === 'unmerge') {
			return runPerItem(this, { outputs: 1 }, (item, i) => {
				const field = this.getNodeParameter('journalField', i) as string;
				return { data: out(item, unmergeContacts(getPath(item.json, field), field)) };
			});
		}

		throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`);
	}
}
