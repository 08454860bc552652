"""Respondents: the answer form and its autosave (optimistic versions, conflicts shown with both texts)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import deadlines, permissions
from remiss.fieldkeys import FieldKey
from remiss.forms.responses import (
    AnswerForm,
    AssignmentForm,
    AttachmentForm,
    AutosaveForm,
)
from remiss.selectors import assigned, readiness
from remiss.selectors.answer_form import ProposalItem, SectionBlock, answer_form_data
from remiss.services import drafting
from remiss.views.respondent.base import STASH_KEY, member_view, saved_label


@dataclass(frozen=True)
class FormRow:
    """One proposal on the page: what was read, its form fields and a colleague's conflicting save."""

    item: ProposalItem
    fields: dict
    field_key: FieldKey
    conflict: object | None

    @property
    def proposal(self):
        return self.item.proposal

    @property
    def assignments(self):
        return self.item.assignments


@dataclass(frozen=True)
class FormSection:
    block: SectionBlock
    items: list[FormRow]

    @property
    def section(self):
        return self.block.section

    @property
    def assignments(self):
        return self.block.assignments


def _form_row(item: ProposalItem, form, conflicts_by_field: dict) -> FormRow:
    key = FieldKey.answer(item.proposal.pk)
    return FormRow(item, form.proposal_fields(item.proposal), key, conflicts_by_field.get(key.key))


def _form_page(request, response, form, data, *, conflicts=(), status=200):
    membership = request.membership
    editable = permissions.can_edit(response, membership)
    conflicts_by_field = {c.field: c for c in conflicts}
    form_sections = [
        FormSection(block, [_form_row(item, form, conflicts_by_field) for item in block.items])
        for block in data.sections
    ]
    consequences = []
    for question in form.consequence_keys:
        part = FieldKey.consequence(question)
        consequences.append(
            {
                "field": form[part.form_name],
                "version": form[part.version_name],
                "key": part.key,
                "conflict": conflicts_by_field.get(part.key),
            }
        )
    assignment_form = None
    if membership and (membership.is_drafter or membership.is_org_admin) and not response.is_final:
        assignment_form = AssignmentForm(
            sections=[b.section for b in data.sections],
            proposals=data.proposals,
            colleagues=assigned.colleagues(response.recipient.organisation),
        )
    context = {
        "response": response,
        "remiss": response.recipient.remiss,
        "deadline_at": response.recipient.deadline_at,
        "days_left": deadlines.days_left(response.recipient.deadline_at),
        "form": form,
        "data": data,
        "form_sections": form_sections,
        "editable": editable,
        "consequences": consequences,
        "conflicts": conflicts,
        "summary_conflict": conflicts_by_field.get("summary"),
        "general_conflict": conflicts_by_field.get("general_comments"),
        "summary_version": form["version-summary"],
        "general_version": form["version-general_comments"],
        "assignment_form": assignment_form,
        "attachment_form": AttachmentForm() if editable else None,
        "documents": list(response.recipient.remiss.documents.all()),
        "changes_request": readiness.latest_changes_request(response),
    }
    return render(request, "remiss/respondent/form.html", context, status=status)


def _form_kwargs(response, data) -> dict:
    return {
        "response": response,
        "proposals": data.proposals,
        "answers": data.answers,
        "text_versions": data.text_versions,
    }


def _conflict_page(request, response, posted, conflicts):
    """After a save with conflicts: every part shows what is saved now, with its current version,
    except the conflicting parts, which keep the user's text and the version the user loaded, so
    pressing Spara again cannot overwrite a colleague's text unless the user chooses to."""
    response.refresh_from_db()
    data = answer_form_data(response)
    kwargs = _form_kwargs(response, data)
    fresh = AnswerForm(**kwargs)
    values = {name: "" if value is None else str(value) for name, value in fresh.initial.items()}
    for conflict in conflicts:
        part = conflict.field_key
        name = part.form_name
        if part.is_answer:
            keep = [f"stance-{name}", f"comment-{name}", part.version_name]
        else:
            keep = [name, part.version_name]
        for field_name in keep:
            values[field_name] = posted.get(field_name, "")
        if not part.is_answer and not posted.get(part.version_name):
            values[part.version_name] = posted.get("response_version", "")
    form = AnswerForm(values, **kwargs)
    form.is_valid()
    return _form_page(request, response, form, data, conflicts=conflicts, status=409)


@member_view
def answer_form(request, pk):
    response = permissions.get_response_for_member(request, pk)
    data = answer_form_data(response)
    kwargs = _form_kwargs(response, data)
    if request.method == "POST":
        if not permissions.can_edit(response, request.membership):
            permissions.deny(request, "response: not editable")
        form = AnswerForm(request.POST, **kwargs)
        if not form.is_valid():
            return _form_page(request, response, form, data)
        try:
            result = drafting.save_changes(
                response=response,
                by=request.user,
                response_version=form.cleaned_data["response_version"],
                texts=form.texts(),
                text_versions=form.text_versions(),
                answers=form.answers(),
            )
        except ApplicationError as error:
            form.add_error(None, str(error))
            return _form_page(request, response, form, data)
        if result.conflicts:
            return _conflict_page(request, response, request.POST, result.conflicts)
        messages.success(request, saved_label(result.saved_at) if result.saved else _("Inga ändringar att spara."))
        return redirect("respondent:form", pk=response.pk)
    stash = request.session.get(STASH_KEY)
    if stash and stash.get("pk") == response.pk:
        del request.session[STASH_KEY]
        form = AnswerForm(stash["data"], **kwargs)
        form.is_valid()
        messages.warning(
            request,
            _("Texten du skrev innan du loggades ut är återställd nedan men inte sparad. Kontrollera den och spara."),
        )
        return _form_page(request, response, form, data)
    return _form_page(request, response, AnswerForm(**kwargs), data)


@require_POST
def autosave(request, pk):
    """One field, from static/js/autosave.js. JSON: {ok, version, saved_label} or an error."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Din session har gått ut. Logga in igen – texten finns kvar här.")}, status=401)
    response = permissions.get_response_for_member(request, pk)
    form = AutosaveForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": _("Ogiltiga uppgifter. Texten är inte sparad.")}, status=400)
    key, text, version = form.cleaned_data["field"], form.cleaned_data["text"], form.cleaned_data["version"]
    part = FieldKey.parse(key)
    try:
        if part is not None and part.is_answer:
            pid = part.proposal_id
            result = drafting.save_changes(
                response=response, by=request.user, answers={pid: (form.cleaned_data["stance"], text, version)}
            )
            new_version = result.answer_versions.get(pid, version)
        else:
            # The version this field was loaded at; other fields' versions play no part.
            result = drafting.save_changes(
                response=response, by=request.user, texts={key: text}, text_versions={key: version}
            )
            new_version = result.text_versions.get(key, version)
    except ApplicationError as error:
        return JsonResponse({"error": str(error)}, status=400)
    if result.conflicts:
        return JsonResponse(
            {"error": str(drafting.SaveConflict(result.conflicts)), "conflict": result.conflicts[0].as_json()},
            status=409,
        )
    response.refresh_from_db(fields=["status"])
    return JsonResponse(
        {
            "ok": True,
            "version": new_version,
            "saved_label": saved_label(result.saved_at),
            "progress": readiness.answer_progress(response),
        }
    )
