"""Plan 037, data: copy the inline contact and veterinarian columns of DogProfiles (009).

Forward, for every dog whose `EmergencyContact*` or `Veterinarian*` columns hold a value
(non-blank after trimming, SCHEMA.md A18):

* the contact becomes an `EmergencyContacts` row of the owner, found again by the owner's
  deduplication key (lower-cased trimmed name plus the digits of the phone), so an owner
  who typed the same person on three dogs gets one contact linked three times
  (`DogEmergencyContacts`, Priority 1). A missing name becomes "Emergency contact";
* the veterinarian becomes the dog's primary `DogVeterinarians` row;
* then each owner's contact linked to their oldest active dog (earliest birthdate, then
  earliest registration) becomes `IsPrimary`.

Dogs are walked in primary-key batches of at most 10,000 (`doggy.dbtools.backfill`), each
batch in its own transaction; a dog is selected only while it still lacks its rows, so a
second run does nothing and an interrupted run carries on where it stopped.

Reverse: each dog's first contact (lowest Priority) and primary veterinarian are written
back into the 009 columns wherever those no longer describe them; a dog whose inline
values still name the same contact and veterinarian keeps them as typed, so a forward and
backward run changes no value. The rows stay (0004's reverse drops the tables). The 009
columns are kept until a later migration drops them.
"""

import re
import uuid

from django.db import migrations, models, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Trim

from doggy.dbtools.backfill import MAX_BATCH_SIZE, Progress, analyze, backfill, chunked

DEFAULT_CONTACT_NAME = "Emergency contact"
CONTACT_COLUMNS = ("emergency_contact_name", "emergency_contact_phone")
VET_COLUMNS = ("veterinarian_name", "veterinarian_phone", "veterinarian_address")
INLINE_COLUMNS = (
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relationship",
    "veterinarian_name",
    "veterinarian_phone",
    "veterinarian_address",
)
_NOT_DIGIT = re.compile(r"\D")


def _clean(value) -> str:
    return (value or "").strip()


def contact_key(name, phone) -> tuple[str, str]:
    """An owner's deduplication key: lower-cased trimmed name, digits-only phone (A18)."""
    return ((_clean(name) or DEFAULT_CONTACT_NAME).lower(), _NOT_DIGIT.sub("", phone or ""))


def _trimmed(columns) -> dict:
    """Aliases `t_<column>` = TRIM(column), for `_has_value` (portable, no regex)."""
    return {f"t_{column}": Trim(column) for column in columns}


def _has_value(columns) -> Q:
    """A dog with at least one of `columns` non-blank after trimming (NULL counts as blank)."""
    condition = Q()
    for column in columns:
        condition |= Q(**{f"t_{column}__gt": ""})
    return condition


def copy_forward(apps, schema_editor, *, batch_size=MAX_BATCH_SIZE, stream=None, progress=True):
    alias = schema_editor.connection.alias
    dog_model = apps.get_model("pets", "DogProfile")
    contact_model = apps.get_model("pets", "EmergencyContact")
    link_model = apps.get_model("pets", "DogEmergencyContact")
    vet_model = apps.get_model("pets", "DogVeterinarian")
    dogs = dog_model._default_manager.using(alias)
    contacts = contact_model._default_manager.using(alias)
    links = link_model._default_manager.using(alias)
    vets = vet_model._default_manager.using(alias)

    needs_contact = _has_value(CONTACT_COLUMNS) & ~Exists(links.filter(dog_id=OuterRef("pk")))
    needs_vet = _has_value(VET_COLUMNS) & ~Exists(vets.filter(dog_id=OuterRef("pk")))
    pending = (
        dogs.alias(**_trimmed(CONTACT_COLUMNS + VET_COLUMNS))
        .annotate(
            wants_contact=models.ExpressionWrapper(
                needs_contact, output_field=models.BooleanField()
            ),
            wants_vet=models.ExpressionWrapper(needs_vet, output_field=models.BooleanField()),
        )
        .filter(needs_contact | needs_vet)
        .order_by("pk")
    )
    meter = Progress("DogProfiles → contacts", pending.count(), stream=stream, enabled=progress)
    fields = ("pk", "owner_id", "wants_contact", "wants_vet", *INLINE_COLUMNS)
    last_pk = None
    while True:
        page = pending if last_pk is None else pending.filter(pk__gt=last_pk)
        rows = list(page.values(*fields)[:batch_size])
        if not rows:
            break
        with transaction.atomic(using=alias):
            _copy_batch(rows, contacts, links, vets, contact_model, link_model, vet_model)
        last_pk = rows[-1]["pk"]
        meter.advance(len(rows))
    meter.close()
    # The three tables were empty when the window began: give the planner their real size
    # before the joins below (and the reverse's) run.
    analyze(alias, contact_model, link_model, vet_model)
    _mark_primary_contacts(contacts, links, alias)


def _copy_batch(rows, contacts, links, vets, contact_model, link_model, vet_model):
    wanted = [row for row in rows if row["wants_contact"]]
    owners = {row["owner_id"] for row in wanted}
    known = {}  # (owner, *key) → the contact (new or already in the table)
    for owner_ids in chunked(sorted(owners), 1000):
        found = contacts.filter(owner_id__in=owner_ids).only(
            "pk", "owner_id", "name", "phone", "relationship"
        )
        for contact in found.order_by("pk"):
            known.setdefault((contact.owner_id, *contact_key(contact.name, contact.phone)), contact)
    new_contacts, completed, new_links, new_vets = [], {}, [], []
    for row in wanted:
        name, phone = row["emergency_contact_name"], row["emergency_contact_phone"]
        relationship = _clean(row["emergency_contact_relationship"])
        key = (row["owner_id"], *contact_key(name, phone))
        contact = known.get(key)
        if contact is None:
            contact = contact_model(
                id=uuid.uuid4(),
                owner_id=row["owner_id"],
                name=_clean(name) or DEFAULT_CONTACT_NAME,
                phone=_clean(phone),
                relationship=relationship,
            )
            new_contacts.append(contact)
            known[key] = contact
        elif relationship and not contact.relationship:
            # The same person typed without a relationship on another dog.
            contact.relationship = relationship
            if not contact._state.adding:
                completed[contact.pk] = contact
        new_links.append(link_model(dog_id=row["pk"], contact_id=contact.pk, priority=1))
    for row in rows:
        if row["wants_vet"]:
            new_vets.append(
                vet_model(
                    id=uuid.uuid4(),
                    dog_id=row["pk"],
                    veterinarian_name=_clean(row["veterinarian_name"]),
                    phone=_clean(row["veterinarian_phone"]),
                    address_text=_clean(row["veterinarian_address"]),
                    is_primary=True,
                )
            )
    contacts.bulk_create(new_contacts, batch_size=1000)
    contacts.bulk_update(list(completed.values()), ["relationship"], batch_size=1000)
    links.bulk_create(new_links, batch_size=1000)
    vets.bulk_create(new_vets, batch_size=1000)


def _mark_primary_contacts(contacts, links, alias):
    """Make the contact of each owner's oldest active dog primary, where none is."""
    without = (
        contacts.values_list("owner_id", flat=True)
        .exclude(owner_id__in=contacts.filter(is_primary=True).values("owner_id"))
        .order_by("owner_id")
        .distinct()
    )
    # 1,000 ids per IN list: SQL Server takes at most 2,100 parameters per statement.
    for owner_ids in chunked(list(without), 1000):
        chosen = {}
        candidates = links.filter(contact__owner_id__in=owner_ids).values_list(
            "contact__owner_id",
            "contact_id",
            "dog__is_active",
            "dog__birthdate",
            "dog__created_at",
            "dog_id",
            "priority",
        )
        for owner_id, contact_id, active, born, created, dog_id, priority in candidates:
            rank = (
                not active,
                born is None,
                born or created.date(),
                created,
                str(dog_id),
                priority,
            )
            if owner_id not in chosen or rank < chosen[owner_id][0]:
                chosen[owner_id] = (rank, contact_id)
        if chosen:
            with transaction.atomic(using=alias):
                contacts.filter(pk__in=[contact for _, contact in chosen.values()]).update(
                    is_primary=True
                )


def copy_backward(apps, schema_editor, *, batch_size=MAX_BATCH_SIZE, stream=None, progress=True):
    alias = schema_editor.connection.alias
    dog_model = apps.get_model("pets", "DogProfile")
    contact_model = apps.get_model("pets", "EmergencyContact")
    link_model = apps.get_model("pets", "DogEmergencyContact")
    vet_model = apps.get_model("pets", "DogVeterinarian")
    analyze(alias, contact_model, link_model, vet_model)
    links = link_model._default_manager.using(alias)
    vets = vet_model._default_manager.using(alias)
    first_link = links.filter(dog_id=OuterRef("pk")).order_by("priority", "pk")
    primary_vet = vets.filter(dog_id=OuterRef("pk")).order_by("-is_primary", "pk")
    dogs = (
        dog_model._default_manager.using(alias)
        .filter(
            Exists(links.filter(dog_id=OuterRef("pk"))) | Exists(vets.filter(dog_id=OuterRef("pk")))
        )
        .annotate(
            c_name=Subquery(first_link.values("contact__name")[:1]),
            c_phone=Subquery(first_link.values("contact__phone")[:1]),
            c_relationship=Subquery(first_link.values("contact__relationship")[:1]),
            v_name=Subquery(primary_vet.values("veterinarian_name")[:1]),
            v_phone=Subquery(primary_vet.values("phone")[:1]),
            v_address=Subquery(primary_vet.values("address_text")[:1]),
        )
    )
    backfill(
        dogs,
        transform=write_back,
        fields=INLINE_COLUMNS,
        batch_size=batch_size,
        label="contacts → DogProfiles",
        stream=stream,
        progress=progress,
    )


def write_back(dog):
    """Put the dog's first contact and primary vet into its 009 columns; False: unchanged."""
    changed = False
    if dog.c_name is not None:
        same_contact = contact_key(dog.emergency_contact_name, dog.emergency_contact_phone) == (
            contact_key(dog.c_name, dog.c_phone)
        )
        if not same_contact:
            dog.emergency_contact_name = dog.c_name or None
            dog.emergency_contact_phone = dog.c_phone or None
            dog.emergency_contact_relationship = dog.c_relationship or None
            changed = True
    if dog.v_name is not None:
        inline = tuple(_clean(getattr(dog, column)) for column in VET_COLUMNS)
        if inline != (dog.v_name, dog.v_phone, dog.v_address):
            dog.veterinarian_name = dog.v_name or None
            dog.veterinarian_phone = dog.v_phone or None
            dog.veterinarian_address = dog.v_address or None
            changed = True
    return changed


class Migration(migrations.Migration):
    # Each batch commits on its own, so an interrupted run keeps what it did.
    atomic = False

    dependencies = [("pets", "0004_emergency_contacts")]

    operations = [migrations.RunPython(copy_forward, copy_backward, elidable=False)]
