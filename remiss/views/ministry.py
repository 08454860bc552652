"""Ministry staff: create, prepare, publish and follow a remiss (under /departement/).

Every view reaches its remiss through ``permissions.get_remiss_for_staff`` (404 for other ministries
and respondents, 403 for members without the staff role) and changes state only through
``remiss.services.remisser``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.models import Organisation, OrganisationKind
from core.errors import ApplicationError
from remiss import permissions
from remiss.compilation.spreadsheet import SafeCsvWriter
from remiss.forms.ministry import (
    DocumentForm,
    ExtensionForm,
    ImportForm,
    OrganisationContactForm,
    OrganisationCreateForm,
    PasteForm,
    ProgressFilterForm,
    ProposalForm,
    PublishForm,
    RecipientSearchForm,
    RedactedCopyForm,
    RemissForm,
    SectionForm,
    WithholdForm,
)
from remiss.models import RemissStatus, Stance
from remiss.services import progress, register
from remiss.services import publication as publishing
from remiss.services import remisser as services
from remiss.services.duplicates import duplicate_groups
from remiss.services.invitations import preflight
from remiss.uploads import answer_download_name, max_upload_label, serve_file

MAX_CANDIDATES_SHOWN = 100


def _tab(request, remiss, template: str, context: dict, status: int = 200):
    return render(request, template, {"remiss": remiss, **context}, status=status)


# --- list, create, edit, overview -----------------------------------------------------------------


@login_required
def remiss_list(request):
    permissions.require_ministry_staff(request)
    remisser = (
        permissions.remisser_for_staff(request)
        .annotate(proposal_count=Count("proposals", distinct=True), recipient_count=Count("recipients", distinct=True))
        .order_by("-created_at")
    )
    return render(request, "remiss/ministry/list.html", {"remisser": remisser})


def _save_document(remiss, form, by) -> None:
    if form.cleaned_data.get("document"):
        services.add_document(
            remiss=remiss, by=by, title=form.cleaned_data["document_title"], upload=form.cleaned_data["document"]
        )


@login_required
def remiss_create(request):
    membership = permissions.require_ministry_staff(request)
    form = RemissForm(request.POST or None, request.FILES or None, ministry=membership.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                remiss = services.create_remiss(
                    ministry=membership.organisation, by=request.user, **form.remiss_fields()
                )
                _save_document(remiss, form, request.user)
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Remissen har skapats som utkast."))
            return redirect("ministry:detail", pk=remiss.pk)
    return render(request, "remiss/ministry/form.html", {"form": form, "upload_limit": max_upload_label()})


@login_required
def remiss_edit(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = RemissForm(request.POST or None, request.FILES or None, ministry=remiss.ministry, instance=remiss)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.update_remiss(remiss=remiss, by=request.user, **form.remiss_fields())
                _save_document(remiss, form, request.user)
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Ändringarna har sparats."))
            return redirect("ministry:detail", pk=remiss.pk)
    return _tab(request, remiss, "remiss/ministry/form.html", {"form": form, "upload_limit": max_upload_label()})


@login_required
def remiss_detail(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    problems = services.completeness_problems(remiss) if remiss.status == RemissStatus.DRAFT else []
    return _tab(
        request,
        remiss,
        "remiss/ministry/detail.html",
        {
            "problems": problems,
            "proposal_count": remiss.proposals.count(),
            "recipient_count": remiss.recipients.count(),
            "documents": remiss.documents.all(),
        },
    )


@login_required
def remiss_publish(request, pk: int):
    """The pre-flight: who the invitation reaches and how, the unreachable bodies, a preview of the
    e-mail; publishing needs an explicit confirmation."""
    remiss = permissions.get_remiss_for_staff(request, pk)
    if remiss.status != RemissStatus.DRAFT:
        return redirect("ministry:detail", pk=remiss.pk)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.publish_remiss(remiss=remiss, by=request.user)
        except ApplicationError as error:
            for message in error.messages():
                form.add_error(None, message)
        else:
            messages.success(request, _("Remissen är publicerad. Inbjudningar skickas till remissinstanserna."))
            return redirect("ministry:progress", pk=remiss.pk)
    context = {"form": form, "problems": services.completeness_problems(remiss), **preflight(remiss)}
    return _tab(request, remiss, "remiss/ministry/publish.html", context, status=400 if form.errors else 200)


# --- documents --------------------------------------------------------------------------------------


@login_required
def documents(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_document(
                remiss=remiss, by=request.user, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
            )
        except ApplicationError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("Dokumentet har laddats upp."))
            return redirect("ministry:documents", pk=remiss.pk)
    return _tab(
        request,
        remiss,
        "remiss/ministry/documents.html",
        {"form": form, "documents": remiss.documents.all(), "upload_limit": max_upload_label()},
    )


@login_required
def document_download(request, pk: int, doc_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    document = get_object_or_404(remiss.documents, pk=doc_pk)
    return serve_file(document.file, document.original_name)


@login_required
@require_POST
def document_delete(request, pk: int, doc_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    document = get_object_or_404(remiss.documents, pk=doc_pk)
    try:
        services.delete_document(document=document, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Dokumentet har tagits bort."))
    return redirect("ministry:documents", pk=remiss.pk)


# --- sections and proposals ---------------------------------------------------------------------------


def _structure_page(request, remiss, status: int = 200, **forms):
    context = {
        "sections": remiss.sections.prefetch_related("proposals"),
        "section_form": forms.get("section_form") or SectionForm(prefix="section"),
        "proposal_form": forms.get("proposal_form") or ProposalForm(remiss=remiss, prefix="proposal"),
        "paste_form": forms.get("paste_form") or PasteForm(prefix="paste"),
        "import_form": forms.get("import_form") or ImportForm(prefix="import"),
        "active_form": next(iter(forms), ""),
    }
    return _tab(request, remiss, "remiss/ministry/structure.html", context, status=status)


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
            section = services.add_section(remiss=remiss, by=request.user, **form.cleaned_data)
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
            services.update_section(section=section, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Avsnittet har sparats."))
            return _to_structure(remiss, f"section-{section.pk}")
    return _tab(
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
        services.delete_section(section=section, by=request.user)
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
        services.move_section(section=section, by=request.user, direction=request.POST.get("direction", ""))
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
            proposal = services.add_proposal(by=request.user, **form.cleaned_data)
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
            services.update_proposal(proposal=proposal, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Förslaget har sparats."))
            return _to_structure(remiss, f"proposal-{proposal.pk}")
    return _tab(
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
        services.delete_proposal(proposal=proposal, by=request.user)
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
        services.move_proposal(proposal=proposal, by=request.user, direction=request.POST.get("direction", ""))
    except ApplicationError as error:
        messages.error(request, str(error))
    return _to_structure(remiss, f"proposal-{proposal.pk}")


def _import(request, remiss, form, sections, source: str, reports=None, empty_headings=()):
    try:
        with transaction.atomic():
            if reports and not remiss.reports and remiss.status == RemissStatus.DRAFT:
                services.update_remiss(remiss=remiss, by=request.user, reports=reports)
            count = services.import_sections(
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


# --- the remisslista ------------------------------------------------------------------------------------


def _candidates(remiss, search: RecipientSearchForm):
    organisations = Organisation.objects.filter(is_active=True).exclude(kind=OrganisationKind.MINISTRY)
    organisations = organisations.exclude(pk__in=remiss.recipients.values("organisation_id"))
    return search.filter(organisations).order_by("kind", "name")


@login_required
def recipients(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    search = RecipientSearchForm(request.GET or None)
    candidates = _candidates(remiss, search)
    rows = progress.recipient_progress(remiss)
    return _tab(
        request,
        remiss,
        "remiss/ministry/recipients.html",
        {
            "search": search,
            "candidates": candidates[:MAX_CANDIDATES_SHOWN],
            "candidate_count": candidates.count(),
            "rows": rows,
            "max_shown": MAX_CANDIDATES_SHOWN,
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_POST
def recipients_add(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    search = RecipientSearchForm(request.POST)
    candidates = _candidates(remiss, search)
    if request.POST.get("all"):
        if not search.has_filter:
            messages.error(request, _("Sök eller filtrera först, så att du ser vilka som läggs till."))
            return redirect("ministry:recipients", pk=remiss.pk)
        chosen = list(candidates)
    else:
        ids = [i for i in request.POST.getlist("organisations") if i.isdigit()]
        chosen = list(candidates.filter(pk__in=ids))
    if not chosen:
        messages.error(request, _("Välj minst en organisation att lägga till."))
    else:
        try:
            added = services.add_recipients(remiss=remiss, by=request.user, organisations=chosen)
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d remissinstans har lagts till i remisslistan.",
                    "%(count)d remissinstanser har lagts till i remisslistan.",
                    added,
                )
                % {"count": added},
            )
    url = reverse("ministry:recipients", kwargs={"pk": remiss.pk})
    query = search.data.copy()
    for key in ("csrfmiddlewaretoken", "organisations", "all", "selected"):
        query.pop(key, None)
    return redirect(f"{url}?{query.urlencode()}" if query else url)


@login_required
@require_POST
def recipient_remove(request, pk: int, recipient_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    recipient = get_object_or_404(remiss.recipients.select_related("organisation"), pk=recipient_pk)
    try:
        services.remove_recipient(recipient=recipient, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(org)s har tagits bort från remisslistan.") % {"org": recipient.organisation})
    return redirect("ministry:recipients", pk=remiss.pk)


@login_required
def recipient_extend(request, pk: int, recipient_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    recipient = get_object_or_404(remiss.recipients.select_related("organisation"), pk=recipient_pk)
    initial = {"extended_deadline": recipient.extended_deadline, "reason": recipient.extension_reason}
    form = ExtensionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.extend_deadline(
                recipient=recipient,
                by=request.user,
                until=form.cleaned_data["extended_deadline"],
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as error:
            form.add_error("extended_deadline", str(error))
        else:
            messages.success(request, _("Svarsdagen för %(org)s har sparats.") % {"org": recipient.organisation})
            return redirect("ministry:recipients", pk=remiss.pk)
    return _tab(request, remiss, "remiss/ministry/extension_form.html", {"form": form, "recipient": recipient})


def _back_to(request, remiss):
    if request.GET.get("fran") == "publicera" and remiss.status == RemissStatus.DRAFT:
        return redirect("ministry:publish", pk=remiss.pk)
    return redirect("ministry:recipients", pk=remiss.pk)


@login_required
def organisation_edit(request, pk: int, recipient_pk: int):
    """Correct the registry address and organisationsnummer of a body on the remisslista."""
    remiss = permissions.get_remiss_for_staff(request, pk)
    recipient = get_object_or_404(remiss.recipients.select_related("organisation"), pk=recipient_pk)
    organisation = recipient.organisation
    initial = {"registry_email": organisation.registry_email, "org_number": organisation.org_number}
    form = OrganisationContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            register.update_contact(organisation=organisation, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("Uppgifterna för %(org)s har sparats.") % {"org": organisation})
            return _back_to(request, remiss)
    context = {"form": form, "organisation": organisation, "back": request.GET.get("fran", "")}
    return _tab(request, remiss, "remiss/ministry/organisation_form.html", context, status=400 if form.errors else 200)


@login_required
def organisation_add(request, pk: int):
    """Add a body that is not in the register and put it on the remisslista."""
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                organisation = register.create_organisation(by=request.user, **form.cleaned_data)
                services.add_recipients(remiss=remiss, by=request.user, organisations=[organisation])
        except ApplicationError as error:
            form.add_error(getattr(error, "field", None), str(error))
        else:
            messages.success(
                request, _("%(org)s har lagts till i registret och på remisslistan.") % {"org": organisation}
            )
            return redirect("ministry:recipients", pk=remiss.pk)
    return _tab(
        request,
        remiss,
        "remiss/ministry/organisation_form.html",
        {"form": form, "new": True},
        status=400 if form.errors else 200,
    )


# --- progress ---------------------------------------------------------------------------------------------


def _compilation_url(remiss) -> str:
    try:
        return reverse("compilation:list", kwargs={"remiss_pk": remiss.pk})
    except NoReverseMatch:
        return ""


@login_required
def progress_view(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    filters = ProgressFilterForm(request.GET or None, remiss=remiss)
    rows = progress.recipient_progress(remiss, **filters.values())
    return _tab(
        request,
        remiss,
        "remiss/ministry/progress.html",
        {
            "filters": filters,
            "rows": rows,
            "counts": progress.state_counts(rows),
            "duplicates": duplicate_groups({row.organisation.name: row.submission for row in rows if row.submission}),
            "stances": progress.stance_counts(remiss),
            "stance_labels": [label for _value, label in Stance.choices],
            "compilation_url": _compilation_url(remiss),
            "query": request.GET.urlencode(),
        },
    )


def _csv_response(filename: str) -> tuple[HttpResponse, SafeCsvWriter]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM
    return response, SafeCsvWriter(response)


@login_required
def progress_csv(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    slug = "".join(c if c.isalnum() else "-" for c in remiss.reference)
    if request.GET.get("del") == "forslag":
        response, writer = _csv_response(f"stallningstaganden-{slug}.csv")
        writer.writerow(
            [
                _("Avsnitt"),
                _("Förslag"),
                _("Typ"),
                _("Text"),
                *(label for _v, label in Stance.choices),
                _("Ej besvarad"),
            ]
        )
        for row in progress.stance_counts(remiss):
            p = row.proposal
            writer.writerow(
                [
                    p.section.number,
                    p.label,
                    p.get_kind_display(),
                    p.text,
                    *(n for _v, _l, n in row.rows()),
                    row.not_answered,
                ]
            )
        return response
    filters = ProgressFilterForm(request.GET or None, remiss=remiss)
    response, writer = _csv_response(f"remisslista-{slug}.csv")
    writer.writerow(
        [
            _("Remissinstans"),
            _("Typ"),
            _("Län"),
            _("Status"),
            _("Sista svarsdag"),
            _("Skäl för förlängning"),
            _("Inskickat"),
            _("Inbjudan"),
        ]
    )
    for row in progress.recipient_progress(remiss, **filters.values()):
        org = row.organisation
        writer.writerow(
            [
                org.name,
                org.get_kind_display(),
                org.county,
                row.label,
                row.deadline.isoformat() if row.deadline else "",
                row.recipient.extension_reason if row.recipient.has_extension else "",
                row.submitted_at.isoformat() if row.submitted_at else "",
                row.invitation_label,
            ]
        )
    return response


# --- submitted answers: the ministry's copy and the web publication (GDPR) -----------


@login_required
def answer_pdf(request, pk: int, submission_pk: int):
    """The original PDF of a submitted answer, for the ministry (whatever is published on the web)."""
    remiss, submission = permissions.get_submission_for_staff(request, pk, submission_pk)
    if not submission.pdf:
        return render(request, "404.html", status=404)
    name = answer_download_name(
        submission.response.recipient.organisation.name, remiss.reference, version=submission.number
    )
    return serve_file(submission.pdf, name)


@login_required
def publication(request, pk: int, submission_pk: int):
    """Upload a redacted publication copy, or withhold the answer from the web with a reason."""
    remiss, submission = permissions.get_submission_for_staff(request, pk, submission_pk)
    action = request.POST.get("action") if request.method == "POST" else None
    redact_form = RedactedCopyForm(
        request.POST if action == "redact" else None, request.FILES if action == "redact" else None, prefix="redact"
    )
    withhold_form = WithholdForm(request.POST if action == "withhold" else None, prefix="withhold")
    form = {"redact": redact_form, "withhold": withhold_form}.get(action)
    if form is not None and form.is_valid():
        try:
            if action == "redact":
                publishing.publish_redacted_copy(
                    submission=submission,
                    by=request.user,
                    upload=form.cleaned_data["file"],
                    all_versions=form.all_versions,
                )
                messages.success(request, _("Den maskerade kopian publiceras nu i stället för originalet."))
            else:
                publishing.withhold_publication(
                    submission=submission,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    all_versions=form.all_versions,
                )
                messages.success(request, _("Svaret publiceras inte längre på webben."))
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            return redirect("ministry:publication", pk=remiss.pk, submission_pk=submission.pk)
    context = {
        "submission": submission,
        "organisation": submission.response.recipient.organisation,
        "current": permissions.publication_of(submission),
        "versions": _versions_with_publication(remiss, submission),
        "redact_form": redact_form,
        "withhold_form": withhold_form,
        "upload_limit": max_upload_label(),
    }
    return _tab(request, remiss, "remiss/ministry/publication.html", context, status=200 if form is None else 400)


def _versions_with_publication(remiss, submission) -> list:
    """Every version of the answer the ministry can see, newest first, each with its web state."""
    versions = list(
        permissions.submissions_visible_to_ministry(remiss)
        .filter(response_id=submission.response_id)
        .select_related("publication")
        .order_by("-number")
    )
    for version in versions:
        version.web = permissions.publication_of(version)
    return versions


@login_required
@require_POST
def publication_reset(request, pk: int, submission_pk: int):
    remiss, submission = permissions.get_submission_for_staff(request, pk, submission_pk)
    publishing.publish_original(submission=submission, by=request.user)
    messages.success(request, _("Originalet publiceras nu på webben."))
    return redirect("ministry:publication", pk=remiss.pk, submission_pk=submission.pk)


@login_required
def publication_copy(request, pk: int, submission_pk: int):
    """The redacted publication copy, for the ministry to check what the public gets."""
    remiss, submission = permissions.get_submission_for_staff(request, pk, submission_pk)
    current = permissions.publication_of(submission)
    if current is None or not current.redacted_pdf:
        return render(request, "404.html", status=404)
    return serve_file(current.redacted_pdf, f"Publiceringskopia {current.redacted_name}")
