"""Plan 017, step 3: one direct conversation per pair of users (I-10, A1).

Added last, after `0002_enhanced_messaging_backfill` has keyed and merged the
conversations that existed before 017: a direct conversation must carry its `DirectKey`
(`CK_Conversations_Direct`), and a key exists once (`UX_Conversations_DirectKey`, a
filtered unique index on SQL Server).

`Conversations` may hold adopted rows: the check is added NOT VALID (SQL Server: WITH
NOCHECK) and `0002_online_enhanced_messaging_direct_keys` builds the unique index online
and validates the check.
"""

from django.conf import settings
from django.db import migrations, models

from doggy.core.migration_ops import AddConstraintNotValid


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0002_enhanced_messaging_backfill"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        AddConstraintNotValid(
            model_name="conversation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("type__in", ["Group", "Booking", "Support"]),
                    ("direct_key__isnull", False),
                    _connector="OR",
                ),
                name="CK_Conversations_Direct",
            ),
        ),
    ]
