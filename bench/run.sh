#!/usr/bin/env bash
# `make bench`: installs wrk from Debian's packages when it is missing, then runs
# bench/run.py against a throwaway PostgreSQL (scripts/with_postgres.sh). Arguments are
# passed on, e.g. `make bench BENCH_ARGS="--rounds 5 --seconds 5"`.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found; installing it from Debian's packages" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi
exec bash scripts/with_postgres.sh "$VENV/bin/python" bench/run.py "$@"
