"""The ai API's fast output serializers write exactly what stock DRF writes
(the list pipeline's rule 4, as tests/api/test_output_pipeline.py does for the others)."""

from __future__ import annotations

import pytest
from rest_framework import serializers

from ai.api.serializers import (
    FeedbackSerializer,
    JobSerializer,
    RecommendationSerializer,
    ReportSerializer,
)
from ai.selectors import job_get, recommendation_list
from tests.ai.factories import (
    AiHealthRecommendationFactory,
    AiRecommendationFeedbackFactory,
    AiUsageRecordFactory,
    ContentReportFactory,
)
from tests.pets.factories import DogProfileFactory

pytestmark = pytest.mark.django_db


def drf_output(serializer_class, instance) -> dict:
    return dict(serializers.Serializer.to_representation(serializer_class(), instance))


def test_ai_rows_match_drf(user):
    dog = DogProfileFactory(owner=user)
    job = AiUsageRecordFactory(user=user, metadata={"dog_id": str(dog.pk)})
    with_feedback = AiHealthRecommendationFactory(dog=dog, usage_record=job, confidence=None)
    AiHealthRecommendationFactory(dog=dog, usage_record=job, input_snapshot={"disclaimer": "x"})
    feedback = AiRecommendationFeedbackFactory(recommendation=with_feedback, user=user)
    rows = list(recommendation_list(actor=user, dog_id=dog.pk))
    for row in rows:
        assert RecommendationSerializer(row).data == drf_output(RecommendationSerializer, row)
    loaded = job_get(actor=user, job_id=job.request_id)
    assert JobSerializer(loaded).data == drf_output(JobSerializer, loaded)
    assert len(JobSerializer(loaded).data["recommendations"]) == 2
    assert FeedbackSerializer(feedback).data == drf_output(FeedbackSerializer, feedback)
    report = ContentReportFactory()
    assert ReportSerializer(report).data == drf_output(ReportSerializer, report)
