"""Enumerations of the accounts app; values are the plan's literal strings."""

from django.db import models

# The plan's permission vocabulary lives in the kernel; accounts' modules import it here.
from doggy.core.permissions import PermissionName  # noqa: F401


class AccountStatus(models.TextChoices):
    ACTIVE = "Active"
    SUSPENDED = "Suspended"
    PENDING = "Pending"
    DEACTIVATED = "Deactivated"


# Statuses under which Django's `is_active` is True (SCHEMA.md I-19).
ACTIVE_ACCOUNT_STATUSES = (AccountStatus.ACTIVE, AccountStatus.PENDING)


class Gender(models.TextChoices):
    MALE = "Male"
    FEMALE = "Female"
    NON_BINARY = "NonBinary"
    OTHER = "Other"
    PREFER_NOT_TO_SAY = "PreferNotToSay"


class SessionEndReason(models.TextChoices):
    LOGOUT = "Logout"
    EXPIRED = "Expired"
    REVOKED = "Revoked"
    REPLACED = "Replaced"


class LoginFailureReason(models.TextChoices):
    INVALID_CREDENTIALS = "InvalidCredentials"
    ACCOUNT_LOCKED = "AccountLocked"
    ACCOUNT_SUSPENDED = "AccountSuspended"
    ACCOUNT_DEACTIVATED = "AccountDeactivated"
    EMAIL_NOT_CONFIRMED = "EmailNotConfirmed"
    TWO_FACTOR_FAILED = "TwoFactorFailed"
    RATE_LIMITED = "RateLimited"


class KycLevel(models.TextChoices):
    BASIC = "Basic"
    ENHANCED = "Enhanced"


class KycStatus(models.TextChoices):
    NOT_STARTED = "NotStarted"
    PENDING = "Pending"
    IN_REVIEW = "InReview"
    APPROVED = "Approved"
    REJECTED = "Rejected"
    RESUBMISSION_REQUESTED = "ResubmissionRequested"
    EXPIRED = "Expired"


# A user has at most one case in these states (UX_Kyc_User_Open).
KYC_OPEN_STATUSES = (
    KycStatus.NOT_STARTED,
    KycStatus.PENDING,
    KycStatus.IN_REVIEW,
    KycStatus.RESUBMISSION_REQUESTED,
)


class KycRejectType(models.TextChoices):
    RETRY = "Retry"
    FINAL = "Final"


class KycVendor(models.TextChoices):
    MANUAL = "Manual"
    SUMSUB = "Sumsub"
    ONFIDO = "Onfido"
    PERSONA = "Persona"


class KycDocumentType(models.TextChoices):
    PASSPORT = "Passport"
    DRIVING_LICENCE = "DrivingLicence"
    NATIONAL_IDENTITY_CARD = "NationalIdentityCard"
    RESIDENCE_PERMIT = "ResidencePermit"
    PROOF_OF_ADDRESS = "ProofOfAddress"
    SELFIE = "Selfie"
    BUSINESS_REGISTRATION = "BusinessRegistration"
    OTHER = "Other"


class KycDocumentSide(models.TextChoices):
    FRONT = "Front"
    BACK = "Back"
    SINGLE = "Single"


class KycDocumentStatus(models.TextChoices):
    UPLOADED = "Uploaded"
    ACCEPTED = "Accepted"
    REJECTED = "Rejected"


class Theme(models.TextChoices):
    LIGHT = "Light"
    DARK = "Dark"
    SYSTEM = "System"


class TimeFormat(models.IntegerChoices):
    H12 = 12, "12-hour"
    H24 = 24, "24-hour"


class WeekStart(models.TextChoices):
    SUNDAY = "Sunday"
    MONDAY = "Monday"


class DistanceUnit(models.TextChoices):
    MILES = "mi"
    KILOMETRES = "km"


class WeightUnit(models.TextChoices):
    POUNDS = "lb"
    KILOGRAMS = "kg"


class DigestFrequency(models.TextChoices):
    NONE = "None"
    DAILY = "Daily"
    WEEKLY = "Weekly"


class ProfileVisibility(models.TextChoices):
    PUBLIC = "Public"
    CONTACTS = "Contacts"
    PRIVATE = "Private"


class RoleName:
    """Names of the four system roles seeded by `accounts/0005_seed_rbac`."""

    USER = "User"
    PET_OWNER = "PetOwner"
    SERVICE_PROVIDER = "ServiceProvider"
    ADMIN = "Admin"


SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000"
SYSTEM_USER_EMAIL = "system@meandmydoggy.invalid"


# --- Provider verification (plan 038) ------------------------------------------------------
class CredentialType(models.TextChoices):
    BUSINESS_LICENSE = "BusinessLicense"
    LIABILITY_INSURANCE = "LiabilityInsurance"
    BONDING = "Bonding"
    PET_FIRST_AID_CPR = "PetFirstAidCpr"
    TRAINER_CERTIFICATION = "TrainerCertification"
    GROOMER_CERTIFICATION = "GroomerCertification"
    VETERINARY_LICENSE = "VeterinaryLicense"
    OTHER = "Other"


class CredentialStatus(models.TextChoices):
    PENDING = "Pending"
    VERIFIED = "Verified"
    REJECTED = "Rejected"
    EXPIRED = "Expired"


class BackgroundCheckVendor(models.TextChoices):
    CHECKR = "Checkr"
    STERLING = "Sterling"
    MANUAL = "Manual"


class BackgroundCheckStatus(models.TextChoices):
    """Checkr's report statuses, stored as the vendor writes them."""

    PENDING = "pending"
    SUSPENDED = "suspended"
    PAUSED = "paused"
    COMPLETE = "complete"
    CANCELED = "canceled"
    DISPUTE = "dispute"


class BackgroundCheckResult(models.TextChoices):
    CLEAR = "clear"
    CONSIDER = "consider"


class BackgroundCheckAdjudication(models.TextChoices):
    ENGAGED = "engaged"
    PRE_ADVERSE_ACTION = "pre_adverse_action"
    POST_ADVERSE_ACTION = "post_adverse_action"
