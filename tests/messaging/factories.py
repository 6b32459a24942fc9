"""Factories of the messaging app: one per model of the baseline and of plans 017–024.

Every factory builds a row that satisfies the database's constraints with no
arguments, so `create_batch(2)` of each one fills every table (tests/plan).
"""

from __future__ import annotations

import datetime
import hashlib

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from doggy.choices import FilePurpose
from messaging.choices import (
    CallParticipantRole,
    CallParticipantStatus,
    CallStatus,
    Channel,
    ConversationType,
    DeliveryStatus,
    PushBrowser,
    PushPlatform,
    VideoProvider,
)
from messaging.keys import direct_key
from messaging.models import (
    Conversation,
    ConversationParticipant,
    Message,
    MessageAttachment,
    MessageEdit,
    MessageReaction,
    MessageReadReceipt,
    Notification,
    NotificationDelivery,
    NotificationPreference,
    PushDevice,
    UserActivityInterval,
    UserBlock,
    UserPresence,
    VideoCallParticipant,
    VideoCallSession,
)
from tests.accounts.factories import UserFactory
from tests.doggy.factories import StoredFileFactory


class ConversationFactory(DjangoModelFactory[Conversation]):
    """A group conversation; `direct=True` gives a direct one with a unique key."""

    class Meta:
        model = Conversation

    class Params:
        direct = factory.Trait(
            type=ConversationType.DIRECT,
            direct_key=factory.Sequence(lambda n: direct_key([f"user-a-{n}", f"user-b-{n}"])),
        )

    type = ConversationType.GROUP
    title = factory.Faker("sentence", nb_words=3)


class ConversationParticipantFactory(DjangoModelFactory[ConversationParticipant]):
    class Meta:
        model = ConversationParticipant

    conversation = factory.SubFactory(ConversationFactory)
    user = factory.SubFactory(UserFactory)


class MessageFactory(DjangoModelFactory[Message]):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    sender = factory.SubFactory(UserFactory)
    content = factory.Faker("sentence")
    client_message_id = factory.Faker("uuid4")


class MessageAttachmentFactory(DjangoModelFactory[MessageAttachment]):
    class Meta:
        model = MessageAttachment

    message = factory.SubFactory(MessageFactory)
    file = factory.SubFactory(StoredFileFactory, purpose=FilePurpose.MESSAGE_ATTACHMENT)
    caption = "Rex at the park"


class MessageReactionFactory(DjangoModelFactory[MessageReaction]):
    class Meta:
        model = MessageReaction

    message = factory.SubFactory(MessageFactory)
    user = factory.SubFactory(UserFactory)
    emoji_code = "1f436"
    emoji_name = "dog"


class MessageReadReceiptFactory(DjangoModelFactory[MessageReadReceipt]):
    class Meta:
        model = MessageReadReceipt

    message = factory.SubFactory(MessageFactory)
    user = factory.SubFactory(UserFactory)
    delivered_at = factory.LazyFunction(timezone.now)


class VideoCallSessionFactory(DjangoModelFactory[VideoCallSession]):
    """A WebRTC video call that is ringing."""

    class Meta:
        model = VideoCallSession

    conversation = factory.SubFactory(ConversationFactory)
    initiated_by = factory.SubFactory(UserFactory)
    video_provider = VideoProvider.WEBRTC
    external_room_id = factory.Sequence(lambda n: f"room-{n}")
    status = CallStatus.RINGING


class VideoCallParticipantFactory(DjangoModelFactory[VideoCallParticipant]):
    class Meta:
        model = VideoCallParticipant

    session = factory.SubFactory(VideoCallSessionFactory)
    user = factory.SubFactory(UserFactory)
    role = CallParticipantRole.PARTICIPANT
    status = CallParticipantStatus.INVITED
    invited_at = factory.LazyFunction(timezone.now)


class NotificationFactory(DjangoModelFactory[Notification]):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    notification_type = "message.new"
    title = factory.Faker("sentence", nb_words=4)
    dedupe_key = factory.Sequence(lambda n: f"message.new:{n}")


class PushDeviceFactory(DjangoModelFactory[PushDevice]):
    """An active Chrome Web Push subscription."""

    class Meta:
        model = PushDevice

    user = factory.SubFactory(UserFactory)
    platform = PushPlatform.WEB_PUSH
    token = factory.Sequence(lambda n: f"https://push.example.invalid/send/{n}")
    token_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.token.encode()).hexdigest())
    p256dh = "B" + "A" * 86
    auth = "A" * 22
    browser = PushBrowser.CHROME


class NotificationDeliveryFactory(DjangoModelFactory[NotificationDelivery]):
    """A pending e-mail delivery (no device)."""

    class Meta:
        model = NotificationDelivery

    notification = factory.SubFactory(NotificationFactory)
    channel = Channel.EMAIL
    status = DeliveryStatus.PENDING


class NotificationPreferenceFactory(DjangoModelFactory[NotificationPreference]):
    class Meta:
        model = NotificationPreference

    user = factory.SubFactory(UserFactory)
    notification_type = "message.new"
    channel = Channel.EMAIL
    is_enabled = False


class UserPresenceFactory(DjangoModelFactory[UserPresence]):
    class Meta:
        model = UserPresence

    user = factory.SubFactory(UserFactory)
    last_active_at = factory.LazyFunction(timezone.now)
    last_connected_at = factory.LazyFunction(timezone.now)
    last_update_id = factory.Sequence(lambda n: n + 1)


class UserActivityIntervalFactory(DjangoModelFactory[UserActivityInterval]):
    class Meta:
        model = UserActivityInterval

    user = factory.SubFactory(UserFactory)
    start_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    end_at = factory.LazyFunction(timezone.now)


class MessageEditFactory(DjangoModelFactory[MessageEdit]):
    class Meta:
        model = MessageEdit

    message = factory.SubFactory(MessageFactory)
    previous_content = factory.Faker("sentence")
    edited_by = factory.SelfAttribute("message.sender")


class UserBlockFactory(DjangoModelFactory[UserBlock]):
    class Meta:
        model = UserBlock

    blocker = factory.SubFactory(UserFactory)
    blocked = factory.SubFactory(UserFactory)
