import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { z } from 'zod';

import { createLlmClient, extractJsonText, LlmError } from '../../../core/llm';
import type { LlmClientConfig } from '../../../core/llm';
import { reply, startFakeOpenAi, systemMessage, userMessage } from '../../helpers/fakeOpenAiServer';
import type { FakeOpenAi } from '../../helpers/fakeOpenAiServer';

// A made-up value for the local fake server (not a real secret).
const KEY = ['fake', 'test', 'SECRET', '0123456789abcdef'].join('-');
const schema = z.object({ label: z.enum(['a', 'b']), score: z.number().min(0).max(1), note: z.string().nullable() }).strict();
const ask = { schema, name: 'answer', system: 'Label it.', user: 'hello' };
const good = { label: 'a', score: 0.9, note: null };

async function rejection(p: Promise<unknown>): Promise<LlmError> {
	try {
		await p;
	} catch (error) {
		assert.ok(error instanceof LlmError, `expected LlmError, got ${String(error)}`);
		return error;
	}
	assert.fail('expected a rejection');
}

describe('core/llm client against the fake OpenAI-compatible server', () => {
	let fake: FakeOpenAi;
	const client = (over: Partial<LlmClientConfig> = {}) =>
		createLlmClient({ apiKey: KEY, baseUrl: fake.baseUrl, model: 'fake-model', maxRetries: 0, timeoutMs: 15_000, ...over });

	before(async () => {
		fake = await startFakeOpenAi({ apiKey: KEY, models: ['m-1', 'm-2'] });
	});
	after(async () => {
		await fake.close();
	});
	beforeEach(() => fake.reset());

	it('returns the zod-validated answer and sends a strict json_schema response format', async () => {
		fake.enqueue(reply.json(good));
		assert.deepEqual(await client({ temperature: 0 }).structured(ask), good);
		const [req] = fake.chatRequests();
		assert.equal(req.headers.authorization, `Bearer ${KEY}`);
		assert.equal(req.body?.model, 'fake-model');
		assert.equal(req.body?.temperature, 0);
		assert.equal(req.body?.response_format?.type, 'json_schema');
		assert.equal(req.body?.response_format?.json_schema?.name, 'answer');
		assert.equal(req.body?.response_format?.json_schema?.strict, true);
		const props = req.body?.response_format?.json_schema?.schema.properties as Record<string, { enum?: string[] }>;
		assert.deepEqual(props.label.enum, ['a', 'b']);
		assert.equal(systemMessage(req), 'Label it.');
		assert.equal(userMessage(req), 'hello');
	});

	it('json_object and prompt modes put the JSON Schema in the system prompt', async () => {
		fake.enqueue(reply.json(good), reply.content('```json\n{"label":"b","score":0.5,"note":"x"}\n```'));
		await client({ structuredOutput: 'json_object' }).structured(ask);
		assert.deepEqual(await client({ structuredOutput: 'prompt' }).structured(ask), { label: 'b', score: 0.5, note: 'x' });
		const [a, b] = fake.chatRequests();
		assert.deepEqual(a.body?.response_format, { type: 'json_object' });
		assert.equal(b.body?.response_format, undefined);
		for (const r of [a, b]) assert.match(systemMessage(r), /JSON Schema[\s\S]*"label"[\s\S]*"enum":\["a","b"\]/);
	});

	it('rejects an answer that does not fit the schema (extra key, wrong enum, out of range) as invalid_output', async () => {
		for (const body of [
			{ ...good, vip: true },
			{ ...good, label: 'VIP' },
			{ ...good, score: 7 },
			{ label: 'a' },
		]) {
			fake.enqueue(reply.json(body));
			const e = await rejection(client().structured(ask));
			assert.equal(e.kind, 'invalid_output');
			assert.ok(e.issues && e.issues.length > 0);
		}
		fake.enqueue(reply.json({ ...good, label: 'VIP' }));
		const e = await rejection(client().structured(ask));
		assert.deepEqual(e.issues?.[0].path, ['label']);
		assert.equal(e.issues?.[0].code, 'invalid_enum_value');
	});

	it('rejects truncated JSON, a length cut, an empty answer, a refusal and a non-JSON body as invalid_output', async () => {
		fake.enqueue(
			reply.content('{"label":"a","score":0.'),
			reply.json(good, 'length'),
			reply.content(''),
			reply.refusal('I cannot help'),
			reply.garbage('<html>bad gateway</html>'),
		);
		for (let i = 0; i < 5; i++) assert.equal((await rejection(client().structured(ask))).kind, 'invalid_output');
	});

	it('retries 429 honouring retry-after-ms and retry-after, then succeeds', async () => {
		fake.enqueue(reply.status(429, { 'retry-after-ms': '5' }), reply.status(429, { 'retry-after': '0.01' }), reply.json(good));
		assert.deepEqual(await client({ maxRetries: 2 }).structured(ask), good);
		assert.equal(fake.chatRequests().length, 3);
	});

	it('gives up after maxRetries: 429 → rate_limited, 500 → server_error, counting attempts', async () => {
		fake.setHandler(() => reply.status(429, { 'retry-after-ms': '1' }));
		let e = await rejection(client({ maxRetries: 1 }).structured(ask));
		assert.equal(e.kind, 'rate_limited');
		assert.equal(e.status, 429);
		assert.equal(fake.chatRequests().length, 2);
		fake.requests.length = 0;
		fake.setHandler(() => reply.status(500, { 'retry-after-ms': '1' }));
		e = await rejection(client({ maxRetries: 2 }).structured(ask));
		assert.equal(e.kind, 'server_error');
		assert.equal(fake.chatRequests().length, 3);
	});

	// Issue 19.1: the SDK obeyed any retry-after (an hour held the item) and its back-off ignored a cancel.
	// Each of these tests has a deadline of its own, so the old behaviour fails instead of hanging.
	it('a 429 with retry-after 3600 (or 20 s against a 2 s timeout) ends at once as rate_limited, not retried', { timeout: 30_000 }, async () => {
		for (const [retryAfter, timeoutMs] of [
			['3600', 30_000],
			['20', 2000],
		] as const) {
			fake.reset();
			fake.setHandler(() => reply.status(429, { 'retry-after': retryAfter }));
			const started = Date.now();
			const e = await rejection(client({ maxRetries: 2, timeoutMs }).structured(ask));
			const elapsed = Date.now() - started;
			assert.equal(e.kind, 'rate_limited');
			assert.equal(e.status, 429);
			assert.match(e.message, /rate limited.*not retried: it asked to wait/);
			assert.equal(fake.chatRequests().length, 1, 'no retry after a wait longer than the timeout');
			assert.ok(elapsed < 5000, `retry-after ${retryAfter}: ${elapsed} ms (a very generous bound)`);
		}
	});

	it('the timeout bounds the whole call: back-off waits that no longer fit are not made', { timeout: 30_000 }, async () => {
		// 500 without retry-after: back-off 0.5 s, 1 s, 2 s … ; ten retries would take > 30 s
		fake.setHandler(() => reply.status(500));
		const started = Date.now();
		const e = await rejection(client({ maxRetries: 10, timeoutMs: 1200 }).structured(ask));
		const elapsed = Date.now() - started;
		assert.equal(e.kind, 'server_error');
		assert.ok(fake.chatRequests().length >= 2 && fake.chatRequests().length <= 3, String(fake.chatRequests().length));
		assert.ok(elapsed < 5000, `${elapsed} ms (a very generous bound)`);
	});

	for (const level of ['request', 'client'] as const) {
		it(`a cancel (${level} signal) ends a back-off wait at once`, { timeout: 30_000 }, async () => {
			// retry-after 60 s fits in the 120 s timeout, so the client waits; the cancel must end that wait
			fake.enqueue(reply.status(429, { 'retry-after': '60' }), reply.json(good));
			const ac = new AbortController();
			const c = client({ maxRetries: 2, timeoutMs: 120_000, ...(level === 'client' ? { signal: ac.signal } : {}) });
			const p = c.structured({ ...ask, ...(level === 'request' ? { signal: ac.signal } : {}) });
			await fake.waitForChatRequests(1);
			await new Promise((resolve) => setTimeout(resolve, 200)); // let the 429 arrive: the client is now waiting
			const started = Date.now();
			ac.abort();
			const e = await rejection(p);
			const elapsed = Date.now() - started;
			assert.equal(e.kind, 'aborted');
			assert.equal(fake.chatRequests().length, 1);
			assert.ok(elapsed < 2000, `${elapsed} ms after the cancel (a very generous bound)`);
		});
	}

	it('a reply slower than the timeout → timeout; a dropped connection or closed port → network', async () => {
		fake.enqueue(reply.delay(30_000, reply.json(good)));
		assert.equal((await rejection(client({ timeoutMs: 200 }).structured(ask))).kind, 'timeout');
		fake.enqueue(reply.drop());
		assert.equal((await rejection(client().structured(ask))).kind, 'network');
		const closed = await startFakeOpenAi();
		const url = closed.baseUrl;
		await closed.close();
		assert.equal((await rejection(client({ baseUrl: url }).structured(ask))).kind, 'network');
	});

	it('a wrong key → auth, and the key never appears in the error even when the server echoes it', async () => {
		const wrong = ['fake', 'wrong', 'KEY', '9876543210'].join('-');
		const e = await rejection(client({ apiKey: wrong }).structured(ask));
		assert.equal(e.kind, 'auth');
		assert.equal(e.status, 401);
		assert.ok(!e.message.includes(wrong) && !String(e.stack).includes(wrong));
		assert.ok(!JSON.stringify(e).includes(wrong));
	});

	it('400 (unknown model, unsupported response_format) → bad_request; an abort → aborted', async () => {
		fake.enqueue(reply.status(400, {}, 'response_format json_schema is not supported'));
		assert.equal((await rejection(client().structured(ask))).kind, 'bad_request');
		fake.enqueue(reply.delay(1000, reply.json(good)));
		const ac = new AbortController();
		const p = client().structured({ ...ask, signal: ac.signal });
		await fake.waitForChatRequests(2);
		ac.abort();
		assert.equal((await rejection(p)).kind, 'aborted');
	});

	it('the client-level signal cancels every request in flight', async () => {
		fake.setHandler(() => reply.delay(1000, reply.json(good)));
		const ac = new AbortController();
		const c = client({ signal: ac.signal });
		const ps = [c.structured(ask), c.structured(ask)];
		await fake.waitForChatRequests(2);
		ac.abort();
		for (const p of ps) assert.equal((await rejection(p)).kind, 'aborted');
	});

	it('redacts phones and e-mails before the text leaves the machine (on by default)', async () => {
		const text = 'Позвоните +7 (912) 345-67-89 или 8 912 345 67 89, пишите ivan.petrov@example.ru';
		fake.enqueue(reply.json(good), reply.json(good));
		await client().structured({ ...ask, user: text });
		await client({ redactPii: false }).structured({ ...ask, user: text });
		const [redacted, plain] = fake.chatRequests();
		for (const pii of ['345-67-89', '345 67 89', 'ivan.petrov', 'example.ru']) {
			assert.ok(!redacted.raw.includes(pii), `${pii} leaked`);
			assert.ok(plain.raw.includes(pii));
		}
		assert.match(userMessage(redacted), /\[PHONE\].*\[EMAIL\]/);
	});

	it('limits requests in flight across calls to the concurrency setting', async () => {
		let inFlight = 0;
		let peak = 0;
		fake.setHandler(() => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			return reply.delay(30, reply.json(good));
		});
		const c = client({ concurrency: 2 });
		const results = await Promise.all(
			Array.from({ length: 6 }, () =>
				c.structured(ask).finally(() => {
					inFlight--;
				}),
			),
		);
		assert.equal(results.length, 6);
		assert.equal(fake.chatRequests().length, 6);
		assert.equal(peak, 2);
	});

	it('lists the models of the endpoint', async () => {
		assert.deepEqual(await client().listModels(), ['m-1', 'm-2']);
		const e = await rejection(client({ apiKey: 'nope-nope' }).listModels());
		assert.equal(e.kind, 'auth');
	});

	it('extractJsonText strips a code fence and whitespace only', () => {
		assert.equal(extractJsonText(' ```json\n{"a":1}\n``` '), '{"a":1}');
		assert.equal(extractJsonText('{"a":1}'), '{"a":1}');
	});
});
