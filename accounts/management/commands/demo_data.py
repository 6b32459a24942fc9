"""`manage.py demo_data`: the local demo accounts that `make run` loads.

Idempotent: every row is looked up by its natural key (email, role name, the provider's
user) before it is created, so a second run creates nothing and prints the same logins.
Accounts, roles, grants, provider KYC cases and their documents go through the services
(which validate and audit them) and the factories shared with the tests; only the two
staff accounts are bootstrapped by the user factory, as `createsuperuser` would, since
no service hands out staff status.

The passwords are fixed, published development-only strings. The command refuses to run
unless DEBUG is on, or `--force` is given.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.choices import KycDocumentSide, KycDocumentType, PermissionName, RoleName
from accounts.models import KycVerification, Permission, Role, RolePermission, User, UserRole
from accounts.services.kyc import (
    kyc_document_add,
    kyc_verification_start,
    kyc_verification_submit,
)
from accounts.services.preferences import user_settings_get_or_create
from accounts.services.rbac import role_create, role_permission_grant, user_role_grant
from accounts.services.users import user_create
from doggy.choices import FilePurpose, ScanStatus
from doggy.services import stored_file_create, stored_file_mark_scanned
from tests.accounts.factories import ServiceProviderFactory, UserFactory

ADMIN_URL = "http://127.0.0.1:8000/admin/"
# Development-only credentials, printed by the command and listed in the README.
SUPERUSER_EMAIL = "admin@doggy.local"
SUPERUSER_PASSWORD = "Demo-Admin-Only-42"  # noqa: S105 - published demo login
REVIEWER_EMAIL = "reviewer@doggy.local"
REVIEWER_PASSWORD = "Demo-Reviewer-Only-42"  # noqa: S105 - published demo login
OWNER_PASSWORD = "Demo-Owner-Only-42"  # noqa: S105 - published demo login
PROVIDER_PASSWORD = "Demo-Provider-Only-42"  # noqa: S105 - published demo login

# A dedicated least-privilege role for KYC reviewers rather than the seeded Admin role.
REVIEWER_ROLE = "KycReviewer"
REVIEWER_ROLE_LEVEL = 5
REVIEWER_PERMISSIONS = (PermissionName.KYC_REVIEW, PermissionName.USERS_VIEW)


@dataclass(frozen=True)
class DemoPerson:
    email: str
    first_name: str
    last_name: str


PET_OWNERS = (
    DemoPerson("owner1@doggy.local", "Olivia", "Barker"),
    DemoPerson("owner2@doggy.local", "Noah", "Whitfield"),
    DemoPerson("owner3@doggy.local", "Amelia", "Hart"),
)


@dataclass(frozen=True)
class DemoProvider(DemoPerson):
    business_name: str
    description: str


PROVIDERS = (
    DemoProvider(
        "provider1@doggy.local",
        "Liam",
        "Fletcher",
        "Happy Tails Walking",
        "Group and solo dog walks around the park.",
    ),
    DemoProvider(
        "provider2@doggy.local",
        "Sophia",
        "Grant",
        "Paws & Relax Sitting",
        "Home visits and overnight pet sitting.",
    ),
    DemoProvider(
        "provider3@doggy.local",
        "Mason",
        "Reed",
        "Fresh Fur Grooming",
        "Mobile grooming van for all breeds.",
    ),
)


# --- Generated document bytes ---------------------------------------------------------------


def demo_png(rgb: tuple[int, int, int], size: int = 16) -> bytes:
    """A valid, solid-colour PNG of `size` × `size` pixels."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * size))
        + chunk(b"IEND", b"")
    )


def demo_pdf(text: str) -> bytes:
    """A valid one-page PDF showing `text` (ASCII), with a correct cross-reference table."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 18 Tf 72 720 Td ({safe}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- The command -----------------------------------------------------------------------------


class Command(BaseCommand):
    help = (
        "Load demo accounts for local development (idempotent): a superuser, a KYC "
        "reviewer, three pet owners and three providers with KYC cases waiting for review. "
        "Prints the admin URL and every demo login. Refuses to run unless DEBUG is on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. The demo passwords are public: never use "
            "this on a server that others can reach.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "demo_data creates accounts with published passwords, so it runs only with "
                "DEBUG on. Pass --force to run it anyway (never on a reachable server)."
            )
        self._check_seed()
        self.created: list[str] = []
        admin = self._superuser()
        role = self._reviewer_role(admin)
        self._reviewer(admin, role)
        for person in PET_OWNERS:
            self._account(admin, person, password=OWNER_PASSWORD, role_name=RoleName.PET_OWNER)
        for provider in PROVIDERS:
            self._provider(admin, provider)
        self._report()

    # -- steps ----------------------------------------------------------------------------------
    def _check_seed(self) -> None:
        missing_roles = {RoleName.PET_OWNER, RoleName.SERVICE_PROVIDER} - set(
            Role.objects.values_list("name", flat=True)
        )
        missing_permissions = set(REVIEWER_PERMISSIONS) - set(
            Permission.objects.filter(name__in=REVIEWER_PERMISSIONS).values_list("name", flat=True)
        )
        if missing_roles or missing_permissions:
            raise CommandError(
                "The RBAC seed rows are missing "
                f"({', '.join(sorted(missing_roles | missing_permissions))}); "
                "run `manage.py migrate` first."
            )

    @transaction.atomic
    def _superuser(self) -> User:
        admin = User.objects.filter(email=SUPERUSER_EMAIL).first()
        if admin is None:
            admin = UserFactory(
                email=SUPERUSER_EMAIL,
                first_name="Ada",
                last_name="Admin",
                is_staff=True,
                is_superuser=True,
                password=SUPERUSER_PASSWORD,
            )
            user_settings_get_or_create(user=admin)
            self.created.append(SUPERUSER_EMAIL)
        return admin

    @transaction.atomic
    def _reviewer_role(self, admin: User) -> Role:
        role = Role.objects.filter(normalized_name=REVIEWER_ROLE.upper()).first()
        if role is None:
            role = role_create(
                actor=admin,
                name=REVIEWER_ROLE,
                level=REVIEWER_ROLE_LEVEL,
                description="Reviews KYC submissions in the admin.",
            )
            self.created.append(f"role {REVIEWER_ROLE}")
        for name in REVIEWER_PERMISSIONS:
            permission = Permission.objects.get(name=name)
            if not RolePermission.objects.filter(role=role, permission=permission).exists():
                role_permission_grant(actor=admin, role=role, permission=permission)
        return role

    @transaction.atomic
    def _reviewer(self, admin: User, role: Role) -> User:
        reviewer = User.objects.filter(email=REVIEWER_EMAIL).first()
        if reviewer is None:
            reviewer = UserFactory(
                email=REVIEWER_EMAIL,
                first_name="Riley",
                last_name="Moss",
                is_staff=True,
                password=REVIEWER_PASSWORD,
            )
            user_settings_get_or_create(user=reviewer)
            self.created.append(REVIEWER_EMAIL)
        if not UserRole.objects.effective().filter(user=reviewer, role=role).exists():
            user_role_grant(actor=admin, user=reviewer, role=role, notes="Demo data")
        return reviewer

    @transaction.atomic
    def _account(self, admin: User, person: DemoPerson, *, password: str, role_name: str) -> User:
        user = User.objects.filter(email=person.email).first()
        if user is None:
            user = user_create(
                actor=admin,
                email=person.email,
                password=password,
                first_name=person.first_name,
                last_name=person.last_name,
                role_name=role_name,
                email_confirmed=True,
            )
            self.created.append(person.email)
        return user

    @transaction.atomic
    def _provider(self, admin: User, person: DemoProvider) -> None:
        user = self._account(
            admin, person, password=PROVIDER_PASSWORD, role_name=RoleName.SERVICE_PROVIDER
        )
        provider = getattr(user, "service_provider", None)
        if provider is None:
            provider = ServiceProviderFactory(
                user=user, business_name=person.business_name, description=person.description
            )
        if KycVerification.objects.filter(user=user).exists():
            return
        case = kyc_verification_start(
            actor=user,
            service_provider=provider,
            legal_first_name=person.first_name,
            legal_last_name=person.last_name,
            country_code="GB",
        )
        slug = person.email.split("@")[0]
        documents = (
            (KycDocumentType.PASSPORT, f"{slug}-passport.png", demo_png((40, 90, 160))),
            (KycDocumentType.SELFIE, f"{slug}-selfie.png", demo_png((220, 170, 120))),
            (
                KycDocumentType.PROOF_OF_ADDRESS,
                f"{slug}-utility-bill.pdf",
                demo_pdf(f"Utility bill for {person.first_name} {person.last_name}"),
            ),
        )
        for document_type, file_name, content in documents:
            stored = stored_file_create(
                actor=user,
                uploaded_file=ContentFile(content, name=file_name),
                purpose=FilePurpose.KYC_DOCUMENT,
            )
            # No virus scanner runs locally; the generated bytes are known to be clean.
            stored_file_mark_scanned(file=stored, status=ScanStatus.CLEAN)
            kyc_document_add(
                actor=user,
                verification=case,
                document_type=document_type,
                side=KycDocumentSide.SINGLE,
                file=stored,
                issuing_country="GB",
                document_number="DEMO" + slug[-1] + "123",
            )
        kyc_verification_submit(actor=user, verification=case)
        self.created.append(f"KYC case of {person.email}")

    # -- output ---------------------------------------------------------------------------------
    def _report(self) -> None:
        write = self.stdout.write
        if self.created:
            write(f"Created: {', '.join(self.created)}.")
        else:
            write("Demo data already present; nothing created.")
        write("")
        write(f"Admin: {ADMIN_URL}")
        write("Demo logins (development only):")
        rows = [
            ("superuser", SUPERUSER_EMAIL, SUPERUSER_PASSWORD),
            (f"KYC reviewer ({REVIEWER_ROLE})", REVIEWER_EMAIL, REVIEWER_PASSWORD),
            *(("pet owner", p.email, OWNER_PASSWORD) for p in PET_OWNERS),
            *(("provider, KYC pending", p.email, PROVIDER_PASSWORD) for p in PROVIDERS),
        ]
        for label, email, password in rows:
            write(f"  {label:<28} {email:<24} {password}")
