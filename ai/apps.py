from django.apps import AppConfig


class AiConfig(AppConfig):
    name = "ai"
    verbose_name = "AI"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The apps that own content submit it through the kernel; this app checks it
        # (docs/development/architecture.md, "Moderation").
        from doggy.core.moderation import register_content_checker

        from .services import moderation_content_check

        register_content_checker(moderation_content_check)
