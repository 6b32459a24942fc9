"""`visible_to(actor)` of the accounts models: each caller sees their own rows only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Address, KycVerification, UserSession
from tests.accounts.factories import KycVerificationFactory, UserSessionFactory
from tests.accounts.factories_addresses import AddressFactory

pytestmark = pytest.mark.django_db

FACTORIES = {
    UserSession: lambda user: UserSessionFactory(user=user),
    KycVerification: lambda user: KycVerificationFactory(user=user),
    Address: lambda user: AddressFactory(user=user),
}


@pytest.mark.parametrize("model", FACTORIES, ids=lambda m: m.__name__)
def test_each_caller_sees_only_their_own_rows(model, owner, other_owner, superuser):
    # given a row of each owner
    mine = FACTORIES[model](owner)
    theirs = FACTORIES[model](other_owner)

    # then
    assert list(model.objects.visible_to(owner)) == [mine]
    assert list(model.objects.visible_to(other_owner)) == [theirs]
    # staff read other people's rows in the admin, not through the caller scope
    assert list(model.objects.visible_to(superuser)) == []


@pytest.mark.parametrize("model", FACTORIES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("nobody", [None, AnonymousUser()], ids=["none", "anonymous"])
def test_anonymous_callers_see_nothing(model, owner, nobody):
    FACTORIES[model](owner)
    assert list(model.objects.visible_to(nobody)) == []
