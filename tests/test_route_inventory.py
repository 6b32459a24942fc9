"""The route inventory: every route under /api/v1/ has a row in exactly one permission
matrix (tests/matrix.py), and every row still has its route.

Also checks what holds for every route of the API, whichever app declares it: the view
names its permission classes (the project default never decides who gets in), and
every POST open to anonymous callers is throttled per client IP.
"""

from __future__ import annotations

from collections import Counter

from django.urls import URLPattern, URLResolver, get_resolver

from tests.matrix import all_matrices

PROJECT_MODULES = (
    "accounts.",
    "audit.",
    "doggy.",
    "pets.",
    "scheduling.",
    "billing.",
    "messaging.",
)
# The apps whose views all name their permission classes (pets, scheduling and billing
# views inherit them from the default and their own bases).
DECLARING_APPS = ("accounts.", "audit.", "doggy.")


def api_views() -> dict[tuple[str, str], type]:
    """(URL name, METHOD) of every route under /api/v1/ -> its view class."""
    found: dict[tuple[str, str], type] = {}

    def walk(patterns, prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
                continue
            assert isinstance(pattern, URLPattern)
            route = prefix + str(pattern.pattern)
            if not route.startswith("api/v1/"):
                continue
            view = getattr(pattern.callback, "cls", None) or getattr(
                pattern.callback, "view_class", None
            )
            assert view is not None, f"{route} is not a class-based view"
            assert pattern.name, f"{route} has no URL name"
            # A viewset's methods are its actions ({"get": "list"}); a view's, its handlers.
            actions = getattr(pattern.callback, "actions", None) or {
                method: method for method in view.http_method_names
            }
            for method, handler in actions.items():
                if method not in ("options", "head", "trace") and hasattr(view, handler):
                    found[(pattern.name, method.upper())] = view

    walk(get_resolver().url_patterns, "")
    return found


def _rows() -> Counter:
    return Counter(route.key() for matrix in all_matrices() for route in matrix.routes)


def test_every_api_route_has_exactly_one_row():
    # given
    routes = set(api_views())
    rows = _rows()

    # then: no route without a decision, no row without a route, no route decided twice
    assert sorted(routes - set(rows)) == []
    assert sorted(set(rows) - routes) == []
    assert sorted(key for key, count in rows.items() if count > 1) == []


def test_every_route_declares_its_permissions():
    # then
    undeclared = sorted(
        name
        for (name, _method), view in api_views().items()
        if view.__module__.startswith(DECLARING_APPS)
        and not any(
            "permission_classes" in vars(cls)
            for cls in view.__mro__
            if cls.__module__.startswith(PROJECT_MODULES)
        )
    )
    assert undeclared == []


def test_every_anonymous_post_is_throttled():
    # given
    from accounts.api.throttling import ClientIpScopedRateThrottle

    views = api_views()
    open_posts = sorted(
        route.key()
        for matrix in all_matrices()
        for route in matrix.routes
        if route.method == "POST" and route.expected.get("anonymous", 401) < 400
    )

    # then
    assert open_posts
    unthrottled = [
        key
        for key in open_posts
        if ClientIpScopedRateThrottle not in views[key].throttle_classes
        or not getattr(views[key], "throttle_scope", None)
    ]
    assert unthrottled == []


def test_matrices_cells():
    # Every matrix, its routes × callers (the suite's cells; only ever more).
    sizes = {m.__name__: (len(m.routes), len(m.cells())) for m in all_matrices()}
    assert sum(cells for _, cells in sizes.values()) >= SUITE_CELLS, sizes


# Before the matrices shared one base: 252 (api) + 376 (pets) + 138 (scheduling).
SUITE_CELLS = 766
