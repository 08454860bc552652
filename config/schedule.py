"""Celery beat schedule. Each feature adds its periodic tasks here (one entry each)."""

from celery.schedules import crontab  # noqa: F401

BEAT_SCHEDULE: dict = {
    # "name": {"task": "remiss.xxx", "schedule": crontab(minute="*/5")},
    "sweep-submissions": {"task": "remiss.sweep_submissions", "schedule": 30.0},  # seconds; see settings
    "send-invitations-sweep": {"task": "remiss.invitation_sweep", "schedule": crontab(minute="*/5")},
    "notification-digests": {"task": "notifications.send_digests", "schedule": crontab(hour=7, minute=30)},
    "deadline-reminders": {"task": "remiss.send_deadline_reminders", "schedule": crontab(hour=7, minute=0)},
    "sweep-compilations": {"task": "remiss.compilation.sweep", "schedule": crontab(minute="*")},
    "clean-compilation-files": {"task": "remiss.compilation.clean_files", "schedule": crontab(hour=3, minute=40)},
    "delete-unconfirmed-public-answers": {
        "task": "remiss.delete_unconfirmed_public_answers",
        "schedule": crontab(minute=17),  # hourly
    },
    "close-expired-remisser": {"task": "remiss.close_expired_remisser", "schedule": crontab(minute="*/10")},
}
