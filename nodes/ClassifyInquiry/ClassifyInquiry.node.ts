import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../shared/itemLoop';

/** Placeholder until the capability lands: passes items through unchanged. */
export class ClassifyInquiry implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Classify Inquiry',
		name: 'classifyInquiry',
		icon: { light: 'file:classifyInquiry.svg', dark: 'file:classifyInquiry.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '',
		description: 'Label an inquiry: type, priority, language, sentiment, contact fields; rules, a local model or any OpenAI-compatible LLM',
		defaults: { name: 'Classify Inquiry' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runPerItem(this, { outputs: 1 }, (item) => ({ data: item.json }));
	}
}
