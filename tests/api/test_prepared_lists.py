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
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.choices import SYSTEM_USER_ID
from accounts.models import User, UserRole
from accounts.selectors import user_list
from audit.models import AuditLog
from audit.selectors import audit_log_list
from doggy.core.prepared import SENTINEL_TIME, Param, PreparedList, PreparedQuerySet, Related
from pets.models import DogAccessGrant, DogProfile
from pets.selectors import dog_list
from scheduling.selectors import offering_search
from tests.accounts.factories import RoleFactory, UserFactory, UserRoleFactory
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


def test_filter_serializers_are_skipped_only_without_a_filter_parameter():
    from django.http import QueryDict
    from rest_framework.exceptions import ValidationError

    from billing.api.expenses import ExpenseFilterSerializer
    from doggy.api.filtering import query_filters

    assert query_filters(ExpenseFilterSerializer, QueryDict("page=2&page_size=10")) == {}
    assert query_filters(ExpenseFilterSerializer, QueryDict("currency=usd")) == {"currency": "usd"}
    with pytest.raises(ValidationError) as raised:
        query_filters(ExpenseFilterSerializer, QueryDict("date_from=2026-02-01&date_to=2026-01-01"))
    assert raised.value.detail == {"date_to": ["Must not be before date_from."]}


def test_a_filterset_still_filters_a_prepared_list(client_for, superuser):
    UserFactory(email="kept@example.com", account_status="Suspended")
    UserFactory(email="other@example.com")

    response = client_for(superuser).get("/api/v1/admin/users/", {"account_status": "Suspended"})

    assert response.status_code == 200
    assert [row["email"] for row in response.json()["results"]] == ["kept@example.com"]


def test_the_phase_lists_are_prepared_and_match_their_querysets(user, other_user):
    from billing.expense_selectors import expense_list
    from billing.models import PetExpense
    from messaging.notification_selectors import notification_list
    from messaging.selectors.conversations import message_list
    from scheduling.appointments import appointment_list_owner
    from tests.billing.factories import PetExpenseFactory
    from tests.messaging.factories import (
        ConversationParticipantFactory,
        MessageFactory,
        MessageReactionFactory,
        NotificationFactory,
    )
    from tests.scheduling.factories import AppointmentFactory, AppointmentPetFactory

    for n in range(3):
        PetExpenseFactory(owner=user, amount=10 + n)
    PetExpenseFactory(owner=other_user)
    expenses = expense_list(actor=user)
    assert isinstance(expenses, PreparedQuerySet)
    orm = PetExpense.objects.filter(owner_id=user.pk).order_by("-expense_date", "-created_at", "id")
    assert [e.pk for e in expenses[0:25]] == [e.pk for e in orm]
    assert expenses.count() == 3
    assert expense_list(actor=user).filter(pk=orm[0].pk).get().pk == orm[0].pk

    appointment = AppointmentFactory(owner=user)
    pet = AppointmentPetFactory(appointment=appointment)
    bookings = appointment_list_owner(actor=user)
    assert isinstance(bookings, PreparedQuerySet)
    [row] = bookings[0:25]
    assert row.pk == appointment.pk
    assert [p.dog_id for p in row.pet_rows] == [pet.dog_id]

    past = timezone.now() - datetime.timedelta(minutes=1)
    kept = NotificationFactory(recipient=user)
    NotificationFactory(recipient=user, expires_at=past)
    NotificationFactory(recipient=other_user)
    inbox = notification_list(actor=user)
    assert isinstance(inbox, PreparedQuerySet)
    assert isinstance(inbox.order_by("-id"), PreparedQuerySet)
    assert [n.pk for n in inbox.order_by("-id")[0:26]] == [kept.pk]

    participant = ConversationParticipantFactory(user=user)
    chat = participant.conversation
    sent = [MessageFactory(conversation=chat, sender=user) for _ in range(3)]
    MessageReactionFactory(message=sent[-1], user=user)
    page = message_list(actor=user, conversation=chat, filters={"limit": "2"})
    assert [m.pk for m in page["results"]] == [sent[2].pk, sent[1].pk]
    assert page["has_more"] is True
    assert [r.user_id for r in page["results"][0].reaction_list] == [user.pk]


def test_related_rows_are_compiled_once_and_match_a_prefetch(user, monkeypatch):
    """`Related`: each row's list equals Prefetch(to_attr)'s, for one query per relation,
    compiled once per page length; the request's time reaches only the related SQL."""
    now = timezone.now()
    late = now + datetime.timedelta(hours=1)
    people = [UserFactory(email=f"r{n}@example.com") for n in range(3)]
    UserRoleFactory(user=people[0], role=RoleFactory(name="Low", level=1))
    UserRoleFactory(user=people[0], role=RoleFactory(name="High", level=9))
    UserRoleFactory(user=people[1], role=RoleFactory(name="Soon over"), expires_at=late)
    calls = []

    def roles(now):
        calls.append(now)
        return UserRole.objects.effective(now).select_related("role").order_by("-role__level")

    prepared = PreparedList(
        lambda now: User.objects.filter(email__startswith="r").order_by("email"),
        related=[Related(roles, fk="user", to_attr="effective_user_roles")],
        now=Param(SENTINEL_TIME, field=UserRole._meta.get_field("expires_at")),
    )
    with CaptureQueriesContext(connection) as captured:
        page = prepared.bind(now=now)[0:25]
    assert len(captured) == 2
    names = [[r.role.name for r in u.effective_user_roles] for u in page]
    assert names == [["High", "Low"], ["Soon over"], []]
    orm = User.objects.filter(pk__in=[u.pk for u in people]).prefetch_related(
        Prefetch("user_roles", queryset=roles(now), to_attr="effective_user_roles")
    )
    assert names == [[r.role.name for r in u.effective_user_roles] for u in orm.order_by("email")]

    # Later, past the expiry: the same compiled SQL, the new time
    compiled_for = len(calls)
    later = prepared.bind(now=late + datetime.timedelta(seconds=1))[0:25]
    assert [[r.role.name for r in u.effective_user_roles] for u in later] == [
        ["High", "Low"],
        [],
        [],
    ]
    assert len(calls) == compiled_for
    # Anything else goes to the queryset, which prefetches the same lists
    [first] = prepared.bind(now=now).filter(pk=people[0].pk)
    assert [r.role.name for r in first.effective_user_roles] == ["High", "Low"]


def test_a_parameter_that_reaches_no_related_sql_either_is_refused():
    unused = PreparedList(
        lambda now: User.objects.order_by("id"),
        related=[Related(lambda now: UserRole.objects.all(), fk="user", to_attr="roles")],
        now=Param(SENTINEL_TIME, field=UserRole._meta.get_field("expires_at")),
    )
    UserFactory()
    with pytest.raises(ImproperlyConfigured, match=r"\['now'\] never reach its SQL"):
        unused.bind(now=timezone.now())[0:25]
