"""Reads of provider verification (plan 038): credentials, the review queue, currency.

A provider reads only their own credentials; the review queue needs `kyc.review` and
never shows a reviewer their own. `provider_requirements_met` is everything of the
`IsVerified` derivation beyond KYC (SCHEMA.md 2.38, A19): every required credential
current (`provider_credentials_missing`) and, while the setting
`Verification.BackgroundCheckRequired` is on, a clear background check
(`provider_background_check_clear`).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from doggy.core.errors import NotFoundError, PermissionDeniedError
from doggy.core.permissions import actor_may
from doggy.selectors import setting_bool

from .choices import (
    BackgroundCheckResult,
    BackgroundCheckStatus,
    CredentialStatus,
    KycStatus,
    PermissionName,
)
from .credential_errors import CredentialErrorCode
from .models import (
    BackgroundCheck,
    KycVerification,
    ProviderCredential,
    ProviderCredentialType,
    ServiceProvider,
    User,
)


def credential_list(*, actor: User) -> QuerySet[ProviderCredential]:
    """The caller's own credentials (as a provider), newest first (IX_ProvCreds_Provider_Status)."""
    return (
        ProviderCredential.objects.filter(provider__user_id=actor.pk)
        .select_related("file")
        .order_by("-created_at", "id")
    )


def credential_get(*, actor: User, credential_id: Any) -> ProviderCredential:
    """One of the caller's own credentials; anyone else's answers 404 as if absent."""
    credential = credential_list(actor=actor).filter(pk=credential_id).first()
    if credential is None:
        raise NotFoundError(CredentialErrorCode.CREDENTIAL_NOT_FOUND, "Credential not found.")
    return credential


def credential_actor_is_reviewer(*, actor: User | None) -> bool:
    return actor_may(actor, PermissionName.KYC_REVIEW)


def credential_review_queue(*, actor: User) -> QuerySet[ProviderCredential]:
    """Pending credentials, oldest first; a reviewer never sees their own."""
    if not credential_actor_is_reviewer(actor=actor):
        raise PermissionDeniedError(
            CredentialErrorCode.PERMISSION_DENIED, "Reviewing credentials needs kyc.review."
        )
    return (
        ProviderCredential.objects.filter(status=CredentialStatus.PENDING)
        .exclude(provider__user_id=actor.pk)
        .select_related("provider__user", "file")
        .order_by("created_at", "id")
    )


def provider_required_credential_types(*, provider: ServiceProvider) -> set[str]:
    """The credential codes `provider` must hold: those required of every provider and
    those required for a category the provider offers (an active offering)."""
    rows = ProviderCredentialType.objects.filter(is_required=True).filter(
        Q(category__isnull=True)
        | Q(category__offerings__provider_id=provider.pk, category__offerings__is_active=True)
    )
    return set(rows.values_list("code", flat=True).distinct())


def credential_is_current_q(today: datetime.date | None = None) -> Q:
    """A credential that counts: verified and not past its expiry date."""
    today = today or timezone.now().date()
    return Q(status=CredentialStatus.VERIFIED) & (
        Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    )


def provider_credentials_missing(
    *, provider: ServiceProvider, today: datetime.date | None = None
) -> set[str]:
    """The required credential codes the provider holds no current credential of."""
    required = provider_required_credential_types(provider=provider)
    if not required:
        return set()
    current = set(
        ProviderCredential.objects.filter(
            credential_is_current_q(today), provider_id=provider.pk, credential_type__in=required
        ).values_list("credential_type", flat=True)
    )
    return required - current


BACKGROUND_CHECK_REQUIRED_SETTING = "Verification.BackgroundCheckRequired"


def background_check_required() -> bool:
    """Whether `IsVerified` needs a clear background check (off unless the setting is)."""
    return bool(setting_bool(BACKGROUND_CHECK_REQUIRED_SETTING, False))


def provider_latest_background_check(*, provider: ServiceProvider) -> BackgroundCheck | None:
    """The provider's most recently requested check (IX_BgChecks_Provider)."""
    return (
        BackgroundCheck.objects.filter(provider_id=provider.pk)
        .order_by("-requested_at", "-id")
        .first()
    )


def background_check_is_clear(check: BackgroundCheck | None, now=None) -> bool:
    """A complete report whose result is `clear` and whose re-check date has not passed."""
    now = now or timezone.now()
    return (
        check is not None
        and check.status == BackgroundCheckStatus.COMPLETE
        and check.result == BackgroundCheckResult.CLEAR
        and (check.expires_at is None or check.expires_at > now)
    )


def provider_background_check_clear(*, provider: ServiceProvider) -> bool:
    """The provider's latest background check is clear (SCHEMA 2.38: "latest Result")."""
    return background_check_is_clear(provider_latest_background_check(provider=provider))


def provider_requirements_met(*, provider: ServiceProvider) -> bool:
    """Every required credential current and, where required, a clear background check:
    the `IsVerified` derivation apart from KYC."""
    if provider_credentials_missing(provider=provider):
        return False
    return not background_check_required() or provider_background_check_clear(provider=provider)


def provider_of(actor: User) -> ServiceProvider:
    """The caller's provider profile; a caller without one is refused (403)."""
    provider = ServiceProvider.objects.filter(user_id=actor.pk).first()
    if provider is None:
        raise PermissionDeniedError(
            CredentialErrorCode.CREDENTIAL_NOT_A_PROVIDER,
            "Only a service provider has credentials.",
        )
    return provider


def provider_kyc_approved(*, provider: ServiceProvider) -> bool:
    """The person behind the profile holds an approved, unexpired KYC case."""
    return (
        KycVerification.objects.filter(user_id=provider.user_id, status=KycStatus.APPROVED)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .exists()
    )
