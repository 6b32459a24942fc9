"""Serializers of the platform API: the one error shape (for the schema) and settings."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from doggy.models import SystemSetting
from doggy.selectors import MASKED_VALUE, parse_setting_value


class ErrorBodySerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class ErrorSerializer(serializers.Serializer):
    """`{"error": {"code", "message", "fields"}}`: every 4xx and 5xx of the API."""

    error = ErrorBodySerializer()


class HealthSerializer(serializers.Serializer):
    status = serializers.CharField()
    database = serializers.CharField()


class SystemSettingSerializer(serializers.ModelSerializer):
    """A setting with its value typed per `DataType`; encrypted values are masked."""

    value = serializers.SerializerMethodField()
    updated_by = serializers.CharField(source="updated_by_id", read_only=True, allow_null=True)

    class Meta:
        model = SystemSetting
        fields = [
            "id",
            "setting_key",
            "value",
            "data_type",
            "category",
            "description",
            "is_user_editable",
            "is_encrypted",
            "validation_rule",
            "created_at",
            "updated_at",
            "updated_by",
        ]
        read_only_fields = fields

    @extend_schema_field(
        {
            # The branches must exclude each other: `number` also covers Integer settings
            # (an `integer` branch next to it would make every whole number match twice).
            "oneOf": [
                {"type": "string"},
                {"type": "boolean"},
                {"type": "number"},
                {"type": "object", "additionalProperties": True},
                {"type": "array", "items": {}},
            ],
            "nullable": True,
            "description": (
                "The value as its DataType (Integer as a whole number, Decimal as a "
                "string); ******** for encrypted settings."
            ),
        }
    )
    def get_value(self, obj):
        if obj.is_encrypted:
            return MASKED_VALUE
        try:
            value = parse_setting_value(obj.data_type, obj.setting_value)
        except ValueError:
            # A row edited outside the app: show what is stored rather than fail the list.
            return obj.setting_value
        if obj.data_type == "Decimal":
            return str(value)
        return value


class SystemSettingUpdateSerializer(serializers.Serializer):
    """The new value, as a JSON value of the setting's type or its string form."""

    value = serializers.JSONField()
