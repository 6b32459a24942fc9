"""The one permission-matrix base of the API tests (after NetBox's `utilities/testing`).

An app's API tests subclass `PermissionMatrix` in a `Test…` class, name their callers
(fixture names from tests/callers.py, plus any the app adds) and list their routes:

    class TestPetsPermissionMatrix(PermissionMatrix):
        callers = ("anonymous", "owner", "other_owner", …)
        routes = (Route("GET", "/api/v1/dogs/{dog}/", {"anonymous": 401, "owner": 200, …}), …)

        def build_world(self, request, users): …   # the objects the paths point at

The base generates one test per route × caller (`test_cell`): it signs the caller in on
a real bearer session, makes the request and asserts the exact status; a refusal must
answer the one error shape and write nothing (`state()` before and after: the audit log,
plus whatever the subclass adds). `test_every_route_decides_for_every_caller` keeps the
rows complete. tests/test_route_inventory.py fails when a route under /api/v1/ is in no
matrix, or a row outlives its route.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.urls import Resolver404, resolve

from audit.models import AuditLog
from tests.callers import bearer_client

_FORMATTER = string.Formatter()
# Values tried for a placeholder when a path template is resolved without a world.
_PLACEHOLDER_SAMPLES = ("00000000-0000-0000-0000-000000000001", "1", "sample-key")


@dataclass(frozen=True)
class Route:
    """One route and method, and the status each caller gets."""

    method: str
    path: str
    expected: Mapping[str, int]
    # The request body: a dict, or a function of the world (called once per request).
    body: Any = None
    multipart: bool = False
    notes: str = field(default="", compare=False)

    def url_name(self) -> str:
        """The URL name the path resolves to (placeholders filled with samples)."""
        names = sorted({name for _, name, _, _ in _FORMATTER.parse(self.path) if name})
        for values in itertools.product(_PLACEHOLDER_SAMPLES, repeat=len(names)):
            try:
                return resolve(self.path.format(**dict(zip(names, values, strict=True)))).url_name
            except Resolver404:
                continue
        raise AssertionError(f"{self.method} {self.path} resolves to no route")

    def key(self) -> tuple[str, str]:
        return (self.url_name(), self.method)


@dataclass(frozen=True)
class Cell:
    route: Route
    caller: str

    @property
    def expected(self) -> int:
        return self.route.expected[self.caller]

    @property
    def id(self) -> str:
        return f"{self.route.method} {self.route.path} as {self.caller}"


class PermissionMatrix:
    """Base of every app's permission matrix; see the module docstring."""

    callers: ClassVar[tuple[str, ...]] = ()
    routes: ClassVar[tuple[Route, ...]] = ()

    # -- the table --------------------------------------------------------------------------
    @classmethod
    def cells(cls) -> list[Cell]:
        return [Cell(route, caller) for route in cls.routes for caller in cls.callers]

    # -- hooks ------------------------------------------------------------------------------
    def build_world(self, request, users: dict[str, Any]) -> Any:
        """The objects the routes point at; `path_values(world)` fills the paths from it."""
        return {}

    def path_values(self, world: Any) -> Mapping[str, Any]:
        return world

    def body(self, route: Route, world: Any) -> tuple[Any, str]:
        """The request's data and its format ("json" or "multipart")."""
        data = route.body(world) if callable(route.body) else route.body
        return data, "multipart" if route.multipart else "json"

    def state(self) -> Any:
        """Everything a refused request must leave as it was (at least the audit log)."""
        return {"audit": AuditLog.objects.count()}

    def check_success(self, cell: Cell, response, before: Any, after: Any) -> None:
        """Further checks of an accepted request (a write should have written)."""

    # -- the generated tests ----------------------------------------------------------------
    def test_cell(self, db, request, matrix_cell: Cell):
        # given: every caller of the matrix, the objects the path points at, a bearer client
        cell = matrix_cell
        users = {caller: request.getfixturevalue(caller) for caller in self.callers}
        world = self.build_world(request, users)
        path = cell.route.path.format_map(self.path_values(world))
        data, data_format = self.body(cell.route, world)
        client = bearer_client(users[cell.caller])
        before = self.state()

        # when
        response = getattr(client, cell.route.method.lower())(path, data, format=data_format)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)

        # then: the exact status; a refusal has the one error shape and wrote nothing
        assert response.status_code == cell.expected, (
            f"{cell.route.method} {path} as {cell.caller}: {response.status_code} "
            f"{getattr(response, 'content', b'')[:300]!r}"
        )
        after = self.state()
        if cell.expected >= 400:
            assert set(response.json()) == {"error"}
            assert after == before
        else:
            self.check_success(cell, response, before, after)

    def test_every_route_decides_for_every_caller(self):
        incomplete = [
            f"{route.method} {route.path}"
            for route in self.routes
            if set(route.expected) != set(self.callers)
        ]
        assert incomplete == []
        keys = [route.key() for route in self.routes]
        assert len(keys) == len(set(keys)), "a route and method has two rows"


def matrix_cell_parametrize(metafunc) -> None:
    """`pytest_generate_tests` of the matrices: one `test_cell` per route × caller."""
    cls: Callable | None = metafunc.cls
    if cls is None or "matrix_cell" not in metafunc.fixturenames:
        return
    cells = cls.cells()
    metafunc.parametrize("matrix_cell", cells, ids=[cell.id for cell in cells])


def pytest_generate_tests(metafunc):
    matrix_cell_parametrize(metafunc)


def all_matrices() -> list[type[PermissionMatrix]]:
    """Every matrix of the suite (their modules imported), for the route inventory."""
    import importlib

    for module in MATRIX_MODULES:
        importlib.import_module(module)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    return [cls for cls in subclasses(PermissionMatrix) if cls.routes]


# The test modules that hold the matrices (the route inventory imports them).
MATRIX_MODULES = (
    "tests.pets.test_permission_matrix",
    "tests.scheduling.test_permission_matrix",
    "tests.scheduling.test_calendar_permission_matrix",
    "tests.billing.test_permission_matrix",
    "tests.accounts.test_permission_matrix",
    "tests.accounts.test_analytics_api",
    "tests.audit.test_permission_matrix",
    "tests.doggy.test_permission_matrix",
    "tests.doggy.test_reports_permission_matrix",
    "tests.ai.test_permission_matrix",
    "tests.messaging.test_permission_matrix",
    "tests.messaging.test_calls_api",
    "tests.messaging.test_notifications_permission_matrix",
    "tests.insights.test_permission_matrix",
)
