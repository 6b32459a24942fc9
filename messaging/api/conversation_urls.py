"""Routes of conversations, messages and blocks, mounted under /api/v1/ (namespace `messaging`)."""

from django.urls import path

from . import conversation_views as views

app_name = "messaging"

_MESSAGE = "conversations/<str:conversation_id>/messages/<str:message_id>/"

urlpatterns = [
    path("conversations/", views.ConversationListView.as_view(), name="conversation-list"),
    path(
        "conversations/<str:conversation_id>/",
        views.ConversationDetailView.as_view(),
        name="conversation-detail",
    ),
    path(
        "conversations/<str:conversation_id>/participants/",
        views.ParticipantListView.as_view(),
        name="conversation-participant-list",
    ),
    path(
        "conversations/<str:conversation_id>/participants/<str:user_id>/",
        views.ParticipantDetailView.as_view(),
        name="conversation-participant-detail",
    ),
    path(
        "conversations/<str:conversation_id>/read/",
        views.ConversationReadView.as_view(),
        name="conversation-read",
    ),
    path(
        "conversations/<str:conversation_id>/messages/",
        views.MessageListView.as_view(),
        name="message-list",
    ),
    path(_MESSAGE, views.MessageDetailView.as_view(), name="message-detail"),
    path(f"{_MESSAGE}edits/", views.MessageEditListView.as_view(), name="message-edit-list"),
    path(
        f"{_MESSAGE}receipts/", views.MessageReceiptListView.as_view(), name="message-receipt-list"
    ),
    path(f"{_MESSAGE}reactions/", views.ReactionListView.as_view(), name="message-reaction-list"),
    path(
        f"{_MESSAGE}reactions/<str:emoji_code>/",
        views.ReactionDetailView.as_view(),
        name="message-reaction-detail",
    ),
    path(
        f"{_MESSAGE}attachments/<str:file_id>/",
        views.AttachmentView.as_view(),
        name="message-attachment-detail",
    ),
    path(
        f"{_MESSAGE}attachments/<str:file_id>/thumbnail/",
        views.AttachmentThumbnailView.as_view(),
        name="message-attachment-thumbnail",
    ),
    path("blocks/", views.BlockListView.as_view(), name="block-list"),
    path("blocks/<str:user_id>/", views.BlockDetailView.as_view(), name="block-detail"),
]
