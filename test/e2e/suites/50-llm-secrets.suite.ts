/**
 * The LLM path in real n8n, against a local fake OpenAI-compatible server on 127.0.0.1:
 * - a credential of this package's own type, created through the public API, drives Classify Inquiry
 *   in mode "llm"; the label comes from the LLM and phones/e-mails are redacted before the request;
 * - with a key the endpoint rejects (its 401 body echoes the key, as OpenAI's does), every item still
 *   gets an offline label flagged degraded;
 * - the API keys never appear in the webhook answers, in the stored execution data, or in n8n's log.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { reply, startFakeOpenAi, userMessage, type FakeOpenAi } from '../../helpers/fakeOpenAiServer';
import { packageNode, webhookChain, type E2EContext } from '../lib';

// Made-up values for the local fake server (not real secrets), built at run time.
const KEY = ['e2e', 'fake', 'SECRET', '5f1c2a9d7e3b'].join('-');
const WRONG = ['e2e', 'wrong', 'SECRET', '0a9b8c7d6e5f'].join('-');

const verdict = (type: string) => ({
	type,
	types: null,
	confidence: 0.91,
	priority: 'normal',
	sentiment: 'neutral',
	angry: false,
	wantsHuman: null,
	spam: false,
	language: 'ru',
	rationale: 'Scripted by the fake server.',
});

export function register(ctx: E2EContext): void {
	describe('50 LLM path and secrets in real n8n', () => {
		let fake: FakeOpenAi;
		const answers: string[] = [];
		const workflowIds: string[] = [];

		before(async () => {
			fake = await startFakeOpenAi({ apiKey: KEY });
			fake.setHandler(() => reply.json(verdict('service_request')));
		});
		after(async () => {
			await fake?.close();
		});

		async function deployWith(apiKey: string, path: string) {
			const cred = await ctx.api.public<{ id: string; name: string }>('POST', '/credentials', {
				name: `e2e llm ${path}`,
				type: 'inquiryRouterOpenAiApi',
				data: { apiKey, baseUrl: fake.baseUrl, organization: '', headerName: '', headerValue: '' },
			});
			const classify = packageNode(
				'Classify',
				ctx.nodeType('classifyInquiry'),
				{ textField: 'body.text', mode: 'llm', model: 'fake-model', llmOptions: { timeout: 5, maxRetries: 0 } },
				{ credentials: { inquiryRouterOpenAiApi: { id: cred.id, name: cred.name } } },
			);
			const record = await ctx.deploy(webhookChain(`e2e llm ${path}`, path, [classify], { respondWith: 'firstIncomingItem' }));
			workflowIds.push(record.id);
			return record;
		}

		it('a credential of our own type drives the LLM; phones and e-mails are redacted before the request', async () => {
			const record = await deployWith(KEY, 'e2e-llm-ok');
			const r = await ctx.webhook('e2e-llm-ok', { text: 'Не работает доступ в кабинет, звоните +7 912 345-67-89, ivan@example.com' });
			answers.push(r.text);
			assert.equal(r.status, 200, `${r.text}\n${await ctx.explain(record.id)}`);
			const inquiry = (r.body as { inquiry: { engine: string; degraded: boolean; type: string; extracted: { phones: string[] } } }).inquiry;
			assert.equal(inquiry.engine, 'llm', r.text);
			assert.equal(inquiry.degraded, false, r.text);
			assert.equal(inquiry.type, 'service_request');
			assert.deepEqual(inquiry.extracted.phones, ['+79123456789']);
			const sent = fake.chatRequests().map(userMessage).join('\n');
			assert.ok(sent.length > 0, 'the fake server received no chat request');
			assert.ok(!/912|ivan@example\.com/.test(sent), `PII reached the LLM: ${sent}`);
		});

		it('a rejected key degrades to the offline label, and no answer carries the key', async () => {
			const record = await deployWith(WRONG, 'e2e-llm-401');
			const r = await ctx.webhook('e2e-llm-401', { text: 'Хочу купить 20 лицензий, пришлите счёт' });
			answers.push(r.text);
			assert.equal(r.status, 200, `${r.text}\n${await ctx.explain(record.id)}`);
			const inquiry = (r.body as { inquiry: { engine: string; degraded: boolean; reasons: Array<{ code: string }> } }).inquiry;
			assert.equal(inquiry.degraded, true, r.text);
			assert.notEqual(inquiry.engine, 'llm');
			assert.ok(inquiry.reasons.some((x) => x.code === 'llm_failed'), r.text);
		});

		it('the keys never appear in answers, stored execution data or n8n\'s log', async () => {
			assert.equal(answers.length, 2);
			const executions: string[] = [];
			for (const id of workflowIds) {
				// An execution is saved just after the webhook answers: poll briefly.
				let list = { data: [] as Array<{ id: string }> };
				for (let i = 0; i < 20 && list.data.length === 0; i++) {
					if (i) await new Promise((resolve) => setTimeout(resolve, 500));
					list = await ctx.api.public<{ data: Array<{ id: string }> }>('GET', `/executions?workflowId=${id}&includeData=true`);
				}
				executions.push(JSON.stringify(list));
				assert.ok(list.data.length >= 1, `no stored execution for ${id}`);
			}
			const log = readFileSync(ctx.n8n.logFile, 'utf8');
			for (const [where, text] of [
				['webhook answers', answers.join('\n')],
				['stored executions', executions.join('\n')],
				["n8n's log", log],
			] as const) {
				for (const key of [KEY, WRONG]) assert.ok(!text.includes(key), `an API key appears in ${where}`);
			}
			// The rejected key did reach the endpoint (so the scan above is meaningful).
			assert.ok(fake.requests.some((q) => String(q.headers.authorization ?? '').includes(WRONG)));
		});
	});
}
