"""Enumerations of the ai app; values are the plan's literal strings (SCHEMA.md 2.31–2.33)."""

from django.db import models


class RecommendationTrigger(models.TextChoices):
    ON_DEMAND = "OnDemand"
    SCHEDULED = "Scheduled"
    RECORD_CHANGE = "RecordChange"


class RecommendationCategory(models.TextChoices):
    NUTRITION = "Nutrition"
    EXERCISE = "Exercise"
    PREVENTIVE = "Preventive"
    VACCINATION = "Vaccination"
    WEIGHT = "Weight"
    BEHAVIOR = "Behavior"
    GROOMING = "Grooming"
    SYMPTOM = "Symptom"
    DENTAL = "Dental"


class RecommendationUrgency(models.TextChoices):
    """`Urgent` means "contact a vet now" and also sends a notification."""

    INFO = "Info"
    LOW = "Low"
    MEDIUM = "Medium"
    HIGH = "High"
    URGENT = "Urgent"


class RecommendationStatus(models.TextChoices):
    ACTIVE = "Active"
    DISMISSED = "Dismissed"
    COMPLETED = "Completed"
    SUPERSEDED = "Superseded"
    EXPIRED = "Expired"


class ModeratedContentType(models.TextChoices):
    """What a moderation check or a user report is about; `ContentId` is its str(pk)."""

    MESSAGE = "Message"
    REVIEW = "Review"
    DOG_PROFILE = "DogProfile"
    PROFILE_IMAGE = "ProfileImage"
    ATTACHMENT = "Attachment"
    PROVIDER_PROFILE = "ProviderProfile"


class ModerationDecision(models.TextChoices):
    ALLOWED = "Allowed"
    FLAGGED = "Flagged"
    BLOCKED = "Blocked"
    PENDING_REVIEW = "PendingReview"


class ModerationReviewOutcome(models.TextChoices):
    APPROVED = "Approved"
    REMOVED = "Removed"
    ESCALATED = "Escalated"


class ReportReason(models.TextChoices):
    SPAM = "Spam"
    HARASSMENT = "Harassment"
    INAPPROPRIATE = "Inappropriate"
    SCAM = "Scam"
    ANIMAL_WELFARE = "AnimalWelfare"
    OTHER = "Other"


class ReportStatus(models.TextChoices):
    OPEN = "Open"
    REVIEWING = "Reviewing"
    RESOLVED = "Resolved"
    DISMISSED = "Dismissed"


# Reports still waiting for staff: one per reporter and content (UX_Reports_Reporter_Content).
OPEN_REPORT_STATUSES = [ReportStatus.OPEN, ReportStatus.REVIEWING]


class AiFeature(models.TextChoices):
    HEALTH_RECOMMENDATION = "HealthRecommendation"
    MODERATION = "Moderation"
    CHAT = "Chat"
    IMAGE_ANALYSIS = "ImageAnalysis"


class AiProvider(models.TextChoices):
    """Who answered. `Local` is the built-in engines (health rules, the bundled classifier)."""

    LOCAL = "Local"
    OPENAI = "OpenAI", "OpenAI"
    AZURE_OPENAI = "AzureOpenAI", "Azure OpenAI"
    ANTHROPIC = "Anthropic"


class AiUsageStatus(models.TextChoices):
    """`Pending`: the quota is reserved and the call is queued (a recommendation job)."""

    PENDING = "Pending"
    SUCCESS = "Success"
    ERROR = "Error"
    RATE_LIMITED = "RateLimited"
    BLOCKED = "Blocked"
    QUOTA_EXCEEDED = "QuotaExceeded"
