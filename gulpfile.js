/* The build pipeline: type-check, bundle every node and credential (and the CLI) with esbuild,
 * copy icons and codex files, then prove that each file named in package.json's "n8n" block loads. */
const { series, parallel } = require('gulp');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = __dirname;
const dist = path.join(root, 'dist');

function walk(dir, test) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? walk(p, test) : test(p) ? [p] : [];
	});
}

function clean(cb) {
	fs.rmSync(dist, { recursive: true, force: true });
	cb();
}

function typecheck(cb) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], {
		stdio: 'inherit',
		cwd: root,
	});
	cb();
}

const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	treeShaking: true,
	minifySyntax: true,
	legalComments: 'linked',
	logLevel: 'warning',
	// Provided by the n8n instance (peer dependency); everything else is bundled in.
	external: ['n8n-workflow'],
};

async function bundle() {
	const entries = [
		...walk(path.join(root, 'nodes'), (p) => p.endsWith('.node.ts')),
		...walk(path.join(root, 'credentials'), (p) => p.endsWith('.credentials.ts')),
	];
	await Promise.all(
		entries.map((entry) =>
			esbuild.build({
				...common,
				entryPoints: [entry],
				outfile: path.join(dist, path.relative(root, entry).replace(/\.ts$/, '.js')),
			}),
		),
	);
	await esbuild.build({
		...common,
		entryPoints: [path.join(root, 'cli', 'inquiry-router.ts')],
		outfile: path.join(dist, 'cli', 'inquiry-router.js'),
		banner: { js: '#!/usr/bin/env node' },
	});
	fs.chmodSync(path.join(dist, 'cli', 'inquiry-router.js'), 0o755);
}

function copyAssets(cb) {
	const assets = [
		...walk(path.join(root, 'nodes'), (p) => /\.(svg|png|json)$/.test(p)),
		...walk(path.join(root, 'credentials'), (p) => /\.(svg|png)$/.test(p)),
	];
	for (const file of assets) {
		const target = path.join(dist, path.relative(root, file));
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(file, target);
	}
	cb();
}

function verify(cb) {
	const pkg = require('./package.json');
	const problems = [];
	for (const kind of ['nodes', 'credentials']) {
		for (const rel of pkg.n8n[kind]) {
			const file = path.join(root, rel);
			if (!fs.existsSync(file)) {
				problems.push(`${rel}: missing`);
				continue;
			}
			const mod = require(file);
			const className = path.basename(rel).split('.')[0];
			const Klass = mod[className];
			if (typeof Klass !== 'function') {
				problems.push(`${rel}: does not export class ${className}`);
				continue;
			}
			const instance = new Klass();
			if (kind === 'nodes') {
				const icon = instance.description.icon;
				for (const ref of typeof icon === 'string' ? [icon] : Object.values(icon ?? {})) {
					const iconFile = path.join(path.dirname(file), String(ref).replace(/^file:/, ''));
					if (!fs.existsSync(iconFile)) problems.push(`${rel}: icon ${ref} not in dist`);
				}
				const codex = file.replace(/\.js$/, '.json');
				if (!fs.existsSync(codex)) problems.push(`${rel}: codex ${path.basename(codex)} not in dist`);
			} else if (!instance.name || !instance.properties) {
				problems.push(`${rel}: not a credential type`);
			}
		}
	}
	if (problems.length) throw new Error(`dist check failed:\n  ${problems.join('\n  ')}`);
	cb();
}

exports.clean = clean;
exports.typecheck = typecheck;
exports.verify = verify;
exports.bundle = series(clean, parallel(bundle, copyAssets), verify);
exports.build = series(clean, typecheck, parallel(bundle, copyAssets), verify);
exports.default = exports.build;
