"""Enumerations of the pets app; values are the plan's literal strings (SCHEMA.md 2.9, 2.10)."""

from django.db import models


# --- DogProfiles (plan 009) ---------------------------------------------------------------
class DogGender(models.TextChoices):
    MALE = "Male"
    FEMALE = "Female"
    UNKNOWN = "Unknown"


class CoatType(models.TextChoices):
    """Suggested coat types; the plan's list is open ("Short, Long, Curly, etc."), so the
    column has no CHECK and accepts other values."""

    SHORT = "Short"
    MEDIUM = "Medium"
    LONG = "Long"
    CURLY = "Curly"
    WIRE = "Wire"
    DOUBLE = "Double"
    HAIRLESS = "Hairless"


class EnergyLevel(models.TextChoices):
    LOW = "Low"
    MEDIUM = "Medium"
    HIGH = "High"


class SocializationLevel(models.TextChoices):
    SHY = "Shy"
    FRIENDLY = "Friendly"
    VERY_SOCIAL = "Very Social"


class TrainingLevel(models.TextChoices):
    # 'None' is the string the plan stores, distinct from NULL (not assessed).
    NONE = "None"
    BASIC = "Basic"
    ADVANCED = "Advanced"


class AccessLevel(models.TextChoices):
    """What a `DogAccessGrant` lets the grantee do with the dog and its records."""

    VIEW = "View"
    EDIT = "Edit"


# What a caller is to a dog, as the API reports it (`access`); not stored.
class DogRelation(models.TextChoices):
    OWNER = "Owner"
    EDIT = "Edit"
    VIEW = "View"


# --- Medical records (plan 010, FHIR-inspired) ---------------------------------------------
class VaccineType(models.TextChoices):
    CORE = "Core"
    NON_CORE = "NonCore"
    OTHER = "Other"


class VaccinationStatus(models.TextChoices):
    COMPLETED = "Completed"
    ENTERED_IN_ERROR = "EnteredInError"
    NOT_DONE = "NotDone"


class MedicationRoute(models.TextChoices):
    ORAL = "Oral"
    TOPICAL = "Topical"
    INJECTION = "Injection"
    OPHTHALMIC = "Ophthalmic"
    OTIC = "Otic"
    OTHER = "Other"


class MedicationStatus(models.TextChoices):
    ACTIVE = "Active"
    COMPLETED = "Completed"
    STOPPED = "Stopped"
    ON_HOLD = "OnHold"
    ENTERED_IN_ERROR = "EnteredInError"


class ConditionClinicalStatus(models.TextChoices):
    ACTIVE = "Active"
    RECURRENCE = "Recurrence"
    RELAPSE = "Relapse"
    INACTIVE = "Inactive"
    REMISSION = "Remission"
    RESOLVED = "Resolved"
    ENTERED_IN_ERROR = "EnteredInError"


class ConditionSeverity(models.TextChoices):
    MILD = "Mild"
    MODERATE = "Moderate"
    SEVERE = "Severe"


class AllergyCategory(models.TextChoices):
    FOOD = "Food"
    MEDICATION = "Medication"
    ENVIRONMENT = "Environment"
    BIOLOGIC = "Biologic"


class AllergyCriticality(models.TextChoices):
    LOW = "Low"
    HIGH = "High"
    UNABLE_TO_ASSESS = "UnableToAssess"


class AllergyClinicalStatus(models.TextChoices):
    ACTIVE = "Active"
    INACTIVE = "Inactive"
    RESOLVED = "Resolved"
    ENTERED_IN_ERROR = "EnteredInError"


class MedicalDocumentType(models.TextChoices):
    LAB_RESULT = "LabResult"
    IMAGING = "Imaging"
    PRESCRIPTION = "Prescription"
    VACCINATION_CERTIFICATE = "VaccinationCertificate"
    INVOICE = "Invoice"
    DISCHARGE_SUMMARY = "DischargeSummary"
    OTHER = "Other"


class WeightSource(models.TextChoices):
    OWNER = "Owner"
    VET = "Vet"
    PROVIDER = "Provider"


# The status every status-bearing record takes when it is corrected instead of deleted.
ENTERED_IN_ERROR = "EnteredInError"
