/**
 * Issue 8, editor test: Debian's headless Chromium (playwright-core, executablePath) signs in to the
 * editor, opens every imported template and checks that every node renders with its own icon (our
 * nodes: the package's SVG, loaded) and that no node shows the "?" placeholder or the "not installed"
 * badge. A screenshot per template is kept in test-artifacts/screenshots/<template>.png, and readable
 * documentation images (one or a few canvas sections, labels >= MIN_LABEL_PX at DOC_WIDTH) in
 * test-artifacts/screenshots/docs/<template>[-N].png, to be copied to docs/images/ (docs/templates.md).
 * A control workflow with a node type that does not exist proves the checks can fail.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { E2EContext } from '../lib';
import {
	docScreenshots,
	MIN_LABEL_PX,
	openEditor,
	PLACEHOLDER_TEXT,
	renderWorkflow,
	screenshot,
	type Editor,
} from '../templates/browser';
import * as T from '../templates/api';
import { deployedTemplates } from '../templates/state';

const PKG = 'n8n-nodes-inquiry-router';
const ICON_DIR: Record<string, string> = {
	classifyInquiry: 'ClassifyInquiry',
	dedupeContact: 'DedupeContact',
	scoreAbcSegment: 'ScoreAbcSegment',
	routeToManager: 'RouteToManager',
	escalateToHuman: 'EscalateToHuman',
};

export function register(ctx: E2EContext): void {
	describe('30 templates in the editor (headless Chromium)', () => {
		let editor: Editor | undefined;
		const shots = () => join(ctx.repoRoot, 'test-artifacts', 'screenshots');

		before(
			async () => {
				// Runs after 20-templates.suite (same process); alone, import the templates inactive.
				for (const file of T.TEMPLATE_FILES) {
					if (deployedTemplates.has(file)) continue;
					const wf = T.readTemplate(file);
					const record = await ctx.api.importWorkflow(wf as never, { activate: false });
					deployedTemplates.set(file, { id: record.id, name: wf.name, via: 'public-api' });
				}
				editor = await openEditor(ctx.baseUrl, ctx.owner.email, ctx.owner.password);
			},
			{ timeout: 5 * 60_000 },
		);

		after(async () => {
			await editor?.close();
		});

		for (const file of T.TEMPLATE_FILES) {
			it(`${file}: every node renders with its own icon, no unknown-node placeholder`, { timeout: 4 * 60_000 }, async (t) => {
				assert.ok(editor, 'browser did not start');
				const deployed = deployedTemplates.get(file);
				assert.ok(deployed, `${file} was not imported`);
				const wf = T.readTemplate(file);
				const expected = wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
				const rendered = await renderWorkflow(editor.page, ctx.baseUrl, deployed.id, expected.map((n) => n.name));
				const path = await screenshot(editor.page, shots(), file.replace(/\.json$/, '.png'));

				for (const node of expected) {
					const r = rendered.find((x) => x.name === node.name);
					assert.ok(r, `${file}: node "${node.name}" is not on the canvas (screenshot ${path})`);
					assert.equal(r.type, node.type);
					assert.equal(r.placeholder, false, `${file}: "${node.name}" shows the "?" placeholder (screenshot ${path})`);
					assert.equal(r.notInstalled, false, `${file}: "${node.name}" is marked not installed (screenshot ${path})`);
					if (node.type.startsWith(`${PKG}.`)) {
						const short = node.type.slice(PKG.length + 1);
						const dir = ICON_DIR[short];
						assert.ok(dir, `unknown package node ${node.type}`);
						assert.match(
							r.iconSrc ?? '',
							new RegExp(`/icons/${PKG}/dist/nodes/${dir}/${short}(\\.dark)?\\.svg$`),
							`${file}: "${node.name}" does not show the package's own icon`,
						);
						assert.equal(r.iconLoaded, true, `${file}: the icon of "${node.name}" did not load (${r.iconSrc})`);
					} else {
						assert.ok(r.iconSvg || r.iconLoaded, `${file}: "${node.name}" (${node.type}) has no icon`);
					}
				}
				const text = await editor.page.innerText('body');
				assert.doesNotMatch(text, PLACEHOLDER_TEXT, `${file}: the page announces an unknown node (screenshot ${path})`);

				// Issue 20 item 4: documentation images in which a label is readable at the README's width.
				const docs = await docScreenshots(editor.page, join(shots(), 'docs'), file.replace(/\.json$/, ''), wf.nodes);
				assert.ok(docs.length >= 1);
				for (const d of docs) {
					t.diagnostic(`${d.path}: ${d.width}x${d.height}, label ${d.labelPx.toFixed(1)} px, ${d.labelPxAtDocWidth.toFixed(1)} px at 900 px`);
					assert.ok(d.labelPxAtDocWidth >= MIN_LABEL_PX, `${d.path}: labels ${d.labelPxAtDocWidth.toFixed(1)} px at 900 px wide`);
				}
			});
		}

		it('control: a node type that is not installed is detected (the checks above can fail)', { timeout: 4 * 60_000 }, async () => {
			assert.ok(editor, 'browser did not start');
			const control = {
				name: 'e2e control: unknown node',
				nodes: [
					{ id: 'c1', name: 'Ghost', type: `${PKG}.notARealNode`, typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
				],
				connections: {},
				settings: { executionOrder: 'v1' },
			};
			const record = await ctx.api.importWorkflow(control as never, { activate: false });
			const rendered = await renderWorkflow(editor.page, ctx.baseUrl, record.id, ['Ghost']);
			const ghost = rendered.find((r) => r.name === 'Ghost');
			assert.ok(ghost);
			assert.ok(ghost.placeholder || ghost.notInstalled, JSON.stringify(ghost));
			assert.equal(ghost.iconLoaded, false);
		});
	});
}
