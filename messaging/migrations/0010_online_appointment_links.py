"""Plan 026, the online step of `messaging/0010_appointment_links`.

`Conversations` and `VideoCallSessions` hold rows before phase 4, so
`0010_appointment_links` adds both `AppointmentId` keys NOT VALID (SQL Server: WITH
NOCHECK); this migration builds `UX_Conversations_Appointment` (a filtered unique index on
every engine, which also serves the conversations' key) and the calls' key index
concurrently (PostgreSQL) or `WITH (ONLINE = ON)` (SQL Server Enterprise / Azure; offline
on Standard), then validates both keys, without blocking writes. Non-atomic. Every step
does nothing when its object is already there (a database that applied the earlier,
inline `0010_appointment_links`); the reverse drops the indexes.
"""

from django.db import migrations, models

from doggy.core.migration_ops import AddConstraintOnline, AddFieldIndexOnline, ValidateForeignKey


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("messaging", "0010_appointment_links"),
    ]

    operations = [
        AddFieldIndexOnline(model_name="videocallsession", name="appointment"),
        AddConstraintOnline(
            model_name="conversation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("appointment__isnull", False)),
                fields=("appointment",),
                name="UX_Conversations_Appointment",
            ),
        ),
        ValidateForeignKey(model_name="conversation", name="appointment"),
        ValidateForeignKey(model_name="videocallsession", name="appointment"),
    ]
