"""Conversations attached to appointments (plan 026's link step, messaging/0010).

An appointment has at most one conversation (`UX_Conversations_Appointment`): a
`Booking` conversation of the owner and the provider's user, created the first time
either side opens it and returned as it is afterwards. Messaging sits above scheduling,
so this module reads the appointment through the scheduling selector, which also decides
who may see it (its owner and its provider; anyone else gets 404).
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from accounts.models import User
from audit.choices import AuditAction
from audit.services import audit_log_record
from scheduling.appointments import appointment_get

from .choices import ConversationType, ParticipantRole
from .models import Conversation, ConversationParticipant


@transaction.atomic
def appointment_conversation_get_or_create(
    *, actor: User, appointment_id: Any
) -> tuple[Conversation, bool]:
    """The conversation of an appointment the caller takes part in, and whether it is new."""
    appointment = appointment_get(actor=actor, appointment_id=appointment_id)
    existing = Conversation.objects.filter(appointment_id=appointment.pk).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            conversation = Conversation.objects.create(
                type=ConversationType.BOOKING,
                title=f"Booking {appointment.reference}",
                created_by=actor,
                appointment_id=appointment.pk,
            )
    except IntegrityError:
        # The other side opened it at the same moment (UX_Conversations_Appointment).
        return Conversation.objects.get(appointment_id=appointment.pk), False
    members = sorted({appointment.owner_id, appointment.provider.user_id})
    ConversationParticipant.objects.bulk_create(
        [
            ConversationParticipant(
                conversation=conversation,
                user_id=user_id,
                role=ParticipantRole.OWNER if user_id == actor.pk else ParticipantRole.MEMBER,
            )
            for user_id in members
        ]
    )
    audit_log_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=conversation,
        new={"type": conversation.type, "appointment": str(appointment.pk)},
    )
    return conversation, True
