"""Dogs, their medical records and shares, for pet owners and the users they share with.

Every route needs a signed-in user (the project's default permission). Any signed-in
user may add dogs; everything else is scoped by `DogProfile.objects.visible_to`: dogs of
other owners answer 404 as if they did not exist, and a read-only share answers 403 to
writes. Views validate input, call one selector or service and render the result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.core.files.storage import storages
from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.parsers import JSONParser
from doggy.api.serializers import ErrorSerializer

from .. import services
from ..errors import DogNotFoundError
from ..models import (
    DogAllergy,
    DogCondition,
    MedicalDocument,
    MedicalRecord,
    Medication,
    Vaccination,
    VetVisit,
    WeightRecord,
)
from ..selectors import (
    dog_get,
    dog_get_for_edit,
    dog_get_for_owner,
    dog_list,
    dog_photo_get,
    dog_share_get,
    dog_share_list,
    medical_document_for_reference,
    medical_record_get,
    medical_record_list,
    vet_visit_for_reference,
)
from . import serializers as s

TAG_DOGS = "dogs"
TAG_RECORDS = "dog medical records"
TAG_SHARES = "dog shares"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
ERRORS = {400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR}

DOG_LIST_PARAMETERS = [
    OpenApiParameter("is_active", str, enum=["true", "false", "all"], description="Default: true."),
    OpenApiParameter("breed", str, description="Exact breed."),
    OpenApiParameter("relation", str, enum=["owned", "shared"]),
    OpenApiParameter(
        "search",
        str,
        description="Words to find in name, breeds, special needs and behaviour notes "
        "(every word must match, as a word prefix).",
    ),
    OpenApiParameter("ordering", str, enum=["name", "-name", "created_at", "-created_at"]),
]


def _photo_url_for(request, dog) -> Callable[[Any], str]:
    def url_for(stored_file) -> str:
        path = reverse(
            "pets:dog-photo-detail", kwargs={"dog_id": str(dog.pk), "file_id": str(stored_file.pk)}
        )
        return request.build_absolute_uri(path)

    return url_for


# --- Dogs ------------------------------------------------------------------------------------
class DogViewSet(viewsets.GenericViewSet):
    """`/dogs/`: list, create, read, change and deactivate dogs; upload photos."""

    serializer_class = s.DogSerializer
    filter_backends: ClassVar[list] = []
    # Any id reaches the view, which answers a JSON 404 for ids that are not UUIDs.
    lookup_value_regex = "[^/]+"
    http_method_names: ClassVar[list[str]] = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return dog_list(actor=self.request.user, filters=self.request.query_params)

    @extend_schema(tags=[TAG_DOGS], parameters=DOG_LIST_PARAMETERS)
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(s.DogSerializer(page, many=True).data)

    @extend_schema(
        tags=[TAG_DOGS],
        request=s.DogInputSerializer,
        responses={201: s.DogSerializer, **ERRORS},
    )
    def create(self, request):
        data = s.DogInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        dog = services.dog_create(actor=request.user, **data.validated_data)
        return Response(s.DogSerializer(dog).data, status=status.HTTP_201_CREATED)

    @extend_schema(tags=[TAG_DOGS], responses={200: s.DogSerializer, **ERRORS})
    def retrieve(self, request, pk=None):
        dog = dog_get(actor=request.user, dog_id=pk)
        return Response(s.DogSerializer(dog).data)

    @extend_schema(
        tags=[TAG_DOGS],
        request=s.DogInputSerializer(partial=True),
        responses={200: s.DogSerializer, **ERRORS},
    )
    def partial_update(self, request, pk=None):
        dog = dog_get_for_edit(actor=request.user, dog_id=pk)
        data = s.DogInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        dog = services.dog_update(actor=request.user, dog=dog, **data.validated_data)
        return Response(s.DogSerializer(dog).data)

    @extend_schema(
        tags=[TAG_DOGS],
        description="Deactivates the dog (IsActive = false); dogs are never deleted.",
        responses={200: s.DogSerializer, **ERRORS},
    )
    def destroy(self, request, pk=None):
        dog = dog_get_for_owner(actor=request.user, dog_id=pk)
        dog = services.dog_deactivate(actor=request.user, dog=dog)
        return Response(s.DogSerializer(dog).data)

    @extend_schema(tags=[TAG_DOGS], request=None, responses={200: s.DogSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def reactivate(self, request, pk=None):
        dog = dog_get_for_owner(actor=request.user, dog_id=pk)
        dog = services.dog_reactivate(actor=request.user, dog=dog)
        return Response(s.DogSerializer(dog).data)

    @extend_schema(
        tags=[TAG_DOGS],
        request={"multipart/form-data": s.DogPhotoInputSerializer},
        responses={201: s.DogPhotoSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def photos(self, request, pk=None):
        dog = dog_get_for_edit(actor=request.user, dog_id=pk)
        data = s.DogPhotoInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        url_for = _photo_url_for(request, dog)
        stored = services.dog_photo_add(
            actor=request.user,
            dog=dog,
            uploaded_file=data.validated_data["file"],
            make_profile=data.validated_data["make_profile"],
            url_for=url_for,
        )
        body = {"file": stored, "url": url_for(stored), "dog": dog}
        return Response(s.DogPhotoSerializer(body).data, status=status.HTTP_201_CREATED)


class DogPhotoView(APIView):
    """`/dogs/{id}/photos/{file_id}/`: the bytes of a photo, once its virus scan passed."""

    @extend_schema(
        tags=[TAG_DOGS],
        responses={(200, "image/*"): OpenApiTypes.BINARY, 404: ERROR},
    )
    def get(self, request, dog_id: str, file_id: str):
        stored = dog_photo_get(actor=request.user, dog_id=dog_id, file_id=file_id)
        try:
            handle = storages[stored.storage_backend].open(stored.storage_key, "rb")
        except OSError:
            # The row outlived its blob (purged or never uploaded): nothing to serve.
            raise DogNotFoundError("Photo not found.") from None
        response = FileResponse(handle, content_type=stored.content_type)
        response["Cache-Control"] = "private, max-age=300"
        response["X-Content-Type-Options"] = "nosniff"
        return response


# --- Medical records ----------------------------------------------------------------------------
class MedicalRecordViewSet(viewsets.GenericViewSet):
    """Base of `/dogs/{id}/<records>/`: list, add, read, correct.

    DELETE exists only where the table has a status: it marks the record EnteredInError
    (and so does `POST …/entered-in-error/`, which also takes a `reason`); the row stays.
    Tables without a status are corrected with PATCH; the audit log keeps old values.
    """

    model: ClassVar[type[MedicalRecord]]
    output_serializer: ClassVar[type[serializers.Serializer]]
    input_serializer: ClassVar[type[serializers.Serializer]]
    update_input_serializer: ClassVar[type[serializers.Serializer] | None] = None
    record_service: ClassVar[Callable[..., MedicalRecord]]
    update_service: ClassVar[Callable[..., MedicalRecord]]
    update_kwarg: ClassVar[str]
    error_service: ClassVar[Callable[..., MedicalRecord] | None] = None
    filter_backends: ClassVar[list] = []
    parser_classes: ClassVar[list] = [JSONParser]
    lookup_field = "record_id"

    def get_serializer_class(self):
        return self.output_serializer

    def get_queryset(self):
        return medical_record_list(
            actor=self.request.user,
            dog_id=self.kwargs["dog_id"],
            model=self.model,
            filters=self.request.query_params,
        )

    def _references(self, dog, validated: dict[str, Any]) -> dict[str, Any]:
        """Swap ids from the request for objects of the same dog (anything else is a 400)."""
        data = dict(validated)
        if "vet_visit_id" in data:
            data["vet_visit"] = vet_visit_for_reference(
                dog=dog, vet_visit_id=data.pop("vet_visit_id")
            )
        if "certificate_document_id" in data:
            document = medical_document_for_reference(
                dog=dog,
                document_id=data.pop("certificate_document_id"),
                field="certificate_document_id",
            )
            data["certificate_file"] = document.file if document else None
        return data

    def list(self, request, dog_id: str):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.output_serializer(page, many=True).data)

    def create(self, request, dog_id: str):
        dog = dog_get_for_edit(actor=request.user, dog_id=dog_id)
        data = self.input_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = self.create_record(request, dog, self._references(dog, data.validated_data))
        return Response(self.output_serializer(record).data, status=status.HTTP_201_CREATED)

    def create_record(self, request, dog, data: dict[str, Any]) -> MedicalRecord:
        return type(self).record_service(actor=request.user, dog=dog, **data)

    def retrieve(self, request, dog_id: str, record_id: str):
        record = medical_record_get(
            actor=request.user, dog_id=dog_id, model=self.model, record_id=record_id
        )
        return Response(self.output_serializer(record).data)

    def partial_update(self, request, dog_id: str, record_id: str):
        record = medical_record_get(
            actor=request.user, dog_id=dog_id, model=self.model, record_id=record_id, for_edit=True
        )
        serializer_class = self.update_input_serializer or self.input_serializer
        data = serializer_class(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        changes = self._references(record.dog, data.validated_data)
        record = type(self).update_service(
            actor=request.user, **{self.update_kwarg: record}, **changes
        )
        return Response(self.output_serializer(record).data)

    def _mark_entered_in_error(self, request, dog_id: str, record_id: str, reason: str):
        record = medical_record_get(
            actor=request.user, dog_id=dog_id, model=self.model, record_id=record_id, for_edit=True
        )
        record = type(self).error_service(
            actor=request.user, **{self.update_kwarg: record}, reason=reason
        )
        return Response(self.output_serializer(record).data)

    def destroy(self, request, dog_id: str, record_id: str):
        return self._mark_entered_in_error(request, dog_id, record_id, reason="")

    @action(detail=True, methods=["post"], url_path="entered-in-error")
    def entered_in_error(self, request, dog_id: str, record_id: str):
        data = s.ReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._mark_entered_in_error(
            request, dog_id, record_id, reason=data.validated_data["reason"]
        )


def _record_schema(viewset: type[MedicalRecordViewSet]) -> type[MedicalRecordViewSet]:
    """Attach the OpenAPI description of one record viewset's routes."""
    out, inp = viewset.output_serializer, viewset.input_serializer
    update_inp = viewset.update_input_serializer or inp
    schemas = {
        "list": extend_schema(tags=[TAG_RECORDS], responses={200: out(many=True), **ERRORS}),
        "create": extend_schema(tags=[TAG_RECORDS], request=inp, responses={201: out, **ERRORS}),
        "retrieve": extend_schema(tags=[TAG_RECORDS], responses={200: out, **ERRORS}),
        "partial_update": extend_schema(
            tags=[TAG_RECORDS], request=update_inp(partial=True), responses={200: out, **ERRORS}
        ),
        "destroy": extend_schema(
            tags=[TAG_RECORDS],
            description="Marks the record EnteredInError; records are corrected, not deleted.",
            responses={200: out, **ERRORS},
        ),
        "entered_in_error": extend_schema(
            tags=[TAG_RECORDS], request=s.ReasonInputSerializer, responses={200: out, **ERRORS}
        ),
    }
    return extend_schema_view(**schemas)(viewset)


@_record_schema
class VaccinationViewSet(MedicalRecordViewSet):
    model = Vaccination
    output_serializer = s.VaccinationSerializer
    input_serializer = s.VaccinationInputSerializer
    record_service = services.vaccination_record
    update_service = services.vaccination_update
    error_service = services.vaccination_mark_entered_in_error
    update_kwarg = "vaccination"


@_record_schema
class MedicationViewSet(MedicalRecordViewSet):
    model = Medication
    output_serializer = s.MedicationSerializer
    input_serializer = s.MedicationInputSerializer
    record_service = services.medication_record
    update_service = services.medication_update
    error_service = services.medication_mark_entered_in_error
    update_kwarg = "medication"


@_record_schema
class ConditionViewSet(MedicalRecordViewSet):
    model = DogCondition
    output_serializer = s.ConditionSerializer
    input_serializer = s.ConditionInputSerializer
    record_service = services.condition_record
    update_service = services.condition_update
    error_service = services.condition_mark_entered_in_error
    update_kwarg = "condition"


@_record_schema
class AllergyViewSet(MedicalRecordViewSet):
    model = DogAllergy
    output_serializer = s.AllergySerializer
    input_serializer = s.AllergyInputSerializer
    record_service = services.allergy_record
    update_service = services.allergy_update
    error_service = services.allergy_mark_entered_in_error
    update_kwarg = "allergy"


@_record_schema
class VetVisitViewSet(MedicalRecordViewSet):
    model = VetVisit
    output_serializer = s.VetVisitSerializer
    input_serializer = s.VetVisitInputSerializer
    record_service = services.vet_visit_record
    update_service = services.vet_visit_update
    update_kwarg = "vet_visit"


@_record_schema
class MedicalDocumentViewSet(MedicalRecordViewSet):
    model = MedicalDocument
    output_serializer = s.MedicalDocumentSerializer
    input_serializer = s.MedicalDocumentInputSerializer
    update_input_serializer = s.MedicalDocumentUpdateInputSerializer
    update_service = services.medical_document_update
    update_kwarg = "medical_document"
    parser_classes: ClassVar[list] = [MultiPartParser, FormParser, JSONParser]

    def create_record(self, request, dog, data: dict[str, Any]) -> MedicalRecord:
        return services.medical_document_add(
            actor=request.user, dog=dog, uploaded_file=data.pop("file"), **data
        )


@_record_schema
class WeightRecordViewSet(MedicalRecordViewSet):
    model = WeightRecord
    output_serializer = s.WeightRecordSerializer
    input_serializer = s.WeightRecordInputSerializer
    record_service = services.weight_record_create
    update_service = services.weight_record_update
    update_kwarg = "weight_record"


# --- Shares ------------------------------------------------------------------------------------
class DogShareViewSet(viewsets.GenericViewSet):
    """`/dogs/{id}/shares/`: the owner shares a dog by email (View or Edit, optionally until
    a time) and revokes shares; a grantee may also remove their own share."""

    serializer_class = s.DogShareSerializer
    filter_backends: ClassVar[list] = []

    def get_queryset(self):
        return dog_share_list(actor=self.request.user, dog_id=self.kwargs["dog_id"])

    @extend_schema(tags=[TAG_SHARES], responses={200: s.DogShareSerializer(many=True), **ERRORS})
    def list(self, request, dog_id: str):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(s.DogShareSerializer(page, many=True).data)

    @extend_schema(
        tags=[TAG_SHARES],
        request=s.DogShareInputSerializer,
        responses={201: s.DogShareSerializer, **ERRORS},
    )
    def create(self, request, dog_id: str):
        dog = dog_get_for_owner(actor=request.user, dog_id=dog_id)
        data = s.DogShareInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        grant = services.dog_share(actor=request.user, dog=dog, **data.validated_data)
        return Response(s.DogShareSerializer(grant).data, status=status.HTTP_201_CREATED)

    @extend_schema(tags=[TAG_SHARES], responses={204: None, **ERRORS})
    def destroy(self, request, dog_id: str, grant_id: str):
        grant = dog_share_get(actor=request.user, dog_id=dog_id, grant_id=grant_id)
        services.dog_share_revoke(actor=request.user, grant=grant)
        return Response(status=status.HTTP_204_NO_CONTENT)
