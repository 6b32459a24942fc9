"""User settings (plan 008): display, locale, privacy and quiet-hours preferences."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import PermissionDeniedError
from doggy.core.permissions import actor_may

from ..choices import PermissionName
from ..errors import AccountsErrorCode, field_error, validation_error
from ..models import User, UserSettings

# Every column but the key and the timestamp.
SETTINGS_FIELDS = (
    "theme",
    "time_format",
    "week_start",
    "date_format",
    "distance_unit",
    "weight_unit",
    "currency",
    "quiet_hours_start",
    "quiet_hours_end",
    "digest_frequency",
    "show_online_status",
    "share_read_receipts",
    "profile_visibility",
    "marketing_emails_opt_in",
    "analytics_opt_in",
    "extra",
)
# Display patterns the apps know how to render.
DATE_FORMATS = ("MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD", "DD.MM.YYYY")
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


@transaction.atomic
def user_settings_get_or_create(*, user: User) -> UserSettings:
    """The user's settings row; created with defaults for accounts that predate plan 008."""
    settings, _ = UserSettings.objects.get_or_create(user=user)
    return settings


def _check_rules(values: dict[str, Any]) -> None:
    """Rules the model's choices do not express; `values` is the row after the change."""
    start, end = values["quiet_hours_start"], values["quiet_hours_end"]
    if (start is None) != (end is None):
        message = "Set both ends of the quiet hours, or neither."
        missing = "quiet_hours_end" if end is None else "quiet_hours_start"
        raise field_error(missing, message)
    if start is not None and start == end:
        raise field_error("quiet_hours_end", "Quiet hours must not start and end at once.")
    if values["date_format"] not in DATE_FORMATS:
        raise field_error("date_format", f"Choose one of {', '.join(DATE_FORMATS)}.")
    if not _CURRENCY_RE.match(str(values["currency"] or "")):
        raise field_error("currency", "Use a three-letter ISO 4217 code such as USD.")
    if not isinstance(values["extra"], dict):
        raise field_error("extra", "Extra settings are a JSON object.")


@transaction.atomic
def user_settings_update(*, actor: User, user: User, **fields: Any) -> UserSettings:
    """Change settings of `user` (the user themself, or a holder of users.manage).

    Only the columns that actually change are saved and audited. Quiet hours are both
    set or both empty (`CK_UserSettings_QuietHours`); a quiet period may wrap midnight.
    """
    unknown = set(fields) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"user_settings_update() got unexpected fields: {sorted(unknown)}")
    if str(actor.pk) != str(user.pk) and not actor_may(actor, PermissionName.USERS_MANAGE):
        raise PermissionDeniedError(
            AccountsErrorCode.PERMISSION_DENIED, "You may change only your own settings."
        )
    UserSettings.objects.get_or_create(user=user)
    settings = UserSettings.objects.select_for_update().get(user=user)
    if isinstance(fields.get("currency"), str):
        fields["currency"] = fields["currency"].strip().upper()
    changed = {name: value for name, value in fields.items() if getattr(settings, name) != value}
    if not changed:
        return settings
    _check_rules({**model_snapshot(settings, SETTINGS_FIELDS), **changed})
    old = model_snapshot(settings, changed)
    for name, value in changed.items():
        setattr(settings, name, value)
    try:
        settings.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise validation_error(exc) from None
    settings.save(update_fields=[*changed, "updated_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=settings,
        old=old,
        new=model_snapshot(settings, changed),
    )
    return settings


__all__ = ["SETTINGS_FIELDS", "user_settings_get_or_create", "user_settings_update"]
