"""FilterSets of the pets app: validated query parameters for the selectors.

Every filter and ordering a client can use is backed by an index: `is_active`
(IX_DogProfiles_Owner_Active, IX_DogProfiles_Active), `breed` (IX_DogProfiles_Breed),
`ordering=name` (IX_DogProfiles_Name), `ordering=created_at` (IX_DogProfiles_Created) and
`search` (the full-text index of `0002_dog_profiles_fulltext`). Medical-record lists are
always bounded by a dog (each table's index starts with DogId), so their few rows need
no further index.
"""

from __future__ import annotations

import functools

import django_filters
from django.db.models import QuerySet

from .choices import DogRelation

SEARCH_MAX_LENGTH = 200


class DogFilter(django_filters.FilterSet):
    """Filters of `GET /dogs/`. `search` is applied by the selector, not here."""

    is_active = django_filters.ChoiceFilter(
        choices=[("true", "Active"), ("false", "Inactive"), ("all", "All")],
        method="filter_is_active",
        empty_label=None,
    )
    breed = django_filters.CharFilter(field_name="breed", max_length=100)
    relation = django_filters.ChoiceFilter(
        choices=[("owned", "Dogs I own"), ("shared", "Dogs shared with me")],
        method="filter_relation",
    )
    search = django_filters.CharFilter(method="filter_noop", max_length=SEARCH_MAX_LENGTH)
    ordering = django_filters.OrderingFilter(
        fields=(("name", "name"), ("created_at", "created_at"))
    )

    def filter_is_active(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "all":
            return queryset
        return queryset.filter(is_active=(value == "true"))

    def filter_relation(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # `relation` is annotated by DogProfile.objects.with_relation().
        if value == "owned":
            return queryset.filter(relation=DogRelation.OWNER)
        return queryset.filter(relation__in=[DogRelation.EDIT, DogRelation.VIEW])

    def filter_noop(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset


class RecordStatusFilter(django_filters.FilterSet):
    """`?status=` on the lists of records that have a status (validated against its choices).

    Built per model by `record_filter_for`, because each table names its status column
    differently (`Status` or `ClinicalStatus`).
    """

    status = django_filters.ChoiceFilter(method="filter_status")

    status_field = "status"

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(**{self.status_field: value})


@functools.cache
def record_filter_for(model) -> type[RecordStatusFilter]:
    """A RecordStatusFilter bound to `model`'s status column and its choices.

    Built once per model (a FilterSet class costs more to create than to run)."""
    field = model._meta.get_field(model.status_field)
    attrs = {
        "status": django_filters.ChoiceFilter(method="filter_status", choices=field.choices),
        "status_field": model.status_field,
        "Meta": type("Meta", (), {"model": model, "fields": []}),
    }
    return type(f"{model.__name__}StatusFilter", (RecordStatusFilter,), attrs)
