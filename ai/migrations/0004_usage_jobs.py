"""Plan 033, second step: usage records of the built-in engines and of queued jobs.

`AiProvider` gains `Local` (the health-rule engine and the bundled moderation
classifier answer without a network call, and are recorded like any other call), and
`AiUsageRecords.Status` gains `Pending`: a recommendation request reserves its quota and
is answered 202 with the record's `RequestId` as the job id, before the engine runs.
Only CHECK constraints and choices change; reversing restores the old lists (it fails
if rows use the new values, which must be removed first).
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ai", "0003_usage_tracking"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="aimodelprice",
            name="CK_AiModelPrices_AiProvider",
        ),
        migrations.RemoveConstraint(
            model_name="aiusagerecord",
            name="CK_AiUsageRecords_AiProvider",
        ),
        migrations.RemoveConstraint(
            model_name="aiusagerecord",
            name="CK_AiUsageRecords_Status",
        ),
        migrations.AlterField(
            model_name="aimodelprice",
            name="ai_provider",
            field=models.CharField(
                choices=[
                    ("Local", "Local"),
                    ("OpenAI", "OpenAI"),
                    ("AzureOpenAI", "Azure OpenAI"),
                    ("Anthropic", "Anthropic"),
                ],
                db_column="AiProvider",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="aiusagerecord",
            name="ai_provider",
            field=models.CharField(
                choices=[
                    ("Local", "Local"),
                    ("OpenAI", "OpenAI"),
                    ("AzureOpenAI", "Azure OpenAI"),
                    ("Anthropic", "Anthropic"),
                ],
                db_column="AiProvider",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="aiusagerecord",
            name="status",
            field=models.CharField(
                choices=[
                    ("Pending", "Pending"),
                    ("Success", "Success"),
                    ("Error", "Error"),
                    ("RateLimited", "Rate Limited"),
                    ("Blocked", "Blocked"),
                    ("QuotaExceeded", "Quota Exceeded"),
                ],
                db_column="Status",
                max_length=14,
            ),
        ),
        migrations.AddConstraint(
            model_name="aimodelprice",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ai_provider__in", ["Local", "OpenAI", "AzureOpenAI", "Anthropic"])
                ),
                name="CK_AiModelPrices_AiProvider",
            ),
        ),
        migrations.AddConstraint(
            model_name="aiusagerecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ai_provider__in", ["Local", "OpenAI", "AzureOpenAI", "Anthropic"])
                ),
                name="CK_AiUsageRecords_AiProvider",
            ),
        ),
        migrations.AddConstraint(
            model_name="aiusagerecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "status__in",
                        ["Pending", "Success", "Error", "RateLimited", "Blocked", "QuotaExceeded"],
                    )
                ),
                name="CK_AiUsageRecords_Status",
            ),
        ),
    ]
