"""Per-request cost of each benchmarked route in-process, and where it goes (cProfile).

`bash scripts/with_postgres.sh .venv/bin/python bench/inprocess.py [--only dogs] [--profile]`
migrates the throwaway database, seeds it with `bench.seed` and times every pair of
`bench.run` through Django's test client (no HTTP server, no `wrk`): median
milliseconds per request of the product route and of its hand-written baseline, and
their ratio. With `--profile` it prints the cProfile breakdown of the product route of
each pair, the first step when a list is slower than its baseline. In-process figures
leave out the HTTP server and the network, so they show the Python side of a request.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["DJANGO_DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench.run import pairs, same_rows  # noqa: E402
from bench.seed import seed  # noqa: E402


def _timed(client: Client, path: str, headers: dict, repeats: int) -> tuple[list, list]:
    """Wall-clock and CPU milliseconds (this process: Python, not PostgreSQL) per request."""
    wall, cpu = [], []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(path, **headers)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code}")
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dogs", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated words; keep matching pairs")
    parser.add_argument("--profile", action="store_true", help="print cProfile of each route")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--baseline", action="store_true", help="profile the baseline instead")
    args = parser.parse_args()

    if connection.vendor != "postgresql":
        print("Run it on PostgreSQL: scripts/with_postgres.sh")
        return 2
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    data = seed(dogs=args.dogs)
    items = [p for p in pairs(data) if p.server_a == p.server_b]
    if args.only:
        words = args.only.split(",")
        items = [p for p in items if any(w in p.label for w in words)]
    for problem in same_rows(items):
        print(f"  ! {problem}")
    client = Client()
    print(f"{'route':45} {'A ms':>7} {'B ms':>7} {'B/A':>6} {'A cpu':>7} {'B cpu':>7} {'B/A':>6}")
    for pair in items:
        legs = [
            (pair.a, {"HTTP_AUTHORIZATION": f"Bearer {pair.token_a}"} if pair.token_a else {}),
            (pair.b, {"HTTP_AUTHORIZATION": f"Bearer {pair.token_b}"} if pair.token_b else {}),
        ]
        for path, headers in legs:
            _timed(client, path, headers, 20)
        a, b, a_cpu, b_cpu = [], [], [], []
        for n in range(args.rounds):
            order = [(legs[0], a, a_cpu), (legs[1], b, b_cpu)]
            if n % 2:
                order.reverse()
            for (path, headers), wall, cpu in order:
                times = _timed(client, path, headers, args.repeats)
                wall.extend(times[0])
                cpu.extend(times[1])
        ma, mb = statistics.median(a), statistics.median(b)
        ca, cb = statistics.median(a_cpu), statistics.median(b_cpu)
        wall = f"{ma:7.2f} {mb:7.2f} {mb / ma:6.2f}"
        print(f"{pair.label:45} {wall} {ca:7.2f} {cb:7.2f} {cb / ca:6.2f}", flush=True)
        if args.profile:
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            _timed(client, *legs[1 if args.baseline else 0], args.repeats)
            profiler.disable()
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
            stats.print_stats(args.top)
            print(out.getvalue())
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats("tottime")
            stats.print_stats(args.top)
            print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
