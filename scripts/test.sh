#!/usr/bin/env bash
# Every gate, in the order a reviewer would run them: lint, import layers, system checks, migration
# drift, the suite on SQLite, then the same suite on a throwaway PostgreSQL server.
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

step "makemigrations --check"
DJANGO_SETTINGS_MODULE=doggy.settings.test "$PY" manage.py makemigrations --check --dry-run

step "pytest on SQLite"
env -u DATABASE_URL "$PY" -m pytest -n "${PYTEST_WORKERS:-2}" "$@"

step "pytest on PostgreSQL"
bash scripts/with_postgres.sh "$PY" -m pytest -n "${PYTEST_WORKERS:-2}" "$@"
