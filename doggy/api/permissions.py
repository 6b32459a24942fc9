"""The DRF side of RBAC: the one permission check views use for the plan's names.

    permission_classes = [HasRbacPermission.for_("kyc.review")]

passes for active superusers and for users holding every named permission through an
active, unexpired role. It asks `doggy.core.permissions.actor_may`, which the RBAC auth
backend answers (one query per request, then cached on the user object). Anonymous and
inactive users never pass.
"""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from doggy.core.permissions import actor_may


class HasRbacPermission(BasePermission):
    """Requires all of `required_permissions` (the plan's names, e.g. `users.manage`).

    Subclass with `required_permissions = ("users.manage",)`, or build one inline with
    `HasRbacPermission.for_("users.manage")`. `HasRbacPermission("users.manage")` also
    works in `permission_classes`: DRF calls the instance, which returns itself.
    """

    required_permissions: tuple[str, ...] = ()
    message = "You do not have permission to perform this action."
    code = "permission_denied"

    def __init__(self, *names: str):
        if names:
            self.required_permissions = tuple(names)

    def __call__(self) -> HasRbacPermission:
        return self

    @classmethod
    def for_(cls, *names: str) -> type[HasRbacPermission]:
        """A subclass requiring `names`, for `permission_classes`."""
        if not names:
            raise ValueError("HasRbacPermission.for_() needs at least one permission name.")
        label = "_".join(name.replace(".", "_") for name in names)
        return type(f"HasRbacPermission_{label}", (cls,), {"required_permissions": tuple(names)})

    def has_permission(self, request, view) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        if not self.required_permissions:
            # A class with nothing required would silently allow everyone: refuse instead.
            return False
        return all(actor_may(user, name) for name in self.required_permissions)

    def has_object_permission(self, request, view, obj) -> bool:
        return self.has_permission(request, view)


__all__ = ["HasRbacPermission"]
