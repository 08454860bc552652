"""The answer PDF (yttrande), rendered from a frozen ``Snapshot`` only."""

from __future__ import annotations

import datetime as dt
import logging
from itertools import groupby

from django.utils import timezone

from remiss.snapshot import Snapshot

from .base import render_pdf

log = logging.getLogger(__name__)

TEMPLATE = "remiss/pdf/answer.html"


def answer_context(snapshot: Snapshot, *, preview: bool = False) -> dict:
    submitted_at = dt.datetime.fromisoformat(snapshot["submitted_at"])
    sections = []
    for (_section_id, number, title), items in groupby(
        snapshot["answers"], key=lambda a: (a["section_id"], a["section_number"], a["section_title"])
    ):
        sections.append({"number": number, "title": title, "answers": list(items)})
    decision_date = dt.date.fromisoformat(snapshot["decision_date"]) if snapshot["decision_date"] else None
    return {
        "s": snapshot,
        "submitted_at": timezone.localtime(submitted_at),
        "decision_date": decision_date,
        "sections": sections,
        "consequences": [c for c in snapshot["consequences"] if c["text"].strip()],
        "preview": preview,
    }


def render_answer_pdf(snapshot: Snapshot, *, preview: bool = False) -> bytes:
    """Tagged PDF; PDF/UA-1 where WeasyPrint manages it, plain tagged output otherwise. A preview is
    the same document with a "FÖRHANDSGRANSKNING" mark at the top of every page."""
    context = answer_context(snapshot, preview=preview)
    try:
        return render_pdf(TEMPLATE, context, variant="pdf/ua-1")
    except Exception:  # known WeasyPrint crashes with pdf/ua-1 on some documents
        log.warning("PDF/UA-1 rendering failed, falling back to tagged PDF", exc_info=True)
        return render_pdf(TEMPLATE, context)
