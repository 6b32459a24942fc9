"""The admin screens of the AI and booking areas follow their feature flags: switched off,
they leave the index and answer 403, as for a user without permission."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from doggy.choices import FeatureArea
from doggy.services import feature_flag_set

pytestmark = pytest.mark.django_db

AREA_MODELS = {
    FeatureArea.AI: [
        "ai.aihealthrecommendation",
        "ai.airecommendationfeedback",
        "ai.moderationcheck",
        "ai.contentreport",
        "ai.aiusagerecord",
        "ai.aidailyusage",
        "ai.aimodelprice",
    ],
    FeatureArea.BOOKING: [
        "scheduling.availabilityschedule",
        "scheduling.appointment",
        "scheduling.servicevisit",
        "scheduling.bookingrule",
        "scheduling.slothold",
        "scheduling.calendarconnection",
        "scheduling.calendareventlink",
        "scheduling.calendarfeedtoken",
    ],
}
CASES = [(area, label) for area, labels in AREA_MODELS.items() for label in labels]


def _changelist(label: str) -> str:
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_changelist")


def test_every_ai_admin_is_listed_here():
    registered = sorted(
        f"{model._meta.app_label}.{model._meta.model_name}"
        for model in admin.site._registry
        if model._meta.app_label == "ai"
    )
    assert registered == sorted(AREA_MODELS[FeatureArea.AI])


@pytest.mark.parametrize(("area", "label"), CASES, ids=[label for _, label in CASES])
def test_a_switched_off_area_hides_its_admin(client, superuser, area, label):
    client.force_login(superuser)
    assert client.get(_changelist(label)).status_code == 200

    feature_flag_set(actor=superuser, area=area, enabled=False)

    assert client.get(_changelist(label)).status_code == 403
    index = client.get(reverse("admin:index"))
    assert _changelist(label).encode() not in index.content


def test_other_areas_stay_visible_when_one_is_off(client, superuser):
    client.force_login(superuser)
    feature_flag_set(actor=superuser, area=FeatureArea.AI, enabled=False)
    assert client.get(_changelist("scheduling.appointment")).status_code == 200
    assert client.get(_changelist("scheduling.serviceoffering")).status_code == 200
