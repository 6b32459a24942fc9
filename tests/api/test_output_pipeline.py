"""The cheap list pipeline writes exactly what stock DRF writes.

`FastOutputMixin` (doggy.api.output) and `ORJSONRenderer` (doggy.api.renderers) replace
DRF's per-field serialization and its `json` encoder on every list and detail route; these
tests pin their output to DRF's own for the rows of each serializer that uses them.
"""

from __future__ import annotations

import datetime
import json
import uuid
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils.translation import gettext_lazy
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from accounts.api.serializers import AdminUserSerializer
from accounts.selectors import user_list
from accounts.services.sessions import user_session_create, user_session_get_by_access_token
from audit.api.serializers import AuditLogSerializer
from billing.api.serializers import PlanSerializer
from billing.models import PetExpense
from billing.selectors import plan_list_public
from doggy.api.output import FastOutputMixin
from doggy.api.renderers import ORJSONRenderer
from pets.api.serializers import AllergySerializer, DogSerializer, VaccinationSerializer
from pets.selectors import dog_list
from scheduling.api.providers import ProviderPublicSerializer
from scheduling.api.serializers import OfferingPublicSerializer
from scheduling.selectors import offering_search, provider_list_public
from tests.accounts.factories import UserFactory
from tests.audit.factories import AuditLogFactory
from tests.billing.factories import (
    PetExpenseFactory,
    PlanEntitlementFactory,
    SubscriptionPlanFactory,
)
from tests.pets.factories import (
    DogAccessGrantFactory,
    DogAllergyFactory,
    DogProfileFactory,
    VaccinationFactory,
)
from tests.scheduling.factories import ServiceOfferingFactory

pytestmark = pytest.mark.django_db


def drf_output(serializer_class, instance) -> dict:
    """What DRF's own `Serializer.to_representation` writes for `instance`."""
    return dict(serializers.Serializer.to_representation(serializer_class(), instance))


def test_dog_rows_match_drf(user, other_user):
    DogProfileFactory(
        owner=user,
        name="Fully described",
        weight=Decimal("42.5"),
        height=Decimal("20.25"),
        additional_photos=["https://example.com/a.png"],
        microchip_number=None,
        special_needs="Needs \u2028 care",
        energy_level="High",
    )
    shared = DogProfileFactory(owner=other_user, name="Shared", birthdate=None, weight=None)
    DogAccessGrantFactory(dog=shared, grantee=user)
    rows = list(dog_list(actor=user))
    assert len(rows) == 2
    for row in rows:
        assert DogSerializer(row).data == drf_output(DogSerializer, row)
    assert [row["relation"] for row in DogSerializer(rows, many=True).data] == ["Owner", "View"]


def test_record_and_audit_rows_match_drf(user):
    vaccination = VaccinationFactory(dog__owner=user, lot_number="L1", dose_number=None)
    allergy = DogAllergyFactory(dog=vaccination.dog)
    entry = AuditLogFactory(user=user)
    for serializer_class, instance in (
        (VaccinationSerializer, vaccination),
        (AllergySerializer, allergy),
        (AuditLogSerializer, entry),
    ):
        assert serializer_class(instance).data == drf_output(serializer_class, instance)


def test_mapping_rows_and_nested_fast_serializers():
    class Inner(FastOutputMixin, serializers.Serializer):
        at = serializers.DateTimeField()

    class Outer(FastOutputMixin, serializers.Serializer):
        id = serializers.UUIDField()
        price = serializers.DecimalField(max_digits=6, decimal_places=2)
        when = serializers.DateField()
        items = Inner(many=True)
        missing = serializers.CharField(allow_null=True)

    row = {
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "price": Decimal("3.5"),
        "when": datetime.date(2024, 2, 29),
        "items": [{"at": datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.UTC)}],
        "missing": None,
    }
    assert Outer(row).data == {
        "id": "12345678-1234-5678-1234-567812345678",
        "price": "3.50",
        "when": "2024-02-29",
        "items": [{"at": "2024-01-01T12:00:00Z"}],
        "missing": None,
    }


def test_dotted_sources_and_slug_fields_match_drf(user):
    """Dotted sources and slugs are walked without DRF's fields, and give DRF's answer
    where a step is missing (None, or a related row that does not exist)."""

    class Row(FastOutputMixin, serializers.ModelSerializer):
        category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
        category_name = serializers.CharField(source="category.name", read_only=True)
        dog_name = serializers.CharField(source="dog.name", read_only=True)
        owner_name = serializers.CharField(source="owner.get_full_name", read_only=True)
        receipt_type = serializers.CharField(
            source="receipt_file.content_type", read_only=True, allow_null=True
        )

        class Meta:
            model = PetExpense
            fields = ["id", "category", "category_name", "dog_name", "owner_name", "receipt_type"]
            read_only_fields = fields

    with_dog = PetExpenseFactory(owner=user, dog=DogProfileFactory(owner=user, name="Rex"))
    without_dog = PetExpenseFactory(owner=user, dog=None, receipt_file=None)
    for expense in (with_dog, without_dog):
        expense.refresh_from_db()
        assert Row(expense).data == drf_output(Row, expense)
    data = Row(with_dog).data
    assert data["dog_name"] == "Rex"
    assert data["category"] == with_dog.category.slug
    assert data["owner_name"] == user.get_full_name()
    assert data["receipt_type"] == with_dog.receipt_file.content_type
    bare = Row(without_dog).data
    assert "dog_name" not in bare  # DRF skips a read-only field it cannot reach...
    assert bare["receipt_type"] is None  # ...and writes None for one that allows it
    assert {kind for kind, *_ in Row()._output_plan()} == {0, 3}  # no DRF fields built


@pytest.mark.parametrize("indent", [None, "4"])
def test_orjson_renderer_writes_what_drf_writes(indent):
    body = {
        "error": {"code": "x", "message": gettext_lazy("Not found."), "fields": {}},
        "when": datetime.datetime(2024, 5, 1, 8, 30, 1, 250, tzinfo=datetime.UTC),
        "day": datetime.date(2024, 5, 1),
        "amount": Decimal("1.10"),
        "id": uuid.UUID(int=7),
        "text": "caf\u00e9 \u2028 \u2029",
        1: [True, None, 2.5],
    }
    media_type = f"application/json; indent={indent}" if indent else "application/json"
    context = {"indent": None}
    fast = ORJSONRenderer().render(body, media_type, context)
    stock = JSONRenderer().render(body, media_type, context)
    if indent:
        # orjson indents by two spaces whatever was asked; the document is the same.
        assert json.loads(fast) == json.loads(stock)
        assert fast.startswith(b"{\n  ")
    else:
        assert fast == stock
    assert ORJSONRenderer().render(None) == b""


def test_api_renders_with_orjson_and_no_browsable_api():
    assert settings.REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] == [
        "doggy.api.renderers.ORJSONRenderer"
    ]


def test_token_lookup_leaves_the_unused_columns_in_the_database(user):

    issued = user_session_create(user=user)
    session = user_session_get_by_access_token(token=issued.access_token)
    assert session.get_deferred_fields() == {
        "refresh_token",
        "ip_address",
        "user_agent",
        "device_info",
        "location",
    }
    assert session.user.get_deferred_fields() == {"security_stamp", "concurrency_stamp"}


def test_catalog_plan_and_staff_rows_match_drf(user):

    ServiceOfferingFactory(price=Decimal("12.5"), deposit_amount=Decimal("2"))
    PlanEntitlementFactory(plan=SubscriptionPlanFactory(code="fast_plan"), limit_value=None)
    admin = UserFactory(is_superuser=True, is_staff=True)
    cases = [
        (OfferingPublicSerializer, list(offering_search())),
        (ProviderPublicSerializer, list(provider_list_public())),
        (PlanSerializer, list(plan_list_public())),
        (AdminUserSerializer, list(user_list(actor=admin))),
    ]
    for serializer_class, rows in cases:
        assert rows, serializer_class
        for row in rows:
            assert serializer_class(row).data == drf_output(serializer_class, row)


def test_offering_search_reads_only_the_columns_it_shows(django_assert_num_queries):

    ServiceOfferingFactory()
    ServiceOfferingFactory()
    with django_assert_num_queries(1):
        rows = list(offering_search())
        data = OfferingPublicSerializer(rows, many=True).data
    assert len(data) == 2
    assert {"cancellation_policy", "bio"} <= rows[0].provider.get_deferred_fields()
