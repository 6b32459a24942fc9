"""Reads of the pets app, each scoped to the caller.

Scoping is written once, as `DogProfile.objects.visible_to(user)` / `editable_by(user)`;
every function here starts from it. A dog the caller may not see does not exist for
them: the answer is `DogNotFoundError` (404), never 403.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Q, QuerySet
from django.utils import timezone

from doggy.core.prepared import SENTINEL_TIME, Param, PreparedList
from doggy.models import StoredFile
from doggy.selectors import stored_file_servable_q

from .choices import ENTERED_IN_ERROR, DogRelation
from .errors import (
    DogNotEditableError,
    DogNotFoundError,
    DogOwnerOnlyError,
    InvalidReferenceError,
    MedicalRecordNotFoundError,
    ShareNotFoundError,
)
from .filters import DogFilter, record_filter_for
from .models import DogAccessGrant, DogProfile, MedicalDocument, MedicalRecord, VetVisit

# --- Full-text search ----------------------------------------------------------------------
# The five columns of the plan's FULLTEXT INDEX, in its order. `0002_dog_profiles_fulltext`
# repeats them (a migration never imports app code); a test keeps the two equal.
DOG_SEARCH_FIELDS = ("name", "breed", "secondary_breed", "special_needs", "behavior_notes")
DOG_SEARCH_COLUMNS = ("Name", "Breed", "SecondaryBreed", "SpecialNeeds", "BehaviorNotes")
# 'simple': no stemming and no stop words, so names and breeds ("Shih Tzu", "Bo") match
# as typed and prefix search behaves like the substring fallback on SQLite.
DOG_SEARCH_CONFIG = "simple"
DOG_SEARCH_INDEX = "IX_DogProfiles_FullText"
DOG_SEARCH_MAX_TERMS = 8
_TERM_RE = re.compile(r"[^\W_]+")
_MSSQL_FULLTEXT_CACHE_KEY = "pets:dogprofiles:fulltext:{alias}"


def dog_search_terms(query: str) -> list[str]:
    """The words of a search: letters and digits only, lower-cased, at most 8.

    Anything else (quotes, operators, `&`, `*`) is dropped, so user input can never form
    tsquery or CONTAINS syntax.
    """
    terms: list[str] = []
    for term in _TERM_RE.findall(query.lower()):
        if term not in terms:
            terms.append(term)
    return terms[:DOG_SEARCH_MAX_TERMS]


def dog_search_vector():
    """The tsvector expression of the GIN index `IX_DogProfiles_FullText` (PostgreSQL).

    The query must use the very same expression as the index, or PostgreSQL cannot use
    the index; `0002_dog_profiles_fulltext` builds the index from an equal definition.
    """
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*DOG_SEARCH_FIELDS, config=DOG_SEARCH_CONFIG)


def _postgres_filter(queryset: QuerySet, terms: list[str]) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery

    # Every word must match (AND), each as a prefix of a word in the document.
    tsquery = SearchQuery(
        " & ".join(f"{term}:*" for term in terms), search_type="raw", config=DOG_SEARCH_CONFIG
    )
    return queryset.annotate(search_document=dog_search_vector()).filter(search_document=tsquery)


def _mssql_fulltext_ready(alias: str) -> bool:
    """Whether `DogProfiles` has its FULLTEXT INDEX (0002 skips it where the feature is
    not installed). Cached for five minutes through Django's cache, so every process
    notices an index created later."""
    key = _MSSQL_FULLTEXT_CACHE_KEY.format(alias=alias)
    ready = cache.get(key)
    if ready is None:
        with connections[alias].cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(%s)",
                ["DogProfiles"],
            )
            ready = bool(cursor.fetchone()[0])
        cache.set(key, ready, 300)
    return ready


def _mssql_filter(queryset: QuerySet, terms: list[str]) -> QuerySet:
    condition = " AND ".join(f'"{term}*"' for term in terms)
    columns = ", ".join(f"[{column}]" for column in DOG_SEARCH_COLUMNS)
    # CONTAINS is a predicate the ORM cannot express; the terms are letters and digits
    # only (dog_search_terms) and travel as a parameter, never inside the SQL text.
    return queryset.extra(  # noqa: S610 - fixed SQL, parameterized search condition
        where=[f"CONTAINS(({columns}), %s)"], params=[condition]
    )


def _fallback_filter(queryset: QuerySet, terms: list[str]) -> QuerySet:
    """SQLite (and SQL Server without full-text): every word in any of the five columns."""
    for term in terms:
        any_column = Q()
        for field in DOG_SEARCH_FIELDS:
            any_column |= Q(**{f"{field}__icontains": term})
        queryset = queryset.filter(any_column)
    return queryset


def dog_fulltext_filter(queryset: QuerySet, query: str) -> QuerySet:
    """Narrow `queryset` (of DogProfile) to dogs matching every word of `query`.

    PostgreSQL: the GIN index over a `simple` tsvector, words matched as prefixes.
    SQL Server: CONTAINS over the FULLTEXT INDEX, words matched as prefixes.
    SQLite: case-insensitive substring match of each word in any of the five columns;
    on the small data SQLite is for, it gives the same dogs. `queryset` is not scoped
    here; callers pass a scoped one (`dog_search`) or are staff screens.
    """
    terms = dog_search_terms(query)
    if not terms:
        return queryset
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        return _postgres_filter(queryset, terms)
    if vendor == "microsoft" and _mssql_fulltext_ready(queryset.db):
        return _mssql_filter(queryset, terms)
    return _fallback_filter(queryset, terms)


# --- Dogs ----------------------------------------------------------------------------------
def _mutable(filters: Mapping[str, Any] | None) -> Any:
    if filters is None:
        return {}
    if hasattr(filters, "copy") and hasattr(filters, "getlist"):
        return filters.copy()  # a QueryDict: keep repeated keys
    return dict(filters)


def _raise_filter_errors(filterset) -> None:
    if not filterset.is_valid():
        raise ValidationError(filterset.errors.as_data())


_DOG_FILTER_NAMES = frozenset(DogFilter.base_filters)


class _Caller:
    """The caller of a prepared list: an active, authenticated user known by id."""

    is_authenticated = True
    is_active = True

    def __init__(self, pk: Any) -> None:
        self.pk = pk


def _plain_dog_list(actor_id: Any, now: Any) -> QuerySet[DogProfile]:
    actor = _Caller(actor_id)
    return (
        DogProfile.objects.visible_to(actor, now=now)
        .with_relation(actor, now=now)
        .filter(is_active=True)
        .order_by("name", "id")
    )


# The plain list (no query parameter), compiled once per process: building and compiling
# its scope and `relation` annotation cost more than running it (performance.md).
_PLAIN_DOG_LIST = PreparedList(
    _plain_dog_list,
    actor_id=Param("prepared-list-actor", field=DogProfile._meta.get_field("owner").target_field),
    now=Param(SENTINEL_TIME, field=DogAccessGrant._meta.get_field("expires_at")),
)


def dog_list(*, actor, filters: Mapping[str, Any] | None = None) -> QuerySet[DogProfile]:
    """Dogs the actor owns or that are shared with them, each annotated with `relation`.

    `filters` (query parameters): `is_active` = true (default) | false | all, `breed`,
    `relation` = owned | shared, `search` (full-text, see `dog_fulltext_filter`) and
    `ordering` = name | -name | created_at | -created_at (default: name). Invalid values
    raise ValidationError with the field errors.
    """
    plain = not filters or _DOG_FILTER_NAMES.isdisjoint(filters.keys())
    if plain and actor is not None and actor.is_authenticated and actor.is_active:
        # The plain list (no parameter to validate): the defaults, without a FilterSet,
        # from SQL compiled once (a drop-in for the queryset, see doggy.core.prepared).
        return _PLAIN_DOG_LIST.bind(actor_id=actor.pk, now=timezone.now())
    queryset = DogProfile.objects.visible_to(actor).with_relation(actor)
    if plain:
        return queryset.filter(is_active=True).order_by("name", "id")
    data = _mutable(filters)
    if not data.get("is_active"):
        data["is_active"] = "true"
    filterset = DogFilter(data, queryset=queryset)
    _raise_filter_errors(filterset)
    queryset = filterset.qs
    search = filterset.form.cleaned_data.get("search")
    if search:
        queryset = dog_fulltext_filter(queryset, search)
    if not filterset.form.cleaned_data.get("ordering"):
        queryset = queryset.order_by("name", "id")
    return queryset


def dog_search(
    *, actor, query: str, filters: Mapping[str, Any] | None = None
) -> QuerySet[DogProfile]:
    """Full-text search over the dogs the actor may see (the one search entry point).

    The engine differences (GIN tsvector, CONTAINS, substring fallback) stay inside
    `dog_fulltext_filter`; the results are the same dogs on each engine.
    """
    data = _mutable(filters)
    data["search"] = query
    return dog_list(actor=actor, filters=data)


def _dog_pk(dog_id: Any) -> uuid.UUID:
    if isinstance(dog_id, uuid.UUID):
        return dog_id
    try:
        return uuid.UUID(str(dog_id))
    except ValueError:
        raise DogNotFoundError() from None


def dog_get(*, actor, dog_id: uuid.UUID | str) -> DogProfile:
    """One dog the actor may see, annotated with `relation` (Owner, Edit or View)."""
    dog = (
        DogProfile.objects.visible_to(actor, inline_shares=False)
        .with_relation(actor)
        .filter(pk=_dog_pk(dog_id))
        .first()
    )
    if dog is None:
        raise DogNotFoundError()
    return dog


def dog_get_for_edit(*, actor, dog_id: uuid.UUID | str) -> DogProfile:
    """A dog the actor may change (owner or a live Edit share); read-only shares get 403."""
    dog = dog_get(actor=actor, dog_id=dog_id)
    if dog.relation not in (DogRelation.OWNER, DogRelation.EDIT):
        raise DogNotEditableError()
    return dog


def dog_get_for_owner(*, actor, dog_id: uuid.UUID | str) -> DogProfile:
    """A dog the actor owns; anyone it is merely shared with gets 403."""
    dog = dog_get(actor=actor, dog_id=dog_id)
    if dog.relation != DogRelation.OWNER:
        raise DogOwnerOnlyError()
    return dog


def dog_relation(*, actor, dog: DogProfile) -> str | None:
    """What the actor is to the dog now: Owner, Edit, View, or None (no access)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    if dog.owner_id == actor.pk:
        return DogRelation.OWNER
    grant = (
        DogAccessGrant.objects.live()
        .filter(dog_id=dog.pk, grantee_id=actor.pk)
        .values_list("access_level", flat=True)
        .first()
    )
    return grant


_PHOTO_ID_RE = re.compile(r"/photos/([0-9a-fA-F-]{32,36})/?$")


def dog_photo_file_ids(dog: DogProfile) -> list[uuid.UUID]:
    """The StoredFile ids behind the dog's photo URLs (profile image first)."""
    urls = [dog.profile_image_url or ""] + [u for u in (dog.additional_photos or []) if u]
    ids: list[uuid.UUID] = []
    for url in urls:
        match = _PHOTO_ID_RE.search(str(url))
        if match:
            file_id = uuid.UUID(match.group(1))
            if file_id not in ids:
                ids.append(file_id)
    return ids


def dog_photo_get(*, actor, dog_id: uuid.UUID | str, file_id: uuid.UUID | str) -> StoredFile:
    """A photo of a dog the actor may see, if it may be served now (scanned clean).

    Photos are private files; seeing the dog is what entitles a caller to its photos.
    """
    dog = dog_get(actor=actor, dog_id=dog_id)
    try:
        pk = uuid.UUID(str(file_id))
    except ValueError:
        raise DogNotFoundError("Photo not found.") from None
    if pk not in dog_photo_file_ids(dog):
        raise DogNotFoundError("Photo not found.")
    stored = StoredFile.objects.filter(stored_file_servable_q(), pk=pk).first()
    if stored is None:
        raise DogNotFoundError("Photo not found.")
    return stored


# --- Medical records -------------------------------------------------------------------------
def _record_queryset(model: type[MedicalRecord]) -> QuerySet:
    queryset = model.objects.all()
    if model is MedicalDocument:
        queryset = queryset.select_related("file")
    return queryset


def medical_record_list(
    *,
    actor,
    dog_id: uuid.UUID | str,
    model: type[MedicalRecord],
    filters: Mapping[str, Any] | None = None,
) -> QuerySet:
    """The records of one kind of a dog the actor may see.

    Records marked EnteredInError are left out unless `?status=EnteredInError` asks for
    them. Raises DogNotFoundError for a dog the actor may not see.
    """
    dog_pk = _visible_dog_pk(actor=actor, dog_id=dog_id)
    queryset = _record_queryset(model).filter(dog_id=dog_pk)
    if not model.status_field:
        return queryset
    if filters and "status" in filters:
        filterset = record_filter_for(model)(_mutable(filters), queryset=queryset)
        _raise_filter_errors(filterset)
        queryset = filterset.qs
        if filterset.form.cleaned_data.get("status"):
            return queryset
    # The plain list (no status asked for): the default, without a FilterSet.
    return queryset.exclude(**{model.status_field: ENTERED_IN_ERROR})


def _visible_dog_pk(*, actor, dog_id: uuid.UUID | str) -> uuid.UUID:
    """The primary key of a dog the actor may see; DogNotFoundError otherwise.

    For lists under a dog: one `EXISTS`-style read of the key, without the dog's columns
    or its `relation` annotation (`dog_get` is for routes that show the dog).
    """
    pk = _dog_pk(dog_id)
    if not DogProfile.objects.visible_to(actor, inline_shares=False).filter(pk=pk).exists():
        raise DogNotFoundError()
    return pk


def medical_record_get(
    *,
    actor,
    dog_id: uuid.UUID | str,
    model: type[MedicalRecord],
    record_id: uuid.UUID | str,
    for_edit: bool = False,
) -> MedicalRecord:
    """One record of a dog the actor may see (`for_edit`: may change). Its `dog` is the
    scoped dog, so reading `record.dog` costs no query."""
    if for_edit:
        dog = dog_get_for_edit(actor=actor, dog_id=dog_id)
    else:
        dog = dog_get(actor=actor, dog_id=dog_id)
    try:
        pk = uuid.UUID(str(record_id))
    except ValueError:
        raise MedicalRecordNotFoundError() from None
    record = _record_queryset(model).filter(dog_id=dog.pk, pk=pk).first()
    if record is None:
        raise MedicalRecordNotFoundError()
    record.dog = dog
    return record


def vet_visit_for_reference(
    *, dog: DogProfile, vet_visit_id: uuid.UUID | str | None, field: str = "vet_visit_id"
) -> VetVisit | None:
    """The visit a record may link to: one of the same dog. Anything else is a 400."""
    if vet_visit_id is None:
        return None
    visit = VetVisit.objects.filter(dog_id=dog.pk, pk=vet_visit_id).first()
    if visit is None:
        raise InvalidReferenceError(field, "No vet visit of this dog has this id.")
    return visit


def medical_document_for_reference(
    *, dog: DogProfile, document_id: uuid.UUID | str | None, field: str
) -> MedicalDocument | None:
    """A document of the same dog (e.g. a vaccination's certificate). Anything else is a 400."""
    if document_id is None:
        return None
    document = MedicalDocument.objects.filter(dog_id=dog.pk, pk=document_id).first()
    if document is None:
        raise InvalidReferenceError(field, "No document of this dog has this id.")
    return document


# --- Shares --------------------------------------------------------------------------------
def dog_share_list(*, actor, dog_id: uuid.UUID | str) -> QuerySet[DogAccessGrant]:
    """The unrevoked shares of a dog the actor owns (expired ones included, marked by
    `expires_at`). Only the owner lists shares."""
    dog = dog_get_for_owner(actor=actor, dog_id=dog_id)
    return (
        DogAccessGrant.objects.filter(dog_id=dog.pk, revoked_at__isnull=True)
        .select_related("grantee")
        .order_by("-created_at", "id")
    )


def dog_share_get(*, actor, dog_id: uuid.UUID | str, grant_id: uuid.UUID | str) -> DogAccessGrant:
    """An unrevoked share the actor may revoke: any share of their dog, or their own."""
    dog = dog_get(actor=actor, dog_id=dog_id)
    try:
        pk = uuid.UUID(str(grant_id))
    except ValueError:
        raise ShareNotFoundError() from None
    grant = (
        DogAccessGrant.objects.filter(dog_id=dog.pk, pk=pk, revoked_at__isnull=True)
        .select_related("grantee")
        .first()
    )
    if grant is None:
        raise ShareNotFoundError()
    if dog.relation != DogRelation.OWNER and grant.grantee_id != actor.pk:
        raise DogOwnerOnlyError()
    grant.dog = dog
    return grant


def dog_list_owned_active(*, actor, dog_ids) -> list[DogProfile]:
    """The actor's own active dogs among `dog_ids` (a booking's dogs, SCHEMA.md I-7).

    Dogs merely shared with the actor, inactive dogs and unknown ids are left out; the
    caller compares the result with what it asked for.
    """
    return list(
        DogProfile.objects.owned_by(actor)
        .filter(is_active=True, pk__in=list(dog_ids))
        .order_by("name", "id")
    )
