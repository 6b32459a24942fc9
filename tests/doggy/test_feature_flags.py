"""Feature flags per phase: one middleware answers 503 for a switched-off area's views."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.core.cache import cache
from django.db import transaction
from django.test import RequestFactory

from audit.models import AuditLog
from doggy.admin_features import FeatureAreaAdminMixin
from doggy.choices import FeatureArea
from doggy.models import SystemSetting
from doggy.selectors import SettingTypeError, feature_enabled, platform_switches
from doggy.services import feature_flag_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def probe_urls(settings):
    settings.ROOT_URLCONF = "tests.doggy.feature_urls"


def test_flags_are_on_without_a_row_and_the_first_switch_creates_a_typed_row(superuser):
    assert not SystemSetting.objects.filter(category="Features").exists()
    assert all(feature_enabled(area) for area in FeatureArea)

    feature_flag_set(actor=superuser, area=FeatureArea.BOOKING, enabled=False)

    row = SystemSetting.objects.get(setting_key="Features.Booking.Enabled")
    assert (row.data_type, row.setting_value, row.validation_rule) == (
        "Boolean",
        "false",
        '{"type":"boolean"}',
    )


def test_switched_off_area_answers_503_with_retry_after(client, probe_urls, superuser):
    feature_flag_set(actor=superuser, area=FeatureArea.MESSAGING, enabled=False)

    off = client.get("/api/v1/probe/messaging/")
    assert off.status_code == 503
    assert off["Retry-After"] == "300"
    assert off.json()["error"]["code"] == "feature_disabled"
    # Other areas and views without an area are untouched
    assert client.get("/api/v1/probe/booking/").status_code == 200
    assert client.get("/api/v1/probe/plain/").status_code == 200

    feature_flag_set(actor=superuser, area=FeatureArea.MESSAGING, enabled=True)
    assert client.get("/api/v1/probe/messaging/").status_code == 200


def test_switching_is_audited_and_creates_a_missing_row(superuser):
    SystemSetting.objects.filter(setting_key=FeatureArea.AI.setting_key).delete()
    assert feature_enabled(FeatureArea.AI)  # no row: on

    feature_flag_set(actor=superuser, area=FeatureArea.AI, enabled=False)
    feature_flag_set(actor=superuser, area=FeatureArea.BOOKING, enabled=False)

    assert not feature_enabled(FeatureArea.AI)
    assert not feature_enabled(FeatureArea.BOOKING)
    changed = AuditLog.objects.filter(user=superuser).values_list("entity_id", flat=True)
    assert changed.count() == 2


def test_admin_hides_a_switched_off_area(superuser):
    class ProbeAdmin(FeatureAreaAdminMixin, admin.ModelAdmin):
        feature_area = FeatureArea.PAYMENTS

    model_admin = ProbeAdmin(SystemSetting, admin.site)
    request = RequestFactory().get("/admin/")
    request.user = superuser
    assert model_admin.has_module_permission(request)
    assert model_admin.has_view_permission(request)

    feature_flag_set(actor=superuser, area=FeatureArea.PAYMENTS, enabled=False)

    assert not model_admin.has_module_permission(request)
    assert not model_admin.has_view_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_add_permission(request)


def test_maintenance_and_every_flag_are_read_together(
    superuser, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """One cache round trip per request for all switches: a cold cache costs one query
    for every key, a warm one none; a write in the open transaction is seen at once."""
    with django_capture_on_commit_callbacks(execute=True):
        feature_flag_set(actor=superuser, area=FeatureArea.BOOKING, enabled=False)
    cache.clear()
    with django_assert_num_queries(1):
        switches = platform_switches()
    assert switches.maintenance is False
    assert not switches.feature_enabled(FeatureArea.BOOKING)
    assert switches.areas == {area.value: area != FeatureArea.BOOKING for area in FeatureArea}
    with django_assert_num_queries(0):
        assert platform_switches() == switches

    with transaction.atomic():
        feature_flag_set(actor=superuser, area=FeatureArea.BOOKING, enabled=True)
        assert platform_switches().feature_enabled(FeatureArea.BOOKING)
    assert platform_switches().feature_enabled(FeatureArea.BOOKING)


def test_a_switch_stored_as_another_type_is_refused():
    SystemSetting.objects.create(
        setting_key=FeatureArea.AI.setting_key, setting_value="1", data_type="Integer"
    )
    cache.clear()
    with pytest.raises(SettingTypeError):
        platform_switches()
