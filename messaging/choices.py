"""Enumerations of the messaging app; values are the plan's literal strings (SCHEMA.md 2.17–2.24).

Every closed list here has a CHECK constraint on its column (I-20). Notification types are
an open vocabulary (amendment A7): they are validated in code against a registry, so the
database does not constrain them.
"""

from django.db import models


class ConversationType(models.TextChoices):
    DIRECT = "Direct"
    GROUP = "Group"
    BOOKING = "Booking"
    SUPPORT = "Support"


class ParticipantRole(models.TextChoices):
    OWNER = "Owner"
    ADMIN = "Admin"
    MEMBER = "Member"


class NotificationLevel(models.TextChoices):
    """A participant's notify level (Mattermost `NotifyProps`)."""

    ALL = "All"
    MENTIONS = "Mentions"
    NONE = "None"


class MessageType(models.TextChoices):
    TEXT = "Text"
    IMAGE = "Image"
    FILE = "File"
    SYSTEM = "System"
    CALL_EVENT = "CallEvent", "Call event"
    BOOKING_EVENT = "BookingEvent", "Booking event"


class ModerationStatus(models.TextChoices):
    """Moderation state of a message (set by 032's checks and by staff)."""

    CLEAN = "Clean"
    PENDING = "Pending"
    FLAGGED = "Flagged"
    BLOCKED = "Blocked"


class CallType(models.TextChoices):
    AUDIO = "Audio"
    VIDEO = "Video"


class VideoProvider(models.TextChoices):
    TWILIO = "Twilio"
    DAILY = "Daily"
    JITSI = "Jitsi"
    ZOOM = "Zoom"
    WEBRTC = "WebRTC", "WebRTC"


class CallStatus(models.TextChoices):
    SCHEDULED = "Scheduled"
    RINGING = "Ringing"
    IN_PROGRESS = "InProgress", "In progress"
    COMPLETED = "Completed"
    MISSED = "Missed"
    DECLINED = "Declined"
    CANCELED = "Canceled"
    FAILED = "Failed"


# Calls that are still live (the filter of IX_VideoCalls_Status).
LIVE_CALL_STATUSES = (CallStatus.RINGING, CallStatus.IN_PROGRESS)


class CallEndReason(models.TextChoices):
    """Why a call ended; empty while it has not."""

    HUNG_UP = "HungUp", "Hung up"
    TIMEOUT = "Timeout"
    ERROR = "Error"
    PROVIDER_ENDED = "ProviderEnded", "Ended by the provider"


class CallParticipantRole(models.TextChoices):
    HOST = "Host"
    PARTICIPANT = "Participant"


class CallParticipantStatus(models.TextChoices):
    INVITED = "Invited"
    RINGING = "Ringing"
    CONNECTED = "Connected"
    DISCONNECTED = "Disconnected"
    DECLINED = "Declined"
    MISSED = "Missed"


class NotificationSeverity(models.TextChoices):
    """`Notifications.Level`, django-notifications' levels (lower case, as it spells them)."""

    SUCCESS = "success"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Channel(models.TextChoices):
    """A delivery channel of a notification."""

    IN_APP = "InApp", "In app"
    EMAIL = "Email"
    SMS = "Sms", "SMS"
    PUSH = "Push"


class DeliveryStatus(models.TextChoices):
    PENDING = "Pending"
    SENT = "Sent"
    DELIVERED = "Delivered"
    FAILED = "Failed"
    SKIPPED = "Skipped"


class SkipReason(models.TextChoices):
    """Why a delivery was skipped; empty unless Status is Skipped."""

    USER_OPT_OUT = "UserOptOut", "User opted out"
    QUIET_HOURS = "QuietHours", "Quiet hours"
    NO_DEVICE = "NoDevice", "No device"
    MASTER_SWITCH_OFF = "MasterSwitchOff", "Master switch off"


class PushPlatform(models.TextChoices):
    WEB_PUSH = "WebPush", "Web Push"
    FCM = "FCM"
    APNS = "APNS"


class PushBrowser(models.TextChoices):
    """django-push-notifications' `WebPushDevice.browser` values; empty off Web Push."""

    CHROME = "CHROME", "Chrome"
    FIREFOX = "FIREFOX", "Firefox"
    OPERA = "OPERA", "Opera"
    EDGE = "EDGE", "Edge"
    SAFARI = "SAFARI", "Safari"


class PresenceStatus(models.TextChoices):
    """A status the user sets by hand (amendment A5); empty when none is set.

    Online and idle are never stored: they are derived at read time from
    `LastActiveAt` / `LastConnectedAt`, as Zulip does.
    """

    BUSY = "Busy"
    AWAY = "Away"


# `NotificationPreferences.NotificationType` value that applies to every type.
ALL_NOTIFICATION_TYPES = "*"
