"""Ministry staff: screening answers from anyone before they are published."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import permissions
from remiss.models import PublicAnswer
from remiss.selectors.screening import screened_answers
from remiss.services import public_answers as services


@login_required
def screening(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    answers = screened_answers(remiss)
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
