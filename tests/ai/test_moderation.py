"""Moderation: the local classifier, the review queue (hide, approve, remove, escalate),
user reports and the staff screens that act on them through the services."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse

from ai.choices import AiProvider, AiUsageStatus, ModerationDecision, ReportStatus
from ai.errors import ModerationNotPendingError, ReportNotOpenError
from ai.models import ContentReport, ModerationCheck
from ai.providers.local_moderation import LocalModerator
from ai.selectors import moderation_queue
from ai.services import (
    content_report_create,
    content_report_resolve,
    moderation_check_content,
    moderation_review,
)
from audit.models import AuditLog
from doggy.core.errors import ApplicationError
from tests.callers import bearer_client
from tests.scheduling.factories import ProviderReviewFactory

pytestmark = pytest.mark.django_db

SAMPLE = json.loads((Path(__file__).parent / "data" / "moderation_sample.json").read_text())
INSULT = "You are a fucking idiot"
CLEAN = "Great walk today, Rex loved it!"


def test_the_local_classifier_flags_an_insult_and_allows_a_kind_review(user):
    flagged = moderation_check_content(
        content_type="Review", content_id="1", text=INSULT, author=user
    )
    clean = moderation_check_content(content_type="Review", content_id="2", text=CLEAN, author=user)

    assert (flagged.engine, flagged.flagged, flagged.decision) == (
        "local:profanity-check",
        True,
        ModerationDecision.PENDING_REVIEW,
    )
    assert flagged.categories == {"profanity": True}
    assert flagged.category_scores["profanity"] >= 0.8
    assert (clean.flagged, clean.decision, clean.categories) == (
        False,
        ModerationDecision.ALLOWED,
        {"profanity": False},
    )
    record = flagged.usage_record
    assert (record.feature, record.ai_provider, record.status, record.user_id) == (
        "Moderation",
        AiProvider.LOCAL,
        AiUsageStatus.SUCCESS,
        user.pk,
    )
    assert list(moderation_queue()) == [flagged]


def test_precision_and_recall_on_the_labelled_sample():
    moderator = LocalModerator()
    tp = fp = fn = tn = 0
    for text, offensive in SAMPLE["items"]:
        flagged = moderator.classify(text, request_id="sample").flagged
        tp += flagged and offensive
        fp += flagged and not offensive
        fn += (not flagged) and offensive
        tn += (not flagged) and not offensive
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(
        f"QUALITY local moderation (threshold {moderator.threshold}) on {len(SAMPLE['items'])} "
        f"labelled texts: precision {precision:.2f}, recall {recall:.2f} "
        f"(tp {tp}, fp {fp}, fn {fn}, tn {tn})"
    )
    assert tp + fp + fn + tn == len(SAMPLE["items"])


def test_an_approved_flag_is_a_recorded_false_positive(user, superuser):
    # The content of an unknown id: the owner's handler ignores it (tests/ai/
    # test_moderation_flow.py follows real messages and reviews).
    check = moderation_check_content(
        content_type="Review", content_id="9", text=INSULT, author=user
    )

    moderation_review(actor=superuser, check=check, outcome="Approved")

    check.refresh_from_db()
    assert (check.decision, check.review_outcome, check.reviewed_by) == (
        "Allowed",
        "Approved",
        superuser,
    )
    rows = AuditLog.objects.filter(entity_type="ai.ModerationCheck", entity_id=str(check.pk))
    assert sorted(str(r.new_values.get("false_positive")) for r in rows) == ["None", "True"]


def test_removed_is_blocked_and_escalated_stays_queued(user, superuser):
    removed = moderation_check_content(
        content_type="Message", content_id="m1", text=INSULT, author=user
    )
    escalated = moderation_check_content(
        content_type="Message", content_id="m2", text=INSULT, author=user
    )

    moderation_review(actor=superuser, check=removed, outcome="Removed")
    moderation_review(actor=superuser, check=escalated, outcome="Escalated")

    assert ModerationCheck.objects.get(pk=removed.pk).decision == ModerationDecision.BLOCKED
    assert list(moderation_queue()) == [escalated]
    with pytest.raises(ModerationNotPendingError):
        moderation_review(actor=superuser, check=removed, outcome="Approved")


def test_only_staff_review(user, owner):
    check = moderation_check_content(
        content_type="Review", content_id="9", text=INSULT, author=user
    )
    with pytest.raises(ApplicationError) as caught:
        moderation_review(actor=owner, check=check, outcome="Approved")
    assert (caught.value.status_code, caught.value.code) == (403, "staff_only")
    assert ModerationCheck.objects.get(pk=check.pk).decision == ModerationDecision.PENDING_REVIEW


def test_a_report_joins_the_queue_as_a_user_report_check(owner, other_owner):
    review = ProviderReviewFactory(reviewer=other_owner)
    response = bearer_client(owner).post(
        "/api/v1/reports/",
        {
            "content_type": "Review",
            "content_id": str(review.pk),
            "reason": "Harassment",
            "details": "rude",
        },
        format="json",
    )
    assert response.status_code == 201
    report = ContentReport.objects.get()
    queued = report.moderation_check
    assert (report.reporter, report.reported_user, report.status) == (
        owner,
        other_owner,
        ReportStatus.OPEN,
    )
    assert (queued.engine, queued.flagged, queued.decision, queued.author) == (
        "user-report",
        False,
        ModerationDecision.PENDING_REVIEW,
        other_owner,
    )
    assert list(moderation_queue()) == [queued]
    again = bearer_client(owner).post(
        "/api/v1/reports/",
        {"content_type": "Review", "content_id": str(review.pk), "reason": "Spam"},
        format="json",
    )
    assert (again.status_code, again.json()["error"]["code"]) == (409, "report_exists")
    assert ModerationCheck.objects.count() == 1


def test_a_report_links_to_the_flag_already_in_the_queue(owner, other_owner):
    review = ProviderReviewFactory(reviewer=other_owner)
    check = moderation_check_content(
        content_type="Review", content_id=str(review.pk), text=INSULT, author=other_owner
    )
    # the flag hid the review from the owner: an author reports it to staff instead
    report = content_report_create(
        actor=other_owner, content_type="Review", content_id=str(review.pk), reason="Other"
    )
    assert (report.moderation_check, ModerationCheck.objects.count()) == (check, 1)


def test_a_report_with_an_unknown_content_type_is_a_400(owner):
    response = bearer_client(owner).post(
        "/api/v1/reports/",
        {"content_type": "Poem", "content_id": "5", "reason": "Spam"},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["content_type"]


def test_a_closed_report_cannot_be_closed_again(owner, superuser):
    review = str(ProviderReviewFactory().pk)
    report = content_report_create(
        actor=owner, content_type="Review", content_id=review, reason="Spam"
    )
    content_report_resolve(
        actor=superuser, report=report, status="Dismissed", resolution="No violation"
    )
    with pytest.raises(ReportNotOpenError):
        content_report_resolve(actor=superuser, report=report, status="Resolved")
    # once closed, the reporter may report the same content again
    content_report_create(actor=owner, content_type="Review", content_id=review, reason="Spam")
    assert ContentReport.objects.filter(status=ReportStatus.OPEN).count() == 1


# --- the staff screens ----------------------------------------------------------------------
@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


def test_the_admin_queue_approves_through_the_service(staff_client, user):
    check = moderation_check_content(
        content_type="Review", content_id="9", text=INSULT, author=user
    )
    url = reverse("admin:ai_moderationcheck_changelist")
    response = staff_client.post(
        url, {"action": "approve_checks", "_selected_action": [check.pk]}, follow=True
    )
    assert response.status_code == 200
    assert "Approved 1 check(s)." in response.content.decode()
    check.refresh_from_db()
    assert check.review_outcome == "Approved"


def test_the_admin_resolves_reports_through_the_service(staff_client, owner, superuser):
    report = content_report_create(
        actor=owner,
        content_type="Review",
        content_id=str(ProviderReviewFactory().pk),
        reason="Spam",
    )
    url = reverse("admin:ai_contentreport_changelist")
    staff_client.post(url, {"action": "resolve_reports", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert (report.status, report.resolved_by, report.resolution) == (
        "Resolved",
        superuser,
        "Acted on by staff",
    )
    assert AuditLog.objects.filter(entity_type="ai.ContentReport", action="Update").count() == 1


def test_the_health_rules_are_shown_read_only(staff_client):
    page = staff_client.get(reverse("admin:ai_aihealthrecommendation_health_rules"))
    assert page.status_code == 200
    text = " ".join(page.content.decode().split())
    assert "Health rules (rules:v1)" in text
    assert text.count("<code>vaccination.") == 2
    assert "12 rules, 16 breed weight ranges" in text


def test_staff_without_system_admin_see_no_review_actions(client, kyc_reviewer):
    kyc_reviewer.is_staff = True
    kyc_reviewer.save()
    client.force_login(kyc_reviewer)
    response = client.get(reverse("admin:ai_aihealthrecommendation_health_rules"))
    assert response.status_code == 403
