"""Plan 017, the online step of `0002_enhanced_messaging_direct_keys`.

`UX_Conversations_DirectKey` (a filtered unique index on every engine) is built
concurrently (PostgreSQL) or `WITH (ONLINE = ON)` (SQL Server Enterprise / Azure; offline
on Standard), and `CK_Conversations_Direct`, added NOT VALID, is validated: neither blocks
writes to the populated `Conversations`. A duplicate key or a direct conversation without
one fails this step (the backfill before it merges and keys them all).

Non-atomic. Every step does nothing when its object is already there (a database that
applied the earlier, inline `0002_enhanced_messaging_direct_keys`); the reverse drops the
index.
"""

from django.db import migrations, models

from doggy.core.migration_ops import AddConstraintOnline, ValidateConstraint


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("messaging", "0002_enhanced_messaging_direct_keys"),
    ]

    operations = [
        AddConstraintOnline(
            model_name="conversation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("direct_key__isnull", False)),
                fields=("direct_key",),
                name="UX_Conversations_DirectKey",
            ),
        ),
        ValidateConstraint(model_name="conversation", name="CK_Conversations_Direct"),
    ]
