"""FilterSets of the accounts API. Every filter and ordering is backed by an index."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from .choices import AccountStatus
from .models import User, UserRole


class UserFilter(django_filters.FilterSet):
    """Staff user list: by status (`IX_Users_AccountStatus`), exact email (the unique
    `Email` index) and effective role name (`IX_UserRoles_RoleId` + `RoleNameIndex`).

    Ordering: `email` (unique index) and `last_seen_at` (`IX_Users_LastSeen`).
    """

    account_status = django_filters.ChoiceFilter(choices=AccountStatus.choices)
    email = django_filters.CharFilter(method="filter_email")
    role = django_filters.CharFilter(method="filter_role", max_length=256)
    ordering = django_filters.OrderingFilter(
        fields=(("email", "email"), ("last_seen_at", "last_seen_at"))
    )

    class Meta:
        model = User
        fields = ["account_status", "email", "role"]

    def filter_email(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        return queryset.filter(email=value.strip().lower())

    def filter_role(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        holders = (
            UserRole.objects.effective()
            .filter(role__normalized_name=value.strip().upper())
            .values("user_id")
        )
        return queryset.filter(pk__in=holders)
