#!/usr/bin/env bash
# Runs every RealtimeApp test: unit, bUnit, integration and browser (Playwright on Debian's Chromium).
# Installs what the tests need when it is missing, so it works on a fresh machine. Usage: ./test.sh
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then return; fi
  echo "==> Installing Debian's chromium for the browser tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

ensure_chromium

# Debian's server packages start a system-wide service when installed; a policy-rc.d that refuses keeps them stopped:
# the tests start servers of their own, on loopback and free ports, and stop them at the end.
apt_install_server() {
  local policy=/usr/sbin/policy-rc.d added=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod +x "$policy"
    added=1
  fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  if [ -n "$added" ]; then as_root rm -f "$policy"; fi
}

# The Redis backplane tests start their own redis-server (RealtimeApp.Tests/Support/RedisServer.cs).
ensure_redis() {
  if command -v redis-server >/dev/null 2>&1; then return; fi
  echo "==> Installing Debian's redis-server for the backplane tests (not started as a service)"
  apt_install_server redis-server
}

ensure_redis

# The tests that run on both database engines start their own PostgreSQL (RealtimeApp.Tests/Support/PostgresServer.cs),
# as the postgres user the package creates.
ensure_postgres() {
  if compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null && id postgres >/dev/null 2>&1; then return; fi
  echo "==> Installing Debian's postgresql for the database tests (not started as a service)"
  apt_install_server postgresql
}

ensure_postgres

# The load-balancer test (e2e/Tests/LoadBalancerTests.cs) runs the nginx example of docs/deploy/nginx.conf.
ensure_nginx() {
  if [ -x /usr/sbin/nginx ]; then return; fi
  echo "==> Installing Debian's nginx for the load-balancer test (not started as a service)"
  apt_install_server nginx
}

ensure_nginx

# The official @trpc/client compatibility test (e2e/Tests/TrpcClientCompatTests.cs) runs e2e/trpc-client/compat.mjs.
ensure_trpc_client() {
  local dir=e2e/trpc-client
  if [ -d "$dir/node_modules" ] && [ ! "$dir/package-lock.json" -nt "$dir/node_modules" ]; then return; fi
  echo "==> Installing the Node tRPC client for the compatibility test (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund)
  touch "$dir/node_modules"
}

ensure_trpc_client

echo "==> Building (Release, warnings are errors)"
dotnet build RealtimeApp.sln -c Release -warnaserror --nologo -v quiet

echo "==> Testing"
mkdir -p test-output
log=test-output/test-run.log
set +e
dotnet test --solution RealtimeApp.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

count() { grep -E "^\s*$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
total=$(count total); failed=$(count failed); passed=$(count succeeded); skipped=$(count skipped)
if [ "$failed" -ne 0 ]; then
  # The run's log is long (browser tests print their servers' logs); repeat each failure where CI shows it: at the end.
  echo "==> Failed tests"
  grep -E -A 30 "^\s*failed [A-Za-z]" "$log" | head -n 200 || true
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"

if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
