#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the editor test in a real browser; PostgreSQL and Redis for
# the queue-mode suite (n8n main + workers on Postgres and Redis, loopback only; test/e2e/lib/queue.ts starts
# and stops its own clusters, so nothing here is left running).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
[ -x /usr/bin/chromium ] && /usr/bin/chromium --version || true
