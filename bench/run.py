"""`make bench`: the API measured side by side with hand-written baselines, on PostgreSQL.

Run through `bench/run.sh` (what `make bench` does), which installs `wrk` when it is
missing and starts a throwaway PostgreSQL like `scripts/with_postgres.sh`. Steps:

1. migrate and seed reproducible data (`bench.seed`), timing the dog loader (rows/s);
2. check that every baseline returns the same ids as its product route, and count the
   queries of every route at page sizes N and 2N;
3. serve the project under gunicorn on loopback (one sync worker, pinned to CPU 0 when
   there are two or more) twice: persistent connections, and `CONN_MAX_AGE=0`;
4. drive it with `wrk` (pinned to CPU 1): each pair A/B is measured back to back, in
   alternating order, for `--rounds` rounds; the report gives median requests/s and the
   median ratio with its range over the rounds;
5. `migrate` from empty vs replaying its `pg_dump --schema-only` with `psql`;
6. the full-text dog search of `scripts/bench_dog_search.py` at `--search-dogs` dogs.

It prints every figure and writes them to `--output` (default bench/results.md).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["DJANGO_DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.seed import Seeded, seed  # noqa: E402

PY = sys.executable


# --- Routes --------------------------------------------------------------------------------------
@dataclass
class Pair:
    """Two requests compared: `a` is the product (or the measured variant), `b` the reference."""

    label: str
    a: str
    b: str
    token_a: str | None
    token_b: str | None
    server_a: str = "persistent"
    server_b: str = "persistent"
    # "ratio" reports a/b throughput (≥ 1 is the product as fast as the baseline); "cost"
    # reports b/a, how many times the A request costs the B request.
    kind: str = "ratio"
    goal: str = ""
    rps_a: list[float] = field(default_factory=list)
    rps_b: list[float] = field(default_factory=list)

    def ratios(self) -> list[float]:
        pairs = zip(self.rps_a, self.rps_b, strict=True)
        if self.kind == "ratio":
            return [a / b for a, b in pairs]
        return [b / a for a, b in pairs]


def pairs(data: Seeded) -> list[Pair]:
    owner, admin, dog = data.owner_token, data.admin_token, data.dog_id
    chat = data.conversation_id
    return [
        Pair("dogs, 20 rows", "/api/v1/dogs/?page_size=20", "/bench/dogs/?page_size=20",
             owner, owner, goal="≥ 0.8"),
        Pair("dogs, 100 rows", "/api/v1/dogs/?page_size=100", "/bench/dogs/?page_size=100",
             owner, owner, goal="≥ 0.8"),
        Pair("vaccinations of a dog, 25 rows", f"/api/v1/dogs/{dog}/vaccinations/",
             f"/bench/vaccinations/?dog={dog}", owner, owner, goal="≥ 0.7"),
        Pair("offerings search, 25 rows", "/api/v1/services/offerings/", "/bench/offerings/",
             None, None, goal="≥ 0.7"),
        Pair("providers, 25 rows", "/api/v1/providers/", "/bench/providers/", None, None,
             goal="≥ 0.7"),
        Pair("plans", "/api/v1/billing/plans/", "/bench/plans/", None, None, goal="≥ 0.7"),
        Pair("staff users, 25 rows", "/api/v1/admin/users/", "/bench/staff-users/",
             admin, admin, goal="≥ 0.7"),
        Pair("audit logs, 25 rows", "/api/v1/admin/audit-logs/", "/bench/audit-logs/",
             admin, admin, goal="≥ 0.7"),
        Pair("conversations, 25 rows", "/api/v1/conversations/", "/bench/conversations/",
             owner, owner, goal="≥ 0.7"),
        Pair("messages of a conversation, 50 rows", f"/api/v1/conversations/{chat}/messages/",
             f"/bench/messages/?conversation={chat}", owner, owner, goal="≥ 0.7"),
        Pair("notifications, 25 rows", "/api/v1/notifications/", "/bench/notifications/",
             owner, owner, goal="≥ 0.7"),
        Pair("appointments, 25 rows", "/api/v1/appointments/", "/bench/appointments/",
             owner, owner, goal="≥ 0.7"),
        Pair("expenses, 25 rows", "/api/v1/billing/expenses/", "/bench/expenses/", owner, owner,
             goal="≥ 0.7"),
        Pair("bearer vs anonymous, /services/categories/", "/api/v1/services/categories/",
             "/api/v1/services/categories/", owner, None, kind="cost", goal="≤ 1.2"),
        Pair("CONN_MAX_AGE=0 vs persistent, dogs 20 rows", "/api/v1/dogs/?page_size=20",
             "/api/v1/dogs/?page_size=20", owner, owner, server_a="conn0", kind="cost"),
    ]  # fmt: skip


# --- In-process checks ---------------------------------------------------------------------------
def _ids(body: dict) -> list:
    rows = body["results"]
    key = "code" if rows and "id" not in rows[0] else "id"
    return [str(row[key]) for row in rows]


def same_rows(items: list[Pair]) -> list[str]:
    """Problems: a route that fails, or a baseline that returns other rows than its route."""
    problems = []
    client = Client()
    for pair in items:
        if pair.a == pair.b:
            continue
        bodies = []
        for path, token in ((pair.a, pair.token_a), (pair.b, pair.token_b)):
            headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
            response = client.get(path, **headers)
            if response.status_code != 200:
                problems.append(f"{path}: HTTP {response.status_code}")
                break
            bodies.append(json.loads(response.content))
        if len(bodies) == 2:
            counts = [body.get("count") for body in bodies]  # cursor pages have none
            if counts[0] != counts[1] or _ids(bodies[0]) != _ids(bodies[1]):
                problems.append(f"{pair.label}: the baseline returns other rows")
            elif not bodies[0]["results"]:
                problems.append(f"{pair.label}: no rows seeded")
    return problems


QUERY_ROUTES = [
    ("dogs", "/api/v1/dogs/", "owner"),
    ("vaccinations", "/api/v1/dogs/{dog}/vaccinations/", "owner"),
    ("offerings", "/api/v1/services/offerings/", None),
    ("providers", "/api/v1/providers/", None),
    ("plans", "/api/v1/billing/plans/", None),
    ("staff users", "/api/v1/admin/users/", "admin"),
    ("audit logs", "/api/v1/admin/audit-logs/", "admin"),
    ("categories", "/api/v1/services/categories/", None),
    ("categories, bearer", "/api/v1/services/categories/", "owner"),
    ("conversations", "/api/v1/conversations/", "owner"),
    ("messages", "/api/v1/conversations/{chat}/messages/", "owner"),
    ("notifications", "/api/v1/notifications/", "owner"),
    ("appointments", "/api/v1/appointments/", "owner"),
    ("expenses", "/api/v1/billing/expenses/", "owner"),
    ("dog detail", "/api/v1/dogs/{dog}/", "owner"),
    ("me", "/api/v1/auth/me/", "owner"),
]


def query_counts(data: Seeded, n: int) -> list[tuple[str, int, int]]:
    client = Client()
    tokens = {"owner": data.owner_token, "admin": data.admin_token, None: None}
    rows = []
    for label, path, who in QUERY_ROUTES:
        path = path.format(dog=data.dog_id, chat=data.conversation_id)
        headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[who]}"} if who else {}
        # The first request fills the shared caches (settings, the RBAC set): not counted.
        client.get(path, {"page_size": n}, **headers)
        counts = []
        for size in (n, 2 * n):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path, {"page_size": size}, **headers)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")
            counts.append(len(captured.captured_queries))
        rows.append((label, *counts))
    return rows


# --- Servers and wrk -----------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pin(cpu: int) -> list[str]:
    if shutil.which("taskset") and (os.cpu_count() or 1) > 1:
        return ["taskset", "-c", str(cpu)]
    return []


@contextlib.contextmanager
def gunicorn(conn_max_age: int):
    port = _free_port()
    env = {**os.environ, "DOGGY_CONN_MAX_AGE": str(conn_max_age)}
    command = [
        *_pin(0),
        PY, "-m", "gunicorn", "doggy.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "sync",
        "--log-level", "warning", "--chdir", str(ROOT),
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603 - our own argv
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/api/v1/health/", timeout=1).read()  # noqa: S310
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def _get(url: str, token: str | None) -> int:
    request = urllib.request.Request(url)  # noqa: S310 - loopback only
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        response.read()
        return response.status


def wrk(url: str, token: str | None, seconds: float, connections: int) -> float:
    command = [*_pin(1), "wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", url]
    if token:
        command[len(_pin(1)) + 1 : len(_pin(1)) + 1] = ["-H", f"Authorization: Bearer {token}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    if "Non-2xx" in output:
        raise RuntimeError(f"{url} answered errors under load:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def drive(items: list[Pair], servers: dict[str, str], rounds: int, seconds: float, conns: int):
    for pair in items:  # warm-up, and every route must answer 200 first
        for path, token, server in (
            (pair.a, pair.token_a, pair.server_a),
            (pair.b, pair.token_b, pair.server_b),
        ):
            for _ in range(3):
                _get(servers[server] + path, token)
    for n in range(rounds):
        for pair in items:
            legs = [("a", pair.a, pair.token_a, pair.server_a),
                    ("b", pair.b, pair.token_b, pair.server_b)]  # fmt: skip
            if n % 2:
                legs.reverse()
            for leg, path, token, server in legs:
                rps = wrk(servers[server] + path, token, seconds, conns)
                (pair.rps_a if leg == "a" else pair.rps_b).append(rps)
        print(f"  round {n + 1}/{rounds} done", flush=True)


# --- migrate vs replay ---------------------------------------------------------------------------
def _db_url(name: str) -> str:
    return re.sub(r"/[^/]+$", f"/{name}", os.environ["DATABASE_URL"])


def _create_database(name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')


def _timed(command: list[str], env: dict | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)  # noqa: S603
    return time.perf_counter() - started


def _pg_tool(name: str) -> str:
    folder = os.environ.get("DOGGY_PG_BIN")
    return str(Path(folder) / name) if folder else name


def migrate_vs_replay() -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doggy.settings.local"}
    _create_database("bench_migrate")
    _create_database("bench_replay")
    startup = _timed([PY, "-c", "import django; django.setup()"], env=env)
    migrate = _timed(
        [PY, "manage.py", "migrate", "--noinput"],
        env={**env, "DATABASE_URL": _db_url("bench_migrate")},
    )
    with tempfile.NamedTemporaryFile(suffix=".sql") as dump:
        subprocess.run(  # noqa: S603
            [_pg_tool("pg_dump"), "--schema-only", "--no-owner", "-f", dump.name,
             _db_url("bench_migrate")],
            check=True,
        )  # fmt: skip
        replay = _timed([_pg_tool("psql"), "-q", "-X", "-f", dump.name, _db_url("bench_replay")])
    return {"migrate": migrate, "replay": replay, "startup": startup}


# --- Dog search --------------------------------------------------------------------------------
def dog_search(dogs: int, repeats: int) -> str:
    _create_database("bench_search")
    env = {
        **os.environ,
        "DATABASE_URL": _db_url("bench_search"),
        "DJANGO_SETTINGS_MODULE": "doggy.settings.local",
    }
    command = [PY, "scripts/bench_dog_search.py", "--dogs", str(dogs), "--repeats", str(repeats)]
    result = subprocess.run(  # noqa: S603
        command, env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    lines = [line.split("\r")[-1] for line in result.stdout.splitlines()]
    summary = next((n for n, line in enumerate(lines) if line.startswith("Median of")), 0)
    return "\n".join(lines[summary:])


# --- Report ------------------------------------------------------------------------------------
def _versions() -> list[str]:
    import gunicorn as gunicorn_module
    import rest_framework

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout  # noqa: S607
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return [
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), {platform.system()} "
        f"{platform.release()}",
        f"- Load average at the end of the run: {', '.join(f'{v:.1f}' for v in os.getloadavg())} "
        "(1, 5, 15 min; other work on the machine adds noise, hence the interleaving)",
        f"- Python {platform.python_version()}, Django {django.get_version()}, DRF "
        f"{rest_framework.VERSION}, gunicorn {gunicorn_module.__version__}, PostgreSQL "
        f"{postgres}, {wrk_version.split(' [')[0].strip() or 'wrk'}",
    ]


def _fmt_range(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def report(args, data: Seeded, items, counts, problems, migrate, search) -> str:
    lines = ["# Benchmark results", "", *_versions()]
    lines += [
        f"- Settings: {args.rounds} rounds × {args.seconds:g} s per leg, wrk -t1 "
        f"-c{args.connections}, one gunicorn sync worker; {data.background_dogs:,} "
        f"background dogs, {data.owner_dogs} for the measured owner",
        f"- Renderer: {settings.REST_FRAMEWORK.get('DEFAULT_RENDERER_CLASSES', 'DRF default')}",
        f"- Cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]} (settings, RBAC "
        "sets and throttle counters; the default without `CACHE_URL`)",
        "",
        "## Throughput, interleaved A/B",
        "",
        "Ratios are per round, then the median (range over rounds). For lists, product "
        "requests/s ÷ baseline requests/s (1.00 = as fast as the hand-written view); for "
        "costs, how many times the first request costs the second.",
        "",
        "| comparison | A req/s | B req/s | ratio (range) | goal |",
        "|---|---:|---:|---|---|",
    ]
    for pair in items:
        lines.append(
            f"| {pair.label} | {statistics.median(pair.rps_a):.0f} | "
            f"{statistics.median(pair.rps_b):.0f} | {_fmt_range(pair.ratios())} | {pair.goal} |"
        )
    load, dogs = data.load, data.background_dogs
    lines += [
        "",
        "## Bulk load",
        "",
        f"- Dog loader ({load.method}), {dogs:,} dogs into the indexed table (8 B-tree "
        f"indexes and the full-text GIN index): **{_rate(dogs, load.copy_seconds)} rows/s** "
        f"(goal ≥ 40,000); the same rows into an unindexed copy of the table: "
        f"{_rate(dogs, load.unindexed_seconds)} rows/s",
        f"- Wall clock with the owners and the generation of the rows: {load.total_seconds:.1f} s "
        f"= {_rate(dogs, load.total_seconds)} rows/s",
    ]
    if migrate:
        lines += [
            "",
            "## migrate from empty vs replaying the schema",
            "",
            f"- `manage.py migrate` on an empty database: {migrate['migrate']:.2f} s "
            f"(Django start-up alone: {migrate['startup']:.2f} s)",
            f"- `psql -f` of its `pg_dump --schema-only`: {migrate['replay']:.2f} s",
            f"- Ratio: **{migrate['migrate'] / migrate['replay']:.1f}×** (without start-up: "
            f"{(migrate['migrate'] - migrate['startup']) / migrate['replay']:.1f}×)",
        ]
    lines += [
        "",
        f"## Queries per request at page size N={args.n} and 2N",
        "",
        "| route | N | 2N |",
        "|---|---:|---:|",
        *(f"| {label} | {a} | {b} |" for label, a, b in counts),
        "",
        "## Baseline check",
        "",
        *(f"- {p}" for p in problems),
        *([] if problems else ["- Every baseline returns the same ids and count as its route."]),
    ]
    if search:
        lines += ["", "## Full-text dog search (scripts/bench_dog_search.py)", "", "```", search,
                  "```"]  # fmt: skip
    return "\n".join(lines) + "\n"


def _rate(rows: int, seconds: float | None) -> str:
    return f"{rows / seconds:,.0f}" if seconds else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", 3)))
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", 3)),
        help="wrk duration of each leg",
    )  # fmt: skip
    parser.add_argument("--connections", type=int, default=2)
    parser.add_argument("--dogs", type=int, default=int(os.environ.get("BENCH_DOGS", 20_000)))
    parser.add_argument(
        "--search-dogs", type=int, default=int(os.environ.get("BENCH_SEARCH_DOGS", 100_000)),
        help="dogs of the full-text search run; 0 skips it",
    )  # fmt: skip
    parser.add_argument("--n", type=int, default=10, help="page size N of the query counts")
    parser.add_argument("--skip-migrate", action="store_true")
    parser.add_argument("--only", default="", help="comma-separated words; keep matching pairs")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results.md"))
    args = parser.parse_args()

    if connection.vendor != "postgresql":
        print("The bench needs PostgreSQL: run it with `make bench` (bench/run.sh).")
        return 2
    if shutil.which("wrk") is None:
        print("wrk is missing: run it with `make bench` (bench/run.sh installs it).")
        return 2
    call_command("migrate", verbosity=0, interactive=False)
    # The default cache is the database cache (settings, throttles, RBAC sets), as after
    # `make migrate`.
    call_command("createcachetable", verbosity=0)
    print(f"Seeding {args.dogs:,} dogs …", flush=True)
    data = seed(dogs=args.dogs)
    print(
        f"  loaded in {data.load.total_seconds:.1f} s ({data.load.method}: "
        f"{_rate(data.background_dogs, data.load.copy_seconds)} rows/s)",
        flush=True,
    )
    items = pairs(data)
    if args.only:
        words = args.only.split(",")
        items = [p for p in items if any(w in p.label for w in words)]
    problems = same_rows(items)
    for problem in problems:
        print(f"  ! {problem}")
    counts = query_counts(data, args.n)
    connection.close()
    print(f"Driving {len(items)} pairs, {args.rounds} rounds × {args.seconds:g} s …", flush=True)
    with gunicorn(conn_max_age=60) as persistent, gunicorn(conn_max_age=0) as conn0:
        drive(items, {"persistent": persistent, "conn0": conn0}, args.rounds, args.seconds,
              args.connections)  # fmt: skip
    migrate = None
    if not args.skip_migrate:
        print("migrate vs replay …", flush=True)
        migrate = migrate_vs_replay()
    search = ""
    if args.search_dogs:
        print(f"Dog search at {args.search_dogs:,} dogs …", flush=True)
        search = dog_search(args.search_dogs, repeats=5)
    text = report(args, data, items, counts, problems, migrate, search)
    Path(args.output).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
