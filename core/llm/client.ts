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
 * The openai SDK sends one attempt at a time (its own retries are off); this module retries, so that
 * the timeout bounds the whole call (every attempt and every back-off wait) and a cancel ends a wait at
 * once. The SDK obeys any retry-after, even an hour: here a wait that does not fit in the time left
 * ends the call instead (kind rate_limited for a 429). It also limits concurrency, redacts PII and validates.
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
	/**
	 * Time allowed for one call in milliseconds (default 30 000), counted from when it gets a concurrency
	 * slot: every attempt and every back-off wait included. A retry whose wait does not fit is not made.
	 */
	timeoutMs?: number;
	/** Retries after the first attempt on 408/409/429/5xx and connection errors, within timeoutMs (default 2). */
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
		return new LlmError('timeout', 'LLM request timed out (the timeout covers every attempt and wait)');
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
			return new LlmError('rate_limited', `LLM endpoint rate limited the request${describeStatus(status)}`, extra);
		}
		if (status === 408) return new LlmError('timeout', `LLM endpoint timed out${describeStatus(status)}`, extra);
		if (status !== undefined && status >= 500) {
			return new LlmError('server_error', `LLM endpoint failed${describeStatus(status)}`, extra);
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

/** Whether a failed attempt may be retried (the rules of the openai SDK, which has its own retries off here). */
export function isRetryable(error: unknown): boolean {
	if (error instanceof OpenAI.APIUserAbortError) return false;
	// the attempt had all the time left: nothing remains for another one
	if (error instanceof OpenAI.APIConnectionTimeoutError) return false;
	if (error instanceof OpenAI.APIConnectionError) return true;
	if (!(error instanceof OpenAI.APIError)) return false;
	const should = error.headers?.get('x-should-retry');
	if (should === 'true') return true;
	if (should === 'false') return false;
	const status = error.status;
	return status === 408 || status === 409 || status === 429 || (typeof status === 'number' && status >= 500);
}

/**
 * How long the server asks to wait before the next attempt (retry-after-ms, retry-after in seconds or as
 * an HTTP date), else exponential back-off 0.5 s, 1 s, 2 s … up to 8 s with up to 25 % jitter, as the SDK.
 */
export function retryDelayMs(error: unknown, retryIndex: number): number {
	const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
	const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
	if (Number.isFinite(ms) && ms >= 0) return ms;
	const after = headers?.get('retry-after');
	if (after) {
		const seconds = Number.parseFloat(after);
		if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
		const date = Date.parse(after);
		if (Number.isFinite(date)) return Math.max(0, date - Date.now());
	}
	return Math.min(500 * 2 ** retryIndex, 8000) * (1 - Math.random() * 0.25);
}

/**
 * Resolves after ms, or as soon as the signal aborts (never rejects). AbortSignal.timeout does not keep
 * the process alive on its own (a command-line run would exit in the middle of a wait), so a message
 * port with a listener holds the event loop until the wait ends; setTimeout is not allowed in core/.
 */
function pause(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (signal.aborted || ms <= 0) return resolve();
		const hold = new MessageChannel();
		hold.port1.addEventListener('message', () => undefined);
		hold.port1.start();
		const done = AbortSignal.any([AbortSignal.timeout(Math.ceil(ms)), signal]);
		done.addEventListener(
			'abort',
			() => {
				hold.port1.close();
				resolve();
			},
			{ once: true },
		);
	});
}

function seconds(ms: number): string {
	return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 100) / 10} s`;
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
	const timeoutMs = Math.max(1, Math.floor(config.timeoutMs ?? LLM_DEFAULTS.timeoutMs));
	const maxRetries = Math.max(0, Math.floor(config.maxRetries ?? LLM_DEFAULTS.maxRetries));
	const sdk = new OpenAI({
		apiKey: config.apiKey || 'none',
		baseURL: (config.baseUrl || LLM_DEFAULTS.baseUrl).replace(/\/+$/, ''),
		organization: config.organization || null,
		project: null,
		webhookSecret: null,
		defaultHeaders: config.headers ?? {},
		timeout: timeoutMs,
		// retried below, within the timeout and cancellable; the SDK's own back-off obeys any retry-after
		maxRetries: 0,
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
				const body: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming = {
					model: config.model,
					messages: [
						{ role: 'system', content: system },
						{ role: 'user', content: user },
					],
					...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
					...(responseFormat ? { response_format: responseFormat } : {}),
				};
				const deadline = Date.now() + timeoutMs;
				const cancelled = () => new LlmError('aborted', 'LLM request cancelled');
				let completion: OpenAI.Chat.Completions.ChatCompletion | undefined;
				let failure: unknown;
				try {
					for (let attempt = 0; ; attempt++) {
						const left = deadline - Date.now();
						if (left <= 0) {
							failure = new LlmError('timeout', 'LLM request timed out (the timeout covers every attempt and wait)');
							break;
						}
						let error: unknown;
						try {
							completion = await sdk.chat.completions.create(body, {
								signal: controller.signal,
								timeout: Math.max(1, Math.floor(left)),
							});
							break;
						} catch (e) {
							error = e;
						}
						if (controller.signal.aborted) {
							failure = cancelled();
							break;
						}
						if (attempt >= maxRetries || !isRetryable(error)) {
							failure = error;
							break;
						}
						const wait = retryDelayMs(error, attempt);
						const leftNow = deadline - Date.now();
						if (wait >= leftNow) {
							// an hour's retry-after must not hold the item: give up now with the endpoint's own kind
							const e = toLlmError(error);
							failure = new LlmError(
								e.kind,
								`${e.message}; not retried: it asked to wait ${seconds(wait)}, more than the ${seconds(Math.max(0, leftNow))} left of the timeout`,
								e.status === undefined ? {} : { status: e.status },
							);
							break;
						}
						await pause(wait, controller.signal);
						if (controller.signal.aborted) {
							failure = cancelled();
							break;
						}
					}
				} finally {
					request.signal?.removeEventListener('abort', abort);
					active.delete(controller);
				}
				if (completion === undefined) return fail(failure);
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
