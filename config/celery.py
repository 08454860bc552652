"""The Celery application. Configuration lives in settings (CELERY_* names)."""

import os

from celery import Celery
from kombu.transport import TRANSPORT_ALIASES

# The embedded broker's URL scheme (remissdb+sqlite://, settings.CELERY_BROKER_URL), by name: kombu
# imports config/broker.py, and SQLAlchemy with it, only when a connection uses the scheme.
TRANSPORT_ALIASES.setdefault("remissdb", "config.broker:Transport")

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("remiss")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
