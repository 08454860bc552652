"""Open-data tables: the search index and the cached bulk downloads.

The search index holds only what the public may read (built from ``opendata.answers``); queries
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
