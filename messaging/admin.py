"""Staff screens of conversations and messages.

Conversations are read-only (list and detail with their participants). Messages are
read-only too, except the moderation actions: hide and unhide, each with a reason, which
go through `messaging.services.conversations.message_hide` / `message_unhide` and are
audited there. Platform staff (`system.admin`) see and moderate. The screens follow the
Messaging feature flag (hidden while it is off).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin

from accounts.admin import action_form_page
from doggy.admin_features import FeatureAreaAdminMixin
from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin, call_for_each
from doggy.choices import FeatureArea
from doggy.core.permissions import PermissionName, actor_may

from .models import Conversation, ConversationParticipant, Message
from .services.conversations import message_hide, message_unhide


class ConversationParticipantInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ConversationParticipant
    extra = 0
    fields = ("user", "role", "joined_at", "left_at", "last_read_message_id", "is_muted")
    readonly_fields = fields
    autocomplete_fields = ("user",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(Conversation)
class ConversationAdmin(FeatureAreaAdminMixin, ReadOnlyAdminMixin, AuditedModelAdmin):
    feature_area = FeatureArea.MESSAGING
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "id",
        "type",
        "title",
        "message_count",
        "last_message_at",
        "is_locked",
        "created_at",
    )
    list_filter = ("type", "is_locked")
    date_hierarchy = "created_at"
    search_fields = ("=id", "title", "participants__user__email")
    readonly_fields = (
        "id",
        "type",
        "title",
        "created_by",
        "direct_key",
        "message_count",
        "last_message_id",
        "last_message_at",
        "is_locked",
        "created_at",
        "updated_at",
    )
    inlines = (ConversationParticipantInline,)


@admin.register(ConversationParticipant)
class ConversationParticipantAdmin(FeatureAreaAdminMixin, ReadOnlyAdminMixin, AuditedModelAdmin):
    feature_area = FeatureArea.MESSAGING
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = ("conversation", "user", "role", "joined_at", "left_at")
    list_select_related = ("conversation", "user")
    search_fields = ("user__email", "=conversation__id")
    autocomplete_fields = ("conversation", "user")
    readonly_fields = ("joined_at",)


class ModerationForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=500,
        help_text="Recorded in the audit log.",
    )


@admin.register(Message)
class MessageAdmin(FeatureAreaAdminMixin, ReadOnlyAdminMixin, AuditedModelAdmin):
    feature_area = FeatureArea.MESSAGING
    rbac_view_permission = PermissionName.SYSTEM_ADMIN
    list_display = (
        "id",
        "conversation",
        "sender",
        "message_type",
        "moderation_status",
        "created_at",
        "deleted_at",
    )
    list_select_related = ("conversation", "sender")
    list_filter = ("message_type", "moderation_status", "created_at")
    date_hierarchy = "created_at"
    search_fields = ("=id", "sender__email", "=conversation__id")
    autocomplete_fields = ("conversation", "sender")
    readonly_fields = ("created_at",)
    actions = ("hide_messages", "unhide_messages")

    def has_moderate_permission(self, request) -> bool:
        return actor_may(request.user, PermissionName.SYSTEM_ADMIN)

    def _moderate(self, request, queryset, *, service, title: str, done: str, action: str):
        def apply(data):
            call_for_each(
                request,
                queryset,
                lambda message: service(actor=request.user, message=message, reason=data["reason"]),
                done=done,
            )

        return action_form_page(
            self,
            request,
            queryset,
            form_class=ModerationForm,
            title=title,
            submit_label=title,
            on_valid=apply,
            action=action,
        )

    @admin.action(description="Hide selected messages…", permissions=["moderate"])
    def hide_messages(self, request, queryset):
        return self._moderate(
            request,
            queryset,
            service=message_hide,
            title="Hide messages",
            done="Hid {count} message(s).",
            action="hide_messages",
        )

    @admin.action(description="Unhide selected messages…", permissions=["moderate"])
    def unhide_messages(self, request, queryset):
        return self._moderate(
            request,
            queryset,
            service=message_unhide,
            title="Unhide messages",
            done="Unhid {count} message(s).",
            action="unhide_messages",
        )


from . import admin_notifications  # noqa: E402, F401  (registers its screens)
