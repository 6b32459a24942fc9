"""The pets services' own rules: who may write, what they audit, what stays unchanged."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditLog
from doggy.models import StoredFile
from pets import services
from pets.errors import DogNotEditableError, DogNotFoundError, DogOwnerOnlyError
from pets.models import DogProfile
from tests.accounts.factories import UserFactory
from tests.pets.factories import DogProfileFactory, VaccinationFactory


def test_owner_may_not_add_a_dog_for_someone_else(owner, other_owner):
    with pytest.raises(DogOwnerOnlyError):
        services.dog_create(actor=owner, owner=other_owner, name="Gift")
    assert DogProfile.objects.count() == 0
    assert AuditLog.objects.count() == 0


def test_staff_may_add_a_dog_for_an_owner(superuser, owner):
    dog = services.dog_create(actor=superuser, owner=owner, name="Placed")
    assert dog.owner_id == owner.pk
    assert AuditLog.objects.get(entity_id=str(dog.pk)).user_id == superuser.pk


def test_staff_without_the_model_permission_may_not_edit(dog):
    clerk = UserFactory(is_staff=True)
    with pytest.raises(DogNotFoundError):
        services.dog_update(actor=clerk, dog=dog, name="Nope")
    dog.refresh_from_db()
    assert dog.name == "Rex"


def test_update_rejects_unknown_fields(dog):
    with pytest.raises(TypeError):
        services.dog_update(actor=dog.owner, dog=dog, owner=None)


def test_update_without_changes_writes_no_audit(dog):
    services.dog_update(actor=dog.owner, dog=dog, name="Rex", weight=Decimal("42.50"))
    assert AuditLog.objects.count() == 0


def test_viewer_may_not_edit_or_upload(dog, viewer):
    with pytest.raises(DogNotEditableError):
        services.dog_update(actor=viewer, dog=dog, name="Mine")
    with pytest.raises(DogNotEditableError):
        services.dog_photo_add(
            actor=viewer,
            dog=dog,
            uploaded_file=SimpleUploadedFile(
                "a.png", b"\x89PNG\r\n\x1a\n0", content_type="image/png"
            ),
            url_for=lambda f: "https://example.com/x",
        )
    assert StoredFile.objects.count() == 0
    dog.refresh_from_db()
    assert dog.name == "Rex"


def test_deactivating_frees_the_microchip_number(owner):
    first = DogProfileFactory(owner=owner, microchip_number="985000000000020")
    services.dog_deactivate(actor=owner, dog=first)
    second = services.dog_create(actor=owner, name="Next", microchip_number="985000000000020")
    assert second.is_active is True


def test_deactivating_twice_is_audited_once(dog):
    services.dog_deactivate(actor=dog.owner, dog=dog)
    services.dog_deactivate(actor=dog.owner, dog=dog)
    assert AuditLog.objects.filter(entity_id=str(dog.pk)).count() == 1


def test_marking_entered_in_error_twice_is_audited_once(dog):
    vaccination = VaccinationFactory(dog=dog)
    services.vaccination_mark_entered_in_error(actor=dog.owner, vaccination=vaccination)
    services.vaccination_mark_entered_in_error(actor=dog.owner, vaccination=vaccination)
    assert AuditLog.objects.filter(entity_id=str(vaccination.pk)).count() == 1


def test_a_stranger_cannot_correct_records(dog, other_owner):
    vaccination = VaccinationFactory(dog=dog)
    with pytest.raises(DogNotFoundError):
        services.vaccination_mark_entered_in_error(actor=other_owner, vaccination=vaccination)
    vaccination.refresh_from_db()
    assert vaccination.status == "Completed"


def test_inactive_accounts_see_no_dogs(dog):
    owner = dog.owner
    owner.account_status = "Suspended"
    owner.save()
    assert DogProfile.objects.visible_to(owner).count() == 0


def test_an_update_validates_only_what_it_changes(dog):
    # given a stored photo URL on a host URLValidator would refuse (the API's own URL)
    DogProfile.objects.filter(pk=dog.pk).update(
        profile_image_url="http://testserver/api/v1/dogs/x/photos/y/"
    )
    dog.refresh_from_db()
    # when an unrelated field changes
    services.dog_update(actor=dog.owner, dog=dog, name="Rex II")
    # then the change is saved
    dog.refresh_from_db()
    assert dog.name == "Rex II"


def test_an_update_still_checks_constraints_across_fields(dog):
    vaccination = VaccinationFactory(dog=dog)
    with pytest.raises(ValidationError):
        services.vaccination_update(
            actor=dog.owner, vaccination=vaccination, next_due_on=vaccination.administered_on
        )
