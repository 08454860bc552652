"""The web publication of submitted answers: a redacted copy, or withholding it (GDPR).

Ministry staff of the owning ministry decide, per submission, what the public pages serve. The
original submission, its PDF and its receipt are never changed. Every action is in the audit log.

An answer submitted again has several versions, each with its PDF and kvittens, and an earlier
version holds the same personal data as the later one: withholding a version therefore withholds
every version of the answer, and publishing a redacted copy of one withholds the others that have no
redacted copy of their own — unless staff limit the action to that version (``all_versions=False``)
or later choose otherwise for a version.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import User
from remiss.models import Publication, Submission, SubmissionStatus
from remiss.uploads import validate_pdf

from .remisser import RemissError

MAX_REASON = 500


def _locked(submission: Submission) -> tuple[Submission, Publication]:
    submission = Submission.objects.select_related("response__recipient__remiss__ministry").get(pk=submission.pk)
    publication, _created = Publication.objects.select_for_update().get_or_create(submission=submission)
    return submission, publication


def _versions(submission: Submission, all_versions: bool) -> list[Submission]:
    """``submission`` first, then (with ``all_versions``) every other rendered version of its answer."""
    if not all_versions:
        return [submission]
    others = Submission.objects.filter(response_id=submission.response_id, status=SubmissionStatus.DONE).exclude(
        pk=submission.pk
    )
    return [submission, *others.order_by("number")]


def _withhold(submission: Submission, by: User | None, reason: str, data: dict) -> None:
    submission, publication = _locked(submission)
    _drop_file(publication)
    publication.withheld, publication.withheld_reason = True, reason
    publication.updated_by = by
    publication.save()
    _record("publication.withheld", submission, by, {"reason": reason, **data})


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
def publish_redacted_copy(*, submission: Submission, by: User | None, upload, all_versions: bool = True) -> Publication:
    """Publish ``upload`` (a PDF, checked like every upload) instead of the original on the web. With
    ``all_versions`` the answer's other versions without a redacted copy of their own are withheld."""
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
    reason = _("En maskerad kopia av version %(number)d publiceras i stället.") % {"number": submission.number}
    for other in _versions(submission, all_versions)[1:]:
        own = Publication.objects.filter(submission=other).first()
        if own is None or not (own.withheld or own.redacted_pdf):
            _withhold(other, by, reason, {"because_of": submission.number})
    return publication


@transaction.atomic
def withhold_publication(
    *, submission: Submission, by: User | None, reason: str, all_versions: bool = True
) -> Publication:
    """Do not publish the answer on the web (every version of it, unless ``all_versions`` is off); the
    public pages show the reason instead."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise RemissError(_("Ange skälet till att svaret inte publiceras på webben."))
    if len(reason) > MAX_REASON:
        raise RemissError(_("Skälet får vara högst %(max)d tecken.") % {"max": MAX_REASON})
    for version in _versions(submission, all_versions):
        _withhold(version, by, reason, {"all_versions": all_versions})
    return Publication.objects.get(submission=submission)


@transaction.atomic
def publish_original(*, submission: Submission, by: User | None) -> None:
    """Undo a redaction or withholding: the original PDF is published again."""
    submission, publication = _locked(submission)
    previous = {"withheld": publication.withheld, "redacted": bool(publication.redacted_pdf)}
    _drop_file(publication)
    publication.delete()
    _record("publication.original", submission, by, {"previous": previous})
