from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "scheduling"
    verbose_name = "Scheduling"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Reviews are moderated by an app above this one (ai), through the kernel
        # (docs/development/architecture.md, "Moderation").
        from doggy.core.moderation import REVIEW, ContentHandler, register_content_handler

        from .selectors import review_moderation_text, review_moderation_visible_to
        from .services import review_flag_hide, review_flag_remove, review_flag_restore

        register_content_handler(
            REVIEW,
            ContentHandler(
                text=review_moderation_text,
                visible_to=review_moderation_visible_to,
                hide=review_flag_hide,
                restore=review_flag_restore,
                remove=review_flag_remove,
            ),
        )
