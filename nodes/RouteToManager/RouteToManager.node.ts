import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { getPath } from '../../core/shared/values';
import { Router, parseRoster, readLead, readNow } from '../../core/route';
import { configError, runPerItem } from '../shared/itemLoop';
import { inputsExpression, properties } from './description';
import { configFromOptions, leadFields } from './helpers';

/** Roster rows from input 2; a clear error when nothing feeds that input. */
function rosterFromInput(ctx: IExecuteFunctions): IDataObject[] {
	let items: INodeExecutionData[] | undefined;
	try {
		items = ctx.getInputData(1);
	} catch {
		items = undefined;
	}
	if (!items) {
		throw new NodeOperationError(ctx.getNode(), 'No roster on the Roster input', {
			description: 'Connect the roster (one item per manager, e.g. a Data table "Get rows") to the second input, or change Roster Source.',
		});
	}
	return items.map((item) => item.json);
}

export class RouteToManager implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Route to Manager',
		name: 'routeToManager',
		icon: { light: 'file:routeToManager.svg', dark: 'file:routeToManager.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { parameters: "Managers list", json: "JSON roster", input: "Roster from input 2", field: "Roster from field" }[$parameter["rosterSource"]] }}',
		description: 'Assign a lead to the best available manager by skills, load, seniority and working hours',
		defaults: { name: 'Route to Manager' },
		inputs: inputsExpression,
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Assigned', 'Unassigned'],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const source = this.getNodeParameter('rosterSource', 0) as string;
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const config = configFromOptions(options, {
			fallbackOwnerId: this.getNodeParameter('fallbackOwnerId', 0, '') as string,
			fallbackQueue: this.getNodeParameter('fallbackQueue', 0, 'unassigned') as string,
		});
		const defaultTimeZone = (typeof options.defaultTimeZone === 'string' && options.defaultTimeZone.trim()) || this.getTimezone();

		// One router for the whole execution (it counts its own assignments), unless each lead carries its roster.
		let shared: Router | undefined;
		if (source !== 'field') {
			let rows: unknown;
			if (source === 'parameters') rows = (this.getNodeParameter('managers', 0, {}) as IDataObject).manager ?? [];
			else if (source === 'json') rows = this.getNodeParameter('rosterJson', 0, '[]');
			else rows = rosterFromInput(this);
			try {
				shared = new Router(parseRoster(rows, { defaultTimeZone }), config);
			} catch (error) {
				throw configError(this, error, 'roster field');
			}
		}
		// Leads that carry the same roster share a router, so the batch still never overfills a manager.
		const byRoster = new Map<string, Router>();

		return await runPerItem(this, { outputs: 2 }, (item, i) => {
			let router = shared;
			if (!router) {
				const field = this.getNodeParameter('rosterField', i, 'roster') as string;
				const raw = getPath(item.json, field);
				const key = typeof raw === 'string' ? raw : JSON.stringify(raw ?? null);
				router = byRoster.get(key);
				if (!router) {
					router = new Router(parseRoster(raw, { defaultTimeZone, fieldPrefix: field }), config);
					byRoster.set(key, router);
				}
			}
			const nowMs = readNow(this.getNodeParameter('now', i), 'now');
			const lead = readLead(item.json, leadFields(this, i), nowMs);
			const { assignment, output } = router.route(lead);
			const outputKey = (this.getNodeParameter('outputKey', i, 'assignment') as string) || 'assignment';
			return { data: { ...item.json, [outputKey]: assignment as unknown as IDataObject }, output };
		});
	}
}
