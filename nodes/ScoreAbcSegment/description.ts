import type { INodeProperties } from 'n8n-workflow';
import { outputKeyField } from '../shared/fields';

const pareto = { mode: ['pareto'] };
const scoring = { mode: ['scoring'] };

/** Computed outputs like Switch v3: A, B, C when "One Output per Segment" is on, else one output. */
export const OUTPUTS_EXPRESSION =
	'={{ $parameter.outputPerSegment ? [{"type":"main","displayName":"A"},{"type":"main","displayName":"B"},{"type":"main","displayName":"C"}] : [{"type":"main"}] }}';

export const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Pareto (Batch of Clients)',
				value: 'pareto',
				description: 'ABC by cumulative share of a value over all input items, optionally with XYZ',
			},
			{
				name: 'Scoring (Each Lead)',
				value: 'scoring',
				description: 'Points from rules for each item, thresholds to A/B/C',
			},
		],
		default: 'pareto',
	},

	// Pareto
	{
		displayName: 'Value Field',
		name: 'valueField',
		type: 'string',
		default: 'revenue',
		placeholder: 'revenue',
		description:
			'Dotted path of the field with the value to rank by (revenue, margin, number of deals). Ignored when Value is set.',
		displayOptions: { show: pareto },
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		placeholder: '={{ $json.revenue - $json.cost }}',
		description:
			'Optional expression giving the value per item. When not empty it wins over Value Field; an empty result means the value is missing.',
		displayOptions: { show: pareto },
	},
	{
		displayName: 'ABC Rule',
		name: 'abcRule',
		type: 'options',
		options: [
			{
				name: 'Cumulative Share of Value',
				value: 'cumulativeShare',
				description: 'A: clients holding the first 80% of the total, B: up to 95%, C: the rest',
			},
			{
				name: 'Top % of Clients',
				value: 'topPercent',
				description: 'A: the top 20% of clients by value, B: the next up to 50%, C: the rest',
			},
		],
		default: 'cumulativeShare',
		displayOptions: { show: pareto },
	},
	{
		displayName: 'A Up To (% of Total)',
		name: 'aThreshold',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 80,
		description: 'A client is A while the clients ahead of it hold less than this share of the total',
		displayOptions: { show: { ...pareto, abcRule: ['cumulativeShare'] } },
	},
	{
		displayName: 'B Up To (% of Total)',
		name: 'bThreshold',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 95,
		description: 'A client is B (if not A) while the clients ahead of it hold less than this share',
		displayOptions: { show: { ...pareto, abcRule: ['cumulativeShare'] } },
	},
	{
		displayName: 'A: Top % of Clients',
		name: 'topPercentA',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 20,
		displayOptions: { show: { ...pareto, abcRule: ['topPercent'] } },
	},
	{
		displayName: 'B: Top % of Clients',
		name: 'topPercentB',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 50,
		displayOptions: { show: { ...pareto, abcRule: ['topPercent'] } },
	},
	{
		displayName: 'XYZ Analysis',
		name: 'xyz',
		type: 'boolean',
		default: false,
		description: 'Whether to add X/Y/Z by variability of a per-period series, giving AX…CZ',
		displayOptions: { show: pareto },
	},
	{
		displayName: 'Series Field',
		name: 'seriesField',
		type: 'string',
		default: 'series',
		placeholder: 'monthlyRevenue',
		description: 'Dotted path of an array of per-period numbers (e.g. monthly revenue)',
		displayOptions: { show: { ...pareto, xyz: [true] } },
	},
	{
		displayName: 'X Up To (CV %)',
		name: 'xThreshold',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 10,
		description: 'X when the coefficient of variation (std / mean) is at most this',
		displayOptions: { show: { ...pareto, xyz: [true] } },
	},
	{
		displayName: 'Y Up To (CV %)',
		name: 'yThreshold',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 25,
		description: 'Y when the coefficient of variation is at most this, Z above',
		displayOptions: { show: { ...pareto, xyz: [true] } },
	},
	{
		displayName: 'Hysteresis',
		name: 'hysteresis',
		type: 'boolean',
		default: false,
		description: 'Whether a client keeps its previous segment until it crosses a boundary by a margin',
		displayOptions: { show: pareto },
	},
	{
		displayName: 'Previous Segment Field',
		name: 'previousSegmentField',
		type: 'string',
		default: 'previousSegment',
		description: 'Dotted path of the previous segment (A, B, C, or AX…CZ)',
		displayOptions: { show: { ...pareto, hysteresis: [true] } },
	},
	{
		displayName: 'Margin (Points)',
		name: 'hysteresisMargin',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 5,
		description:
			'How far past a boundary a client must be to change segment: percentage points of cumulative share, or of rank % with the Top % rule',
		displayOptions: { show: { ...pareto, hysteresis: [true] } },
	},
	{
		displayName: 'Roll Up',
		name: 'rollUp',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'By INN', value: 'inn', description: 'Items with the same valid INN count as one client' },
			{ name: 'By Group Field', value: 'field', description: 'Items with the same group text count as one client' },
		],
		default: 'none',
		description: 'Whether to add up the values of one company or holding before segmenting',
		displayOptions: { show: pareto },
	},
	{
		displayName: 'Roll-Up Field',
		name: 'rollUpField',
		type: 'string',
		default: 'inn',
		description: 'Dotted path of the INN or group field',
		displayOptions: { show: { ...pareto, rollUp: ['inn', 'field'] } },
	},

	// Scoring
	{
		displayName: 'Scoring Rules',
		name: 'rules',
		placeholder: 'Add Rule',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: { show: scoring },
		options: [
			{
				name: 'rule',
				displayName: 'Rule',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'inquiry.type',
						description: 'Dotted path of the field to test',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Equals', value: 'equals' },
							{ name: 'Exists', value: 'exists' },
							{ name: 'Greater Than', value: 'gt' },
							{ name: 'Greater Than or Equal', value: 'gte' },
							{ name: 'Is One Of (Comma-Separated)', value: 'in' },
							{ name: 'Less Than', value: 'lt' },
							{ name: 'Less Than or Equal', value: 'lte' },
							{ name: 'Matches Regex', value: 'regex' },
							{ name: 'Not Equals', value: 'notEquals' },
							{ name: 'Not Exists', value: 'notExists' },
						],
						default: 'equals',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'lead',
						displayOptions: { hide: { operator: ['exists', 'notExists'] } },
					},
					{
						displayName: 'Points',
						name: 'points',
						type: 'number',
						default: 10,
						description: 'Points added when the rule matches (negative to subtract)',
					},
				],
			},
		],
	},
	{
		displayName: 'A From Score',
		name: 'scoreA',
		type: 'number',
		default: 60,
		description: 'A lead scoring at least this is A',
		displayOptions: { show: scoring },
	},
	{
		displayName: 'B From Score',
		name: 'scoreB',
		type: 'number',
		default: 30,
		description: 'A lead scoring at least this (and below A) is B; below is C',
		displayOptions: { show: scoring },
	},

	{
		displayName: 'Stored Segment Field',
		name: 'storedSegmentField',
		type: 'string',
		default: '',
		description: 'Dotted path of a known client\'s stored segment (A, B or C); when it holds one the lead keeps it instead of being scored. Empty to score every lead.',
		displayOptions: { show: { ...scoring, '@version': [1] } },
	},
	{
		displayName: 'Stored Segment Field',
		name: 'storedSegmentField',
		type: 'string',
		default: 'contact.segment',
		description: 'Dotted path of a known client\'s stored segment (A, B or C; Dedupe Contact\'s Match writes contact.segment from the stored row); when it holds one the lead keeps it instead of being scored. Empty to score every lead.',
		displayOptions: { show: { ...scoring, '@version': [{ _cnd: { gte: 1.1 } }] } },
	},

	// Both
	{
		displayName: 'One Output per Segment',
		name: 'outputPerSegment',
		type: 'boolean',
		default: false,
		description: 'Whether to send items to separate A, B and C outputs',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Missing or Non-Numeric Value',
				name: 'missingOrInvalid',
				type: 'options',
				options: [
					{ name: 'Segment C With a Reason', value: 'segmentC' },
					{ name: 'Error', value: 'error', description: 'The item fails (or goes to the error output)' },
				],
				default: 'segmentC',
				description: 'Pareto mode: what to do when the value (or the XYZ series) is missing or not a number',
			},
			outputKeyField('segment'),
			{
				displayName: 'Zero or Negative Value',
				name: 'zeroOrNegative',
				type: 'options',
				options: [
					{ name: 'Segment C With a Reason', value: 'segmentC' },
					{ name: 'Error', value: 'error', description: 'The item fails (or goes to the error output)' },
				],
				default: 'segmentC',
				description: 'Pareto mode: what to do when the value is 0 or below',
			},
		],
	},
];
