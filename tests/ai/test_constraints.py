"""The ai tables' invariants hold in the database itself (SCHEMA.md 2.31–2.33, I-9, I-20).

Each bad value is written past all Python validation (`update` / `bulk_create`), so only
a CHECK or UNIQUE constraint can refuse it. Both engines name the violated CHECK in the
error; PostgreSQL also names the violated unique key, SQLite names its columns instead.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from ai.choices import ReportStatus
from ai.models import AiDailyUsage, AiModelPrice, AiRecommendationFeedback, ContentReport
from tests.accounts.factories import UserFactory
from tests.ai.factories import (
    AiDailyUsageFactory,
    AiHealthRecommendationFactory,
    AiModelPriceFactory,
    AiRecommendationFeedbackFactory,
    AiUsageRecordFactory,
    ContentReportFactory,
    ModerationCheckFactory,
)

# (constraint, factory, bad values): each update must be refused by the named CHECK.
BAD_UPDATES = [
    ("CK_AiRecs_Confidence", AiHealthRecommendationFactory, {"confidence": Decimal("1.001")}),
    ("CK_AiRecs_Confidence", AiHealthRecommendationFactory, {"confidence": Decimal("-0.001")}),
    ("CK_AiRecs_Urgency", AiHealthRecommendationFactory, {"urgency": "Critical"}),
    ("CK_AiHealthRecommendations_Trigger", AiHealthRecommendationFactory, {"trigger": "Cron"}),
    (
        "CK_AiHealthRecommendations_Category",
        AiHealthRecommendationFactory,
        {"category": "Diet"},
    ),
    ("CK_AiHealthRecommendations_Status", AiHealthRecommendationFactory, {"status": "Deleted"}),
    ("CK_ModerationChecks_ContentType", ModerationCheckFactory, {"content_type": "Post"}),
    ("CK_ModerationChecks_Decision", ModerationCheckFactory, {"decision": "Maybe"}),
    ("CK_ModerationChecks_ReviewOutcome", ModerationCheckFactory, {"review_outcome": "Kept"}),
    ("CK_ContentReports_ContentType", ContentReportFactory, {"content_type": "Post"}),
    ("CK_ContentReports_Reason", ContentReportFactory, {"reason": "Rude"}),
    ("CK_ContentReports_Status", ContentReportFactory, {"status": "Closed"}),
    ("CK_AiUsage_Tokens", AiUsageRecordFactory, {"total_tokens": 599}),
    ("CK_AiUsageRecords_Feature", AiUsageRecordFactory, {"feature": "Translation"}),
    ("CK_AiUsageRecords_AiProvider", AiUsageRecordFactory, {"ai_provider": "Mistral"}),
    ("CK_AiUsageRecords_Status", AiUsageRecordFactory, {"status": "Timeout"}),
    ("CK_AiDailyUsage_NonNeg", AiDailyUsageFactory, {"prompt_tokens": -1}),
    ("CK_AiDailyUsage_NonNeg", AiDailyUsageFactory, {"completion_tokens": -1}),
    ("CK_AiDailyUsage_NonNeg", AiDailyUsageFactory, {"cost_usd": Decimal("-0.000001")}),
    ("CK_AiModelPrices_AiProvider", AiModelPriceFactory, {"ai_provider": "Mistral"}),
]


@pytest.mark.parametrize(
    ("constraint", "factory", "values"),
    BAD_UPDATES,
    ids=[f"{c}-{next(iter(v))}" for c, _, v in BAD_UPDATES],
)
def test_check_constraint_refuses_bad_values(db, constraint, factory, values):
    # Given a valid row
    row = factory()
    model = type(row)
    # When a bad value is written past Python validation
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        model.objects.filter(pk=row.pk).update(**values)
    # Then the named CHECK refused it and the row kept its good values
    assert constraint in str(refused.value)
    stored = model.objects.filter(pk=row.pk).values(*values).get()
    assert stored != values


def _refused_by(error: IntegrityError, name: str) -> None:
    # PostgreSQL names the unique index; SQLite lists the columns instead
    if connection.vendor == "postgresql":
        assert name in str(error)
    else:
        assert "UNIQUE constraint failed" in str(error)


def test_one_feedback_per_recommendation_and_user(db):
    feedback = AiRecommendationFeedbackFactory()
    twin = AiRecommendationFeedback(
        recommendation=feedback.recommendation, user=feedback.user, is_helpful=False
    )
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        AiRecommendationFeedback.objects.bulk_create([twin])
    _refused_by(refused.value, "UX_AiFeedback_Rec_User")
    # another user may give feedback on the same recommendation
    AiRecommendationFeedbackFactory(recommendation=feedback.recommendation, user=UserFactory())
    assert AiRecommendationFeedback.objects.count() == 2


def _report_like(report: ContentReport, **overrides) -> ContentReport:
    values = {
        "reporter": report.reporter,
        "content_type": report.content_type,
        "content_id": report.content_id,
        "reason": report.reason,
    }
    values.update(overrides)
    return ContentReport(**values)


@pytest.mark.parametrize("status", [ReportStatus.OPEN, ReportStatus.REVIEWING])
def test_one_open_report_per_reporter_and_content(db, status):
    # Given an open (or in-review) report
    report = ContentReportFactory(status=status)
    # When the same reporter reports the same content again
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        ContentReport.objects.bulk_create([_report_like(report)])
    # Then the filtered unique key refuses it
    _refused_by(refused.value, "UX_Reports_Reporter_Content")
    assert ContentReport.objects.count() == 1


@pytest.mark.parametrize("status", [ReportStatus.RESOLVED, ReportStatus.DISMISSED])
def test_a_closed_report_makes_room_for_a_new_one(db, status):
    report = ContentReportFactory()
    ContentReport.objects.filter(pk=report.pk).update(status=status)
    ContentReport.objects.bulk_create([_report_like(report)])
    assert ContentReport.objects.filter(content_id=report.content_id).count() == 2


def test_reports_of_deleted_reporters_do_not_collide(db):
    # Reports whose reporter is gone (SET NULL) are outside the key
    report = ContentReportFactory(reporter=None)
    ContentReport.objects.bulk_create([_report_like(report), _report_like(report)])
    assert ContentReport.objects.filter(content_id=report.content_id).count() == 3


def test_one_daily_usage_row_per_user_and_day(db):
    usage = AiDailyUsageFactory()
    twin = AiDailyUsage(user=usage.user, usage_date=usage.usage_date)
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        AiDailyUsage.objects.bulk_create([twin])
    _refused_by(refused.value, "UX_AiDailyUsage_User_Date")
    assert AiDailyUsage.objects.count() == 1


def test_one_price_per_model_and_start_date(db):
    price = AiModelPriceFactory()
    twin = AiModelPrice(
        ai_provider=price.ai_provider,
        model_name=price.model_name,
        effective_from=price.effective_from,
    )
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        AiModelPrice.objects.bulk_create([twin])
    _refused_by(refused.value, "UX_AiModelPrices_Model_From")
    assert AiModelPrice.objects.count() == 1


def test_usage_request_ids_are_unique(db):
    record = AiUsageRecordFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AiUsageRecordFactory(request_id=record.request_id)


def test_a_recommendation_goes_with_its_dog_and_keeps_its_usage_record(db):
    # CASCADE from the dog; the usage record outlives the advice (cost history)
    usage = AiUsageRecordFactory()
    recommendation = AiHealthRecommendationFactory(usage_record=usage)
    AiRecommendationFeedbackFactory(recommendation=recommendation)
    recommendation.dog.delete()
    assert not AiRecommendationFeedback.objects.exists()
    usage.refresh_from_db()
    assert usage.pk is not None


def test_deleting_a_usage_record_empties_the_links_to_it(db):
    usage = AiUsageRecordFactory()
    recommendation = AiHealthRecommendationFactory(usage_record=usage)
    check = ModerationCheckFactory(usage_record=usage)
    usage.delete()
    recommendation.refresh_from_db()
    check.refresh_from_db()
    assert (recommendation.usage_record_id, check.usage_record_id) == (None, None)
