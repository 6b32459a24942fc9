"""Writes of the billing app: subscribing to a plan and cancelling, and the plan catalog.

One live subscription per user is the database's rule (UX_UserSubs_User_Live, I-4);
the services check it first for a clear `subscription_exists` (409) and turn a lost race
on the constraint into the same answer. Only free plans are subscribed to here; paid
ones answer `payment_required` (402), since a paid subscription starts at the payment
provider's checkout and arrives through the webhook inbox (billing/payment_services.py).
"""

from __future__ import annotations

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from audit.choices import AuditAction, Severity
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from doggy.core.permissions import PermissionName, actor_may
from doggy.core.updates import model_update

from .choices import BillingInterval, PaymentProvider, PlanAudience, SubscriptionStatus
from .errors import BillingErrorCode
from .models import PlanEntitlement, SubscriptionPlan, UserSubscription

AUDITED_FIELDS = (
    "user",
    "plan",
    "status",
    "current_period_start",
    "current_period_end",
    "cancel_at_period_end",
    "cancel_at",
    "canceled_at",
    "ended_at",
    "cancellation_reason",
    "payment_provider",
)
# Who may hold a plan of each audience (the plan's RBAC names).
_AUDIENCE_PERMISSION = {
    PlanAudience.PET_OWNER: PermissionName.SERVICES_BOOK,
    PlanAudience.SERVICE_PROVIDER: PermissionName.SERVICES_PROVIDE,
}


def add_billing_interval(
    start: datetime.datetime, interval: str, count: int = 1
) -> datetime.datetime:
    """`start` plus `count` intervals, the way Stripe advances a period.

    Months and years keep the day of the month, clamped to the month's last day
    (31 January + 1 month = 28 or 29 February).
    """
    if interval == BillingInterval.DAY:
        return start + datetime.timedelta(days=count)
    if interval == BillingInterval.WEEK:
        return start + datetime.timedelta(weeks=count)
    months = count * (12 if interval == BillingInterval.YEAR else 1)
    if interval not in (BillingInterval.MONTH, BillingInterval.YEAR):
        raise ValueError(f"Unknown billing interval {interval!r}.")
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day)


def _live_exists_error() -> ConflictError:
    return ConflictError(
        BillingErrorCode.SUBSCRIPTION_EXISTS,
        "You already have a subscription; cancel it before choosing another plan.",
    )


@transaction.atomic
def subscription_create(*, actor: User, plan: SubscriptionPlan) -> UserSubscription:
    """Subscribe the caller to `plan`.

    Refused, before anything is written, with `plan_not_found` (404) for an inactive or
    private plan, `plan_not_available` (403) when the plan's audience needs a permission
    the caller lacks (`services.book` for pet-owner plans, `services.provide` for
    provider plans), `subscription_exists` (409) while a live subscription exists, and
    `payment_required` (402) for a paid plan. A free plan is `active` at once, for one
    billing period from now, recorded as a `Manual` subscription (no payment provider).
    """
    if not (plan.is_active and plan.is_public):
        raise NotFoundError(BillingErrorCode.PLAN_NOT_FOUND, "Plan not found.")
    if not actor_may(actor, _AUDIENCE_PERMISSION[plan.audience]):
        raise PermissionDeniedError(
            BillingErrorCode.PLAN_NOT_AVAILABLE, "This plan is not available to your account."
        )
    if UserSubscription.objects.live().filter(user_id=actor.pk).exists():
        raise _live_exists_error()
    if not plan.is_free:
        raise ApplicationError(
            BillingErrorCode.PAYMENT_REQUIRED,
            "Paid plans cannot be subscribed to yet; choose a free plan.",
            status_code=402,
        )
    now = timezone.now()
    subscription = UserSubscription(
        user=actor,
        plan=plan,
        status=SubscriptionStatus.ACTIVE,
        started_at=now,
        current_period_start=now,
        current_period_end=add_billing_interval(now, plan.billing_interval, plan.interval_count),
        payment_provider=PaymentProvider.MANUAL,
    )
    try:
        subscription.full_clean(exclude=["user", "plan"])
    except ValidationError as exc:  # pragma: no cover - every value above is valid
        raise ApplicationError(BillingErrorCode.INVALID, str(exc)) from None
    try:
        with transaction.atomic():
            subscription.save(force_insert=True)
    except IntegrityError:
        # A concurrent request won the race on UX_UserSubs_User_Live.
        raise _live_exists_error() from None
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=subscription,
        new=model_snapshot(subscription, AUDITED_FIELDS),
    )
    return subscription


@transaction.atomic
def subscription_cancel(
    *,
    actor: User,
    subscription: UserSubscription,
    at_period_end: bool = True,
    reason: str = "",
) -> UserSubscription:
    """Cancel a live subscription (its owner, or platform staff).

    `at_period_end=True` keeps it live until `CurrentPeriodEnd` (Stripe's
    `cancel_at_period_end`): `CancelAt` is set and the renewal sweep ends it then;
    asking again changes nothing. `at_period_end=False`, or a subscription without a
    period end, ends it now (`canceled`, `CanceledAt` = `EndedAt` = now).
    """
    if subscription.user_id != actor.pk and not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise NotFoundError(BillingErrorCode.SUBSCRIPTION_NOT_FOUND, "Subscription not found.")
    if len(reason) > 200:
        message = "Ensure this field has no more than 200 characters."
        raise ApplicationError(BillingErrorCode.INVALID, message, fields={"reason": [message]})
    locked = UserSubscription.objects.select_for_update().get(pk=subscription.pk)
    if not locked.is_live:
        raise ConflictError(
            BillingErrorCode.SUBSCRIPTION_NOT_LIVE, "This subscription has already ended."
        )
    old = model_snapshot(locked, AUDITED_FIELDS)
    now = timezone.now()
    if at_period_end and locked.current_period_end is not None:
        if locked.cancel_at_period_end:
            return locked
        locked.cancel_at_period_end = True
        locked.cancel_at = locked.current_period_end
        locked.canceled_at = now
    else:
        locked.status = SubscriptionStatus.CANCELED
        locked.cancel_at_period_end = False
        locked.cancel_at = None
        locked.canceled_at = now
        locked.ended_at = now
    locked.cancellation_reason = reason
    new = model_snapshot(locked, AUDITED_FIELDS)
    changed = [name for name in new if new[name] != old[name]]
    locked.save(update_fields=[*changed, "updated_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=locked,
        old={k: old[k] for k in changed},
        new={k: new[k] for k in changed},
    )
    return locked


# --- The plan catalog (staff) ---------------------------------------------------------------

# The columns of a plan that staff edit; `created_at`/`updated_at` are the database's.
PLAN_FIELDS = (
    "code",
    "name",
    "description",
    "audience",
    "marketing_features",
    "price",
    "currency",
    "billing_interval",
    "interval_count",
    "trial_period_days",
    "is_active",
    "is_public",
    "sort_order",
    "provider_product_id",
    "provider_price_id",
)
ENTITLEMENT_FIELDS = ("feature_key", "is_enabled", "limit_value")


def _check_may_edit_catalog(actor: User) -> None:
    if not actor_may(actor, PermissionName.SYSTEM_ADMIN):
        raise PermissionDeniedError(
            BillingErrorCode.PERMISSION_DENIED, "Only platform admins edit the plan catalog."
        )


def _catalog_validation_error(exc: ValidationError) -> ApplicationError:
    """Django's `ValidationError` as a 400 `ApplicationError` with the fields it names."""
    if hasattr(exc, "error_dict"):
        fields = {name: [str(m) for m in msgs] for name, msgs in exc.message_dict.items()}
    else:
        fields = {"non_field_errors": [str(m) for m in exc.messages]}
    first = next(iter(fields.values()))[0] if fields else "Invalid input."
    return ApplicationError(BillingErrorCode.INVALID, first, fields=fields)


def _catalog_conflict(what: str) -> ConflictError:
    return ConflictError(
        BillingErrorCode.CATALOG_CONFLICT, f"This {what} conflicts with another one."
    )


def _normalise_plan(changes: dict) -> dict:
    changes = dict(changes)
    if changes.get("currency"):
        changes["currency"] = changes["currency"].upper()
    for name in ("provider_product_id", "provider_price_id"):
        # Blank payment-provider ids are "none yet" (NULL), so the unique index ignores them.
        if name in changes and not changes[name]:
            changes[name] = None
    return changes


def _save_new(instance, what: str) -> None:
    try:
        instance.full_clean()
    except ValidationError as exc:
        raise _catalog_validation_error(exc) from None
    try:
        with transaction.atomic():
            instance.save(force_insert=True)
    except IntegrityError:
        # The validation above passed, so a concurrent write took the unique value.
        raise _catalog_conflict(what) from None


@transaction.atomic
def plan_create(*, actor: User, code: str, name: str, audience: str, **fields) -> SubscriptionPlan:
    """Add a plan to the catalog (holders of `system.admin`); audited."""
    _check_may_edit_catalog(actor)
    values = _normalise_plan({"code": code, "name": name, "audience": audience, **fields})
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"Not editable on a plan: {sorted(unknown)}")
    plan = SubscriptionPlan(**values)
    _save_new(plan, "plan")
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=plan,
        new=model_snapshot(plan, PLAN_FIELDS),
    )
    return plan


@transaction.atomic
def plan_update(*, actor: User, plan: SubscriptionPlan, **changes) -> SubscriptionPlan:
    """Edit a plan's columns (PLAN_FIELDS); the row is locked first, the change audited.

    Existing subscriptions keep their period; a new price applies from their next one.
    """
    _check_may_edit_catalog(actor)
    locked = SubscriptionPlan.objects.select_for_update().get(pk=plan.pk)
    model_update(
        locked,
        actor=actor,
        changes=_normalise_plan(changes),
        allowed=PLAN_FIELDS,
        validation_error=_catalog_validation_error,
        conflict_error=lambda exc: _catalog_conflict("plan"),
    )
    return locked


@transaction.atomic
def plan_entitlement_create(
    *, actor: User, plan: SubscriptionPlan, feature_key: str, **fields
) -> PlanEntitlement:
    """Add a feature limit to a plan (one row per feature: UX_PlanEntitlements_Plan_Key)."""
    _check_may_edit_catalog(actor)
    unknown = set(fields) - set(ENTITLEMENT_FIELDS)
    if unknown:
        raise TypeError(f"Not editable on an entitlement: {sorted(unknown)}")
    entitlement = PlanEntitlement(plan=plan, feature_key=feature_key, **fields)
    _save_new(entitlement, "entitlement")
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=entitlement,
        new=model_snapshot(entitlement, ("plan", *ENTITLEMENT_FIELDS)),
    )
    return entitlement


@transaction.atomic
def plan_entitlement_update(
    *, actor: User, entitlement: PlanEntitlement, **changes
) -> PlanEntitlement:
    """Edit a feature limit of a plan; audited."""
    _check_may_edit_catalog(actor)
    locked = PlanEntitlement.objects.select_for_update().get(pk=entitlement.pk)
    model_update(
        locked,
        actor=actor,
        changes=changes,
        allowed=ENTITLEMENT_FIELDS,
        validation_error=_catalog_validation_error,
        conflict_error=lambda exc: _catalog_conflict("entitlement"),
    )
    return locked


@transaction.atomic
def plan_entitlement_delete(*, actor: User, entitlement: PlanEntitlement) -> None:
    """Remove a feature limit from a plan; audited with the removed values."""
    _check_may_edit_catalog(actor)
    pk = entitlement.pk
    old = model_snapshot(entitlement, ("plan", *ENTITLEMENT_FIELDS))
    PlanEntitlement.objects.filter(pk=pk).delete()
    audit_log_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=entitlement,
        entity_id=pk,
        old=old,
        severity=Severity.WARNING,
    )
