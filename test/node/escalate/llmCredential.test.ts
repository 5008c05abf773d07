import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { EscalateToHuman } from '../../../nodes/EscalateToHuman/EscalateToHuman.node.js';
import { reply, startFakeOpenAi } from '../../helpers/fakeOpenAiServer';
import type { FakeOpenAi } from '../../helpers/fakeOpenAiServer';
import { runNode } from '../../helpers/workflowHarness';

/** Escalate builds its LLM client from the credential in the same place as Classify (core/llm/credential.ts). */
describe('Escalate to Human: the LLM client comes from the shared credential builder', () => {
	let fake: FakeOpenAi;
	before(async () => {
		fake = await startFakeOpenAi({ apiKey: 'k-1' });
	});
	after(async () => {
		await fake.close();
	});

	it('a base URL typed with spaces around it (as Classify accepts) reaches the endpoint; the extra header is sent', async () => {
		fake.reset();
		fake.enqueue(reply.json({ summary: 'Клиент просит соединить с менеджером по поводу доставки.' }));
		const res = await runNode({
			type: 'n8n-nodes-inquiry-router.escalateToHuman',
			nodeType: new EscalateToHuman(),
			parameters: { summary: 'llm', model: 'gpt-4o-mini', options: { now: '2026-11-24T10:00:00.000Z' } },
			inputs: [[{ conversation: [{ role: 'user', text: 'позовите человека, где моя доставка?' }] }]],
			credentials: { inquiryRouterOpenAiApi: { apiKey: 'k-1', baseUrl: `  ${fake.baseUrl}  `, headerName: ' X-Gateway ', headerValue: 'g1' } },
		});
		assert.equal(res.error, undefined, res.error?.message);
		const e = res.outputs[0][0].json.escalation as IDataObject & { handoff?: IDataObject };
		assert.equal(e.degraded, false);
		assert.equal(e.handoff?.summarySource, 'llm');
		assert.equal(fake.chatRequests().length, 1);
		assert.equal(fake.chatRequests()[0].headers['x-gateway'], 'g1');
	});
});
