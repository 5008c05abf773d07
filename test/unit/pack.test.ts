import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// Needs a built dist (npm test builds first). Checks what `npm pack` would publish.
describe('npm pack', () => {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [packed] = JSON.parse(out) as Array<{ files: Array<{ path: string }>; name: string }>;
	const files = packed.files.map((f) => f.path);

	it('contains every node and credential bundle with icons and codex files', () => {
		const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		for (const rel of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) assert.ok(files.includes(rel), `${rel} missing`);
		for (const rel of pkg.n8n.nodes) {
			assert.ok(files.includes(rel.replace(/\.js$/, '.json')), `codex for ${rel} missing`);
			assert.ok(files.some((f) => f.startsWith(rel.slice(0, rel.lastIndexOf('/'))) && f.endsWith('.dark.svg')), `dark icon for ${rel}`);
		}
	});

	it('contains the workflow templates and no sources, tests or benchmarks', () => {
		assert.ok(files.some((f) => f.startsWith('workflows/') && f.endsWith('.json')), 'no workflows/*.json');
		assert.ok(!files.some((f) => /^(core|nodes|test|bench|cli)\//.test(f)), 'sources leaked into the package');
		assert.ok(!files.some((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')), 'TypeScript sources in the package');
	});
});
