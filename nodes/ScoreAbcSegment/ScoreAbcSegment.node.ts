import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runPerItem } from '../shared/itemLoop';

/** Placeholder until the capability lands: passes items through unchanged. */
export class ScoreAbcSegment implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Score ABC Segment',
		name: 'scoreAbcSegment',
		icon: { light: 'file:scoreAbcSegment.svg', dark: 'file:scoreAbcSegment.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '',
		description: 'A/B/C value segments by Pareto analysis over revenue, or by explainable scoring of a new lead',
		defaults: { name: 'Score ABC Segment' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runPerItem(this, { outputs: 1 }, (item) => ({ data: item.json }));
	}
}
