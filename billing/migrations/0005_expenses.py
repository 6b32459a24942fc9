"""Plan 040: expense management (SCHEMA.md 2.40 with A21).

ExpenseCategories (system ones seeded by 0006, an owner's own), PetExpenses and
ExpenseBudgets, with receipts as StoredFiles and links to payments and vet visits.
"""

import uuid
from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import doggy.core.db


class Migration(migrations.Migration):
    dependencies = [
        ("billing", "0004_online_payment_tracking"),
        ("doggy", "0003_stored_files"),
        ("pets", "0003_medical_records"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ExpenseBudget",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                (
                    "period",
                    models.CharField(
                        choices=[("Monthly", "Monthly"), ("Yearly", "Yearly")],
                        db_column="Period",
                        db_default="Monthly",
                        default="Monthly",
                        max_length=8,
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
            ],
            options={
                "db_table": "ExpenseBudgets",
                "ordering": ["owner", "period"],
            },
        ),
        migrations.CreateModel(
            name="ExpenseCategory",
            fields=[
                ("id", models.AutoField(db_column="Id", primary_key=True, serialize=False)),
                ("name", models.CharField(db_column="Name", max_length=100)),
                ("slug", models.SlugField(db_column="Slug", max_length=100)),
                ("icon", models.CharField(blank=True, db_column="Icon", default="", max_length=50)),
                (
                    "is_system",
                    models.BooleanField(db_column="IsSystem", db_default=True, default=True),
                ),
                ("sort_order", models.IntegerField(db_column="SortOrder", db_default=0, default=0)),
            ],
            options={
                "verbose_name_plural": "expense categories",
                "db_table": "ExpenseCategories",
                "ordering": ["sort_order", "name"],
            },
        ),
        migrations.CreateModel(
            name="PetExpense",
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
                    "amount",
                    models.DecimalField(
                        db_column="Amount",
                        decimal_places=2,
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
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
                ("expense_date", models.DateField(db_column="ExpenseDate")),
                (
                    "vendor",
                    models.CharField(blank=True, db_column="Vendor", default="", max_length=200),
                ),
                (
                    "description",
                    models.CharField(
                        blank=True, db_column="Description", default="", max_length=500
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("Manual", "Manual"),
                            ("Appointment", "Appointment"),
                            ("VetVisit", "Vet Visit"),
                            ("Subscription", "Subscription"),
                        ],
                        db_column="Source",
                        db_default="Manual",
                        default="Manual",
                        max_length=12,
                    ),
                ),
                (
                    "is_recurring",
                    models.BooleanField(db_column="IsRecurring", db_default=False, default=False),
                ),
                (
                    "recurrence_rule",
                    models.CharField(
                        blank=True,
                        db_column="RecurrenceRule",
                        default="",
                        help_text="An RFC 5545 RRULE subset, e.g. FREQ=MONTHLY.",
                        max_length=100,
                    ),
                ),
            ],
            options={
                "db_table": "PetExpenses",
                "ordering": ["-expense_date", "-created_at"],
            },
        ),
        migrations.AddField(
            model_name="expensebudget",
            name="owner",
            field=models.ForeignKey(
                db_column="OwnerId",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="expense_budgets",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="expensecategory",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                db_column="OwnerId",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="expense_categories",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="expensebudget",
            name="category",
            field=models.ForeignKey(
                blank=True,
                db_column="CategoryId",
                help_text="Empty for the total budget.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="budgets",
                to="billing.expensecategory",
            ),
        ),
        migrations.AddField(
            model_name="petexpense",
            name="category",
            field=models.ForeignKey(
                db_column="CategoryId",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="expenses",
                to="billing.expensecategory",
            ),
        ),
        migrations.AddField(
            model_name="petexpense",
            name="dog",
            field=models.ForeignKey(
                blank=True,
                db_column="DogId",
                db_index=False,
                help_text="Empty for a household-wide expense.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="expenses",
                to="pets.dogprofile",
            ),
        ),
        migrations.AddField(
            model_name="petexpense",
            name="owner",
            field=models.ForeignKey(
                db_column="OwnerId",
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="pet_expenses",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="petexpense",
            name="payment_record",
            field=models.ForeignKey(
                blank=True,
                db_column="PaymentRecordId",
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="expenses",
                to="billing.paymentrecord",
            ),
        ),
        migrations.AddField(
            model_name="petexpense",
            name="receipt_file",
            field=models.ForeignKey(
                blank=True,
                db_column="ReceiptFileId",
                help_text="A StoredFile of purpose Receipt.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="doggy.storedfile",
            ),
        ),
        migrations.AddField(
            model_name="petexpense",
            name="vet_visit",
            field=models.ForeignKey(
                blank=True,
                db_column="VetVisitId",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="pets.vetvisit",
            ),
        ),
        migrations.AddConstraint(
            model_name="expensecategory",
            constraint=models.UniqueConstraint(
                condition=models.Q(("owner__isnull", True)),
                fields=("name",),
                name="UX_ExpenseCat_System_Name",
            ),
        ),
        migrations.AddConstraint(
            model_name="expensecategory",
            constraint=models.UniqueConstraint(
                condition=models.Q(("owner__isnull", False)),
                fields=("owner", "name"),
                name="UX_ExpenseCat_Owner_Name",
            ),
        ),
        migrations.AddConstraint(
            model_name="expensecategory",
            constraint=models.UniqueConstraint(
                condition=models.Q(("owner__isnull", True)),
                fields=("slug",),
                name="UX_ExpenseCat_System_Slug",
            ),
        ),
        migrations.AddConstraint(
            model_name="expensecategory",
            constraint=models.UniqueConstraint(
                condition=models.Q(("owner__isnull", False)),
                fields=("owner", "slug"),
                name="UX_ExpenseCat_Owner_Slug",
            ),
        ),
        migrations.AddConstraint(
            model_name="expensecategory",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("is_system", True), ("owner__isnull", True)),
                    models.Q(("is_system", False), ("owner__isnull", False)),
                    _connector="OR",
                ),
                name="CK_ExpenseCat_System",
            ),
        ),
        migrations.AddConstraint(
            model_name="expensebudget",
            constraint=models.UniqueConstraint(
                condition=models.Q(("category__isnull", False)),
                fields=("owner", "category", "period"),
                name="UX_ExpenseBudgets_Key",
            ),
        ),
        migrations.AddConstraint(
            model_name="expensebudget",
            constraint=models.UniqueConstraint(
                condition=models.Q(("category__isnull", True)),
                fields=("owner", "period"),
                name="UX_ExpenseBudgets_Total",
            ),
        ),
        migrations.AddConstraint(
            model_name="expensebudget",
            constraint=models.CheckConstraint(
                condition=models.Q(("amount__gt", 0)), name="CK_ExpenseBudgets_Amount"
            ),
        ),
        migrations.AddConstraint(
            model_name="expensebudget",
            constraint=models.CheckConstraint(
                condition=models.Q(("period__in", ["Monthly", "Yearly"])),
                name="CK_ExpenseBudgets_Period",
            ),
        ),
        migrations.AddIndex(
            model_name="petexpense",
            index=models.Index(fields=["owner", "-expense_date"], name="IX_PetExpenses_Owner_Date"),
        ),
        migrations.AddIndex(
            model_name="petexpense",
            index=models.Index(fields=["dog", "-expense_date"], name="IX_PetExpenses_Dog_Date"),
        ),
        migrations.AddConstraint(
            model_name="petexpense",
            constraint=models.CheckConstraint(
                condition=models.Q(("amount__gt", 0)), name="CK_PetExpenses_Amount"
            ),
        ),
        migrations.AddConstraint(
            model_name="petexpense",
            constraint=models.UniqueConstraint(
                condition=models.Q(("payment_record__isnull", False)),
                fields=("payment_record",),
                name="UX_PetExpenses_Payment",
            ),
        ),
        migrations.AddConstraint(
            model_name="petexpense",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("source__in", ["Manual", "Appointment", "VetVisit", "Subscription"])
                ),
                name="CK_PetExpenses_Source",
            ),
        ),
    ]
