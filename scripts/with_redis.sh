#!/usr/bin/env bash
# Runs a command with DOGGY_TEST_REDIS_URL pointing at a throwaway redis-server on loopback.
# Installs the server from Debian's packages when it is missing; the server keeps nothing on
# disk and is stopped on exit, also on failure. The tests that need Redis (marker `redis`)
# read DOGGY_TEST_REDIS_URL; the settings keep reading REDIS_URL, so the rest of the suite
# runs with its in-memory defaults.
set -euo pipefail

if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis-server not found; installing it from Debian's packages" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
fi

RDROOT=$(mktemp -d /tmp/doggy-redis.XXXXXX)
PORT=${DOGGY_REDIS_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')}

cleanup() {
  if [ -f "$RDROOT/redis.pid" ]; then
    kill "$(cat "$RDROOT/redis.pid")" >/dev/null 2>&1 || true
  fi
  rm -rf "$RDROOT"
}
trap cleanup EXIT

redis-server --bind 127.0.0.1 --port "$PORT" --save '' --appendonly no --daemonize yes \
  --dir "$RDROOT" --pidfile "$RDROOT/redis.pid" --logfile "$RDROOT/redis.log" >/dev/null
for _ in $(seq 1 100); do
  redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && break
  python3 -c 'import time; time.sleep(0.05)'
done
redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null

export DOGGY_TEST_REDIS_URL="redis://127.0.0.1:$PORT/0"
echo "Redis $(redis-server --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2
set +e
"$@"
status=$?
set -e
exit $status
