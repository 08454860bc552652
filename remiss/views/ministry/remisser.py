"""Ministry staff: the list of remisser, creating, editing, the overview and publishing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.ministry import (
    PublishForm,
    RemissForm,
)
from remiss.models import RemissStatus
from remiss.selectors.invitations import preflight
from remiss.services import remiss_documents
from remiss.services import remisser as services
from remiss.uploads import max_upload_label


def render_tab(request, remiss, template: str, context: dict, status: int = 200):
    return render(request, template, {"remiss": remiss, **context}, status=status)


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
        remiss_documents.add_document(
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
    return render_tab(request, remiss, "remiss/ministry/form.html", {"form": form, "upload_limit": max_upload_label()})


@login_required
def remiss_detail(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    problems = services.completeness_problems(remiss) if remiss.status == RemissStatus.DRAFT else []
    return render_tab(
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
    return render_tab(request, remiss, "remiss/ministry/publish.html", context, status=400 if form.errors else 200)
