"""Payments by reference (plan 039): the webhook inbox of the payment provider (Stripe).

    POST /webhooks/payments/ ─ signature checked (stripe.Webhook.construct_event) ─▶
    payment_webhook_receive: one PaymentWebhookEvents row per (provider, event id),
    stored in the request's transaction ─ after commit ─▶ payment_webhook_process

* **Stored before processing.** The event is inserted (Pending) and committed before any
  of it is applied, so a crash while processing leaves it in the inbox
  (IX_WebhookEvents_Pending) to be processed again (`payment_webhooks_retry`).
* **Deduplicated.** A redelivered event id finds its row (UX_WebhookEvents_Prov_Event):
  nothing is stored or applied twice; a redelivery of a Failed event is processed again.
* **Reconciled by the object's state, not by arrival.** Each row we keep remembers the
  provider time of the newest event applied to it (`PaymentRecords.LastEventAt`, the
  subscription's `Metadata.provider_event_created`). An older event changes nothing, and
  a payment that succeeded never goes back to an earlier state, whatever the timestamps.
  Amounts only grow (`AmountRefunded`).
* **Never card data.** The stored payload is redacted (billing details, card, emails,
  addresses); the rows keep only ids, statuses, amounts, the brand and last four.

A payment for an appointment that succeeds records the owner's expense for it once
(`Source=Appointment`, linked to the payment; UX_PetExpenses_Payment refuses a second).

A `customer.subscription.*` event creates or updates the user's `UserSubscriptions` row
(found by `BillingCustomers`, the plan by its provider price id), so a paid plan is
subscribed to through the payment provider's checkout and arrives here.
"""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.tasks import run_after_commit

from .choices import (
    LIVE_SUBSCRIPTION_STATUSES,
    ExpenseSource,
    PaymentProvider,
    PaymentPurpose,
    PaymentStatus,
    RefundStatus,
    SubscriptionStatus,
    WebhookProcessingStatus,
)
from .models import (
    BillingCustomer,
    ExpenseCategory,
    PaymentRecord,
    PaymentRefund,
    PaymentWebhookEvent,
    PetExpense,
    SubscriptionPlan,
    UserSubscription,
)

logger = logging.getLogger(__name__)

# Keys whose values never reach the inbox: personal and card details.
REDACTED_KEYS = frozenset(
    {
        "billing_details",
        "card",
        "payment_method_details",
        "source",
        "email",
        "receipt_email",
        "customer_email",
        "customer_details",
        "name",
        "phone",
        "address",
        "shipping",
    }
)
REDACTED = "[redacted]"
# Stripe currencies without minor units: amounts arrive as whole units.
ZERO_DECIMAL_CURRENCIES = frozenset(
    [
        "bif",
        "clp",
        "djf",
        "gnf",
        "jpy",
        "kmf",
        "krw",
        "mga",
        "pyg",
        "rwf",
        "ugx",
        "vnd",
        "vuv",
        "xaf",
        "xof",
        "xpf",
    ]
)
# PaymentIntent statuses (and the events that carry them) in the app's terms.
PAYMENT_INTENT_STATUS = {
    "requires_payment_method": PaymentStatus.PENDING,
    "requires_confirmation": PaymentStatus.PENDING,
    "requires_action": PaymentStatus.REQUIRES_ACTION,
    "processing": PaymentStatus.PROCESSING,
    "requires_capture": PaymentStatus.PROCESSING,
    "succeeded": PaymentStatus.SUCCEEDED,
    "canceled": PaymentStatus.CANCELED,
}
# Once a payment has succeeded it only moves on to these (refunds, disputes).
AFTER_SUCCESS = frozenset(
    {
        PaymentStatus.SUCCEEDED,
        PaymentStatus.PARTIALLY_REFUNDED,
        PaymentStatus.REFUNDED,
        PaymentStatus.DISPUTED,
    }
)
REFUND_STATUS = {
    "pending": RefundStatus.PENDING,
    "requires_action": RefundStatus.PENDING,
    "succeeded": RefundStatus.SUCCEEDED,
    "failed": RefundStatus.FAILED,
    "canceled": RefundStatus.CANCELED,
}
MAX_ERROR_LENGTH = 2_000


def redact(value: Any) -> Any:
    """`value` with every personal or card detail replaced, at any depth."""
    if isinstance(value, dict):
        return {
            key: (REDACTED if key in REDACTED_KEYS and item is not None else redact(item))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item) for item in value]
    return value


def _when(seconds: Any) -> datetime.datetime | None:
    if seconds in (None, ""):
        return None
    return datetime.datetime.fromtimestamp(int(seconds), tz=datetime.UTC)


def _money(amount: Any, currency: str) -> Decimal:
    """Stripe's integer minor units as a Decimal amount of `currency`."""
    value = Decimal(int(amount or 0))
    return value if currency.lower() in ZERO_DECIMAL_CURRENCIES else value / 100


# --- Receiving --------------------------------------------------------------------------------


@transaction.atomic
def payment_webhook_receive(
    *, event: dict[str, Any], provider: str = PaymentProvider.STRIPE
) -> tuple[PaymentWebhookEvent, bool]:
    """Store a verified event once and queue its processing after commit.

    Returns the row and whether it was new. A known event id changes nothing (a replay);
    one whose processing failed is queued again.
    """
    event_id = str(event["id"])
    inbox = PaymentWebhookEvent.objects.filter(payment_provider=provider, event_id=event_id)
    known = inbox.first()
    if known is None:
        try:
            with transaction.atomic():
                known = PaymentWebhookEvent.objects.create(
                    payment_provider=provider,
                    event_id=event_id,
                    event_type=str(event.get("type", ""))[:100],
                    payload=redact(event),
                    signature_valid=True,
                    provider_created_at=_when(event.get("created")),
                )
        except IntegrityError:
            # The same event delivered twice at once: the other delivery stored it.
            return inbox.get(), False
        run_after_commit(payment_webhook_process, known.pk)
        return known, True
    if known.processing_status == WebhookProcessingStatus.FAILED:
        run_after_commit(payment_webhook_process, known.pk)
    return known, False


# --- Processing ---------------------------------------------------------------------------------


def payment_webhook_process(event_pk: int) -> str:
    """Apply one stored event (a task: takes the row's id); returns its processing status.

    The event row is locked, so two workers never apply it twice; a processed or
    ignored event is left alone. A failure is recorded on the row (Failed, the error,
    one more attempt) and the event stays in the inbox.
    """
    try:
        with transaction.atomic():
            row = PaymentWebhookEvent.objects.select_for_update().filter(pk=event_pk).first()
            if row is None or row.processing_status in (
                WebhookProcessingStatus.PROCESSED,
                WebhookProcessingStatus.IGNORED,
            ):
                return row.processing_status if row else ""
            applied = _apply(row)
            row.processing_status = (
                WebhookProcessingStatus.PROCESSED if applied else WebhookProcessingStatus.IGNORED
            )
            row.processed_at = timezone.now()
            row.attempts += 1
            row.last_error = ""
            row.save(update_fields=["processing_status", "processed_at", "attempts", "last_error"])
            return row.processing_status
    except Exception as exc:
        logger.exception("Payment webhook event %s failed", event_pk)
        with transaction.atomic():
            row = PaymentWebhookEvent.objects.select_for_update().get(pk=event_pk)
            row.processing_status = WebhookProcessingStatus.FAILED
            row.attempts += 1
            row.last_error = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_LENGTH]
            row.save(update_fields=["processing_status", "attempts", "last_error"])
        return WebhookProcessingStatus.FAILED


def payment_webhooks_retry(*, limit: int = 100) -> int:
    """Process again the inbox's Pending and Failed events, oldest first; returns how many."""
    pending = PaymentWebhookEvent.objects.filter(
        processing_status__in=(WebhookProcessingStatus.PENDING, WebhookProcessingStatus.FAILED)
    ).order_by("received_at", "id")
    ids = list(pending.values_list("pk", flat=True)[:limit])
    for event_pk in ids:
        payment_webhook_process(event_pk)
    return len(ids)


def _apply(row: PaymentWebhookEvent) -> bool:
    """Apply the event to the rows it is about; False when it concerns nothing we keep."""
    kind = row.event_type.split(".")[0]
    obj = (row.payload.get("data") or {}).get("object") or {}
    created = row.provider_created_at or row.received_at
    if kind == "payment_intent":
        return _apply_payment_intent(obj, created, row.event_type)
    if row.event_type in ("charge.refunded", "charge.refund.updated") or kind == "refund":
        return _apply_refund(obj, created)
    if row.event_type.startswith("charge.dispute."):
        return _apply_dispute(obj, created)
    if row.event_type.startswith("customer.subscription."):
        return _apply_subscription(obj, created)
    return False


def _payment_for(intent_id: str | None, metadata: dict) -> PaymentRecord | None:
    payments = PaymentRecord.objects.select_for_update().filter(
        payment_provider=PaymentProvider.STRIPE
    )
    if intent_id:
        found = payments.filter(provider_payment_id=intent_id).first()
        if found is not None:
            return found
    # Our own row created before the PaymentIntent: its id went out as metadata (A20).
    record_id = metadata.get("payment_record_id")
    if record_id:
        found = payments.filter(pk=record_id, provider_payment_id__isnull=True).first()
        if found is not None:
            found.provider_payment_id = intent_id
            return found
    return None


def _save_payment(payment: PaymentRecord, old: dict, created: datetime.datetime) -> None:
    if payment.last_event_at is None or created > payment.last_event_at:
        payment.last_event_at = created
    payment.save()
    new = model_snapshot(payment, PAYMENT_AUDIT_FIELDS)
    if new != old:
        audit_log_record(actor=None, action=AuditAction.UPDATE, target=payment, old=old, new=new)


PAYMENT_AUDIT_FIELDS = (
    "provider_payment_id",
    "status",
    "amount",
    "amount_refunded",
    "currency",
    "paid_at",
    "failure_code",
)


def _is_stale(payment: PaymentRecord, created: datetime.datetime) -> bool:
    return payment.last_event_at is not None and created < payment.last_event_at


def _apply_payment_intent(obj: dict, created: datetime.datetime, event_type: str) -> bool:
    payment = _payment_for(obj.get("id"), obj.get("metadata") or {})
    if payment is None:
        return False
    old = model_snapshot(payment, PAYMENT_AUDIT_FIELDS)
    status = PAYMENT_INTENT_STATUS.get(str(obj.get("status")))
    if event_type == "payment_intent.payment_failed":
        status = PaymentStatus.FAILED
    regresses = payment.status in AFTER_SUCCESS and status not in AFTER_SUCCESS
    if status is not None and not _is_stale(payment, created) and not regresses:
        if not (payment.status in AFTER_SUCCESS and status == PaymentStatus.SUCCEEDED):
            payment.status = status
        error = obj.get("last_payment_error") or {}
        failed = status == PaymentStatus.FAILED
        payment.failure_code = str(error.get("code") or "")[:100] if failed else ""
        payment.failure_message = str(error.get("message") or "")[:500] if failed else ""
    if status == PaymentStatus.SUCCEEDED and payment.paid_at is None:
        payment.paid_at = created
    if obj.get("latest_charge") and isinstance(obj["latest_charge"], str):
        payment.provider_charge_id = obj["latest_charge"][:100]
    _save_payment(payment, old, created)
    if payment.status in AFTER_SUCCESS:
        _record_appointment_expense(payment)
    return True


# The expense category of an appointment's service category (seeded slugs on both sides).
SERVICE_EXPENSE_CATEGORY = {
    "dog-walking": "walking-sitting",
    "pet-sitting": "walking-sitting",
    "boarding": "boarding-daycare",
    "daycare": "boarding-daycare",
    "grooming": "grooming",
    "training": "training",
}
FALLBACK_EXPENSE_CATEGORY = "other"


def _record_appointment_expense(payment: PaymentRecord) -> PetExpense | None:
    """The owner's expense for a succeeded appointment payment, recorded once.

    Only payments of purpose Appointment that name their appointment; the amount is what
    was paid, on the day it was paid, for the appointment's one dog (the household for
    several). A payment that already has its expense (a replayed or later event) records
    nothing: looked up first, and UX_PetExpenses_Payment refuses a racing second insert.
    """
    if payment.purpose != PaymentPurpose.APPOINTMENT or payment.appointment_id is None:
        return None
    if payment.user_id is None or payment.amount <= 0:
        return None
    if PetExpense.objects.filter(payment_record=payment).exists():
        return None
    appointment = (
        PaymentRecord.objects.select_related(
            "appointment__service_offering__category", "appointment__provider"
        )
        .get(pk=payment.pk)
        .appointment
    )
    dogs = list(appointment.pets.values_list("dog_id", flat=True)[:2])
    service_slug = appointment.service_offering.category.slug
    slug = SERVICE_EXPENSE_CATEGORY.get(service_slug, FALLBACK_EXPENSE_CATEGORY)
    category = ExpenseCategory.objects.filter(owner__isnull=True, slug=slug).first()
    if category is None:
        return None
    paid_on = timezone.localdate(payment.paid_at or timezone.now())
    expense = PetExpense(
        owner_id=payment.user_id,
        dog_id=dogs[0] if len(dogs) == 1 else None,
        category=category,
        amount=payment.amount,
        currency=payment.currency,
        expense_date=paid_on,
        vendor=appointment.provider.business_name[:200],
        description=f"{appointment.service_offering.name} ({appointment.reference})"[:500],
        source=ExpenseSource.APPOINTMENT,
        appointment_id=appointment.pk,
        payment_record=payment,
    )
    try:
        with transaction.atomic():
            expense.save(force_insert=True)
    except IntegrityError:
        return None  # recorded meanwhile by another delivery
    audit_log_record(
        actor=None,
        action=AuditAction.CREATE,
        target=expense,
        new=model_snapshot(
            expense, ("dog", "category", "amount", "currency", "expense_date", "source")
        ),
    )
    return expense


def _apply_refund(obj: dict, created: datetime.datetime) -> bool:
    """A charge's refunds (charge.refunded) or one refund (refund.*, charge.refund.updated)."""
    if obj.get("object") == "charge":
        intent_id, refunds = obj.get("payment_intent"), (obj.get("refunds") or {}).get("data")
        refunded_total = obj.get("amount_refunded")
        refunds = refunds or []
    else:
        intent_id, refunds, refunded_total = obj.get("payment_intent"), [obj], None
    payment = _payment_for(intent_id, {})
    if payment is None:
        return False
    old = model_snapshot(payment, PAYMENT_AUDIT_FIELDS)
    currency = payment.currency
    for refund in refunds:
        status = REFUND_STATUS.get(str(refund.get("status")), RefundStatus.PENDING)
        row, made = PaymentRefund.objects.select_for_update().get_or_create(
            provider_refund_id=str(refund["id"])[:100],
            defaults={
                "payment": payment,
                "amount": _money(refund.get("amount"), currency),
                "status": status,
                "reason": str(refund.get("reason") or "")[:30],
            },
        )
        final = (RefundStatus.SUCCEEDED, RefundStatus.FAILED, RefundStatus.CANCELED)
        if not made and row.status not in final and row.status != status:
            row.status = status
            row.save(update_fields=["status"])
    succeeded = sum(
        payment.refunds.filter(status=RefundStatus.SUCCEEDED).values_list("amount", flat=True),
        Decimal("0"),
    )
    if refunded_total is not None:
        succeeded = max(succeeded, _money(refunded_total, currency))
    # Amounts only grow: an older event with a smaller total changes nothing.
    payment.amount_refunded = min(max(payment.amount_refunded, succeeded), payment.amount)
    if payment.amount_refunded > 0 and payment.status != PaymentStatus.DISPUTED:
        payment.status = (
            PaymentStatus.REFUNDED
            if payment.amount_refunded >= payment.amount
            else PaymentStatus.PARTIALLY_REFUNDED
        )
    _save_payment(payment, old, created)
    return True


def _apply_dispute(obj: dict, created: datetime.datetime) -> bool:
    payment = _payment_for(obj.get("payment_intent"), {})
    if payment is None:
        return False
    old = model_snapshot(payment, PAYMENT_AUDIT_FIELDS)
    if obj.get("status") not in ("won", "warning_closed"):
        payment.status = PaymentStatus.DISPUTED
    elif payment.status == PaymentStatus.DISPUTED:
        payment.status = PaymentStatus.SUCCEEDED
    _save_payment(payment, old, created)
    return True


# --- Subscriptions -----------------------------------------------------------------------------

SUBSCRIPTION_AUDIT_FIELDS = (
    "user",
    "plan",
    "status",
    "current_period_start",
    "current_period_end",
    "cancel_at_period_end",
    "canceled_at",
    "ended_at",
    "provider_subscription_id",
)
EVENT_CREATED_KEY = "provider_event_created"


def _subscription_fields(obj: dict) -> dict[str, Any]:
    items = (obj.get("items") or {}).get("data") or [{}]
    first = items[0]
    # Stripe moved the period onto the items (2025 API versions); read either place.
    start = obj.get("current_period_start") or first.get("current_period_start")
    end = obj.get("current_period_end") or first.get("current_period_end")
    status = str(obj.get("status"))
    return {
        "status": status if status in SubscriptionStatus.values else SubscriptionStatus.INCOMPLETE,
        "current_period_start": _when(start),
        "current_period_end": _when(end),
        "trial_start": _when(obj.get("trial_start")),
        "trial_end": _when(obj.get("trial_end")),
        "cancel_at_period_end": bool(obj.get("cancel_at_period_end")),
        "cancel_at": _when(obj.get("cancel_at")),
        "canceled_at": _when(obj.get("canceled_at")),
        "ended_at": _when(obj.get("ended_at")),
        "quantity": max(1, int(first.get("quantity") or 1)),
    }


def _apply_subscription(obj: dict, created: datetime.datetime) -> bool:
    subscription_id = obj.get("id")
    if not subscription_id:
        return False
    subscription = (
        UserSubscription.objects.select_for_update()
        .filter(provider_subscription_id=subscription_id)
        .first()
    )
    fields = _subscription_fields(obj)
    if subscription is None:
        customer = (
            BillingCustomer.objects.filter(
                payment_provider=PaymentProvider.STRIPE, provider_customer_id=obj.get("customer")
            )
            .select_related("user")
            .first()
        )
        items = (obj.get("items") or {}).get("data") or [{}]
        price_id = (items[0].get("price") or {}).get("id")
        plan = SubscriptionPlan.objects.filter(provider_price_id=price_id).first()
        if customer is None or plan is None:
            return False
        if fields["status"] in LIVE_SUBSCRIPTION_STATUSES:
            _end_manual_subscription(customer.user_id, created)
        subscription = UserSubscription(
            user=customer.user,
            plan=plan,
            payment_provider=PaymentProvider.STRIPE,
            provider_customer_id=customer.provider_customer_id,
            provider_subscription_id=subscription_id,
            started_at=_when(obj.get("start_date") or obj.get("created")) or created,
            metadata={EVENT_CREATED_KEY: created.isoformat()},
            **fields,
        )
        subscription.save(force_insert=True)
        audit_log_record(
            actor=None,
            action=AuditAction.CREATE,
            target=subscription,
            new=model_snapshot(subscription, SUBSCRIPTION_AUDIT_FIELDS),
        )
        return True
    seen = subscription.metadata.get(EVENT_CREATED_KEY)
    if seen and created < datetime.datetime.fromisoformat(seen):
        return True  # an older event: the row already shows a newer state
    if subscription.status == SubscriptionStatus.CANCELED:
        return True  # canceled is final at Stripe too
    old = model_snapshot(subscription, SUBSCRIPTION_AUDIT_FIELDS)
    for name, value in fields.items():
        setattr(subscription, name, value)
    subscription.metadata = {**subscription.metadata, EVENT_CREATED_KEY: created.isoformat()}
    subscription.save()
    audit_log_record(
        actor=None,
        action=AuditAction.UPDATE,
        target=subscription,
        old=old,
        new=model_snapshot(subscription, SUBSCRIPTION_AUDIT_FIELDS),
    )
    return True


def _end_manual_subscription(user_id: Any, when: datetime.datetime) -> None:
    """A paid subscription replaces the user's free (Manual) one (one live per user, I-4)."""
    for free in UserSubscription.objects.select_for_update().filter(
        user_id=user_id,
        payment_provider=PaymentProvider.MANUAL,
        status__in=LIVE_SUBSCRIPTION_STATUSES,
    ):
        old = model_snapshot(free, SUBSCRIPTION_AUDIT_FIELDS)
        free.status = SubscriptionStatus.CANCELED
        free.canceled_at = free.ended_at = max(when, free.started_at)
        free.cancellation_reason = "Replaced by a paid plan."
        free.save()
        audit_log_record(
            actor=None,
            action=AuditAction.UPDATE,
            target=free,
            old=old,
            new=model_snapshot(free, SUBSCRIPTION_AUDIT_FIELDS),
        )
