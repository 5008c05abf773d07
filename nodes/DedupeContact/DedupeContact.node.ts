import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../shared/itemLoop';

/** Placeholder until the capability lands: passes items through unchanged. */
export class DedupeContact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dedupe Contact',
		name: 'dedupeContact',
		icon: { light: 'file:dedupeContact.svg', dark: 'file:dedupeContact.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '',
		description: 'Recognise the same person across channels and merge contacts without losing history',
		defaults: { name: 'Dedupe Contact' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runPerItem(this, { outputs: 1 }, (item) => ({ data: item.json }));
	}
}
