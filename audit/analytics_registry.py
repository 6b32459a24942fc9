"""The registry of analytics event names and the properties each may carry (plan 034).

`AnalyticsEvents.EventName` is an open vocabulary without a CHECK (SCHEMA.md A7): this
registry is where a name becomes valid. Each event lists the only property keys it may
carry and the kind of value of each, so a payload cannot hold free text: no names,
emails, message text, search queries or IP addresses. Ids of dogs, appointments and the
like are allowed as opaque strings.

Server events are written by the services (`accounts.services.analytics`); client
events are the ones `POST /api/v1/analytics/events/` accepts. A client cannot send a
server event, so the counts the services record cannot be forged.

Add an event here, with its properties, before anything records it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class PropertyKind(Enum):
    """What a property's value may be."""

    # An opaque identifier (a UUID or an integer id), stored as a string.
    ID = "id"
    # A short lowercase token from the app's own vocabulary (a screen, a category slug).
    TOKEN = "token"  # noqa: S105 - a property kind, not a secret
    INT = "int"
    BOOL = "bool"


class EventSource(Enum):
    SERVER = "server"
    CLIENT = "client"


@dataclass(frozen=True)
class EventSpec:
    name: str
    source: EventSource
    properties: dict[str, PropertyKind] = field(default_factory=dict)
    description: str = ""


_ID_RE = re.compile(r"^[A-Za-z0-9-]{1,64}$")
_TOKEN_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
# Integers outside this range are not counts or sizes: refuse them.
_INT_MAX = 10**9

ID, TOKEN, INT, BOOL = PropertyKind.ID, PropertyKind.TOKEN, PropertyKind.INT, PropertyKind.BOOL
SERVER, CLIENT = EventSource.SERVER, EventSource.CLIENT

EVENTS: dict[str, EventSpec] = {
    spec.name: spec
    for spec in (
        # --- written by the services ------------------------------------------------------
        EventSpec("user_signed_up", SERVER, {"role": TOKEN}, "A self sign-up created an account."),
        EventSpec("dog_created", SERVER, {"dog_id": ID}, "A user added a dog."),
        EventSpec(
            "booking_created",
            SERVER,
            {"appointment_id": ID, "provider_id": ID, "offering_id": ID, "dog_count": INT},
            "An owner booked an appointment (a new one, not an idempotent retry).",
        ),
        EventSpec(
            "booking_completed",
            SERVER,
            {"appointment_id": ID, "provider_id": ID},
            "The provider completed an appointment (the event's user is the provider).",
        ),
        EventSpec(
            "message_sent",
            SERVER,
            {"conversation_id": ID, "message_type": TOKEN, "has_attachment": BOOL},
            "A user posted a message (a new one, not a retry).",
        ),
        EventSpec(
            "ai_recommendation_requested",
            SERVER,
            {"dog_id": ID, "job_id": ID},
            "A user asked for health recommendations for a dog (within the quota).",
        ),
        # --- sent by the apps -------------------------------------------------------------
        EventSpec("app_opened", CLIENT, {}, "The app came to the foreground."),
        EventSpec(
            "screen_view", CLIENT, {"screen": TOKEN, "previous_screen": TOKEN}, "A screen shown."
        ),
        EventSpec(
            "search_performed",
            CLIENT,
            {"category": TOKEN, "result_count": INT, "radius_km": INT, "has_location": BOOL},
            "A provider search; the query text is never sent.",
        ),
        EventSpec(
            "provider_viewed",
            CLIENT,
            {"provider_id": ID, "source": TOKEN, "position": INT},
            "A provider profile opened.",
        ),
        EventSpec(
            "booking_started",
            CLIENT,
            {"provider_id": ID, "offering_id": ID},
            "The booking flow opened.",
        ),
        EventSpec(
            "ai_recommendation_viewed",
            CLIENT,
            {"recommendation_id": ID, "dog_id": ID},
            "A health recommendation shown.",
        ),
    )
}

SERVER_EVENTS = frozenset(name for name, spec in EVENTS.items() if spec.source is SERVER)
CLIENT_EVENTS = frozenset(name for name, spec in EVENTS.items() if spec.source is CLIENT)


def property_value_valid(kind: PropertyKind, value: Any) -> bool:
    """Whether `value` is a valid value of `kind` (None is valid for every kind)."""
    if value is None:
        return True
    if kind is PropertyKind.BOOL:
        return isinstance(value, bool)
    if kind is PropertyKind.INT:
        return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= _INT_MAX
    if kind is PropertyKind.ID:
        if isinstance(value, uuid.UUID):
            return True
        if isinstance(value, int) and not isinstance(value, bool):
            return 0 <= value <= 2**63
        return isinstance(value, str) and bool(_ID_RE.match(value))
    return isinstance(value, str) and bool(_TOKEN_RE.match(value))


def property_value_clean(kind: PropertyKind, value: Any) -> Any:
    """The stored form of a valid value: ids as strings, the rest as given."""
    if kind is PropertyKind.ID and value is not None:
        return str(value)
    return value
