"""Who may call what on the ai API and the content-report route: the permission matrix,
as data on the one base (tests/matrix.py).

`/ai/` needs `ai.access` (pet owners and providers hold it; the KYC reviewer does not)
and a dog the caller may see (others' dogs are 404, also for the superuser, who owns no
dog). Reporting content needs only a signed-in user.
"""

from __future__ import annotations

from ai.models import AiRecommendationFeedback, AiUsageRecord, ContentReport
from tests.ai.factories import AiHealthRecommendationFactory, AiUsageRecordFactory
from tests.matrix import PermissionMatrix, Route
from tests.pets.factories import DogProfileFactory

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


REPORT = {"content_type": "Review", "content_id": "42", "reason": "Spam", "details": "ads"}


class TestAiPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = (
        row("GET", RECS, 401, 200, 404, 404, 403, 404),
        row("POST", RECS, 401, 202, 404, 404, 403, 404, body={}),
        row("GET", JOB, 401, 200, 404, 404, 403, 404),
        row("GET", REC, 401, 200, 404, 404, 403, 404),
        row("POST", FEEDBACK, 401, 201, 404, 404, 403, 404, body={"is_helpful": True}),
        row("GET", USAGE, 401, 200, 200, 200, 403, 200),
        row("POST", REPORTS, 401, 201, 201, 201, 201, 201, body=REPORT),
    )

    def build_world(self, request, users):
        owner = users["owner"]
        dog = DogProfileFactory(owner=owner)
        job = AiUsageRecordFactory(user=owner, metadata={"dog_id": str(dog.pk)})
        rec = AiHealthRecommendationFactory(dog=dog, usage_record=job)
        return {"dog": dog.pk, "job": job.request_id, "rec": rec.pk}

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
