"""Ministry staff: the themes per proposal ("Teman") — find them, curate them, publish the analysis.

Thin views: the reads are ``remiss.selectors.themes``, every change is a service in
``remiss.services.theme_edits`` (or ``themes`` / ``theme_publication``). A refused change shows the
proposal's page again with an error summary and what was typed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Organisation
from core.errors import ApplicationError
from remiss import permissions
from remiss.models import Proposal, Theme, ThemeMember
from remiss.selectors import themes as reads
from remiss.services import theme_edits, theme_publication
from remiss.services import themes as theme_runs


@login_required
def themes_overview(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    special = reads.special_ids(remiss)
    recipients = remiss.recipients.select_related("organisation").order_by("organisation__name")
    return render(
        request,
        "remiss/ministry/themes.html",
        {
            "remiss": remiss,
            "proposals": reads.remiss_themes(remiss),
            "analysis": reads.analysis(remiss),
            "special_bodies": [r.organisation for r in recipients if r.organisation_id in special],
            "other_bodies": [r.organisation for r in recipients if r.organisation_id not in special],
        },
    )


@login_required
@require_POST
def themes_run(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    try:
        theme_runs.request_run(remiss=remiss, by=request.user)
        messages.success(request, _("Teman söks nu. Ladda om sidan om en stund för att se resultatet."))
    except ApplicationError as error:
        messages.error(request, str(error))
    return redirect("ministry:themes", pk=remiss.pk)


def _proposal_page(request, remiss, proposal, *, errors=(), typed=None, status=200):
    return render(
        request,
        "remiss/ministry/theme_proposal.html",
        {
            "remiss": remiss,
            "item": reads.proposal_themes(remiss, proposal),
            "errors": list(errors),
            "typed": typed or {},
        },
        status=status,
    )


@login_required
def theme_proposal(request, pk: int, proposal_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    proposal = get_object_or_404(Proposal.objects.select_related("section"), pk=proposal_pk, remiss=remiss)
    return _proposal_page(request, remiss, proposal)


MAX_ID = 2**63 - 1


def _pk(value: str | None) -> int | None:
    """A typed id as a number, or None when it is not one a row can have (no database error)."""
    value = (value or "").strip()
    return int(value) if value.isdigit() and int(value) <= MAX_ID else None


def _other_theme(theme: Theme, value: str | None) -> Theme | None:
    pk = _pk(value)
    if pk is None:
        return None
    return Theme.objects.filter(pk=pk, proposal_id=theme.proposal_id).select_related("remiss").first()


def _ids(values: list[str]) -> list[int]:
    return [pk for pk in map(_pk, values) if pk is not None]


def _apply(request, theme: Theme, action: str) -> str:
    """Run one operation; returns the message to show. Raises ApplicationError when refused."""
    data, by = request.POST, request.user
    if action == "byt-namn":
        theme_edits.rename(theme=theme, label=data.get("label", ""), by=by)
        return _("Temat har bytt namn.")
    if action == "sla-ihop":
        into = _other_theme(theme, data.get("into"))
        if into is None:
            raise theme_edits.ThemeError(_("Välj ett annat tema under samma förslag att slå ihop med."))
        theme_edits.merge(theme=theme, into=into, by=by)
        return _("Temana är ihopslagna.")
    if action == "dela":
        theme_edits.split(theme=theme, response_ids=_ids(data.getlist("responses")), label=data.get("label", ""), by=by)
        return _("De valda svaren är flyttade till ett nytt tema.")
    if action == "flytta":
        member_pk = _pk(data.get("member"))
        member = ThemeMember.objects.filter(theme=theme, pk=member_pk).first() if member_pk else None
        if member is None:
            raise theme_edits.ThemeError(_("Svaret finns inte längre i temat."))
        target = data.get("to", "")
        to = None if target == "ingen" else _other_theme(theme, target)
        if to is None and target != "ingen":
            raise theme_edits.ThemeError(_("Välj ett annat tema under samma förslag."))
        theme_edits.move_member(member=member, to=to, by=by)
        return _("Svaret är borttaget ur temat.") if to is None else _("Svaret är flyttat.")
    if action == "nyckel":
        theme_edits.set_key(theme=theme, key=data.get("key") == "1", by=by)
        return _("Temat är markerat som viktigt.") if theme.key else _("Temat är inte längre markerat som viktigt.")
    if action == "bekrafta":
        theme_edits.set_confirmed(theme=theme, confirmed=data.get("confirmed") == "1", by=by)
        return (
            _("Temat är bekräftat och behålls när teman söks igen.")
            if theme.confirmed
            else _("Temat är inte längre bekräftat.")
        )
    raise Http404("action")


ACTION_FIELDS = {"byt-namn": "label", "dela": "label", "sla-ihop": "into", "flytta": "to"}


@login_required
@require_POST
def theme_edit(request, pk: int, theme_pk: int, action: str):
    remiss = permissions.get_remiss_for_staff(request, pk)
    theme = get_object_or_404(
        Theme.objects.select_related("remiss__ministry", "proposal__section"), pk=theme_pk, remiss=remiss
    )
    proposal = theme.proposal
    try:
        messages.success(request, _apply(request, theme, action))
    except ApplicationError as error:
        field = ACTION_FIELDS.get(action, "")
        typed = {
            "theme": theme.pk,
            "action": action,
            "field": field,
            "value": request.POST.get(field, ""),
            "responses": _ids(request.POST.getlist("responses")),
        }
        return _proposal_page(request, remiss, proposal, errors=error.messages(), typed=typed, status=400)
    return redirect("ministry:theme_proposal", pk=remiss.pk, proposal_pk=proposal.pk)


@login_required
@require_POST
def themes_special(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    organisation_pk = _pk(request.POST.get("organisation"))
    organisation = Organisation.objects.filter(pk=organisation_pk).first() if organisation_pk else None
    try:
        if organisation is None:
            raise theme_edits.ThemeError(_("Välj en remissinstans på remisslistan."))
        special = request.POST.get("special") == "1"
        theme_edits.set_special(remiss=remiss, organisation=organisation, special=special, by=request.user)
        if special:
            messages.success(request, _("%(name)s är markerad som särskilt berörd.") % {"name": organisation.name})
        else:
            messages.success(
                request, _("%(name)s är inte längre markerad som särskilt berörd.") % {"name": organisation.name}
            )
    except ApplicationError as error:
        messages.error(request, str(error))
    return redirect("ministry:themes", pk=remiss.pk)


@login_required
def themes_publish(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    errors = []
    if request.method == "POST":
        try:
            theme_publication.publish_analysis(remiss=remiss, by=request.user)
        except ApplicationError as error:
            errors = error.messages()
        else:
            messages.success(
                request, _("Analysen är publicerad. Remissinstanserna får ett e-postmeddelande med en länk till den.")
            )
            return redirect("ministry:themes", pk=remiss.pk)
    return render(
        request,
        "remiss/ministry/themes_publish.html",
        {
            "remiss": remiss,
            "analysis": reads.analysis(remiss),
            "proposals": [p for p in reads.remiss_themes(remiss, confirmed_only=True) if p.themes],
            "errors": errors,
        },
        status=400 if errors else 200,
    )
