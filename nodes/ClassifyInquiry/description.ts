import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { outputKeyField } from '../shared/fields';

/**
 * Parameters of Classify Inquiry. Internal names are documented in docs/nodes/ClassifyInquiry.md and
 * used by templates: keep them stable.
 */

export const CREDENTIAL_NAME = 'inquiryRouterOpenAiApi';

/**
 * Outputs for the current parameters (Switch v3 style). Runs in the editor as an expression, so it
 * must be self-contained: no imports, no closures; the default ids are passed in.
 */
export const configuredOutputs = (parameters: INodeParameters, defaultIds: string[]) => {
	if (!parameters.outputPerCategory) return [{ type: 'main' }];
	let names: string[] = defaultIds;
	if (parameters.taxonomy === 'custom') {
		const collection = (parameters.categories || {}) as { category?: Array<{ name?: string }> };
		names = (collection.category || []).map((c, i) => (c && c.name ? String(c.name) : 'Category ' + (i + 1)));
	}
	const outputs = names.map((name) => ({ type: 'main', displayName: name }));
	outputs.push({ type: 'main', displayName: 'Fallback' });
	return outputs;
};

/** Inputs for the current parameters: a second "Training" input when Training Input is on. */
export const configuredInputs = (parameters: INodeParameters) => {
	if (parameters.trainingInput && parameters.mode !== 'rules') {
		return [
			{ type: 'main', displayName: 'Inquiries' },
			{ type: 'main', displayName: 'Training', required: false },
		];
	}
	return [{ type: 'main' }];
};

export const llmModes = { show: { mode: ['llm', 'cascade'] } };
const trainableModes = { hide: { mode: ['rules'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Text Field',
		name: 'textField',
		type: 'string',
		default: 'text',
		required: true,
		placeholder: 'message.body',
		description: 'Field holding the inquiry text. Dotted paths are allowed (message.body).',
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		default: 'cascade',
		options: [
			{
				name: 'Cascade (Cheapest First)',
				value: 'cascade',
				description:
					'Rules, then the local model, then the LLM only when neither is confident enough (no credential: stops at the local model)',
			},
			{ name: 'Rules Only', value: 'rules', description: 'Keyword and regex rules only' },
			{ name: 'Local Model', value: 'local', description: 'Rules for flags and priority, the local model for the type; offline' },
			{
				name: 'LLM',
				value: 'llm',
				description: 'Every item goes to the LLM; the offline answer is used when it fails. Needs a credential.',
			},
		],
	},
	{
		displayName: 'Model',
		name: 'model',
		type: 'string',
		default: 'gpt-4o-mini',
		displayOptions: llmModes,
		description: 'Model name at the endpoint of the credential (gpt-4o-mini, qwen2.5:7b, GigaChat...)',
	},
	{
		displayName: 'Categories',
		name: 'taxonomy',
		type: 'options',
		noDataExpression: true,
		default: 'default',
		options: [
			{
				name: 'Default',
				value: 'default',
				description: 'Lead, complaint, service_request, question, spam, other',
			},
			{ name: 'Custom', value: 'custom', description: 'Your own categories with descriptions and example phrases' },
		],
	},
	{
		displayName: 'Custom Categories',
		name: 'categories',
		type: 'fixedCollection',
		placeholder: 'Add Category',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: { show: { taxonomy: ['custom'] } },
		options: [
			{
				name: 'category',
				displayName: 'Category',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'tender',
						description: 'The value of inquiry.type (and the output name)',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						placeholder: 'Invitations to public or private tenders, 44-ФЗ / 223-ФЗ procurement',
					},
					{
						displayName: 'Example Phrases',
						name: 'examples',
						type: 'string',
						typeOptions: { rows: 3 },
						default: '',
						description: 'One phrase per line; they teach the local model and are shown to the LLM',
					},
				],
			},
		],
	},
	{
		displayName: 'Confidence Threshold',
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.5,
		description:
			'Below it the cascade asks the next engine; with one output per category, items still below it go to Fallback',
	},
	{
		displayName: 'One Output per Category',
		name: 'outputPerCategory',
		type: 'boolean',
		default: false,
		description: 'Whether to route items to one output per category plus a Fallback output (like Switch)',
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		placeholder: 'Add Rule',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'Your rules, applied before the built-in ones',
		options: [
			{
				name: 'rule',
				displayName: 'Rule',
				values: [
					{
						displayName: 'Effect',
						name: 'effect',
						type: 'options',
						default: 'priority',
						options: [
							{
								name: 'Set Priority',
								value: 'priority',
							},
							{
								name: 'Set Type',
								value: 'type',
							},
							{
								name: 'Set Flag',
								value: 'flag',
							},
						]
					},
					{
						displayName: 'Flag',
						name: 'flag',
						type: 'options',
						default: 'wantsHuman',
						options: [
							{
								name: 'Wants Human',
								value: 'wantsHuman',
							},
							{
								name: 'Angry',
								value: 'angry',
							},
							{
								name: 'Spam',
								value: 'spam',
							},
					]
					},
					{
						displayName: 'Match',
						name: 'kind',
						type: 'options',
						default: 'keyword',
						options: [
							{
								name: 'Keyword',
								value: 'keyword',
							},
							{
								name: 'Regular Expression',
								value: 'regex',
							},
					]
					},
					{
						displayName: 'Pattern',
						name: 'pattern',
						type: 'string',
						default: '',
							required:	true,
						placeholder: 'тендер',
						description: 'Keyword(s), matched through word forms (тендер,	тендера,	тендером), or a regular expression',
					},
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'options',
						default: 'high',
						options: [
							{
								name: 'High',
								value: 'high',
							},
							{
								name: 'Normal',
								value: 'normal',
							},
							{
								name: 'Low',
								value: 'low',
							},
					]
					},
					{
						displayName: 'Rule ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Shown in the reasons;	empty	=	rule_&lt;position&gt;',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'string',
						default: '',
						placeholder: 'lead',
						description: 'A category name',
					},
					{
						displayName: 'Weight',
						name: 'weight',
						type: 'number',
						default: 1,
						description: 'Strength of the rule;	a type rule with weight 1 or more settles the type',
					},
			],
			},
		],
	},
	{
		displayName: 'Training Examples',
		name: 'trainingExamples',
		type: 'fixedCollection',
		placeholder: 'Add Example',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: trainableModes,
		description: 'Labelled examples added to the local model',
		options: [
			{
				name: 'example',
				displayName: 'Example',
				values: [
					{ displayName: 'Text', name: 'text', type: 'string', default: '' },
					{ displayName: 'Type', name: 'type', type: 'string', default: '', description: 'A category name' },
				],
			},
		],
	},
	{
		displayName: 'Training Input',
		name: 'trainingInput',
		type: 'boolean',
		default: false,
		displayOptions: trainableModes,
		description:
			'Whether to add a second input, "Training", whose labelled items (for example a Data table of past inquiries) retrain the local model for this execution',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Default Phone Country',
				name: 'defaultCountry',
				type: 'string',
				default: 'RU',
				description: 'ISO 3166 alpha-2 country for phone numbers written without a country code',
			},
			{
				displayName: 'Multiple Categories per Item',
				name: 'multiLabel',
				type: 'boolean',
				default: false,
				description: 'Whether to also list every category that applies, each with its confidence (inquiry.types)',
			},
			outputKeyField('inquiry'),
			{
				displayName: 'Training Text Field',
				name: 'trainingTextField',
				type: 'string',
				default: 'text',
				description: 'With Training Input: field of each training item holding the text (dotted path)',
			},
			{
				displayName: 'Training Type Field',
				name: 'trainingTypeField',
				type: 'string',
				default: 'type',
				description: 'With Training Input: field of each training item holding the category; inquiry.type reads this node’s earlier output',
			},
			{
				displayName: 'Use Built-In Rules',
				name: 'useDefaultRules',
				type: 'boolean',
				default: true,
				description: 'Whether to apply the built-in rules for priority (tenders, urgency), wants-human, anger, spam and strong type cues',
			},
		],
	},
	{
		displayName: 'LLM Options',
		name: 'llmOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: llmModes,
		options: [
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 64 },
				default: 4,
				description: 'LLM requests in flight at once across all items',
			},
			{
				displayName: 'Max Characters Sent',
				name: 'maxChars',
				type: 'number',
				typeOptions: { minValue: 100 },
				default: 8000,
				description: 'Longer text is cut before it is sent',
			},
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 2,
				description: 'Retries on rate limits (429), server errors (5xx) and connection errors, with back-off honouring retry-after, within the timeout',
			},
			{
				displayName: 'Redact Phones and E-Mails',
				name: 'redactPii',
				type: 'boolean',
				default: true,
				description: 'Whether to replace phone numbers and e-mail addresses with [PHONE] and [EMAIL] before the text leaves n8n',
			},
			{
				displayName: 'Structured Output',
				name: 'structuredOutput',
				type: 'options',
				default: 'jsonSchema',
				options: [
					{
						name: 'JSON Schema (Strict)',
						value: 'jsonSchema',
						description: 'Response_format json_schema: OpenAI, Azure, vLLM, Ollama 0.5+',
					},
					{ name: 'JSON Object', value: 'jsonObject', description: 'Response_format json_object, schema in the prompt' },
					{ name: 'Prompt Only', value: 'prompt', description: 'No response_format (gateways that reject it), schema in the prompt' },
				],
				description: 'How the answer format is requested; the answer is validated against the schema in every case',
			},
			{
				displayName: 'Temperature',
				name: 'temperature',
				type: 'number',
				typeOptions: { minValue: -1, maxValue: 2, numberPrecision: 1 },
				default: 0,
				description: 'Sampling temperature; -1 sends none (reasoning models accept only their default)',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 30,
				description: 'For the whole LLM call of one item: every attempt and every back-off wait',
			},
		],
	},
];
