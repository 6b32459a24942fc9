"""Moderation in the flow: messages and reviews are checked after commit, flagged content is
hidden from all but its author and staff, staff decisions restore or remove it, reports
must name content the reporter can see, and urgent recommendations notify the owner once.

The apps meet only through the kernel (doggy.core.moderation, doggy.core.notifications);
these tests go through the real services and API of each side.
"""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from ai.choices import ModerationDecision, ReportStatus
from ai.models import AiHealthRecommendation, AiUsageRecord, ContentReport, ModerationCheck
from ai.services import content_report_create, moderation_review, recommendation_job_run
from audit.models import AuditLog
from doggy.core.realtime import FORWARD_TYPE, user_group
from doggy.services import stored_file_mark_scanned
from messaging.choices import ModerationStatus
from messaging.models import Message, Notification
from messaging.services.conversations import conversation_get_or_create_direct, message_send
from pets.choices import AllergyCriticality
from scheduling.choices import AppointmentStatus, ReviewStatus
from scheduling.models import ProviderReview
from scheduling.services import provider_review_create
from tests.callers import bearer_client
from tests.pets.factories import DogAllergyFactory, DogProfileFactory, MedicationFactory
from tests.scheduling.factories import (
    AppointmentFactory,
    ProviderReviewFactory,
    ServiceOfferingFactory,
)

pytestmark = pytest.mark.django_db

INSULT = "You are a fucking idiot"
CLEAN = "Great walk today, Rex loved it!"


# --- Messages ---------------------------------------------------------------------------------
@pytest.fixture
def direct(owner, provider_user):
    conversation, _created = conversation_get_or_create_direct(
        actor=owner, other_user_id=provider_user.pk
    )
    return conversation


def _messages_url(conversation) -> str:
    return f"/api/v1/conversations/{conversation.pk}/messages/"


def _send(user, conversation, text, capture) -> int:
    with capture(execute=True):
        response = bearer_client(user).post(
            _messages_url(conversation), {"content": text}, format="json"
        )
    assert response.status_code == 201
    return response.json()["id"]


def _seen_by(user, conversation, message_id) -> tuple[dict, dict]:
    """The message as `user` gets it in the list and in the detail."""
    client = bearer_client(user)
    listed = client.get(_messages_url(conversation)).json()["results"]
    detail = client.get(f"{_messages_url(conversation)}{message_id}/").json()
    (row,) = [m for m in listed if m["id"] == message_id]
    return row, detail


def test_a_message_is_checked_after_commit_and_a_clean_one_stays_shown(
    owner, provider_user, direct, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message, _ = message_send(actor=owner, conversation=direct, content=CLEAN)
    # nothing is checked inside the send's transaction
    assert ModerationCheck.objects.count() == 0
    for callback in callbacks:
        callback()

    check = ModerationCheck.objects.get()
    assert (check.content_type, check.content_id, check.author, check.decision) == (
        "Message",
        str(message.pk),
        owner,
        ModerationDecision.ALLOWED,
    )
    row, _detail = _seen_by(provider_user, direct, message.pk)
    assert (row["content"], row["is_hidden"]) == (CLEAN, False)


def test_a_rolled_back_send_is_never_checked(owner, direct, django_capture_on_commit_callbacks):
    def failing_request():
        with transaction.atomic():
            message_send(actor=owner, conversation=direct, content=INSULT)
            raise RuntimeError("the request failed after the send")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError, match="failed after the send"),
    ):
        failing_request()
    assert callbacks == []
    assert (ModerationCheck.objects.count(), Message.objects.count()) == (0, 0)


def test_a_flagged_message_is_hidden_from_others_until_staff_approve_it(
    owner, provider_user, superuser, direct, django_capture_on_commit_callbacks
):
    message_id = _send(owner, direct, INSULT, django_capture_on_commit_callbacks)

    check = ModerationCheck.objects.get()
    assert (check.flagged, check.decision) == (True, ModerationDecision.PENDING_REVIEW)
    assert Message.objects.get(pk=message_id).moderation_status == ModerationStatus.FLAGGED
    # the other participant: a tombstone in the list and the detail, no edits either
    for shown in _seen_by(provider_user, direct, message_id):
        assert (shown["content"], shown["is_hidden"]) == ("", True)
    edits = bearer_client(provider_user).get(f"{_messages_url(direct)}{message_id}/edits/")
    assert (edits.status_code, edits.json()) == (200, [])
    # its sender still reads it
    for shown in _seen_by(owner, direct, message_id):
        assert (shown["content"], shown["is_hidden"]) == (INSULT, True)

    with django_capture_on_commit_callbacks(execute=True):
        moderation_review(actor=superuser, check=check, outcome="Approved")

    assert Message.objects.get(pk=message_id).moderation_status == ModerationStatus.CLEAN
    for shown in _seen_by(provider_user, direct, message_id):
        assert (shown["content"], shown["is_hidden"]) == (INSULT, False)
    moderation = AuditLog.objects.filter(entity_type="messaging.Message", entity_id=str(message_id))
    assert {(row.user_id, row.new_values["moderation"]) for row in moderation} == {
        (None, "flag"),
        (superuser.pk, "approve"),
    }


def test_a_removed_message_is_hidden_from_its_sender_too_and_its_reports_resolved(
    owner, provider_user, superuser, direct, django_capture_on_commit_callbacks
):
    message_id = _send(owner, direct, CLEAN, django_capture_on_commit_callbacks)
    report = content_report_create(
        actor=provider_user, content_type="Message", content_id=str(message_id), reason="Spam"
    )
    assert (report.reported_user, report.moderation_check.engine) == (owner, "user-report")

    moderation_review(actor=superuser, check=report.moderation_check, outcome="Removed")

    assert Message.objects.get(pk=message_id).moderation_status == ModerationStatus.BLOCKED
    for user in (owner, provider_user):
        for shown in _seen_by(user, direct, message_id):
            assert (shown["content"], shown["is_hidden"]) == ("", True)
    report.refresh_from_db()
    assert (report.status, report.resolved_by, report.resolution) == (
        ReportStatus.RESOLVED,
        superuser,
        "Content removed by staff",
    )


def test_approving_a_reported_message_dismisses_the_report_and_changes_nothing_else(
    owner, provider_user, superuser, direct, django_capture_on_commit_callbacks
):
    message_id = _send(owner, direct, CLEAN, django_capture_on_commit_callbacks)
    report = content_report_create(
        actor=provider_user, content_type="Message", content_id=str(message_id), reason="Spam"
    )

    moderation_review(actor=superuser, check=report.moderation_check, outcome="Approved")

    report.refresh_from_db()
    assert (report.status, report.resolution) == (ReportStatus.DISMISSED, "No violation found")
    assert Message.objects.get(pk=message_id).moderation_status == ModerationStatus.CLEAN


class _Socket:
    def __init__(self, user):
        self.layer = get_channel_layer()
        self.channel = async_to_sync(self.layer.new_channel)()
        async_to_sync(self.layer.group_add)(user_group(user.pk), self.channel)

    def events(self) -> list[tuple[str, dict]]:
        queue = self.layer.channels.get(self.channel)
        found = []
        while queue is not None and not queue.empty():
            _expiry, message = queue.get_nowait()
            assert message["type"] == FORWARD_TYPE
            found.append((message["event"], message["data"]))
        return found


def test_realtime_tells_participants_a_message_was_hidden_without_its_text(
    owner, provider_user, direct, django_capture_on_commit_callbacks
):
    socket = _Socket(provider_user)

    message_id = _send(owner, direct, INSULT, django_capture_on_commit_callbacks)

    events = socket.events()
    assert [name for name, _data in events] == ["message.created", "message.hidden"]
    assert events[1][1] == {"id": message_id, "conversation_id": str(direct.pk)}
    assert "fucking" not in json.dumps(events)


def test_only_its_sender_fetches_the_attachment_of_a_flagged_message(
    owner, provider_user, direct, media_root, django_capture_on_commit_callbacks
):
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 120, 40)).save(out, format="PNG")
    upload = SimpleUploadedFile("rex.png", out.getvalue(), content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        message, _ = message_send(actor=owner, conversation=direct, content=INSULT, files=[upload])
    stored = message.attachment_list[0].file
    stored_file_mark_scanned(file=stored, status="Clean")
    url = f"{_messages_url(direct)}{message.pk}/attachments/{stored.pk}/"

    other = bearer_client(provider_user).get(url)
    assert (other.status_code, other.json()["error"]["code"]) == (404, "attachment_not_found")
    seen = bearer_client(provider_user).get(f"{_messages_url(direct)}{message.pk}/").json()
    assert seen["attachments"] == []
    mine = bearer_client(owner).get(url)
    assert mine.status_code == 200
    b"".join(mine.streaming_content)
    mine.close()


# --- Reviews ----------------------------------------------------------------------------------
@pytest.fixture
def completed(listed_provider, owner):
    return AppointmentFactory(
        owner=owner,
        service_offering=ServiceOfferingFactory(provider=listed_provider),
        status=AppointmentStatus.COMPLETED,
        completed_at=timezone.now(),
    )


def _listed(client, provider) -> list[tuple[str, str]]:
    response = client.get(f"/api/v1/providers/{provider.pk}/reviews/")
    assert response.status_code == 200
    return [(r["comment"], r["status"]) for r in response.json()["results"]]


def test_a_flagged_review_leaves_the_list_and_the_rating_until_staff_approve_it(
    client,
    listed_provider,
    owner,
    other_owner,
    superuser,
    completed,
    django_capture_on_commit_callbacks,
):
    ProviderReviewFactory(provider=listed_provider, rating=5, comment="Lovely")
    with django_capture_on_commit_callbacks(execute=True):
        review = provider_review_create(
            actor=owner,
            provider=listed_provider,
            appointment_id=completed.pk,
            rating=1,
            comment=INSULT,
        )

    review.refresh_from_db()
    listed_provider.refresh_from_db()
    assert review.status == ReviewStatus.PENDING
    assert (listed_provider.average_rating, listed_provider.review_count) == (Decimal("5.00"), 1)
    assert _listed(client, listed_provider) == [("Lovely", "Published")]
    assert _listed(bearer_client(other_owner), listed_provider) == [("Lovely", "Published")]
    # its author and staff still see it
    assert (INSULT, "Pending") in _listed(bearer_client(owner), listed_provider)
    assert (INSULT, "Pending") in _listed(bearer_client(superuser), listed_provider)

    check = ModerationCheck.objects.get(content_type="Review")
    moderation_review(actor=superuser, check=check, outcome="Approved")

    review.refresh_from_db()
    listed_provider.refresh_from_db()
    assert review.status == ReviewStatus.PUBLISHED
    assert (listed_provider.average_rating, listed_provider.review_count) == (Decimal("3.00"), 2)
    assert (INSULT, "Published") in _listed(client, listed_provider)


def test_a_removed_review_is_gone_for_its_author_too(
    listed_provider, owner, superuser, completed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        review = provider_review_create(
            actor=owner,
            provider=listed_provider,
            appointment_id=completed.pk,
            rating=1,
            comment=INSULT,
        )
    check = ModerationCheck.objects.get(content_type="Review")

    moderation_review(actor=superuser, check=check, outcome="Removed")

    assert ProviderReview.objects.get(pk=review.pk).status == ReviewStatus.REMOVED
    assert _listed(bearer_client(owner), listed_provider) == []
    logs = AuditLog.objects.filter(entity_id=str(review.pk), action="Update")
    assert {
        (log.user_id, log.new_values["status"], log.new_values["moderation"]) for log in logs
    } == {
        (None, "Pending", "content check"),
        (superuser.pk, "Removed", "staff"),
    }


def test_a_review_without_text_is_not_checked(
    listed_provider, owner, completed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        provider_review_create(
            actor=owner, provider=listed_provider, appointment_id=completed.pk, rating=4
        )
    assert (callbacks, ModerationCheck.objects.count()) == ([], 0)


def test_staff_see_the_flagged_text_in_the_queue(
    client, superuser, owner, direct, django_capture_on_commit_callbacks
):
    _send(owner, direct, INSULT, django_capture_on_commit_callbacks)
    check = ModerationCheck.objects.get()
    client.force_login(superuser)

    page = client.get(reverse("admin:ai_moderationcheck_change", args=[check.pk]))

    assert page.status_code == 200
    assert INSULT in page.content.decode()


# --- Reports ----------------------------------------------------------------------------------
def _report(user, content_type: str, content_id) -> tuple[int, str | None]:
    response = bearer_client(user).post(
        "/api/v1/reports/",
        {"content_type": content_type, "content_id": str(content_id), "reason": "Spam"},
        format="json",
    )
    code = response.json()["error"]["code"] if response.status_code >= 400 else None
    return response.status_code, code


def test_a_report_of_content_the_reporter_cannot_see_is_a_404(
    owner, provider_user, other_owner, direct, django_capture_on_commit_callbacks
):
    clean = _send(provider_user, direct, CLEAN, django_capture_on_commit_callbacks)
    flagged = _send(owner, direct, INSULT, django_capture_on_commit_callbacks)
    not_found = (404, "reported_content_not_found")

    assert _report(other_owner, "Message", clean) == not_found  # not in the conversation
    assert _report(provider_user, "Message", flagged) == not_found  # flagged, not theirs
    assert _report(owner, "Message", 10**30) == not_found
    assert _report(owner, "Message", "abc") == not_found
    assert _report(owner, "Review", "00000000-0000-0000-0000-000000000001") == not_found
    assert _report(owner, "Review", ProviderReviewFactory(status=ReviewStatus.REMOVED).pk) == (
        not_found
    )
    assert ContentReport.objects.count() == 0
    # a participant reports what they see; the sender, their own flagged message
    assert _report(owner, "Message", clean) == (201, None)
    assert _report(owner, "Message", flagged) == (201, None)


def test_a_report_names_the_content_by_its_stored_id(
    owner, provider_user, direct, django_capture_on_commit_callbacks
):
    message_id = _send(owner, direct, INSULT, django_capture_on_commit_callbacks)
    flag = ModerationCheck.objects.get()

    assert _report(owner, "Message", f"00{message_id}") == (201, None)
    assert _report(owner, "Message", str(message_id)) == (409, "report_exists")
    report = ContentReport.objects.get()
    assert (report.content_id, report.moderation_check) == (str(message_id), flag)


def test_a_kind_no_app_handles_cannot_be_reported(owner):
    status, code = _report(owner, "DogProfile", DogProfileFactory(owner=owner).pk)
    assert (status, code) == (400, "invalid")


# --- Urgent recommendations -------------------------------------------------------------------
@pytest.fixture
def urgent_dog(other_owner):
    """A dog on a medication its owner's records say it is highly allergic to (Urgent)."""
    dog = DogProfileFactory(owner=other_owner, breed="Beagle", weight=Decimal("24.00"))
    today = timezone.now().astimezone(datetime.UTC).date()
    MedicationFactory(dog=dog, name="Amoxicillin", start_date=today - datetime.timedelta(days=3))
    DogAllergyFactory(
        dog=dog, substance="Amoxicillin", category="Medication", criticality=AllergyCriticality.HIGH
    )
    return dog


def _urgent(user):
    return Notification.objects.filter(
        recipient=user, notification_type="health.urgent_recommendation"
    )


def test_an_urgent_recommendation_notifies_the_owner_once_after_commit(
    other_owner, urgent_dog, django_capture_on_commit_callbacks
):
    client = bearer_client(other_owner)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(f"/api/v1/ai/dogs/{urgent_dog.pk}/recommendations/")
    assert response.status_code == 202
    job = AiUsageRecord.objects.get(request_id=response.json()["id"])

    with django_capture_on_commit_callbacks(execute=False) as after_job:
        for callback in queued:
            callback()
    # the recommendations are stored; the notification waits for their commit
    assert AiHealthRecommendation.objects.filter(usage_record=job, urgency="Urgent").count() == 1
    assert _urgent(other_owner).count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        for callback in after_job:
            callback()
    (notification,) = _urgent(other_owner)
    assert notification.title == f"{urgent_dog.name}: contact a vet now"
    assert notification.level == "warning"
    assert notification.data["dog_id"] == str(urgent_dog.pk)

    # the same job again (a retried task) and a new run about the same condition: no more
    for callback in after_job:
        callback()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/api/v1/ai/dogs/{urgent_dog.pk}/recommendations/")
    assert _urgent(other_owner).count() == 1


def test_the_owner_is_notified_when_a_reader_of_a_shared_dog_asks(
    owner, other_owner, urgent_dog, django_capture_on_commit_callbacks
):
    from tests.pets.factories import DogAccessGrantFactory

    DogAccessGrantFactory(dog=urgent_dog, grantee=owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = bearer_client(owner).post(f"/api/v1/ai/dogs/{urgent_dog.pk}/recommendations/")
    assert response.status_code == 202
    assert (_urgent(other_owner).count(), _urgent(owner).count()) == (1, 0)


def test_a_job_run_twice_is_stored_and_notified_once(
    other_owner, urgent_dog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        bearer_client(other_owner).post(f"/api/v1/ai/dogs/{urgent_dog.pk}/recommendations/")
    job = AiUsageRecord.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        recommendation_job_run(job.pk)
        recommendation_job_run(job.pk)
    assert len(queued) == 1
    assert _urgent(other_owner).count() == 1
