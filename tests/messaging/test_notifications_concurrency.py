"""Twenty concurrent notify() calls with one dedupe key write exactly one notification.

Real threads with their own PostgreSQL connections start together at a barrier; the
losers of the insert race hit `UX_Notifs_Recipient_Dedupe` and return the winner's row.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from messaging.models import Notification, NotificationDelivery
from messaging.notification_services import notify
from tests.accounts.factories import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and races need PostgreSQL"
    ),
]

THREADS = 20


def test_concurrent_notifies_with_one_dedupe_key_write_one_row(transactional_db):
    # given
    user = UserFactory(email="dedupe-racer@example.com")
    barrier = threading.Barrier(THREADS)
    results: list = [None] * THREADS

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = notify(
                user, "appointment.reminder", "Tomorrow", dedupe_key="appointment.reminder:9:24h"
            ).pk
        except Exception as exc:  # reported as the thread's result
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    # then: every caller got the one row, which has one set of deliveries
    [only] = Notification.objects.filter(recipient=user)
    assert results == [only.pk] * THREADS
    assert NotificationDelivery.objects.filter(notification=only).count() == 3
