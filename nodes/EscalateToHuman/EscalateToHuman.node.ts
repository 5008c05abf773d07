import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../shared/itemLoop';

/** Placeholder until the capability lands: passes items through unchanged. */
export class EscalateToHuman implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Escalate to Human',
		name: 'escalateToHuman',
		icon: { light: 'file:escalateToHuman.svg', dark: 'file:escalateToHuman.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '',
		description: 'Hand a conversation to a person when automation would hurt, with a handoff package',
		defaults: { name: 'Escalate to Human' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runPerItem(this, { outputs: 1 }, (item) => ({ data: item.json }));
	}
}
