"""Plan 004 seed rows: the plan's eight settings, then the keys later plan items read.

Idempotent and keyed on `SettingKey`. An existing row is left as it is: once seeded, a
value belongs to the operators who tune it. The reverse deletes exactly these keys.
"""

import json

from django.db import migrations

# (SettingKey, SettingValue, DataType, Category, Description); the first eight are the
# plan's INSERT verbatim, the rest are SCHEMA.md 2.4's proposed keys with their defaults.
SETTINGS = [
    ("Platform.MaintenanceMode", "false", "Boolean", "System", "Enable maintenance mode"),
    ("Platform.AllowRegistration", "true", "Boolean", "Security", "Allow new user registration"),
    (
        "Platform.RequireEmailVerification",
        "true",
        "Boolean",
        "Security",
        "Require email verification",
    ),
    (
        "Platform.SessionTimeoutMinutes",
        "120",
        "Integer",
        "Security",
        "Session timeout in minutes",
    ),
    ("KYC.AutoApprovalEnabled", "false", "Boolean", "KYC", "Enable automatic KYC approval"),
    ("AI.DailyRequestLimit", "100", "Integer", "AI", "Daily AI request limit per user"),
    (
        "Messaging.MaxFileSize",
        "10485760",
        "Integer",
        "Messaging",
        "Max file size in bytes (10MB)",
    ),
    (
        "Calendar.BookingAdvanceDays",
        "30",
        "Integer",
        "Calendar",
        "Maximum days in advance for booking",
    ),
    # Plan 003: sign-in lockout.
    (
        "Security.MaxFailedLogins",
        "5",
        "Integer",
        "Security",
        "Failed sign-ins per email or IP address before the account is locked",
    ),
    (
        "Security.LockoutMinutes",
        "15",
        "Integer",
        "Security",
        "Lockout duration in minutes after too many failed sign-ins",
    ),
    # Plan 006: identity verification.
    ("KYC.MaxAttempts", "3", "Integer", "KYC", "Maximum KYC verification attempts per user"),
    (
        "KYC.ReverificationMonths",
        "24",
        "Integer",
        "KYC",
        "Months after approval before identity must be verified again",
    ),
    # Plan 007: uploads.
    (
        "Files.AllowedContentTypes",
        json.dumps(
            ["image/jpeg", "image/png", "image/webp", "application/pdf"], separators=(",", ":")
        ),
        "JSON",
        "Files",
        "Content types accepted for uploaded files",
    ),
    # Plan 028: booking rules.
    (
        "Calendar.MinimumNoticeMinutes",
        "120",
        "Integer",
        "Calendar",
        "Minimum notice in minutes between booking and appointment start",
    ),
    (
        "Calendar.DefaultBufferMinutes",
        "0",
        "Integer",
        "Calendar",
        "Default buffer in minutes between two appointments of a provider",
    ),
    (
        "Calendar.SlotHoldMinutes",
        "10",
        "Integer",
        "Calendar",
        "Minutes a slot stays held while the owner completes a booking",
    ),
    # Plan 033: AI usage.
    ("AI.DailyTokenLimit", "200000", "Integer", "AI", "Daily AI token limit per user"),
]


def seed_settings(apps, schema_editor):
    SystemSetting = apps.get_model("doggy", "SystemSetting")
    settings = SystemSetting._default_manager.using(schema_editor.connection.alias)
    for key, value, data_type, category, description in SETTINGS:
        settings.get_or_create(
            setting_key=key,
            defaults={
                "setting_value": value,
                "data_type": data_type,
                "category": category,
                "description": description,
                "is_user_editable": False,
                "is_encrypted": False,
            },
        )


def unseed_settings(apps, schema_editor):
    SystemSetting = apps.get_model("doggy", "SystemSetting")
    SystemSetting._default_manager.using(schema_editor.connection.alias).filter(
        setting_key__in=[key for key, *_ in SETTINGS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("doggy", "0001_system_settings"),
    ]

    operations = [
        migrations.RunPython(seed_settings, unseed_settings),
    ]
