"""Plan 025, the online step: `ServiceOfferings.ScheduleId`'s index and validation.

`0004_availability` adds the key NOT VALID (SQL Server: WITH NOCHECK) on the populated
`ServiceOfferings`; this migration builds its index concurrently (PostgreSQL) or `WITH
(ONLINE = ON)` (SQL Server Enterprise / Azure; offline on Standard) and validates it,
without blocking writes. Non-atomic. Every step does nothing when its object is already
there (a database that applied the earlier, inline `0004_availability`); the reverse
drops the index.
"""

from django.db import migrations

from doggy.core.migration_ops import AddFieldIndexOnline, ValidateForeignKey


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("scheduling", "0004_availability"),
    ]

    operations = [
        AddFieldIndexOnline(model_name="serviceoffering", name="schedule"),
        ValidateForeignKey(model_name="serviceoffering", name="schedule"),
    ]
