""" "Lämna synpunkter": anyone may answer a published remiss (confirmed by e-mail, screened by the ministry)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render

from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.public_answers import PublicAnswerForm
from remiss.models import RemissStatus
from remiss.services import public_answers as services


def _open_remiss(pk: int):
    return get_object_or_404(permissions.public_remisser(), pk=pk, status=RemissStatus.PUBLISHED)


def answer_form(request, pk: int):
    remiss = _open_remiss(pk)
    form = PublicAnswerForm(request.POST or None, request.FILES or None, remiss=remiss)
    if request.method == "POST" and form.is_valid():
        if form.filled_by_a_program():
            return redirect("public:answer_sent", pk=remiss.pk)  # nothing stored, nothing mailed
        try:
            services.submit_public_answer(
                remiss=remiss, cleaned=form.cleaned_data, answers=form.answers(), upload=form.cleaned_data["file"]
            )
        except ApplicationError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            return redirect("public:answer_sent", pk=remiss.pk)
    status = 400 if form.errors else 200
    return render(request, "remiss/public/answer_form.html", {"remiss": remiss, "form": form}, status=status)


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
