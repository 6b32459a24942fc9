"""Real server processes for the delivery tests and the fan-out benchmark.

`daphne_servers(n, database_url=…, redis_url=…)` starts `n` daphne processes serving
`doggy.asgi:application` on loopback, sharing one database and one Redis channel layer,
as a deployment with several server processes does. They are stopped on exit, also when
the test fails. Readiness is daphne's own "Listening on" line, read from its output by a
thread: nothing sleeps.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def current_database_url() -> str:
    """The URL of the database this test runs on (PostgreSQL, trust authentication)."""
    params = connection.settings_dict
    user = params["USER"] or "postgres"
    return f"postgres://{user}@{params['HOST']}:{params['PORT']}/{params['NAME']}"


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    output: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    reader: threading.Thread | None = None

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/v1/"

    def _drain(self) -> None:
        # Daphne writes its log to stderr (merged into stdout here); reading it all keeps
        # the pipe from filling up, and the "Listening on" line says the port is open.
        for line in self.process.stdout:
            self.output.append(line)
            if "Listening on TCP address" in line:
                self.ready.set()
        self.ready.set()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        if self.reader is not None:
            self.reader.join(timeout=15)
        self.process.stdout.close()


def server_env(*, database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="doggy.settings.local",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CACHE_URL="locmemcache://",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


@contextlib.contextmanager
def daphne_servers(
    count: int, *, database_url: str, redis_url: str, **extra: str
) -> Iterator[list[Server]]:
    env = server_env(database_url=database_url, redis_url=redis_url, **extra)
    servers: list[Server] = []
    try:
        for _ in range(count):
            port = free_port()
            process = subprocess.Popen(  # noqa: S603 - this interpreter, a fixed argv
                [
                    sys.executable,
                    "-m",
                    "daphne",
                    "-b",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "doggy.asgi:application",
                ],  # fmt: skip
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            server = Server(process=process, port=port)
            servers.append(server)
            server.reader = threading.Thread(target=server._drain, daemon=True)
            server.reader.start()
        for server in servers:
            started = server.ready.wait(START_TIMEOUT)
            if not started or server.process.poll() is not None:
                raise RuntimeError(
                    f"daphne on port {server.port} did not start:\n" + "".join(server.output)
                )
        yield servers
    finally:
        for server in servers:
            server.stop()
