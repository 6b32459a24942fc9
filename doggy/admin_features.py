"""Admin screens that follow a feature flag (doggy.maintenance, doggy.choices.FeatureArea)."""

from __future__ import annotations

from doggy.selectors import feature_enabled


class FeatureAreaAdminMixin:
    """Hides a model's admin screens while its area's feature flag is off.

    Set `feature_area` (a doggy.choices.FeatureArea value). The index and the app list
    leave the model out, and its URLs answer 403, as for a user without permission.
    """

    feature_area: str | None = None

    def _area_on(self) -> bool:
        return self.feature_area is None or feature_enabled(self.feature_area)

    def has_module_permission(self, request):
        return self._area_on() and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._area_on() and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._area_on() and super().has_change_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self._area_on() and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return self._area_on() and super().has_delete_permission(request, obj)
