"""Plan 039: the payment webhook inbox, with events signed exactly as Stripe signs them
(`Stripe-Signature: t=<unix time>,v1=<HMAC-SHA256 of "<t>.<body>" keyed by the secret>`)."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import time
from decimal import Decimal

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from audit.models import AuditLog
from billing.choices import (
    PaymentProvider,
    PaymentStatus,
    RefundStatus,
    SubscriptionStatus,
    WebhookProcessingStatus,
)
from billing.models import PaymentRecord, PaymentRefund, PaymentWebhookEvent, UserSubscription
from billing.payment_services import REDACTED, payment_webhook_process, payment_webhooks_retry
from doggy.models import BackgroundJobRun
from tests.billing.factories import (
    BillingCustomerFactory,
    PaymentRecordFactory,
    SubscriptionPlanFactory,
    UserSubscriptionFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/webhooks/payments/"
SECRET = "whsec_test_0123456789abcdef"  # noqa: S105 - a test signing secret


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.DOGGY_STRIPE_WEBHOOK_SECRET = SECRET


def sign(body: bytes, *, secret: str = SECRET, at: int | None = None) -> str:
    """The `Stripe-Signature` header Stripe sends for `body`."""
    timestamp = int(time.time()) if at is None else at
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def event(event_id: str, event_type: str, obj: dict, *, created: int) -> dict:
    return {
        "id": event_id,
        "object": "event",
        "type": event_type,
        "created": created,
        "livemode": False,
        "data": {"object": obj},
    }


def deliver(payload: dict, *, signature: str | None = None, body: bytes | None = None):
    body = json.dumps(payload).encode() if body is None else body
    return APIClient().post(
        URL,
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature if signature is not None else sign(body),
    )


def intent(payment: PaymentRecord, status: str, **extra) -> dict:
    return {
        "id": payment.provider_payment_id,
        "object": "payment_intent",
        "status": status,
        "amount": 1999,
        "currency": "usd",
        "metadata": {},
        **extra,
    }


@pytest.fixture
def payment():
    return PaymentRecordFactory(status=PaymentStatus.PROCESSING, paid_at=None, last_event_at=None)


def test_a_signed_event_is_stored_then_processed_after_commit(
    payment, django_capture_on_commit_callbacks
):
    # given a succeeded PaymentIntent whose charge carries card and personal details
    payload = event(
        "evt_1",
        "payment_intent.succeeded",
        intent(
            payment,
            "succeeded",
            latest_charge="ch_42",
            receipt_email="pat@example.com",
            payment_method_details={"card": {"last4": "4242", "exp_year": 2030}},
        ),
        created=1_800_000_000,
    )

    # when it is delivered, the processing only queued until the commit
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = deliver(payload)
    assert response.status_code == 200
    assert response.json() == {"received": True, "duplicate": False}
    stored = PaymentWebhookEvent.objects.get()
    assert (stored.event_id, stored.processing_status) == ("evt_1", WebhookProcessingStatus.PENDING)
    assert PaymentRecord.objects.get(pk=payment.pk).status == PaymentStatus.PROCESSING
    # and the payload keeps no personal or card details
    obj = stored.payload["data"]["object"]
    assert (obj["receipt_email"], obj["payment_method_details"]) == (REDACTED, REDACTED)
    assert stored.signature_valid is True

    # then, after the commit, the payment has succeeded
    for callback in queued:
        callback()
    payment.refresh_from_db()
    assert (payment.status, payment.provider_charge_id) == (PaymentStatus.SUCCEEDED, "ch_42")
    assert payment.paid_at is not None
    assert payment.last_event_at.timestamp() == 1_800_000_000
    stored.refresh_from_db()
    assert (stored.processing_status, stored.attempts) == (WebhookProcessingStatus.PROCESSED, 1)
    assert AuditLog.objects.filter(entity_id=str(payment.pk), user__isnull=True).count() == 1


@pytest.mark.parametrize(
    ("signature", "message"),
    [
        ("t=1,v1=" + "0" * 64, "The signature does not verify."),
        ("", "The signature does not verify."),
    ],
)
def test_a_bad_signature_is_refused_and_nothing_is_stored(payment, signature, message):
    payload = event("evt_bad", "payment_intent.succeeded", intent(payment, "succeeded"), created=1)
    response = deliver(payload, signature=signature)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "webhook_signature_invalid"
    assert response.json()["error"]["message"] == message
    assert PaymentWebhookEvent.objects.count() == 0


def test_a_signature_with_another_secret_or_outside_the_tolerance_is_refused(payment):
    payload = event("evt_old", "payment_intent.succeeded", intent(payment, "succeeded"), created=1)
    body = json.dumps(payload).encode()
    other = deliver(payload, body=body, signature=sign(body, secret="whsec_other"))  # noqa: S106
    stale = deliver(payload, body=body, signature=sign(body, at=int(time.time()) - 301))
    assert (other.status_code, stale.status_code) == (400, 400)
    assert PaymentWebhookEvent.objects.count() == 0


def test_without_a_secret_the_inbox_answers_503(settings, payment):
    settings.DOGGY_STRIPE_WEBHOOK_SECRET = ""
    payload = event("evt_x", "payment_intent.succeeded", intent(payment, "succeeded"), created=1)
    response = deliver(payload)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "webhook_not_configured"


def test_a_replayed_event_is_a_no_op(payment, django_capture_on_commit_callbacks):
    payload = event("evt_r", "payment_intent.succeeded", intent(payment, "succeeded"), created=5)
    with django_capture_on_commit_callbacks(execute=True):
        first = deliver(payload)
    audit_rows = AuditLog.objects.count()
    # when Stripe delivers the same event again (a new signature, the same body)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        again = deliver(payload)
    # then it is acknowledged, nothing is queued, stored or written again
    assert (first.json()["duplicate"], again.json()["duplicate"]) == (False, True)
    assert queued == []
    assert PaymentWebhookEvent.objects.count() == 1
    assert AuditLog.objects.count() == audit_rows
    assert PaymentWebhookEvent.objects.get().attempts == 1


def test_out_of_order_events_never_regress_the_payment(payment, django_capture_on_commit_callbacks):
    # given the succeeded event (t=200) arrives before the older processing one (t=100)
    newer = event("evt_new", "payment_intent.succeeded", intent(payment, "succeeded"), created=200)
    older = event(
        "evt_old", "payment_intent.processing", intent(payment, "processing"), created=100
    )
    # and a processing event stamped the same second as the success
    same = event(
        "evt_same", "payment_intent.processing", intent(payment, "processing"), created=200
    )
    with django_capture_on_commit_callbacks(execute=True):
        for payload in (newer, older, same):
            assert deliver(payload).status_code == 200

    # then the payment stays succeeded, stamped with the newest event's time
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED
    assert payment.last_event_at.timestamp() == 200
    assert set(PaymentWebhookEvent.objects.values_list("processing_status", flat=True)) == {
        WebhookProcessingStatus.PROCESSED
    }


def test_a_failed_then_retried_payment_succeeds(payment, django_capture_on_commit_callbacks):
    failed = event(
        "evt_f",
        "payment_intent.payment_failed",
        intent(
            payment,
            "requires_payment_method",
            last_payment_error={"code": "card_declined", "message": "Declined"},
        ),
        created=100,
    )
    succeeded = event(
        "evt_s", "payment_intent.succeeded", intent(payment, "succeeded"), created=150
    )
    with django_capture_on_commit_callbacks(execute=True):
        deliver(failed)
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "card_declined")
    with django_capture_on_commit_callbacks(execute=True):
        deliver(succeeded)
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.SUCCEEDED, "")


def test_refunds_accumulate_and_an_older_total_changes_nothing(
    payment, django_capture_on_commit_callbacks
):
    PaymentRecord.objects.filter(pk=payment.pk).update(status=PaymentStatus.SUCCEEDED)

    def charge(event_id, created, refunds, total):
        obj = {
            "id": "ch_1",
            "object": "charge",
            "payment_intent": payment.provider_payment_id,
            "amount_refunded": total,
            "refunds": {"data": refunds},
        }
        return event(event_id, "charge.refunded", obj, created=created)

    first = {"id": "re_1", "amount": 500, "status": "succeeded", "reason": "duplicate"}
    second = {"id": "re_2", "amount": 1499, "status": "succeeded", "reason": ""}
    with django_capture_on_commit_callbacks(execute=True):
        deliver(charge("evt_r2", 300, [first, second], 1999))
        deliver(charge("evt_r1", 200, [first], 500))  # older, arrives later

    payment.refresh_from_db()
    assert (payment.amount_refunded, payment.status) == (Decimal("19.99"), PaymentStatus.REFUNDED)
    assert set(PaymentRefund.objects.values_list("provider_refund_id", "status")) == {
        ("re_1", RefundStatus.SUCCEEDED),
        ("re_2", RefundStatus.SUCCEEDED),
    }


def test_an_event_about_nothing_we_keep_is_ignored(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        deliver(event("evt_i", "payment_intent.succeeded", {"id": "pi_unknown"}, created=1))
        deliver(event("evt_c", "customer.created", {"id": "cus_1"}, created=1))
    assert set(PaymentWebhookEvent.objects.values_list("processing_status", flat=True)) == {
        WebhookProcessingStatus.IGNORED
    }


def test_a_failed_processing_stays_in_the_inbox_and_is_retried(payment, monkeypatch):
    payload = event("evt_boom", "payment_intent.succeeded", intent(payment, "succeeded"), created=9)
    deliver(payload)  # the test's transaction never commits: processing is not run
    row = PaymentWebhookEvent.objects.get()

    def boom(*args):
        raise RuntimeError("database away")

    monkeypatch.setattr("billing.payment_services._apply_payment_intent", boom)
    assert payment_webhook_process(row.pk) == WebhookProcessingStatus.FAILED
    row.refresh_from_db()
    assert (row.processing_status, row.attempts, row.last_error) == (
        WebhookProcessingStatus.FAILED,
        1,
        "RuntimeError: database away",
    )
    monkeypatch.undo()
    out = io.StringIO()
    call_command("process_payment_webhooks", stdout=out)
    assert out.getvalue() == "1 webhook event(s) processed.\n"
    row.refresh_from_db()
    assert (row.processing_status, row.attempts) == (WebhookProcessingStatus.PROCESSED, 2)
    assert BackgroundJobRun.objects.get().items_processed == 1
    assert payment_webhooks_retry() == 0
    assert PaymentRecord.objects.get(pk=payment.pk).status == PaymentStatus.SUCCEEDED


# --- Subscriptions: a paid plan through the webhook ----------------------------------------------


def _subscription_obj(status: str, *, customer: str, price: str, start: int = 1_800_000_000):
    return {
        "id": "sub_1",
        "object": "subscription",
        "customer": customer,
        "status": status,
        "start_date": start,
        "cancel_at_period_end": False,
        "items": {
            "data": [
                {
                    "price": {"id": price},
                    "quantity": 1,
                    "current_period_start": start,
                    "current_period_end": start + 30 * 86400,
                }
            ]
        },
    }


def test_a_paid_subscription_arrives_by_webhook_and_replaces_the_free_one(
    django_capture_on_commit_callbacks,
):
    # given an owner on the free plan, known to Stripe as a customer
    customer = BillingCustomerFactory()
    free = UserSubscriptionFactory(user=customer.user)
    plan = SubscriptionPlanFactory(
        code="owner_plus", price=Decimal("4.99"), provider_price_id="price_plus"
    )
    created = event(
        "evt_sub1",
        "customer.subscription.created",
        _subscription_obj("incomplete", customer=customer.provider_customer_id, price="price_plus"),
        created=1_800_000_000,
    )
    active = event(
        "evt_sub2",
        "customer.subscription.updated",
        _subscription_obj("active", customer=customer.provider_customer_id, price="price_plus"),
        created=1_800_000_010,
    )

    # when the update arrives before the creation
    with django_capture_on_commit_callbacks(execute=True):
        deliver(active)
        deliver(created)

    # then the user holds the paid plan, active, and the free one has ended
    paid = UserSubscription.objects.get(provider_subscription_id="sub_1")
    assert (paid.user_id, paid.plan_id, paid.status, paid.payment_provider) == (
        customer.user_id,
        plan.pk,
        SubscriptionStatus.ACTIVE,
        PaymentProvider.STRIPE,
    )
    free.refresh_from_db()
    assert free.status == SubscriptionStatus.CANCELED
    assert UserSubscription.objects.live().filter(user=customer.user).count() == 1


# --- The figures --------------------------------------------------------------------------------


def test_webhook_figures(capsys, django_capture_on_commit_callbacks):
    """50 payments, each sent processing → succeeded, in reverse order, every event twice."""
    payments = [
        PaymentRecordFactory(status=PaymentStatus.PENDING, paid_at=None, last_event_at=None)
        for _ in range(50)
    ]
    deliveries = []
    for n, record in enumerate(payments):
        deliveries.append(
            event(f"evt_s{n}", "payment_intent.succeeded", intent(record, "succeeded"), created=20)
        )
        deliveries.append(
            event(
                f"evt_p{n}", "payment_intent.processing", intent(record, "processing"), created=10
            )
        )
    duplicates = 0
    with django_capture_on_commit_callbacks(execute=True):
        for payload in deliveries + deliveries:
            duplicates += deliver(payload).json()["duplicate"]
    statuses = set(PaymentRecord.objects.values_list("status", flat=True))
    assert statuses == {PaymentStatus.SUCCEEDED}
    assert PaymentWebhookEvent.objects.count() == 100
    assert duplicates == 100
    with capsys.disabled():
        print(
            f"\nwebhooks: {len(deliveries) * 2} deliveries, {PaymentWebhookEvent.objects.count()} "
            f"events stored, {duplicates} duplicates dropped, {len(payments)} out-of-order "
            f"events reconciled (processing after succeeded), 0 payments regressed"
        )


# --- Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 3])
def test_a_delivery_costs_the_same_queries_whatever_the_payload(
    size, django_assert_num_queries, django_capture_on_commit_callbacks
):
    refunds = [{"id": f"re_{n}", "amount": 1, "status": "pending"} for n in range(size)]
    payload = event(
        f"evt_q{size}",
        "charge.refunded",
        {"object": "charge", "payment_intent": "pi_x", "refunds": {"data": refunds}},
        created=1,
    )
    body = json.dumps(payload).encode()
    client = APIClient()
    # the maintenance-mode and feature-flag settings (one read of all of them, cached
    # afterwards), the service's transaction (a savepoint inside the test's), the look-up
    # by event id, and the insert in its own savepoint; processing runs after commit,
    # outside the request
    with django_assert_num_queries(7) as captured:
        response = client.post(
            URL, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=sign(body)
        )
    assert response.status_code == 200
    writes = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("INSERT")]
    assert len(writes) == 1
