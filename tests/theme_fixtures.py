"""A remiss whose answers are the hand-labelled lovskola set (tests/data/themes/): 30 bodies, a
campaign of six near-identical texts, themes on financing, staff, pupils, timing and school transport."""

from __future__ import annotations

import json
from pathlib import Path

from accounts.models import OrganisationKind
from remiss.models import RemissStatus
from tests import factories as f

DATA = Path(__file__).parent / "data" / "themes" / "lovskola.json"
KINDS = {k.value for k in OrganisationKind}


def lovskola():
    return json.loads(DATA.read_text(encoding="utf-8"))


def themed_remiss(ministry, *, limit: int | None = None, status=RemissStatus.CLOSED):
    """A closed remiss of ``ministry`` with one proposal (and a second without comments), one submitted
    answer per body of the lovskola set. Returns (remiss, proposal, {organisation name: recipient})."""
    data = lovskola()
    remiss = f.PublishedRemissFactory(ministry=ministry, title=data["remiss"]["title"], status=status)
    section = f.SectionFactory(remiss=remiss, number=data["proposal"]["section"], title=data["proposal"]["title"])
    proposal = f.ProposalFactory(section=section, text=data["proposal"]["text"], position=0)
    other = f.ProposalFactory(section=section, text="Skolverket ska ta fram stödmaterial.", position=1)
    recipients = {}
    for answer in data["answers"][:limit]:
        kind = answer["kind"] if answer["kind"] in KINDS else OrganisationKind.OTHER
        organisation = f.OrganisationFactory(name=answer["organisation"], kind=kind)
        recipient = f.RecipientFactory(remiss=remiss, organisation=organisation)
        f.make_submission(recipient, answers={proposal: (answer["stance"], answer["text"]), other: ("supports", "")})
        recipients[answer["organisation"]] = recipient
    return remiss, proposal, recipients
