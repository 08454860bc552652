"""A closed remiss with every kind of answer the open-data views must tell apart.

Used by the open-data page, search and API tests: public answers (one with a correction, one
declined), a redacted one, a withheld one, a draft, and a submitted answer to an unpublished remiss.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from remiss.models import Publication, RemissStatus, ResponseStatus, Stance
from tests import factories as f


@dataclass
class World:
    remiss: object
    proposals: list
    supporter: object  # newest submission of each
    opposer: object
    declined: object
    redacted: object
    withheld: object
    draft_response: object
    hidden_remiss: object
    hidden_submission: object


def _recipient(remiss, name, *, code, kind="kommun", county="Stockholms län"):
    organisation = f.OrganisationFactory(name=name, code=code, kind=kind, county=county)
    return f.RecipientFactory(remiss=remiss, organisation=organisation)


def build_world(ministry=None) -> World:
    remiss = f.PublishedRemissFactory(
        **({"ministry": ministry} if ministry else {}),
        title="Med tillit växer handlingsutrymmet",
        reference="Fi2018/02500/SFÖ",
        status=RemissStatus.CLOSED,
        deadline=timezone.localdate() - dt.timedelta(days=3),
    )
    section = f.SectionFactory(remiss=remiss, number="7.1", title="En samlad styrning")
    p1 = f.ProposalFactory(section=section, text="Styrningen ska bli tillitsbaserad.")
    p2 = f.ProposalFactory(section=section, text="Myndigheterna ska få större handlingsutrymme.")

    nacka = _recipient(remiss, "Huddinge kommun", code="0126")
    f.make_submission(nacka, answers={p1: (Stance.SUPPORTS, "Gammal version.")}, pdf=False)
    supporter = f.make_submission(
        nacka,
        number=2,
        answers={p1: (Stance.SUPPORTS, "En tillitsbaserad styrning stärker verksamheten."), p2: (Stance.PARTLY, "")},
        pdf=False,
    )
    opposer = f.make_submission(
        _recipient(remiss, "Region Skåne", code="12", kind="region", county="Skåne län"),
        answers={p1: (Stance.OPPOSES, "Styrningen riskerar att försvagas."), p2: (Stance.NO_VIEW, "")},
        pdf=False,
    )
    declined = f.make_submission(_recipient(remiss, "Vaxholms stad", code="0187"), declined=True, pdf=False)
    redacted = f.make_submission(
        _recipient(remiss, "Solna stad", code="0184"),
        answers={p1: (Stance.SUPPORTS, "HEMLIG PERSONUPPGIFT i styrningen.")},
        pdf=False,
    )
    Publication.objects.create(submission=redacted, redacted_pdf=ContentFile(f.tiny_pdf(), name="m.pdf"))
    withheld = f.make_submission(
        _recipient(remiss, "Sundbybergs stad", code="0183"),
        answers={p1: (Stance.OPPOSES, "UNDANHÅLLEN styrning.")},
        pdf=False,
    )
    Publication.objects.create(submission=withheld, withheld=True, withheld_reason="Skyddade personuppgifter")
    draft_response = f.ResponseFactory(
        recipient=_recipient(remiss, "Danderyds kommun", code="0162"),
        status=ResponseStatus.DRAFT,
        summary="UTKAST om styrning",
    )
    f.AnswerFactory(response=draft_response, proposal=p1, comment="UTKAST styrning tillitsbaserad")

    hidden_remiss = f.RemissFactory(title="Hemlig remiss om styrning", reference="Fi2026/99999")
    hidden_section = f.SectionFactory(remiss=hidden_remiss)
    f.ProposalFactory(section=hidden_section, text="Hemligt förslag om styrning.")
    hidden_submission = f.make_submission(
        f.RecipientFactory(remiss=hidden_remiss, organisation=f.OrganisationFactory(name="Täby kommun", code="0160")),
        pdf=False,
    )
    return World(
        remiss,
        [p1, p2],
        supporter,
        opposer,
        declined,
        redacted,
        withheld,
        draft_response,
        hidden_remiss,
        hidden_submission,
    )
