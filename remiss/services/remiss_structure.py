"""The remiss's structure: sections and proposals, edited one by one or imported."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from remiss.models import (
    Answer,
    Proposal,
    ProposalKind,
    Remiss,
    RemissStatus,
    Section,
)
from remiss.remiss_import import ImportedRemiss, ImportedSection
from remiss.services.remisser import (
    RemissError,
    _check_editable,
    _locked,
    _move,
    _renumber,
    _structure_changed,
    create_remiss,
)


def _has_answers(proposals) -> bool:
    return Answer.objects.filter(proposal__in=proposals).exclude(stance="", comment="").exists()


@transaction.atomic
def add_section(*, remiss: Remiss, by: User | None, number: str, title: str, approximate: bool = False) -> Section:
    remiss = _locked(remiss)
    _check_editable(remiss)
    position = (remiss.sections.aggregate(p=Max("position"))["p"] or 0) + 1
    section = Section.objects.create(
        remiss=remiss, number=number.strip(), title=title.strip(), approximate=approximate, position=position
    )
    _renumber(list(remiss.sections.all()))
    _structure_changed(
        remiss,
        by,
        "remiss.section_added",
        _("Avsnittet %(section)s har lagts till.") % {"section": section},
        obj=section,
    )
    return section


@transaction.atomic
def update_section(*, section: Section, by: User | None, number: str, title: str) -> Section:
    remiss = _locked(section.remiss)
    _check_editable(remiss)
    section.number, section.title = number.strip(), title.strip()
    section.save(update_fields=["number", "title"])
    _structure_changed(
        remiss,
        by,
        "remiss.section_updated",
        _("Avsnittet %(section)s har ändrats.") % {"section": section},
        obj=section,
    )
    return section


@transaction.atomic
def delete_section(*, section: Section, by: User | None) -> None:
    remiss = _locked(section.remiss)
    _check_editable(remiss)
    if remiss.status == RemissStatus.PUBLISHED and _has_answers(section.proposals.all()):
        raise RemissError(_("Avsnittet innehåller förslag som redan har besvarats och kan inte tas bort."))
    label = str(section)
    section.delete()
    _renumber(list(remiss.sections.all()))
    _structure_changed(
        remiss, by, "remiss.section_deleted", _("Avsnittet %(section)s har tagits bort.") % {"section": label}
    )


@transaction.atomic
def move_section(*, section: Section, by: User | None, direction: str) -> None:
    remiss = _locked(section.remiss)
    _check_editable(remiss)
    if _move(list(remiss.sections.all()), section, direction):
        _structure_changed(
            remiss, by, "remiss.section_moved", _("Ordningen mellan avsnitten har ändrats."), obj=section
        )


def _check_kind(kind: str) -> None:
    if kind not in ProposalKind.values:
        raise RemissError(_("Okänd typ av förslag."))


@transaction.atomic
def add_proposal(*, section: Section, by: User | None, kind: str, text: str) -> Proposal:
    remiss = _locked(section.remiss)
    _check_editable(remiss)
    _check_kind(kind)
    position = (section.proposals.aggregate(p=Max("position"))["p"] or 0) + 1
    proposal = Proposal.objects.create(remiss=remiss, section=section, kind=kind, text=text.strip(), position=position)
    _renumber(list(section.proposals.all()))
    proposal.refresh_from_db()
    _structure_changed(
        remiss,
        by,
        "remiss.proposal_added",
        _("Förslag %(label)s har lagts till.") % {"label": proposal.label},
        obj=proposal,
    )
    return proposal


@transaction.atomic
def update_proposal(*, proposal: Proposal, by: User | None, section: Section, kind: str, text: str) -> Proposal:
    remiss = _locked(proposal.remiss)
    _check_editable(remiss)
    _check_kind(kind)
    if section.remiss_id != remiss.pk:
        raise RemissError(_("Avsnittet hör inte till remissen."))
    old_section = proposal.section
    proposal.kind, proposal.text = kind, text.strip()
    if section.pk != old_section.pk:
        proposal.section = section
        proposal.position = (section.proposals.aggregate(p=Max("position"))["p"] or 0) + 1
    proposal.save()
    _renumber(list(old_section.proposals.all()))
    _renumber(list(section.proposals.all()))
    proposal.refresh_from_db()
    _structure_changed(
        remiss,
        by,
        "remiss.proposal_updated",
        _("Förslag %(label)s har ändrats.") % {"label": proposal.label},
        obj=proposal,
    )
    return proposal


@transaction.atomic
def delete_proposal(*, proposal: Proposal, by: User | None) -> None:
    remiss = _locked(proposal.remiss)
    _check_editable(remiss)
    if remiss.status == RemissStatus.PUBLISHED and _has_answers([proposal]):
        raise RemissError(
            _("Förslaget har redan besvarats av minst en remissinstans och kan inte tas bort. Ändra texten i stället.")
        )
    label, section = proposal.label, proposal.section
    proposal.delete()
    _renumber(list(section.proposals.all()))
    _structure_changed(
        remiss, by, "remiss.proposal_deleted", _("Förslag %(label)s har tagits bort.") % {"label": label}
    )


@transaction.atomic
def move_proposal(*, proposal: Proposal, by: User | None, direction: str) -> None:
    remiss = _locked(proposal.remiss)
    _check_editable(remiss)
    if _move(list(proposal.section.proposals.all()), proposal, direction):
        _structure_changed(
            remiss, by, "remiss.proposal_moved", _("Ordningen mellan förslagen har ändrats."), obj=proposal
        )


@transaction.atomic
def import_sections(
    *, remiss: Remiss, by: User | None, sections: Iterable[ImportedSection], replace: bool = False, source: str = ""
) -> int:
    """Append (or, for a draft, replace) sections and their proposals; returns the number of proposals."""
    remiss = _locked(remiss)
    _check_editable(remiss)
    sections = list(sections)
    if replace:
        if remiss.status != RemissStatus.DRAFT:
            raise RemissError(_("Avsnitt och förslag kan bara ersättas medan remissen är ett utkast."))
        remiss.sections.all().delete()
    position = (remiss.sections.aggregate(p=Max("position"))["p"] or 0) + 1
    count = 0
    for offset, imported in enumerate(sections):
        section = Section.objects.create(
            remiss=remiss,
            number=imported.number,
            title=imported.title,
            approximate=imported.approximate,
            position=position + offset,
        )
        Proposal.objects.bulk_create(
            Proposal(remiss=remiss, section=section, kind=item.kind, text=item.text, position=index)
            for index, item in enumerate(imported.items)
        )
        count += len(imported.items)
    _renumber(list(remiss.sections.all()))
    _structure_changed(
        remiss,
        by,
        "remiss.structure_imported",
        _("%(sections)d avsnitt med %(proposals)d förslag har lagts till.")
        % {"sections": len(sections), "proposals": count},
        data={"replace": replace, "source": source[:200]},
    )
    return count


@transaction.atomic
def create_remiss_from_import(
    *, ministry: Organisation, by: User | None, imported: ImportedRemiss, **fields: Any
) -> Remiss:
    remiss = create_remiss(
        ministry=ministry, by=by, title=imported.title, reference=imported.reference, reports=imported.reports, **fields
    )
    import_sections(remiss=remiss, by=by, sections=imported.sections, source="json")
    return remiss
