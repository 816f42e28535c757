#!/usr/bin/env bash
# A throwaway Redis server for the benchmarks, on 127.0.0.1:${REDISBENCH_PORT:-56379}, persisting nothing (no
# snapshots, no append-only file), its log and pid file in ${REDISBENCH_DIR:-/tmp/realtimeapp-bench-redis}.
# Usage: bench/redis.sh start | stop
set -euo pipefail

port=${REDISBENCH_PORT:-56379}
dir=${REDISBENCH_DIR:-/tmp/realtimeapp-bench-redis}
server=$(command -v redis-server || echo /usr/bin/redis-server)

case "${1:-}" in
  start)
    if [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; then
      echo "already running (pid $(cat "$dir/redis.pid")); bench/redis.sh stop first" >&2
      exit 1
    fi
    mkdir -p "$dir" && rm -f "$dir/server.log"
    "$server" --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/server.log"
    # Ready once it says so; a port already taken ends it, and its log says why.
    for _ in $(seq 100); do
      if grep -q "Ready to accept connections" "$dir/server.log" 2>/dev/null; then
        echo "Redis on 127.0.0.1:$port: --redis 127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
    tail -n 5 "$dir/server.log" >&2 || true
    rm -rf "$dir"
    exit 1
    ;;
  stop)
    if [ -f "$dir/redis.pid" ]; then
      pid=$(cat "$dir/redis.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop" >&2
    exit 2
    ;;
esac
