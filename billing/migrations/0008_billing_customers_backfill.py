"""Plan 039's remainder (A20): `BillingCustomers` is the one home of the provider's customer id.

Every subscription that knows a customer id (`UserSubscriptions.ProviderCustomerId`) and
whose user has no `BillingCustomers` row for that provider gets one, in batches of at most
1,000 rows through the backfill helper. Idempotent: only users without the row are
selected, and a (user, provider) or (provider, customer id) already taken is skipped
(`ignore_conflicts`: the oldest subscription wins), so a second run inserts nothing. The
column stays and keeps being written; readers go through `BillingCustomers`.

The reverse deletes the rows the column can give back (same user, provider and customer id
as a subscription), so a rollback and a second forward run end with the same rows; rows
with no subscription behind them stay.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef

from doggy.dbtools.backfill import Progress, chunked

BATCH_SIZE = 1_000


def _subscriptions_with_customer(apps, alias):
    UserSubscription = apps.get_model("billing", "UserSubscription")
    return (
        UserSubscription._default_manager.using(alias)
        .filter(provider_customer_id__isnull=False)
        .exclude(provider_customer_id="")
        .exclude(payment_provider="Manual")
    )


def backfill_billing_customers(apps, schema_editor):
    alias = schema_editor.connection.alias
    BillingCustomer = apps.get_model("billing", "BillingCustomer")
    customers = BillingCustomer._default_manager.using(alias)
    missing = (
        _subscriptions_with_customer(apps, alias)
        .exclude(
            Exists(
                customers.filter(
                    user_id=OuterRef("user_id"), payment_provider=OuterRef("payment_provider")
                )
            )
        )
        .order_by("created_at", "pk")
        .values_list("user_id", "payment_provider", "provider_customer_id", "created_at")
    )
    meter = Progress("BillingCustomers", missing.count())
    for batch in chunked(missing.iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
        customers.bulk_create(
            [
                BillingCustomer(
                    user_id=user_id,
                    payment_provider=provider,
                    provider_customer_id=customer_id,
                    created_at=created_at,
                )
                for user_id, provider, customer_id, created_at in batch
            ],
            ignore_conflicts=True,
        )
        meter.advance(len(batch))
    meter.close()


def remove_backfilled_customers(apps, schema_editor):
    alias = schema_editor.connection.alias
    BillingCustomer = apps.get_model("billing", "BillingCustomer")
    customers = BillingCustomer._default_manager.using(alias)
    derivable = customers.filter(
        Exists(
            _subscriptions_with_customer(apps, alias).filter(
                user_id=OuterRef("user_id"),
                payment_provider=OuterRef("payment_provider"),
                provider_customer_id=OuterRef("provider_customer_id"),
            )
        )
    ).values_list("pk", flat=True)
    for batch in chunked(derivable.order_by("pk").iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
        customers.filter(pk__in=batch).delete()


class Migration(migrations.Migration):
    dependencies = [("billing", "0007_payment_appointment_links")]

    operations = [
        migrations.RunPython(
            backfill_billing_customers, remove_backfilled_customers, elidable=False
        ),
    ]
