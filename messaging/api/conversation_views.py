"""Conversations, messages, reactions, read state and blocks (`/api/v1/conversations/…`).

Every route belongs to the Messaging feature area (503 while its flag is off), needs
`messaging.access` (403 otherwise) and, inside a conversation, an
active participation: a conversation the caller is not in answers 404 like one that
does not exist. Views validate input, call one selector or service and render.
"""

from __future__ import annotations

from django.core.files.storage import storages
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.parsers import JSONParser
from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.choices import FeatureArea
from doggy.core.errors import NotFoundError
from doggy.core.permissions import PermissionName

from ..choices import ConversationType
from ..errors import MessagingErrorCode
from ..selectors.conversations import (
    conversation_get,
    conversation_list,
    message_attachment_get,
    message_edit_list,
    message_get,
    message_list,
    message_receipt_list,
    user_block_list,
)
from ..services import conversations as services
from . import conversation_serializers as s

TAG_CONVERSATIONS = "conversations"
TAG_MESSAGES = "messages"
TAG_BLOCKS = "blocks"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
# Every route: 401 without a session, 403 without messaging.access.
DENIED = {401: ERROR, 403: ERROR}
NOT_FOUND = {404: ERROR}

CanMessage = HasRbacPermission.for_(PermissionName.MESSAGING_ACCESS)


class MessagingView(APIView):
    permission_classes = [CanMessage]
    parser_classes = [JSONParser]
    # While the Messaging flag is off (a phase 3 migration window) every route answers 503.
    feature_area = FeatureArea.MESSAGING


def _conversation(request, conversation_id):
    return conversation_get(actor=request.user, conversation_id=conversation_id)


def _in_conversation(request, conversation_id):
    """The conversation of a message route (no participants needed)."""
    return conversation_get(
        actor=request.user, conversation_id=conversation_id, with_participants=False
    )


def _message(request, conversation_id, message_id):
    conversation = _in_conversation(request, conversation_id)
    return conversation, message_get(
        actor=request.user, conversation=conversation, message_id=message_id
    )


# --- Conversations ---------------------------------------------------------------------------
class ConversationListView(MessagingView, generics.GenericAPIView):
    """`/conversations/`: the caller's conversations; start a direct or group one."""

    serializer_class = s.ConversationSerializer
    filter_backends: list = []

    @extend_schema(
        tags=[TAG_CONVERSATIONS],
        operation_id="conversation_list",
        parameters=[
            OpenApiParameter(
                "archived",
                str,
                enum=["false", "true", "all"],
                description="Default false: archived conversations are left out.",
            )
        ],
        responses={200: s.ConversationSerializer(many=True), 400: ERROR, **DENIED},
    )
    def get(self, request):
        queryset = conversation_list(actor=request.user, filters=request.query_params)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(s.ConversationSerializer(page, many=True).data)

    @extend_schema(
        tags=[TAG_CONVERSATIONS],
        operation_id="conversation_create",
        description="A direct conversation is made once per pair of users: asking again "
        "answers 200 with the existing one. A group conversation is always new (201).",
        request=s.ConversationCreateInputSerializer,
        responses={
            200: s.ConversationSerializer,
            201: s.ConversationSerializer,
            400: ERROR,
            **DENIED,
            409: ERROR,
        },
    )
    def post(self, request):
        data = s.ConversationCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if values["type"] == ConversationType.DIRECT:
            conversation, created = services.conversation_get_or_create_direct(
                actor=request.user, other_user_id=values["user_id"]
            )
        else:
            conversation = services.conversation_create_group(
                actor=request.user, title=values["title"], user_ids=values["user_ids"]
            )
            created = True
        body = s.ConversationSerializer(_conversation(request, conversation.pk)).data
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class ConversationDetailView(MessagingView):
    """`/conversations/{id}/`: one conversation; the caller's own mute, archive and pin."""

    @extend_schema(
        tags=[TAG_CONVERSATIONS],
        operation_id="conversation_get",
        responses={200: s.ConversationSerializer, **DENIED, **NOT_FOUND},
    )
    def get(self, request, conversation_id: str):
        return Response(s.ConversationSerializer(_conversation(request, conversation_id)).data)

    @extend_schema(
        tags=[TAG_CONVERSATIONS],
        operation_id="conversation_settings_update",
        request=s.ConversationSettingsInputSerializer,
        responses={200: s.ConversationSerializer, 400: ERROR, **DENIED, **NOT_FOUND},
    )
    def patch(self, request, conversation_id: str):
        conversation = _conversation(request, conversation_id)
        data = s.ConversationSettingsInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.conversation_settings_update(
            actor=request.user, conversation=conversation, **data.validated_data
        )
        return Response(s.ConversationSerializer(_conversation(request, conversation_id)).data)


class ParticipantListView(MessagingView):
    """`/conversations/{id}/participants/`: who is in it; add someone (owners, admins)."""

    @extend_schema(
        tags=[TAG_CONVERSATIONS],
        operation_id="conversation_participant_list",
        responses={200: s.ParticipantSerializer(many=True), **DENIED, **NOT_FOUND},
    )
    def get(self, request, conversation_id: str):
        conversation = _conversation(request, conversation_id)
        return Response(s.ParticipantSerializer(conversation.active_participants, many=True).data)

    @extend_schema(
        tags=[TAG_CONVERSATIONS],
        operation_id="conversation_participant_add",
        request=s.ParticipantAddInputSerializer,
        responses={
            201: s.ParticipantSerializer,
            400: ERROR,
            **DENIED,
            **NOT_FOUND,
            409: ERROR,
        },
    )
    def post(self, request, conversation_id: str):
        conversation = _conversation(request, conversation_id)
        data = s.ParticipantAddInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        participant = services.participant_add(
            actor=request.user, conversation=conversation, **data.validated_data
        )
        return Response(s.ParticipantSerializer(participant).data, status=status.HTTP_201_CREATED)


class ParticipantDetailView(MessagingView):
    """`/conversations/{id}/participants/{user_id}/`: leave, or remove someone."""

    @extend_schema(
        tags=[TAG_CONVERSATIONS],
        operation_id="conversation_participant_remove",
        request=None,
        responses={204: None, 400: ERROR, **DENIED, **NOT_FOUND},
    )
    def delete(self, request, conversation_id: str, user_id: str):
        conversation = _conversation(request, conversation_id)
        services.participant_remove(actor=request.user, conversation=conversation, user_id=user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ConversationReadView(MessagingView):
    """`/conversations/{id}/read/`: move the caller's read cursor forward."""

    @extend_schema(
        tags=[TAG_CONVERSATIONS],
        operation_id="conversation_mark_read",
        description="Marks read up to `message_id` (default: the newest message). The "
        "cursor never moves back; unread_count follows it.",
        request=s.MarkReadInputSerializer,
        responses={200: s.ReadStateSerializer, 400: ERROR, **DENIED, **NOT_FOUND},
    )
    def post(self, request, conversation_id: str):
        conversation = _in_conversation(request, conversation_id)
        data = s.MarkReadInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        participant = services.conversation_mark_read(
            actor=request.user,
            conversation=conversation,
            message_id=data.validated_data.get("message_id"),
        )
        return Response(s.ReadStateSerializer(participant).data)


# --- Messages --------------------------------------------------------------------------------
MESSAGE_LIST_PARAMETERS = [
    OpenApiParameter("before", int, description="Messages with smaller ids, newest first."),
    OpenApiParameter("after", int, description="Messages with larger ids, oldest first."),
    OpenApiParameter("limit", int, description="1 to 100; default 50."),
]


class MessageListView(MessagingView):
    """`/conversations/{id}/messages/`: a page by id cursor; send (idempotent)."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_list",
        parameters=MESSAGE_LIST_PARAMETERS,
        responses={200: s.MessagePageSerializer, 400: ERROR, **DENIED, **NOT_FOUND},
    )
    def get(self, request, conversation_id: str):
        conversation = _in_conversation(request, conversation_id)
        page = message_list(
            actor=request.user, conversation=conversation, filters=request.query_params
        )
        results = page["results"]
        next_url = None
        if page["has_more"] and results:
            query = request.query_params.copy()
            query.pop("before", None)
            query.pop("after", None)
            query[page["direction"]] = str(results[-1].pk)
            next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
        return Response(
            {
                "results": s.MessageSerializer(results, many=True).data,
                "has_more": page["has_more"],
                "direction": page["direction"],
                "next": next_url,
            }
        )

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_send",
        description="Send a message. With `client_message_id`, a retried POST returns the "
        "message the first one created, with 200 instead of 201. Attachments are sent "
        "as multipart `files` parts.",
        request={
            "application/json": s.MessageSendInputSerializer,
            "multipart/form-data": s.MessageSendInputSerializer,
        },
        responses={
            200: s.MessageSerializer,
            201: s.MessageSerializer,
            400: ERROR,
            **DENIED,
            **NOT_FOUND,
            409: ERROR,
        },
    )
    def post(self, request, conversation_id: str):
        conversation = _in_conversation(request, conversation_id)
        data = s.MessageSendInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        message, created = services.message_send(
            actor=request.user,
            conversation=conversation,
            content=values["content"],
            client_message_id=values.get("client_message_id"),
            reply_to_id=values.get("reply_to_id"),
            files=values.get("files") or (),
        )
        if not created:
            message = message_get(
                actor=request.user, conversation=conversation, message_id=message.pk
            )
        return Response(
            s.MessageSerializer(message).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class MessageDetailView(MessagingView):
    """`/conversations/{id}/messages/{message_id}/`: read, edit (sender), delete."""

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_get",
        responses={200: s.MessageSerializer, **DENIED, **NOT_FOUND},
    )
    def get(self, request, conversation_id: str, message_id: str):
        _conversation_, message = _message(request, conversation_id, message_id)
        return Response(s.MessageSerializer(message).data)

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_edit",
        request=s.MessageEditInputSerializer,
        responses={200: s.MessageSerializer, 400: ERROR, **DENIED, **NOT_FOUND, 409: ERROR},
    )
    def patch(self, request, conversation_id: str, message_id: str):
        conversation, message = _message(request, conversation_id, message_id)
        data = s.MessageEditInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.message_edit(
            actor=request.user,
            conversation=conversation,
            message=message,
            content=data.validated_data["content"],
        )
        return Response(s.MessageSerializer(message).data)

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_delete",
        description="Soft delete: the message stays as a tombstone without content.",
        request=None,
        responses={204: None, **DENIED, **NOT_FOUND},
    )
    def delete(self, request, conversation_id: str, message_id: str):
        conversation, message = _message(request, conversation_id, message_id)
        services.message_delete(actor=request.user, conversation=conversation, message=message)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MessageEditListView(MessagingView):
    """`/conversations/{id}/messages/{message_id}/edits/`: earlier versions, oldest first."""

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_edit_list",
        responses={200: s.MessageEditSerializer(many=True), **DENIED, **NOT_FOUND},
    )
    def get(self, request, conversation_id: str, message_id: str):
        _conversation_, message = _message(request, conversation_id, message_id)
        edits = message_edit_list(actor=request.user, message=message)
        return Response(s.MessageEditSerializer(edits, many=True).data)


class MessageReceiptListView(MessagingView):
    """`/conversations/{id}/messages/{message_id}/receipts/`: who read it, when."""

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_receipt_list",
        responses={200: s.ReceiptSerializer(many=True), **DENIED, **NOT_FOUND},
    )
    def get(self, request, conversation_id: str, message_id: str):
        _conversation_, message = _message(request, conversation_id, message_id)
        receipts = message_receipt_list(actor=request.user, message=message)
        return Response(s.ReceiptSerializer(receipts, many=True).data)


class ReactionListView(MessagingView):
    """`/conversations/{id}/messages/{message_id}/reactions/`: react (idempotent)."""

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_reaction_add",
        request=s.ReactionInputSerializer,
        responses={
            200: s.ReactionSerializer,
            201: s.ReactionSerializer,
            400: ERROR,
            **DENIED,
            **NOT_FOUND,
            409: ERROR,
        },
    )
    def post(self, request, conversation_id: str, message_id: str):
        conversation, message = _message(request, conversation_id, message_id)
        data = s.ReactionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reaction, created = services.reaction_add(
            actor=request.user, conversation=conversation, message=message, **data.validated_data
        )
        return Response(
            s.ReactionSerializer(reaction).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class ReactionDetailView(MessagingView):
    """`/conversations/{id}/messages/{message_id}/reactions/{emoji_code}/`: take it back."""

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_reaction_remove",
        request=None,
        responses={204: None, **DENIED, **NOT_FOUND},
    )
    def delete(self, request, conversation_id: str, message_id: str, emoji_code: str):
        conversation, message = _message(request, conversation_id, message_id)
        services.reaction_remove(
            actor=request.user, conversation=conversation, message=message, emoji_code=emoji_code
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


def _file_response(stored, key: str, content_type: str) -> FileResponse:
    try:
        handle = storages[stored.storage_backend].open(key, "rb")
    except OSError:
        # The row outlived its blob: nothing to serve.
        raise NotFoundError(
            MessagingErrorCode.ATTACHMENT_NOT_FOUND, "Attachment not found."
        ) from None
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = (
        "attachment" if not content_type.startswith("image/") else "inline"
    )
    return response


class AttachmentView(MessagingView):
    """`/conversations/{id}/messages/{message_id}/attachments/{file_id}/`: the bytes."""

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_attachment_get",
        responses={(200, "*/*"): OpenApiTypes.BINARY, **DENIED, **NOT_FOUND},
    )
    def get(self, request, conversation_id: str, message_id: str, file_id: str):
        _conversation_, message = _message(request, conversation_id, message_id)
        stored = message_attachment_get(actor=request.user, message=message, file_id=file_id)
        return _file_response(stored, stored.storage_key, stored.content_type)


class AttachmentThumbnailView(MessagingView):
    """`…/attachments/{file_id}/thumbnail/`: the JPEG thumbnail of an image attachment."""

    @extend_schema(
        tags=[TAG_MESSAGES],
        operation_id="message_attachment_thumbnail",
        responses={(200, "image/jpeg"): OpenApiTypes.BINARY, **DENIED, **NOT_FOUND},
    )
    def get(self, request, conversation_id: str, message_id: str, file_id: str):
        _conversation_, message = _message(request, conversation_id, message_id)
        stored = message_attachment_get(actor=request.user, message=message, file_id=file_id)
        if not stored.thumbnail_key:
            raise NotFoundError(MessagingErrorCode.ATTACHMENT_NOT_FOUND, "No thumbnail yet.")
        return _file_response(stored, stored.thumbnail_key, "image/jpeg")


# --- Blocks ----------------------------------------------------------------------------------
class BlockListView(MessagingView):
    """`/blocks/`: the users the caller blocked; block one (idempotent)."""

    @extend_schema(
        tags=[TAG_BLOCKS],
        operation_id="block_list",
        responses={200: s.BlockSerializer(many=True), **DENIED},
    )
    def get(self, request):
        return Response(s.BlockSerializer(user_block_list(actor=request.user), many=True).data)

    @extend_schema(
        tags=[TAG_BLOCKS],
        operation_id="block_create",
        request=s.BlockInputSerializer,
        responses={200: s.BlockSerializer, 201: s.BlockSerializer, 400: ERROR, **DENIED},
    )
    def post(self, request):
        data = s.BlockInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        block, created = services.user_block(actor=request.user, **data.validated_data)
        return Response(
            s.BlockSerializer(block).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class BlockDetailView(MessagingView):
    """`/blocks/{user_id}/`: unblock."""

    @extend_schema(
        tags=[TAG_BLOCKS],
        operation_id="block_delete",
        request=None,
        responses={204: None, **DENIED, **NOT_FOUND},
    )
    def delete(self, request, user_id: str):
        services.user_unblock(actor=request.user, user_id=user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
