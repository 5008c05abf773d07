/** Where things live: the repository, per-run artifacts (gitignored) and throwaway folders. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (this file is test/e2e/lib/paths.ts). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** The package's own name: installed node types are `${PACKAGE_NAME}.<name>`. */
export const PACKAGE_NAME = 'n8n-nodes-inquiry-router';

/** The five node type names (description.name) and the credential type this package ships. */
export const NODE_NAMES = [
	'classifyInquiry',
	'dedupeContact',
	'scoreAbcSegment',
	'routeToManager',
	'escalateToHuman',
] as const;
export type NodeName = (typeof NODE_NAMES)[number];
export const CREDENTIAL_NAMES = ['inquiryRouterOpenAiApi'] as const;

/** Full n8n type of one of our nodes as installed from the npm package, e.g. `n8n-nodes-inquiry-router.classifyInquiry`. */
export function nodeType(name: NodeName | string): string {
	return `${PACKAGE_NAME}.${name}`;
}

function stamp(): string {
	return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** Whether the run that owns a run folder (n8n.json's ownerPid) is still alive. */
function runInProgress(dir: string): boolean {
	try {
		const { ownerPid } = JSON.parse(readFileSync(join(dir, 'n8n.json'), 'utf8')) as { ownerPid: number };
		process.kill(ownerPid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The run folders of one kind (test-artifacts/<kind>/*), oldest first. */
export function runDirs(kind: string): string[] {
	const base = join(REPO_ROOT, 'test-artifacts', kind);
	if (!existsSync(base)) return [];
	return readdirSync(base)
		.map((name) => join(base, name))
		.filter((p) => statSync(p).isDirectory())
		.sort();
}

/**
 * A fresh artifacts folder for one run: test-artifacts/<kind>/<timestamp>-<pid>/ (n8n.log, n8n.json,
 * timings.json). Older runs of the same kind beyond `keep` are removed so the folder does not grow
 * without bound.
 */
export function newRunDir(kind: string, keep = 10): string {
	const dir = join(REPO_ROOT, 'test-artifacts', kind, `${stamp()}-${process.pid}`);
	mkdirSync(dir, { recursive: true });
	const old = runDirs(kind)
		.filter((p) => p !== dir)
		.reverse()
		.slice(keep - 1)
		.filter((p) => !runInProgress(p));
	for (const p of old) rmSync(p, { recursive: true, force: true });
	return dir;
}

/** A fresh temporary folder (N8N_USER_FOLDER, pack destination) under the OS temp dir. */
export function newTempDir(prefix: string): string {
	return mkdtempSync(join(tmpdir(), `${prefix}-`));
}
