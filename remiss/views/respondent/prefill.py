"""Respondents: prefill the answer form from their own Word/PDF draft, confirming each suggestion."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import ApplicationError
from remiss import permissions
from remiss.models import Stance
from remiss.services import prefill
from remiss.uploads import max_upload_label

STANCE_CHOICES = [("", gettext_lazy("Ej besvarad")), *Stance.choices]
TEXT_KEYS = ("summary", "general_comments")


class DraftUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Ert utkast som fil"),
        help_text=gettext_lazy("PDF eller Word (.docx), högst %(limit)s.") % {"limit": max_upload_label()},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )


def _editable(request, pk):
    response = permissions.get_response_for_member(request, pk)
    if not permissions.can_edit(response, request.membership):
        permissions.deny(request, "response: not editable")
    return response


@login_required
def prefill_upload(request, pk):
    response = _editable(request, pk)
    form = DraftUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = prefill.read_draft(response=response, by=request.user, upload=form.cleaned_data["file"])
        except ApplicationError as error:
            form.add_error("file", str(error))
        else:
            return render(
                request,
                "remiss/respondent/prefill_confirm.html",
                {
                    "response": response,
                    "suggestions": draft.suggestions,
                    "texts": draft.texts,
                    "response_version": draft.response_version,
                    "stances": STANCE_CHOICES,
                },
            )
    return render(request, "remiss/respondent/prefill_upload.html", {"response": response, "form": form})


def _chosen(post, response) -> dict[int, tuple[str, str, int]]:
    chosen = {}
    for proposal in response.recipient.remiss.proposals.all():
        if post.get(f"use_{proposal.pk}") != "1":
            continue
        try:
            version = int(post.get(f"version_{proposal.pk}", "0"))
        except ValueError:
            version = 0
        chosen[proposal.pk] = (post.get(f"stance_{proposal.pk}", ""), post.get(f"comment_{proposal.pk}", ""), version)
    return chosen


@login_required
def prefill_confirm(request, pk):
    response = _editable(request, pk)
    if request.method != "POST":
        return redirect("respondent:prefill", pk=response.pk)
    chosen = _chosen(request.POST, response)
    texts = {key: request.POST.get(key, "") for key in TEXT_KEYS if request.POST.get(f"use_{key}") == "1"}
    try:
        response_version = int(request.POST.get("response_version", ""))
    except ValueError:
        response_version = None
    if not chosen and not texts:
        messages.info(request, _("Inga förslag valdes. Utkastet är oförändrat."))
        return redirect("respondent:form", pk=response.pk)
    try:
        result = prefill.apply_suggestions(
            response=response, by=request.user, chosen=chosen, texts=texts, response_version=response_version
        )
    except ApplicationError as error:
        messages.error(request, str(error))
        return redirect("respondent:form", pk=response.pk)
    if result.conflicts:
        messages.warning(
            request,
            _("En kollega har ändrat några förslag under tiden; de är inte ändrade. Övriga val är sparade."),
        )
    else:
        messages.success(request, _("De valda förslagen är sparade i utkastet."))
    return redirect("respondent:form", pk=response.pk)
