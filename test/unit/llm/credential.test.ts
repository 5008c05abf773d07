import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { z } from 'zod';

import { isLlmError, llmClientConfig, llmClientFromCredential } from '../../../core/llm';
import { reply, startFakeOpenAi } from '../../helpers/fakeOpenAiServer';
import type { FakeOpenAi } from '../../helpers/fakeOpenAiServer';

describe('core/llm/credential: the one credential → client builder (Classify and Escalate)', () => {
	let fake: FakeOpenAi;
	before(async () => {
		fake = await startFakeOpenAi({ apiKey: 'k-1' });
	});
	after(async () => {
		await fake.close();
	});

	it('trims the base URL and organisation, applies the header, keeps -1 temperature unset', () => {
		const c = llmClientConfig({ apiKey: 'k', baseUrl: ' http://x/v1 ', organization: ' org ', headerName: ' X-A ', headerValue: 'v' }, ' m ', { temperature: -1 });
		assert.equal(c.baseUrl, 'http://x/v1');
		assert.equal(c.organization, 'org');
		assert.deepEqual(c.headers, { 'X-A': 'v' });
		assert.equal(c.model, 'm');
		assert.equal('temperature' in c, false);
	});

	it("the execution's cancel signal aborts a request in flight (kind 'aborted'), and so does cancel()", async () => {
		fake.reset();
		fake.setHandler(() => reply.delay(20_000, reply.json({ summary: 'late' })));
		const parent = new AbortController();
		const { client } = llmClientFromCredential({ apiKey: 'k-1', baseUrl: fake.baseUrl }, 'gpt-4o-mini', { maxRetries: 0 }, parent.signal);
		const request = client.structured({ schema: z.object({ summary: z.string() }).strict(), name: 'x', system: 's', user: 'u' });
		await fake.waitForChatRequests(1);
		parent.abort();
		await assert.rejects(request, (e: unknown) => isLlmError(e) && e.kind === 'aborted');

		const second = llmClientFromCredential({ apiKey: 'k-1', baseUrl: fake.baseUrl }, 'gpt-4o-mini', { maxRetries: 0 });
		const pending = second.client.structured({ schema: z.object({ summary: z.string() }).strict(), name: 'x', system: 's', user: 'u' });
		await fake.waitForChatRequests(2);
		second.cancel();
		await assert.rejects(pending, (e: unknown) => isLlmError(e) && e.kind === 'aborted');
	});
});
