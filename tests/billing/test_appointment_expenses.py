"""Plan 039's remainder: a payment for an appointment that succeeds (webhook) records the
owner's expense for it once (Source=Appointment; UX_PetExpenses_Payment)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from billing.choices import ExpenseSource, PaymentPurpose, PaymentStatus
from billing.models import PetExpense
from billing.payment_services import _record_appointment_expense
from tests.billing.factories import PaymentRecordFactory
from tests.billing.test_payment_webhooks import deliver, event, intent
from tests.scheduling.factories import (
    AppointmentFactory,
    AppointmentPetFactory,
    ServiceCategoryFactory,
    ServiceOfferingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.DOGGY_STRIPE_WEBHOOK_SECRET = "whsec_test_0123456789abcdef"  # noqa: S105


@pytest.fixture
def appointment(owner):
    grooming = ServiceCategoryFactory(slug="grooming", name="Grooming")
    offering = ServiceOfferingFactory(category=grooming, name="Full groom")
    booked = AppointmentFactory(owner=owner, service_offering=offering)
    AppointmentPetFactory(appointment=booked)
    return booked


@pytest.fixture
def payment(owner, appointment):
    return PaymentRecordFactory(
        user=owner,
        purpose=PaymentPurpose.APPOINTMENT,
        appointment=appointment,
        user_subscription=None,
        amount=Decimal("45.00"),
        currency="USD",
        status=PaymentStatus.PROCESSING,
        paid_at=None,
        last_event_at=None,
    )


def test_a_succeeded_appointment_payment_records_one_expense(
    owner, appointment, payment, django_capture_on_commit_callbacks
):
    paid = event("evt_a1", "payment_intent.succeeded", intent(payment, "succeeded"), created=10)

    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(paid).status_code == 200

    expense = PetExpense.objects.get(payment_record=payment)
    dog = appointment.pets.get().dog_id
    assert (
        expense.owner_id,
        expense.dog_id,
        expense.category.slug,
        expense.amount,
        expense.currency,
        expense.source,
        expense.appointment_id,
        expense.vendor,
    ) == (
        owner.pk,
        dog,
        "grooming",
        Decimal("45.00"),
        "USD",
        ExpenseSource.APPOINTMENT,
        appointment.pk,
        appointment.provider.business_name,
    )
    assert expense.expense_date == datetime.datetime.fromtimestamp(10, tz=datetime.UTC).date()

    # a later event about the same payment (a charge update, a replay) records nothing more
    later = event("evt_a2", "payment_intent.succeeded", intent(payment, "succeeded"), created=20)
    with django_capture_on_commit_callbacks(execute=True):
        deliver(later)
    assert PetExpense.objects.filter(payment_record=payment).count() == 1


def test_the_database_refuses_a_second_expense_for_one_payment(payment):
    payment.status = PaymentStatus.SUCCEEDED
    assert _record_appointment_expense(payment) is not None
    with pytest.raises(IntegrityError), transaction.atomic():
        PetExpense.objects.create(
            owner=payment.user,
            category=PetExpense.objects.get().category,
            amount=Decimal("1.00"),
            currency="USD",
            expense_date=datetime.date(2026, 11, 1),
            payment_record=payment,
        )
    assert _record_appointment_expense(payment) is None
    assert PetExpense.objects.count() == 1


def test_a_failed_or_subscription_payment_records_no_expense(
    payment, django_capture_on_commit_callbacks
):
    failed = event(
        "evt_f",
        "payment_intent.payment_failed",
        intent(payment, "requires_payment_method"),
        created=5,
    )
    subscription_payment = PaymentRecordFactory(status=PaymentStatus.PROCESSING, paid_at=None)
    paid = event(
        "evt_s", "payment_intent.succeeded", intent(subscription_payment, "succeeded"), created=6
    )

    with django_capture_on_commit_callbacks(execute=True):
        deliver(failed)
        deliver(paid)

    assert PetExpense.objects.count() == 0
