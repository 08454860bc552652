"""Submissions after the freeze: rendering the answer PDF and its receipt, failures and retries,
the beat sweep of stuck rows, and the e-mails that follow. The freeze itself (a new ``Submission``
with its snapshot) is ``remiss.workflow.submit_response`` / ``decline_response``; the Celery tasks in
``remiss.tasks.submissions`` call the functions here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import User
from remiss import workflow
from remiss.models import Receipt, Response, Submission, SubmissionStatus
from remiss.services.errors import ResponseError

log = logging.getLogger(__name__)

MAX_RENDER_ATTEMPTS = 3
# A row still rendering 15 s past Celery's hard limit for a render (settings.REMISS_RENDER_TIME_LIMIT)
# has no worker any more. The sweep runs every 30 s (config/schedule.py).
RENDERING_STUCK_GRACE = dt.timedelta(seconds=15)
UNQUEUED_AFTER = dt.timedelta(seconds=30)  # never reached the broker (it was down): send again
QUEUED_LOST_AFTER = dt.timedelta(minutes=10)  # reached the broker but never started (in a rush, the queue
# drains 300 renders in about 3.5 minutes): the message was lost; a duplicate is harmless (idempotent)


def _claim(submission_id: int) -> Submission | None:
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
        if submission is None or submission.status in (SubmissionStatus.DONE, SubmissionStatus.FAILED):
            return None
        submission.status = SubmissionStatus.RENDERING
        submission.attempts += 1
        submission.started_at = timezone.now()
        submission.save(update_fields=["status", "attempts", "started_at"])
        return submission


def render_submission(*, submission_id: int) -> Submission | None:
    """Render the PDF from the snapshot, store it, issue the receipt and notify. Idempotent: a
    submission that is already done (or failed for good) is left alone."""
    from remiss.pdf.answer import render_answer_pdf
    from remiss.pdf.base import save_atomically

    submission = _claim(submission_id)
    if submission is None:
        return Submission.objects.filter(pk=submission_id).first()
    data = render_answer_pdf(submission.snapshot)
    digest = hashlib.sha256(data).hexdigest()
    from pypdf import PdfReader  # page count for listings

    pages = len(PdfReader(io.BytesIO(data)).pages)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission_id)
        if submission.status == SubmissionStatus.DONE:
            return submission
        name = f"submissions/{submission.response_id}/{submission.number}-{digest[:16]}.pdf"
        save_atomically(submission.pdf, name, data)
        submission.status = SubmissionStatus.DONE
        submission.page_count = pages
        submission.finished_at = timezone.now()
        submission.error = ""
        submission.save(update_fields=["pdf", "status", "page_count", "finished_at", "error"])
        receipt = Receipt.objects.create(submission=submission, sha256=digest, issued_at=submission.finished_at)
        audit.record(
            "submission.rendered",
            organisation=submission.response.recipient.organisation,
            obj=submission,
            data={"sha256": digest, "bytes": len(data)},
            actor_label="system",
        )
        transaction.on_commit(lambda: notify_submitted(receipt_id=receipt.pk), robust=True)
    return submission


def mark_render_failed(*, submission_id: int, error: str) -> None:
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
        if submission is None or submission.status == SubmissionStatus.DONE:
            return
        final = submission.attempts >= MAX_RENDER_ATTEMPTS
        submission.status = SubmissionStatus.FAILED if final else SubmissionStatus.PENDING
        submission.error = error[:2000]
        submission.save(update_fields=["status", "error"])
        if final:
            _failed_for_good(submission, error)


def _failed_for_good(submission: Submission, error: str) -> None:
    """Record and tell: the audit log, and an e-mail to the organisation's approvers (the submitter
    is one), who can try again from the review page."""
    audit.record(
        "submission.failed",
        organisation=submission.response.recipient.organisation,
        obj=submission,
        data={"error": error[:500]},
        actor_label="system",
    )
    transaction.on_commit(lambda: notify_render_failed(submission_id=submission.pk), robust=True)


def stuck_submissions(now: dt.datetime | None = None) -> tuple[list[int], list[int]]:
    """(ids to re-queue, ids failed for good) among submissions stuck in pending/rendering: rendering
    past the hard time limit (its worker died), never sent to the broker, or sent and lost."""
    now = now or timezone.now()
    requeue, failed = [], []
    with transaction.atomic():
        rows = Submission.objects.select_for_update(skip_locked=True).filter(
            status__in=(SubmissionStatus.PENDING, SubmissionStatus.RENDERING)
        )
        for s in rows:
            if not _is_stuck(s, now):
                continue
            if s.attempts >= MAX_RENDER_ATTEMPTS:
                s.status = SubmissionStatus.FAILED
                s.error = (s.error + "\n" if s.error else "") + "Gav upp efter upprepade försök."
                s.save(update_fields=["status", "error"])
                _failed_for_good(s, s.error)
                failed.append(s.pk)
            else:
                s.status = SubmissionStatus.PENDING
                s.started_at = now  # restart the clock so one sweep does not queue it twice
                s.queued_at = None  # set again once the broker has the message
                s.save(update_fields=["status", "started_at", "queued_at"])
                requeue.append(s.pk)
    return requeue, failed


def _is_stuck(s: Submission, now: dt.datetime) -> bool:
    if s.status == SubmissionStatus.RENDERING:
        hard_limit = dt.timedelta(seconds=settings.REMISS_RENDER_TIME_LIMIT)
        return (s.started_at or s.submitted_at) <= now - hard_limit - RENDERING_STUCK_GRACE
    if s.queued_at is None:
        return (s.started_at or s.submitted_at) <= now - UNQUEUED_AFTER
    return max(s.queued_at, s.started_at or s.queued_at) <= now - QUEUED_LOST_AFTER


@transaction.atomic
def retry_render(*, submission: Submission, by: User) -> Submission:
    """Queue a submission whose PDF failed for good for rendering again, with fresh attempts. An
    approver of the organisation may do it (from the review page), and so may an administrator
    (from the Django admin)."""
    locked = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("response__recipient__organisation")
        .get(pk=submission.pk)
    )
    response = locked.response
    membership = workflow.membership_of(by, response)
    is_admin = bool(by.is_active and by.is_staff)
    if not is_admin and (membership is None or not membership.is_approver):
        raise ResponseError(_("Bara en beslutsfattare kan försöka skapa PDF:en igen."))
    if locked.status != SubmissionStatus.FAILED:
        raise ResponseError(_("PDF:en har inte misslyckats, så det finns inget att försöka igen."))
    locked.status = SubmissionStatus.PENDING
    locked.attempts = 0
    locked.started_at = timezone.now()  # the sweeper waits its time limit before it re-queues
    locked.queued_at = None
    locked.save(update_fields=["status", "attempts", "started_at", "queued_at"])
    audit.record(
        "submission.retried",
        actor=by,
        organisation=response.recipient.organisation,
        obj=locked,
        data={"number": locked.number, "previous_error": locked.error[:500]},
    )
    workflow.enqueue_render(locked.pk)
    return locked


def failed_submissions(response: Response) -> list[Submission]:
    return list(response.submissions.filter(status=SubmissionStatus.FAILED).order_by("-number"))


def notify_render_failed(*, submission_id: int) -> None:
    """E-mail the organisation's approvers that a submission's PDF could not be made."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.urls import reverse

    from notifications import members

    submission = Submission.objects.select_related(
        "response__recipient__organisation", "response__recipient__remiss", "submitted_by"
    ).get(pk=submission_id)
    recipient = submission.response.recipient
    context = {
        "submission": submission,
        "organisation": recipient.organisation,
        "remiss": recipient.remiss,
        "review_url": settings.SITE_URL + reverse("respondent:review", args=[submission.response_id]),
    }
    subject = render_to_string("remiss/email/render_failed_subject.txt", context).strip()
    members.send_to_members(
        recipient.organisation, subject, "remiss/email/render_failed_body.txt", context, roles=["is_approver"]
    )


def notify_submitted(*, receipt_id: int) -> None:
    """E-mail the receipt to the organisation's members and tell the ministry's staff."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.urls import reverse

    from notifications import members

    receipt = Receipt.objects.select_related(
        "submission__response__recipient__organisation", "submission__response__recipient__remiss__ministry"
    ).get(pk=receipt_id)
    submission = receipt.submission
    recipient = submission.response.recipient
    context = {
        "receipt": receipt,
        "submission": submission,
        "organisation": recipient.organisation,
        "remiss": recipient.remiss,
        "receipt_url": settings.SITE_URL
        + reverse("respondent:receipt", args=[submission.response_id, submission.number]),
        "verify_url": settings.SITE_URL + reverse("respondent:verify", args=[receipt.code]),
        # The ministry's staff may download these at once (the public once the answers are public).
        "attachments": [
            (
                a.title,
                settings.SITE_URL
                + reverse("public:answer_attachment", args=[recipient.remiss_id, submission.pk, a.pk]),
            )
            for a in submission.attachment_files()
        ],
    }
    subject = render_to_string("remiss/email/receipt_subject.txt", context).strip()
    members.send_to_members(recipient.organisation, subject, "remiss/email/receipt_body.txt", context)
    subject = render_to_string("remiss/email/response_submitted_subject.txt", context).strip()
    members.send_to_members(
        recipient.remiss.ministry,
        subject,
        "remiss/email/response_submitted_body.txt",
        context,
        roles=["is_ministry_staff"],
    )
