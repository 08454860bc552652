"""Public open-data pages: an answer as HTML and the summary of a remiss's public answers."""

from __future__ import annotations

from django.shortcuts import render

from remiss import permissions
from remiss.pdf.answer import answer_context

from . import answers as service
from .charts import stacked_rows
from .stances import ANSWER_CATEGORIES


def answer_page(request, pk: int, submission_pk: int):
    """The answer's content from the same frozen snapshot the PDF is rendered from."""
    remiss = permissions.get_public_remiss(request, pk)
    answer = service.get_public_answer(remiss, submission_pk)
    if answer.withheld:
        context = {"remiss": remiss, "submission": answer.submission, "web": answer.web}
        return render(request, "remiss/public/withheld.html", context, status=404)
    document = answer_context(answer.snapshot) if answer.snapshot.get("submitted_at") else None
    return render(request, "opendata/answer.html", {"remiss": remiss, "answer": answer, "doc": document})


def summary_page(request, pk: int):
    remiss = permissions.get_public_remiss(request, pk)
    if not service.summary_is_public(remiss):
        return render(request, "opendata/summary_pending.html", {"remiss": remiss}, status=404)
    answers = service.public_answers(remiss)
    summaries = service.proposal_summaries(remiss, answers, ANSWER_CATEGORIES)
    context = {
        "remiss": remiss,
        "answers": answers,
        "declined": [a for a in answers if a.submission.declined],
        "summaries": summaries,
        "categories": ANSWER_CATEGORIES,
        "chart": stacked_rows(summaries, ANSWER_CATEGORIES),
    }
    return render(request, "opendata/summary.html", context)
