"""Error codes of the billing app (plans and subscriptions).

Part of the API contract: add new codes, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum


class BillingErrorCode(Enum):
    INVALID = "invalid"
    PERMISSION_DENIED = "permission_denied"
    PLAN_NOT_FOUND = "plan_not_found"
    # The plan is for the other audience (a provider plan for a pet owner, or vice versa).
    PLAN_NOT_AVAILABLE = "plan_not_available"
    # Paid plans need the payment integration (plan 039); only free plans subscribe here.
    PAYMENT_REQUIRED = "payment_required"
    # I-4: one live subscription per user (UX_UserSubs_User_Live).
    SUBSCRIPTION_EXISTS = "subscription_exists"
    SUBSCRIPTION_NOT_FOUND = "subscription_not_found"
    SUBSCRIPTION_NOT_LIVE = "subscription_not_live"
    # A plan code, payment-provider price id or entitlement feature key taken concurrently.
    CATALOG_CONFLICT = "catalog_conflict"
    # Plan 039, the webhook inbox: a delivery whose signature does not verify (or is too
    # old), and an endpoint without its signing secret.
    WEBHOOK_SIGNATURE_INVALID = "webhook_signature_invalid"
    WEBHOOK_NOT_CONFIGURED = "webhook_not_configured"
    # Plan 040, the expense ledger.
    EXPENSE_NOT_FOUND = "expense_not_found"
    EXPENSE_CATEGORY_NOT_FOUND = "expense_category_not_found"
    # Plan 040: an owner's category whose name or slug is taken, or that expenses still use.
    EXPENSE_CATEGORY_EXISTS = "expense_category_exists"
    EXPENSE_CATEGORY_IN_USE = "expense_category_in_use"
    # Plan 040: an expense without a (servable) receipt.
    EXPENSE_RECEIPT_NOT_FOUND = "expense_receipt_not_found"
    # Plan 040, budgets: one per owner, period and category (or total; UX_ExpenseBudgets_*).
    BUDGET_NOT_FOUND = "budget_not_found"
    BUDGET_EXISTS = "budget_exists"
