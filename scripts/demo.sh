#!/usr/bin/env bash
# The newcomer's demo: install, build, provision Node 24 + n8n 2.41.1 (cached outside the repo), start a
# real n8n with this package installed from its npm tarball, create the Data tables, import the workflow
# templates, push samples/inquiries.jsonl through the inbound webhook offline and print each decision,
# then the editor URL and the demo owner's e-mail/password. n8n keeps running until Ctrl+C; with
# --no-wait (or CI=true) it is stopped at the end and the exit status says whether every sample passed.
#
#   bash scripts/demo.sh [--no-wait] [--no-build] [--samples FILE.jsonl]
#     --no-build   use the existing dist/ (skip `npx gulp build`)
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=1
PASS=()
for arg in "$@"; do
	case "$arg" in
		--no-build) BUILD=0 ;;
		*) PASS+=("$arg") ;;
	esac
done
step() { printf '\n=== %s\n' "$1" >&2; }

if [ ! -d node_modules ] || [ ! -x node_modules/.bin/tsx ]; then
	step "npm ci"
	npm ci --no-audit --no-fund
fi

if [ "$BUILD" = 1 ]; then
	step "build (npx gulp build)"
	npx gulp build
fi

step "Node 24 + n8n 2.41.1 (first time: about 6 minutes and 2.9 GB, then cached)"
bash scripts/n8n-env.sh >/dev/null

step "start n8n and run the samples"
exec node --import tsx test/e2e/lib/demo.ts "${PASS[@]+"${PASS[@]}"}"
