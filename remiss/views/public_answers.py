"""Answers from anyone: the public "Lämna synpunkter" page and its e-mail confirmation, and the
ministry's screening list (publish / reject)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.public_answers import PublicAnswerForm
from remiss.models import PublicAnswer, PublicAnswerStatus, RemissStatus
from remiss.services import public_answers as services


def _open_remiss(pk: int):
    return get_object_or_404(permissions.public_remisser(), pk=pk, status=RemissStatus.PUBLISHED)


def answer_form(request, pk: int):
    remiss = _open_remiss(pk)
    form = PublicAnswerForm(request.POST or None, request.FILES or None, remiss=remiss)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_public_answer(
                remiss=remiss, cleaned=form.cleaned_data, answers=form.answers(), upload=form.cleaned_data["file"]
            )
        except ApplicationError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            return redirect("public:answer_sent", pk=remiss.pk)
    return render(request, "remiss/public/answer_form.html", {"remiss": remiss, "form": form})


def answer_sent(request, pk: int):
    remiss = _open_remiss(pk)
    return render(request, "remiss/public/answer_sent.html", {"remiss": remiss})


def answer_confirm(request, token: str):
    """GET shows a button (mail scanners that open links confirm nothing); POST confirms."""
    error = confirmed = None
    if request.method == "POST":
        try:
            confirmed = services.confirm_public_answer(token)
        except ApplicationError as refused:
            error = str(refused)
    return render(request, "remiss/public/answer_confirm.html", {"error": error, "confirmed": confirmed})


@login_required
def screening(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    answers = remiss.public_answers.exclude(status=PublicAnswerStatus.UNCONFIRMED).select_related("recipient")
    return render(request, "remiss/ministry/public_answers.html", {"remiss": remiss, "answers": answers})


@login_required
@require_POST
def screen(request, pk: int, answer_pk: int, decision: str):
    remiss = permissions.get_remiss_for_staff(request, pk)
    answer = get_object_or_404(PublicAnswer, pk=answer_pk, remiss=remiss)
    try:
        if decision == "publicera":
            received = services.publish_public_answer(answer=answer, by=request.user)
            if received is not None:
                messages.info(request, _("Synpunkterna är godkända. Granska läsningen av filen och bekräfta den."))
                return redirect("ministry:document_review", pk=remiss.pk, received_pk=received.pk)
            messages.success(request, _("Synpunkterna är publicerade och räknas i sammanställningen under Övriga."))
        else:
            services.reject_public_answer(answer=answer, by=request.user)
            messages.success(request, _("Synpunkterna är avvisade och publiceras inte."))
    except ApplicationError as error:
        messages.error(request, str(error))
    return redirect("ministry:public_answers", pk=remiss.pk)
