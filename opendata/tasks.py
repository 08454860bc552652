"""Open-data tasks: thin wrappers around ``opendata.services.downloads``."""

from __future__ import annotations

import logging

from celery import shared_task

from .services import downloads

log = logging.getLogger(__name__)


@shared_task(name="opendata.build_download", acks_late=True, soft_time_limit=1500, time_limit=1800)
def build_download(remiss_id: int) -> str:
    try:
        return downloads.build(remiss_id)
    except Exception as exc:
        log.exception("bulk download of remiss %s failed", remiss_id)
        downloads.mark_failed(remiss_id, f"{type(exc).__name__}: {exc}")
        raise
