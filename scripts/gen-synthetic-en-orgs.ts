/**
 * Synthetic English organisation set (stand-in for the held-out public set, which is not available
 * to the team): `node --import tsx scripts/gen-synthetic-en-orgs.ts [--n 3337] [--seed 7] > FILE.jsonl`.
 * Output is not committed; see bench/orgData.ts for what it contains.
 */
import { parseArgs } from '../cli/io';
import { makeOrgData } from '../bench/orgData';

const { flags } = parseArgs(process.argv.slice(2));
const n = Number(flags.n ?? 3337);
const seed = Number(flags.seed ?? 7);
for (const row of makeOrgData(n, seed)) process.stdout.write(`${JSON.stringify(row)}\n`);
