#!/usr/bin/env node
// Synthetic English organisation set (a stand-in for the held-out public set, which the team does not have):
//   node scripts/gen-synthetic-en-orgs.mjs [--n 3337] [--seed 7] > /tmp/synthetic-en-orgs.jsonl
// The generator is bench/orgData.ts (@faker-js/faker, seeded); its output is not committed.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/orgData.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
