"""Respondents: assignments to colleagues and attachments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.responses import (
    AssignmentForm,
    AttachmentForm,
)
from remiss.selectors import assigned
from remiss.selectors.answer_form import answer_form_data
from remiss.services import assignments, drafting
from remiss.uploads import serve_file


@login_required
@require_POST
def assign(request, pk):
    response = permissions.get_response_for_member(request, pk)
    data = answer_form_data(response)
    form = AssignmentForm(
        request.POST,
        sections=[b.section for b in data.sections],
        proposals=data.proposals,
        colleagues=assigned.colleagues(response.recipient.organisation),
    )
    if form.is_valid():
        try:
            assignments.assign(
                response=response,
                by=request.user,
                assignee=form.cleaned_data["assignee"],
                due_date=form.cleaned_data["due_date"],
                note=form.cleaned_data["note"],
                **form.target_kwargs(),
            )
            messages.success(
                request,
                _("Uppgiften är skickad till %(name)s.") % {"name": form.cleaned_data["assignee"].get_full_name()},
            )
            return redirect(reverse("respondent:form", args=[response.pk]) + "#uppgifter")
        except ApplicationError as error:
            form.add_error(None, str(error))
    return render(request, "remiss/respondent/assign.html", {"response": response, "form": form}, status=400)


@login_required
@require_POST
def attachment_add(request, pk):
    response = permissions.get_response_for_member(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            drafting.add_attachment(
                response=response, by=request.user, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
            )
            messages.success(request, _("Bilagan är uppladdad."))
            return redirect(reverse("respondent:form", args=[response.pk]) + "#bilagor")
        except ApplicationError as error:
            form.add_error(None, str(error))
    return render(request, "remiss/respondent/attachment.html", {"response": response, "form": form}, status=400)


@login_required
def attachment_download(request, pk, attachment_pk):
    response = permissions.get_response_for_member(request, pk)
    attachment = get_object_or_404(response.attachments, pk=attachment_pk)
    return serve_file(attachment.file, attachment.original_name)


@login_required
@require_POST
def attachment_remove(request, pk, attachment_pk):
    response = permissions.get_response_for_member(request, pk)
    attachment = get_object_or_404(response.attachments, pk=attachment_pk)
    try:
        drafting.remove_attachment(attachment=attachment, by=request.user)
        messages.success(request, _("Bilagan är borttagen."))
    except ApplicationError as error:
        messages.error(request, str(error))
    return redirect(reverse("respondent:form", args=[response.pk]) + "#bilagor")
