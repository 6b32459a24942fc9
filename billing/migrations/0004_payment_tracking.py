"""Plan 039: payment tracking, reference only (SCHEMA.md 2.39 with A14 and A20).

BillingCustomers, PaymentRecords, PaymentRefunds and the PaymentWebhookEvents inbox:
provider ids and statuses only, never card data. The one PaymentProvider list gains
PayPal and Square, so the subscriptions' CHECK is rebuilt with it: added NOT VALID on the
populated `UserSubscriptions`, and validated by `0004_online_payment_tracking`.
"""

import uuid
from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db
from doggy.core.migration_ops import AddConstraintNotValid


class Migration(migrations.Migration):
    dependencies = [
        ("billing", "0003_user_subscriptions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="BillingCustomer",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "payment_provider",
                    models.CharField(
                        choices=[
                            ("Stripe", "Stripe"),
                            ("AppStore", "App Store"),
                            ("GooglePlay", "Google Play"),
                            ("Manual", "Manual"),
                            ("PayPal", "Paypal"),
                            ("Square", "Square"),
                        ],
                        db_column="PaymentProvider",
                        max_length=20,
                    ),
                ),
                (
                    "provider_customer_id",
                    models.CharField(
                        db_column="ProviderCustomerId", help_text="cus_…", max_length=100
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "db_table": "BillingCustomers",
                "ordering": ["user", "payment_provider"],
            },
        ),
        migrations.CreateModel(
            name="PaymentRecord",
            fields=[
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        auto_now=True, db_column="UpdatedAt", db_default=doggy.core.db.UtcNow()
                    ),
                ),
                (
                    "id",
                    models.UUIDField(
                        db_column="Id",
                        db_default=doggy.core.db.NewGuid(),
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "purpose",
                    models.CharField(
                        choices=[
                            ("Appointment", "Appointment"),
                            ("Subscription", "Subscription"),
                            ("Deposit", "Deposit"),
                            ("Tip", "Tip"),
                            ("Other", "Other"),
                        ],
                        db_column="Purpose",
                        max_length=14,
                    ),
                ),
                (
                    "payment_provider",
                    models.CharField(
                        choices=[
                            ("Stripe", "Stripe"),
                            ("AppStore", "App Store"),
                            ("GooglePlay", "Google Play"),
                            ("Manual", "Manual"),
                            ("PayPal", "Paypal"),
                            ("Square", "Square"),
                        ],
                        db_column="PaymentProvider",
                        max_length=20,
                    ),
                ),
                (
                    "provider_payment_id",
                    models.CharField(
                        blank=True,
                        db_column="ProviderPaymentId",
                        help_text="pi_…",
                        max_length=100,
                        null=True,
                    ),
                ),
                (
                    "provider_charge_id",
                    models.CharField(
                        blank=True, db_column="ProviderChargeId", default="", max_length=100
                    ),
                ),
                (
                    "provider_invoice_id",
                    models.CharField(
                        blank=True, db_column="ProviderInvoiceId", default="", max_length=100
                    ),
                ),
                (
                    "amount",
                    models.DecimalField(
                        db_column="Amount",
                        decimal_places=2,
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "amount_refunded",
                    models.DecimalField(
                        db_column="AmountRefunded",
                        db_default=Decimal("0"),
                        decimal_places=2,
                        default=Decimal("0"),
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "fee_amount",
                    models.DecimalField(
                        blank=True,
                        db_column="FeeAmount",
                        decimal_places=2,
                        help_text="Platform or processor fee.",
                        max_digits=12,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        db_column="Currency",
                        max_length=3,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{3}$",
                                "Use an ISO-4217 currency code in upper case, e.g. USD.",
                            )
                        ],
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("RequiresAction", "Requires Action"),
                            ("Processing", "Processing"),
                            ("Succeeded", "Succeeded"),
                            ("Failed", "Failed"),
                            ("Canceled", "Canceled"),
                            ("Refunded", "Refunded"),
                            ("PartiallyRefunded", "Partially Refunded"),
                            ("Disputed", "Disputed"),
                        ],
                        db_column="Status",
                        db_default="Pending",
                        default="Pending",
                        max_length=20,
                    ),
                ),
                (
                    "payment_method_brand",
                    models.CharField(
                        blank=True, db_column="PaymentMethodBrand", default="", max_length=20
                    ),
                ),
                (
                    "payment_method_last4",
                    models.CharField(
                        blank=True, db_column="PaymentMethodLast4", default="", max_length=4
                    ),
                ),
                (
                    "failure_code",
                    models.CharField(
                        blank=True, db_column="FailureCode", default="", max_length=100
                    ),
                ),
                (
                    "failure_message",
                    models.CharField(
                        blank=True, db_column="FailureMessage", default="", max_length=500
                    ),
                ),
                (
                    "receipt_url",
                    models.URLField(blank=True, db_column="ReceiptUrl", default="", max_length=500),
                ),
                ("paid_at", models.DateTimeField(blank=True, db_column="PaidAt", null=True)),
                (
                    "last_event_at",
                    models.DateTimeField(blank=True, db_column="LastEventAt", null=True),
                ),
                ("metadata", models.JSONField(blank=True, db_column="Metadata", default=dict)),
            ],
            options={
                "db_table": "PaymentRecords",
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="PaymentRefund",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "provider_refund_id",
                    models.CharField(
                        db_column="ProviderRefundId", help_text="re_…", max_length=100
                    ),
                ),
                (
                    "amount",
                    models.DecimalField(
                        db_column="Amount",
                        decimal_places=2,
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("Succeeded", "Succeeded"),
                            ("Failed", "Failed"),
                            ("Canceled", "Canceled"),
                        ],
                        db_column="Status",
                        db_default="Pending",
                        default="Pending",
                        max_length=10,
                    ),
                ),
                (
                    "reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Not given"),
                            ("duplicate", "Duplicate"),
                            ("fraudulent", "Fraudulent"),
                            ("requested_by_customer", "Requested By Customer"),
                            ("cancellation_policy", "Cancellation Policy"),
                        ],
                        db_column="Reason",
                        default="",
                        max_length=30,
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        db_column="CreatedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
            ],
            options={
                "db_table": "PaymentRefunds",
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="PaymentWebhookEvent",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "payment_provider",
                    models.CharField(
                        choices=[
                            ("Stripe", "Stripe"),
                            ("AppStore", "App Store"),
                            ("GooglePlay", "Google Play"),
                            ("Manual", "Manual"),
                            ("PayPal", "Paypal"),
                            ("Square", "Square"),
                        ],
                        db_column="PaymentProvider",
                        max_length=20,
                    ),
                ),
                (
                    "event_id",
                    models.CharField(db_column="EventId", help_text="evt_…", max_length=100),
                ),
                ("event_type", models.CharField(db_column="EventType", max_length=100)),
                ("payload", models.JSONField(db_column="Payload", help_text="Redacted.")),
                ("signature_valid", models.BooleanField(db_column="SignatureValid")),
                (
                    "provider_created_at",
                    models.DateTimeField(
                        blank=True,
                        db_column="ProviderCreatedAt",
                        help_text="Stripe's event.created.",
                        null=True,
                    ),
                ),
                (
                    "received_at",
                    models.DateTimeField(
                        db_column="ReceivedAt",
                        db_default=doggy.core.db.UtcNow(),
                        default=django.utils.timezone.now,
                        editable=False,
                    ),
                ),
                (
                    "processed_at",
                    models.DateTimeField(blank=True, db_column="ProcessedAt", null=True),
                ),
                (
                    "processing_status",
                    models.CharField(
                        choices=[
                            ("Pending", "Pending"),
                            ("Processed", "Processed"),
                            ("Failed", "Failed"),
                            ("Ignored", "Ignored"),
                        ],
                        db_column="ProcessingStatus",
                        db_default="Pending",
                        default="Pending",
                        max_length=10,
                    ),
                ),
                (
                    "attempts",
                    models.PositiveSmallIntegerField(db_column="Attempts", db_default=0, default=0),
                ),
                ("last_error", models.TextField(blank=True, db_column="LastError", default="")),
            ],
            options={
                "db_table": "PaymentWebhookEvents",
                "ordering": ["-received_at"],
            },
        ),
        migrations.RemoveConstraint(
            model_name="usersubscription",
            name="CK_UserSubscriptions_PaymentProvider",
        ),
        migrations.AlterField(
            model_name="usersubscription",
            name="payment_provider",
            field=models.CharField(
                choices=[
                    ("Stripe", "Stripe"),
                    ("AppStore", "App Store"),
                    ("GooglePlay", "Google Play"),
                    ("Manual", "Manual"),
                    ("PayPal", "Paypal"),
                    ("Square", "Square"),
                ],
                db_column="PaymentProvider",
                default="Stripe",
                max_length=20,
            ),
        ),
        # NOT VALID (SQL Server: WITH NOCHECK): 0004_online_payment_tracking validates it.
        AddConstraintNotValid(
            model_name="usersubscription",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "payment_provider__in",
                        ["Stripe", "AppStore", "GooglePlay", "Manual", "PayPal", "Square"],
                    )
                ),
                name="CK_UserSubscriptions_PaymentProvider",
            ),
        ),
        migrations.AddField(
            model_name="billingcustomer",
            name="user",
            field=models.ForeignKey(
                db_column="UserId",
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="billing_customers",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="paymentrecord",
            name="user",
            field=models.ForeignKey(
                blank=True,
                db_column="UserId",
                db_index=False,
                help_text="The payer.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="payment_records",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="paymentrecord",
            name="user_subscription",
            field=models.ForeignKey(
                blank=True,
                db_column="UserSubscriptionId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="payments",
                to="billing.usersubscription",
            ),
        ),
        migrations.AddField(
            model_name="paymentrefund",
            name="payment",
            field=models.ForeignKey(
                db_column="PaymentId",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="refunds",
                to="billing.paymentrecord",
            ),
        ),
        migrations.AddIndex(
            model_name="paymentwebhookevent",
            index=models.Index(
                condition=models.Q(("processing_status__in", ["Pending", "Failed"])),
                fields=["processing_status", "received_at"],
                name="IX_WebhookEvents_Pending",
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentwebhookevent",
            constraint=models.UniqueConstraint(
                fields=("payment_provider", "event_id"), name="UX_WebhookEvents_Prov_Event"
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentwebhookevent",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "payment_provider__in",
                        ["Stripe", "AppStore", "GooglePlay", "Manual", "PayPal", "Square"],
                    )
                ),
                name="CK_PaymentWebhookEvents_PaymentProvider",
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentwebhookevent",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("processing_status__in", ["Pending", "Processed", "Failed", "Ignored"])
                ),
                name="CK_PaymentWebhookEvents_ProcessingStatus",
            ),
        ),
        migrations.AddConstraint(
            model_name="billingcustomer",
            constraint=models.UniqueConstraint(
                fields=("user", "payment_provider"), name="UX_BillingCust_User_Provider"
            ),
        ),
        migrations.AddConstraint(
            model_name="billingcustomer",
            constraint=models.UniqueConstraint(
                fields=("payment_provider", "provider_customer_id"),
                name="UX_BillingCust_Prov_CustId",
            ),
        ),
        migrations.AddConstraint(
            model_name="billingcustomer",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "payment_provider__in",
                        ["Stripe", "AppStore", "GooglePlay", "Manual", "PayPal", "Square"],
                    )
                ),
                name="CK_BillingCustomers_PaymentProvider",
            ),
        ),
        migrations.AddIndex(
            model_name="paymentrecord",
            index=models.Index(fields=["user", "-created_at"], name="IX_Payments_User_Created"),
        ),
        migrations.AddConstraint(
            model_name="paymentrecord",
            constraint=models.UniqueConstraint(
                condition=models.Q(("provider_payment_id__isnull", False)),
                fields=("payment_provider", "provider_payment_id"),
                name="UX_Payments_Prov_PaymentId",
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("amount__gte", 0),
                    ("amount_refunded__gte", 0),
                    ("amount_refunded__lte", models.F("amount")),
                ),
                name="CK_Payments_Amounts",
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("fee_amount__isnull", True), ("fee_amount__gte", 0), _connector="OR"
                ),
                name="CK_Payments_Fee",
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("purpose__in", ["Appointment", "Subscription", "Deposit", "Tip", "Other"])
                ),
                name="CK_PaymentRecords_Purpose",
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "status__in",
                        [
                            "Pending",
                            "RequiresAction",
                            "Processing",
                            "Succeeded",
                            "Failed",
                            "Canceled",
                            "Refunded",
                            "PartiallyRefunded",
                            "Disputed",
                        ],
                    )
                ),
                name="CK_PaymentRecords_Status",
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "payment_provider__in",
                        ["Stripe", "AppStore", "GooglePlay", "Manual", "PayPal", "Square"],
                    )
                ),
                name="CK_PaymentRecords_PaymentProvider",
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentrefund",
            constraint=models.UniqueConstraint(
                fields=("provider_refund_id",), name="UX_Refunds_ProviderRefundId"
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentrefund",
            constraint=models.CheckConstraint(
                condition=models.Q(("amount__gt", 0)), name="CK_Refunds_Amount"
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentrefund",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["Pending", "Succeeded", "Failed", "Canceled"])),
                name="CK_PaymentRefunds_Status",
            ),
        ),
        migrations.AddConstraint(
            model_name="paymentrefund",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "reason__in",
                        [
                            "",
                            "duplicate",
                            "fraudulent",
                            "requested_by_customer",
                            "cancellation_policy",
                        ],
                    )
                ),
                name="CK_PaymentRefunds_Reason",
            ),
        ),
    ]
