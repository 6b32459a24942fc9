"""Users (ASP.NET Identity's columns, Django's auth columns, plan 001) and providers."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doggy.core.db import TimeStampedModel, UtcNow, uuid_primary_key

from ..choices import ACTIVE_ACCOUNT_STATUSES, AccountStatus, Gender, KycStatus
from ..hashers import identity_hash_looks_valid, identity_hash_verify
from ..validators import validate_iana_time_zone


def new_user_id() -> str:
    """ASP.NET Identity's user id: a GUID string in an NVARCHAR(450) key (SCHEMA.md D1)."""
    return str(uuid.uuid4())


class UserManager(DjangoUserManager):
    """Email is the login; there is no Django `username`."""

    use_in_migrations = False

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if extra_fields.get("is_staff") is not True or extra_fields.get("is_superuser") is not True:
            raise ValueError("A superuser needs is_staff=True and is_superuser=True.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email=(username or "").lower())


class User(AbstractUser):
    """A person who signs in: pet owner, provider, staff, or the system user.

    The table is ASP.NET Core Identity's `Users` (adoptable with `migrate --fake-initial`),
    with Django's auth columns added in `0002` and the plan's 001 profile columns in `0003`.
    `AccountStatus` is the source of truth for `is_active` (SCHEMA.md I-19); `email` is
    stored lower-case and is the login (D5).
    """

    # --- ASP.NET Core Identity (0001) ---------------------------------------------------
    id = models.CharField(
        primary_key=True, max_length=450, default=new_user_id, editable=False, db_column="Id"
    )
    username = None
    user_name = models.CharField(
        _("user name"), max_length=256, null=True, blank=True, db_column="UserName"
    )
    normalized_user_name = models.CharField(
        max_length=256, null=True, blank=True, editable=False, db_column="NormalizedUserName"
    )
    email = models.EmailField(_("email address"), max_length=256, unique=True, db_column="Email")
    normalized_email = models.CharField(
        max_length=256, null=True, blank=True, editable=False, db_column="NormalizedEmail"
    )
    email_confirmed = models.BooleanField(default=False, db_column="EmailConfirmed")
    password = models.CharField(_("password"), max_length=128, db_column="PasswordHash")
    security_stamp = models.TextField(null=True, blank=True, db_column="SecurityStamp")
    concurrency_stamp = models.TextField(null=True, blank=True, db_column="ConcurrencyStamp")
    phone_number = models.TextField(null=True, blank=True, db_column="PhoneNumber")
    phone_number_confirmed = models.BooleanField(default=False, db_column="PhoneNumberConfirmed")
    two_factor_enabled = models.BooleanField(default=False, db_column="TwoFactorEnabled")
    lockout_end = models.DateTimeField(null=True, blank=True, db_column="LockoutEnd")
    lockout_enabled = models.BooleanField(default=True, db_column="LockoutEnabled")
    access_failed_count = models.IntegerField(default=0, db_column="AccessFailedCount")

    # --- Django auth (0002) -------------------------------------------------------------
    last_login = models.DateTimeField(
        _("last login"), null=True, blank=True, db_column="LastLoginAt"
    )
    is_superuser = models.BooleanField(
        _("superuser status"),
        default=False,
        db_default=False,
        db_column="IsSuperuser",
        help_text=_("Has every Django admin permission without assigning them."),
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        db_default=False,
        db_column="IsStaff",
        help_text=_("Can sign in to the admin site."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        db_default=True,
        db_column="IsActive",
        help_text=_("Derived from the account status: Active and Pending accounts are active."),
    )
    date_joined = models.DateTimeField(
        _("date joined"), default=timezone.now, db_default=UtcNow(), db_column="CreatedAt"
    )

    # --- Plan 001: Enhanced User Management (0003) ------------------------------------
    first_name = models.CharField(
        _("first name"), max_length=100, null=True, blank=True, db_column="FirstName"
    )
    last_name = models.CharField(
        _("last name"), max_length=100, null=True, blank=True, db_column="LastName"
    )
    profile_image_url = models.URLField(
        max_length=500, null=True, blank=True, db_column="ProfileImageUrl"
    )
    date_of_birth = models.DateField(null=True, blank=True, db_column="DateOfBirth")
    gender = models.CharField(
        max_length=20, null=True, blank=True, choices=Gender.choices, db_column="Gender"
    )
    time_zone = models.CharField(
        max_length=50,
        default="UTC",
        db_default="UTC",
        validators=[validate_iana_time_zone],
        db_column="TimeZone",
    )
    preferred_language = models.CharField(
        max_length=10, default="en", db_default="en", db_column="PreferredLanguage"
    )
    is_email_notifications_enabled = models.BooleanField(
        default=True, db_default=True, db_column="IsEmailNotificationsEnabled"
    )
    is_sms_notifications_enabled = models.BooleanField(
        default=False, db_default=False, db_column="IsSmsNotificationsEnabled"
    )
    last_seen_at = models.DateTimeField(null=True, blank=True, db_column="LastSeenAt")
    account_status = models.CharField(
        max_length=20,
        choices=AccountStatus.choices,
        default=AccountStatus.ACTIVE,
        db_default=AccountStatus.ACTIVE,
        db_column="AccountStatus",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        db_table = "Users"
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        indexes = [
            models.Index(fields=["normalized_email"], name="EmailIndex"),
            models.Index(fields=["first_name", "last_name"], name="IX_Users_Name"),
            models.Index(fields=["-last_seen_at"], name="IX_Users_LastSeen"),
            models.Index(fields=["account_status"], name="IX_Users_AccountStatus"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["normalized_user_name"],
                name="UserNameIndex",
                condition=Q(normalized_user_name__isnull=False),
            ),
            models.CheckConstraint(
                condition=Q(account_status__in=AccountStatus.values),
                name="CK_Users_AccountStatus",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        self.normalized_email = self.email.upper() or None
        self.normalized_user_name = self.user_name.upper() if self.user_name else None
        self.is_active = self.account_status in ACTIVE_ACCOUNT_STATUSES
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            derived = {
                "account_status": "is_active",
                "email": "normalized_email",
                "user_name": "normalized_user_name",
            }
            extra = {derived[f] for f in update_fields if f in derived}
            kwargs["update_fields"] = list(set(update_fields) | extra)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.email = (self.email or "").strip().lower()

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p).strip()

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.first_name or self.email

    def check_password(self, raw_password) -> bool:
        """Django's check, plus the ASP.NET Core Identity hashes of an adopted database.

        An adopted `PasswordHash` has no `algorithm$` prefix, so no Django hasher claims
        it. It is verified in Identity's PBKDF2 format (V2 or V3, `accounts.hashers`) and,
        on success, replaced by a hash from the first of `PASSWORD_HASHERS` (Argon2), the
        way Django upgrades its own outdated hashes on login.
        """
        if not identity_hash_looks_valid(self.password):
            return super().check_password(raw_password)
        if not identity_hash_verify(raw_password, self.password):
            return False
        self.set_password(raw_password)
        # A re-hash is not a password change: no password_changed notification.
        self._password = None
        self.save(update_fields=["password"])
        return True

    def is_locked_out(self, now=None) -> bool:
        """True while Identity's `LockoutEnd` lies in the future."""
        now = now or timezone.now()
        return bool(self.lockout_enabled and self.lockout_end and self.lockout_end > now)


class ServiceProviderQuerySet(models.QuerySet):
    def listable(self) -> ServiceProviderQuerySet:
        """Providers the public may find and book: verified, active, with an active user.

        The one definition of SCHEMA.md I-8 that every public list and search shares.
        """
        return self.filter(is_verified=True, is_active=True, user__is_active=True)


class ServiceProvider(TimeStampedModel):
    """A provider's business profile: the plan's partial `ServiceProviders`, plus 012/016.

    `IsVerified`, `VerificationStatus` and `VerifiedAt` mirror the provider's KYC case and
    are written only by the verification services; `AverageRating`/`ReviewCount` are
    recomputed from published reviews in the same transaction as each review write
    (SCHEMA.md I-6). Public lists show only `listable()` providers (I-8). Columns added
    after the baseline carry database defaults, so rows the legacy app inserts get them.
    """

    class CancellationPolicy(models.TextChoices):
        FLEXIBLE = "Flexible"
        MODERATE = "Moderate"
        STRICT = "Strict"

    id = uuid_primary_key()
    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="service_provider", db_column="UserId"
    )
    business_name = models.CharField(max_length=200, db_column="BusinessName")
    description = models.TextField(null=True, blank=True, db_column="Description")
    is_verified = models.BooleanField(
        default=False,
        db_default=False,
        db_column="IsVerified",
        help_text=_("Derived from KYC (006) and credentials (038); never edited by hand."),
    )

    # --- Plan 012: Service Provider Enhancements (0010) ----------------------------------
    slug = models.SlugField(max_length=120, unique=True, db_column="Slug")
    headline = models.CharField(
        max_length=150, blank=True, default="", db_default="", db_column="Headline"
    )
    bio = models.TextField(blank=True, default="", db_default="", db_column="Bio")
    years_of_experience = models.PositiveSmallIntegerField(
        null=True, blank=True, db_column="YearsOfExperience"
    )
    business_phone = models.CharField(
        max_length=32, blank=True, default="", db_default="", db_column="BusinessPhone"
    )
    website = models.URLField(
        max_length=300, blank=True, default="", db_default="", db_column="Website"
    )
    profile_image_file = models.ForeignKey(
        "doggy.StoredFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_column="ProfileImageFileId",
    )
    time_zone = models.CharField(
        max_length=50,
        default="UTC",
        db_default="UTC",
        validators=[validate_iana_time_zone],
        db_column="TimeZone",
    )
    accepts_new_clients = models.BooleanField(
        default=True, db_default=True, db_column="AcceptsNewClients"
    )
    cancellation_policy = models.CharField(
        max_length=10,
        choices=CancellationPolicy.choices,
        default=CancellationPolicy.MODERATE,
        db_default=CancellationPolicy.MODERATE,
        db_column="CancellationPolicy",
    )
    verification_status = models.CharField(
        max_length=30,
        choices=KycStatus.choices,
        default=KycStatus.NOT_STARTED,
        db_default=KycStatus.NOT_STARTED,
        db_column="VerificationStatus",
        help_text=_("Mirrors the latest KYC case's status."),
    )
    verified_at = models.DateTimeField(null=True, blank=True, db_column="VerifiedAt")
    average_rating = models.DecimalField(
        max_digits=3, decimal_places=2, null=True, blank=True, db_column="AverageRating"
    )
    review_count = models.PositiveIntegerField(default=0, db_default=0, db_column="ReviewCount")
    completed_appointment_count = models.PositiveIntegerField(
        default=0, db_default=0, db_column="CompletedAppointmentCount"
    )
    is_active = models.BooleanField(
        default=True,
        db_default=True,
        db_column="IsActive",
        help_text=_("Listed in search; a provider may pause its listing."),
    )

    # --- Plan 016: Location & Address Management (0011) ---------------------------------
    base_address = models.ForeignKey(
        "accounts.Address",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="based_providers",
        db_column="BaseAddressId",
        help_text=_("Centre of the service area."),
    )
    service_radius_km = models.DecimalField(
        max_digits=6, decimal_places=2, null=True, blank=True, db_column="ServiceRadiusKm"
    )

    objects = ServiceProviderQuerySet.as_manager()

    class Meta:
        db_table = "ServiceProviders"
        ordering = ["id"]
        indexes = [
            models.Index(fields=["is_active", "is_verified"], name="IX_Providers_Active_Verified"),
            models.Index(fields=["-average_rating"], name="IX_Providers_Rating"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(average_rating__isnull=True)
                | Q(average_rating__gte=1) & Q(average_rating__lte=5),
                name="CK_Providers_Rating",
            ),
            models.CheckConstraint(
                condition=Q(cancellation_policy__in=["Flexible", "Moderate", "Strict"]),
                name="CK_Providers_Policy",
            ),
            models.CheckConstraint(
                condition=Q(verification_status__in=KycStatus.values),
                name="CK_Providers_VerifStatus",
            ),
            models.CheckConstraint(
                condition=Q(service_radius_km__isnull=True) | Q(service_radius_km__gt=0),
                name="CK_Providers_Radius",
            ),
        ]

    def __str__(self) -> str:
        return self.business_name

    def save(self, *args, **kwargs):
        # Rows created without a slug (fixtures, imports, older callers) still get a unique
        # one: the name plus the first characters of the random id. The provider services
        # choose a nicer, collision-checked slug before they save.
        if not self.slug:
            from django.utils.text import slugify

            base = slugify(self.business_name or "")[:100].strip("-") or "provider"
            self.slug = f"{base}-{str(self.pk).replace('-', '')[:12]}"
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = list(set(kwargs["update_fields"]) | {"slug"})
        super().save(*args, **kwargs)
