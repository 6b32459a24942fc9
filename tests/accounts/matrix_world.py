"""The objects the accounts, audit and platform matrices point at, created on first use."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import pytest

from accounts.choices import AccountStatus, CredentialType, KycDocumentType
from accounts.models import Role
from accounts.services.authentication import (
    email_verification_tokens,
    link_token_make,
    password_reset_tokens,
)
from accounts.services.credentials import credential_submit
from accounts.services.kyc import (
    kyc_document_add,
    kyc_verification_start,
    kyc_verification_submit,
)
from audit.models import AuditLog
from doggy.choices import FilePurpose
from doggy.models import SystemSetting
from tests.callers import bearer_client, make_user
from tests.doggy.factories import StoredFileFactory
from tests.matrix import PermissionMatrix

CALLERS = ("anonymous", "owner", "other_owner", "provider_user", "kyc_reviewer", "rbac_admin")


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(CALLERS, status)


def signed_in(status: int) -> dict[str, int]:
    return {**everyone(status), "anonymous": 401}


def only(callers: tuple[str, ...], status: int, *, others: int = 403) -> dict[str, int]:
    return {**signed_in(others), **dict.fromkeys(callers, status)}


def owner_only(status: int, *, others: int = 404) -> dict[str, int]:
    """The owner's own object: the owner succeeds, every other caller gets `others`."""
    return {**signed_in(others), "owner": status}


PROVIDER = ("provider_user",)
REVIEWERS = ("kyc_reviewer", "rbac_admin")
ADMIN = ("rbac_admin",)


class World:
    """The objects the routes point at, created on first use."""

    def __init__(self, users: dict[str, Any], rbac: dict[str, Role]):
        self.users = users
        self.rbac = rbac

    @property
    def owner(self):
        return self.users["owner"]

    @property
    def provider(self):
        return self.users["provider_user"]

    @cached_property
    def owner_id(self) -> str:
        return self.owner.pk

    @cached_property
    def owner_other_session(self):
        return bearer_client(self.owner).issued.session.pk

    @cached_property
    def owner_refresh_token(self) -> str:
        return bearer_client(self.owner).issued.refresh_token

    @cached_property
    def reset_token(self) -> str:
        return link_token_make(self.owner, password_reset_tokens)

    @cached_property
    def verification_token(self) -> str:
        pending = make_user(
            self.rbac,
            "PetOwner",
            email="pending@example.com",
            account_status=AccountStatus.PENDING,
            email_confirmed=False,
        )
        return link_token_make(pending, email_verification_tokens)

    @cached_property
    def suspended_user_id(self) -> str:
        return make_user(
            self.rbac, "PetOwner", email="held@example.com", account_status=AccountStatus.SUSPENDED
        ).pk

    @cached_property
    def support_role_id(self) -> int:
        return Role.objects.create(name="Support", level=3).pk

    @cached_property
    def pet_owner_role_id(self) -> int:
        return self.rbac["PetOwner"].pk

    @cached_property
    def admin_role_id(self) -> int:
        return self.rbac["Admin"].pk

    @cached_property
    def setting_key(self) -> str:
        row, _ = SystemSetting.objects.update_or_create(
            setting_key="Calendar.BookingAdvanceDays",
            defaults={
                "setting_value": "30",
                "data_type": "Integer",
                "category": "Calendar",
                "is_user_editable": True,
            },
        )
        return row.setting_key

    @cached_property
    def audit_log_id(self):
        return AuditLog.objects.create(action="Create", entity_type="accounts.User").pk

    @cached_property
    def provider_credential_id(self):
        document = StoredFileFactory(owner=self.provider, purpose=FilePurpose.CREDENTIAL_DOCUMENT)
        return credential_submit(
            actor=self.provider, credential_type=CredentialType.BONDING, file=document
        ).pk

    @cached_property
    def provider_case(self):
        return kyc_verification_start(
            actor=self.provider, service_provider=self.provider.service_provider
        )

    @cached_property
    def provider_case_id(self):
        return self.provider_case.pk

    @cached_property
    def documented_case_id(self):
        case = self.provider_case
        for document_type in (KycDocumentType.PASSPORT, KycDocumentType.SELFIE):
            stored = StoredFileFactory(owner=self.provider, purpose=FilePurpose.KYC_DOCUMENT)
            kyc_document_add(
                actor=self.provider, verification=case, document_type=document_type, file=stored
            )
        return case.pk

    @cached_property
    def submitted_case_id(self):
        case_id = self.documented_case_id
        kyc_verification_submit(actor=self.provider, verification=self.provider_case)
        return case_id


class WorldMatrix(PermissionMatrix):
    """A matrix over `World`: the callers above, paths filled from the world's attributes."""

    callers = CALLERS

    @pytest.fixture(autouse=True)
    def _file_scanner(self, settings, monkeypatch):
        # KYC uploads pass a scan that trusts them; after-commit work (the scan) runs at
        # once, since a test's transaction never commits.
        settings.DOGGY_FILE_SCANNER = "doggy.scanning.trust_uploads"
        monkeypatch.setattr("doggy.core.tasks.on_commit", lambda func, using=None: func())

    def build_world(self, request, users):
        return World(users, request.getfixturevalue("rbac"))

    def path_values(self, world):
        return _Lazy(world)


class _Lazy(dict):
    """Looks placeholders up on the world, creating only the objects a path needs."""

    def __init__(self, world: World):
        super().__init__()
        self.world = world

    def __missing__(self, name: str):
        return getattr(self.world, name)
