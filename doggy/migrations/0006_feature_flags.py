"""Plan execution strategy: a feature flag per phase's user-facing area, seeded with its rule.

`Features.<Area>.Enabled` (Boolean, rule `{"type": "boolean"}`) for Messaging (phase 3),
Booking (4), AI (5) and Payments (6); doggy.choices.FeatureArea names them and
doggy.maintenance enforces them. Idempotent and keyed on `SettingKey`: an existing row is
left as it is (its value belongs to the operators). The reverse keeps the rows: they live
in a phase-1 table, whose rows `plan rollback` must keep (verify counts them), and they
are the operators' switches. Rides with item 042 (operations); before it is applied, a
flag has no row and is on, and `doggy.services.feature_flag_set` creates the row when a
flag is first switched.
"""

import json

from django.db import migrations

AREAS = ("Messaging", "Booking", "AI", "Payments")
RULE = json.dumps({"type": "boolean"}, separators=(",", ":"))


def seed_flags(apps, schema_editor):
    SystemSetting = apps.get_model("doggy", "SystemSetting")
    settings = SystemSetting._default_manager.using(schema_editor.connection.alias)
    for area in AREAS:
        settings.get_or_create(
            setting_key=f"Features.{area}.Enabled",
            defaults={
                "setting_value": "true",
                "data_type": "Boolean",
                "category": "Features",
                "description": f"{area}: the area's API and admin screens are available",
                "is_user_editable": False,
                "is_encrypted": False,
                "validation_rule": RULE,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("doggy", "0005_system_health"),
    ]

    operations = [
        migrations.RunPython(seed_flags, migrations.RunPython.noop, elidable=False),
    ]
