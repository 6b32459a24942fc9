"""Who may call what on the calendar (027) and visit (030) routes: the permission matrix.

Calendar routes belong to providers (`services.provide`); the superuser passes the RBAC
check and has no provider profile, so the services answer 404. The feed needs no sign-in:
the token is the secret. Visit routes are scoped to the appointment's two parties: its
provider writes and reads, its owner reads (403 on writes), anyone else gets 404.
"""

from __future__ import annotations

import datetime
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from doggy.choices import FilePurpose
from scheduling.calendar_services import calendar_feed_token_create
from scheduling.choices import AppointmentStatus, VisitEventType
from scheduling.models import (
    CalendarConnection,
    CalendarFeedToken,
    ServiceVisit,
    ServiceVisitEvent,
    ServiceVisitLocation,
    ServiceVisitMedia,
)
from tests.doggy.factories import StoredFileFactory
from tests.matrix import PermissionMatrix, Route
from tests.scheduling.factories import (
    AppointmentFactory,
    CalendarConnectionFactory,
    ExternalCalendarFactory,
    ServiceOfferingFactory,
    ServiceVisitEventFactory,
    ServiceVisitMediaFactory,
)

CALLERS = ("anonymous", "owner", "other_owner", "provider_user", "kyc_reviewer", "superuser")

FEED = "/api/v1/calendar/feed/{token}.ics"
TOKENS = "/api/v1/providers/me/calendar/feed-tokens/"
TOKEN = "/api/v1/providers/me/calendar/feed-tokens/{token_id}/"
ROTATE = "/api/v1/providers/me/calendar/feed-tokens/{token_id}/rotate/"
CONNECTIONS = "/api/v1/providers/me/calendar/connections/"
CONNECTION = "/api/v1/providers/me/calendar/connections/{connection_id}/"
SYNC = "/api/v1/providers/me/calendar/connections/{connection_id}/sync/"
VISIT = "/api/v1/appointments/{started_id}/visit/"
CHECK_IN = "/api/v1/appointments/{confirmed_id}/visit/check-in/"
CHECK_OUT = "/api/v1/appointments/{started_id}/visit/check-out/"
EVENTS = "/api/v1/appointments/{started_id}/visit/events/"
LOCATIONS = "/api/v1/appointments/{started_id}/visit/locations/"
PHOTOS = "/api/v1/appointments/{started_id}/visit/photos/"
PHOTO = "/api/v1/appointments/{started_id}/visit/photos/{media_id}/"


def row(method: str, path: str, *statuses: int, body=None, multipart=False) -> Route:
    """One route, statuses in the order of CALLERS."""
    return Route(method, path, dict(zip(CALLERS, statuses, strict=True)), body, multipart)


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def _points(world):
    return {
        "points": [
            {"recorded_at": world["now"].isoformat(), "latitude": "51.5", "longitude": "-0.12"}
        ]
    }


def _photo(world):
    return {"file": SimpleUploadedFile("park.png", _png_bytes(), content_type="image/png")}


PROVIDER_ONLY = (401, 403, 403)  # anonymous, owner, other_owner


class TestCalendarAndVisitPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        row("GET", FEED, 200, 200, 200, 200, 200, 200),
        row("GET", TOKENS, *PROVIDER_ONLY, 200, 403, 404),
        row("POST", TOKENS, *PROVIDER_ONLY, 201, 403, 404),
        row("DELETE", TOKEN, *PROVIDER_ONLY, 204, 403, 404),
        row("POST", ROTATE, *PROVIDER_ONLY, 201, 403, 404),
        row("GET", CONNECTIONS, *PROVIDER_ONLY, 200, 403, 404),
        row(
            "POST",
            CONNECTIONS,
            *PROVIDER_ONLY,
            201,
            403,
            404,
            body={
                "url": "https://dav.example.com/cal/work/",
                "username": "paula",
                "password": "s3cret-pass",
            },
        ),
        row("GET", CONNECTION, *PROVIDER_ONLY, 200, 403, 404),
        row("DELETE", CONNECTION, *PROVIDER_ONLY, 204, 403, 404),
        row("POST", SYNC, *PROVIDER_ONLY, 202, 403, 404),
        row("GET", VISIT, 401, 200, 404, 200, 404, 404),
        row("POST", CHECK_IN, 401, 403, 404, 201, 404, 404, body={}),
        row("POST", CHECK_OUT, 401, 403, 404, 200, 404, 404, body={"mood": "Happy"}),
        row("GET", EVENTS, 401, 200, 404, 200, 404, 404),
        row("POST", EVENTS, 401, 403, 404, 201, 404, 404, body={"event_type": "Fed"}),
        row("GET", LOCATIONS, 401, 200, 404, 200, 404, 404),
        row("POST", LOCATIONS, 401, 403, 404, 201, 404, 404, body=_points),
        row("POST", PHOTOS, 401, 403, 404, 201, 404, 404, body=_photo, multipart=True),
        row("GET", PHOTO, 401, 200, 404, 200, 404, 404),
    )

    def build_world(self, request, users):
        """A provider's feed link and CalDAV connection, and two appointments with the
        owner: one confirmed and on now, one whose visit started 65 minutes ago."""
        request.getfixturevalue("fernet_keys")
        request.getfixturevalue("media_root")
        provider_user, owner = users["provider_user"], users["owner"]
        provider = provider_user.service_provider
        token_row, token = calendar_feed_token_create(actor=provider_user)
        connection = CalendarConnectionFactory(user=provider_user)
        ExternalCalendarFactory(connection=connection)

        now = datetime.datetime.now(datetime.UTC)
        offering = ServiceOfferingFactory(provider=provider)
        # The two bookings of one provider may not overlap (EX_Appointments_NoOverlap on
        # PostgreSQL): the started one ran until five minutes ago, the confirmed one is on now.
        window = {"start_at": now - datetime.timedelta(minutes=70)}
        window["end_at"] = now - datetime.timedelta(minutes=5)
        confirmed = AppointmentFactory(
            service_offering=offering,
            owner=owner,
            status=AppointmentStatus.CONFIRMED,
            start_at=now - datetime.timedelta(minutes=2),
            end_at=now + datetime.timedelta(minutes=58),
        )
        started = AppointmentFactory(
            service_offering=offering, owner=owner, status=AppointmentStatus.IN_PROGRESS, **window
        )
        visit = ServiceVisit.objects.create(
            appointment=started, check_in_at=now - datetime.timedelta(minutes=65)
        )
        ServiceVisitEventFactory(
            visit=visit, event_type=VisitEventType.ARRIVED, occurred_at=visit.check_in_at
        )
        photo = StoredFileFactory(owner=provider_user, purpose=FilePurpose.DELIVERY_PHOTO)
        default_storage.save(photo.storage_key, ContentFile(_png_bytes()))
        media = ServiceVisitMediaFactory(visit=visit, file=photo)
        return {
            "now": now,
            "token": token,
            "token_id": token_row.pk,
            "connection_id": connection.pk,
            "confirmed_id": confirmed.pk,
            "started_id": started.pk,
            "media_id": media.pk,
        }

    def state(self):
        return {
            **super().state(),
            "live_tokens": CalendarFeedToken.objects.filter(revoked_at__isnull=True).count(),
            "connections": CalendarConnection.objects.count(),
            "visits_started": ServiceVisit.objects.filter(check_in_at__isnull=False).count(),
            "visits_finished": ServiceVisit.objects.filter(check_out_at__isnull=False).count(),
            "events": ServiceVisitEvent.objects.count(),
            "points": ServiceVisitLocation.objects.count(),
            "media": ServiceVisitMedia.objects.count(),
        }

    def check_success(self, cell, response, before, after):
        # a read writes nothing; a write is audited (the GPS trail only adds points)
        if cell.route.method == "GET":
            assert after == before
        elif cell.route.path == LOCATIONS:
            assert after["points"] == before["points"] + 1
        else:
            assert after["audit"] > before["audit"]
