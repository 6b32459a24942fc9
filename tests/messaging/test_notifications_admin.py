"""Staff screens of notifications, deliveries and push devices: read-only lists and
detail pages, and the deactivate action on devices, which goes through the service."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from audit.models import AuditLog
from messaging.models import Notification, NotificationDelivery, PushDevice
from messaging.notification_services import notify
from tests.messaging.factories import PushDeviceFactory

pytestmark = pytest.mark.django_db

MODELS = (Notification, NotificationDelivery, PushDevice)


@pytest.fixture
def staff(superuser) -> Client:
    client = Client()
    client.force_login(superuser)
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_no_add_change_or_delete_even_for_a_superuser(model, superuser):
    request = RequestFactory().get("/")
    request.user = superuser
    model_admin = admin.site._registry[model]
    assert (
        model_admin.has_add_permission(request),
        model_admin.has_change_permission(request),
        model_admin.has_delete_permission(request),
        model_admin.has_view_permission(request),
    ) == (False, False, False, True)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_lists_and_details_render(model, staff, owner):
    # given
    PushDeviceFactory(user=owner)
    notify(owner, "appointment.confirmed", "Confirmed")
    obj = model.objects.first()
    name = model._meta.model_name

    # then
    assert staff.get(reverse(f"admin:messaging_{name}_changelist")).status_code == 200
    assert staff.get(reverse(f"admin:messaging_{name}_change", args=[obj.pk])).status_code == 200


def test_deactivate_action_goes_through_the_service(staff, owner, superuser):
    # given: two active devices and a pending push to one of them
    device, other = PushDeviceFactory(user=owner), PushDeviceFactory(user=owner)
    notification = notify(owner, "message.new", "Hi")
    assert notification.deliveries.filter(push_device=device, status="Pending").exists()

    # when
    response = staff.post(
        reverse("admin:messaging_pushdevice_changelist"),
        {"action": "deactivate_devices", "_selected_action": [str(device.pk)]},
    )

    # then: off, its pending push skipped, audited with the staff member as actor
    assert response.status_code == 302
    device.refresh_from_db()
    other.refresh_from_db()
    assert (device.is_active, other.is_active) == (False, True)
    delivery = notification.deliveries.get(push_device=device)
    assert (delivery.status, delivery.skip_reason) == ("Skipped", "NoDevice")
    [entry] = AuditLog.objects.filter(entity_id=str(device.pk))
    assert entry.user_id == superuser.pk
    assert entry.new_values == {"is_active": False, "reason": "Deactivated by staff."}


def test_the_action_is_not_offered_without_system_admin(owner, kyc_reviewer):
    request = RequestFactory().get("/")
    request.user = kyc_reviewer
    assert admin.site._registry[PushDevice].has_deactivate_permission(request) is False
