"""Open-data tables: the search index and the cached bulk downloads.

The search index holds only what the public may read (built from ``opendata.selectors.answers``); queries
re-check the remiss's publicity at read time, so a stale row can never show more than the rules.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    REMISS = "remiss", _("Remiss")
    PROPOSAL = "proposal", _("Förslag")
    ANSWER = "answer", _("Remissvar")


class SearchEntry(models.Model):
    """One searchable item. On PostgreSQL ``vector`` is the weighted ``swedish`` tsvector (title A,
    body B) under a GIN index (created in the migration); on SQLite an FTS5 table mirrors the rows
    with Swedish-stemmed text (``opendata.search.sqlite``)."""

    kind = models.CharField(max_length=10, choices=EntryKind.choices)
    remiss = models.ForeignKey("remiss.Remiss", on_delete=models.CASCADE, related_name="+")
    proposal = models.ForeignKey("remiss.Proposal", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    submission = models.ForeignKey(
        "remiss.Submission", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=600)
    body = models.TextField(blank=True)
    organisation_kind = models.CharField(max_length=20, blank=True)
    county = models.CharField(max_length=100, blank=True)
    stances = models.CharField(max_length=100, blank=True, help_text="space-separated stance values, padded")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [models.Index(fields=["remiss", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title[:60]}"


class DownloadState(models.TextChoices):
    PENDING = "pending", _("Väntar på att byggas")
    BUILDING = "building", _("Byggs")
    READY = "ready", _("Klar")
    FAILED = "failed", _("Misslyckades")


def download_path(instance: BulkDownload, filename: str) -> str:
    import uuid

    return f"opendata/{instance.remiss_id}/{uuid.uuid4().hex}.zip"


class BulkDownload(models.Model):
    """The cached ZIP of a remiss's public answers (PDFs, CSV and JSON of the stances).

    Built by the Celery task ``opendata.build_download``; ``fingerprint`` names the public answers it
    was built from, so a new answer, a redaction or a withholding makes it out of date.
    """

    remiss = models.OneToOneField("remiss.Remiss", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=DownloadState.choices, default=DownloadState.PENDING)
    fingerprint = models.CharField(max_length=64, blank=True)
    file = models.FileField(upload_to=download_path, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    answers = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("nedladdningspaket")
        verbose_name_plural = _("nedladdningspaket")

    def __str__(self) -> str:
        return f"{self.remiss_id}: {self.state}"

    @property
    def is_ready(self) -> bool:
        return self.state == DownloadState.READY and bool(self.file)
