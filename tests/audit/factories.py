"""Factories of the audit app."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from audit.choices import AuditAction, Severity
from audit.models import AuditLog
from tests.accounts.factories import UserFactory


class AuditLogFactory(DjangoModelFactory[AuditLog]):
    """An audit row as `audit_log_record` would write it for a change to a user."""

    class Meta:
        model = AuditLog

    user = factory.SubFactory(UserFactory)
    actor_email = factory.LazyAttribute(lambda o: o.user.email if o.user else None)
    action = AuditAction.UPDATE
    entity_type = "accounts.User"
    entity_id = factory.LazyAttribute(lambda o: str(o.user.pk) if o.user else None)
    old_values = factory.LazyFunction(lambda: {"first_name": "Old"})
    new_values = factory.LazyFunction(lambda: {"first_name": "New"})
    severity = Severity.INFO
