from django.apps import AppConfig


class DoggyConfig(AppConfig):
    """The project package as an app: cross-cutting models (settings, stored files, health)."""

    name = "doggy"
    verbose_name = "Platform"
    default_auto_field = "django.db.models.BigAutoField"
