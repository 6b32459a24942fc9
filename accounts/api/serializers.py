"""Input and output serializers of the identity and access API.

Input serializers are plain `Serializer`s that validate a command; output serializers
render models. Neither writes anything: views pass validated data to one service call.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from doggy.api.output import FastOutputMixin

from ..choices import (
    DigestFrequency,
    DistanceUnit,
    Gender,
    KycDocumentSide,
    KycDocumentType,
    KycLevel,
    KycRejectType,
    ProfileVisibility,
    Theme,
    TimeFormat,
    WeekStart,
    WeightUnit,
)
from ..models import (
    KycDocument,
    KycReviewEvent,
    KycVerification,
    Permission,
    Role,
    User,
    UserRole,
    UserSession,
    UserSettings,
)
from ..services.authentication import REGISTRATION_ROLES
from ..services.preferences import SETTINGS_FIELDS
from ..validators import validate_iana_time_zone

# Generous but bounded: the hasher should never be handed megabytes.
PASSWORD_MAX_LENGTH = 1024


def _password_field(**kwargs) -> serializers.CharField:
    return serializers.CharField(
        write_only=True,
        trim_whitespace=False,
        max_length=PASSWORD_MAX_LENGTH,
        style={"input_type": "password"},
        **kwargs,
    )


# --- Authentication ---------------------------------------------------------------------


class RegisterInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=256)
    password = _password_field()
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    role = serializers.ChoiceField(choices=list(REGISTRATION_ROLES))


class RegisterOutputSerializer(serializers.Serializer):
    email = serializers.EmailField()
    email_verification_required = serializers.BooleanField()
    detail = serializers.CharField()


class TokenInputSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=300)


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


class LoginInputSerializer(serializers.Serializer):
    # A plain string: a malformed email must fail like any other wrong credential.
    email = serializers.CharField(max_length=256)
    password = _password_field()


class TokenPairSerializer(serializers.Serializer):
    access_token = serializers.CharField()
    refresh_token = serializers.CharField()
    token_type = serializers.CharField()
    expires_at = serializers.DateTimeField()
    refresh_expires_at = serializers.DateTimeField()
    session_id = serializers.UUIDField()

    @staticmethod
    def from_issued(issued) -> dict:
        return {
            "access_token": issued.access_token,
            "refresh_token": issued.refresh_token,
            "token_type": "Bearer",
            "expires_at": issued.expires_at,
            "refresh_expires_at": issued.refresh_expires_at,
            "session_id": issued.session.pk,
        }


class RefreshInputSerializer(serializers.Serializer):
    refresh_token = serializers.CharField(max_length=200)


class PasswordChangeInputSerializer(serializers.Serializer):
    current_password = _password_field()
    new_password = _password_field()


class PasswordResetInputSerializer(serializers.Serializer):
    email = serializers.CharField(max_length=256)


class PasswordResetConfirmInputSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=300)
    new_password = _password_field()


# --- The caller ------------------------------------------------------------------------


class RoleSummarySerializer(FastOutputMixin, serializers.ModelSerializer):
    class Meta:
        model = Role
        fields = ["id", "name", "level"]


class MeSerializer(serializers.ModelSerializer):
    """The caller's profile with their effective roles and permission names.

    The view passes `roles` and `permissions` in the context (two queries in all).
    """

    roles = serializers.SerializerMethodField()
    permissions = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "email_confirmed",
            "first_name",
            "last_name",
            "profile_image_url",
            "date_of_birth",
            "gender",
            "time_zone",
            "preferred_language",
            "is_email_notifications_enabled",
            "is_sms_notifications_enabled",
            "account_status",
            "date_joined",
            "last_login",
            "roles",
            "permissions",
        ]
        read_only_fields = fields

    @extend_schema_field(RoleSummarySerializer(many=True))
    def get_roles(self, obj):
        return RoleSummarySerializer(self.context.get("roles", []), many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_permissions(self, obj) -> list[str]:
        return sorted(self.context.get("permissions", ()))


class MeUpdateInputSerializer(serializers.Serializer):
    """The plan 001 profile columns a user may change about themself."""

    first_name = serializers.CharField(max_length=100, allow_null=True, allow_blank=True)
    last_name = serializers.CharField(max_length=100, allow_null=True, allow_blank=True)
    profile_image_url = serializers.URLField(max_length=500, allow_null=True, allow_blank=True)
    date_of_birth = serializers.DateField(allow_null=True)
    gender = serializers.ChoiceField(choices=Gender.choices, allow_null=True)
    time_zone = serializers.CharField(max_length=50, validators=[validate_iana_time_zone])
    preferred_language = serializers.CharField(max_length=10)
    is_email_notifications_enabled = serializers.BooleanField()
    is_sms_notifications_enabled = serializers.BooleanField()


class SessionSerializer(serializers.ModelSerializer):
    """One of the caller's sessions; `current` marks the one making the request."""

    current = serializers.SerializerMethodField()

    class Meta:
        model = UserSession
        fields = [
            "id",
            "token_prefix",
            "created_at",
            "last_activity_at",
            "expires_at",
            "ip_address",
            "user_agent",
            "device_info",
            "location",
            "current",
        ]
        read_only_fields = fields

    def get_current(self, obj) -> bool:
        current = self.context.get("current_session_id")
        return current is not None and obj.pk == current


class UserSettingsSerializer(serializers.ModelSerializer):
    """Plan 008 preferences. PUT replaces every field; `updated_at` is read-only."""

    theme = serializers.ChoiceField(choices=Theme.choices)
    time_format = serializers.ChoiceField(choices=TimeFormat.choices)
    week_start = serializers.ChoiceField(choices=WeekStart.choices)
    distance_unit = serializers.ChoiceField(choices=DistanceUnit.choices)
    weight_unit = serializers.ChoiceField(choices=WeightUnit.choices)
    digest_frequency = serializers.ChoiceField(choices=DigestFrequency.choices)
    profile_visibility = serializers.ChoiceField(choices=ProfileVisibility.choices)
    extra = serializers.DictField(required=False)

    class Meta:
        model = UserSettings
        fields = [*SETTINGS_FIELDS, "updated_at"]
        read_only_fields = ["updated_at"]
        # PUT replaces the preferences: every field but the free-form `extra` is required.
        extra_kwargs = {
            name: {"required": True}
            for name in (
                "date_format",
                "currency",
                "quiet_hours_start",
                "quiet_hours_end",
                "show_online_status",
                "share_read_receipts",
                "marketing_emails_opt_in",
                "analytics_opt_in",
            )
        }


# --- KYC --------------------------------------------------------------------------------


class KycDocumentSerializer(serializers.ModelSerializer):
    # A plain string in the schema: the enum name `status` belongs to the case's status.
    status = serializers.CharField(
        read_only=True, help_text="Uploaded, Accepted or Rejected (KycDocumentStatus)."
    )

    class Meta:
        model = KycDocument
        fields = [
            "id",
            "document_type",
            "side",
            "issuing_country",
            "document_number_last4",
            "document_expires_on",
            "file",
            "status",
            "rejection_reason",
            "uploaded_at",
        ]
        read_only_fields = fields


class KycVerificationSerializer(serializers.ModelSerializer):
    """A case as its applicant sees it: no internal comment, no reviewer identity."""

    documents = KycDocumentSerializer(many=True, read_only=True)

    class Meta:
        model = KycVerification
        fields = [
            "id",
            "service_provider",
            "level",
            "status",
            "reject_type",
            "reject_labels",
            "applicant_comment",
            "attempt_number",
            "legal_first_name",
            "legal_last_name",
            "date_of_birth",
            "country_code",
            "submitted_at",
            "reviewed_at",
            "auto_approved",
            "expires_at",
            "created_at",
            "updated_at",
            "documents",
        ]
        read_only_fields = fields


class KycReviewEventSerializer(serializers.ModelSerializer):
    # Plain strings in the schema, so the KycStatus enum keeps one name (`status`).
    from_status = serializers.CharField(read_only=True, allow_null=True)
    to_status = serializers.CharField(read_only=True)

    class Meta:
        model = KycReviewEvent
        fields = ["id", "from_status", "to_status", "actor", "comment", "created_at"]
        read_only_fields = fields


class KycApplicantSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "email", "first_name", "last_name"]
        read_only_fields = fields


class KycReviewSerializer(KycVerificationSerializer):
    """A case as a reviewer sees it: the applicant, the internal comment, the reviewer."""

    user = KycApplicantSerializer(read_only=True)

    class Meta(KycVerificationSerializer.Meta):
        fields = [
            *KycVerificationSerializer.Meta.fields,
            "user",
            "internal_comment",
            "review_started_at",
            "reviewed_by",
        ]
        read_only_fields = fields


class KycReviewDetailSerializer(KycReviewSerializer):
    events = KycReviewEventSerializer(many=True, read_only=True)

    class Meta(KycReviewSerializer.Meta):
        fields = [*KycReviewSerializer.Meta.fields, "events"]
        read_only_fields = fields


class KycStartInputSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=KycLevel.choices, default=KycLevel.BASIC)
    legal_first_name = serializers.CharField(max_length=100, required=False, default="")
    legal_last_name = serializers.CharField(max_length=100, required=False, default="")
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    country_code = serializers.CharField(
        max_length=2, min_length=2, required=False, allow_null=True, default=None
    )


class KycDocumentUploadInputSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=False, use_url=False)
    document_type = serializers.ChoiceField(choices=KycDocumentType.choices)
    side = serializers.ChoiceField(choices=KycDocumentSide.choices, default=KycDocumentSide.SINGLE)
    issuing_country = serializers.CharField(
        max_length=2, min_length=2, required=False, allow_null=True, default=None
    )
    document_number = serializers.CharField(
        max_length=64, required=False, allow_null=True, default=None, write_only=True
    )
    document_expires_on = serializers.DateField(required=False, allow_null=True, default=None)


class KycApproveInputSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class KycRejectInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)
    reject_type = serializers.ChoiceField(
        choices=KycRejectType.choices, default=KycRejectType.FINAL
    )
    labels = serializers.ListField(
        child=serializers.CharField(max_length=64), required=False, default=list, max_length=20
    )
    internal_comment = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )


class KycResubmissionInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)
    labels = serializers.ListField(
        child=serializers.CharField(max_length=64), required=False, default=list, max_length=20
    )


# --- Staff: users, roles, permissions ---------------------------------------------------


class UserRoleSerializer(FastOutputMixin, serializers.ModelSerializer):
    role = RoleSummarySerializer(read_only=True)

    class Meta:
        model = UserRole
        fields = ["id", "role", "is_active", "expires_at", "notes", "assigned_at", "assigned_by"]
        read_only_fields = fields


class AdminUserSerializer(FastOutputMixin, serializers.ModelSerializer):
    """An account as user managers see it; `roles` are the effective assignments."""

    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "email_confirmed",
            "first_name",
            "last_name",
            "account_status",
            "is_active",
            "is_staff",
            "time_zone",
            "preferred_language",
            "date_joined",
            "last_login",
            "last_seen_at",
            "lockout_end",
            "roles",
        ]
        read_only_fields = fields

    @extend_schema_field(UserRoleSerializer(many=True))
    def get_roles(self, obj):
        assignments = getattr(obj, "effective_user_roles", None)
        if assignments is None:
            return []
        return UserRoleSerializer(assignments, many=True).data


class SuspendInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500)


class RoleSerializer(serializers.ModelSerializer):
    active_user_count = serializers.SerializerMethodField()
    permissions = serializers.SerializerMethodField()

    class Meta:
        model = Role
        fields = [
            "id",
            "name",
            "description",
            "level",
            "max_users",
            "is_system_role",
            "active_user_count",
            "permissions",
        ]
        read_only_fields = fields

    def get_active_user_count(self, obj) -> int | None:
        return getattr(obj, "active_user_count", None)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_permissions(self, obj) -> list[str]:
        return sorted(p.name for p in obj.permissions.all())


class PermissionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Permission
        fields = ["id", "name", "description", "category", "is_system_permission"]
        read_only_fields = fields


class RoleGrantInputSerializer(serializers.Serializer):
    role_id = serializers.IntegerField(min_value=1)
    expires_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    notes = serializers.CharField(max_length=500, required=False, allow_null=True, default=None)


class RoleRevokeInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, required=False, allow_null=True, default=None)
