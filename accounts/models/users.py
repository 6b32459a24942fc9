"""Users (ASP.NET Identity's columns, Django's auth columns, plan 001) and providers."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doggy.db import TimeStampedModel, UtcNow, uuid_primary_key

from ..choices import ACTIVE_ACCOUNT_STATUSES, AccountStatus, Gender
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

    def is_locked_out(self, now=None) -> bool:
        """True while Identity's `LockoutEnd` lies in the future."""
        now = now or timezone.now()
        return bool(self.lockout_enabled and self.lockout_end and self.lockout_end > now)


class ServiceProvider(TimeStampedModel):
    """A provider's business profile (the plan's partial `ServiceProviders`; 012 extends it)."""

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

    class Meta:
        db_table = "ServiceProviders"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.business_name
