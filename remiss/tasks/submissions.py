"""Rendering a submitted answer's PDF and receipt. Thin: ids in, services do the work.

Every submission has a database row with its state, so a lost message is recovered by
``sweep_submissions`` (beat), which re-queues rows stuck past their time limit and fails them
after ``MAX_RENDER_ATTEMPTS``.
"""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings

__all__ = ["render_submission", "sweep_submissions"]

log = logging.getLogger(__name__)


@shared_task(
    name="remiss.render_submission",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.REMISS_RENDER_SOFT_TIME_LIMIT,
    time_limit=settings.REMISS_RENDER_TIME_LIMIT,
    max_retries=2,
    ignore_result=True,  # nobody reads it; enqueueing then never waits on the result backend
)
def render_submission(self, submission_id: int) -> str:
    from remiss.services import submissions as responses

    try:
        submission = responses.render_submission(submission_id=submission_id)
    except SoftTimeLimitExceeded:
        responses.mark_render_failed(submission_id=submission_id, error="Tidsgränsen för PDF-skapandet överskreds.")
        raise
    except Exception as exc:  # transient or not: record, retry until attempts run out
        log.exception("rendering submission %s failed", submission_id)
        responses.mark_render_failed(submission_id=submission_id, error=repr(exc))
        from remiss.models import Submission, SubmissionStatus

        if Submission.objects.filter(pk=submission_id, status=SubmissionStatus.PENDING).exists():
            raise self.retry(exc=exc, countdown=10 * (self.request.retries + 1)) from exc
        return "failed"
    return submission.status if submission else "missing"


@shared_task(name="remiss.sweep_submissions", acks_late=True, soft_time_limit=60, time_limit=90)
def sweep_submissions() -> dict:
    from remiss import workflow
    from remiss.services import submissions as responses

    requeue, failed = responses.stuck_submissions()
    for submission_id in requeue:
        workflow.enqueue_render(submission_id)
    return {"requeued": requeue, "failed": failed}
