import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../shared/itemLoop';

/** Placeholder until the capability lands: passes items through unchanged. */
export class RouteToManager implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Route to Manager',
		name: 'routeToManager',
		icon: { light: 'file:routeToManager.svg', dark: 'file:routeToManager.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '',
		description: 'Assign a lead to the best available manager by skills, load, seniority and working hours',
		defaults: { name: 'Route to Manager' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runPerItem(this, { outputs: 1 }, (item) => ({ data: item.json }));
	}
}
