from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = "Messaging"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Apps that may not import messaging (ai, scheduling, …) reach it through the
        # kernel: messages are moderated through this handler, and notifications by user
        # id go through `notify_user_id` (docs/development/architecture.md).
        from doggy.core.moderation import MESSAGE, ContentHandler, register_content_handler
        from doggy.core.notifications import register_notifier

        from .notification_services import notify_user_id
        from .selectors.conversations import (
            message_moderation_text,
            message_moderation_visible_to,
        )
        from .services.conversations import (
            message_flag_hide,
            message_flag_remove,
            message_flag_restore,
        )

        register_content_handler(
            MESSAGE,
            ContentHandler(
                text=message_moderation_text,
                visible_to=message_moderation_visible_to,
                hide=message_flag_hide,
                restore=message_flag_restore,
                remove=message_flag_remove,
            ),
        )
        register_notifier(notify_user_id)
