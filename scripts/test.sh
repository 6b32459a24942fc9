#!/usr/bin/env bash
# Every gate, in the order a reviewer would run them: lint, import layers, system checks, the
# migration linter, migration drift, the suite on SQLite, the browser tests (headless
# Chromium, installed when missing), the schemathesis gate over the OpenAPI schema, then the
# suite again on a throwaway PostgreSQL server beside a throwaway redis-server (the `redis`
# tests need it).
# The main runs leave out the `browser`, `schemathesis` and `benchmark` markers
# (pyproject addopts).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PY="$VENV/bin/python"
export PYTHONHASHSEED=0

step() { printf '\n== %s\n' "$*"; }

step "ruff"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .

step "lint-imports (the layers of docs/development/architecture.md)"
"$VENV/bin/lint-imports"

step "manage.py check"
DJANGO_SETTINGS_MODULE=doggy.settings.test "$PY" manage.py check --fail-level WARNING

step "manage.py check --deploy (production settings)"
DJANGO_SETTINGS_MODULE=doggy.settings.production \
DJANGO_SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')" \
DJANGO_ALLOWED_HOSTS=doggy.example.com DOGGY_FRONTEND_URL=https://app.doggy.example.com \
DOGGY_SETTINGS_ENCRYPTION_KEYS="$("$PY" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')" \
  "$PY" manage.py check --deploy --fail-level WARNING

step "plan lint (lock and data-loss risks of every migration)"
DJANGO_SETTINGS_MODULE=doggy.settings.test "$PY" manage.py plan lint

step "makemigrations --check"
DJANGO_SETTINGS_MODULE=doggy.settings.test "$PY" manage.py makemigrations --check --dry-run

step "pytest on SQLite"
env -u DATABASE_URL "$PY" -m pytest -n "${PYTEST_WORKERS:-2}" --dist worksteal "$@"

step "browser tests on SQLite (headless Chromium through the admin)"
bash scripts/ensure_chromium.sh
env -u DATABASE_URL DOGGY_BROWSER_REQUIRED=1 "$PY" -m pytest -m browser tests/browser -n 0

step "schemathesis gate on SQLite (every operation, as an owner and as an admin)"
env -u DATABASE_URL "$PY" -m pytest -m schemathesis -n 2 -rA --show-capture=stdout \
  tests/api/test_schemathesis_gate.py

step "pytest on PostgreSQL, with Redis"
DOGGY_REDIS_REQUIRED=1 bash scripts/with_redis.sh bash scripts/with_postgres.sh "$PY" -m pytest -n "${PYTEST_WORKERS:-2}" --dist worksteal "$@"
