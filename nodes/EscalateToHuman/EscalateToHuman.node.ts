import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { decideEscalation } from '../../core/escalate/escalate';
import type { SummaryProvider } from '../../core/escalate/escalate';
import { llmSummaryProvider } from '../../core/escalate/llmSummary';
import { llmClientFromCredential } from '../../core/llm';
import { configError, runPerItem } from '../shared/itemLoop';
import { CREDENTIAL_NAME, OUTPUT_NAMES, properties } from './description';
import { readInput, readParams, resolveNow, toOptions } from './helpers';
import type { NodeParams } from './helpers';

export class EscalateToHuman implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Escalate to Human',
		name: 'escalateToHuman',
		icon: { light: 'file:escalateToHuman.svg', dark: 'file:escalateToHuman.dark.svg' },
		group: ['transform'],
		// 1.1: reads Classify's inquiry through the pipeline contract (core/contract.ts)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["inputMode"] === "message" ? "single message" : "conversation" }}',
		description:
			'Decide whether a customer conversation must go to a person (explicit request for a human, anger, complaint, VIP, looping bot, low confidence, repeat contact, bot failure) and build the handoff package. Use as a tool to hand a chat over to a human agent.',
		defaults: { name: 'Escalate to Human' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: OUTPUT_NAMES,
		usableAsTool: true,
		credentials: [{ name: CREDENTIAL_NAME, required: true, displayOptions: { show: { summary: ['llm'] } } }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const executionTime = new Date();
		const version = this.getNode().typeVersion;
		let summarize: SummaryProvider | undefined;
		if ((this.getNodeParameter('summary', 0, 'extractive') as string) === 'llm') {
			const creds = await this.getCredentials(CREDENTIAL_NAME);
			const model = String(this.getNodeParameter('model', 0, 'gpt-4o-mini'));
			const redact = this.getNodeParameter('redactPii', 0, true) as boolean;
			try {
				// the credential → client in one place (trimmed base URL, cancelled with the execution)
				const { client } = llmClientFromCredential(
					creds,
					model,
					{ maxRetries: 1, redactPii: redact, temperature: -1 },
					this.getExecutionCancelSignal(),
				);
				// the summary call gets the cancel signal too: it also ends a back-off wait at once
				summarize = llmSummaryProvider(client, redact, this.getExecutionCancelSignal());
			} catch (error) {
				throw configError(this, error);
			}
		}

		return runPerItem(this, { outputs: 2, errorOutput: 0 }, async (item, i) => {
			const params: NodeParams = readParams({
				inputMode: this.getNodeParameter('inputMode', i, 'conversation'),
				conversationField: this.getNodeParameter('conversationField', i, 'conversation'),
				messageField: this.getNodeParameter('messageField', i, 'message'),
				triggers: this.getNodeParameter('triggers', i, []),
				useWorkingHours: this.getNodeParameter('useWorkingHours', i, false),
				timezone: this.getNodeParameter('timezone', i, ''),
				workDays: this.getNodeParameter('workDays', i, ['1', '2', '3', '4', '5']),
				workStart: this.getNodeParameter('workStart', i, '09:00'),
				workEnd: this.getNodeParameter('workEnd', i, '18:00'),
				options: this.getNodeParameter('options', i, {}),
			});
			const outputKey = String(params.options.outputKey ?? 'escalation').trim() || 'escalation';
			const options = toOptions(params, this.getTimezone());
			const input = readInput(item.json, params, version);
			const now = resolveNow(params.options.now, executionTime);
			const escalation = await decideEscalation(input, options, { now, summarize });
			return {
				data: { ...item.json, [outputKey]: escalation as unknown as IDataObject },
				output: escalation.escalate ? 0 : 1,
			};
		});
	}
}
