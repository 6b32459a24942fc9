"""The billing admin: the plan catalog and its entitlements are saved through the services."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AuditLog
from billing.choices import SubscriptionStatus
from billing.errors import BillingErrorCode
from billing.models import PlanEntitlement, SubscriptionPlan, UserSubscription
from billing.services import plan_create, plan_update
from doggy.core.errors import ApplicationError, PermissionDeniedError
from tests.billing.factories import (
    PlanEntitlementFactory,
    SubscriptionPlanFactory,
    UserSubscriptionFactory,
    free_plan,
)

pytestmark = pytest.mark.django_db

INLINE = "entitlements"


@pytest.fixture
def staff_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _plan_form(plan: SubscriptionPlan | None = None, rows=(), **overrides) -> dict[str, str]:
    """The add/change form of a plan with its entitlement inline (`rows`: existing rows
    as (entitlement or None, feature_key, limit, delete))."""
    data = {
        "code": plan.code if plan else "walker_pro",
        "name": plan.name if plan else "Walker Pro",
        "description": "",
        "audience": plan.audience if plan else "PetOwner",
        "marketing_features": "[]",
        "price": str(plan.price) if plan else "0.00",
        "currency": plan.currency if plan else "USD",
        "billing_interval": plan.billing_interval if plan else "month",
        "interval_count": "1",
        "trial_period_days": "0",
        "is_active": "on",
        "is_public": "on",
        "sort_order": str(plan.sort_order) if plan else "5",
        "provider_product_id": "",
        "provider_price_id": "",
    }
    initial = sum(1 for row in rows if row[0] is not None)
    data.update(
        {
            f"{INLINE}-TOTAL_FORMS": str(len(rows)),
            f"{INLINE}-INITIAL_FORMS": str(initial),
            f"{INLINE}-MIN_NUM_FORMS": "0",
            f"{INLINE}-MAX_NUM_FORMS": "1000",
        }
    )
    for index, (entitlement, feature_key, limit, delete) in enumerate(rows):
        prefix = f"{INLINE}-{index}"
        data[f"{prefix}-feature_key"] = feature_key
        data[f"{prefix}-is_enabled"] = "on"
        data[f"{prefix}-limit_value"] = "" if limit is None else str(limit)
        if entitlement is not None:
            data[f"{prefix}-id"] = str(entitlement.pk)
            data[f"{prefix}-plan"] = str(entitlement.plan_id)
        if delete:
            data[f"{prefix}-DELETE"] = "on"
    data.update(overrides)
    return data


def _form_errors(response) -> object:
    context = getattr(response, "context", None) or {}
    form = context.get("adminform")
    return (form.form.errors if form else None, context.get("inline_admin_formsets"))


def _new_audit_rows(seen: set) -> list[AuditLog]:
    return list(AuditLog.objects.exclude(pk__in=seen).order_by("timestamp", "pk"))


def test_plan_add_goes_through_the_service(staff_client):
    # given
    seen = set(AuditLog.objects.values_list("pk", flat=True))

    # when: a new plan with one entitlement
    response = staff_client.post(
        _url(SubscriptionPlan, "add"),
        _plan_form(rows=[(None, "ai.daily_requests", 50, False)], currency="EUR"),
    )

    # then: the services wrote the rows and one Create audit row per object
    assert response.status_code == 302, _form_errors(response)
    plan = SubscriptionPlan.objects.get(code="walker_pro")
    assert plan.currency == "EUR"
    assert list(plan.entitlements.values_list("feature_key", "limit_value")) == [
        ("ai.daily_requests", 50)
    ]
    rows = _new_audit_rows(seen)
    assert [(row.action, row.entity_type) for row in rows] == [
        ("Create", "billing.SubscriptionPlan"),
        ("Create", "billing.PlanEntitlement"),
    ]
    assert rows[0].new_values["currency"] == "EUR"


def test_plan_change_audits_only_the_changed_columns(staff_client):
    # given
    plan = SubscriptionPlanFactory(code="walker_plus", name="Walker Plus")
    kept = PlanEntitlementFactory(plan=plan, feature_key="ai.daily_requests", limit_value=10)
    dropped = PlanEntitlementFactory(plan=plan, feature_key="messaging.threads", limit_value=3)
    seen = set(AuditLog.objects.values_list("pk", flat=True))

    # when: the name changes, one limit is raised and one is removed
    response = staff_client.post(
        _url(SubscriptionPlan, "change", plan.pk),
        _plan_form(
            plan,
            rows=[
                (kept, "ai.daily_requests", 20, False),
                (dropped, "messaging.threads", 3, True),
            ],
            name="Walker Plus 2",
        ),
    )

    # then
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.name == "Walker Plus 2"
    assert list(plan.entitlements.values_list("feature_key", "limit_value")) == [
        ("ai.daily_requests", 20)
    ]
    rows = _new_audit_rows(seen)
    assert sorted((row.action, row.entity_type, row.entity_id) for row in rows) == sorted(
        [
            ("Update", "billing.SubscriptionPlan", str(plan.pk)),
            ("Update", "billing.PlanEntitlement", str(kept.pk)),
            ("Delete", "billing.PlanEntitlement", str(dropped.pk)),
        ]
    )
    update = next(r for r in rows if r.entity_type == "billing.SubscriptionPlan")
    assert (update.old_values, update.new_values) == (
        {"name": "Walker Plus"},
        {"name": "Walker Plus 2"},
    )


def test_plan_admin_shows_the_services_refusal_on_the_form(staff_client):
    # given: a price id another plan holds (the form does not check the partial index)
    SubscriptionPlanFactory(code="taken", provider_price_id="price_123")
    seen = set(AuditLog.objects.values_list("pk", flat=True))

    # when
    response = staff_client.post(
        _url(SubscriptionPlan, "add"), _plan_form(provider_price_id="price_123")
    )

    # then: the form is shown again and nothing was written
    assert response.status_code == 200
    assert not SubscriptionPlan.objects.filter(code="walker_pro").exists()
    assert _new_audit_rows(seen) == []


def test_plan_create_normalises_and_audits(superuser):
    # when: the currency in lower case, blank payment-provider ids
    plan = plan_create(
        actor=superuser,
        code="walker_eu",
        name="Walker EU",
        audience="PetOwner",
        currency="eur",
        provider_price_id="",
    )

    # then
    plan.refresh_from_db()
    assert (plan.currency, plan.provider_price_id) == ("EUR", None)
    row = AuditLog.objects.get(entity_type="billing.SubscriptionPlan", entity_id=str(plan.pk))
    assert (row.action, row.new_values["code"], row.new_values["currency"]) == (
        "Create",
        "walker_eu",
        "EUR",
    )


def test_plan_services_refuse_callers_without_system_admin(owner):
    # given
    plan = SubscriptionPlanFactory(code="walker_plus", name="Walker Plus")

    # when / then
    with pytest.raises(PermissionDeniedError) as created:
        plan_create(actor=owner, code="mine", name="Mine", audience="PetOwner")
    with pytest.raises(PermissionDeniedError) as updated:
        plan_update(actor=owner, plan=plan, name="Mine")
    assert (created.value.code, updated.value.code) == (
        BillingErrorCode.PERMISSION_DENIED.value,
        BillingErrorCode.PERMISSION_DENIED.value,
    )
    plan.refresh_from_db()
    assert plan.name == "Walker Plus"
    assert not SubscriptionPlan.objects.filter(code="mine").exists()


def test_plan_update_validates_and_restores_on_failure(superuser):
    # given
    plan = SubscriptionPlanFactory(code="walker_plus", price=Decimal("5.00"))

    # when
    with pytest.raises(ApplicationError) as raised:
        plan_update(actor=superuser, plan=plan, price=Decimal("-1.00"))

    # then
    assert (raised.value.code, list(raised.value.fields)) == (
        BillingErrorCode.INVALID.value,
        ["price"],
    )
    plan.refresh_from_db()
    assert plan.price == Decimal("5.00")
    assert not PlanEntitlement.objects.filter(plan=plan).exists()


def test_cancel_now_action_ends_the_subscription(staff_client, owner):
    # given
    subscription = UserSubscriptionFactory(user=owner, plan=free_plan())

    # when
    staff_client.post(
        _url(UserSubscription, "changelist"),
        {"action": "cancel_now_action", "_selected_action": [str(subscription.pk)]},
    )

    # then
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CANCELED
