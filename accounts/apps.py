from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Konton och organisationer")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401
        from .dbguard import install_audit_guard

        post_migrate.connect(install_audit_guard, sender=self, dispatch_uid="accounts_audit_guard")
