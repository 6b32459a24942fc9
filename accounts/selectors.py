"""Reads of the accounts app that other apps and the API use."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from .models import Permission, User

_PERM_CACHE_ATTR = "_rbac_permission_names"


def user_permission_names(*, user: User) -> frozenset[str]:
    """The plan's permission names the user holds now, via active, unexpired UserRoles.

    One query, then cached on the user object; a request has its own user object, so
    the cache lives exactly as long as the request. Services that change a user's roles
    call `user_permission_cache_clear` on the instance they hold.
    """
    cached = getattr(user, _PERM_CACHE_ATTR, None)
    if cached is not None:
        return cached
    if not user.is_authenticated or not user.is_active:
        names: frozenset[str] = frozenset()
    else:
        now = timezone.now()
        names = frozenset(
            Permission.objects.filter(
                Q(role_permissions__role__user_roles__expires_at__isnull=True)
                | Q(role_permissions__role__user_roles__expires_at__gt=now),
                role_permissions__role__user_roles__user_id=user.pk,
                role_permissions__role__user_roles__is_active=True,
            )
            .values_list("name", flat=True)
            .distinct()
        )
    setattr(user, _PERM_CACHE_ATTR, names)
    return names


def user_permission_cache_clear(*, user: User) -> None:
    user.__dict__.pop(_PERM_CACHE_ATTR, None)


def user_has_permission(*, user: User, name: str) -> bool:
    return name in user_permission_names(user=user)
