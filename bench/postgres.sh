#!/usr/bin/env bash
# A throwaway PostgreSQL server for the benchmarks, on 127.0.0.1:${PGBENCH_PORT:-55432} with default durability
# (fsync and synchronous_commit on), data in ${PGBENCH_DIR:-/tmp/realtimeapp-bench-postgres}. Runs as the postgres user
# when started as root (PostgreSQL refuses root). Usage: bench/postgres.sh start | stop
set -euo pipefail

port=${PGBENCH_PORT:-55432}
dir=${PGBENCH_DIR:-/tmp/realtimeapp-bench-postgres}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    mkdir -p "$dir" && chmod 777 "$dir"
    if [ ! -d "$dir/data" ]; then
      as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
    echo "PostgreSQL on 127.0.0.1:$port: --postgres \"Host=127.0.0.1;Port=$port;Username=postgres\""
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop" >&2
    exit 2
    ;;
esac
