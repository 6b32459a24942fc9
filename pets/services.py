"""Writes of the pets app: dogs, their shares, photos and medical records.

Every function takes the acting user as `actor`, validates with `full_clean()`, runs in
one transaction and writes an `AuditLogs` row in it. Authorization is checked here too
(owner, a live `Edit` share, or staff holding Django's model permission in the admin), so
the admin, commands and the API get the same rules.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from accounts.models import User
from accounts.services.analytics import analytics_event_record
from audit.choices import AuditAction
from audit.services import audit_log_record, model_snapshot
from doggy.choices import FilePurpose, FileVisibility
from doggy.core.errors import ApplicationError, ConflictError, PermissionDeniedError
from doggy.core.permissions import actor_may
from doggy.core.updates import model_update
from doggy.services import stored_file_create

from .choices import ENTERED_IN_ERROR, AccessLevel, DogRelation, WeightSource
from .errors import (
    DogNotEditableError,
    DogNotFoundError,
    DogOwnerOnlyError,
    MedicalRecordEnteredInErrorError,
    PetsErrorCode,
)
from .models import (
    DogAccessGrant,
    DogAllergy,
    DogCondition,
    DogProfile,
    MedicalDocument,
    MedicalRecord,
    Medication,
    Vaccination,
    VetVisit,
    WeightRecord,
)
from .selectors import dog_relation

VIEW_PERMISSION = "view_dogprofile"
CHANGE_PERMISSION = "change_dogprofile"
DOG_PHOTO_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp"]

# Columns a client may write; Id, OwnerId, IsActive and the timestamps are the services'.
DOG_WRITABLE_FIELDS = frozenset(
    f.name
    for f in DogProfile._meta.concrete_fields
    if f.name not in {"id", "owner", "is_active", "created_at", "updated_at"}
)


# --- Helpers ---------------------------------------------------------------------------------
def _fields_of(instance: models.Model) -> list[str]:
    return [f.name for f in instance._meta.concrete_fields if not f.primary_key]


def _snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    return model_snapshot(instance, list(fields) if fields is not None else _fields_of(instance))


def _ensure_can_edit(actor, dog: DogProfile) -> None:
    relation = dog_relation(actor=actor, dog=dog)
    if relation in (DogRelation.OWNER, DogRelation.EDIT):
        return
    if actor_may(actor, "pets.change_dogprofile"):
        return
    if relation == DogRelation.VIEW:
        raise DogNotEditableError()
    raise DogNotFoundError()


def _ensure_owner(actor, dog: DogProfile) -> None:
    relation = dog_relation(actor=actor, dog=dog)
    if relation == DogRelation.OWNER or actor_may(actor, "pets.change_dogprofile"):
        return
    if relation is None:
        raise DogNotFoundError()
    raise DogOwnerOnlyError()


def _check_unknown(fields: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}.")


def _save(
    instance: models.Model,
    *,
    update_fields: list[str] | None = None,
    validate: Iterable[str] | None = None,
) -> None:
    """Validate and save; a constraint lost to a concurrent write becomes a 409.

    Field validation covers the fields in `validate` (default: all). An update passes
    the fields it changed, so a stored value that today's validators would word
    differently (a URL on an internal host) cannot block an unrelated change. Every
    constraint is checked against the whole row either way.
    """
    exclude = None
    if validate is not None:
        wanted = set(validate)
        exclude = [f.name for f in instance._meta.concrete_fields if f.name not in wanted]
    instance.full_clean(exclude=exclude, validate_constraints=False)
    instance.validate_constraints()
    try:
        with transaction.atomic():
            if update_fields is None:
                instance.save(force_insert=True)
            else:
                instance.save(update_fields=update_fields)
    except IntegrityError as exc:
        raise _conflict(exc) from exc


def _conflict(exc: IntegrityError) -> ConflictError:
    return ConflictError(
        PetsErrorCode.CONFLICT, "The change conflicts with another record; reload and retry."
    )


def _update(instance: models.Model, *, actor, changes, allowed) -> list[str]:
    """The kernel's update helper; validation errors stay Django's (the API answers 400)."""
    return model_update(
        instance,
        actor=actor,
        changes=changes,
        allowed=allowed,
        validation_error=lambda exc: exc,
        conflict_error=_conflict,
    )


def _changed(instance: models.Model, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Apply `changes` to `instance`; return the old values of the fields that changed."""
    old: dict[str, Any] = {}
    for name, value in changes.items():
        field = instance._meta.get_field(name)
        current = getattr(instance, field.attname if field.is_relation else name)
        new = value.pk if (field.is_relation and isinstance(value, models.Model)) else value
        setattr(instance, name, value)
        if current != new:
            old[name] = current
    return old


# --- Dogs ------------------------------------------------------------------------------------
@transaction.atomic
def dog_create(*, actor: User, name: str, owner: User | None = None, **fields: Any) -> DogProfile:
    """Create a dog; any signed-in, active user may add their own dogs.

    `owner` defaults to the actor; adding a dog for someone else is for staff holding
    Django's `pets.add_dogprofile` (the admin). `fields` are DogProfile attribute names
    (see DOG_WRITABLE_FIELDS). A microchip number already used by another active dog is
    a field error on `microchip_number`.
    """
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDeniedError(PetsErrorCode.SIGN_IN_REQUIRED, "Sign in to add a dog.")
    owner = owner or actor
    if owner.pk != actor.pk and not actor_may(actor, "pets.add_dogprofile"):
        raise DogOwnerOnlyError("Dogs can only be added for yourself.")
    _check_unknown(fields, DOG_WRITABLE_FIELDS)
    dog = DogProfile(owner=owner, name=name, **fields)
    _save(dog)
    audit_log_record(actor=actor, action=AuditAction.CREATE, target=dog, new=_snapshot(dog))
    analytics_event_record(user=actor, name="dog_created", properties={"dog_id": dog.pk})
    dog.relation = DogRelation.OWNER if owner.pk == actor.pk else None
    return dog


@transaction.atomic
def dog_update(*, actor: User, dog: DogProfile, **changes: Any) -> DogProfile:
    """Change a dog's profile: its owner, a user with a live Edit share, or staff."""
    _check_unknown(changes, DOG_WRITABLE_FIELDS)
    _ensure_can_edit(actor, dog)
    _update(dog, actor=actor, changes=changes, allowed=DOG_WRITABLE_FIELDS)
    return dog


@transaction.atomic
def dog_deactivate(*, actor: User, dog: DogProfile) -> DogProfile:
    """Mark the dog inactive (`IsActive = 0`): the soft delete of D14. Owner or staff only.

    The dog's records and shares stay; it leaves default lists and frees its microchip
    number for another active dog. Deactivating an inactive dog changes nothing.
    """
    _ensure_owner(actor, dog)
    if not dog.is_active:
        return dog
    dog.is_active = False
    dog.save(update_fields=["is_active", "updated_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=dog,
        old={"is_active": True},
        new={"is_active": False},
    )
    return dog


@transaction.atomic
def dog_reactivate(*, actor: User, dog: DogProfile) -> DogProfile:
    """Make an inactive dog active again, if its microchip number is still free."""
    _ensure_owner(actor, dog)
    if dog.is_active:
        return dog
    dog.is_active = True
    _save(dog, update_fields=["is_active", "updated_at"], validate=["is_active"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=dog,
        old={"is_active": False},
        new={"is_active": True},
    )
    return dog


@transaction.atomic
def dog_photo_add(
    *,
    actor: User,
    dog: DogProfile,
    uploaded_file: File,
    url_for: Callable[[Any], str],
    make_profile: bool = False,
) -> Any:
    """Store a photo of the dog as a private `StoredFile` (purpose DogPhoto) and link it.

    `url_for(stored_file)` gives the URL the dog's record keeps (the API passes its own
    photo URL, which serves the bytes once the virus scan passed). The URL goes to
    `ProfileImageUrl` when `make_profile`, else it is appended to `AdditionalPhotos`.
    Bad files (empty, too large, not JPEG/PNG/WebP) are 400s from `stored_file_create`.
    """
    _ensure_can_edit(actor, dog)
    stored = stored_file_create(
        actor=actor,
        uploaded_file=uploaded_file,
        purpose=FilePurpose.DOG_PHOTO,
        visibility=FileVisibility.PRIVATE,
        allowed_content_types=DOG_PHOTO_CONTENT_TYPES,
    )
    url = url_for(stored)
    if len(url) > 500:
        raise ValueError("A photo URL longer than ProfileImageUrl's 500 characters.")
    if make_profile:
        changes: dict[str, Any] = {"profile_image_url": url}
    else:
        changes = {"additional_photos": [*(dog.additional_photos or []), url]}
    old = _changed(dog, changes)
    # The URL is the API's own (its host may be an internal name URLValidator rejects).
    _save(dog, update_fields=[*old, "updated_at"], validate=())
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=dog,
        old=old,
        new={**_snapshot(dog, old), "file_id": stored.pk},
    )
    return stored


# --- Shares ----------------------------------------------------------------------------------
def _sync_guardian(grant: DogAccessGrant) -> None:
    """Make the grantee's guardian permissions on the dog match the grant."""
    dog, grantee = grant.dog, grant.grantee
    if grant.is_live():
        assign_perm(VIEW_PERMISSION, grantee, dog)
        if grant.access_level == AccessLevel.EDIT:
            assign_perm(CHANGE_PERMISSION, grantee, dog)
        else:
            remove_perm(CHANGE_PERMISSION, grantee, dog)
    else:
        remove_perm(VIEW_PERMISSION, grantee, dog)
        remove_perm(CHANGE_PERMISSION, grantee, dog)


def _share_error(code: PetsErrorCode, field: str, message: str) -> ApplicationError:
    return ApplicationError(code, message, fields={field: [message]})


@transaction.atomic
def dog_share(
    *,
    actor: User,
    dog: DogProfile,
    email: str,
    access_level: str = AccessLevel.VIEW,
    expires_at: datetime.datetime | None = None,
) -> DogAccessGrant:
    """Share a dog with the active user who has `email`, read-only (`View`) or `Edit`,
    optionally until `expires_at`. Only the owner (or staff) shares.

    Sharing again with the same user replaces the level and expiry of their grant, so
    the call is idempotent. The grantee gets guardian's `view_dogprofile` (and
    `change_dogprofile` for Edit) on the dog. Unknown emails, the owner's own email and
    past expiry times are 400s with a field error.
    """
    _ensure_owner(actor, dog)
    if access_level not in AccessLevel.values:
        raise _share_error(PetsErrorCode.SHARE_INVALID, "access_level", "Use View or Edit.")
    now = timezone.now()
    if expires_at is not None and expires_at <= now:
        raise _share_error(
            PetsErrorCode.SHARE_EXPIRY_IN_PAST, "expires_at", "The expiry must be in the future."
        )
    grantee = User.objects.filter(email=(email or "").strip().lower(), is_active=True).first()
    if grantee is None:
        raise _share_error(
            PetsErrorCode.SHARE_GRANTEE_UNKNOWN, "email", "No active user has this email."
        )
    if grantee.pk == dog.owner_id:
        raise _share_error(
            PetsErrorCode.SHARE_WITH_OWNER, "email", "The owner already has full access."
        )
    # Serialize shares of one dog, so two concurrent shares cannot both insert.
    DogProfile.objects.select_for_update().filter(pk=dog.pk).first()
    grant = (
        DogAccessGrant.objects.select_for_update()
        .filter(dog_id=dog.pk, grantee_id=grantee.pk, revoked_at__isnull=True)
        .first()
    )
    old: dict[str, Any] | None = None
    if grant is None:
        grant = DogAccessGrant(
            dog=dog,
            grantee=grantee,
            access_level=access_level,
            expires_at=expires_at,
            granted_by=actor,
        )
        _save(grant)
    else:
        old = _snapshot(grant, ["access_level", "expires_at", "granted_by"])
        grant.dog, grant.grantee = dog, grantee
        grant.access_level, grant.expires_at, grant.granted_by = access_level, expires_at, actor
        _save(grant, update_fields=["access_level", "expires_at", "granted_by"])
    _sync_guardian(grant)
    audit_log_record(
        actor=actor,
        action=AuditAction.PERMISSION_GRANTED,
        target=dog,
        old=old,
        new={
            "grant_id": grant.pk,
            "grantee_id": grantee.pk,
            "grantee_email": grantee.email,
            "access_level": access_level,
            "expires_at": expires_at,
        },
    )
    return grant


@transaction.atomic
def dog_share_revoke(*, actor: User, grant: DogAccessGrant) -> DogAccessGrant:
    """End a share now: by the dog's owner (or staff), or by the grantee leaving it.

    The row stays, stamped `RevokedAt`; the grantee's guardian permissions are removed.
    """
    dog = grant.dog
    if grant.grantee_id != getattr(actor, "pk", None):
        _ensure_owner(actor, dog)
    if grant.revoked_at is not None:
        return grant
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at"])
    _sync_guardian(grant)
    audit_log_record(
        actor=actor,
        action=AuditAction.PERMISSION_REVOKED,
        target=dog,
        old={"grant_id": grant.pk, "grantee_id": grant.grantee_id},
        new={"revoked_at": grant.revoked_at},
    )
    return grant


def dog_shares_expire(*, now: datetime.datetime | None = None, batch_size: int = 500) -> int:
    """Revoke the shares whose expiry has passed and drop their guardian permissions.

    Access already ends at `ExpiresAt` (the selectors check it); this sweep only tidies
    the guardian rows and frees the (dog, grantee) slot. Idempotent; one transaction
    per batch. Returns the number of shares revoked.
    """
    now = now or timezone.now()
    total = 0
    while True:
        with transaction.atomic():
            grants = list(
                DogAccessGrant.objects.select_for_update()
                .filter(revoked_at__isnull=True, expires_at__lte=now)
                .select_related("dog", "grantee")
                .order_by("expires_at", "id")[:batch_size]
            )
            for grant in grants:
                grant.revoked_at = now
                grant.save(update_fields=["revoked_at"])
                _sync_guardian(grant)
                audit_log_record(
                    actor=None,
                    action=AuditAction.PERMISSION_REVOKED,
                    target=grant.dog,
                    old={"grant_id": grant.pk, "grantee_id": grant.grantee_id},
                    new={"revoked_at": now, "reason": "expired"},
                )
        total += len(grants)
        if len(grants) < batch_size:
            return total


# --- Medical records: shared machinery -----------------------------------------------------
def _editable_fields(model: type[MedicalRecord]) -> frozenset[str]:
    return frozenset(
        f.name
        for f in model._meta.concrete_fields
        if f.name not in {"id", "dog", "recorded_by", "created_at", "updated_at"}
    )


def _check_vet_visit(dog: DogProfile, fields: Mapping[str, Any]) -> None:
    visit = fields.get("vet_visit")
    if visit is not None and visit.dog_id != dog.pk:
        raise ValidationError({"vet_visit": "The vet visit belongs to another dog."})


def _record_create(
    *, actor: User, dog: DogProfile, model: type[MedicalRecord], fields: Mapping[str, Any]
) -> MedicalRecord:
    _check_unknown(fields, _editable_fields(model))
    _ensure_can_edit(actor, dog)
    _check_vet_visit(dog, fields)
    record = model(dog=dog, recorded_by=actor, **fields)
    _save(record)
    audit_log_record(actor=actor, action=AuditAction.CREATE, target=record, new=_snapshot(record))
    return record


def _record_update(
    *, actor: User, record: MedicalRecord, changes: Mapping[str, Any]
) -> tuple[MedicalRecord, dict[str, Any]]:
    _check_unknown(changes, _editable_fields(type(record)))
    _ensure_can_edit(actor, record.dog)
    if record.is_entered_in_error:
        raise MedicalRecordEnteredInErrorError()
    if record.status_field and changes.get(record.status_field) == ENTERED_IN_ERROR:
        raise ValidationError(
            {record.status_field: "Use the correction action to mark a record entered in error."}
        )
    _check_vet_visit(record.dog, changes)
    changed = _update(record, actor=actor, changes=changes, allowed=_editable_fields(type(record)))
    return record, changed


def _record_mark_entered_in_error(
    *, actor: User, record: MedicalRecord, reason: str = ""
) -> MedicalRecord:
    if not record.status_field:
        raise TypeError(f"{type(record).__name__} has no status to mark.")
    _ensure_can_edit(actor, record.dog)
    if record.is_entered_in_error:
        return record
    old_status = getattr(record, record.status_field)
    setattr(record, record.status_field, ENTERED_IN_ERROR)
    update_fields = [record.status_field, "updated_at"]
    if reason:
        record.notes = f"{record.notes}\n\nEntered in error: {reason}".strip()
        update_fields.append("notes")
    _save(record, update_fields=update_fields, validate=update_fields)
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=record,
        old={record.status_field: old_status},
        new={record.status_field: ENTERED_IN_ERROR, "reason": reason},
    )
    return record


# --- Vaccinations ------------------------------------------------------------------------------
@transaction.atomic
def vaccination_record(*, actor: User, dog: DogProfile, **fields: Any) -> Vaccination:
    """Record a vaccine dose given to (or deliberately not given to) the dog."""
    return _record_create(actor=actor, dog=dog, model=Vaccination, fields=fields)


@transaction.atomic
def vaccination_update(*, actor: User, vaccination: Vaccination, **changes: Any) -> Vaccination:
    """Correct a vaccination's details in place (the audit row keeps the old values)."""
    return _record_update(actor=actor, record=vaccination, changes=changes)[0]


@transaction.atomic
def vaccination_mark_entered_in_error(
    *, actor: User, vaccination: Vaccination, reason: str = ""
) -> Vaccination:
    """Correct a wrong vaccination record: Status becomes EnteredInError; the row stays."""
    return _record_mark_entered_in_error(actor=actor, record=vaccination, reason=reason)


# --- Medications -------------------------------------------------------------------------------
@transaction.atomic
def medication_record(*, actor: User, dog: DogProfile, **fields: Any) -> Medication:
    """Record a medication the dog takes or took."""
    return _record_create(actor=actor, dog=dog, model=Medication, fields=fields)


@transaction.atomic
def medication_update(*, actor: User, medication: Medication, **changes: Any) -> Medication:
    """Change a medication (dose, end date, status Completed/Stopped/OnHold…)."""
    return _record_update(actor=actor, record=medication, changes=changes)[0]


@transaction.atomic
def medication_mark_entered_in_error(
    *, actor: User, medication: Medication, reason: str = ""
) -> Medication:
    """Correct a wrong medication record: Status becomes EnteredInError; the row stays."""
    return _record_mark_entered_in_error(actor=actor, record=medication, reason=reason)


# --- Conditions --------------------------------------------------------------------------------
@transaction.atomic
def condition_record(*, actor: User, dog: DogProfile, **fields: Any) -> DogCondition:
    """Record a diagnosed condition."""
    return _record_create(actor=actor, dog=dog, model=DogCondition, fields=fields)


@transaction.atomic
def condition_update(*, actor: User, condition: DogCondition, **changes: Any) -> DogCondition:
    """Change a condition (clinical status, severity, resolved date…)."""
    return _record_update(actor=actor, record=condition, changes=changes)[0]


@transaction.atomic
def condition_mark_entered_in_error(
    *, actor: User, condition: DogCondition, reason: str = ""
) -> DogCondition:
    """Correct a wrong condition: ClinicalStatus becomes EnteredInError; the row stays."""
    return _record_mark_entered_in_error(actor=actor, record=condition, reason=reason)


# --- Allergies ---------------------------------------------------------------------------------
def _check_allergy_unique(dog: DogProfile, substance: str | None, exclude_pk=None) -> None:
    # UX_DogAllergies_Dog_Substance spans two columns, so full_clean would report it as a
    # non-field error; clients are better served by an error on `substance`.
    if not substance:
        return
    clash = DogAllergy.objects.filter(dog_id=dog.pk, substance=substance).exclude(
        clinical_status=ENTERED_IN_ERROR
    )
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError(
            {"substance": "This dog already has an allergy record for this substance."}
        )


@transaction.atomic
def allergy_record(*, actor: User, dog: DogProfile, **fields: Any) -> DogAllergy:
    """Record an allergy or intolerance; one live record per (dog, substance)."""
    _check_allergy_unique(dog, fields.get("substance"))
    return _record_create(actor=actor, dog=dog, model=DogAllergy, fields=fields)


@transaction.atomic
def allergy_update(*, actor: User, allergy: DogAllergy, **changes: Any) -> DogAllergy:
    """Change an allergy (criticality, clinical status, reaction…)."""
    if "substance" in changes:
        _check_allergy_unique(allergy.dog, changes["substance"], exclude_pk=allergy.pk)
    return _record_update(actor=actor, record=allergy, changes=changes)[0]


@transaction.atomic
def allergy_mark_entered_in_error(
    *, actor: User, allergy: DogAllergy, reason: str = ""
) -> DogAllergy:
    """Correct a wrong allergy: ClinicalStatus becomes EnteredInError; the row stays."""
    return _record_mark_entered_in_error(actor=actor, record=allergy, reason=reason)


# --- Weights -----------------------------------------------------------------------------------
def _dog_weight_sync(*, actor: User, dog: DogProfile) -> None:
    """Copy the latest weighing to `DogProfiles.Weight` (SCHEMA.md 2.10 app rule)."""
    latest = (
        WeightRecord.objects.filter(dog_id=dog.pk)
        .order_by("-measured_on", "-created_at")
        .values_list("weight", flat=True)
        .first()
    )
    if latest is None or dog.weight == latest:
        return
    old = dog.weight
    dog.weight = latest
    dog.save(update_fields=["weight", "updated_at"])
    audit_log_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=dog,
        old={"weight": old},
        new={"weight": latest, "source": "WeightRecords"},
    )


@transaction.atomic
def weight_record_create(
    *,
    actor: User,
    dog: DogProfile,
    measured_on: datetime.date,
    weight: decimal.Decimal,
    source: str = WeightSource.OWNER,
    notes: str = "",
) -> WeightRecord:
    """Record a weighing in pounds (> 0); the latest one becomes the dog's weight."""
    record = _record_create(
        actor=actor,
        dog=dog,
        model=WeightRecord,
        fields={"measured_on": measured_on, "weight": weight, "source": source, "notes": notes},
    )
    _dog_weight_sync(actor=actor, dog=dog)
    return record


@transaction.atomic
def weight_record_update(
    *, actor: User, weight_record: WeightRecord, **changes: Any
) -> WeightRecord:
    """Correct a weighing in place (weights have no status); re-derives the dog's weight."""
    record, old = _record_update(actor=actor, record=weight_record, changes=changes)
    if old:
        _dog_weight_sync(actor=actor, dog=record.dog)
    return record


def _weight_from_visit(*, actor: User, visit: VetVisit) -> None:
    """The weighing a visit implies (source Vet, on the visit date), created or updated."""
    if visit.weight_at_visit is None:
        return
    existing = WeightRecord.objects.filter(
        dog_id=visit.dog_id, measured_on=visit.visit_date, source=WeightSource.VET
    ).first()
    if existing is None:
        _record_create(
            actor=actor,
            dog=visit.dog,
            model=WeightRecord,
            fields={
                "measured_on": visit.visit_date,
                "weight": visit.weight_at_visit,
                "source": WeightSource.VET,
            },
        )
    elif existing.weight != visit.weight_at_visit:
        existing.dog = visit.dog
        _record_update(actor=actor, record=existing, changes={"weight": visit.weight_at_visit})
    _dog_weight_sync(actor=actor, dog=visit.dog)


# --- Vet visits --------------------------------------------------------------------------------
@transaction.atomic
def vet_visit_record(*, actor: User, dog: DogProfile, **fields: Any) -> VetVisit:
    """Record a vet visit; its `weight_at_visit` (lb) also becomes a Vet weighing."""
    visit = _record_create(actor=actor, dog=dog, model=VetVisit, fields=fields)
    _weight_from_visit(actor=actor, visit=visit)
    return visit


@transaction.atomic
def vet_visit_update(*, actor: User, vet_visit: VetVisit, **changes: Any) -> VetVisit:
    """Correct a vet visit in place (visits have no status); keeps its weighing in step."""
    visit, old = _record_update(actor=actor, record=vet_visit, changes=changes)
    if {"weight_at_visit", "visit_date"} & set(old):
        _weight_from_visit(actor=actor, visit=visit)
    return visit


# --- Medical documents ---------------------------------------------------------------------------
@transaction.atomic
def medical_document_add(
    *,
    actor: User,
    dog: DogProfile,
    uploaded_file: File,
    document_type: str,
    title: str,
    issued_on: datetime.date | None = None,
    vet_visit: VetVisit | None = None,
    notes: str = "",
) -> MedicalDocument:
    """Store a medical document (PDF or image) as a private StoredFile and record it.

    The file is checked before anything is stored: a bad type, size or an empty file is a
    400 with an error on `file`. Fields are validated before the upload, so a bad title
    leaves no blob behind either.
    """
    _ensure_can_edit(actor, dog)
    probe = MedicalDocument(
        dog=dog,
        document_type=document_type,
        title=title,
        issued_on=issued_on,
        vet_visit=vet_visit,
        notes=notes,
    )
    probe.full_clean(exclude=["file"])
    _check_vet_visit(dog, {"vet_visit": vet_visit})
    stored = stored_file_create(
        actor=actor,
        uploaded_file=uploaded_file,
        purpose=FilePurpose.MEDICAL_DOCUMENT,
        visibility=FileVisibility.PRIVATE,
    )
    return _record_create(
        actor=actor,
        dog=dog,
        model=MedicalDocument,
        fields={
            "file": stored,
            "document_type": document_type,
            "title": title,
            "issued_on": issued_on,
            "vet_visit": vet_visit,
            "notes": notes,
        },
    )


@transaction.atomic
def medical_document_update(
    *, actor: User, medical_document: MedicalDocument, **changes: Any
) -> MedicalDocument:
    """Correct a document's title, type, date or visit (the file itself is immutable)."""
    if "file" in changes:
        raise TypeError("A document's file cannot be replaced; add a new document.")
    return _record_update(actor=actor, record=medical_document, changes=changes)[0]
