"""Keeping the search index current: only public content goes in (``opendata.selectors.answers``).

``reindex_remiss`` rebuilds a remiss's rows (remiss, proposals, answers); ``reindex_response``
just one organisation's answer. Signals in ``opendata.signals`` call them after commit when a
remiss is saved, an answer is submitted, or the ministry redacts or withholds one;
``manage.py rebuild_search_index`` rebuilds everything.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils import timezone

from opendata.models import EntryKind, SearchEntry
from opendata.selectors.answers import PublicAnswer, newest_public_answer, public_answers
from remiss import permissions
from remiss.models import Proposal, Remiss, Response

from . import sqlite


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _year(remiss: Remiss) -> int | None:
    moment = remiss.published_at or remiss.created_at
    return timezone.localtime(moment).year if moment else None


def remiss_entries(remiss: Remiss) -> list[SearchEntry]:
    year = _year(remiss)
    reports = " ".join(f"{r.get('id', '')} {r.get('title', '')}" for r in remiss.reports or [])
    entries = [
        SearchEntry(
            kind=EntryKind.REMISS,
            remiss=remiss,
            title=f"{remiss.title} ({remiss.reference})"[:600],
            body=f"{reports}\n{remiss.missive}",
            year=year,
        )
    ]
    for proposal in Proposal.objects.filter(remiss=remiss).select_related("section"):
        entries.append(
            SearchEntry(
                kind=EntryKind.PROPOSAL,
                remiss=remiss,
                proposal=proposal,
                title=f"{proposal.label} {proposal.section.title}"[:600],
                body=proposal.text,
                year=year,
            )
        )
    return entries


def answer_text(answer: PublicAnswer) -> str:
    """The searchable text of an answer: none of a redacted answer's (its text is the redacted PDF)."""
    s = answer.snapshot
    if answer.redacted:
        return ""
    parts = [s.get("declined_reason", ""), s.get("summary", ""), s.get("general_comments", "")]
    parts += [a.get("comment", "") for a in s.get("answers", [])]
    parts += [c.get("text", "") for c in s.get("consequences", [])]
    return "\n".join(p for p in parts if p)


def answer_entry(remiss: Remiss, answer: PublicAnswer) -> SearchEntry:
    organisation = answer.organisation
    stances = sorted({stance for stance, _comment in answer.stances().values()})
    return SearchEntry(
        kind=EntryKind.ANSWER,
        remiss=remiss,
        submission=answer.submission,
        title=organisation.name,
        body=answer_text(answer),
        organisation_kind=organisation.kind,
        county=organisation.county,
        stances=f" {' '.join(stances)} ",
        year=_year(remiss),
    )


def _delete(queryset) -> None:
    ids = list(queryset.values_list("pk", flat=True))
    if ids and not is_postgresql():
        sqlite.delete(ids)
    SearchEntry.objects.filter(pk__in=ids).delete()


def _store(entries: list[SearchEntry]) -> None:
    if not entries:
        return
    created = SearchEntry.objects.bulk_create(entries, batch_size=500)
    if is_postgresql():
        ids = [e.pk for e in created]
        SearchEntry.objects.filter(pk__in=ids).update(
            vector=SearchVector("title", weight="A", config="swedish")
            + SearchVector("body", weight="B", config="swedish")
        )
    else:
        sqlite.write(created)


@transaction.atomic
def reindex_remiss(remiss_id: int) -> int:
    """Replace every row of the remiss; nothing stays when it is not (or no longer) public."""
    _delete(SearchEntry.objects.filter(remiss_id=remiss_id))
    remiss = permissions.public_remisser().filter(pk=remiss_id).first()
    if remiss is None:
        return 0
    entries = remiss_entries(remiss) + [answer_entry(remiss, a) for a in public_answers(remiss)]
    _store(entries)
    return len(entries)


@transaction.atomic
def reindex_response(response_id: int) -> None:
    """Replace one organisation's answer row (a new version, a redaction, withholding)."""
    response = Response.objects.select_related("recipient__remiss").filter(pk=response_id).first()
    if response is None:
        return
    _delete(SearchEntry.objects.filter(kind=EntryKind.ANSWER, submission__response_id=response_id))
    remiss = response.recipient.remiss
    answer = newest_public_answer(remiss, response)
    if answer is not None and permissions.public_remisser().filter(pk=remiss.pk).exists():
        _store([answer_entry(remiss, answer)])


def rebuild() -> int:
    """Rebuild the whole index; returns the number of rows. On PostgreSQL the table is analysed
    afterwards: with stale statistics the planner skips the GIN index and searches take 10× longer."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        if not is_postgresql():
            sqlite.clear()
    rows = sum(reindex_remiss(pk) for pk in permissions.public_remisser().values_list("pk", flat=True))
    if is_postgresql():
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}")
    return rows
