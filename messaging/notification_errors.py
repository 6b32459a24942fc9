"""Error codes of notifications, preferences, push devices and presence (plans 021–023).

Part of the API contract: add new codes, never rename or reuse one.
"""

from __future__ import annotations

from enum import Enum

from doggy.core.errors import NotFoundError


class NotificationErrorCode(Enum):
    INVALID = "invalid"
    NOTIFICATION_NOT_FOUND = "notification_not_found"
    NOTIFICATION_TYPE_UNKNOWN = "notification_type_unknown"
    DEVICE_NOT_FOUND = "push_device_not_found"


class NotificationNotFoundError(NotFoundError):
    """No such notification, or it is another user's."""

    def __init__(self, message: str = "Notification not found."):
        super().__init__(NotificationErrorCode.NOTIFICATION_NOT_FOUND, message)


class PushDeviceNotFoundError(NotFoundError):
    """No such device, or it is another user's."""

    def __init__(self, message: str = "Device not found."):
        super().__init__(NotificationErrorCode.DEVICE_NOT_FOUND, message)
