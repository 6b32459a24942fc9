"""`/api/v1/calls/`: the permission matrix of every route, the responses, query counts.

Callers: anonymous, the call's host (`owner`), its invitee (`provider_user`), a stranger
to the call (`other_owner`), staff without `messaging.access` (`kyc_reviewer`) and a
superuser (who passes every RBAC check but is in no call). A call is visible to its
participants only: 404 to anyone else, superusers included.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from audit.models import AuditLog
from messaging.api.calls import urlpatterns
from messaging.choices import CallParticipantRole, CallParticipantStatus, CallStatus
from messaging.models import VideoCallParticipant, VideoCallSession
from tests.matrix import PermissionMatrix, Route
from tests.messaging.factories import (
    ConversationFactory,
    ConversationParticipantFactory,
    VideoCallParticipantFactory,
    VideoCallSessionFactory,
)

CALLERS = ("anonymous", "owner", "provider_user", "other_owner", "kyc_reviewer", "superuser")
TURN_SECRET = "matrix-turn-secret"  # noqa: S105 - a test value


def _row(*, owner: int, provider_user: int, stranger: int = 404) -> dict[str, int]:
    return {
        "anonymous": 401,
        "owner": owner,
        "provider_user": provider_user,
        "other_owner": stranger,
        "kyc_reviewer": 403,
        "superuser": stranger,
    }


def _conversation(*users):
    conversation = ConversationFactory()
    for user in users:
        ConversationParticipantFactory(conversation=conversation, user=user)
    return conversation


def _call(conversation, *, status, host, host_status, guest, guest_status):
    now = timezone.now()
    call = VideoCallSessionFactory(
        conversation=conversation,
        initiated_by=host,
        status=status,
        external_room_id=None,
        started_at=now if status == CallStatus.IN_PROGRESS else None,
    )
    VideoCallParticipantFactory(
        session=call, user=host, role=CallParticipantRole.HOST, status=host_status, joined_at=now
    )
    VideoCallParticipantFactory(session=call, user=guest, status=guest_status)
    return call


def _state():
    return {
        "audit": AuditLog.objects.count(),
        "calls": sorted(VideoCallSession.objects.values_list("id", "status")),
        "participants": sorted(VideoCallParticipant.objects.values_list("id", "status")),
    }


class TestCallsPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        Route("GET", "/api/v1/calls/", {**_row(owner=200, provider_user=200, stranger=200)}),
        Route(
            "POST",
            "/api/v1/calls/",
            _row(owner=201, provider_user=201),
            body=lambda world: {"conversation_id": str(world["quiet"]), "call_type": "Audio"},
        ),
        Route("GET", "/api/v1/calls/{call}/", _row(owner=200, provider_user=200)),
        Route("POST", "/api/v1/calls/{call}/accept/", _row(owner=409, provider_user=200)),
        Route("POST", "/api/v1/calls/{call}/decline/", _row(owner=409, provider_user=200)),
        Route("POST", "/api/v1/calls/{running}/join/", _row(owner=409, provider_user=200)),
        Route("POST", "/api/v1/calls/{running}/leave/", _row(owner=200, provider_user=409)),
        Route("POST", "/api/v1/calls/{call}/end/", _row(owner=200, provider_user=409)),
        Route(
            "GET",
            "/api/v1/calls/turn-credentials/",
            _row(owner=200, provider_user=200, stranger=200),
        ),
    )

    def build_world(self, request, users):
        settings = request.getfixturevalue("settings")
        settings.DOGGY_TURN_SECRET = TURN_SECRET
        settings.DOGGY_TURN_URLS = ["turn:127.0.0.1:3478"]
        owner, provider = users["owner"], users["provider_user"]
        ringing = _call(
            _conversation(owner, provider),
            status=CallStatus.RINGING,
            host=owner,
            host_status=CallParticipantStatus.CONNECTED,
            guest=provider,
            guest_status=CallParticipantStatus.RINGING,
        )
        running = _call(
            _conversation(owner, provider),
            status=CallStatus.IN_PROGRESS,
            host=owner,
            host_status=CallParticipantStatus.CONNECTED,
            guest=provider,
            guest_status=CallParticipantStatus.DISCONNECTED,
        )
        return {
            "call": ringing.pk,
            "running": running.pk,
            "quiet": _conversation(owner, provider).pk,
        }

    def state(self):
        return _state()

    def check_success(self, cell, response, before, after):
        # an accepted write wrote; a read did not
        assert (after != before) == (cell.route.method != "GET")


def test_matrix_covers_every_calls_route():
    covered = {route.url_name() for route in TestCallsPermissionMatrix.routes}
    assert covered == {pattern.name for pattern in urlpatterns}


def test_start_answers_the_call_with_its_participants(
    client_for, conversation, owner, provider_user
):
    # when
    response = client_for(owner).post(
        "/api/v1/calls/", {"conversation_id": str(conversation.pk)}, format="json"
    )

    # then
    body = response.json()
    assert response.status_code == 201
    assert body["status"] == "Ringing"
    assert body["call_type"] == "Video"
    assert body["conversation_id"] == str(conversation.pk)
    assert [(p["user_id"], p["role"], p["status"]) for p in body["participants"]] == [
        (owner.pk, "Host", "Connected"),
        (provider_user.pk, "Participant", "Ringing"),
    ]


def test_start_validates_its_input(client_for, owner):
    response = client_for(owner).post("/api/v1/calls/", {"call_type": "Hologram"}, format="json")
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"conversation_id", "call_type"}


def test_a_second_call_in_a_conversation_is_a_409(client_for, conversation, owner, provider_user):
    client_for(owner).post(
        "/api/v1/calls/", {"conversation_id": str(conversation.pk)}, format="json"
    )
    response = client_for(provider_user).post(
        "/api/v1/calls/", {"conversation_id": str(conversation.pk)}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "call_in_progress"


def test_turn_credentials_are_not_cached_and_answer_404_without_a_secret(
    client_for, owner, settings
):
    settings.DOGGY_TURN_SECRET = TURN_SECRET
    settings.DOGGY_TURN_URLS = ["turn:127.0.0.1:3478"]
    client = client_for(owner)
    response = client.get("/api/v1/calls/turn-credentials/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response.json()["username"].endswith(f":{owner.pk}")
    assert response.json()["uris"] == ["turn:127.0.0.1:3478"]

    settings.DOGGY_TURN_SECRET = ""
    response = client.get("/api/v1/calls/turn-credentials/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "turn_not_configured"


# --- Query counts --------------------------------------------------------------------------
# Counted after one warm-up request (the permission set is then cached), with a real
# bearer token: every count includes the session lookup.
# session, COUNT, page, the page's participants
CALL_LIST = 4
# session, the call, its participants
CALL_DETAIL = 3
# session, call locked, participants locked, call UPDATE, the answering participant's
# UPDATE, and the SAVEPOINT / RELEASE of the service's atomic block inside the test's
# transaction (BEGIN / COMMIT outside tests); the publish after commit reads nothing
CALL_ACCEPT = 7


def _calls(owner, provider_user, count):
    for _ in range(count):
        _call(
            _conversation(owner, provider_user),
            status=CallStatus.COMPLETED,
            host=owner,
            host_status=CallParticipantStatus.DISCONNECTED,
            guest=provider_user,
            guest_status=CallParticipantStatus.DISCONNECTED,
        )


@pytest.fixture
def warm_client(client_for, owner, settings):
    """A signed-in client after one request: cached project-wide reads (maintenance mode,
    the permission set in the shared cache on PostgreSQL runs) are not the routes'."""
    client = client_for(owner)
    client.get("/api/v1/calls/")
    return client


@pytest.mark.parametrize("rows", [3, 6])
def test_call_list_queries_do_not_grow_with_the_page(
    warm_client, owner, provider_user, rows, django_assert_num_queries
):
    _calls(owner, provider_user, rows)
    with django_assert_num_queries(CALL_LIST):
        response = warm_client.get("/api/v1/calls/")
    assert response.status_code == 200
    assert response.json()["count"] == rows
    assert all(len(call["participants"]) == 2 for call in response.json()["results"])


def test_call_detail_queries(
    warm_client, conversation, owner, provider_user, django_assert_num_queries
):
    call = _call(
        conversation,
        status=CallStatus.RINGING,
        host=owner,
        host_status=CallParticipantStatus.CONNECTED,
        guest=provider_user,
        guest_status=CallParticipantStatus.RINGING,
    )
    with django_assert_num_queries(CALL_DETAIL):
        response = warm_client.get(f"/api/v1/calls/{call.pk}/")
    assert response.status_code == 200


def test_call_accept_queries(
    client_for, conversation, owner, provider_user, django_assert_num_queries
):
    call = _call(
        conversation,
        status=CallStatus.RINGING,
        host=owner,
        host_status=CallParticipantStatus.CONNECTED,
        guest=provider_user,
        guest_status=CallParticipantStatus.RINGING,
    )
    client = client_for(provider_user)
    client.get("/api/v1/calls/")
    with django_assert_num_queries(CALL_ACCEPT):
        response = client.post(f"/api/v1/calls/{call.pk}/accept/")
    assert response.status_code == 200


def test_call_serializer_writes_what_drf_writes(owner, provider_user):
    # given: a finished call with both participants, read as the list reads it
    from rest_framework import serializers

    from messaging.api.calls import CallParticipantSerializer, CallSerializer
    from messaging.call_selectors import call_list

    _calls(owner, provider_user, 1)
    call = call_list(actor=owner).get()

    # then: the fast output path writes exactly what DRF's own does
    drf = dict(serializers.Serializer.to_representation(CallSerializer(), call))
    drf["participants"] = [
        dict(serializers.Serializer.to_representation(CallParticipantSerializer(), p))
        for p in call.participant_list
    ]
    assert CallSerializer(call).data == drf
