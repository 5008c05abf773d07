/**
 * Pack the repository with `npm pack` (dist must already be built) and install the tarball into an
 * n8n user folder the way n8n installs a community package: under `.n8n/nodes/node_modules/<name>`,
 * listed in `.n8n/nodes/package.json`. Node types are then `n8n-nodes-inquiry-router.<name>`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './paths';

export interface PackResult {
	tarball: string;
	name: string;
	version: string;
	/** Paths inside the tarball (relative to package/). */
	files: string[];
	/** The packed package.json. */
	manifest: Record<string, unknown> & { dependencies?: Record<string, string> };
}

interface PackageJson {
	name: string;
	version: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

/** Throws with the fix when a file that package.json's "n8n" block names is not in dist. */
export function assertDistBuilt(root = REPO_ROOT): void {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
	const listed = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const missing = listed.filter((rel) => !existsSync(join(root, rel)));
	if (listed.length === 0 || missing.length > 0) {
		throw new Error(
			`dist is not built (${missing.length ? `missing: ${missing.join(', ')}` : 'package.json lists no n8n files'}). ` +
				'Run `npx gulp build` (or `npx gulp bundle` to skip type-checking) before the e2e tests.',
		);
	}
}

export function packPackage(destDir: string, root = REPO_ROOT): PackResult {
	assertDistBuilt(root);
	mkdirSync(destDir, { recursive: true });
	const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destDir], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 120_000,
	});
	// npm prints the JSON array last; anything before it would be lifecycle noise.
	const json = JSON.parse(out.slice(out.indexOf('['))) as Array<{
		filename: string;
		name: string;
		version: string;
		files: Array<{ path: string }>;
	}>;
	const info = json[0];
	if (!info) throw new Error(`npm pack printed no result: ${out}`);
	const tarball = join(destDir, info.filename);
	const manifest = JSON.parse(
		execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
	) as PackResult['manifest'];
	return { tarball, name: info.name, version: info.version, files: info.files.map((f) => f.path), manifest };
}

/** Installs the packed tarball into `<userFolder>/.n8n/nodes` as n8n's community-package installer would. */
export function installPackage(pack: PackResult, userFolder: string): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', pack.name);
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', pack.tarball, '-C', target, '--strip-components=1'], { stdio: 'pipe' });
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [pack.name]: pack.version } }, null, 2),
	);
	return target;
}
