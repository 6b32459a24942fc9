"""Writes of the billing app: subscribing to a plan and cancelling.

One live subscription per user is the database's rule (UX_UserSubs_User_Live, I-4);
the services check it first for a clear `subscription_exists` (409) and turn a lost race
on the constraint into the same answer. Payments arrive with plan 039: until then only
free plans can be subscribed to, and paid ones answer `payment_required` (402).
"""

from __future__ import annotations

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError
from doggy.core.permissions import PermissionName, actor_may

from .choices import BillingInterval, PaymentProvider, PlanAudience, SubscriptionStatus
from .errors import BillingErrorCode
from .models import SubscriptionPlan, UserSubscription

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
