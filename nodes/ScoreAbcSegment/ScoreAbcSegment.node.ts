import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { SegmentConfig } from '../../core/segment/config';
import { resolveConfig } from '../../core/segment/config';
import { ParetoBatch, analysePareto } from '../../core/segment/pareto';
import type { CompiledRule } from '../../core/segment/scoring';
import { compileRules, segmentLead } from '../../core/segment/scoring';
import { configError, runBatch, runPerItem } from '../shared/itemLoop';
import { OUTPUTS_EXPRESSION, properties } from './description';
import { collectParameters, outputIndex, valueParameterSet } from './helpers';

function configFor(ctx: IExecuteFunctions, itemIndex: number, valueFromExpression: boolean): SegmentConfig {
	const params = collectParameters((name, fallback) => ctx.getNodeParameter(name, itemIndex, fallback), ctx.getNode().typeVersion);
	return resolveConfig(params, { valueFromExpression });
}

export class ScoreAbcSegment implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Score ABC Segment',
		name: 'scoreAbcSegment',
		icon: { light: 'file:scoreAbcSegment.svg', dark: 'file:scoreAbcSegment.dark.svg' },
		group: ['transform'],
		// 1.1: the pipeline contract (a known client keeps contact.segment, the stored segment)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["mode"] === "scoring" ? "Scoring" : "Pareto ABC" + ($parameter["xyz"] ? "/XYZ" : "") }}',
		description: 'A/B/C value segments by Pareto analysis over revenue, or by explainable scoring of a new lead',
		defaults: { name: 'Score ABC Segment' },
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const rawValue = this.getNodeParameter('value', 0, '', { rawExpressions: true });
		const valueFromExpression = valueParameterSet(rawValue);
		let config: SegmentConfig;
		let firstRules: CompiledRule[] | undefined;
		// Configuration is checked once, before any item: a bad parameter stops the node as a whole.
		try {
			config = configFor(this, 0, valueFromExpression);
			if (config.scoring) firstRules = compileRules(config.scoring.rules);
		} catch (error) {
			throw configError(this, error, 'parameter');
		}
		const perSegment = config.outputPerSegment;
		const outputs = perSegment ? 3 : 1;
		const key = config.outputKey;

		if (config.pareto) {
			// A batch decision: thresholds, XYZ, hysteresis and roll-up come from the first item's parameters.
			const pareto = config.pareto;
			const fieldName = valueFromExpression ? 'value' : pareto.valueField;
			// Each item is read into the batch on its own (a bad one fails alone, before it is stored).
			const batch = new ParetoBatch(pareto);
			return runBatch<IDataObject>(
				this,
				{ outputs },
				(item, i) => {
					batch.add(
						item.json,
						valueFromExpression ? { raw: this.getNodeParameter('value', i, ''), field: 'value' } : undefined,
					);
					return item.json;
				},
				(parsed) => {
					const outcome = analysePareto(batch, pareto, fieldName);
					return parsed.map((json, k) => {
						const result = outcome.result(k);
						return {
							data: { ...json, [key]: result as unknown as IDataObject },
							output: outputIndex(result.segment, perSegment),
						};
					});
				},
			);
		}

		// Scoring: one lead at a time. Rules are compiled once unless a parameter differs per item (expressions).
		const rulesRaw = JSON.stringify(this.getNodeParameter('rules', 0, {}, { rawExpressions: true }));
		const perItemRules = rulesRaw.includes('={{') || items.length === 0;
		return runPerItem(this, { outputs }, (item, i) => {
			let rules = firstRules as CompiledRule[];
			let scoring = config.scoring!;
			if (perItemRules && i > 0) {
				const itemConfig = configFor(this, i, valueFromExpression);
				scoring = itemConfig.scoring!;
				rules = compileRules(scoring.rules);
			}
			const result = segmentLead(item.json, rules, scoring);
			return {
				data: { ...item.json, [key]: result as unknown as IDataObject },
				output: outputIndex(result.segment, perSegment),
			};
		});
	}
}
