/** Node 24 + n8n 2.41.1, provisioned (or reused from the cache) by scripts/n8n-env.sh. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './paths';

export interface N8nEnv {
	/** Folder holding Node 24's `node`: put it first in PATH for n8n and its task runners. */
	nodeBin: string;
	/** Node 24 executable. */
	node: string;
	/** n8n's bin script (run as `node <n8nMain> start`). */
	n8nMain: string;
	n8nVersion: string;
	cache: string;
}

/**
 * Runs scripts/n8n-env.sh (idempotent: about 1 s when cached, about 6 minutes on a fresh machine)
 * and returns the paths it prints. Progress of a first install goes to this process's stderr.
 */
export function ensureN8nEnv(timeoutMs = 20 * 60_000): N8nEnv {
	const r = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'n8n-env.sh')], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: timeoutMs,
	});
	if (r.status !== 0) {
		throw new Error(
			`scripts/n8n-env.sh failed (status ${r.status}${r.signal ? `, signal ${r.signal}` : ''}${r.error ? `, ${r.error.message}` : ''})`,
		);
	}
	const values = new Map<string, string>();
	for (const line of r.stdout.split('\n')) {
		const m = /^([a-z0-9_]+)=(.*)$/.exec(line.trim());
		if (m) values.set(m[1]!, m[2]!);
	}
	const need = (key: string) => {
		const v = values.get(key);
		if (!v) throw new Error(`scripts/n8n-env.sh did not print ${key}=…; output was:\n${r.stdout}`);
		return v;
	};
	const env: N8nEnv = {
		nodeBin: need('node_bin'),
		node: need('node'),
		n8nMain: need('n8n_main'),
		n8nVersion: need('n8n_version'),
		cache: need('cache'),
	};
	for (const p of [env.node, env.n8nMain]) {
		if (!existsSync(p)) throw new Error(`scripts/n8n-env.sh reported ${p}, which does not exist`);
	}
	return env;
}
