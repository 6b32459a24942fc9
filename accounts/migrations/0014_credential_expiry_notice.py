"""Plan 038: when the daily sweep told the provider that a credential expires soon.

SCHEMA.md 2.38 asks for a notification 30 days ahead of a credential's expiry; the
column makes it once per credential (the sweep claims the row by setting it). A nullable
column without a default: an instant, metadata-only change on PostgreSQL and SQL Server.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0013_seed_credential_types"),
    ]

    operations = [
        migrations.AddField(
            model_name="providercredential",
            name="expiry_notice_sent_at",
            field=models.DateTimeField(blank=True, db_column="ExpiryNoticeSentAt", null=True),
        ),
    ]
