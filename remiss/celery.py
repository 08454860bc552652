"""The Celery application. Configuration lives in settings (CELERY_* names)."""

import os

from celery import Celery

import remiss.broker  # noqa: F401  (registers the embedded broker's URL scheme)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "remiss.settings")

app = Celery("remiss")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
