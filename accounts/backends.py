"""Authentication backends: email login, and the plan's RBAC permission names."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from doggy.core.permissions import PermissionName

from .selectors import user_permission_names

# The plan's names (`users.view`, …); Django's own permissions are `app_label.codename`.
PLAN_PERMISSION_NAMES = frozenset(
    value for name, value in vars(PermissionName).items() if name.isupper()
)


class EmailModelBackend(ModelBackend):
    """Django's ModelBackend with a case-insensitive email login.

    It answers only Django's own `app_label.codename` permissions (admin, guardian); the
    plan's names such as `users.view` are answered by `RbacBackend` alone (SCHEMA.md D4).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = kwargs.get("email", username)
        if email is None or password is None:
            return None
        return super().authenticate(request, username=email.strip().lower(), password=password)

    def has_perm(self, user_obj, perm, obj=None):
        # The plan's names are RbacBackend's alone; skip loading Django's permission sets.
        if perm in PLAN_PERMISSION_NAMES:
            return False
        return super().has_perm(user_obj, perm, obj)


class RbacBackend:
    """Answers `user.has_perm("services.book")` from active, unexpired `UserRoles`."""

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        if obj is not None or not getattr(user_obj, "is_active", False):
            return False
        return perm in user_permission_names(user=user_obj)
