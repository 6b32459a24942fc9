"""The list pipeline's filtering: skipped when a request asks for no filter.

A plain list request (no query parameter of the view's FilterSet) gets the selector's
queryset as it is: the FilterSet would validate an empty form and apply no filter, and a
prepared list (`doggy.core.prepared`) would lose its compiled SQL to django-filter's
`.all()`. With a filter parameter, the FilterSet runs on the real queryset as before.
`query_filters` does the same for views that validate their filters with a serializer.
"""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.fields import empty

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


_QUERY_FIELDS: dict[type, frozenset[str] | None] = {}


def _query_field_names(serializer_class) -> frozenset[str] | None:
    """The parameter names of a filter serializer, or None when a field has a default."""
    if serializer_class not in _QUERY_FIELDS:
        fields = serializer_class().fields
        defaults = any(field.default is not empty for field in fields.values())
        _QUERY_FIELDS[serializer_class] = None if defaults else frozenset(fields)
    return _QUERY_FIELDS[serializer_class]


def query_filters(serializer_class, query_params) -> dict:
    """The validated filter parameters of a list request (400 with field errors if invalid).

    A plain request (no parameter the serializer declares) gets `{}` without building and
    validating the serializer, which is what validating it would give: its fields are all
    optional without defaults. A serializer with defaults is always validated.
    """
    names = _query_field_names(serializer_class)
    if names is not None and names.isdisjoint(query_params.keys()):
        return {}
    data = serializer_class(data=query_params)
    data.is_valid(raise_exception=True)
    return data.validated_data
