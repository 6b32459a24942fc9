"""Plan 039, the online step: validate `CK_UserSubscriptions_PaymentProvider`.

`0004_payment_tracking` rebuilds the check NOT VALID (SQL Server: WITH NOCHECK) on the
populated `UserSubscriptions`; validating it here reads the rows without blocking writes
on PostgreSQL. Non-atomic, like every online step; validating a constraint that is
already valid (a database that applied the earlier, inline `0004_payment_tracking`)
changes nothing. The reverse does nothing.
"""

from django.db import migrations

from doggy.core.migration_ops import ValidateConstraint


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("billing", "0004_payment_tracking"),
    ]

    operations = [
        ValidateConstraint(
            model_name="usersubscription", name="CK_UserSubscriptions_PaymentProvider"
        ),
    ]
