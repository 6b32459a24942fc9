from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The kernel's update helper writes its audit rows through this app; models can
        # be imported only once the registry is ready, hence here and not at the top.
        from doggy.core.updates import register_update_auditor

        from .services import audit_update_record

        register_update_auditor(audit_update_record)
