"""A flush puts the seed rows back (tests/seeds.py), so no test depends on running first."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from billing.models import ExpenseCategory, SubscriptionPlan
from doggy.models import SystemSetting


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_the_seed_rows_of_the_migrations():
    seeded = (
        SystemSetting.objects.count(),
        ExpenseCategory.objects.count(),
        list(SubscriptionPlan.objects.values_list("code", flat=True)),
    )
    assert all(seeded)

    call_command("flush", interactive=False, verbosity=0)

    assert (
        SystemSetting.objects.count(),
        ExpenseCategory.objects.count(),
        list(SubscriptionPlan.objects.values_list("code", flat=True)),
    ) == seeded
