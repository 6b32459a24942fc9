"""`plan baseline record|compare`: the plan's "<5% degradation" success criterion as a command.

`record` times a fixed set of the platform's hot queries before a phase is deployed and
keeps the medians; `compare` times the same queries, with the same parameters, after it
and fails when any is more than `max_slowdown` (5%) slower.

Queries run through the *historical* models of the migrations applied to the database,
so the same definition works at the end of any phase and on any engine; a query whose
model or field does not exist yet is skipped, and only queries measured in both runs are
compared. To resist noise:

* the queries are interleaved: every round runs each of them `repeat` times, in an
  order shuffled per round (seeded), and a query's figure is its median over the rounds;
* every round also times a calibration query (`SELECT 1` through the same connection),
  and each query is compared as a ratio to the calibration of its own run, so a slower or
  busier machine at compare time does not count as a regression of the schema:

      ratio = (after / after_calibration) / (before / before_calibration)
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import FieldError
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from doggy.dbtools.plan import database_label

CALIBRATION = "calibration: SELECT 1"
DEFAULT_MAX_SLOWDOWN = 0.05


@dataclass(frozen=True)
class HotQuery:
    """One query: `sample` picks its parameter from the data, `run` executes it."""

    name: str
    model: str  # "app_label.ModelName" of the historical model
    sample: Callable[[Any], Any]  # manager -> a JSON value (or None: nothing to sample)
    run: Callable[[Any, Any], Any]  # (manager, sample) -> a result that is fully fetched


def _first(field_name: str) -> Callable[[Any], Any]:
    def sample(manager):
        value = manager.order_by("pk").values_list(field_name, flat=True).first()
        return value if isinstance(value, int | str) or value is None else str(value)

    return sample


def _none(manager) -> None:
    return None


HOT_QUERIES: tuple[HotQuery, ...] = (
    HotQuery(
        "sign-in: user by e-mail",
        "accounts.User",
        _first("email"),
        lambda m, s: list(m.filter(email=s).values_list("pk", flat=True)[:1]),
    ),
    HotQuery(
        "bearer token: active sessions of a user",
        "accounts.UserSession",
        _first("user_id"),
        lambda m, s: list(m.filter(user_id=s, is_active=True).values_list("pk", flat=True)[:20]),
    ),
    HotQuery(
        "dogs of an owner, first page",
        "pets.DogProfile",
        _first("owner_id"),
        lambda m, s: list(m.filter(owner_id=s).order_by("pk").values("pk", "name")[:20]),
    ),
    HotQuery(
        "providers: verified, by rating",
        "accounts.ServiceProvider",
        _none,
        lambda m, s: list(
            m.filter(is_verified=True).order_by("-average_rating").values_list("pk", flat=True)[:20]
        ),
    ),
    HotQuery(
        "offerings of a category",
        "scheduling.ServiceOffering",
        _first("category_id"),
        lambda m, s: list(m.filter(category_id=s).order_by("pk").values_list("pk", flat=True)[:20]),
    ),
    HotQuery(
        "messages of a conversation, newest page",
        "messaging.Message",
        _first("conversation_id"),
        lambda m, s: list(
            m.filter(conversation_id=s).order_by("-pk").values_list("pk", flat=True)[:50]
        ),
    ),
    HotQuery(
        "audit log, newest page",
        "audit.AuditLog",
        _none,
        lambda m, s: list(m.order_by("-pk").values_list("pk", flat=True)[:50]),
    ),
)


@dataclass
class Baseline:
    database: str
    recorded_at: str
    rounds: int
    repeat: int
    medians: dict[str, float]  # seconds per call, CALIBRATION included
    samples: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Baseline:
        return cls(**json.loads(text))


@dataclass(frozen=True)
class Comparison:
    name: str
    before: float
    after: float
    ratio: float  # calibrated; > 1 is slower
    ok: bool


def _managers(connection) -> dict[str, Any]:
    """Historical managers of the hot queries' models, as the applied migrations left them."""
    executor = MigrationExecutor(connection)
    state = executor._create_project_state(with_applied_migrations=True)
    managers = {}
    for query in HOT_QUERIES:
        app_label, model_name = query.model.split(".")
        try:
            model = state.apps.get_model(app_label, model_name)
        except LookupError:
            continue
        managers[query.model] = model._default_manager.using(connection.alias)
    return managers


def _timer() -> float:
    return time.perf_counter()


def measure(
    connection,
    *,
    samples: dict[str, Any] | None = None,
    rounds: int = 7,
    repeat: int = 20,
    seed: int = 42,
    clock: Callable[[], float] = _timer,
) -> Baseline:
    """Time every hot query that can run here; pass `samples` to reuse a baseline's."""
    managers = _managers(connection)
    samples = dict(samples or {})
    skipped: dict[str, str] = {}
    runnable: dict[str, Callable[[], Any]] = {}

    def calibrate():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()

    runnable[CALIBRATION] = calibrate
    for query in HOT_QUERIES:
        manager = managers.get(query.model)
        if manager is None:
            skipped[query.name] = f"{query.model} does not exist at this migration state"
            continue
        try:
            if query.name not in samples:
                samples[query.name] = query.sample(manager)
            value = samples[query.name]
            query.run(manager, value)  # fails here, not while timing, when a field is missing
        except FieldError as exc:
            skipped[query.name] = f"not runnable at this migration state: {exc}"
            continue
        runnable[query.name] = lambda q=query, m=manager, v=value: q.run(m, v)

    timings: dict[str, list[float]] = {name: [] for name in runnable}
    order = list(runnable)
    shuffle = random.Random(seed)  # noqa: S311 - an order, not a secret
    for _ in range(rounds):
        shuffle.shuffle(order)
        for name in order:
            call = runnable[name]
            start = clock()
            for _ in range(repeat):
                call()
            timings[name].append((clock() - start) / repeat)
    return Baseline(
        database=database_label(connection),
        recorded_at=timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        rounds=rounds,
        repeat=repeat,
        medians={name: statistics.median(values) for name, values in timings.items()},
        samples={k: v for k, v in samples.items() if k in runnable},
        skipped=skipped,
    )


def compare(
    before: Baseline, after: Baseline, *, max_slowdown: float = DEFAULT_MAX_SLOWDOWN
) -> list[Comparison]:
    """Per-query calibrated ratios of `after` to `before`, for queries measured in both."""
    base_cal = before.medians[CALIBRATION]
    now_cal = after.medians[CALIBRATION]
    rows = []
    for name, old in before.medians.items():
        if name == CALIBRATION or name not in after.medians:
            continue
        new = after.medians[name]
        ratio = (new / now_cal) / (old / base_cal) if old > 0 and now_cal > 0 else 1.0
        rows.append(Comparison(name, old, new, ratio, ratio <= 1 + max_slowdown))
    return rows


def baseline_path(connection, root: Path) -> Path:
    return root / database_label(connection) / "baseline.json"


def baseline_save(connection, baseline: Baseline, root: Path) -> Path:
    path = baseline_path(connection, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(baseline.to_json() + "\n", encoding="utf-8")
    return path


def baseline_load(connection, root: Path) -> Baseline | None:
    path = baseline_path(connection, root)
    return Baseline.from_json(path.read_text(encoding="utf-8")) if path.exists() else None
