"""`visible_to(actor)` of the medical records: the records of the dogs a caller sees."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from pets.models import Vaccination, WeightRecord
from tests.pets.factories import DogAccessGrantFactory, VaccinationFactory, WeightRecordFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "factory"),
    [(Vaccination, VaccinationFactory), (WeightRecord, WeightRecordFactory)],
    ids=["vaccinations", "weights"],
)
def test_records_follow_the_dogs_a_caller_sees(model, factory, dog, other_dog, owner, viewer):
    # given a record of the owner's dog (shared with `viewer`) and one of a stranger's dog
    mine = factory(dog=dog)
    factory(dog=other_dog)

    # then
    assert list(model.objects.visible_to(owner)) == [mine]
    assert list(model.objects.visible_to(viewer)) == [mine]
    assert list(model.objects.visible_to(AnonymousUser())) == []


def test_an_expired_share_hides_the_records(dog, other_owner):
    # given a share that ended yesterday
    DogAccessGrantFactory(
        dog=dog,
        grantee=other_owner,
        access_level="View",
        expires_at=timezone.now() - datetime.timedelta(days=1),
    )
    VaccinationFactory(dog=dog)

    # then
    assert list(Vaccination.objects.visible_to(other_owner)) == []
