"""Plan 039's remainder (SCHEMA.md 2.39, 2.40): the appointment a payment or an expense is for.

`PaymentRecords.AppointmentId` (IX_Payments_Appointment) and `PetExpenses.AppointmentId`,
both nullable and SET_NULL; `CK_Payments_Target`: a payment is for an appointment or a
subscription, never both. Existing rows have neither column set, so nothing is backfilled.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("billing", "0006_seed_expense_categories"),
        ("scheduling", "0009_service_delivery"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="paymentrecord",
            name="appointment",
            field=models.ForeignKey(
                blank=True,
                db_column="AppointmentId",
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="payments",
                to="scheduling.appointment",
            ),
        ),
        migrations.AddField(
            model_name="petexpense",
            name="appointment",
            field=models.ForeignKey(
                blank=True,
                db_column="AppointmentId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="expenses",
                to="scheduling.appointment",
            ),
        ),
        migrations.AddIndex(
            model_name="paymentrecord",
            index=models.Index(fields=["appointment"], name="IX_Payments_Appointment"),
        ),
        migrations.AddConstraint(
            model_name="paymentrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("appointment__isnull", True),
                    ("user_subscription__isnull", True),
                    _connector="OR",
                ),
                name="CK_Payments_Target",
            ),
        ),
    ]
