"""Public open-data pages: an answer as HTML and the summary of a remiss's public answers."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render

from remiss import permissions
from remiss.pdf.answer import answer_context

from .forms import SearchForm
from .search import query
from .selectors import answers as service
from .selectors.charts import stacked_rows
from .stances import ANSWER_CATEGORIES

SEARCH_PER_PAGE = 20


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
    # One rule for every public channel (page, summary, map, search, API, ZIP): what the remiss's
    # publicity rule makes public, as soon as it is public; while the remiss is open the page says so.
    if not permissions.answers_are_public(remiss):
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
        "still_open": remiss.accepts_answers and not remiss.deadline_passed(),
    }
    return render(request, "opendata/summary.html", context)


def search_page(request):
    """/sok/: Swedish full-text search over public remisser, proposals and answers."""
    form = SearchForm(request.GET or None)
    context = {"form": form, "page": None}
    if not form.is_bound:
        return render(request, "opendata/search.html", context)
    if not form.is_valid():
        return render(request, "opendata/search.html", context, status=400)
    text = form.cleaned_data["q"].strip()
    if text:
        ids = query.search_ids(text, form.filters())
        page = Paginator(ids, SEARCH_PER_PAGE).get_page(request.GET.get("sida"))
        page.rows = query.load_page(list(page.object_list), text)
        params = request.GET.copy()
        params.pop("sida", None)
        context.update(page=page, params=params.urlencode(), searched=True)
    return render(request, "opendata/search.html", context)


def download_zip(request, pk: int):
    """The cached ZIP of the remiss's public answers, when it is built and up to date."""
    from django.http import FileResponse, Http404

    from remiss.uploads import safe_filename

    from .services import downloads

    remiss = permissions.get_public_remiss(request, pk)
    row = downloads.current(remiss)
    if not row.is_ready:
        raise Http404("download not ready")
    response = FileResponse(
        row.file.open("rb"),
        as_attachment=True,
        filename=safe_filename(f"Remissvar {remiss.reference}.zip"),
        content_type="application/zip",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def api_docs(request):
    """The API's documentation page: Swagger UI served from static/vendor, no CDN."""
    from django.conf import settings
    from django.urls import reverse

    context = {"schema_url": reverse("api-v1:openapi-json"), "rate": settings.OPENDATA_API_RATE}
    return render(request, "opendata/api_docs.html", context)


def map_page(request, pk: int):
    """Per proposal: the kommuner and regioner coloured by public stance, with a table alternative."""
    from django.shortcuts import get_object_or_404

    from remiss.models import Proposal

    from .selectors import maps

    remiss = permissions.get_public_remiss(request, pk)
    if not permissions.answers_are_public(remiss):
        return render(request, "opendata/summary_pending.html", {"remiss": remiss, "is_map": True}, status=404)
    proposals = list(Proposal.objects.filter(remiss=remiss).select_related("section"))
    if not proposals:
        return render(request, "404.html", status=404)
    chosen = request.GET.get("forslag", "")
    proposal = (
        get_object_or_404(Proposal, remiss=remiss, pk=int(chosen)) if chosen.isdigit() and len(chosen) < 12 else None
    )
    if chosen and proposal is None:
        return render(request, "404.html", status=404)
    proposal = proposal or proposals[0]
    geometry = maps.geometry()
    areas = maps.areas(remiss, proposal, service.public_answers(remiss))
    context = {
        "remiss": remiss,
        "proposal": proposal,
        "proposals": proposals,
        "areas": areas,
        "counts": {key: maps.counts(items) for key, items in areas.items()},
        "categories": maps.MAP_CATEGORIES,
        "width": geometry["width"],
        "height": geometry["height"],
    }
    return render(request, "opendata/map.html", context)
