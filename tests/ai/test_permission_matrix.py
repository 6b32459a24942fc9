"""Who may call what on the ai API and the content-report route: the permission matrix,
as data on the one base (tests/matrix.py).

`/ai/` needs `ai.access` (pet owners and providers hold it; the KYC reviewer does not)
and a dog the caller may see (others' dogs are 404, also for the superuser, who owns no
dog). Reporting content needs a signed-in user who can see the content: the row reports a
review the content check flagged (Pending), which only its author (`other_owner`) and
staff see; everyone else gets 404, as for content that does not exist.
"""

from __future__ import annotations

from ai.models import AiRecommendationFeedback, AiUsageRecord, ContentReport
from scheduling.choices import ReviewStatus
from tests.ai.factories import AiHealthRecommendationFactory, AiUsageRecordFactory
from tests.matrix import PermissionMatrix, Route
from tests.pets.factories import DogProfileFactory
from tests.scheduling.factories import ProviderReviewFactory

CALLERS = ("anonymous", "owner", "other_owner", "provider_user", "kyc_reviewer", "superuser")

RECS = "/api/v1/ai/dogs/{dog}/recommendations/"
JOB = "/api/v1/ai/jobs/{job}/"
REC = "/api/v1/ai/recommendations/{rec}/"
FEEDBACK = "/api/v1/ai/recommendations/{rec}/feedback/"
USAGE = "/api/v1/ai/usage/"
REPORTS = "/api/v1/reports/"


def row(method: str, path: str, *statuses: int, body=None) -> Route:
    """One route, statuses in the order of CALLERS."""
    return Route(method, path, dict(zip(CALLERS, statuses, strict=True)), body)


def report(world):
    return {
        "content_type": "Review",
        "content_id": str(world["review"]),
        "reason": "Spam",
        "details": "ads",
    }


class TestAiPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        row("GET", RECS, 401, 200, 404, 404, 403, 404),
        row("POST", RECS, 401, 202, 404, 404, 403, 404, body={}),
        row("GET", JOB, 401, 200, 404, 404, 403, 404),
        row("GET", REC, 401, 200, 404, 404, 403, 404),
        row("POST", FEEDBACK, 401, 201, 404, 404, 403, 404, body={"is_helpful": True}),
        row("GET", USAGE, 401, 200, 200, 200, 403, 200),
        row("POST", REPORTS, 401, 404, 201, 404, 404, 201, body=report),
    )

    def build_world(self, request, users):
        owner = users["owner"]
        dog = DogProfileFactory(owner=owner)
        job = AiUsageRecordFactory(user=owner, metadata={"dog_id": str(dog.pk)})
        rec = AiHealthRecommendationFactory(dog=dog, usage_record=job)
        flagged = ProviderReviewFactory(reviewer=users["other_owner"], status=ReviewStatus.PENDING)
        return {"dog": dog.pk, "job": job.request_id, "rec": rec.pk, "review": flagged.pk}

    def state(self):
        return {
            **super().state(),
            "usage": AiUsageRecord.objects.count(),
            "feedback": AiRecommendationFeedback.objects.count(),
            "reports": ContentReport.objects.count(),
        }

    def check_success(self, cell, response, before, after):
        if cell.route.method == "GET":
            assert after == before
        elif cell.route.path == RECS:
            # the job: one usage record, Pending until the work after commit runs
            assert after["usage"] == before["usage"] + 1
            assert response.json()["status"] == "Pending"
        else:
            assert after["audit"] == before["audit"] + 1
