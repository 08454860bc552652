from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """Remissvar as open data: answer pages, summaries, search, the API and the stance map."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "opendata"
    verbose_name = "Öppna data"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals

        post_migrate.connect(signals.text_index_after_migrate, sender=self)
