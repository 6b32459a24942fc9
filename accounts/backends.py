"""Authentication backends: email login, and the plan's RBAC permission names."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend


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


class RbacBackend:
    """Answers `user.has_perm("services.book")` from active, unexpired `UserRoles`."""

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        if obj is not None or not getattr(user_obj, "is_active", False):
            return False
        from .selectors import user_permission_names

        return perm in user_permission_names(user=user_obj)
