"""Plans 039 and 040 against SCHEMA.md 2.39, 2.40, A14, A20 and A21; keys refused in the DB.

Every column with its nullability, every named index and key with its columns (and
filter), every CHECK by name, and each of them refused for a row written past Python
validation. No table holds card data: only provider ids, statuses, brand and last four.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from billing.models import (
    BillingCustomer,
    ExpenseBudget,
    ExpenseCategory,
    PaymentRecord,
    PaymentWebhookEvent,
    PetExpense,
)
from tests import catalog
from tests.billing.factories import (
    BillingCustomerFactory,
    ExpenseBudgetFactory,
    ExpenseCategoryFactory,
    PaymentRecordFactory,
    PaymentRefundFactory,
    PaymentWebhookEventFactory,
    PetExpenseFactory,
    UserSubscriptionFactory,
)
from tests.scheduling.factories import AppointmentFactory

COLUMNS = {
    "BillingCustomers": {
        "Id": False,
        "UserId": False,
        "PaymentProvider": False,
        "ProviderCustomerId": False,
        "CreatedAt": False,
    },
    "PaymentRecords": {
        "Id": False,
        "UserId": True,
        "Purpose": False,
        "AppointmentId": True,
        "UserSubscriptionId": True,
        "PaymentProvider": False,
        "ProviderPaymentId": True,
        "ProviderChargeId": False,
        "ProviderInvoiceId": False,
        "Amount": False,
        "AmountRefunded": False,
        "FeeAmount": True,
        "Currency": False,
        "Status": False,
        "PaymentMethodBrand": False,
        "PaymentMethodLast4": False,
        "FailureCode": False,
        "FailureMessage": False,
        "ReceiptUrl": False,
        "PaidAt": True,
        "LastEventAt": True,
        "Metadata": False,
        "CreatedAt": False,
        "UpdatedAt": False,
    },
    "PaymentRefunds": {
        "Id": False,
        "PaymentId": False,
        "ProviderRefundId": False,
        "Amount": False,
        "Status": False,
        "Reason": False,
        "CreatedAt": False,
    },
    "PaymentWebhookEvents": {
        "Id": False,
        "PaymentProvider": False,
        "EventId": False,
        "EventType": False,
        "Payload": False,
        "SignatureValid": False,
        "ProviderCreatedAt": True,
        "ReceivedAt": False,
        "ProcessedAt": True,
        "ProcessingStatus": False,
        "Attempts": False,
        "LastError": False,
    },
    "ExpenseCategories": {
        "Id": False,
        "OwnerId": True,
        "Name": False,
        "Slug": False,
        "Icon": False,
        "IsSystem": False,
        "SortOrder": False,
    },
    "PetExpenses": {
        "Id": False,
        "OwnerId": False,
        "DogId": True,
        "CategoryId": False,
        "Amount": False,
        "Currency": False,
        "ExpenseDate": False,
        "Vendor": False,
        "Description": False,
        "Source": False,
        "AppointmentId": True,
        "PaymentRecordId": True,
        "VetVisitId": True,
        "ReceiptFileId": True,
        "IsRecurring": False,
        "RecurrenceRule": False,
        "CreatedAt": False,
        "UpdatedAt": False,
    },
    "ExpenseBudgets": {
        "Id": False,
        "OwnerId": False,
        "CategoryId": True,
        "Period": False,
        "Amount": False,
        "Currency": False,
    },
}
INDEXES = {
    "IX_Payments_User_Created": ("PaymentRecords", ["UserId", "CreatedAt"]),
    "IX_Payments_Appointment": ("PaymentRecords", ["AppointmentId"]),
    "IX_WebhookEvents_Pending": ("PaymentWebhookEvents", ["ProcessingStatus", "ReceivedAt"]),
    "IX_PetExpenses_Owner_Date": ("PetExpenses", ["OwnerId", "ExpenseDate"]),
    "IX_PetExpenses_Dog_Date": ("PetExpenses", ["DogId", "ExpenseDate"]),
}
UNIQUES = {
    "UX_BillingCust_User_Provider": ("BillingCustomers", ["UserId", "PaymentProvider"]),
    "UX_BillingCust_Prov_CustId": ("BillingCustomers", ["PaymentProvider", "ProviderCustomerId"]),
    "UX_Payments_Prov_PaymentId": ("PaymentRecords", ["PaymentProvider", "ProviderPaymentId"]),
    "UX_Refunds_ProviderRefundId": ("PaymentRefunds", ["ProviderRefundId"]),
    "UX_WebhookEvents_Prov_Event": ("PaymentWebhookEvents", ["PaymentProvider", "EventId"]),
    "UX_ExpenseCat_System_Name": ("ExpenseCategories", ["Name"]),
    "UX_ExpenseCat_Owner_Name": ("ExpenseCategories", ["OwnerId", "Name"]),
    "UX_ExpenseCat_System_Slug": ("ExpenseCategories", ["Slug"]),
    "UX_ExpenseCat_Owner_Slug": ("ExpenseCategories", ["OwnerId", "Slug"]),
    "UX_PetExpenses_Payment": ("PetExpenses", ["PaymentRecordId"]),
    "UX_ExpenseBudgets_Key": ("ExpenseBudgets", ["OwnerId", "CategoryId", "Period"]),
    "UX_ExpenseBudgets_Total": ("ExpenseBudgets", ["OwnerId", "Period"]),
}
FILTERED = {
    "IX_WebhookEvents_Pending": ("PaymentWebhookEvents", ["ProcessingStatus"]),
    "UX_Payments_Prov_PaymentId": ("PaymentRecords", ["ProviderPaymentId"]),
    "UX_ExpenseCat_System_Name": ("ExpenseCategories", ["OwnerId"]),
    "UX_ExpenseCat_Owner_Name": ("ExpenseCategories", ["OwnerId"]),
    "UX_ExpenseCat_System_Slug": ("ExpenseCategories", ["OwnerId"]),
    "UX_ExpenseCat_Owner_Slug": ("ExpenseCategories", ["OwnerId"]),
    "UX_PetExpenses_Payment": ("PetExpenses", ["PaymentRecordId"]),
    "UX_ExpenseBudgets_Key": ("ExpenseBudgets", ["CategoryId"]),
    "UX_ExpenseBudgets_Total": ("ExpenseBudgets", ["CategoryId"]),
}
CHECKS = {
    "BillingCustomers": {"CK_BillingCustomers_PaymentProvider"},
    "PaymentRecords": {
        "CK_Payments_Amounts",
        "CK_Payments_Fee",
        "CK_Payments_Target",
        "CK_PaymentRecords_Purpose",
        "CK_PaymentRecords_Status",
        "CK_PaymentRecords_PaymentProvider",
    },
    "PaymentRefunds": {"CK_Refunds_Amount", "CK_PaymentRefunds_Status", "CK_PaymentRefunds_Reason"},
    "PaymentWebhookEvents": {
        "CK_PaymentWebhookEvents_PaymentProvider",
        "CK_PaymentWebhookEvents_ProcessingStatus",
    },
    "ExpenseCategories": {"CK_ExpenseCat_System"},
    "PetExpenses": {"CK_PetExpenses_Amount", "CK_PetExpenses_Source"},
    "ExpenseBudgets": {"CK_ExpenseBudgets_Amount", "CK_ExpenseBudgets_Period"},
}
BAD_UPDATES = [
    ("CK_BillingCustomers_PaymentProvider", BillingCustomerFactory, {"payment_provider": "Venmo"}),
    ("CK_Payments_Amounts negative", PaymentRecordFactory, {"amount": Decimal("-1")}),
    ("CK_Payments_Amounts over", PaymentRecordFactory, {"amount_refunded": Decimal("20.00")}),
    ("CK_Payments_Fee", PaymentRecordFactory, {"fee_amount": Decimal("-0.01")}),
    ("CK_PaymentRecords_Purpose", PaymentRecordFactory, {"purpose": "Gift"}),
    ("CK_PaymentRecords_Status", PaymentRecordFactory, {"status": "succeeded"}),
    ("CK_PaymentRecords_PaymentProvider", PaymentRecordFactory, {"payment_provider": "stripe"}),
    ("CK_Refunds_Amount", PaymentRefundFactory, {"amount": Decimal("0")}),
    ("CK_PaymentRefunds_Status", PaymentRefundFactory, {"status": "succeeded"}),
    ("CK_PaymentRefunds_Reason", PaymentRefundFactory, {"reason": "changed_mind"}),
    (
        "CK_PaymentWebhookEvents_PaymentProvider",
        PaymentWebhookEventFactory,
        {"payment_provider": "Adyen"},
    ),
    (
        "CK_PaymentWebhookEvents_ProcessingStatus",
        PaymentWebhookEventFactory,
        {"processing_status": "Done"},
    ),
    ("CK_ExpenseCat_System owner", ExpenseCategoryFactory, {"is_system": True}),
    ("CK_PetExpenses_Amount", PetExpenseFactory, {"amount": Decimal("0")}),
    ("CK_PetExpenses_Source", PetExpenseFactory, {"source": "Import"}),
    ("CK_ExpenseBudgets_Amount", ExpenseBudgetFactory, {"amount": Decimal("-5")}),
    ("CK_ExpenseBudgets_Period", ExpenseBudgetFactory, {"period": "Weekly"}),
]


@pytest.mark.parametrize("table", COLUMNS)
def test_table_has_exactly_the_catalogs_columns(db, table):
    assert catalog.db_columns(table) == COLUMNS[table]


@pytest.mark.parametrize(("name", "where"), INDEXES.items(), ids=list(INDEXES))
def test_named_index_exists(db, name, where):
    catalog.assert_index(where[0], name, where[1], unique=False)


@pytest.mark.parametrize(("name", "where"), UNIQUES.items(), ids=list(UNIQUES))
def test_unique_key_exists(db, name, where):
    catalog.assert_index(where[0], name, where[1], unique=True)


@pytest.mark.parametrize(("name", "where"), FILTERED.items(), ids=list(FILTERED))
def test_filtered_index_has_an_and_only_filter(name, where):
    catalog.assert_filter_reads(where[0], name, where[1])


@pytest.mark.parametrize("table", CHECKS)
def test_check_constraints_exist(db, table):
    assert catalog.named_checks(table) == CHECKS[table]


@pytest.mark.parametrize("table", COLUMNS)
def test_no_generated_index_duplicates_a_named_one(db, table):
    assert catalog.generated_duplicates(table) == []


@pytest.mark.parametrize(("_case", "factory", "values"), BAD_UPDATES)
def test_check_constraint_refuses_bad_values(db, _case, factory, values):
    row = factory()
    model = type(row)
    with pytest.raises(IntegrityError), transaction.atomic():
        model._default_manager.filter(pk=row.pk).update(**values)
    assert model._default_manager.filter(pk=row.pk).values(*values).get() != values


def test_a_payment_is_for_an_appointment_or_a_subscription_never_both(db):
    # CK_Payments_Target (SCHEMA.md 2.39)
    appointment = AppointmentFactory()
    payment = PaymentRecordFactory(
        appointment=appointment, user_subscription=None, purpose="Appointment"
    )
    subscription = UserSubscriptionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentRecord.objects.filter(pk=payment.pk).update(user_subscription=subscription)
    assert PaymentRecord.objects.get(pk=payment.pk).user_subscription_id is None


def test_no_card_data_column_exists(db):
    card = {"CardNumber", "Pan", "Cvv", "Cvc", "ExpMonth", "ExpYear", "CardToken"}
    for table in COLUMNS:
        assert not card & set(catalog.db_columns(table)), table


def test_one_customer_id_per_user_and_provider(db):
    customer = BillingCustomerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        BillingCustomer.objects.bulk_create(
            [
                BillingCustomer(
                    user=customer.user, payment_provider="Stripe", provider_customer_id="x"
                )
            ]
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        BillingCustomerFactory(provider_customer_id=customer.provider_customer_id)
    assert BillingCustomer.objects.count() == 1


def test_a_payment_exists_before_its_provider_id_and_the_id_is_unique_once_set(db):
    # A20: several local payments may wait for their PaymentIntent
    first = PaymentRecordFactory(provider_payment_id=None)
    PaymentRecordFactory(provider_payment_id=None)
    PaymentRecord.objects.filter(pk=first.pk).update(provider_payment_id="pi_same")
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentRecordFactory(provider_payment_id="pi_same")
    assert PaymentRecord.objects.filter(provider_payment_id="pi_same").count() == 1


def test_a_refund_id_is_stored_once(db):
    refund = PaymentRefundFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentRefundFactory(provider_refund_id=refund.provider_refund_id)


def test_a_redelivered_webhook_event_is_refused_by_the_database(db):
    event = PaymentWebhookEventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentWebhookEvent.objects.bulk_create(
            [
                PaymentWebhookEvent(
                    payment_provider=event.payment_provider,
                    event_id=event.event_id,
                    event_type=event.event_type,
                    payload={},
                    signature_valid=True,
                )
            ]
        )
    assert PaymentWebhookEvent.objects.count() == 1


def test_a_stored_webhook_event_changes_only_its_processing_columns(db):
    event = PaymentWebhookEventFactory(processing_status="Pending", attempts=0)
    event.attempts = 1
    event.processing_status = "Failed"
    event.save(update_fields=["attempts", "processing_status"])
    event.event_type = "forged"
    with pytest.raises(RuntimeError, match="processing columns"):
        event.save()
    with pytest.raises(RuntimeError, match="processing columns"):
        event.save(update_fields=["event_type"])
    with pytest.raises(RuntimeError, match="never deleted"):
        event.delete()
    stored = PaymentWebhookEvent.objects.get(pk=event.pk)
    assert (stored.event_type, stored.attempts, stored.processing_status) == (
        "payment_intent.succeeded",
        1,
        "Failed",
    )


def test_the_new_providers_are_accepted_for_subscriptions_too(db):
    # A20: one PaymentProvider list, extended with PayPal and Square
    subscription = UserSubscriptionFactory(payment_provider="PayPal")
    assert subscription.payment_provider == "PayPal"


def test_system_category_names_are_unique_and_owners_have_their_own(db):
    ExpenseCategory.objects.create(name="Hobby", slug="hobby")  # a system category
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpenseCategory.objects.bulk_create([ExpenseCategory(name="Hobby", slug="hobby-2")])
    mine = ExpenseCategoryFactory(name="Hobby", slug="hobby")
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpenseCategoryFactory(owner=mine.owner, name="Hobby", slug="hobby-3")
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpenseCategoryFactory(owner=mine.owner, name="Other hobby", slug="hobby")
    ExpenseCategoryFactory(name="Hobby", slug="hobby")  # another owner's
    assert ExpenseCategory.objects.filter(name="Hobby").count() == 3


def test_the_eleven_system_categories_are_seeded(db):
    system = ExpenseCategory.objects.filter(owner__isnull=True, is_system=True)
    assert system.count() == 11
    assert set(system.values_list("name", flat=True)) >= {"Food & Treats", "Veterinary", "Other"}


def test_an_expense_imports_a_payment_once(db):
    expense = PetExpenseFactory(payment_record=PaymentRecordFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        PetExpenseFactory(payment_record=expense.payment_record)
    PetExpenseFactory(payment_record=None)
    PetExpenseFactory(payment_record=None)
    assert PetExpense.objects.count() == 3


def test_a_category_in_use_cannot_be_deleted(db):
    from django.db.models import ProtectedError

    expense = PetExpenseFactory()
    with pytest.raises(ProtectedError):
        expense.category.delete()


def test_one_budget_per_owner_category_and_period_and_one_total(db):
    budget = ExpenseBudgetFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpenseBudgetFactory(owner=budget.owner, category=budget.category)
    ExpenseBudgetFactory(owner=budget.owner, category=budget.category, period="Yearly")
    ExpenseBudgetFactory(owner=budget.owner, category=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpenseBudgetFactory(owner=budget.owner, category=None)
    assert ExpenseBudget.objects.filter(owner=budget.owner).count() == 3


def test_a_deleted_dog_leaves_its_expenses_to_the_household(db):
    expense = PetExpenseFactory(expense_date=datetime.date(2026, 1, 5))
    expense.dog.delete()
    expense.refresh_from_db()
    assert expense.dog_id is None
