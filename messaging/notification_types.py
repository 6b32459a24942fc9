"""The registry of notification types (SCHEMA.md 2.21; an open vocabulary, amendment A7).

`Notifications.NotificationType` has no CHECK constraint: `notify()` refuses a type that is
not registered here. Each type names the channels it uses when the user has set no
preference (per type, then `*`), and whether it is transactional: a transactional type
ignores preferences and the master switches (it is still held in quiet hours).
"""

from __future__ import annotations

from dataclasses import dataclass

from .choices import Channel

# The channels a user can switch per type (SMS is not delivered by this platform yet).
PREFERENCE_CHANNELS = (Channel.IN_APP, Channel.EMAIL, Channel.PUSH)


@dataclass(frozen=True)
class NotificationType:
    key: str
    in_app: bool = True
    email: bool = False
    push: bool = True
    transactional: bool = False

    def default_for(self, channel: str) -> bool:
        return {
            Channel.IN_APP: self.in_app,
            Channel.EMAIL: self.email,
            Channel.PUSH: self.push,
        }.get(channel, False)


NOTIFICATION_TYPES: dict[str, NotificationType] = {
    t.key: t
    for t in (
        NotificationType("message.new"),
        NotificationType("appointment.requested", email=True),
        NotificationType("appointment.confirmed", email=True),
        NotificationType("appointment.cancelled", email=True),
        NotificationType("appointment.reminder", email=True),
        NotificationType("appointment.completed"),
        NotificationType("review.received"),
        NotificationType("kyc.status_changed", email=True),
        NotificationType("vaccination.due", email=True),
        # An AI health recommendation of urgency Urgent ("contact a vet now"), to the owner.
        NotificationType("health.urgent_recommendation", email=True),
        NotificationType("medication.reminder"),
        NotificationType("subscription.payment_failed", email=True, transactional=True),
        NotificationType("budget.threshold_reached"),
        NotificationType("call.missed"),
        NotificationType("system.announcement", email=True, push=False),
    )
}


def notification_type_get(key: str) -> NotificationType | None:
    return NOTIFICATION_TYPES.get(key)
