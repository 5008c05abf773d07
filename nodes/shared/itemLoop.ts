import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isInputError } from '../../core/shared/errors';

/**
 * The one place that owns the item loop for every node in this package:
 * - every input item yields exactly one output item, on some output, with pairedItem set;
 * - a bad item raises a NodeOperationError naming the item (and the field, for InputError);
 * - under Continue On Fail the item goes to `errorOutput` with the error attached, so n8n's
 *   "continue (using error output)" setting moves it to the error output and never to a category.
 */

export interface Routed {
	/** The output item's fields (the input's fields plus the node's result object). */
	data: IDataObject;
	/** Index of the main output this item goes to (0 when the node has one output). */
	output?: number;
}

export interface LoopOptions {
	/** Number of main outputs the node declares for this configuration (without n8n's error output). */
	outputs: number;
	/** Output that receives failed items under Continue On Fail (default 0). */
	errorOutput?: number;
}

export function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (isInputError(error)) {
		return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${error.message}`, {
			itemIndex,
			description: error.hint ?? `Check the field "${error.field}" of input item ${itemIndex}.`,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${message}`, { itemIndex });
}

function failedItem(item: INodeExecutionData, error: NodeOperationError, itemIndex: number) {
	const field = error.description && /field "([^"]+)"/.exec(error.description)?.[1];
	const json: IDataObject = {
		...(item?.json ?? {}),
		error: { message: error.message, itemIndex, ...(field ? { field } : {}) },
	};
	return { json, error, pairedItem: { item: itemIndex } } as INodeExecutionData;
}

/**
 * A configuration (or whole-batch) error: not tied to one item. An InputError names the parameter
 * or field. Every node maps such errors here, never on its own.
 */
export function configError(ctx: IExecuteFunctions, error: unknown, what = 'parameter or field'): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (isInputError(error)) {
		return new NodeOperationError(ctx.getNode(), error.message, {
			description: error.hint ?? `Check the ${what} "${error.field}".`,
		});
	}
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error));
}

function emptyOutputs(n: number): INodeExecutionData[][] {
	return Array.from({ length: Math.max(1, n) }, () => []);
}

/** Run `handle` on each item independently (the common case). */
export async function runPerItem(
	ctx: IExecuteFunctions,
	options: LoopOptions,
	handle: (item: INodeExecutionData, itemIndex: number) => Promise<Routed> | Routed,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const out = emptyOutputs(options.outputs);
	for (let i = 0; i < items.length; i++) {
		try {
			const routed = await handle(items[i], i);
			out[routed.output ?? 0].push({ json: routed.data, pairedItem: { item: i } });
		} catch (error) {
			const nodeError = toNodeError(ctx, error, i);
			if (!ctx.continueOnFail()) throw nodeError;
			out[options.errorOutput ?? 0].push(failedItem(items[i], nodeError, i));
		}
	}
	return out;
}

/**
 * Run a decision that needs the whole batch at once (clustering, Pareto): each item is first parsed
 * on its own (a bad item fails alone), then `decide` sees every parsed item and returns one routed
 * result per parsed item, in the same order.
 */
export async function runBatch<T>(
	ctx: IExecuteFunctions,
	options: LoopOptions,
	parse: (item: INodeExecutionData, itemIndex: number) => T,
	decide: (parsed: T[], itemIndexes: number[]) => Promise<Routed[]> | Routed[],
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const out = emptyOutputs(options.outputs);
	const parsed: T[] = [];
	const indexes: number[] = [];
	const failed: Array<{ index: number; error: NodeOperationError }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			parsed.push(parse(items[i], i));
			indexes.push(i);
		} catch (error) {
			const nodeError = toNodeError(ctx, error, i);
			if (!ctx.continueOnFail()) throw nodeError;
			failed.push({ index: i, error: nodeError });
		}
	}
	let routed: Routed[];
	try {
		routed = await decide(parsed, indexes);
	} catch (error) {
		throw configError(ctx, error);
	}
	if (routed.length !== parsed.length) {
		throw new NodeOperationError(ctx.getNode(), `Internal error: ${routed.length} results for ${parsed.length} items`);
	}
	// Emit in input order so that item i's result precedes item i+1's on every output.
	const byIndex = new Map<number, INodeExecutionData & { _out: number }>();
	routed.forEach((r, k) =>
		byIndex.set(indexes[k], { json: r.data, pairedItem: { item: indexes[k] }, _out: r.output ?? 0 }),
	);
	for (const f of failed) {
		byIndex.set(f.index, { ...failedItem(items[f.index], f.error, f.index), _out: options.errorOutput ?? 0 });
	}
	for (let i = 0; i < items.length; i++) {
		const entry = byIndex.get(i);
		if (!entry) continue;
		const { _out, ...data } = entry;
		out[_out].push(data);
	}
	return out;
}
