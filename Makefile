# The two commands: `make run` (a local server with demo data) and `make test` (all gates).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install lock lint format migrate demo ddl bench bench-realtime bench-metrics clean

# Installs only what requirements/dev.txt locks, every package pinned and hash-checked; the
# project itself runs from this folder (manage.py and pytest put it on the path).
$(STAMP): requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --no-input --require-hashes --no-deps -r requirements/dev.txt
	touch $(STAMP)

install: $(STAMP)

# Re-resolves both locks from pyproject.toml: base.txt for deployments, dev.txt for make
# test. Commit the two files together with the pyproject.toml change.
LOCK := $(VENV)/bin/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
	--quiet --custom-compile-command "make lock"
lock: install
	$(LOCK) --extra postgres --extra mssql -o requirements/base.txt $(UPGRADE)
	$(LOCK) --extra postgres --extra dev -o requirements/dev.txt $(UPGRADE)

run: install
	$(PY) manage.py createcachetable
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_data
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	bash scripts/test.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrate: install
	$(PY) manage.py createcachetable
	$(PY) manage.py migrate --noinput

demo: install
	$(PY) manage.py demo_data

ddl: install
	$(PY) manage.py plan ddl --vendor mssql

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles

# Side-by-side timings on a throwaway PostgreSQL under gunicorn and wrk (installs wrk when
# missing); writes bench/results.md. Not part of `make test`. BENCH_ARGS="--rounds 5".
bench: install
	bash bench/run.sh $(BENCH_ARGS)

# WebSocket fan-out to 100 clients on two daphne processes through a throwaway Redis and
# PostgreSQL: deliveries/s and p50/p99 latency; writes bench/results-realtime.md.
bench-realtime: install
	bash scripts/with_redis.sh bash scripts/with_postgres.sh $(PY) bench/realtime.py $(BENCH_ARGS)

# The metric count fill over a million AnalyticsEvents (plus AI usage and appointments) on
# a throwaway PostgreSQL: events/s; writes bench/results-metrics.md. Takes minutes.
bench-metrics: install
	bash scripts/with_postgres.sh $(PY) bench/metrics_fill.py $(BENCH_ARGS)
