import { createLlmClient } from './client';
import type { LlmClient, LlmClientConfig, StructuredOutputMode } from './client';

/**
 * The one place that turns the "Inquiry Router: OpenAI-Compatible API" credential (and a node's LLM
 * options) into an LLM client, for every node that calls an LLM: the base URL and organisation are
 * trimmed, the extra header applied, and the client is cancelled with the n8n execution.
 */

/** The node's LLM Options collection (timeout in seconds; temperature -1 sends none). */
export interface LlmOptionsParam {
	timeout?: number;
	maxRetries?: number;
	concurrency?: number;
	redactPii?: boolean;
	temperature?: number;
	structuredOutput?: string;
	maxChars?: number;
}

const STRUCTURED: Record<string, StructuredOutputMode> = {
	jsonSchema: 'json_schema',
	jsonObject: 'json_object',
	prompt: 'prompt',
};

/** Credential data + node options → core/llm config. */
export function llmClientConfig(credentials: Record<string, unknown>, model: string, options: LlmOptionsParam): LlmClientConfig {
	const headerName = typeof credentials.headerName === 'string' ? credentials.headerName.trim() : '';
	const headerValue = typeof credentials.headerValue === 'string' ? credentials.headerValue : '';
	const config: LlmClientConfig = {
		apiKey: typeof credentials.apiKey === 'string' ? credentials.apiKey : '',
		model: (model ?? '').trim(),
		timeoutMs: Math.round((options.timeout ?? 30) * 1000),
		maxRetries: options.maxRetries ?? 2,
		concurrency: options.concurrency ?? 4,
		redactPii: options.redactPii ?? true,
		structuredOutput: STRUCTURED[options.structuredOutput ?? 'jsonSchema'] ?? 'json_schema',
	};
	if (typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim()) config.baseUrl = credentials.baseUrl.trim();
	if (typeof credentials.organization === 'string' && credentials.organization.trim()) {
		config.organization = credentials.organization.trim();
	}
	if (headerName) config.headers = { [headerName]: headerValue };
	const temperature = options.temperature ?? 0;
	if (temperature >= 0) config.temperature = temperature;
	return config;
}

/**
 * A client for the credential, cancelled when `parent` (n8n's execution cancel signal) aborts or
 * when the returned `cancel` is called (the node stops early).
 */
export function llmClientFromCredential(
	credentials: Record<string, unknown>,
	model: string,
	options: LlmOptionsParam,
	parent?: AbortSignal,
): { client: LlmClient; cancel: () => void } {
	const controller = new AbortController();
	if (parent) {
		if (parent.aborted) controller.abort();
		else parent.addEventListener('abort', () => controller.abort(), { once: true });
	}
	const client = createLlmClient({ ...llmClientConfig(credentials, model, options), signal: controller.signal });
	return { client, cancel: () => controller.abort() };
}
