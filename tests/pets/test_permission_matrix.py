"""Who may do what on every pets route: the permission matrix, as data.

Callers: anonymous, the dog's owner (a pet owner), another pet owner, a provider, a KYC
reviewer and a platform admin, plus the two users the dog is shared with (View and
Edit). The API is owner-scoped: a dog that is not yours and not shared with you answers
404 to everyone, platform staff included (staff use the admin). A read-only share
answers 403 to writes; owner-only actions (deactivate, share) answer 403 to grantees.
Every denied request is checked to have written nothing; every accepted write to have
written. The matrix is data on the one base (tests/matrix.py).
"""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from audit.models import AuditLog
from doggy.models import StoredFile
from pets.models import (
    DogAccessGrant,
    DogAllergy,
    DogCondition,
    DogProfile,
    MedicalDocument,
    Medication,
    Vaccination,
    VetVisit,
    WeightRecord,
)
from tests.accounts.factories import UserFactory
from tests.doggy.factories import StoredFileFactory
from tests.matrix import PermissionMatrix, Route
from tests.pets.factories import (
    DogAccessGrantFactory,
    DogAllergyFactory,
    DogConditionFactory,
    DogProfileFactory,
    MedicalDocumentFactory,
    MedicationFactory,
    VaccinationFactory,
    VetVisitFactory,
    WeightRecordFactory,
)

# "Not signed in": the default authentication class sends the Bearer challenge.
UNAUTHENTICATED = 401

CALLERS = (
    "anonymous",
    "owner",
    "other_owner",
    "provider_user",
    "kyc_reviewer",
    "superuser",
    "viewer",
    "editor",
)
STRANGERS = ("other_owner", "provider_user", "kyc_reviewer", "superuser")

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"0" * 64


def _expect(*, owner: int, viewer: int, editor: int, stranger: int = 404) -> dict[str, int]:
    row: dict[str, int] = {"anonymous": UNAUTHENTICATED, "owner": owner}
    row.update({caller: stranger for caller in STRANGERS})
    row.update(viewer=viewer, editor=editor)
    return row


EVERYONE_SIGNED_IN_200 = {c: (UNAUTHENTICATED if c == "anonymous" else 200) for c in CALLERS}
EVERYONE_SIGNED_IN_201 = {c: (UNAUTHENTICATED if c == "anonymous" else 201) for c in CALLERS}
READ = _expect(owner=200, viewer=200, editor=200)
EDIT_200 = _expect(owner=200, viewer=403, editor=200)
EDIT_201 = _expect(owner=201, viewer=403, editor=201)
OWNER_ONLY_200 = _expect(owner=200, viewer=403, editor=403)
OWNER_ONLY_201 = _expect(owner=201, viewer=403, editor=403)

RECORD_KINDS = {
    # URL segment: (placeholder, has a status, so DELETE marks EnteredInError)
    "vaccinations": ("vaccination", True),
    "medications": ("medication", True),
    "conditions": ("condition", True),
    "allergies": ("allergy", True),
    "vet-visits": ("vet_visit", False),
    "documents": ("document", False),
    "weights": ("weight", False),
}

# (method, path template, expected status per caller)
ROUTES: list[tuple[str, str, dict[str, int]]] = [
    ("GET", "/api/v1/dogs/", EVERYONE_SIGNED_IN_200),
    ("POST", "/api/v1/dogs/", EVERYONE_SIGNED_IN_201),
    ("GET", "/api/v1/dogs/{dog}/", READ),
    ("PATCH", "/api/v1/dogs/{dog}/", EDIT_200),
    ("DELETE", "/api/v1/dogs/{dog}/", OWNER_ONLY_200),
    ("POST", "/api/v1/dogs/{inactive_dog}/reactivate/", OWNER_ONLY_200),
    ("POST", "/api/v1/dogs/{dog}/photos/", EDIT_201),
    ("GET", "/api/v1/dogs/{dog}/photos/{photo}/", READ),
    ("GET", "/api/v1/dogs/{dog}/shares/", OWNER_ONLY_200),
    ("POST", "/api/v1/dogs/{dog}/shares/", OWNER_ONLY_201),
    # The viewer may leave their own share; the editor may not end someone else's.
    (
        "DELETE",
        "/api/v1/dogs/{dog}/shares/{viewer_share}/",
        _expect(owner=204, viewer=204, editor=403),
    ),
]
for _segment, (_placeholder, _has_status) in RECORD_KINDS.items():
    ROUTES += [
        ("GET", f"/api/v1/dogs/{{dog}}/{_segment}/", READ),
        ("POST", f"/api/v1/dogs/{{dog}}/{_segment}/", EDIT_201),
        ("GET", f"/api/v1/dogs/{{dog}}/{_segment}/{{{_placeholder}}}/", READ),
        ("PATCH", f"/api/v1/dogs/{{dog}}/{_segment}/{{{_placeholder}}}/", EDIT_200),
    ]
    if _has_status:
        ROUTES += [
            ("DELETE", f"/api/v1/dogs/{{dog}}/{_segment}/{{{_placeholder}}}/", EDIT_200),
            (
                "POST",
                f"/api/v1/dogs/{{dog}}/{_segment}/{{{_placeholder}}}/entered-in-error/",
                EDIT_200,
            ),
        ]


def _today(days: int = 0) -> str:
    return str(timezone.localdate() + datetime.timedelta(days=days))


def _body(method: str, template: str, world: dict) -> tuple[dict | None, str]:
    """The request body of a route (valid input, so only permissions decide)."""
    if method not in ("POST", "PATCH"):
        return None, "json"
    if template.endswith("/photos/"):
        return {"file": SimpleUploadedFile("rex.png", PNG, content_type="image/png")}, "multipart"
    if template.endswith("/entered-in-error/") or template.endswith("/reactivate/"):
        return {}, "json"
    if template.endswith("/shares/"):
        return {"email": world["share_target"].email, "access_level": "View"}, "json"
    if template == "/api/v1/dogs/":
        return {"name": "Nova"}, "json"
    if template == "/api/v1/dogs/{dog}/":
        return {"name": "Rex the Second"}, "json"
    segment = template.split("/")[5]
    creating = method == "POST"
    bodies = {
        "vaccinations": {"vaccine_name": "DHPP", "administered_on": _today(-1)},
        "medications": {"name": "Gabapentin", "start_date": _today()},
        "conditions": {"name": "Otitis"},
        "allergies": {"substance": "Beef", "category": "Food"},
        "vet-visits": {"visit_date": _today(), "reason": "Limping"},
        "weights": {"measured_on": _today(), "weight": "40.00", "source": "Vet"},
    }
    if segment == "documents":
        if creating:
            return {
                "file": SimpleUploadedFile("x-ray.pdf", PDF, content_type="application/pdf"),
                "document_type": "Imaging",
                "title": "X-ray",
            }, "multipart"
        return {"title": "X-ray, left hip"}, "json"
    return bodies[segment], "json"


def _world(request, users) -> dict:
    """One owned dog with one record of each kind, a photo and the two shares."""
    dog, owner, other_owner = (
        request.getfixturevalue(name) for name in ("dog", "owner", "other_owner")
    )
    viewer, editor = users["viewer"], users["editor"]
    photo_key = f"DogPhoto/2025/01/{dog.pk}.png"
    storages["default"].save(photo_key, ContentFile(PNG))
    photo = StoredFileFactory(owner=owner, storage_key=photo_key, content=PNG)
    dog.additional_photos = [f"http://testserver/api/v1/dogs/{dog.pk}/photos/{photo.pk}/"]
    dog.save(update_fields=["additional_photos"])
    # Other owners' dogs exist too, so "404" is about scoping, not an empty table.
    DogProfileFactory(owner=other_owner)
    inactive_dog = DogProfileFactory(owner=owner, is_active=False)
    DogAccessGrantFactory(dog=inactive_dog, grantee=viewer, access_level="View")
    DogAccessGrantFactory(dog=inactive_dog, grantee=editor, access_level="Edit")
    return {
        "share_target": UserFactory(email="friend@example.com"),
        "ids": {
            "dog": dog.pk,
            "inactive_dog": inactive_dog.pk,
            "photo": photo.pk,
            "viewer_share": DogAccessGrant.objects.get(dog=dog, grantee=viewer).pk,
            "vaccination": VaccinationFactory(dog=dog).pk,
            "medication": MedicationFactory(dog=dog).pk,
            "condition": DogConditionFactory(dog=dog).pk,
            "allergy": DogAllergyFactory(dog=dog).pk,
            "vet_visit": VetVisitFactory(dog=dog).pk,
            "document": MedicalDocumentFactory(dog=dog).pk,
            "weight": WeightRecordFactory(dog=dog).pk,
        },
    }


def _state() -> dict[str, object]:
    """Everything a pets request could write."""
    models = (
        DogProfile,
        DogAccessGrant,
        Vaccination,
        Medication,
        DogCondition,
        DogAllergy,
        VetVisit,
        MedicalDocument,
        WeightRecord,
    )
    state: dict[str, object] = {m.__name__: list(m.objects.order_by("pk").values()) for m in models}
    state["files"] = StoredFile.objects.count()
    state["audit"] = AuditLog.objects.count()
    return state


class TestPetsPermissionMatrix(PermissionMatrix):
    callers = CALLERS
    routes = tuple(Route(method, path, expected) for method, path, expected in ROUTES)

    def build_world(self, request, users):
        return _world(request, users)

    def path_values(self, world):
        return world["ids"]

    def body(self, route, world):
        return _body(route.method, route.path, world)

    def state(self):
        return _state()

    def check_success(self, cell, response, before, after):
        # an accepted write wrote
        assert after != before or cell.route.method == "GET"


def test_matrix_covers_every_pets_route():
    # given every named route of the pets API
    from pets.api.urls import urlpatterns

    # then each has rows
    covered = {route.url_name() for route in TestPetsPermissionMatrix.routes}
    assert covered == {pattern.name for pattern in urlpatterns}
