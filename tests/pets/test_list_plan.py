"""The dog list's scoping predicate: the caller's id set computed once, looked up by key.

`DogProfile.objects.visible_to` folds owned and shared dogs into one subquery. On
PostgreSQL it is written `Id = ANY(ARRAY(…))` (`doggy.core.db.InArray`): a plain
`Id IN (… UNION ALL …)` is planned as a semi-join that reads the whole table.
"""

from __future__ import annotations

import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from doggy.bulk import bulk_insert_rows
from pets.models import DogProfile
from pets.selectors import dog_list
from tests.accounts.factories import UserFactory
from tests.pets.factories import DogAccessGrantFactory, DogProfileFactory

pytestmark = pytest.mark.django_db


def test_the_list_holds_owned_and_shared_dogs_only(owner, dog, other_dog, viewer):
    # given the viewer's own dog, the owner's dog shared with them, and a stranger's dog
    own = DogProfileFactory(owner=viewer, name="Ace")

    # then
    assert [d.pk for d in dog_list(actor=viewer)] == [own.pk, dog.pk]
    assert [d.relation for d in dog_list(actor=viewer)] == ["Owner", "View"]
    assert dog_list(actor=viewer).count() == 2
    assert [d.pk for d in dog_list(actor=owner)] == [dog.pk]


def test_a_list_of_values_keeps_the_plain_in(owner, dog, other_dog):
    # a list of values (no subquery) is an ordinary IN on every engine
    found = DogProfile.objects.filter(pk__in_array=[dog.pk, uuid.uuid4()])

    assert list(found) == [dog]
    assert " IN (" in str(found.query)


@pytest.mark.postgres
def test_the_count_and_the_page_read_the_primary_key_not_the_table():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    # given 5,000 other dogs, and a caller with 30 dogs and 3 shared with them
    owner = UserFactory()
    others = UserFactory.create_batch(5)
    now = timezone.now()
    rows = [(uuid.uuid4(), others[n % 5].pk, f"Dog {n}", True, now, now) for n in range(5_000)] + [
        (uuid.uuid4(), owner.pk, f"Mine {n}", True, now, now) for n in range(30)
    ]
    columns = ("id", "owner_id", "name", "is_active", "created_at", "updated_at")
    bulk_insert_rows(DogProfile, columns, rows)
    for dog in DogProfile.objects.filter(owner=others[0])[:3]:
        DogAccessGrantFactory(dog=dog, grantee=owner, access_level="View")
    with connection.cursor() as cursor:
        cursor.execute('ANALYZE "DogProfiles", "DogAccessGrants"')

    # when the plain list runs its COUNT and first page
    queryset = dog_list(actor=owner)
    with CaptureQueriesContext(connection) as captured:
        assert queryset.count() == 33
        assert len(list(queryset[:20])) == 20

    # then each computes the id set once and reads DogProfiles by key, not in full
    for query in captured.captured_queries:
        assert '"DogProfiles"."Id" = ANY(ARRAY(' in query["sql"]
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + query["sql"])
            plan = cursor.fetchone()[0]
        scans = _scans(plan if isinstance(plan, list) else json.loads(plan))
        assert ("Seq Scan", "DogProfiles") not in scans, scans


def _scans(plan) -> list[tuple[str, str]]:
    found = []

    def walk(node):
        if "Relation Name" in node:
            found.append((node["Node Type"], node["Relation Name"]))
        for child in node.get("Plans", []):
            walk(child)

    for entry in plan:
        walk(entry["Plan"])
    return found


def test_a_record_list_builds_its_status_filter_class_once():
    from pets.filters import record_filter_for
    from pets.models import Vaccination

    assert record_filter_for(Vaccination) is record_filter_for(Vaccination)
