"""Helpers of the plan-037 copy tests: dogs with inline contacts, checksums, values lost.

`make_dogs` writes dogs whose 009 contact and veterinarian columns cover every case the
copy handles (both, one, none, blanks, whitespace, an owner's duplicates spelled
differently); `inline_checksum` hashes every inline value exactly; `values_lost` counts
the non-blank inline values that have no equal value in the new tables.
"""

from __future__ import annotations

import datetime
import hashlib
import importlib
import random
import uuid
from types import SimpleNamespace

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.models import User
from doggy.bulk import bulk_insert
from pets.models import DogEmergencyContact, DogProfile, DogVeterinarian

COPY = importlib.import_module("pets.migrations.0005_copy_dog_contacts")
INLINE = COPY.INLINE_COLUMNS

# (name, phone, relationship) variants; the first three are one person to the dedupe key.
CONTACTS = [
    ("Jane Doe", "+1 (555) 010-0001", "Sister"),
    ("  jane doe ", "15550100001", "Sister"),
    ("JANE DOE", "1-555-010-0001", None),
    ("Bob Stone", "555 0200", "Neighbour"),
    (None, "555 0300", None),
    ("Only A Name", None, "Friend"),
    ("   ", "", None),
    (None, None, None),
]
VETS = [
    ("Dr. Amy Wells", "555 9000", "1 Clinic Road, Springfield"),
    (None, "555 9001", None),
    (None, None, "24h Clinic, Main Street"),
    ("", " ", None),
    (None, None, None),
]


def make_dogs(count: int, *, per_owner: int = 4, seed: int = 37) -> list[str]:
    """`count` dogs of `count // per_owner` owners; returns the dog ids."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    owners = []
    for i in range(max(1, count // per_owner)):
        email = f"contact-owner{i}-{seed}@example.invalid"
        owners.append(
            User(
                id=str(uuid.uuid4()),
                email=email,
                normalized_email=email.upper(),
                password="!",  # noqa: S106 - an unusable password hash
                first_name="Owner",
                last_name=str(i),
            )
        )
    bulk_insert(User, owners)
    now = timezone.now()
    dogs = []
    for n in range(count):
        name, phone, relationship = rng.choice(CONTACTS)
        vet_name, vet_phone, vet_address = rng.choice(VETS)
        dogs.append(
            DogProfile(
                id=uuid.uuid4(),
                owner_id=owners[n % len(owners)].pk,
                name=f"Dog {n}",
                birthdate=datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3000)),
                is_active=rng.random() > 0.1,
                emergency_contact_name=name,
                emergency_contact_phone=phone,
                emergency_contact_relationship=relationship,
                veterinarian_name=vet_name,
                veterinarian_phone=vet_phone,
                veterinarian_address=vet_address,
                created_at=now,
                updated_at=now,
            )
        )
    bulk_insert(DogProfile, dogs)
    return [str(dog.pk) for dog in dogs]


def inline_checksum() -> str:
    """SHA-256 over every dog's six inline values, exactly as stored (NULL ≠ '')."""
    digest = hashlib.sha256()
    rows = DogProfile.objects.order_by("pk").values_list("pk", *INLINE)
    for row in rows.iterator(chunk_size=5000):
        digest.update(
            "\x1f".join("\x00" if value is None else str(value) for value in row).encode()
        )
        digest.update(b"\x1e")
    return digest.hexdigest()


def _norm_contact(name, phone, relationship) -> tuple[str, str, str]:
    key_name, key_phone = COPY.contact_key(name, phone)
    return key_name, key_phone, (relationship or "").strip().lower()


def values_lost() -> tuple[int, int]:
    """(inline values counted, values without their equal in the new tables).

    A contact's name is compared lower-cased and trimmed, its phone by its digits and its
    relationship lower-cased (the owner-level deduplication of A18); a veterinarian's
    values trimmed. A blank inline value is no value.
    """
    first_contact = {}
    links = DogEmergencyContact.objects.order_by("-priority").values_list(
        "dog_id", "contact__name", "contact__phone", "contact__relationship"
    )
    for dog_id, name, phone, relationship in links.iterator(chunk_size=5000):
        first_contact[dog_id] = _norm_contact(name, phone, relationship)
    primary_vet = {}
    vets = DogVeterinarian.objects.order_by("is_primary").values_list(
        "dog_id", "veterinarian_name", "phone", "address_text"
    )
    for dog_id, *values in vets.iterator(chunk_size=5000):
        primary_vet[dog_id] = tuple(values)
    counted = lost = 0
    for dog_id, *inline in DogProfile.objects.values_list("pk", *INLINE).iterator(chunk_size=5000):
        name, phone, relationship, vet_name, vet_phone, vet_address = (
            (value or "").strip() for value in inline
        )
        if name or phone:
            want = _norm_contact(name, phone, relationship)
            have = first_contact.get(dog_id, ("", "", ""))
            fields = [(name, 0), (phone, 1), (relationship, 2)]
            for value, index in fields:
                if value:
                    counted += 1
                    lost += want[index] != have[index]
        if vet_name or vet_phone or vet_address:
            have = primary_vet.get(dog_id, ("", "", ""))
            for index, value in enumerate((vet_name, vet_phone, vet_address)):
                if value:
                    counted += 1
                    lost += value != have[index]
    return counted, lost


def historical_apps(node=("pets", "0005_copy_dog_contacts")):
    return MigrationExecutor(connection).loader.project_state(node).apps


def run_copy(direction: str, **kwargs):
    """Run the data migration's forward or reverse step with the historical models."""
    function = COPY.copy_forward if direction == "forward" else COPY.copy_backward
    # The step reads only `schema_editor.connection` (its alias), as RunPython code does.
    function(historical_apps(), SimpleNamespace(connection=connection), **kwargs)
