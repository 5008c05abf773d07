/**
 * A local fake of an OpenAI-compatible API on 127.0.0.1 (port 0), scriptable per request, for tests
 * of core/llm and of the nodes' LLM path. It never talks to the network.
 *
 * Each POST /chat/completions is answered by the next reply in the queue (enqueue), else by the
 * handler (setHandler), else with a valid answer built by `defaultContent`. Every request is
 * recorded (headers and parsed body) so tests can check redaction and the prompt.
 *
 *   const fake = await startFakeOpenAi({ apiKey: 'sk-test' });
 *   fake.enqueue(reply.status(429, { 'retry-after-ms': '5' }), reply.json({ type: 'lead', confidence: 0.9 }));
 *   ... createLlmClient({ apiKey: 'sk-test', baseUrl: fake.baseUrl, model: 'fake' }) ...
 *   await fake.close();
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeReply =
	/** A valid chat completion whose message content is JSON.stringify(body). */
	| { kind: 'json'; body: unknown; finishReason?: string }
	/** A valid chat completion with this exact content string (truncated JSON, prose, code fences). */
	| { kind: 'content'; content: string | null; finishReason?: string; refusal?: string }
	/** An HTTP error (429, 500, 401...) with an OpenAI-style error body and optional headers. */
	| { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
	/** Wait before answering (longer than the client timeout = a timeout). */
	| { kind: 'delay'; ms: number; then: FakeReply }
	/** Close the socket without an answer (connection reset). */
	| { kind: 'drop' }
	/** HTTP 200 with a body that is not JSON. */
	| { kind: 'garbage'; body: string };

export const reply = {
	json: (body: unknown, finishReason = 'stop'): FakeReply => ({ kind: 'json', body, finishReason }),
	content: (content: string | null, finishReason = 'stop'): FakeReply => ({ kind: 'content', content, finishReason }),
	refusal: (text: string): FakeReply => ({ kind: 'content', content: null, refusal: text }),
	status: (status: number, headers: Record<string, string> = {}, message?: string): FakeReply => ({
		kind: 'status',
		status,
		headers,
		...(message !== undefined ? { message } : {}),
	}),
	delay: (ms: number, then: FakeReply): FakeReply => ({ kind: 'delay', ms, then }),
	drop: (): FakeReply => ({ kind: 'drop' }),
	garbage: (body = '<html>oops</html>'): FakeReply => ({ kind: 'garbage', body }),
};

export interface RecordedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON body (POST), or undefined. */
	body?: ChatRequestBody;
	/** The raw body text exactly as it arrived (for scans: redaction, secrets). */
	raw: string;
}

export interface ChatRequestBody {
	model?: string;
	messages?: Array<{ role: string; content: string }>;
	response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
	temperature?: number;
	[key: string]: unknown;
}

export interface FakeOpenAi {
	/** e.g. http://127.0.0.1:40123/v1 */
	baseUrl: string;
	requests: RecordedRequest[];
	/** Only the chat-completion requests. */
	chatRequests(): RecordedRequest[];
	enqueue(...replies: FakeReply[]): void;
	/** Decide the reply from the request (used when the queue is empty). */
	setHandler(handler: ((request: RecordedRequest) => FakeReply) | undefined): void;
	/** Chat requests being answered right now, and the most at once since the last reset. */
	load: { inFlight: number; peak: number };
	/** Forget recorded requests, queued replies, the handler and the load peak. */
	reset(): void;
	/** Resolves once at least n chat requests have arrived; rejects after timeoutMs (default 10 s) instead of hanging. */
	waitForChatRequests(n: number, timeoutMs?: number): Promise<void>;
	close(): Promise<void>;
}

export interface FakeOpenAiOptions {
	/** When set, requests without "Authorization: Bearer <apiKey>" get 401 with a body that echoes the key sent. */
	apiKey?: string;
	models?: string[];
	/** Content for requests when neither queue nor handler decide; default a JSON object {"ok": true}. */
	defaultContent?: (request: RecordedRequest) => string;
}

/** The user message of a recorded chat request (the customer text as sent). */
export function userMessage(request: RecordedRequest): string {
	return request.body?.messages?.find((m) => m.role === 'user')?.content ?? '';
}

export function systemMessage(request: RecordedRequest): string {
	return request.body?.messages?.find((m) => m.role === 'system')?.content ?? '';
}

function completion(content: string | null, finishReason: string, model: string, refusal?: string) {
	return {
		id: `chatcmpl-fake-${Math.random().toString(36).slice(2)}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [
			{
				index: 0,
				message: { role: 'assistant', content, refusal: refusal ?? null },
				finish_reason: finishReason,
				logprobs: null,
			},
		],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
	const requests: RecordedRequest[] = [];
	const queue: FakeReply[] = [];
	let handler: ((request: RecordedRequest) => FakeReply) | undefined;
	const timers = new Set<NodeJS.Timeout>();
	const load = { inFlight: 0, peak: 0 };

	const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
		if (res.destroyed || res.writableEnded) return;
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end(typeof body === 'string' ? body : JSON.stringify(body));
	};

	const answer = (res: ServerResponse, r: FakeReply, model: string): void => {
		switch (r.kind) {
			case 'json':
				return send(res, 200, completion(JSON.stringify(r.body), r.finishReason ?? 'stop', model));
			case 'content':
				return send(res, 200, completion(r.content, r.finishReason ?? 'stop', model, r.refusal));
			case 'status':
				return send(
					res,
					r.status,
					{ error: { message: r.message ?? `fake error ${r.status}`, type: 'fake_error', code: null, param: null } },
					r.headers ?? {},
				);
			case 'garbage':
				if (res.destroyed) return;
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(r.body);
				return;
			case 'drop':
				res.socket?.destroy();
				return;
			case 'delay': {
				const t = setTimeout(() => {
					timers.delete(t);
					answer(res, r.then, model);
				}, r.ms);
				timers.add(t);
				return;
			}
		}
	};

	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body: ChatRequestBody | undefined;
			try {
				body = raw ? (JSON.parse(raw) as ChatRequestBody) : undefined;
			} catch {
				body = undefined;
			}
			const path = (req.url ?? '/').replace(/\?.*$/, '');
			const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: { ...req.headers }, body, raw };
			requests.push(recorded);

			if (options.apiKey !== undefined) {
				const auth = String(req.headers.authorization ?? '');
				if (auth !== `Bearer ${options.apiKey}`) {
					// Like OpenAI, echo (part of) the key that was sent: the client must not pass this on.
					return send(res, 401, {
						error: {
							message: `Incorrect API key provided: ${auth.replace(/^Bearer /, '')}.`,
							type: 'invalid_request_error',
							code: 'invalid_api_key',
							param: null,
						},
					});
				}
			}
			if (req.method === 'GET' && /\/models$/.test(path)) {
				return send(res, 200, {
					object: 'list',
					data: (options.models ?? ['fake-model']).map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })),
				});
			}
			if (req.method === 'POST' && /\/chat\/completions$/.test(path)) {
				load.inFlight++;
				load.peak = Math.max(load.peak, load.inFlight);
				res.on('close', () => {
					load.inFlight--;
				});
				const model = body?.model ?? 'fake-model';
				const next = queue.shift() ?? handler?.(recorded);
				if (next) return answer(res, next, model);
				const content = options.defaultContent ? options.defaultContent(recorded) : JSON.stringify({ ok: true });
				return send(res, 200, completion(content, 'stop', model));
			}
			return send(res, 404, { error: { message: 'not found', type: 'fake_error', code: null, param: null } });
		});
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;

	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		chatRequests: () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions')),
		enqueue: (...replies: FakeReply[]) => queue.push(...replies),
		setHandler: (h) => {
			handler = h;
		},
		load,
		reset: () => {
			load.peak = load.inFlight;
			requests.length = 0;
			queue.length = 0;
			handler = undefined;
		},
		waitForChatRequests: async (n: number, timeoutMs = 10_000) => {
			const deadline = Date.now() + timeoutMs;
			const count = () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions')).length;
			while (count() < n) {
				if (Date.now() > deadline) {
					throw new Error(`fake OpenAI server: ${count()} of ${n} chat requests arrived within ${timeoutMs} ms`);
				}
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
		},
		close: async () => {
			for (const t of timers) clearTimeout(t);
			timers.clear();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
