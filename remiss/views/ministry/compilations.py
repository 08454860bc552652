"""Ministry staff: start, follow, cancel, retry, compare and download remissammanställningar.

Every view reaches its objects through ``permissions.get_remiss_for_staff`` /
``get_compilation_for_staff`` (404 for other ministries and respondents, 403 without the staff role)
and changes state only through ``remiss.compilation.lifecycle``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import audit
from core.errors import ApplicationError
from remiss import permissions
from remiss.compilation import history, lifecycle
from remiss.compilation.data import counted_submissions, normalise_params, scope_lines
from remiss.compilation.forms import CompilationForm
from remiss.models import CompilationStatus
from remiss.uploads import safe_filename

DOWNLOADS = {
    "pdf": ("pdf", "application/pdf"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": ("csv", "text/csv; charset=utf-8"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def _with_out_of_date(compilations) -> list:
    """Mark each finished compilation out of date or not (one scope computation per distinct params)."""
    current: dict[str, set[int]] = {}
    for compilation in compilations:
        key = repr(sorted(compilation.params.items()))
        if compilation.status == CompilationStatus.DONE and key not in current:
            current[key] = {s.pk for s in counted_submissions(compilation.remiss, compilation.params)}
        compilation.themes_changed = history.themes_changed(compilation)
        compilation.out_of_date = history.is_out_of_date(compilation, current.get(key)) or compilation.themes_changed
        compilation.scope = scope_lines(compilation.remiss, normalise_params(compilation.params))
    return compilations


@login_required
def compilation_list(request, remiss_pk: int):
    remiss = permissions.get_remiss_for_staff(request, remiss_pk)
    form = CompilationForm(request.POST or None, remiss=remiss)
    if request.method == "POST" and form.is_valid():
        compilation = lifecycle.start_compilation(remiss=remiss, params=form.params(), by=request.user, request=request)
        messages.success(request, _("Sammanställningen har startats."))
        return redirect("compilation:detail", remiss.pk, compilation.pk)
    compilations = _with_out_of_date(
        list(remiss.compilations.select_related("created_by", "remiss").prefetch_related("included"))
    )
    return render(
        request,
        "remiss/compilation/list.html",
        {"remiss": remiss, "form": form, "compilations": compilations},
        status=400 if form.errors else 200,
    )


def _detail_context(request, remiss_pk: int, pk: int) -> dict:
    compilation = permissions.get_compilation_for_staff(request, remiss_pk, pk)
    compilation.answers_changed = history.is_out_of_date(compilation)
    compilation.themes_changed = history.themes_changed(compilation)
    compilation.out_of_date = compilation.answers_changed or compilation.themes_changed
    compilation.scope = scope_lines(compilation.remiss, normalise_params(compilation.params))
    return {"remiss": compilation.remiss, "compilation": compilation, "active": compilation.status in lifecycle.ACTIVE}


@login_required
def compilation_detail(request, remiss_pk: int, pk: int):
    context = _detail_context(request, remiss_pk, pk)
    compilation = context["compilation"]
    context["included"] = compilation.included.select_related("response__recipient__organisation").order_by(
        "response__recipient__organisation__name"
    )
    context["others"] = compilation.remiss.compilations.filter(status=CompilationStatus.DONE).exclude(pk=pk)
    return render(request, "remiss/compilation/detail.html", context)


@login_required
def compilation_status(request, remiss_pk: int, pk: int):
    """The status block alone, polled by htmx every 2 s while the compilation runs."""
    return render(request, "remiss/compilation/_status.html", _detail_context(request, remiss_pk, pk))


def _state_change(request, remiss_pk: int, pk: int, change, done_message: str):
    compilation = permissions.get_compilation_for_staff(request, remiss_pk, pk)
    try:
        change(compilation=compilation, by=request.user, request=request)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done_message)
    return redirect("compilation:detail", remiss_pk, pk)


@login_required
@require_POST
def compilation_cancel(request, remiss_pk: int, pk: int):
    return _state_change(request, remiss_pk, pk, lifecycle.cancel_compilation, _("Sammanställningen avbröts."))


@login_required
@require_POST
def compilation_retry(request, remiss_pk: int, pk: int):
    return _state_change(request, remiss_pk, pk, lifecycle.retry_compilation, _("Sammanställningen har startats igen."))


@login_required
def compilation_compare(request, remiss_pk: int, pk: int):
    compilation = permissions.get_compilation_for_staff(request, remiss_pk, pk)
    others = compilation.remiss.compilations.filter(status=CompilationStatus.DONE).exclude(pk=pk)
    other, diff, error = None, None, ""
    raw = request.GET.get("med", "")
    if raw:
        other = others.filter(pk=int(raw)).first() if raw.isdigit() else None
        if other is None:
            error = _("Välj en av de färdiga sammanställningarna i listan.")
        else:
            older, newer = sorted((compilation, other), key=lambda c: (c.created_at, c.pk))
            diff = {"older": older, "newer": newer, **history.compare(older, newer)}
    return render(
        request,
        "remiss/compilation/compare.html",
        {
            "remiss": compilation.remiss,
            "compilation": compilation,
            "others": others,
            "other": other,
            "diff": diff,
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
def compilation_download(request, remiss_pk: int, pk: int, fmt: str):
    compilation = permissions.get_compilation_for_staff(request, remiss_pk, pk)
    if fmt not in DOWNLOADS or compilation.status != CompilationStatus.DONE:
        raise Http404("file")
    extension, content_type = DOWNLOADS[fmt]
    field = getattr(compilation, fmt)
    if not field:
        raise Http404("file")
    stamp = timezone.localtime(compilation.created_at).strftime("%Y-%m-%d-%H%M")
    name = safe_filename(f"Remissammanstallning {compilation.remiss.reference} {stamp}.{extension}".replace("/", "-"))
    audit.record(
        "compilation.downloaded",
        actor=request.user,
        organisation=compilation.remiss.ministry,
        obj=compilation,
        data={"format": fmt},
        request=request,
    )
    response = FileResponse(field.open("rb"), as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def draft_edit(request, remiss_pk: int, proposal_pk: int):
    """Edit the drafted "Remissinstanserna" paragraph of one proposal and add the ministry's comment;
    kept for every later compilation."""
    from django.shortcuts import get_object_or_404

    from remiss.compilation.data import gather
    from remiss.compilation.forms import DraftForm
    from remiss.compilation.paragraph_edits import save_draft

    remiss = permissions.get_remiss_for_staff(request, remiss_pk)
    proposal = get_object_or_404(remiss.proposals.select_related("section"), pk=proposal_pk)
    figures = gather(remiss, {})
    item = next(p for s in figures["sections"] for p in s["proposals"] if p["id"] == proposal.pk)
    initial = {"text": item["draft"], "comment": item.get("ministry_comment", "")}
    form = DraftForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_draft(proposal=proposal, by=request.user, generated=item["draft_generated"], **form.cleaned_data)
        except ApplicationError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("Texten för %(label)s är sparad.") % {"label": proposal.label})
            return redirect("compilation:list", remiss.pk)
    context = {"remiss": remiss, "proposal": proposal, "item": item, "form": form}
    return render(request, "remiss/compilation/draft_form.html", context)
