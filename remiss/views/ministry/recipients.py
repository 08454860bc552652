"""Ministry staff: the remisslista, extensions and the bodies' contact details."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.models import Organisation, OrganisationKind
from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.ministry import (
    ExtensionForm,
    OrganisationContactForm,
    OrganisationCreateForm,
    RecipientSearchForm,
)
from remiss.models import RemissStatus
from remiss.selectors import progress
from remiss.services import register, remiss_recipients
from remiss.views.ministry.remisser import render_tab

MAX_CANDIDATES_SHOWN = 100


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
    return render_tab(
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
            added = remiss_recipients.add_recipients(remiss=remiss, by=request.user, organisations=chosen)
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
        remiss_recipients.remove_recipient(recipient=recipient, by=request.user)
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
            remiss_recipients.extend_deadline(
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
    return render_tab(request, remiss, "remiss/ministry/extension_form.html", {"form": form, "recipient": recipient})


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
    return render_tab(
        request, remiss, "remiss/ministry/organisation_form.html", context, status=400 if form.errors else 200
    )


@login_required
def organisation_add(request, pk: int):
    """Add a body that is not in the register and put it on the remisslista."""
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                organisation = register.create_organisation(by=request.user, **form.cleaned_data)
                remiss_recipients.add_recipients(remiss=remiss, by=request.user, organisations=[organisation])
        except ApplicationError as error:
            form.add_error(getattr(error, "field", None), str(error))
        else:
            messages.success(
                request, _("%(org)s har lagts till i registret och på remisslistan.") % {"org": organisation}
            )
            return redirect("ministry:recipients", pk=remiss.pk)
    return render_tab(
        request,
        remiss,
        "remiss/ministry/organisation_form.html",
        {"form": form, "new": True},
        status=400 if form.errors else 200,
    )
