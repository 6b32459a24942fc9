"""Plan 026, the link step: conversations and calls point at appointments (SCHEMA.md D10).

`Conversations.AppointmentId` and `VideoCallSessions.AppointmentId` could not be created
with the messaging tables (017, 020): `Appointments` arrives with `scheduling/0005`, so
this step depends on it and belongs to item 026. A conversation attaches to at most one
appointment and an appointment has at most one conversation (`UX_Conversations_Appointment`,
filtered so that the many unlinked rows do not collide on SQL Server; A13). Reversible:
the reverse drops the key and both columns.

Both tables hold rows before phase 4: the keys are added NOT VALID (SQL Server: WITH
NOCHECK), and `0010_online_appointment_links` builds `UX_Conversations_Appointment` and
the calls' key index online and validates both keys.
"""

import django.db.models.deletion
from django.db import migrations, models

from doggy.core.migration_ops import AddForeignKeyNotValid


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0009_conversation_management_drop_is_read"),
        ("scheduling", "0005_appointments"),
    ]

    operations = [
        AddForeignKeyNotValid(
            model_name="conversation",
            name="appointment",
            field=models.ForeignKey(
                blank=True,
                db_column="AppointmentId",
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="conversations",
                to="scheduling.appointment",
            ),
        ),
        AddForeignKeyNotValid(
            model_name="videocallsession",
            name="appointment",
            field=models.ForeignKey(
                blank=True,
                db_column="AppointmentId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="video_calls",
                to="scheduling.appointment",
            ),
        ),
    ]
