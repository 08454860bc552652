"""The bulk download of a remiss: one ZIP of every public answer's published PDF, with the stances
as CSV and JSON. Built in the background (``opendata.tasks.build_download``) and cached in a
``BulkDownload`` row whose state survives a lost task: a request for a row that is stuck, failed or
out of date queues a new build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import jobs
from opendata.models import BulkDownload, DownloadState
from opendata.selectors.answers import PublicAnswer, public_answers
from remiss.compilation.spreadsheet import SafeCsvWriter
from remiss.models import Remiss
from remiss.uploads import safe_filename

STUCK_AFTER = dt.timedelta(minutes=15)
MAX_ATTEMPTS = 3


def fingerprint(answers: list[PublicAnswer]) -> str:
    """Names the published state of the answers: versions, redactions, withholdings."""
    parts = [
        f"{a.submission.pk}:{a.web.updated_at.isoformat() if a.web is not None else '-'}"
        for a in sorted(answers, key=lambda a: a.submission.pk)
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _needs_build(row: BulkDownload, current: str, now: dt.datetime) -> bool:
    if row.fingerprint != current:
        return True
    if row.state == DownloadState.FAILED:
        return row.attempts < MAX_ATTEMPTS
    if row.state == DownloadState.READY:
        return not row.file
    since = row.started_at or row.requested_at
    return since is None or now - since > STUCK_AFTER  # pending or building, and apparently lost


def current(remiss: Remiss) -> BulkDownload:
    """The remiss's download row, with a build queued when it is missing, out of date or stuck."""
    now = timezone.now()
    answers = public_answers(remiss)
    wanted = fingerprint(answers)
    with transaction.atomic():
        row, _created = BulkDownload.objects.select_for_update().get_or_create(remiss=remiss)
        if _needs_build(row, wanted, now):
            if row.fingerprint != wanted:
                row.attempts = 0
            row.state, row.fingerprint, row.requested_at, row.started_at = DownloadState.PENDING, wanted, now, None
            row.save()
            jobs.enqueue("opendata.build_download", remiss.pk)  # the task, by name
    return row


def describe(row: BulkDownload) -> dict:
    return {
        "state": row.state,
        "state_label": str(row.get_state_display()),
        "url": reverse("opendata:download", args=[row.remiss_id]) if row.is_ready else None,
        "built_at": row.built_at,
        "answers": row.answers if row.is_ready else None,
    }


def _claim(remiss_id: int) -> BulkDownload | None:
    with transaction.atomic():
        row = BulkDownload.objects.select_for_update().filter(remiss_id=remiss_id).first()
        if row is None or row.state == DownloadState.READY:
            return None
        row.state, row.started_at, row.attempts = DownloadState.BUILDING, timezone.now(), row.attempts + 1
        row.error = ""
        row.save()
        return row


def _published_pdf(answer: PublicAnswer):
    if answer.redacted:
        return answer.web.redacted_pdf
    return answer.submission.pdf or None


def zip_bytes(remiss: Remiss, answers: list[PublicAnswer]) -> bytes:
    from opendata.selectors.api_data import answer as answer_data

    records = [answer_data(remiss, a) for a in answers]
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for a in answers:
            pdf = _published_pdf(a)
            if pdf:
                with pdf.open("rb") as handle:
                    name = safe_filename(f"{a.organisation.name} v{a.submission.number}.pdf")
                    archive.writestr(f"svar/{a.submission.pk}-{name}", handle.read())
        archive.writestr("stances.json", json.dumps(records, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1))
        text = io.StringIO()
        writer = SafeCsvWriter(text)
        writer.writerow(
            ["svar_id", "organisation", "typ", "län", "förslag_id", "förslag", "ställningstagande", "kommentar"]
        )
        for record in records:
            org = record["organisation"]
            for stance in record["stances"]:
                writer.writerow(
                    [
                        record["id"],
                        org["name"],
                        org["kind"],
                        org["county"],
                        stance["proposal_id"],
                        stance["label"],
                        stance["stance"] or "",
                        stance["comment"] or "",
                    ]
                )
        archive.writestr("stances.csv", "\ufeff" + text.getvalue())
    return stream.getvalue()


def build(remiss_id: int) -> str:
    """Build the ZIP for the row's remiss; idempotent (a ready row is left alone)."""
    row = _claim(remiss_id)
    if row is None:
        return "skipped"
    remiss = Remiss.objects.select_related("ministry").get(pk=remiss_id)
    answers = public_answers(remiss)
    content = zip_bytes(remiss, answers)
    with transaction.atomic():
        row = BulkDownload.objects.select_for_update().get(pk=row.pk)
        old = row.file.name if row.file else ""
        row.file.save("download.zip", ContentFile(content), save=False)
        row.size, row.answers, row.built_at = len(content), len(answers), timezone.now()
        row.fingerprint, row.state = fingerprint(answers), DownloadState.READY
        row.save()
        if old:
            storage = row.file.storage
            transaction.on_commit(lambda: storage.delete(old))
    return "built"


def mark_failed(remiss_id: int, message: str) -> None:
    BulkDownload.objects.filter(remiss_id=remiss_id).update(state=DownloadState.FAILED, error=message[:500])


def invalidate(remiss_id: int) -> None:
    """Answers changed: the next request rebuilds (the fingerprint would notice too)."""
    BulkDownload.objects.filter(remiss_id=remiss_id).update(fingerprint="")
