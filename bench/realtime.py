"""`make bench-realtime`: WebSocket fan-out to 100 clients across two server processes.

Run through `make bench-realtime`, which starts a throwaway redis-server and PostgreSQL
(scripts/with_redis.sh, scripts/with_postgres.sh). Steps:

1. migrate; create `--clients` users with sessions (the PetOwner role: messaging.access)
   and one caller, all in one conversation;
2. start two daphne processes on loopback sharing the database and the Redis channel
   layer; connect half the clients to each;
3. **publish**: `--messages` events, each sent to the 100 users' groups as
   `doggy.core.realtime.send_now` sends them (one `group_send` per user), from this
   process through Redis; deliveries per second (first publish to last receipt) and the
   latency from publish to receipt, p50/p99;
4. **POST**: `--calls` times, the caller starts a call through process A's HTTP API (the
   service rings the 100 others after commit) and ends it; the latency from sending the
   POST to each client's receipt of `call.ringing`, p50/p99.

It prints the figures and writes them to `--output` (default bench/results-realtime.md).
Not a gate: the machine is shared, the numbers are for comparison between runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "doggy.settings.local"
os.environ.setdefault("CACHE_URL", "locmemcache://")
if os.environ.get("DOGGY_TEST_REDIS_URL"):
    os.environ["REDIS_URL"] = os.environ["DOGGY_TEST_REDIS_URL"]

import django  # noqa: E402

django.setup()

import logging  # noqa: E402

logging.getLogger("httpx").setLevel(logging.WARNING)

import httpx  # noqa: E402
import websockets  # noqa: E402
from channels.layers import get_channel_layer  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from accounts.choices import AccountStatus, RoleName  # noqa: E402
from accounts.models import Role  # noqa: E402
from accounts.services.sessions import user_session_create  # noqa: E402
from doggy.core.realtime import FORWARD_TYPE, user_group  # noqa: E402
from tests.accounts.factories import UserFactory, UserRoleFactory  # noqa: E402
from tests.messaging.factories import (  # noqa: E402
    ConversationFactory,
    ConversationParticipantFactory,
)
from tests.messaging.servers import current_database_url, daphne_servers  # noqa: E402


def check(condition: bool, detail: object) -> None:
    if not condition:
        raise RuntimeError(f"unexpected: {detail}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def seed(clients: int):
    role = Role.objects.get(name=RoleName.PET_OWNER)
    conversation = ConversationFactory()
    users = []
    for n in range(clients + 1):
        user = UserFactory(email=f"bench-rt-{n}@example.com", account_status=AccountStatus.ACTIVE)
        UserRoleFactory(user=user, role=role, assigned_by=user)
        ConversationParticipantFactory(conversation=conversation, user=user)
        users.append((user, user_session_create(user=user).access_token))
    return conversation, users[0], users[1:]


class Client:
    def __init__(self, url: str, token: str):
        self.url, self.token = url, token
        self.frames: list[tuple[float, dict]] = []
        self.wanted = 0
        self.done = asyncio.Event()

    async def run(self, ready: asyncio.Event, counter: list[int], total: int):
        async with websockets.connect(
            self.url, subprotocols=["doggy.v1", f"bearer.{self.token}"], open_timeout=60,
            max_queue=None, ping_interval=None,
        ) as socket:  # fmt: skip
            counter[0] += 1
            if counter[0] == total:
                ready.set()
            self.socket = socket
            async for text in socket:
                self.frames.append((time.time(), json.loads(text)))
                if self.wanted and len(self.frames) >= self.wanted:
                    self.done.set()

    def expect(self, count: int):
        self.frames, self.wanted = [], count
        self.done.clear()


async def measure(args, servers, caller, clients):
    ready, counter = asyncio.Event(), [0]
    sockets = [Client(servers[i % 2].ws, token) for i, (_user, token) in enumerate(clients)]
    tasks = [asyncio.create_task(c.run(ready, counter, len(sockets))) for c in sockets]
    await asyncio.wait_for(ready.wait(), 120)
    layer = get_channel_layer()
    user_ids = [user.pk for user, _token in clients]

    # 1. publish through the Redis layer, as send_now does
    for c in sockets:
        c.expect(args.messages)
    started = time.time()
    for n in range(args.messages):
        message = {"type": FORWARD_TYPE, "event": "bench", "data": {"n": n, "t": time.time()}}
        for user_id in user_ids:
            await layer.group_send(user_group(user_id), message)
    await asyncio.wait_for(asyncio.gather(*(c.done.wait() for c in sockets)), 300)
    finished = max(frames[-1][0] for frames in (c.frames for c in sockets))
    latencies = [
        (received - frame["data"]["t"]) * 1000
        for c in sockets
        for received, frame in c.frames
        if frame["type"] == "bench"
    ]
    delivered = len(latencies)
    publish = {
        "delivered": delivered,
        "seconds": finished - started,
        "rate": delivered / (finished - started),
        "p50": percentile(latencies, 0.50),
        "p99": percentile(latencies, 0.99),
        "max": max(latencies),
    }

    # 2. POST through process A: start a call that rings everyone, then end it
    headers = {"Authorization": f"Bearer {caller[1]}"}
    post_latencies = []
    async with httpx.AsyncClient(base_url=servers[0].http, headers=headers, timeout=60) as http:
        for _ in range(args.calls):
            for c in sockets:
                c.expect(1)
            sent = time.time()
            response = await http.post("/api/v1/calls/", json={"conversation_id": args.conv})
            check(response.status_code == 201, response.text)
            call_id = response.json()["id"]
            await asyncio.wait_for(asyncio.gather(*(c.done.wait() for c in sockets)), 120)
            for c in sockets:
                received, frame = c.frames[0]
                check(frame["type"] == "call.ringing", frame["type"])
                check(frame["data"]["id"] == call_id, frame["data"]["id"])
                post_latencies.append((received - sent) * 1000)
            # The end reaches everyone as call.updated; wait for it before the next round.
            for c in sockets:
                c.expect(1)
            ended = await http.post(f"/api/v1/calls/{call_id}/end/")
            check(ended.status_code == 200, ended.text)
            await asyncio.wait_for(asyncio.gather(*(c.done.wait() for c in sockets)), 120)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    post = {
        "delivered": len(post_latencies),
        "p50": percentile(post_latencies, 0.50),
        "p99": percentile(post_latencies, 0.99),
        "max": max(post_latencies),
    }
    return publish, post


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--calls", type=int, default=10)
    parser.add_argument("--output", default=str(ROOT / "bench" / "results-realtime.md"))
    args = parser.parse_args()
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        print("Run it with `make bench-realtime` (PostgreSQL and redis-server).")
        return 2
    print("Migrating …", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    conversation, caller, clients = seed(args.clients)
    args.conv = str(conversation.pk)
    connection.close()
    with daphne_servers(
        2, database_url=current_database_url(), redis_url=settings.REDIS_URL, DJANGO_DEBUG="false"
    ) as servers:
        print(f"{len(clients)} clients on two daphne processes …", flush=True)
        publish, post = asyncio.run(measure(args, servers, caller, clients))

    lines = [
        "# Real-time fan-out",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {platform.machine()}, {os.cpu_count()} CPUs; load average "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (shared machine: numbers vary)",
        f"- {len(clients)} WebSocket clients, half on each of two daphne processes, one "
        "Redis channel layer (channels-redis), PostgreSQL; the publisher and the clients "
        "run in one more process",
        "",
        "| measurement | deliveries | rate | p50 | p99 | max |",
        "|---|---:|---:|---:|---:|---:|",
        f"| publish -> receipt ({args.messages} events x {len(clients)} users) | "
        f"{publish['delivered']:,} | {publish['rate']:,.0f} msg/s | {publish['p50']:.1f} ms | "
        f"{publish['p99']:.1f} ms | {publish['max']:.1f} ms |",
        f"| POST /calls/ on A -> call.ringing ({args.calls} calls x {len(clients)} users) | "
        f"{post['delivered']:,} | | {post['p50']:.1f} ms | {post['p99']:.1f} ms | "
        f"{post['max']:.1f} ms |",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    Path(args.output).write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
