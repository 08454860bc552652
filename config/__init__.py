"""The Django project: settings, root URLs, the Celery application, its embedded broker and schedule,
and the WSGI/ASGI entry points. The domain lives in the apps (remiss, accounts, opendata)."""

from .celery import app as celery_app

__all__ = ("celery_app",)
