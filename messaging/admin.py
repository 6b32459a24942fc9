"""Staff screens of the baseline messaging tables (plans 017–024 extend them).

Read-only: no messaging service exists yet, and no admin writes through the ORM. The
messaging services of a later phase bring the staff actions with them.
"""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin

from .models import Conversation, ConversationParticipant, Message


class ConversationParticipantInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ConversationParticipant
    extra = 0
    fields = ("user", "joined_at")
    readonly_fields = ("joined_at",)
    autocomplete_fields = ("user",)


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    list_display = ("id", "created_at", "updated_at")
    date_hierarchy = "created_at"
    search_fields = ("=id",)
    readonly_fields = ("id", "created_at", "updated_at")
    inlines = (ConversationParticipantInline,)


@admin.register(ConversationParticipant)
class ConversationParticipantAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    list_display = ("conversation", "user", "joined_at")
    list_select_related = ("conversation", "user")
    search_fields = ("user__email", "=conversation__id")
    autocomplete_fields = ("conversation", "user")
    readonly_fields = ("joined_at",)


@admin.register(Message)
class MessageAdmin(ReadOnlyAdminMixin, AuditedModelAdmin):
    list_display = ("id", "conversation", "sender", "message_type", "created_at")
    list_select_related = ("conversation", "sender")
    list_filter = ("message_type", "moderation_status", "created_at")
    date_hierarchy = "created_at"
    search_fields = ("=id", "sender__email", "=conversation__id")
    autocomplete_fields = ("conversation", "sender")
    readonly_fields = ("created_at",)


from . import admin_notifications  # noqa: E402, F401  (registers its screens)
