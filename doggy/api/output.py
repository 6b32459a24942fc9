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
- a foreign key shown as its primary key is read from its column (`user_id`), and a
  nested serializer that is itself fast is called directly;
- anything else (dotted or `*` sources, other nested or related fields) goes through
  DRF's own path for that field, so the output is always DRF's.

Only for output serializers whose fields do not depend on the request (every field
read-only, no fields added or dropped in `__init__`). The schema is unchanged: the
fields are still declared, and drf-spectacular reads them as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject, PrimaryKeyRelatedField

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
_PLAIN, _METHOD, _DRF = 0, 1, 2


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
        if len(sources) != 1 or field.source == "*":
            plan.append((_DRF, name, None, None))
            continue
        source, convert = sources[0], _converter(field)
        if (
            isinstance(field, PrimaryKeyRelatedField)
            and field.pk_field is None
            and model is not None
        ):
            # The foreign key's column (`user_id`): DRF writes the related pk as it is.
            source, convert = model._meta.get_field(source).attname, _identity
        elif _fast_nested(field):
            convert = field.to_representation
        if convert is None:
            plan.append((_DRF, name, None, None))
        else:
            plan.append((_PLAIN, name, source, convert))
    return plan


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
            else:
                field = self.fields[name]
                try:
                    attribute = field.get_attribute(instance)
                except SkipField:
                    continue
                check = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
                row[name] = None if check is None else field.to_representation(attribute)
        return row
