"""The address book (plan 016): own addresses only, one default (I-13), soft delete."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from accounts.models import Address
from accounts.services.addresses import address_create, address_update
from audit.models import AuditLog
from tests.accounts.factories_addresses import AddressFactory
from tests.callers import bearer_client as client_for

pytestmark = pytest.mark.django_db

ADDRESSES = "/api/v1/addresses/"
NEW = {"line1": "1 High Street", "city": "London", "country_code": "gb"}


def _default_ids(user) -> list:
    return list(
        Address.objects.filter(user=user, is_default=True, is_active=True).values_list(
            "pk", flat=True
        )
    )


def test_first_address_becomes_the_default(owner):
    client = client_for(owner)

    first = client.post(ADDRESSES, NEW, format="json")
    second = client.post(ADDRESSES, {**NEW, "line1": "2 High Street"}, format="json")

    assert (first.status_code, second.status_code) == (201, 201)
    assert (first.json()["is_default"], second.json()["is_default"]) == (True, False)
    assert first.json()["country_code"] == "GB"
    assert _default_ids(owner) == [uuid.UUID(first.json()["id"])]


def test_new_default_clears_the_old_one_in_the_same_transaction(owner):
    old = AddressFactory(user=owner, is_default=True)

    response = client_for(owner).post(
        ADDRESSES, {**NEW, "is_default": True, "label": "Work"}, format="json"
    )

    assert response.status_code == 201
    new_id = uuid.UUID(response.json()["id"])
    assert _default_ids(owner) == [new_id]
    old.refresh_from_db()
    assert old.is_default is False


def test_patch_moves_the_default(owner):
    old = AddressFactory(user=owner, is_default=True)
    other = AddressFactory(user=owner)

    response = client_for(owner).patch(
        f"{ADDRESSES}{other.pk}/", {"is_default": True}, format="json"
    )

    assert response.status_code == 200
    assert _default_ids(owner) == [other.pk]
    old.refresh_from_db()
    assert old.is_default is False


def test_list_is_own_active_addresses_default_first(owner, other_owner):
    AddressFactory(user=owner, label="Second")
    AddressFactory(user=owner, label="Default", is_default=True)
    AddressFactory(user=owner, label="Gone", is_active=False)
    AddressFactory(user=other_owner, label="Theirs")

    response = client_for(owner).get(ADDRESSES)

    assert [row["label"] for row in response.json()["results"]] == ["Default", "Second"]
    assert response.json()["results"][0]["access_instructions"] == "Gate code 1234"


def test_delete_deactivates_and_keeps_the_row(owner):
    address = AddressFactory(user=owner, is_default=True)
    client = client_for(owner)

    response = client.delete(f"{ADDRESSES}{address.pk}/")

    assert response.status_code == 204
    address.refresh_from_db()
    assert (address.is_active, address.is_default) == (False, False)
    assert client.get(f"{ADDRESSES}{address.pk}/").status_code == 404
    assert client.get(ADDRESSES).json()["count"] == 0
    log = AuditLog.objects.filter(entity_id=str(address.pk)).get()
    assert (log.action, log.new_values) == ("Delete", {"is_active": False, "is_default": False})


def test_provider_base_address_cannot_be_deleted(listed_provider):
    base = listed_provider.base_address
    response = client_for(listed_provider.user).delete(f"{ADDRESSES}{base.pk}/")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "address_in_use"
    base.refresh_from_db()
    assert base.is_active is True


def test_someone_elses_address_is_404_and_untouched(owner, other_owner):
    theirs = AddressFactory(user=other_owner, label="Theirs")
    url = f"{ADDRESSES}{theirs.pk}/"
    client = client_for(owner)

    codes = [
        client.get(url).status_code,
        client.patch(url, {"label": "Mine now"}, format="json").status_code,
        client.delete(url).status_code,
    ]

    assert codes == [404, 404, 404]
    theirs.refresh_from_db()
    assert (theirs.label, theirs.is_active) == ("Theirs", True)


def test_audit_masks_access_instructions(owner):
    address = address_create(
        actor=owner,
        line1="1 High St",
        city="Leeds",
        country_code="GB",
        access_instructions="0000",
    )
    address_update(actor=owner, address=address, access_instructions="9999")
    logs = AuditLog.objects.filter(entity_id=str(address.pk)).order_by("timestamp")
    assert [log.new_values["access_instructions"] for log in logs] == ["***", "***"]
    assert logs[1].old_values == {"access_instructions": "***"}


BAD_ADDRESSES = [
    ("line1_missing", {"line1": None}, "line1"),
    ("line1_too_long", {"line1": "x" * 256}, "line1"),
    ("line1_a_number_list", {"line1": [1]}, "line1"),
    ("country_three_letters", {"country_code": "GBR"}, "country_code"),
    ("latitude_text", {"latitude": "north", "longitude": "0"}, "latitude"),
    ("latitude_out_of_range", {"latitude": "91", "longitude": "0"}, "latitude"),
    ("longitude_out_of_range", {"latitude": "0", "longitude": "-181"}, "longitude"),
    ("latitude_alone", {"latitude": "51.5"}, "longitude"),
    ("too_many_places", {"latitude": "51.1234567", "longitude": "0"}, "latitude"),
    ("postal_code_too_long", {"postal_code": "9" * 21}, "postal_code"),
    ("default_not_boolean", {"is_default": "perhaps"}, "is_default"),
]


@pytest.mark.parametrize(
    ("_case", "override", "field"), BAD_ADDRESSES, ids=[c[0] for c in BAD_ADDRESSES]
)
def test_bad_address_input_is_400_and_writes_nothing(owner, _case, override, field):
    payload = {k: v for k, v in {**NEW, **override}.items() if v is not None}
    audits = AuditLog.objects.count()

    response = client_for(owner).post(ADDRESSES, payload, format="json")

    assert response.status_code == 400, response.content
    assert field in response.json()["error"]["fields"]
    assert Address.objects.filter(user=owner).count() == 0
    assert AuditLog.objects.count() == audits


def test_patch_with_half_a_coordinate_is_400(owner):
    address = AddressFactory(user=owner, latitude=None, longitude=None)
    response = client_for(owner).patch(
        f"{ADDRESSES}{address.pk}/", {"latitude": "51.5"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"latitude", "longitude"}
    address.refresh_from_db()
    assert address.latitude is None


# --- Database constraints -----------------------------------------------------------------


def test_one_active_default_per_user_in_the_database(owner):
    AddressFactory(user=owner, is_default=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        AddressFactory(user=owner, is_default=True)


def test_inactive_defaults_do_not_count(owner, other_owner):
    AddressFactory(user=owner, is_default=True, is_active=False)
    AddressFactory(user=owner, is_default=True)
    AddressFactory(user=other_owner, is_default=True)
    assert Address.objects.filter(is_default=True).count() == 3


@pytest.mark.parametrize(
    ("_case", "values"),
    [
        ("latitude_above_90", {"latitude": Decimal("90.000001")}),
        ("latitude_below_minus_90", {"latitude": Decimal("-90.5")}),
        ("longitude_above_180", {"longitude": Decimal("180.1")}),
    ],
)
def test_coordinate_checks(owner, _case, values):
    address = AddressFactory(user=owner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Address.objects.filter(pk=address.pk).update(**values)
