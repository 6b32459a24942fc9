"""Cheap read-only output serializers: the same JSON as DRF, without its per-field machinery.

DRF's `Serializer.to_representation` walks every field of every row through
`get_attribute`, `SkipField` checks and the field's `to_representation`, and a
`ModelSerializer` builds its fields by model introspection on each instantiation. For a
page of 100 rows of 35 columns that is most of a request (bench/results.md).

`FastOutputMixin` compiles a serializer's fields once per class into a plan of
`(name, getter, converter)` and runs that plan per row:

- plain attributes of the row are read with `getattr` (or `dict.get` for a mapping
  row, e.g. `.values()`);
- strings, booleans, integers, JSON and choices are converted the way DRF's fields do
  it, datetimes, dates and decimals through the field's own `to_representation`;
- `SerializerMethodField`s call the method of the serializer rendering the row;
- a foreign key shown as its primary key is read from its column (`user_id`), a
  `SlugRelatedField` reads its slug from the related row, and a nested serializer that
  is itself fast is called directly;
- a dotted source (`provider.business_name`) of one of the fields above is walked with
  `getattr`; where a step is None the row takes DRF's path for that field, so a missing
  relation gives DRF's answer;
- anything else (`*` sources, other nested or related fields) goes through DRF's own
  path for that field, so the output is always DRF's. DRF's fields are built (model
  introspection) only for a serializer that has such a field.

Only for output serializers whose fields do not depend on the request (every field
read-only, no fields added or dropped in `__init__`). The schema is unchanged: the
fields are still declared, and drf-spectacular reads them as before.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject, PrimaryKeyRelatedField, SlugRelatedField

_IDENTITY = (
    serializers.BooleanField,
    serializers.JSONField,
    serializers.ChoiceField,
)
_STR = (serializers.CharField, serializers.UUIDField)
_FIELD_OWN = (
    serializers.DateTimeField,
    serializers.DateField,
    serializers.TimeField,
    serializers.DecimalField,
    serializers.FloatField,
)

# Kinds of plan entries.
_PLAIN, _METHOD, _DRF, _PATH = 0, 1, 2, 3


def _converter(field: serializers.Field) -> Callable[[Any], Any] | None:
    """How a plain attribute becomes output, or None to let DRF handle the field."""
    if isinstance(field, serializers.ChoiceField) and not isinstance(
        field, serializers.MultipleChoiceField
    ):
        return field.to_representation
    if isinstance(field, _IDENTITY):
        return bool if isinstance(field, serializers.BooleanField) else _identity
    if isinstance(field, serializers.UUIDField):
        return field.to_representation
    if isinstance(field, _STR):
        return str
    if isinstance(field, serializers.IntegerField):
        return int
    if isinstance(field, _FIELD_OWN):
        return field.to_representation
    if isinstance(field, serializers.ListField) and isinstance(field.child, _STR + _IDENTITY):
        return _identity_list
    return None


def _identity(value):
    return value


def _identity_list(value):
    return list(value)


def _fast_nested(field: serializers.Field) -> bool:
    """A nested serializer that is itself fast, so context-free by the same contract."""
    if isinstance(field, serializers.ListSerializer):
        field = field.child
    return isinstance(field, FastOutputMixin)


def _compile(serializer: serializers.Serializer) -> list[tuple]:
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    plan = []
    for field in serializer._readable_fields:
        name = field.field_name
        if isinstance(field, serializers.SerializerMethodField):
            plan.append((_METHOD, name, field.method_name, None))
            continue
        sources = field.source_attrs
        if field.source == "*" or not sources:
            plan.append((_DRF, name, None, None))
            continue
        convert = _converter(field)
        if isinstance(field, SlugRelatedField):
            # DRF writes getattr(related, slug_field), or None without a related row.
            sources, convert = [*sources, field.slug_field], _identity
        elif (
            len(sources) == 1
            and isinstance(field, PrimaryKeyRelatedField)
            and field.pk_field is None
            and model is not None
        ):
            # The foreign key's column (`user_id`): DRF writes the related pk as it is.
            sources, convert = [model._meta.get_field(sources[0]).attname], _identity
        elif _fast_nested(field):
            convert = field.to_representation
        if convert is None:
            plan.append((_DRF, name, None, None))
        elif len(sources) == 1:
            plan.append((_PLAIN, name, sources[0], convert))
        else:
            plan.append((_PATH, name, tuple(sources), convert))
    return plan


_MISSING = object()
_CALLED = (types.MethodType, types.FunctionType)


def _walk(instance: Any, path: tuple[str, ...], mapping: bool) -> Any:
    """The value at the end of `path` (a method is called, as DRF does), or `_MISSING`
    where a step is None or absent, or the row is a mapping: DRF's path decides those."""
    if mapping:
        return _MISSING
    for attr in path:
        if instance is None:
            return _MISSING
        try:
            instance = getattr(instance, attr)
        except ObjectDoesNotExist:
            return _MISSING
        if type(instance) in _CALLED:
            instance = instance()
    return instance


class FastOutputMixin:
    """Mix into a read-only output `Serializer`/`ModelSerializer` (before the DRF base)."""

    def _output_plan(self) -> list[tuple]:
        cls = type(self)
        plan = cls.__dict__.get("_fast_output_plan")
        if plan is None:
            plan = _compile(self)
            cls._fast_output_plan = plan
        return plan

    def to_representation(self, instance) -> dict[str, Any]:
        row: dict[str, Any] = {}
        mapping = isinstance(instance, Mapping)
        for kind, name, source, convert in self._output_plan():
            if kind == _PLAIN:
                value = instance.get(source) if mapping else getattr(instance, source)
                row[name] = None if value is None else convert(value)
            elif kind == _METHOD:
                row[name] = getattr(self, source)(instance)
            elif kind == _PATH and (value := _walk(instance, source, mapping)) is not _MISSING:
                row[name] = None if value is None else convert(value)
            else:
                field = self.fields[name]
                try:
                    attribute = field.get_attribute(instance)
                except SkipField:
                    continue
                check = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
                row[name] = None if check is None else field.to_representation(attribute)
        return row
