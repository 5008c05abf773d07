import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('package.json as n8n expects a community package', () => {
	it('has no runtime dependencies (n8n rejects them; libraries are bundled into dist)', () => {
		assert.equal(Object.keys(pkg.dependencies ?? {}).length, 0);
		assert.deepEqual(pkg.peerDependencies, { 'n8n-workflow': '*' });
	});

	it('is named, licensed and tagged as a community node package', () => {
		assert.equal(pkg.name, 'n8n-nodes-inquiry-router');
		assert.equal(pkg.license, 'MIT');
		assert.ok(pkg.keywords.includes('n8n-community-node-package'));
		assert.equal(pkg.n8n.n8nNodesApiVersion, 1);
	});

	it('ships dist and workflows, and names one dist file per node and credential source', () => {
		assert.ok(pkg.files.includes('dist'));
		assert.ok(pkg.files.includes('workflows'));
		for (const rel of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			const src = rel.replace(/^dist\//, '').replace(/\.js$/, '.ts');
			assert.ok(existsSync(src), `${rel} has no source ${src}`);
		}
	});

	it('pins every devDependency to an exact version', () => {
		for (const [name, version] of Object.entries(pkg.devDependencies as Record<string, string>)) {
			assert.match(version, /^\d+\.\d+\.\d+$/, `${name}@${version} is not pinned`);
		}
	});
});
