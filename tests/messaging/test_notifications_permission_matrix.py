"""Who may call what on notifications, preferences, push devices and presence: the
permission matrix, as data on the one base (tests/matrix.py).

Every route needs `messaging.access` (KYC reviewers lack it: 403) and acts on the
caller's own rows only: the owner's notification and device are "not found" to anyone
else, staff included.
"""

from __future__ import annotations

from messaging.models import Notification, PushDevice, UserPresence
from tests.matrix import PermissionMatrix, Route
from tests.messaging.factories import NotificationFactory, PushDeviceFactory
from tests.messaging.push_endpoint import b64url

CALLERS = ("anonymous", "owner", "other_owner", "provider_user", "kyc_reviewer", "superuser")

INBOX = "/api/v1/notifications/"
UNREAD = "/api/v1/notifications/unread-count/"
READ_ALL = "/api/v1/notifications/read-all/"
READ = "/api/v1/notifications/{notification}/read/"
PREFERENCES = "/api/v1/notifications/preferences/"
DEVICES = "/api/v1/devices/"
DEVICE = "/api/v1/devices/{device}/"
PRESENCE = "/api/v1/presence/"

SUBSCRIPTION = {
    "endpoint": "https://push.example.com/send/matrix",
    "keys": {"p256dh": b64url(b"\x04" + b"\x05" * 64), "auth": b64url(b"\x06" * 16)},
}
PREFERENCE_CHANGE = {"preferences": [{"type": "message.new", "channel": "Push", "enabled": False}]}


def row(method: str, path: str, *statuses: int, body=None) -> Route:
    """One route, statuses in the order of CALLERS."""
    return Route(method, path, dict(zip(CALLERS, statuses, strict=True)), body)


class TestNotificationsPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        row("GET", INBOX, 401, 200, 200, 200, 403, 200),
        row("GET", UNREAD, 401, 200, 200, 200, 403, 200),
        row("POST", READ_ALL, 401, 200, 200, 200, 403, 200, body={}),
        row("POST", READ, 401, 200, 404, 404, 403, 404, body={}),
        row("GET", PREFERENCES, 401, 200, 200, 200, 403, 200),
        row("PUT", PREFERENCES, 401, 200, 200, 200, 403, 200, body=PREFERENCE_CHANGE),
        row("GET", DEVICES, 401, 200, 200, 200, 403, 200),
        row("POST", DEVICES, 401, 201, 201, 201, 403, 201, body=SUBSCRIPTION),
        row("DELETE", DEVICE, 401, 204, 404, 404, 403, 404),
        row("GET", PRESENCE, 401, 200, 200, 200, 403, 200),
        row("POST", PRESENCE, 401, 200, 200, 200, 403, 200, body={"status": "active"}),
    )

    def build_world(self, request, users):
        owner = users["owner"]
        return {
            "notification": NotificationFactory(recipient=owner).pk,
            "device": PushDeviceFactory(user=owner).pk,
        }

    def state(self):
        return {
            **super().state(),
            "read": Notification.objects.filter(is_read=True).count(),
            "devices": list(PushDevice.objects.order_by("id").values_list("id", "user_id")),
            "presences": UserPresence.objects.count(),
        }

    def check_success(self, cell, response, before, after):
        if cell.route.method == "GET":
            assert after == before
        elif cell.route.path in (PREFERENCES, DEVICES, DEVICE):
            # preference and device changes are audited
            assert after["audit"] == before["audit"] + 1
        elif cell.route.path == PRESENCE:
            assert after["presences"] == before["presences"] + 1
