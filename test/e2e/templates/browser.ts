// The editor in a real browser: Debian's Chromium driven by playwright-core (no browser download).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

// The callbacks below run inside the page; this module is compiled without the DOM library.
declare const document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(n: string): string | null; complete?: boolean }> };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

export interface Editor {
	page: Page;
	close: () => Promise<void>;
}

/** Headless Chromium with a fresh profile (--user-data-dir), signed in to the editor as the owner. */
export async function openEditor(baseUrl: string, email: string, password: string): Promise<Editor> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (scripts/system-deps.sh)`);
	const profile = mkdtempSync(join(tmpdir(), 'ir-chromium-'));
	let context: BrowserContext | undefined;
	try {
		// launchPersistentContext passes the fresh profile as --user-data-dir and adds --headless.
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_FLAGS,
			viewport: { width: 2200, height: 1000 },
		});
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(120_000);
		await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(email);
		await page.locator('input[type="password"]').first().fill(password);
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 120_000 });
		const ctx = context;
		return {
			page,
			close: async () => {
				await ctx.close();
				rmSync(profile, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await context?.close();
		rmSync(profile, { recursive: true, force: true });
		throw error;
	}
}

export interface RenderedNode {
	name: string;
	type: string;
	/** img src of the node's icon, when it is an image */
	iconSrc: string | null;
	/** the icon image finished loading with a real size */
	iconLoaded: boolean;
	/** an svg icon (n8n's built-in icon set) */
	iconSvg: boolean;
	/** the grey "?" placeholder of a node type the editor does not know */
	placeholder: boolean;
	/** the "not installed" status badge */
	notInstalled: boolean;
}

/** Opens /workflow/<id>, waits until every expected node is on the canvas with its icon resolved. */
export async function renderWorkflow(page: Page, baseUrl: string, id: string, expectedNodeNames: string[]): Promise<RenderedNode[]> {
	await page.goto(`${baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded' });
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 120_000 });
	await page.waitForFunction(
		(names) => {
			const onCanvas = new Set(
				Array.from(document.querySelectorAll('[data-test-id="canvas-node"]')).map((e) => e.getAttribute('data-node-name')),
			);
			const imgs = Array.from(document.querySelectorAll('[data-test-id="canvas-node"] .n8n-node-icon img'));
			return names.every((n) => onCanvas.has(n)) && imgs.every((i) => i.complete);
		},
		expectedNodeNames,
		{ timeout: 120_000 },
	);
	// Close popovers (production checklist, hints), then fit the workflow into the view.
	await page.keyboard.press('Escape');
	const fit = page.locator('[data-test-id="zoom-to-fit"]');
	if (await fit.count()) await fit.first().click();
	await page.waitForTimeout(800);
	return await page.$$eval('[data-test-id="canvas-node"]', (els) =>
		els.map((e) => {
			const icon = e.querySelector('.n8n-node-icon');
			const img = icon?.querySelector('img') ?? null;
			return {
				name: e.getAttribute('data-node-name') ?? '',
				type: e.getAttribute('data-node-type') ?? '',
				iconSrc: img?.getAttribute('src') ?? null,
				iconLoaded: !!img && img.complete && img.naturalWidth > 0,
				iconSvg: !!icon?.querySelector('svg'),
				placeholder: !!e.querySelector('[class*="nodeIconPlaceholder"]'),
				notInstalled: !!e.querySelector('[data-test-id="node-not-installed"]'),
			};
		}),
	);
}

export async function screenshot(page: Page, dir: string, file: string): Promise<string> {
	mkdirSync(dir, { recursive: true });
	const path = join(dir, file);
	await page.screenshot({ path });
	return path;
}

/** Text a user would read on the page: an unknown node is announced by these phrases. */
export const PLACEHOLDER_TEXT = /install this node|not currently installed|unknown node|node is not installed/i;
