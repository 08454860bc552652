"""Respondents: the history of an answer's texts, with diffs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from remiss import permissions
from remiss.models import Revision, Stance
from remiss.services import drafting


@login_required
def history(request, pk):
    response = permissions.get_response_for_member(request, pk)
    revisions = list(response.revisions.select_related("author").order_by("-created_at", "-id")[:300])
    proposals = {p.pk: p for p in response.recipient.remiss.proposals.select_related("section")}
    for revision in revisions:
        revision.label = drafting.field_label(response, revision.field, proposals)
    events = sorted(
        [("transition", t.created_at, t) for t in response.transitions.select_related("actor")]
        + [("revision", r.created_at, r) for r in revisions],
        key=lambda e: e[1],
        reverse=True,
    )
    return render(
        request,
        "remiss/respondent/history.html",
        {"response": response, "remiss": response.recipient.remiss, "events": events},
    )


@login_required
def revision_diff(request, pk, revision_pk):
    response = permissions.get_response_for_member(request, pk)
    revision = get_object_or_404(Revision.objects.select_related("author"), pk=revision_pk, response=response)
    previous = drafting.previous_revision(revision)
    context = {
        "response": response,
        "remiss": response.recipient.remiss,
        "revision": revision,
        "previous": previous,
        "label": drafting.field_label(response, revision.field),
        "diff": drafting.diff_html(previous.text if previous else "", revision.text),
        "stance_changed": (previous.stance if previous else "") != revision.stance,
        "stance_labels": dict(Stance.choices),
    }
    return render(request, "remiss/respondent/diff.html", context)
