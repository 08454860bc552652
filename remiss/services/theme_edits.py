"""Ministry staff's work on the themes of a remiss: rename, merge, split, move or remove an answer,
mark a theme as key, confirm it (a confirmed theme survives re-runs) and mark bodies as särskilt
berörda. Each operation is one transaction and one audit event; refusals are ``ThemeError``."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.models import Organisation, User
from core.errors import ApplicationError
from remiss.models import Remiss, SpecialBody, Theme, ThemeAnalysis, ThemeMember

MAX_LABEL = 300


class ThemeError(ApplicationError, ValueError):
    """``str(error)`` is a Swedish message."""


def mark_changed(remiss: Remiss) -> None:
    """Note when the themes or särskilt berörda last changed: a sammanställning made before is out of date."""
    ThemeAnalysis.objects.update_or_create(remiss=remiss, defaults={"changed_at": timezone.now()})


def _record(action: str, theme: Theme, by: User, **data) -> None:
    mark_changed(theme.remiss)
    audit.record(
        action, actor=by, organisation=theme.remiss.ministry, obj=theme, data={"proposal": theme.proposal_id, **data}
    )


def clean_label(label: str) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise ThemeError(_("Skriv en rubrik för temat."))
    if len(label) > MAX_LABEL:
        raise ThemeError(_("Rubriken är för lång (högst 300 tecken)."))
    return label


def _touch(theme: Theme, by: User, *fields: str) -> None:
    theme.updated_by = by
    theme.save(update_fields=[*fields, "updated_by", "updated_at"])


@transaction.atomic
def rename(*, theme: Theme, label: str, by: User) -> Theme:
    old, theme.label = theme.label, clean_label(label)
    _touch(theme, by, "label")
    _record("theme.renamed", theme, by, old=old, new=theme.label)
    return theme


@transaction.atomic
def merge(*, theme: Theme, into: Theme, by: User) -> Theme:
    """Move every member of ``theme`` into ``into`` (quotes joined) and delete ``theme``."""
    if into.pk == theme.pk or into.proposal_id != theme.proposal_id:
        raise ThemeError(_("Välj ett annat tema under samma förslag att slå ihop med."))
    present = {m.response_id: m for m in into.members.all()}
    for member in theme.members.all():
        target = present.get(member.response_id)
        if target is None:
            member.theme = into
            member.save(update_fields=["theme"])
        else:
            target.quotes = list(dict.fromkeys([*(target.quotes or []), *(member.quotes or [])]))
            target.save(update_fields=["quotes"])
    into.key = into.key or theme.key
    _touch(into, by, "key")
    _record("theme.merged", into, by, merged=theme.pk, merged_label=theme.label)
    theme.delete()
    return into


@transaction.atomic
def split(*, theme: Theme, response_ids: list[int], label: str, by: User) -> Theme:
    """Move the chosen members to a new theme named ``label``."""
    label = clean_label(label)
    members = list(theme.members.filter(response_id__in=response_ids))
    if not members:
        raise ThemeError(_("Välj minst ett svar att flytta till det nya temat."))
    if len(members) == theme.members.count():
        raise ThemeError(_("Lämna minst ett svar kvar i temat, eller byt namn på det i stället."))
    position = (Theme.objects.filter(proposal_id=theme.proposal_id).aggregate(m=Max("position"))["m"] or 0) + 1
    new = Theme.objects.create(
        remiss=theme.remiss,
        proposal_id=theme.proposal_id,
        label=label,
        position=position,
        polarity=theme.polarity,
        key_quote=next((q for m in members for q in (m.quotes or [])), ""),
        updated_by=by,
    )
    ThemeMember.objects.filter(pk__in=[m.pk for m in members]).update(theme=new)
    _record("theme.split", new, by, source=theme.pk, responses=sorted(m.response_id for m in members))
    return new


@transaction.atomic
def move_member(*, member: ThemeMember, to: Theme | None, by: User) -> None:
    """Move one answer to another theme of the same proposal, or (``to`` None) out of every theme."""
    theme = member.theme
    if to is None:
        member.delete()
        _record("theme.member_removed", theme, by, response=member.response_id)
        return
    if to.pk == theme.pk or to.proposal_id != theme.proposal_id:
        raise ThemeError(_("Välj ett annat tema under samma förslag."))
    existing = to.members.filter(response_id=member.response_id).first()
    if existing is None:
        member.theme = to
        member.save(update_fields=["theme"])
    else:
        existing.quotes = list(dict.fromkeys([*(existing.quotes or []), *(member.quotes or [])]))
        existing.save(update_fields=["quotes"])
        member.delete()
    _record("theme.member_moved", theme, by, response=member.response_id, to=to.pk)


@transaction.atomic
def set_key(*, theme: Theme, key: bool, by: User) -> Theme:
    theme.key = key
    _touch(theme, by, "key")
    _record("theme.key_marked" if key else "theme.key_unmarked", theme, by)
    return theme


@transaction.atomic
def set_confirmed(*, theme: Theme, confirmed: bool, by: User) -> Theme:
    if confirmed and not theme.members.exists():
        raise ThemeError(_("Ett tema utan svar kan inte bekräftas."))
    theme.confirmed = confirmed
    _touch(theme, by, "confirmed")
    _record("theme.confirmed" if confirmed else "theme.unconfirmed", theme, by)
    return theme


@transaction.atomic
def set_special(*, remiss: Remiss, organisation: Organisation, special: bool, by: User) -> None:
    """Mark (or unmark) a body on the remisslista as särskilt berörd."""
    if not remiss.recipients.filter(organisation=organisation).exists():
        raise ThemeError(_("Remissinstansen finns inte på remisslistan."))
    if special:
        row, created = SpecialBody.objects.get_or_create(
            remiss=remiss, organisation=organisation, defaults={"added_by": by}
        )
        if not created:
            return
    elif not SpecialBody.objects.filter(remiss=remiss, organisation=organisation).delete()[0]:
        return
    mark_changed(remiss)
    audit.record(
        "themes.special_marked" if special else "themes.special_unmarked",
        actor=by,
        organisation=remiss.ministry,
        obj=remiss,
        data={"organisation": organisation.pk, "name": organisation.name},
    )
