"""Factories of the accounts app (shared by the tests and the demo data command)."""

from __future__ import annotations

import datetime
import hashlib
import secrets

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.choices import (
    BackgroundCheckStatus,
    BackgroundCheckVendor,
    CredentialStatus,
    CredentialType,
    KycDocumentSide,
    KycDocumentType,
    KycStatus,
)
from accounts.models import (
    BackgroundCheck,
    KycDocument,
    KycReviewEvent,
    KycVerification,
    LoginAttempt,
    Permission,
    ProviderCredential,
    ProviderCredentialType,
    Role,
    RolePermission,
    ServiceProvider,
    User,
    UserRole,
    UserSession,
    UserSettings,
)
from doggy.choices import FilePurpose

DEFAULT_PASSWORD = "correct-horse-battery-staple-42"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email_confirmed = True
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook
        if create:
            obj.save(update_fields=["password"])


class RoleFactory(DjangoModelFactory[Role]):
    class Meta:
        model = Role
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Role{n}")
    level = 1


class UserRoleFactory(DjangoModelFactory[UserRole]):
    class Meta:
        model = UserRole

    user = factory.SubFactory(UserFactory)
    role = factory.SubFactory(RoleFactory)
    assigned_by = factory.SelfAttribute("user")


class ServiceProviderFactory(DjangoModelFactory[ServiceProvider]):
    class Meta:
        model = ServiceProvider

    user = factory.SubFactory(UserFactory)
    business_name = factory.Faker("company")
    description = factory.Faker("sentence")


class PermissionFactory(DjangoModelFactory[Permission]):
    """A plan permission, got or created on its name (the seed may have made it already)."""

    class Meta:
        model = Permission
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"test.permission{n}")
    description = factory.LazyAttribute(lambda o: f"Test permission {o.name}")
    category = "Testing"
    is_system_permission = False


class RolePermissionFactory(DjangoModelFactory[RolePermission]):
    class Meta:
        model = RolePermission
        django_get_or_create = ("role", "permission")

    role = factory.SubFactory(RoleFactory)
    permission = factory.SubFactory(PermissionFactory)
    granted_by = None


class KycVerificationFactory(DjangoModelFactory[KycVerification]):
    """A KYC case in NotStarted; pass `status=` and the matching timestamps for others."""

    class Meta:
        model = KycVerification

    user = factory.SubFactory(UserFactory)
    status = KycStatus.NOT_STARTED
    legal_first_name = factory.LazyAttribute(lambda o: o.user.first_name or "Alex")
    legal_last_name = factory.LazyAttribute(lambda o: o.user.last_name or "Doe")
    country_code = "GB"
    attempt_number = 1


class KycReviewEventFactory(DjangoModelFactory[KycReviewEvent]):
    """The opening event of a case; transitions write their own through the services."""

    class Meta:
        model = KycReviewEvent

    verification = factory.SubFactory(KycVerificationFactory)
    from_status = None
    to_status = KycStatus.NOT_STARTED
    actor = factory.SelfAttribute("verification.user")
    comment = "opened"
    payload = factory.LazyFunction(lambda: {"source": "test", "items": [1, 2]})


class KycDocumentFactory(DjangoModelFactory[KycDocument]):
    """A passport page uploaded to a case; its file is a clean KYC upload of the applicant."""

    class Meta:
        model = KycDocument

    verification = factory.SubFactory(KycVerificationFactory)
    document_type = KycDocumentType.PASSPORT
    side = KycDocumentSide.SINGLE
    issuing_country = "GB"
    document_number_last4 = "1234"
    document_expires_on = factory.LazyFunction(
        lambda: timezone.now().date() + datetime.timedelta(days=3 * 365)
    )
    file = factory.SubFactory(
        "tests.doggy.factories.StoredFileFactory",
        purpose=FilePurpose.KYC_DOCUMENT,
        owner=factory.SelfAttribute("..verification.user"),
        original_file_name="document.jpg",
        content_type="image/jpeg",
    )


class UserSettingsFactory(DjangoModelFactory[UserSettings]):
    class Meta:
        model = UserSettings
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)


def _digest() -> str:
    return hashlib.sha256(secrets.token_bytes(32)).hexdigest()


class UserSessionFactory(DjangoModelFactory[UserSession]):
    """An active session row with random token digests (no usable plaintext token)."""

    class Meta:
        model = UserSession

    user = factory.SubFactory(UserFactory)
    session_token = factory.LazyFunction(_digest)
    refresh_token = factory.LazyFunction(_digest)
    token_prefix = factory.LazyFunction(lambda: secrets.token_urlsafe(12))
    created_at = factory.LazyFunction(timezone.now)
    last_activity_at = factory.LazyAttribute(lambda o: o.created_at)
    expires_at = factory.LazyAttribute(lambda o: o.created_at + datetime.timedelta(hours=12))
    ip_address = "203.0.113.10"
    user_agent = "pytest"


class LoginAttemptFactory(DjangoModelFactory[LoginAttempt]):
    class Meta:
        model = LoginAttempt

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    ip_address = "203.0.113.10"
    user_agent = "pytest"
    success = True
    failure_reason = None


# The seed of `accounts/0005_seed_rbac` (SCHEMA.md 2.2). Tests call `system_rbac()` to get
# or create it, so they pass with and without that data migration.
SYSTEM_ROLE_LEVELS = {"User": 1, "PetOwner": 2, "ServiceProvider": 2, "Admin": 10}
SYSTEM_PERMISSION_CATEGORIES = {
    "users.view": "User Management",
    "users.manage": "User Management",
    "services.book": "Service Booking",
    "services.provide": "Service Provision",
    "messaging.access": "Communication",
    "kyc.review": "Verification",
    "ai.access": "AI Features",
    "calendar.manage": "Calendar",
    "system.admin": "Administration",
}
SYSTEM_GRANTS = {
    "User": ["users.view"],
    "PetOwner": ["users.view", "services.book", "messaging.access", "ai.access"],
    "ServiceProvider": [
        "users.view",
        "services.provide",
        "messaging.access",
        "calendar.manage",
        "ai.access",
    ],
    "Admin": ["users.view", "users.manage", "kyc.review", "system.admin"],
}


def system_rbac() -> dict[str, Role]:
    """The four system roles with their seed permissions, by role name."""
    permissions = {
        name: PermissionFactory(name=name, category=category, is_system_permission=True)
        for name, category in SYSTEM_PERMISSION_CATEGORIES.items()
    }
    roles = {}
    for name, level in SYSTEM_ROLE_LEVELS.items():
        roles[name] = RoleFactory(name=name, level=level, is_system_role=True)
        for permission_name in SYSTEM_GRANTS[name]:
            RolePermissionFactory(role=roles[name], permission=permissions[permission_name])
    return roles


class ProviderCredentialTypeFactory(DjangoModelFactory[ProviderCredentialType]):
    """A credential type required for one service category (the all-provider rows are
    seeded)."""

    class Meta:
        model = ProviderCredentialType

    code = factory.Iterator(CredentialType.values)
    name = factory.LazyAttribute(lambda o: f"{o.code} for {o.category.slug}")
    is_required = True
    category = factory.SubFactory("tests.scheduling.factories.ServiceCategoryFactory")


class ProviderCredentialFactory(DjangoModelFactory[ProviderCredential]):
    """A verified liability insurance, current for another year, with its document."""

    class Meta:
        model = ProviderCredential

    provider = factory.SubFactory(ServiceProviderFactory)
    credential_type = CredentialType.LIABILITY_INSURANCE
    issuer = "Pet Insurers Ltd"
    credential_number = "4321"
    issued_on = factory.LazyFunction(lambda: timezone.now().date() - datetime.timedelta(days=30))
    expires_on = factory.LazyFunction(lambda: timezone.now().date() + datetime.timedelta(days=365))
    file = factory.SubFactory(
        "tests.doggy.factories.StoredFileFactory",
        purpose=FilePurpose.CREDENTIAL_DOCUMENT,
        owner=factory.SelfAttribute("..provider.user"),
        original_file_name="insurance.pdf",
        content_type="application/pdf",
    )
    status = CredentialStatus.VERIFIED
    verified_by = factory.SubFactory(UserFactory, is_staff=True)
    verified_at = factory.LazyFunction(timezone.now)


class BackgroundCheckFactory(DjangoModelFactory[BackgroundCheck]):
    """A Checkr report still pending."""

    class Meta:
        model = BackgroundCheck

    provider = factory.SubFactory(ServiceProviderFactory)
    vendor = BackgroundCheckVendor.CHECKR
    external_report_id = factory.Sequence(lambda n: f"rpt_{n:08d}")
    status = BackgroundCheckStatus.PENDING


def current_credentials(provider: ServiceProvider) -> list[ProviderCredential]:
    """A verified, current credential of every type required of `provider` (plan 038), so
    that a KYC approval makes it verified."""
    from accounts.credential_selectors import provider_required_credential_types

    return [
        ProviderCredentialFactory(provider=provider, credential_type=code)
        for code in sorted(provider_required_credential_types(provider=provider))
    ]
