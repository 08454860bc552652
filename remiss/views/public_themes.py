"""Public page "Vad hände med synpunkterna?": the ministry's published theme analysis of a remiss."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from remiss import permissions
from remiss.selectors import themes as reads


def analysis(request, pk: int):
    remiss = permissions.get_public_remiss(request, pk)
    if not reads.is_published(remiss):
        raise Http404("analysis")
    return render(
        request,
        "remiss/public/analysis.html",
        {"remiss": remiss, "analysis": reads.analysis(remiss), "proposals": reads.public_analysis(remiss)},
    )
