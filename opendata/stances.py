"""The stance categories of the open-data pages, with the colour and pattern each is drawn in.

Colour is never the only carrier (WCAG 1.4.1): every category also has a fill pattern and a text
label, and charts and maps come with a table. Shared by the summary chart and the stance map.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from remiss.models import Stance
from remiss.models.responses import NOT_ANSWERED_LABEL

NOT_ANSWERED = "none"  # answered the remiss but gave no stance on this proposal (ej besvarad)
DECLINED = "declined"  # avstått från att yttra sig
NOT_RESPONDED = "missing"  # invited, no public answer (ej svarat)
NOT_INVITED = "uninvited"  # not on the remisslista (ej inbjuden)


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    colour: str
    pattern: str  # id of an SVG <pattern> in opendata/_patterns.svg, "" for a plain fill


ANSWER_CATEGORIES = [
    Category(Stance.SUPPORTS.value, Stance.SUPPORTS.label, "#1a7f37", ""),
    Category(Stance.PARTLY.value, Stance.PARTLY.label, "#9ccc65", "pat-partly"),
    Category(Stance.OPPOSES.value, Stance.OPPOSES.label, "#c62828", "pat-opposes"),
    Category(Stance.NO_VIEW.value, Stance.NO_VIEW.label, "#9e9e9e", "pat-noview"),
    Category(NOT_ANSWERED, NOT_ANSWERED_LABEL, "#ffffff", "pat-none"),
]

MAP_CATEGORIES = [
    *ANSWER_CATEGORIES,  # "ej besvarad": answered the remiss, not this proposal
    Category(DECLINED, _("Avstått"), "#5c6bc0", "pat-declined"),
    Category(NOT_RESPONDED, _("Ej svarat"), "#ffffff", ""),
    Category(NOT_INVITED, _("Ej inbjuden"), "#e0e0e0", ""),
]


def category_key(stance: str) -> str:
    """The category of a snapshot stance value ("" = ej besvarad)."""
    return stance or NOT_ANSWERED
