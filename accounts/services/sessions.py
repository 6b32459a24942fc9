"""Session lifecycle: creation, rotation and revocation of bearer-token sessions."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..choices import SessionEndReason
from ..models import User, UserSession


@transaction.atomic
def user_sessions_revoke(
    *,
    user: User,
    reason: str = SessionEndReason.REVOKED,
    except_session: UserSession | None = None,
) -> int:
    """End every active session of `user` (but `except_session`); returns how many ended.

    One UPDATE, so a request authenticated with any of these sessions fails from the next
    request on (revocation on suspension, password change, logout-all, role removal).
    """
    sessions = UserSession.objects.filter(user=user, is_active=True)
    if except_session is not None:
        sessions = sessions.exclude(pk=except_session.pk)
    return sessions.update(is_active=False, ended_at=timezone.now(), end_reason=reason)
