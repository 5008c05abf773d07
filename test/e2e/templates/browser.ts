// The editor in a real browser: Debian's Chromium driven by playwright-core (no browser download).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

// The callbacks below run inside the page; this module is compiled without the DOM library.
declare const document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(n: string): string | null; complete?: boolean }> };
declare const getComputedStyle: (e: unknown) => { fontSize: string; opacity: string; visibility: string };

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

/** Width at which README.md and docs/templates.md are read on GitHub; documentation images are scaled to it. */
export const DOC_WIDTH = 900;
/** A node label must be at least this many pixels high once its image is scaled to DOC_WIDTH. */
export const MIN_LABEL_PX = 10;

export interface DocShot {
	path: string;
	width: number;
	height: number;
	/** label font size in the image, and after scaling the image down to DOC_WIDTH */
	labelPx: number;
	labelPxAtDocWidth: number;
}

/**
 * Documentation screenshots whose node labels stay readable at DOC_WIDTH: the viewport is made as large as
 * the workflow at about 100 % zoom, zoom-to-fit is clicked, and the canvas is cut into as few left-to-right
 * sections (by node x position) as keep every section narrow enough that a label is still MIN_LABEL_PX high
 * when the image is shown DOC_WIDTH wide. Writes <base>.png (one section) or <base>-1.png, <base>-2.png, …
 * into dir (removing older images of the same template there). The page must show the workflow already.
 */
export async function docScreenshots(
	page: Page,
	dir: string,
	base: string,
	nodes: Array<{ type: string; position: [number, number]; parameters?: Record<string, unknown> }>,
): Promise<DocShot[]> {
	// The workflow's extent in canvas units (a node is about 100 wide; labels and stickies may reach further).
	let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
	for (const n of nodes) {
		const sticky = n.type === 'n8n-nodes-base.stickyNote';
		const w = sticky ? Number(n.parameters?.width ?? 240) : 100;
		const h = sticky ? Number(n.parameters?.height ?? 160) : 160;
		minX = Math.min(minX, n.position[0]);
		minY = Math.min(minY, n.position[1]);
		maxX = Math.max(maxX, n.position[0] + w);
		maxY = Math.max(maxY, n.position[1] + h);
	}
	const original = page.viewportSize();
	await page.setViewportSize({ width: Math.ceil(maxX - minX + 500), height: Math.ceil(maxY - minY + 500) });
	try {
		await page.waitForTimeout(500);
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id="zoom-to-fit"]').first().click();
		// Move the pointer off the canvas, so no node shows its hover toolbar.
		await page.mouse.move(0, 0);
		await page.waitForTimeout(1000);
		const measured = await page.$$eval('.vue-flow__node', (els) => {
			type R = { left: number; top: number; right: number; bottom: number };
			type El = {
				getBoundingClientRect(): R;
				querySelectorAll(s: string): ArrayLike<El>;
				querySelector(s: string): El | null;
				getAttribute(n: string): string | null;
				textContent: string | null;
				offsetHeight: number;
				parentElement: El | null;
			};
			const boxes: Array<R & { sticky: boolean }> = [];
			let labelPx = 0;
			for (const e of Array.from(els as ArrayLike<El>)) {
				// The node's own box and every text it shows (label, subtitle, branch names); hidden toolbars and
				// the like would widen the box with empty canvas.
				// (No named helper functions in here: tsx would wrap them in a __name() the page does not have.)
				const texts = Array.from(e.querySelectorAll('*')).filter((x) => {
					if (x.querySelectorAll('*').length > 0 || (x.textContent ?? '').trim() === '') return false;
					for (let a: El | null = x; a && a !== e; a = a.parentElement) {
						const st = getComputedStyle(a);
						if (st.opacity === '0' || st.visibility === 'hidden') return false;
					}
					return true;
				});
				const rects = [e, ...texts]
					.map((x) => x.getBoundingClientRect())
					.filter((r) => r.right > r.left && r.bottom > r.top);
				const node = e.querySelector('[data-test-id="canvas-node"]');
				const sticky = !node || node.getAttribute('data-node-type') === 'n8n-nodes-base.stickyNote';
				boxes.push({
					left: Math.min(...rects.map((r) => r.left)),
					top: Math.min(...rects.map((r) => r.top)),
					right: Math.max(...rects.map((r) => r.right)),
					bottom: Math.max(...rects.map((r) => r.bottom)),
					sticky,
				});
				if (node && !sticky && labelPx === 0) {
					const name = node.getAttribute('data-node-name');
					const label = Array.from(node.querySelectorAll('*')).find(
						(x) => x.textContent?.trim() === name && x.querySelectorAll('*').length === 0,
					);
					if (label && label.offsetHeight > 0) {
						const r = label.getBoundingClientRect();
						// font size on screen = CSS font size × the canvas zoom (rendered height / layout height)
						labelPx = parseFloat(getComputedStyle(label).fontSize) * ((r.bottom - r.top) / label.offsetHeight);
					}
				}
			}
			return { boxes, labelPx };
		});
		if (measured.labelPx <= 0) throw new Error(`${base}: could not measure a node label on the canvas`);
		const maxWidth = Math.floor((measured.labelPx * DOC_WIDTH) / MIN_LABEL_PX);
		const pad = Math.round(measured.labelPx * 2);
		const all = measured.boxes;
		const left = Math.min(...all.map((b) => b.left));
		const right = Math.max(...all.map((b) => b.right));
		const union = (bs: typeof all) => ({
			left: Math.max(0, Math.min(...bs.map((b) => b.left)) - pad),
			top: Math.max(0, Math.min(...bs.map((b) => b.top)) - pad),
			right: Math.max(...bs.map((b) => b.right)) + pad,
			bottom: Math.max(...bs.map((b) => b.bottom)) + pad,
		});
		// Fewest equal-width sections (each box goes where its centre lies) whose images are all narrow enough.
		let sections: Array<ReturnType<typeof union>> = [];
		for (let k = 1; k <= all.length; k++) {
			const step = (right - left) / k;
			const groups = Array.from({ length: k }, (_, i) =>
				all.filter((b) => {
					const c = (b.left + b.right) / 2;
					return c >= left + i * step && (c < left + (i + 1) * step || i === k - 1);
				}),
			).filter((g) => g.length > 0);
			sections = groups.map(union);
			if (sections.every((s) => s.right - s.left <= maxWidth)) break;
		}
		mkdirSync(dir, { recursive: true });
		const own = new RegExp(`^${base}(-\\d+)?\\.png$`); // template file names are [a-z-]
		for (const f of readdirSync(dir)) if (own.test(f)) rmSync(join(dir, f));
		const shots: DocShot[] = [];
		for (const [i, s] of sections.entries()) {
			const path = join(dir, sections.length === 1 ? `${base}.png` : `${base}-${i + 1}.png`);
			const clip = { x: Math.floor(s.left), y: Math.floor(s.top), width: Math.ceil(s.right - s.left), height: Math.ceil(s.bottom - s.top) };
			await page.screenshot({ path, clip });
			shots.push({
				path,
				width: clip.width,
				height: clip.height,
				labelPx: measured.labelPx,
				labelPxAtDocWidth: measured.labelPx * Math.min(1, DOC_WIDTH / clip.width),
			});
		}
		return shots;
	} finally {
		if (original) await page.setViewportSize(original);
	}
}

/** Text a user would read on the page: an unknown node is announced by these phrases. */
export const PLACEHOLDER_TEXT = /install this node|not currently installed|unknown node|node is not installed/i;
