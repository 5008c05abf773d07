import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_CLUSTER_OPTIONS } from '../../core/dedupe/cluster';
import type { Thresholds } from '../../core/dedupe/decide';
import { DEFAULT_THRESHOLDS } from '../../core/dedupe/weights';

export interface NodeOptions {
	outputKey: string;
	defaultCountry: string;
	thresholds: Thresholds;
	sharedPhoneMinNames: number;
	maxBlockSize: number;
	includeMatchedRecord: boolean;
	primaryRecord: 'oldest' | 'newest' | 'first';
	clusterSupport: boolean;
	withoutIdentity: 'error' | 'new';
}

/** The Options collection with defaults applied and checked (a bad option stops the node with a clear error). */
export function readOptions(ctx: IExecuteFunctions): NodeOptions {
	const o = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
	const thresholds = {
		duplicate: num(o.duplicateThreshold, DEFAULT_THRESHOLDS.duplicate),
		review: num(o.reviewThreshold, DEFAULT_THRESHOLDS.review),
	};
	if (thresholds.review > thresholds.duplicate || thresholds.review < 0 || thresholds.duplicate > 1) {
		throw new NodeOperationError(ctx.getNode(), 'Review Threshold must be between 0 and Duplicate Threshold, and Duplicate Threshold at most 1');
	}
	const country = typeof o.defaultCountry === 'string' && o.defaultCountry.trim() ? o.defaultCountry.trim().toUpperCase() : 'RU';
	if (!/^[A-Z]{2}$/.test(country)) throw new NodeOperationError(ctx.getNode(), `Default Country must be a two-letter ISO code, got "${country}"`);
	const outputKey = typeof o.outputKey === 'string' && o.outputKey.trim() ? o.outputKey.trim() : 'contact';
	const primary = o.primaryRecord === 'newest' || o.primaryRecord === 'first' ? o.primaryRecord : 'oldest';
	return {
		outputKey,
		defaultCountry: country,
		thresholds,
		sharedPhoneMinNames: Math.max(2, Math.floor(num(o.sharedPhoneMinNames, DEFAULT_CLUSTER_OPTIONS.sharedPhoneMinNames))),
		maxBlockSize: Math.max(2, Math.floor(num(o.maxBlockSize, DEFAULT_CLUSTER_OPTIONS.maxBlockSize))),
		includeMatchedRecord: o.includeMatchedRecord !== false,
		primaryRecord: primary,
		clusterSupport: o.clusterSupport !== false,
		withoutIdentity: o.withoutIdentity === 'error' ? 'error' : 'new',
	};
}
