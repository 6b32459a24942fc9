"""Prepared lists (doggy.core.prepared): compiled once, bound per request, same rows as the ORM.

The plain form of the dog, offering, staff-user and audit-log lists runs SQL compiled
once per process; these tests pin its rows, counts and query counts to the queryset it
stands for, check that each request's values (caller, time) reach the SQL, and that a
filter parameter still goes through the FilterSet.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.choices import SYSTEM_USER_ID
from accounts.models import User
from accounts.selectors import user_list
from audit.models import AuditLog
from audit.selectors import audit_log_list
from doggy.core.prepared import SENTINEL_TIME, Param, PreparedList, PreparedQuerySet
from pets.models import DogAccessGrant, DogProfile
from pets.selectors import dog_list
from scheduling.selectors import offering_search
from tests.accounts.factories import UserFactory
from tests.audit.factories import AuditLogFactory
from tests.pets.factories import DogAccessGrantFactory, DogProfileFactory
from tests.scheduling.factories import ServiceOfferingFactory

pytestmark = pytest.mark.django_db

FIELDS = [f.attname for f in DogProfile._meta.concrete_fields]


def _dogs(rows) -> list[tuple]:
    return [(*(getattr(row, name) for name in FIELDS), row.relation) for row in rows]


def _live_grants() -> PreparedList:
    return PreparedList(
        lambda grantee_id, now: (
            DogAccessGrant.objects.live(now).filter(grantee_id=grantee_id).order_by("id")
        ),
        grantee_id=Param("prepared-test-grantee", field=User._meta.pk),
        now=Param(SENTINEL_TIME, field=DogAccessGrant._meta.get_field("expires_at")),
    )


def test_plain_dog_list_matches_the_orm_queryset(user, other_user):
    for n in range(3):
        DogProfileFactory(owner=user, name=f"Dog {n}")
    DogProfileFactory(owner=user, name="Gone", is_active=False)
    shared = DogProfileFactory(owner=other_user, name="Bo")
    DogAccessGrantFactory(dog=shared, grantee=user, access_level="Edit")
    DogProfileFactory(owner=other_user, name="Not shared")

    prepared = dog_list(actor=user)
    orm = (
        DogProfile.objects.visible_to(user)
        .with_relation(user)
        .filter(is_active=True)
        .order_by("name", "id")
    )

    assert isinstance(prepared, PreparedQuerySet)
    assert prepared.count() == orm.count() == 4
    assert _dogs(prepared[0:2]) == _dogs(orm[0:2])
    assert _dogs(prepared[2:25]) == _dogs(orm[2:25])
    assert _dogs(prepared) == _dogs(orm)
    assert [dog.relation for dog in dog_list(actor=user)] == ["Edit", "Owner", "Owner", "Owner"]


def test_each_request_binds_its_own_caller(user, other_user):
    DogProfileFactory(owner=user, name="Mine")
    DogProfileFactory(owner=other_user, name="Theirs")

    assert [dog.name for dog in dog_list(actor=user)[0:10]] == ["Mine"]
    assert [dog.name for dog in dog_list(actor=other_user)[0:10]] == ["Theirs"]
    assert dog_list(actor=other_user).count() == 1


def test_each_request_binds_its_own_time(user, other_user):
    dog = DogProfileFactory(owner=other_user)
    expires = timezone.now() + datetime.timedelta(hours=1)
    grant = DogAccessGrantFactory(dog=dog, grantee=user, expires_at=expires)
    grants = _live_grants()
    before = expires - datetime.timedelta(seconds=1)
    after = expires + datetime.timedelta(seconds=1)

    assert [g.pk for g in grants.bind(grantee_id=user.pk, now=before)[0:5]] == [grant.pk]
    assert grants.bind(grantee_id=user.pk, now=before).count() == 1
    assert list(grants.bind(grantee_id=user.pk, now=after)[0:5]) == []
    assert grants.bind(grantee_id=user.pk, now=after).count() == 0


def test_the_query_is_built_once_per_process(user, monkeypatch):
    DogProfileFactory(owner=user)
    grants = _live_grants()
    calls = []
    build = grants.build
    monkeypatch.setattr(grants, "build", lambda **kw: calls.append(kw) or build(**kw))
    now = timezone.now()

    for _ in range(3):
        bound = grants.bind(grantee_id=user.pk, now=now)
        bound.count()
        list(bound[0:10])

    # once for the shape, once for the COUNT and once for the page: not per request
    assert len(calls) == 3


def test_count_and_page_cost_what_the_orm_costs(user):
    for n in range(5):
        DogProfileFactory(owner=user, name=f"Dog {n}")
    dog_list(actor=user).count()  # compiled outside the counted block

    with CaptureQueriesContext(connection) as captured:
        rows = dog_list(actor=user)
        assert rows.count() == 5
        assert len(rows[0:3]) == 3
        assert rows[5:5] == []  # an empty slice runs no query, as in Django

    assert len(captured.captured_queries) == 2


def test_anything_else_goes_to_the_real_queryset(user):
    DogProfileFactory(owner=user, name="Rex")
    DogProfileFactory(owner=user, name="Ace")

    rows = dog_list(actor=user)

    assert [dog.name for dog in rows.filter(name="Rex")] == ["Rex"]
    assert rows.exists()
    assert "ORDER BY" in str(rows.query)


def test_a_parameter_that_never_reaches_the_sql_is_refused(user):
    unused = PreparedList(
        lambda actor_id: DogProfile.objects.order_by("id"),
        actor_id=Param("prepared-test-unused", field=User._meta.pk),
    )

    with pytest.raises(ImproperlyConfigured, match="`actor_id` never reaches its SQL"):
        unused.bind(actor_id=user.pk).count()


def test_prefetches_are_built_per_request():
    with pytest.raises(ImproperlyConfigured, match="prefetches as `prefetch`"):
        PreparedList(lambda: User.objects.prefetch_related("user_roles").order_by("id")).bind()


def test_plain_lists_of_the_other_routes_match_their_querysets(superuser):
    UserFactory(email="b@example.com")
    UserFactory(email="a@example.com")
    AuditLogFactory.create_batch(3)
    for price in (30, 10, 20):
        ServiceOfferingFactory(price=price)

    users = user_list(actor=superuser)
    assert isinstance(users, PreparedQuerySet)
    expected = User.objects.exclude(pk=SYSTEM_USER_ID).order_by("email", "id")
    page = users[0:25]
    assert [u.pk for u in page] == list(expected.values_list("pk", flat=True)[0:25])
    assert users.count() == expected.count()
    assert all(isinstance(u.effective_user_roles, list) for u in page)

    logs = audit_log_list(actor=superuser, with_related=False)
    assert isinstance(logs, PreparedQuerySet)
    assert [e.pk for e in logs[0:25]] == list(
        AuditLog.objects.order_by("-timestamp", "-id").values_list("pk", flat=True)
    )

    offerings = offering_search()
    assert isinstance(offerings, PreparedQuerySet)
    assert [o.price for o in offerings[0:25]] == sorted(o.price for o in offerings[0:25])
    assert offerings.count() == offering_search(ordering="-price").count() == 3
