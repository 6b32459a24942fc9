"""Enumerations of the platform app; values are the plan's literal strings."""

from django.db import models


class SettingDataType(models.TextChoices):
    STRING = "String"
    INTEGER = "Integer"
    BOOLEAN = "Boolean"
    JSON = "JSON"
    DECIMAL = "Decimal"


class FilePurpose(models.TextChoices):
    PROFILE_IMAGE = "ProfileImage"
    DOG_PHOTO = "DogPhoto"
    MESSAGE_ATTACHMENT = "MessageAttachment"
    KYC_DOCUMENT = "KycDocument"
    MEDICAL_DOCUMENT = "MedicalDocument"
    VACCINATION_CERTIFICATE = "VaccinationCertificate"
    CREDENTIAL_DOCUMENT = "CredentialDocument"
    RECEIPT = "Receipt"
    DELIVERY_PHOTO = "DeliveryPhoto"
    CALL_RECORDING = "CallRecording"
    REPORT_EXPORT = "ReportExport"
    OTHER = "Other"


class FileVisibility(models.TextChoices):
    PRIVATE = "Private"
    PUBLIC = "Public"


class UploadStatus(models.TextChoices):
    PENDING = "Pending"
    UPLOADED = "Uploaded"
    FAILED = "Failed"


class ScanStatus(models.TextChoices):
    PENDING = "Pending"
    CLEAN = "Clean"
    INFECTED = "Infected"
    ERROR = "Error"
    SKIPPED = "Skipped"


# Only these may be served or attached (SCHEMA.md I-12).
SERVABLE_SCAN_STATUSES = (ScanStatus.CLEAN, ScanStatus.SKIPPED)
