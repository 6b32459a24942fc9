"""The list pipeline's filter backend: django-filter, skipped when no filter is asked for.

A plain list request (no query parameter of the view's FilterSet) gets the selector's
queryset as it is: the FilterSet would validate an empty form and apply no filter, and a
prepared list (`doggy.core.prepared`) would lose its compiled SQL to django-filter's
`.all()`. With a filter parameter, the FilterSet runs on the real queryset as before.
"""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend

from doggy.core.prepared import PreparedQuerySet


def _asks_for_filter(filterset_class, params) -> bool:
    # Widgets of range filters take suffixed names (`price_min`, `date_after`).
    names = tuple(filterset_class.base_filters)
    return any(param.startswith(names) for param in params)


class ListFilterBackend(DjangoFilterBackend):
    """`DjangoFilterBackend` for list views whose selector may return a prepared list."""

    def filter_queryset(self, request, queryset, view):
        if isinstance(queryset, PreparedQuerySet):
            filterset_class = self.get_filterset_class(view, queryset)
            if filterset_class is None or not _asks_for_filter(
                filterset_class, request.query_params
            ):
                return queryset
            queryset = queryset.queryset()
        return super().filter_queryset(request, queryset, view)
