/**
 * Where the third-party evaluation data lives: $INQUIRY_ROUTER_DATA, else ../shared/data next to the
 * repository (the layout CI uses). Missing data is an error, never a skip: a check that cannot see the data
 * must not pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function evalDataDir(): string {
	const dir = resolve(process.env.INQUIRY_ROUTER_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'data'));
	if (!existsSync(join(dir, 'classify', 'dev.jsonl'))) {
		throw new Error(`evaluation data not found at ${dir} (classify/dev.jsonl); set INQUIRY_ROUTER_DATA to the data folder`);
	}
	return dir;
}

/** The `text` of every row of classify/dev.jsonl. */
export function devTexts(): string[] {
	return readFileSync(join(evalDataDir(), 'classify', 'dev.jsonl'), 'utf8')
		.split('\n')
		.filter((l) => l.trim() !== '')
		.map((l) => (JSON.parse(l) as { text?: unknown }).text)
		.filter((t): t is string => typeof t === 'string');
}

/** Lower-case, template braces and runs of white space removed: how texts are compared for copies. */
export const normaliseForCopyCheck = (t: string) => t.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
