import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import pLimit from 'p-limit';
import type { z } from 'zod';

import { redactPii } from '../text/redact';
import { LlmError } from './errors';
import type { LlmErrorIssue } from './errors';

/**
 * A small client for any OpenAI-compatible chat-completions endpoint (OpenAI, Azure v1, Ollama,
 * vLLM, GigaChat/YandexGPT gateways) that returns zod-validated structured data or throws LlmError.
 *
 * Waiting (timeout, back-off on 429/5xx honouring retry-after) is done by the openai SDK itself;
 * this module only configures it, limits concurrency across calls, redacts PII and validates.
 */

/**
 * How the answer format is requested:
 * - json_schema: response_format json_schema built from the zod schema (strict; OpenAI, vLLM, Ollama ≥ 0.5);
 * - json_object: response_format json_object, with the JSON Schema written into the system prompt;
 * - prompt: no response_format at all (gateways that reject it), JSON Schema in the system prompt.
 * In every case the answer is validated with zod; nothing that does not fit is returned.
 */
export type StructuredOutputMode = 'json_schema' | 'json_object' | 'prompt';

export interface LlmClientConfig {
	apiKey: string;
	/** Root of the API up to and including /v1; default https://api.openai.com/v1 */
	baseUrl?: string;
	organization?: string;
	/** Extra headers some gateways require. */
	headers?: Record<string, string>;
	model: string;
	/** Per-attempt timeout in milliseconds (default 30 000). */
	timeoutMs?: number;
	/** Retries after the first attempt on 408/409/429/5xx, timeouts and connection errors (default 2). */
	maxRetries?: number;
	/** Requests in flight at once across every call of this client (default 4). */
	concurrency?: number;
	/** Replace phone numbers and e-mails in the user message with placeholders before sending (default true). */
	redactPii?: boolean;
	/** Sampling temperature; undefined leaves it to the server (reasoning models accept only the default). */
	temperature?: number;
	structuredOutput?: StructuredOutputMode;
	/** Cancels every request of this client (n8n execution stopped); one listener, however many requests. */
	signal?: AbortSignal;
	/** fetch implementation (tests, proxies); default the runtime's global fetch. */
	fetch?: typeof fetch;
}

export interface StructuredRequest<S extends z.ZodTypeAny> {
	/** zod schema of the answer; with json_schema it must be an object schema whose optional fields are .nullable(). */
	schema: S;
	/** Name of the answer format (letters, digits, _ and -). */
	name: string;
	system: string;
	/** The user's data (customer text); redacted when redactPii is on. */
	user: string;
	signal?: AbortSignal;
}

export interface LlmClient {
	readonly model: string;
	readonly redactsPii: boolean;
	structured<S extends z.ZodTypeAny>(request: StructuredRequest<S>): Promise<z.infer<S>>;
	/** Model ids the endpoint offers (GET /models). */
	listModels(signal?: AbortSignal): Promise<string[]>;
}

export const LLM_DEFAULTS = {
	baseUrl: 'https://api.openai.com/v1',
	timeoutMs: 30_000,
	maxRetries: 2,
	concurrency: 4,
	redactPii: true,
	structuredOutput: 'json_schema' as StructuredOutputMode,
};

function describeStatus(status: number | undefined): string {
	return status === undefined ? '' : ` (HTTP ${status})`;
}

/** Map anything the SDK (or our parsing) throws to LlmError, with a message of our own. */
export function toLlmError(error: unknown): LlmError {
	if (error instanceof LlmError) return error;
	if (error instanceof OpenAI.APIUserAbortError) return new LlmError('aborted', 'LLM request cancelled');
	if (error instanceof OpenAI.APIConnectionTimeoutError) {
		return new LlmError('timeout', 'LLM request timed out (after every retry)');
	}
	if (error instanceof OpenAI.APIConnectionError) {
		return new LlmError('network', 'LLM endpoint unreachable (connection failed)');
	}
	if (error instanceof OpenAI.APIError) {
		const status = typeof error.status === 'number' ? error.status : undefined;
		const extra = status === undefined ? {} : { status };
		if (status === 401 || status === 403) {
			return new LlmError('auth', `LLM endpoint rejected the credential${describeStatus(status)}`, extra);
		}
		if (status === 429) {
			return new LlmError('rate_limited', `LLM endpoint rate limit reached (after every retry)${describeStatus(status)}`, extra);
		}
		if (status === 408) return new LlmError('timeout', `LLM endpoint timed out${describeStatus(status)}`, extra);
		if (status !== undefined && status >= 500) {
			return new LlmError('server_error', `LLM endpoint failed (after every retry)${describeStatus(status)}`, extra);
		}
		if (status !== undefined && status >= 400) {
			return new LlmError(
				'bad_request',
				`LLM endpoint refused the request${describeStatus(status)}: check the model name and the structured output setting`,
				extra,
			);
		}
		return new LlmError('server_error', `LLM endpoint answered with an error${describeStatus(status)}`, extra);
	}
	if (error instanceof SyntaxError) return new LlmError('invalid_output', 'LLM endpoint answered with a body that is not JSON');
	if (error instanceof Error && error.name === 'AbortError') return new LlmError('aborted', 'LLM request cancelled');
	return new LlmError('network', 'LLM request failed');
}

/** The JSON text inside a model answer: trims and removes a Markdown code fence some models add. */
export function extractJsonText(content: string): string {
	const t = content.trim();
	const fence = /^```(?:json|JSON)?\s*\n?([\s\S]*?)\n?```$/.exec(t);
	return fence ? fence[1].trim() : t;
}

const NOT_JSON = Symbol('not json');

function tryParseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return NOT_JSON;
	}
}

/** Parse and validate a model answer against the schema; throws LlmError('invalid_output'). */
export function parseStructured<S extends z.ZodTypeAny>(schema: S, content: string | null | undefined): z.infer<S> {
	if (typeof content !== 'string' || content.trim() === '') {
		throw new LlmError('invalid_output', 'LLM answer was empty');
	}
	const data = tryParseJson(extractJsonText(content));
	if (data === NOT_JSON) throw new LlmError('invalid_output', 'LLM answer was not valid JSON (truncated or malformed)');
	const result = schema.safeParse(data);
	if (!result.success) {
		const issues: LlmErrorIssue[] = result.error.issues.map((i) => ({
			path: i.path,
			code: i.code,
			message: i.message,
		}));
		const where = issues
			.slice(0, 3)
			.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`)
			.join('; ');
		throw new LlmError('invalid_output', `LLM answer did not fit the schema (${where})`, { issues });
	}
	return result.data;
}

function schemaPrompt(schema: z.ZodTypeAny, name: string): string {
	// openai's own converter (vendored in the SDK), the same one json_schema mode sends.
	const json = zodResponseFormat(schema, name).json_schema.schema;
	return (
		'\n\nAnswer with one JSON object only, no prose and no code fence, that validates against this JSON Schema:\n' +
		JSON.stringify(json)
	);
}

/** Remove a secret from a message, defence in depth on top of messages written here. */
export function scrubSecret(message: string, secret: string | undefined): string {
	if (!secret || secret.length < 4) return message;
	return message.split(secret).join('[REDACTED]');
}

export function createLlmClient(config: LlmClientConfig): LlmClient {
	if (!config.model || !config.model.trim()) throw new LlmError('bad_request', 'No LLM model name configured');
	const concurrency = Math.max(1, Math.floor(config.concurrency ?? LLM_DEFAULTS.concurrency));
	const mode = config.structuredOutput ?? LLM_DEFAULTS.structuredOutput;
	const redact = config.redactPii ?? LLM_DEFAULTS.redactPii;
	const limit = pLimit(concurrency);
	const sdk = new OpenAI({
		apiKey: config.apiKey || 'none',
		baseURL: (config.baseUrl || LLM_DEFAULTS.baseUrl).replace(/\/+$/, ''),
		organization: config.organization || null,
		project: null,
		webhookSecret: null,
		defaultHeaders: config.headers ?? {},
		timeout: Math.max(1, Math.floor(config.timeoutMs ?? LLM_DEFAULTS.timeoutMs)),
		maxRetries: Math.max(0, Math.floor(config.maxRetries ?? LLM_DEFAULTS.maxRetries)),
		logLevel: 'off',
		...(config.fetch ? { fetch: config.fetch } : {}),
	});

	const active = new Set<AbortController>();
	config.signal?.addEventListener(
		'abort',
		() => {
			for (const c of active) c.abort();
		},
		{ once: true },
	);

	const fail = (error: unknown): never => {
		const e = toLlmError(error);
		const message = scrubSecret(e.message, config.apiKey);
		throw message === e.message ? e : new LlmError(e.kind, message, { status: e.status, issues: e.issues });
	};

	return {
		model: config.model,
		redactsPii: redact,
		async structured<S extends z.ZodTypeAny>(request: StructuredRequest<S>): Promise<z.infer<S>> {
			const user = redact ? redactPii(request.user) : request.user;
			const system = mode === 'json_schema' ? request.system : request.system + schemaPrompt(request.schema, request.name);
			const responseFormat =
				mode === 'json_schema'
					? zodResponseFormat(request.schema, request.name)
					: mode === 'json_object'
						? ({ type: 'json_object' } as const)
						: undefined;
			return limit(async () => {
				// A controller per request, linked to the caller's signal and the client's, and unlinked
				// afterwards: the SDK never removes the listener it adds to a signal it is given.
				const controller = new AbortController();
				const abort = () => controller.abort();
				if (request.signal?.aborted) controller.abort();
				request.signal?.addEventListener('abort', abort, { once: true });
				active.add(controller);
				if (config.signal?.aborted) controller.abort();
				let completion: OpenAI.Chat.Completions.ChatCompletion;
				try {
					completion = await sdk.chat.completions.create(
						{
							model: config.model,
							messages: [
								{ role: 'system', content: system },
								{ role: 'user', content: user },
							],
							...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
							...(responseFormat ? { response_format: responseFormat } : {}),
						},
						{ signal: controller.signal },
					);
				} catch (error) {
					return fail(error);
				} finally {
					request.signal?.removeEventListener('abort', abort);
					active.delete(controller);
				}
				const choice = completion?.choices?.[0];
				if (!choice || !choice.message) return fail(new LlmError('invalid_output', 'LLM answer had no choices'));
				if (choice.message.refusal) return fail(new LlmError('invalid_output', 'LLM refused to answer'));
				if (choice.finish_reason === 'length') {
					return fail(new LlmError('invalid_output', 'LLM answer was cut off (length limit)'));
				}
				if (choice.finish_reason === 'content_filter') {
					return fail(new LlmError('invalid_output', 'LLM answer was withheld by a content filter'));
				}
				try {
					return parseStructured(request.schema, choice.message.content);
				} catch (error) {
					return fail(error);
				}
			});
		},
		async listModels(signal?: AbortSignal): Promise<string[]> {
			try {
				const ids: string[] = [];
				for await (const model of sdk.models.list(signal ? { signal } : undefined)) ids.push(model.id);
				return ids;
			} catch (error) {
				return fail(error);
			}
		},
	};
}
