"""Running a search: filters, ranking and excerpts on PostgreSQL or SQLite.

Public visibility is checked again at read time: rows of a remiss that is no longer public, and
answer rows of a remiss whose answers are not (yet) public, are never returned.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from opendata.models import EntryKind, SearchEntry
from remiss import permissions

from . import sqlite
from .index import is_postgresql
from .stemming import query_stems, stems

START, STOP = "\ue000", "\ue001"  # private-use markers, replaced by <mark> after escaping
EXCERPT_WORDS = 30


@dataclass
class Filters:
    remiss_id: int | None = None
    organisation_kind: str = ""
    county: str = ""
    stance: str = ""
    year: int | None = None


def visible_entries() -> QuerySet[SearchEntry]:
    """Rows of public remisser; answer rows only where the remiss's answers are public now."""
    remisser = list(permissions.public_remisser())
    remiss_ids = [remiss.pk for remiss in remisser]
    answers_public = [remiss.pk for remiss in remisser if permissions.answers_are_public(remiss)]
    return (
        SearchEntry.objects.filter(remiss_id__in=remiss_ids)
        .filter(~Q(kind=EntryKind.ANSWER) | Q(remiss_id__in=answers_public))
        .exclude(submission__publication__withheld=True)
    )


def apply_filters(entries: QuerySet[SearchEntry], filters: Filters) -> QuerySet[SearchEntry]:
    if filters.remiss_id:
        entries = entries.filter(remiss_id=filters.remiss_id)
    if filters.organisation_kind:
        entries = entries.filter(organisation_kind=filters.organisation_kind)
    if filters.county:
        entries = entries.filter(county=filters.county)
    if filters.stance:
        entries = entries.filter(stances__contains=f" {filters.stance} ")
    if filters.year:
        entries = entries.filter(year=filters.year)
    return entries


def search_ids(text: str, filters: Filters):
    """Matching entry ids, best first: a lazy queryset on PostgreSQL (the paginator counts and
    slices it in SQL), a list on SQLite."""
    entries = apply_filters(visible_entries(), filters)
    if is_postgresql():
        query = SearchQuery(text, config="swedish", search_type="websearch")
        ranked = (
            entries.filter(vector=query)
            .annotate(rank=SearchRank(F("vector"), query))
            .order_by("-rank", "pk")
            .values_list("pk", flat=True)
        )
        return ranked
    ranked = sqlite.ranked_ids(text)
    allowed = set(entries.filter(pk__in=ranked).values_list("pk", flat=True)) if ranked else set()
    return [pk for pk in ranked if pk in allowed]


def _marked(text: str) -> SafeString:
    escaped = html.escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(escaped)  # noqa: S308  (escaped above; only our own markers become tags)


def _python_excerpt(body: str, text: str) -> str:
    """A window of words around the first word whose Swedish stem is in the query."""
    wanted = set(query_stems(text))
    tokens = re.split(r"(\w+)", body)
    word_positions = list(range(1, len(tokens), 2))
    word_stems = stems(" ".join(tokens[i] for i in word_positions))
    hits = [i for i, stem in zip(word_positions, word_stems, strict=False) if stem in wanted]
    if not hits:
        return " ".join(body.split()[:EXCERPT_WORDS])
    first = word_positions.index(hits[0])
    start = word_positions[max(0, first - EXCERPT_WORDS // 3)]
    end = word_positions[min(len(word_positions) - 1, first + EXCERPT_WORDS)]
    for i in hits:
        tokens[i] = f"{START}{tokens[i]}{STOP}"
    prefix = "… " if start > 1 else ""
    return prefix + " ".join("".join(tokens[start : end + 1]).split()) + " …"


def load_page(ids: list[int], text: str) -> list[SearchEntry]:
    """The rows of one result page, in rank order, each with ``excerpt`` (safe HTML, <mark>ed)."""
    # The template needs the row and its remiss only: never load the tsvector or a snapshot.
    rows = SearchEntry.objects.filter(pk__in=ids).select_related("remiss").defer("vector")
    if is_postgresql():
        rows = rows.defer("body")  # the headline is cut from it in SQL
        query = SearchQuery(text, config="swedish", search_type="websearch")
        rows = rows.annotate(
            headline=SearchHeadline(
                "body", query, config="swedish", start_sel=START, stop_sel=STOP, max_words=35, min_words=15
            )
        )
    by_id = {row.pk: row for row in rows}
    result = []
    for pk in ids:
        row = by_id.get(pk)
        if row is None:
            continue
        raw = row.headline if is_postgresql() else _python_excerpt(row.body, text)
        row.excerpt = _marked(raw or "")
        result.append(row)
    return result
