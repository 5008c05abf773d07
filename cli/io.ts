import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';

/** Reads JSON Lines from a stream (stdin by default); blank lines are skipped. */
export async function* readJsonLines(input: NodeJS.ReadableStream = process.stdin): AsyncGenerator<unknown> {
	const rl = createInterface({ input, crlfDelay: Infinity });
	let line = 0;
	for await (const text of rl) {
		line++;
		if (!text.trim()) continue;
		try {
			yield JSON.parse(text);
		} catch {
			throw new Error(`line ${line}: not valid JSON`);
		}
	}
}

export function readJsonLinesFile(path: string): unknown[] {
	return readFileSync(path, 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l, i) => {
			try {
				return JSON.parse(l);
			} catch {
				throw new Error(`${path}:${i + 1}: not valid JSON`);
			}
		});
}

export function writeJsonLine(value: unknown): void {
	process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Parses "--name value" and "--flag" pairs; the rest are positional. */
export function parseArgs(argv: string[]): { positional: string[]; flags: Record<string, string | true> } {
	const positional: string[] = [];
	const flags: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a.startsWith('--')) {
			const name = a.slice(2);
			const next = argv[i + 1];
			if (next !== undefined && !next.startsWith('--')) {
				flags[name] = next;
				i++;
			} else flags[name] = true;
		} else positional.push(a);
	}
	return { positional, flags };
}

/** The JSON config file named by --config (mirrors the node's parameters), or {}. */
export function readConfig(flags: Record<string, string | true>): Record<string, unknown> {
	const path = flags.config;
	if (typeof path !== 'string') return {};
	return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export class UsageError extends Error {}
