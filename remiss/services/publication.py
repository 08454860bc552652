"""The web publication of submitted answers: a redacted copy, or withholding it (DESIGN §5, GDPR).

Ministry staff of the owning ministry decide, per submission, what the public pages serve. The
original submission, its PDF and its receipt are never changed. Every action is in the audit log.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import User
from remiss.models import Publication, Submission
from remiss.uploads import validate_pdf

from .remisser import RemissError

MAX_REASON = 500


def _locked(submission: Submission) -> tuple[Submission, Publication]:
    submission = Submission.objects.select_related("response__recipient__remiss__ministry").get(pk=submission.pk)
    publication, _created = Publication.objects.select_for_update().get_or_create(submission=submission)
    return submission, publication


def _record(action: str, submission: Submission, by: User | None, data: dict) -> None:
    recipient = submission.response.recipient
    audit.record(
        action,
        actor=by,
        organisation=recipient.remiss.ministry,
        obj=submission,
        data={
            "remiss": recipient.remiss_id,
            "organisation": recipient.organisation_id,
            "submission": submission.pk,
            "number": submission.number,
            **data,
        },
    )


def _drop_file(publication: Publication) -> None:
    if publication.redacted_pdf:
        field = publication.redacted_pdf
        name = field.name
        transaction.on_commit(lambda: field.storage.delete(name))
        publication.redacted_pdf = None
        publication.redacted_name, publication.redacted_size = "", 0


@transaction.atomic
def publish_redacted_copy(*, submission: Submission, by: User | None, upload) -> Publication:
    """Publish ``upload`` (a PDF, checked like every upload) instead of the original on the web."""
    try:
        validate_pdf(upload)
    except ValidationError as error:
        raise RemissError(" ".join(error.messages)) from None
    submission, publication = _locked(submission)
    _drop_file(publication)
    publication.redacted_pdf.save("redacted.pdf", upload, save=False)
    publication.redacted_name = (upload.name or "")[:255]
    publication.redacted_size = upload.size
    publication.withheld, publication.withheld_reason = False, ""
    publication.updated_by = by
    publication.save()
    _record("publication.redacted", submission, by, {"file": publication.redacted_name, "size": upload.size})
    return publication


@transaction.atomic
def withhold_publication(*, submission: Submission, by: User | None, reason: str) -> Publication:
    """Do not publish the answer on the web; the public page shows the reason instead."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise RemissError(_("Ange skälet till att svaret inte publiceras på webben."))
    if len(reason) > MAX_REASON:
        raise RemissError(_("Skälet får vara högst %(max)d tecken.") % {"max": MAX_REASON})
    submission, publication = _locked(submission)
    _drop_file(publication)
    publication.withheld, publication.withheld_reason = True, reason
    publication.updated_by = by
    publication.save()
    _record("publication.withheld", submission, by, {"reason": reason})
    return publication


@transaction.atomic
def publish_original(*, submission: Submission, by: User | None) -> None:
    """Undo a redaction or withholding: the original PDF is published again."""
    submission, publication = _locked(submission)
    previous = {"withheld": publication.withheld, "redacted": bool(publication.redacted_pdf)}
    _drop_file(publication)
    publication.delete()
    _record("publication.original", submission, by, {"previous": previous})
