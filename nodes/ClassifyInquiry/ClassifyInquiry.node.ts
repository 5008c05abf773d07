import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	NodeExecutionHint,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createClassifier, DEFAULT_CATEGORY_IDS } from '../../core/classify';
import type { Classifier, ClassifyMode, Inquiry, LlmClassifier, TrainingExample } from '../../core/classify';
import { createLlmClassifier } from '../../core/classify/llmEngine';
import { llmClientFromCredential } from '../../core/llm';
import { configError, runPerItem } from '../shared/itemLoop';
import { configuredInputs, configuredOutputs, CREDENTIAL_NAME, llmModes, properties } from './description';
import {
	checkOutputKey,
	countingLlm,
	engineSummary,
	outputIndexFor,
	readCategories,
	readDefaultCountry,
	readRules,
	readText,
	readTrainingExamples,
	readTrainingItems,
} from './helpers';
import type { LlmOptionsParam, LlmStats } from './helpers';

export class ClassifyInquiry implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Classify Inquiry',
		name: 'classifyInquiry',
		icon: { light: 'file:classifyInquiry.svg', dark: 'file:classifyInquiry.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["mode"] + " · " + ($parameter["taxonomy"] === "custom" ? ((($parameter["categories"] || {}).category || []).length + " custom categories") : "default categories") }}',
		description:
			'Label an inquiry: type, priority, language, sentiment, contact fields; rules, a local model or any OpenAI-compatible LLM',
		defaults: { name: 'Classify Inquiry' },
		inputs: `={{(${configuredInputs})($parameter)}}`,
		outputs: `={{(${configuredOutputs})($parameter, ${JSON.stringify(DEFAULT_CATEGORY_IDS)})}}`,
		credentials: [{ name: CREDENTIAL_NAME, required: false, displayOptions: llmModes }],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const mode = this.getNodeParameter('mode', 0, 'cascade') as ClassifyMode;
		const taxonomy = this.getNodeParameter('taxonomy', 0, 'default') as string;
		const threshold = this.getNodeParameter('threshold', 0, 0.5) as number;
		const perCategory = this.getNodeParameter('outputPerCategory', 0, false) as boolean;
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const outputKey = String(options.outputKey ?? 'inquiry').trim() || 'inquiry';
		const hints: NodeExecutionHint[] = [];

		// ---- configuration (a mistake here stops the node whatever the error setting)
		let classifier: Classifier;
		let stats: LlmStats | undefined;
		// stops LLM calls still queued for items after one that stopped the node
		let cancelLlm = (): void => undefined;
		try {
			if (this.getInputData().length) checkOutputKey(outputKey, this.getNodeParameter('textField', 0, 'text') as string);
			const categories = readCategories(taxonomy, this.getNodeParameter('categories', 0, {}));
			const categoryIds = categories ? categories.map((c) => c.id) : DEFAULT_CATEGORY_IDS;
			const rules = readRules(this.getNodeParameter('rules', 0, {}));
			const training: TrainingExample[] = [];
			if (mode !== 'rules') {
				training.push(...readTrainingExamples(this.getNodeParameter('trainingExamples', 0, {})));
				if (this.getNodeParameter('trainingInput', 0, false) as boolean) {
					let trainingItems: INodeExecutionData[] = [];
					try {
						trainingItems = this.getInputData(1);
					} catch {
						trainingItems = [];
					}
					const read = readTrainingItems(
						trainingItems.map((i) => i.json),
						String(options.trainingTextField ?? 'text'),
						String(options.trainingTypeField ?? 'type'),
						categoryIds,
					);
					training.push(...read.examples);
					const { noText, noType, unknownType } = read.skipped;
					const skipped = noText + noType + unknownType;
					hints.push({
						message:
							`Training input: ${read.examples.length} of ${trainingItems.length} items used` +
							(skipped
								? `; skipped ${noText} without text, ${noType} without a type, ${unknownType} with a type that is not a category` +
									(read.unknownTypes.length ? ` (${read.unknownTypes.map((t) => `"${t}"`).join(', ')})` : '')
								: ''),
						type: skipped ? 'warning' : 'info',
						location: 'outputPane',
					});
				}
			}

			let llm: LlmClassifier | undefined;
			const hasCredential = Boolean(node.credentials?.[CREDENTIAL_NAME]);
			if ((mode === 'llm' || mode === 'cascade') && hasCredential) {
				const credentials = (await this.getCredentials(CREDENTIAL_NAME)) as IDataObject;
				const llmOptions = this.getNodeParameter('llmOptions', 0, {}) as LlmOptionsParam;
				const { client, cancel } = llmClientFromCredential(
					credentials,
					this.getNodeParameter('model', 0, 'gpt-4o-mini') as string,
					llmOptions,
					this.getExecutionCancelSignal(),
				);
				cancelLlm = cancel;
				stats = { calls: 0, failures: {} };
				llm = countingLlm(
					createLlmClassifier(client, {
						multiLabel: options.multiLabel === true,
						...(llmOptions.maxChars ? { maxChars: llmOptions.maxChars } : {}),
					}),
					stats,
				);
			}
			if (mode === 'llm' && !llm) {
				throw new NodeOperationError(node, 'Mode "LLM" needs a credential', {
					description: `Select an "Inquiry Router: OpenAI-Compatible API" credential, or use mode "Cascade", which works offline without one.`,
				});
			}

			classifier = createClassifier({
				mode,
				...(categories ? { categories } : {}),
				rules,
				threshold,
				multiLabel: options.multiLabel === true,
				defaultCountry: readDefaultCountry(options.defaultCountry),
				training,
				useDefaultRules: options.useDefaultRules !== false,
				...(llm ? { llm } : {}),
			});
		} catch (error) {
			throw configError(this, error, 'parameter');
		}

		// ---- items: every classification starts now (LLM calls run concurrently, limited by the client);
		// the loop then collects them in order, so a bad item fails alone and keeps its index.
		const items = this.getInputData();
		const pending = items.map(async (item, i) => {
			const field = this.getNodeParameter('textField', i, 'text') as string;
			checkOutputKey(outputKey, field);
			return await classifier.classify(readText(item.json, field));
		});
		pending.forEach((p) => p.catch(() => undefined));

		const categoryIds = classifier.categories.map((c) => c.id);
		const outputs = perCategory ? categoryIds.length + 1 : 1;
		const done: Inquiry[] = [];
		let result: INodeExecutionData[][];
		try {
			result = await runPerItem(this, { outputs, errorOutput: perCategory ? outputs - 1 : 0 }, async (item, i) => {
				const inquiry = await pending[i];
				done.push(inquiry);
				return {
					data: { ...item.json, [outputKey]: inquiry as unknown as IDataObject },
					output: perCategory ? outputIndexFor(inquiry, categoryIds, threshold) : 0,
				};
			});
		} finally {
			cancelLlm();
		}

		if (done.length) {
			const degraded = done.some((q) => q.degraded);
			hints.push({ message: engineSummary(done, stats), type: degraded ? 'warning' : 'info', location: 'outputPane' });
			if (stats?.failures.auth) {
				hints.push({
					message: 'The LLM endpoint rejected the credential (HTTP 401/403): check the API key; the offline answer was used.',
					type: 'danger',
					location: 'outputPane',
				});
			}
			if (stats?.failures.bad_request) {
				hints.push({
					message:
						'The LLM endpoint refused the request: check the model name, or set LLM Options → Structured Output to "JSON Object" or "Prompt Only".',
					type: 'danger',
					location: 'outputPane',
				});
			}
		}
		if (hints.length) this.addExecutionHints(...hints);
		return result;
	}
}
