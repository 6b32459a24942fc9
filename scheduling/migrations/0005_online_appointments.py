"""Plan 026, the online step of `0005_appointments`: `ProviderReviews`' new key.

`ProviderReviews` holds rows before phase 4, so `0005_appointments` adds the
`AppointmentId` key NOT VALID (SQL Server: WITH NOCHECK); this migration builds its
index and `UX_Reviews_Appt_Reviewer` (a filtered unique index on every engine)
concurrently (PostgreSQL) or `WITH (ONLINE = ON)` (SQL Server Enterprise / Azure;
offline on Standard), and validates the key, without blocking writes. Non-atomic. Every
step does nothing when its object is already there (a database that applied the earlier,
inline `0005_appointments`); the reverse drops the indexes.
"""

from django.db import migrations, models

from doggy.core.migration_ops import AddConstraintOnline, AddFieldIndexOnline, ValidateForeignKey


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("scheduling", "0005_appointments"),
    ]

    operations = [
        AddFieldIndexOnline(model_name="providerreview", name="appointment"),
        AddConstraintOnline(
            model_name="providerreview",
            constraint=models.UniqueConstraint(
                condition=models.Q(("appointment__isnull", False), ("reviewer__isnull", False)),
                fields=("appointment", "reviewer"),
                name="UX_Reviews_Appt_Reviewer",
            ),
        ),
        ValidateForeignKey(model_name="providerreview", name="appointment"),
    ]
