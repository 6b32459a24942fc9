"""Factories of the address book (plan 016)."""

from __future__ import annotations

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from accounts.models import Address
from tests.accounts.factories import UserFactory


class AddressFactory(DjangoModelFactory[Address]):
    """An active, geocoded address in central London (not the default unless asked)."""

    class Meta:
        model = Address

    user = factory.SubFactory(UserFactory)
    label = "Home"
    recipient_name = factory.LazyAttribute(lambda o: o.user.get_full_name())
    line1 = factory.Sequence(lambda n: f"{n + 1} Baker Street")
    city = "London"
    region = "Greater London"
    postal_code = "NW1 6XE"
    country_code = "GB"
    latitude = Decimal("51.507400")
    longitude = Decimal("-0.127800")
    access_instructions = "Gate code 1234"
    is_default = False
    is_active = True
