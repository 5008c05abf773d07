import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../../nodes/shared/itemLoop';
import { InputError } from '../../core/shared/errors';
import { runNode } from '../helpers/workflowHarness';

class Echo implements INodeType {
	description = {
		displayName: 'Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'test',
		defaults: { name: 'Echo' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Field', name: 'field', type: 'string', default: 'text' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runPerItem(this, { outputs: 1 }, (item, i) => {
			const field = this.getNodeParameter('field', i) as string;
			const value = item.json[field];
			if (typeof value !== 'string') throw new InputError(field, `Field "${field}" must be text`);
			return { data: { ...item.json, upper: value.toUpperCase() } };
		});
	}
}

describe('workflow harness (n8n-core WorkflowExecute)', () => {
	it('runs a node with expressions and pairs every item', async () => {
		const res = await runNode({
			type: 'test.echo',
			nodeType: new Echo(),
			parameters: { field: '={{ "te" + "xt" }}' },
			inputs: [[{ text: 'a' }, { text: 'b' }]],
		});
		assert.equal(res.error, undefined);
		assert.deepEqual(
			res.outputs[0].map((i) => [i.json.upper, i.pairedItem]),
			[
				['A', { item: 0 }],
				['B', { item: 1 }],
			],
		);
	});

	it('stops on a bad item with a message naming the item and field', async () => {
		const res = await runNode({
			type: 'test.echo',
			nodeType: new Echo(),
			parameters: { field: 'text' },
			inputs: [[{ text: 'a' }, { text: 5 }]],
		});
		assert.match(res.error?.message ?? '', /Item 1: Field "text" must be text/);
	});

	it('sends a bad item to the error output under continueErrorOutput', async () => {
		const res = await runNode({
			type: 'test.echo',
			nodeType: new Echo(),
			parameters: { field: 'text' },
			inputs: [[{ text: 'a' }, { text: 5 }, { text: 'c' }]],
			onError: 'continueErrorOutput',
		});
		assert.equal(res.error, undefined);
		assert.equal(res.outputs.length, 2);
		assert.deepEqual(res.outputs[0].map((i) => i.json.upper), ['A', 'C']);
		assert.equal(res.outputs[1].length, 1);
		assert.deepEqual(res.outputs[1][0].pairedItem, { item: 1 });
	});
});
