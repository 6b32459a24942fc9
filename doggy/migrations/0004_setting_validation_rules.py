"""Plan 004 follow-up: a ValidationRule for every seeded setting (SCHEMA.md 2.4).

The seed rows of `0002_seed_system_settings` had no rule, so any value of the right type
was accepted: `Security.MaxFailedLogins` = 0 locked an account on one wrong password, and
`Files.AllowedContentTypes` took `["text/html"]`. Each seeded key now gets a JSON Schema,
which `doggy.services.system_setting_validate` applies to every write (the service, the
admin, the staff API): integers get a range, booleans their type, the content-type list
an allow list of the types whose bytes `doggy.services` can prove.

Batched through `doggy.dbtools.backfill` and idempotent: only seeded rows that still have no rule
and still have their seeded DataType are changed (a row whose type was changed by hand
keeps no rule rather than one it could never satisfy; it is reported). A stored value
that breaks its new rule is reported, not changed and not fatal: it is the operators'
value, and the next write through the services has to satisfy the rule. The reverse
puts back what was there before, NULL, on the rows that still hold exactly these rules.
"""

import json
import logging
import re

import jsonschema
from django.db import migrations
from django.db.models import Q

from doggy.dbtools.backfill import backfill

logger = logging.getLogger("doggy.migrations")


def _integer(minimum, maximum):
    return {"type": "integer", "minimum": minimum, "maximum": maximum}


_BOOLEAN = {"type": "boolean"}

# The types `doggy.services.sniff_content_type` recognises by their first bytes. A type
# outside this list would be taken on the client's word (`text/html`, `image/svg+xml`).
_PROVABLE_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"]

# SettingKey -> (the DataType it was seeded with, its JSON Schema). Frozen here: a later
# change of a rule is a new migration, never an edit of this one.
RULES = {
    "Platform.MaintenanceMode": ("Boolean", _BOOLEAN),
    "Platform.AllowRegistration": ("Boolean", _BOOLEAN),
    "Platform.RequireEmailVerification": ("Boolean", _BOOLEAN),
    # Idle timeout of a session; the absolute lifetime caps it anyway.
    "Platform.SessionTimeoutMinutes": ("Integer", _integer(5, 1440)),
    "KYC.AutoApprovalEnabled": ("Boolean", _BOOLEAN),
    # 0 is a valid choice: it turns the AI features off.
    "AI.DailyRequestLimit": ("Integer", _integer(0, 10_000)),
    # 100 KiB to 100 MiB per uploaded file.
    "Messaging.MaxFileSize": ("Integer", _integer(102_400, 104_857_600)),
    "Calendar.BookingAdvanceDays": ("Integer", _integer(1, 365)),
    # Fewer than 3 locks people out on a typo; NIST SP 800-63B allows at most 100.
    "Security.MaxFailedLogins": ("Integer", _integer(3, 100)),
    "Security.LockoutMinutes": ("Integer", _integer(1, 1440)),
    "KYC.MaxAttempts": ("Integer", _integer(1, 10)),
    "KYC.ReverificationMonths": ("Integer", _integer(1, 120)),
    "Files.AllowedContentTypes": (
        "JSON",
        {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {"enum": _PROVABLE_CONTENT_TYPES},
        },
    ),
    "Calendar.MinimumNoticeMinutes": ("Integer", _integer(0, 10_080)),
    "Calendar.DefaultBufferMinutes": ("Integer", _integer(0, 240)),
    "Calendar.SlotHoldMinutes": ("Integer", _integer(1, 60)),
    "AI.DailyTokenLimit": ("Integer", _integer(0, 100_000_000)),
}


def rule_text(schema):
    """The stored form of a rule: compact JSON, as ValidationRule holds it (max 500)."""
    return json.dumps(schema, separators=(",", ":"))


_INTEGER_RE = re.compile(r"[+-]?[0-9]+")


def _parsed(data_type, raw):
    """The typed value of a stored string, as `doggy.selectors.parse_setting_value` reads
    it (migrations do not import app code); ValueError when it does not parse."""
    text = raw.strip()
    if data_type == "Boolean":
        if text.lower() not in ("true", "false"):
            raise ValueError("not true or false")
        return text.lower() == "true"
    if data_type == "Integer":
        if not _INTEGER_RE.fullmatch(text):
            raise ValueError("not a whole number")
        return int(text)
    return json.loads(text)


def rule_violation(data_type, raw, schema):
    """Why the stored string `raw` breaks `schema`, or None when it satisfies it."""
    try:
        value = _parsed(data_type, raw)
    except ValueError as exc:
        return f"the stored value does not parse as {data_type} ({exc})"
    error = jsonschema.exceptions.best_match(
        jsonschema.validators.validator_for(schema)(schema).iter_errors(value)
    )
    return None if error is None else error.message


def _seeded_without_rule():
    """Rows of the seeded keys, with their seeded DataType, that have no rule yet."""
    matches = Q()
    for key, (data_type, _schema) in RULES.items():
        matches |= Q(setting_key=key, data_type=data_type)
    return matches & (Q(validation_rule__isnull=True) | Q(validation_rule=""))


def set_validation_rules(apps, schema_editor):
    SystemSetting = apps.get_model("doggy", "SystemSetting")
    settings = SystemSetting._default_manager.using(schema_editor.connection.alias)

    for setting in settings.filter(setting_key__in=RULES).order_by("setting_key"):
        data_type, schema = RULES[setting.setting_key]
        if setting.data_type != data_type:
            logger.warning(
                "SystemSettings %s is of type %s, not %s: no ValidationRule was set.",
                setting.setting_key,
                setting.data_type,
                data_type,
            )

    def give_rule(setting):
        data_type, schema = RULES[setting.setting_key]
        setting.validation_rule = rule_text(schema)
        # The value is the operators'; it is reported, never changed here.
        if setting.is_encrypted:
            problem = "the value is encrypted and was not checked"
        else:
            problem = rule_violation(data_type, setting.setting_value, schema)
        if problem is not None:
            logger.warning(
                "SystemSettings %s breaks its new ValidationRule (%s); fix it in the admin.",
                setting.setting_key,
                problem,
            )

    backfill(
        settings.filter(_seeded_without_rule()),
        transform=give_rule,
        fields=["validation_rule"],
        label="SystemSettings.ValidationRule",
    )


def clear_validation_rules(apps, schema_editor):
    """Back to no rule (NULL) on the rows that still hold the rule set above."""
    SystemSetting = apps.get_model("doggy", "SystemSetting")
    settings = SystemSetting._default_manager.using(schema_editor.connection.alias)
    ours = Q()
    for key, (_data_type, schema) in RULES.items():
        ours |= Q(setting_key=key, validation_rule=rule_text(schema))
    backfill(
        settings.filter(ours),
        values={"validation_rule": None},
        label="SystemSettings.ValidationRule",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("doggy", "0002_seed_system_settings"),
        # Only to keep the app's history linear; no table of 0003 is used.
        ("doggy", "0003_stored_files"),
    ]

    operations = [
        migrations.RunPython(set_validation_rules, clear_validation_rules, elidable=False),
    ]
