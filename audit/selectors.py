"""Reads of the audit log, for staff only."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from doggy.core.permissions import actor_may
from doggy.core.prepared import PreparedList

from .models import AUDIT_READER_PERMISSIONS, AuditLog

AUDIT_LOG_FILTERS = frozenset(
    {"user", "entity_type", "entity_id", "action", "severity", "date_from", "date_to"}
)


def _start_of(value: datetime.date | datetime.datetime, *, name: str) -> datetime.datetime:
    """An aware instant for a filter bound; a date means its first instant in UTC."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            raise ValueError(f"{name} must be timezone-aware.")
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time.min, tzinfo=datetime.UTC)
    raise ValueError(f"{name} must be a date or an aware datetime.")


# The API's plain list (no filter, ids only), compiled once per process (performance.md).
_PLAIN_AUDIT_LIST = PreparedList(lambda: AuditLog.objects.order_by("-timestamp", "-id"))


def audit_log_list(
    *, actor, filters: Mapping[str, Any] | None = None, with_related: bool = True
) -> QuerySet[AuditLog]:
    """Audit rows, newest first, for holders of system.admin or users.manage.

    Anyone else gets an empty queryset. `filters` may hold:
    `user` (a user or a user id), `entity_type` (`app_label.ModelName`), `entity_id`,
    `action`, `severity`, `date_from` (inclusive) and `date_to` (exclusive for a datetime;
    a date includes that whole day, in UTC). Each filter is backed by an index of
    `AuditLogs`. The user and session are fetched in the same query, so listing N rows
    costs one query whatever N is; `with_related=False` leaves them out for callers that
    show only their ids (the API list), which then reads `AuditLogs` alone.
    """
    filters = dict(filters or {})
    unknown = set(filters) - AUDIT_LOG_FILTERS
    if unknown:
        raise ValueError(f"Unknown audit log filters: {sorted(unknown)}.")

    if not filters and not with_related and actor_may(actor, *AUDIT_READER_PERMISSIONS):
        return _PLAIN_AUDIT_LIST.bind()
    queryset = AuditLog.objects.visible_to(actor)
    if with_related:
        queryset = queryset.select_related("user", "session")
    user = filters.get("user")
    if user is not None:
        queryset = queryset.filter(user_id=getattr(user, "pk", user))
    for name in ("entity_type", "action", "severity"):
        if filters.get(name):
            queryset = queryset.filter(**{name: filters[name]})
    if filters.get("entity_id") is not None:
        queryset = queryset.filter(entity_id=str(filters["entity_id"]))
    if filters.get("date_from") is not None:
        queryset = queryset.filter(timestamp__gte=_start_of(filters["date_from"], name="date_from"))
    date_to = filters.get("date_to")
    if date_to is not None:
        end = _start_of(date_to, name="date_to")
        if not isinstance(date_to, datetime.datetime):
            end += datetime.timedelta(days=1)
        queryset = queryset.filter(timestamp__lt=end)
    # The id breaks ties between rows of the same instant, so pages never overlap.
    return queryset.order_by("-timestamp", "-id")
