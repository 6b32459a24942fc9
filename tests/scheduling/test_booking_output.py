"""The fast output serializers of booking write exactly what DRF writes (performance.md §4)."""

from __future__ import annotations

import pytest
from rest_framework import serializers

from scheduling.api.appointments import (
    AppointmentDetailSerializer,
    AppointmentSerializer,
    HoldSerializer,
)
from scheduling.appointments import appointment_get, appointment_list_owner
from tests.scheduling.factories import (
    AppointmentPetFactory,
    AppointmentStatusHistoryFactory,
    SlotHoldFactory,
)

pytestmark = pytest.mark.django_db


def drf_output(serializer_class, instance) -> dict:
    return dict(serializers.Serializer.to_representation(serializer_class(), instance))


def test_appointment_hold_and_detail_rows_match_drf():
    pet = AppointmentPetFactory()
    owner = pet.appointment.owner
    AppointmentStatusHistoryFactory(appointment=pet.appointment, reason="Booked")
    rows = list(appointment_list_owner(actor=owner))
    detail = appointment_get(actor=owner, appointment_id=pet.appointment.pk)
    hold = SlotHoldFactory()

    assert [AppointmentSerializer(row).data for row in rows] == [
        drf_output(AppointmentSerializer, row) for row in rows
    ]
    assert AppointmentDetailSerializer(detail).data == drf_output(
        AppointmentDetailSerializer, detail
    )
    assert HoldSerializer(hold).data == drf_output(HoldSerializer, hold)
    assert AppointmentDetailSerializer(detail).data["history"][0]["reason"] == "Booked"
