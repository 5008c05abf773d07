import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { DEFAULT_FIELD_MAPPING } from '../../core/dedupe/fields';
import { outputKeyField } from '../shared/fields';

/**
 * Parameters of Dedupe Contact. Internal names are documented in docs/nodes/DedupeContact.md and used
 * by the templates: keep them stable.
 */

/** Inputs by operation (like n8n's Merge): "match" with candidates from an input has two. Stringified into an expression: keep self-contained. */
export const configuredInputs = (parameters: INodeParameters) =>
	parameters.operation === 'match' && ['input', 'paired'].includes((parameters.candidateSource as string) ?? 'input')
		? [
				{ type: 'main', displayName: 'Contacts' },
				{ type: 'main', displayName: 'Candidates' },
			]
		: [{ type: 'main' }];

/** Outputs by operation (like n8n's Switch v3): match and deduplicate route per decision. Self-contained. */
export const configuredOutputs = (parameters: INodeParameters) => {
	const operation = parameters.operation ?? 'match';
	if (operation === 'match') {
		return [
			{ type: 'main', displayName: 'New' },
			{ type: 'main', displayName: 'Duplicate' },
			{ type: 'main', displayName: 'Review' },
		];
	}
	if (operation === 'deduplicate' && (parameters.dedupeOutput ?? 'perDecision') === 'perDecision') {
		return [
			{ type: 'main', displayName: 'Unique' },
			{ type: 'main', displayName: 'Duplicate' },
			{ type: 'main', displayName: 'Review' },
		];
	}
	return [{ type: 'main' }];
};

const mappingLabels: Record<keyof typeof DEFAULT_FIELD_MAPPING, string> = {
	id: 'ID Field',
	name: 'Full Name Field',
	firstName: 'First Name Field',
	lastName: 'Last Name Field',
	middleName: 'Middle Name / Patronymic Field',
	phone: 'Phone Field',
	email: 'Email Field',
	company: 'Company Field',
	inn: 'INN Field',
	ogrn: 'OGRN Field',
	telegram: 'Telegram Field',
	whatsapp: 'WhatsApp Field',
	channel: 'Channel Field',
	timestamp: 'Timestamp Field',
	dob: 'Date of Birth Field',
	address: 'Address Field',
	city: 'City Field',
	postcode: 'Postcode Field',
	kpp: 'KPP Field (Organisations)',
	website: 'Website / Domain Field (Organisations)',
};

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Deduplicate a List',
			value: 'deduplicate',
			description: 'Cluster a whole batch of contacts (import, CRM clean-up)',
			action: 'Deduplicate a list',
		},
		{
			name: 'Match Against Candidates',
			value: 'match',
			description: 'Decide new, duplicate or review against candidate contacts, with evidence',
			action: 'Match against candidates',
		},
		{
			name: 'Match Keys',
			value: 'matchKeys',
			description: 'Emit normalised keys (e-mail, phone, Telegram, INN, name) to look up candidates in any store',
			action: 'Build match keys',
		},
		{
			name: 'Merge',
			value: 'merge',
			description: 'Build a golden record: fill blanks, list conflicts, keep history and a merge journal',
			action: 'Merge contacts',
		},
		{
			name: 'Unmerge',
			value: 'unmerge',
			description: 'Restore the source records of a merge from its journal entry',
			action: 'Unmerge contacts',
		},
	],
	default: 'match',
};

export const properties: INodeProperties[] = [
	operation,
	{
		displayName: 'Entity',
		name: 'entity',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { operation: ['matchKeys', 'match', 'deduplicate'] } },
		options: [
			{
				name: 'Person',
				value: 'person',
				description: 'The same person across channels (name, phone, e-mail, messenger, personal INN); each contact is linked to its organisation',
			},
			{
				name: 'Organisation',
				value: 'organisation',
				description: 'The same legal entity across forms, chats, e-mail domains and tax numbers (INN/KPP, OGRN, domain, legal name, address, phone)',
			},
		],
		default: 'person',
	},
	{
		displayName: 'Candidates From',
		name: 'candidateSource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { operation: ['match'] } },
		options: [
			{ name: 'Second Input', value: 'input', description: 'Every item of input 2 is a candidate for every contact' },
			{
				name: 'Second Input, Paired Rows',
				value: 'paired',
				description: 'Input 2 holds the rows a lookup returned for each contact (a Data table "Get rows" run on the contacts); each row is compared only with the contact it is paired with',
			},
			{ name: 'Field of Each Item', value: 'field', description: 'Each contact carries its own candidates in a field' },
		],
		default: 'input',
	},
	{
		displayName: 'Candidates Field',
		name: 'candidatesField',
		type: 'string',
		displayOptions: { show: { operation: ['match'], candidateSource: ['field'] } },
		default: 'candidates',
		placeholder: 'e.g. candidates',
		description: 'Field (dotted path) holding an array of candidate contacts, e.g. the rows a Data table lookup returned',
	},
	{
		displayName: 'Output Mode',
		name: 'dedupeOutput',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { operation: ['deduplicate'] } },
		options: [
			{ name: 'One Output per Decision', value: 'perDecision', description: 'Unique, Duplicate and Review outputs' },
			{ name: 'Single Output with Cluster IDs', value: 'single', description: 'Every item on one output with its cluster ID' },
		],
		default: 'perDecision',
	},
	{
		displayName: 'Merge Records From',
		name: 'mergeSource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { operation: ['merge'] } },
		options: [
			{
				name: 'Field of Each Item',
				value: 'field',
				description: 'Merge each item with the record in a field (an object), or merge the records of an array field',
			},
			{
				name: 'Clusters in the Batch',
				value: 'cluster',
				description: 'Group the input items by a cluster ID field (from Deduplicate a List) and merge each group',
			},
		],
		default: 'field',
	},
	{
		displayName: 'Record Field',
		name: 'recordField',
		type: 'string',
		displayOptions: { show: { operation: ['merge'], mergeSource: ['field'] } },
		default: 'contact.matchedRecord',
		description: 'Object: the existing record to merge the item into (Match Against Candidates puts it in contact.matchedRecord). Array: the records to merge.',
	},
	{
		displayName: 'Cluster ID Field',
		name: 'clusterField',
		type: 'string',
		displayOptions: { show: { operation: ['merge'], mergeSource: ['cluster'] } },
		default: 'contact.clusterId',
	},
	{
		displayName: 'Journal Field',
		name: 'journalField',
		type: 'string',
		displayOptions: { show: { operation: ['unmerge'] } },
		default: 'contact.journal',
		description: 'Field holding the merge journal entry produced by the Merge operation',
	},
	{
		displayName: 'Field Mapping',
		name: 'fieldMapping',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		displayOptions: { hide: { operation: ['unmerge'] } },
		description: 'Which input fields hold the contact. Each is a comma-separated list of dotted paths; the first with a value wins.',
		options: (Object.keys(mappingLabels) as Array<keyof typeof mappingLabels>).map((key) => ({
			displayName: mappingLabels[key],
			name: key,
			type: 'string' as const,
			default: DEFAULT_FIELD_MAPPING[key],
		})),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Contacts Without Identity',
				name: 'withoutIdentity',
				type: 'options',
				options: [
					{
						name: 'Keep as New Contact',
						value: 'new',
						description: 'An anonymous message (no name, phone, e-mail, messenger, INN or company) stays a lead: decision new, reason no_identity, never matched or merged',
					},
					{
						name: 'Error',
						value: 'error',
						description: 'Stop, or send the item to the error output, naming the item and field',
					},
				],
				default: 'new',
				description: 'What to do with a contact that has nothing usable to match on',
			},
			{
				displayName: 'Default Country',
				name: 'defaultCountry',
				type: 'string',
				default: 'RU',
				description: 'ISO country code for phones written without a country code ("8 912 …")',
			},
			{
				displayName: 'Duplicate Threshold',
				name: 'duplicateThreshold',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.9,
				description: 'Score at or above which a corroborated match is a duplicate',
			},
			{
				displayName: 'Include Matched Record',
				name: 'includeMatchedRecord',
				type: 'boolean',
				default: true,
				description: 'Whether Match Against Candidates copies the matched candidate into contact.matchedRecord (for Merge)',
			},
			{
				displayName: 'Join Clusters by Review Links',
				name: 'clusterSupport',
				type: 'boolean',
				default: true,
				description: 'Whether Deduplicate a List joins two clusters that several review-level links support (most compared pairs between them)',
			},
			{
				displayName: 'Max Block Size',
				name: 'maxBlockSize',
				type: 'number',
				typeOptions: { minValue: 2 },
				default: 100,
				description: 'Blocks of contacts sharing a key larger than this are compared by sorted neighbourhood, not all pairs',
			},
			outputKeyField('contact'),
			{
				displayName: 'Primary Record',
				name: 'primaryRecord',
				type: 'options',
				options: [
					{ name: 'Oldest (by Timestamp)', value: 'oldest' },
					{ name: 'Newest (by Timestamp)', value: 'newest' },
					{ name: 'First in Input', value: 'first' },
				],
				default: 'oldest',
				description: 'Which record of a cluster is kept as the primary / base of the golden record',
			},
			{
				displayName: 'Review Threshold',
				name: 'reviewThreshold',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.5,
				description: 'Score at or above which a match goes to Review',
			},
			{
				displayName: 'Shared Phone After N Names',
				name: 'sharedPhoneMinNames',
				type: 'number',
				typeOptions: { minValue: 2 },
				default: 3,
				description: 'A phone used by this many different names is a company switchboard: it links to the company, never merges people',
			},
		],
	},
];
