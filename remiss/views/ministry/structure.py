"""Ministry staff: sections and proposals, one by one, pasted or imported."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.ministry import (
    ImportForm,
    PasteForm,
    ProposalForm,
    SectionForm,
)
from remiss.models import RemissStatus
from remiss.services import remiss_structure
from remiss.services import remisser as services
from remiss.views.ministry.remisser import render_tab


def _structure_page(request, remiss, status: int = 200, **forms):
    context = {
        "sections": remiss.sections.prefetch_related("proposals"),
        "section_form": forms.get("section_form") or SectionForm(prefix="section"),
        "proposal_form": forms.get("proposal_form") or ProposalForm(remiss=remiss, prefix="proposal"),
        "paste_form": forms.get("paste_form") or PasteForm(prefix="paste"),
        "import_form": forms.get("import_form") or ImportForm(prefix="import"),
        "active_form": next(iter(forms), ""),
    }
    return render_tab(request, remiss, "remiss/ministry/structure.html", context, status=status)


def _to_structure(remiss, anchor: str = ""):
    url = reverse("ministry:structure", kwargs={"pk": remiss.pk})
    return redirect(f"{url}#{anchor}" if anchor else url)


@login_required
def structure(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    return _structure_page(request, remiss)


@login_required
@require_POST
def section_add(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = SectionForm(request.POST, prefix="section")
    if form.is_valid():
        try:
            section = remiss_structure.add_section(remiss=remiss, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, str(error))
            return _to_structure(remiss)
        else:
            messages.success(request, _("Avsnittet har lagts till."))
            return _to_structure(remiss, f"section-{section.pk}")
    return _structure_page(request, remiss, status=400, section_form=form)


@login_required
def section_edit(request, pk: int, section_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    section = get_object_or_404(remiss.sections, pk=section_pk)
    form = SectionForm(request.POST or None, initial={"number": section.number, "title": section.title})
    if request.method == "POST" and form.is_valid():
        try:
            remiss_structure.update_section(section=section, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Avsnittet har sparats."))
            return _to_structure(remiss, f"section-{section.pk}")
    return render_tab(
        request,
        remiss,
        "remiss/ministry/item_form.html",
        {"form": form, "heading": _("Ändra avsnitt"), "object": section},
    )


@login_required
@require_POST
def section_delete(request, pk: int, section_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    section = get_object_or_404(remiss.sections, pk=section_pk)
    try:
        remiss_structure.delete_section(section=section, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Avsnittet och dess förslag har tagits bort."))
    return _to_structure(remiss)


@login_required
@require_POST
def section_move(request, pk: int, section_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    section = get_object_or_404(remiss.sections, pk=section_pk)
    try:
        remiss_structure.move_section(section=section, by=request.user, direction=request.POST.get("direction", ""))
    except ApplicationError as error:
        messages.error(request, str(error))
    return _to_structure(remiss, f"section-{section.pk}")


@login_required
@require_POST
def proposal_add(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = ProposalForm(request.POST, remiss=remiss, prefix="proposal")
    if form.is_valid():
        try:
            proposal = remiss_structure.add_proposal(by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, str(error))
            return _to_structure(remiss)
        else:
            messages.success(request, _("Förslaget har lagts till."))
            return _to_structure(remiss, f"proposal-{proposal.pk}")
    return _structure_page(request, remiss, status=400, proposal_form=form)


@login_required
def proposal_edit(request, pk: int, proposal_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    proposal = get_object_or_404(remiss.proposals, pk=proposal_pk)
    initial = {"section": proposal.section_id, "kind": proposal.kind, "text": proposal.text}
    form = ProposalForm(request.POST or None, remiss=remiss, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            remiss_structure.update_proposal(proposal=proposal, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Förslaget har sparats."))
            return _to_structure(remiss, f"proposal-{proposal.pk}")
    return render_tab(
        request,
        remiss,
        "remiss/ministry/item_form.html",
        {"form": form, "heading": _("Ändra förslag"), "object": proposal},
    )


@login_required
@require_POST
def proposal_delete(request, pk: int, proposal_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    proposal = get_object_or_404(remiss.proposals, pk=proposal_pk)
    try:
        remiss_structure.delete_proposal(proposal=proposal, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Förslaget har tagits bort."))
    return _to_structure(remiss, f"section-{proposal.section_id}")


@login_required
@require_POST
def proposal_move(request, pk: int, proposal_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    proposal = get_object_or_404(remiss.proposals, pk=proposal_pk)
    try:
        remiss_structure.move_proposal(proposal=proposal, by=request.user, direction=request.POST.get("direction", ""))
    except ApplicationError as error:
        messages.error(request, str(error))
    return _to_structure(remiss, f"proposal-{proposal.pk}")


def _import(request, remiss, form, sections, source: str, reports=None, empty_headings=()):
    try:
        with transaction.atomic():
            if reports and not remiss.reports and remiss.status == RemissStatus.DRAFT:
                services.update_remiss(remiss=remiss, by=request.user, reports=reports)
            count = remiss_structure.import_sections(
                remiss=remiss, by=request.user, sections=sections, replace=form.cleaned_data["replace"], source=source
            )
    except ApplicationError as error:
        messages.error(request, str(error))
        return _to_structure(remiss)
    messages.success(
        request,
        _("%(count)d förslag i %(sections)d avsnitt har lagts till.") % {"count": count, "sections": len(sections)},
    )
    if empty_headings:
        messages.warning(
            request,
            _("Rubriker utan egna förslag lades inte till som avsnitt: %(headings)s.")
            % {"headings": "; ".join(f"{h.number} {h.title}" for h in empty_headings)},
        )
    return _to_structure(remiss)


@login_required
@require_POST
def structure_paste(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = PasteForm(request.POST, prefix="paste")
    if not form.is_valid():
        return _structure_page(request, remiss, status=400, paste_form=form)
    pasted = form.cleaned_data["text"]
    return _import(request, remiss, form, pasted.sections, "text", empty_headings=pasted.empty_headings)


@login_required
@require_POST
def structure_import(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = ImportForm(request.POST, request.FILES, prefix="import")
    if not form.is_valid():
        return _structure_page(request, remiss, status=400, import_form=form)
    imported = form.cleaned_data["file"]
    return _import(request, remiss, form, imported.sections, "json", reports=imported.reports)
