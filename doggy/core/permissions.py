"""The plan's permission vocabulary and the one question every layer asks about an actor.

`PermissionName` holds the nine system permissions seeded by `accounts/0005_seed_rbac`
(names, not identity: who holds them is the accounts app's business). `actor_may` is the
one staff-capability predicate: it asks Django's `user.has_perm(name)`, which the RBAC
auth backend answers for the plan's names (and which passes active superusers), so code
below `accounts` checks permissions without importing it. Django's `is_staff` is only
the admin-site gate; it grants no capability by itself.
"""

from __future__ import annotations


class PermissionName:
    """The nine system permissions seeded by `accounts/0005_seed_rbac`."""

    USERS_VIEW = "users.view"
    USERS_MANAGE = "users.manage"
    SERVICES_BOOK = "services.book"
    SERVICES_PROVIDE = "services.provide"
    MESSAGING_ACCESS = "messaging.access"
    KYC_REVIEW = "kyc.review"
    AI_ACCESS = "ai.access"
    CALENDAR_MANAGE = "calendar.manage"
    SYSTEM_ADMIN = "system.admin"


def actor_may(actor, *names: str) -> bool:
    """True when `actor` is an active, signed-in user holding any of the permissions `names`.

    Active superusers hold every permission. Anonymous users, inactive users and `None`
    hold none.
    """
    if actor is None or not getattr(actor, "is_authenticated", False):
        return False
    if not getattr(actor, "is_active", False):
        return False
    return any(actor.has_perm(name) for name in names)
