from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """Remissvar as open data: answer pages, summaries, search, the API and the stance map."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "opendata"
    verbose_name = "Öppna data"
