/**
 * Foundation: the instance runs, drives a built-in workflow through its webhook, and lists this
 * package's five node types and its credential type as installed from the npm tarball.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CREDENTIAL_NAMES, NODE_NAMES, setNode, webhookChain, type E2EContext } from '../lib';

export function register(ctx: E2EContext): void {
	describe('00 foundation', () => {
		it('answers a built-in Webhook → Set → Respond to Webhook workflow through its production webhook', async () => {
			const workflow = webhookChain('e2e foundation echo', 'e2e-foundation-echo', [
				setNode('Shape Reply', {
					greeting: '={{ "hello " + $json.body.name }}',
					doubled: '={{ $json.body.n * 2 }}',
					pipeline: 'inquiry-router-e2e',
				}),
			], { respondWith: 'firstIncomingItem' });
			const record = await ctx.deploy(workflow);
			assert.equal(record.active, true);

			const r = await ctx.webhook<{ greeting: string; doubled: number; pipeline: string }>('e2e-foundation-echo', {
				name: 'Anna',
				n: 21,
			});
			assert.equal(r.status, 200, `${r.text}\n${await ctx.explain(record.id)}`);
			assert.deepEqual(r.body, { greeting: 'hello Anna', doubled: '42', pipeline: 'inquiry-router-e2e' });
		});

		it('lists the five node types and the credential type as n8n-nodes-inquiry-router.* (GET /types/nodes.json, /types/credentials.json)', async () => {
			const nodes = await ctx.api.nodeTypes();
			assert.ok(nodes.length > 100, `expected n8n's built-in nodes too, got ${nodes.length}`);
			const ours = [...new Set(nodes.map((n) => n.name).filter((n) => n.startsWith(`${ctx.packageName}.`)))];
			const expected = NODE_NAMES.map((n) => ctx.nodeType(n));
			// usableAsTool: n8n adds a `<name>Tool` variant of each node for AI agents.
			assert.deepEqual(ours.filter((n) => !n.endsWith('Tool')).sort(), [...expected].sort());
			assert.deepEqual(ours.filter((n) => n.endsWith('Tool')).sort(), expected.map((n) => `${n}Tool`).sort());
			assert.equal(
				nodes.filter((n) => n.name.startsWith('CUSTOM.')).length,
				0,
				'no node may be loaded as CUSTOM.* (that would be the custom-extensions folder, not the package)',
			);
			for (const n of nodes.filter((d) => d.name.startsWith(`${ctx.packageName}.`))) {
				assert.ok(n.icon || n.iconUrl, `${n.name} has no icon in its loaded description`);
			}

			const credentials = await ctx.api.credentialTypes();
			for (const name of CREDENTIAL_NAMES) {
				assert.ok(
					credentials.some((c) => c.name === name),
					`credential type ${name} not listed by /types/credentials.json`,
				);
			}
		});

		it('installed the tarball without runtime dependencies, with dist and workflows inside', () => {
			assert.deepEqual(Object.keys(ctx.pack.manifest.dependencies ?? {}), []);
			assert.ok(ctx.pack.files.some((f) => f.startsWith('dist/nodes/')), 'no dist/nodes in the tarball');
			assert.ok(ctx.pack.files.some((f) => f.startsWith('dist/credentials/')), 'no dist/credentials in the tarball');
		});
	});
}
