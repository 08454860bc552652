"""Finding themes per proposal ("Hitta teman"). Thin: a remiss id in, the service does the work.

About 0.4 s per proposal of 300 answers, so a 40-proposal remiss takes well under a minute; the
time limits leave room for a busy worker."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

__all__ = ["analysis_published", "find_themes"]

log = logging.getLogger(__name__)


@shared_task(name="remiss.find_themes", acks_late=True, soft_time_limit=300, time_limit=360, ignore_result=True)
def find_themes(remiss_id: int, user_id: int | None = None) -> dict | None:
    from accounts.models import User
    from remiss.models import Remiss
    from remiss.services import themes

    remiss = Remiss.objects.filter(pk=remiss_id).first()
    if remiss is None:
        return None
    themes.mark_running(remiss_id=remiss_id)
    try:
        return themes.run_themes(remiss=remiss, by=User.objects.filter(pk=user_id).first())
    except SoftTimeLimitExceeded:
        themes.mark_failed(remiss_id=remiss_id, error="Tidsgränsen för att hitta teman överskreds.")
        raise
    except Exception as exc:
        log.exception("finding themes for remiss %s failed", remiss_id)
        themes.mark_failed(remiss_id=remiss_id, error=repr(exc))
        return None


@shared_task(name="remiss.analysis_published", acks_late=True, soft_time_limit=300, time_limit=360, ignore_result=True)
def analysis_published(remiss_id: int) -> int:
    from remiss.services import theme_publication

    return theme_publication.send_analysis_mail(remiss_id=remiss_id)
