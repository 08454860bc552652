"""The data the theme engine takes and gives: plain dataclasses, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

AnswerId = int | str
Stance = Literal["supports", "partly", "opposes", "no_view"]
Polarity = Literal["for", "against", "mixed"]


@dataclass(frozen=True)
class Proposal:
    """One proposal of a remiss: the thing the answers comment on."""

    title: str
    text: str = ""
    section: str = ""
    remiss_title: str = ""
    remiss_reference: str = ""


@dataclass(frozen=True)
class Answer:
    """One body's comment on one proposal."""

    id: AnswerId
    text: str
    organisation: str = ""
    kind: str = ""
    stance: str = "no_view"


@dataclass(frozen=True)
class Quote:
    """Verbatim evidence: ``text`` is an exact substring of the answer's text."""

    answer: AnswerId
    text: str


@dataclass
class Theme:
    """A recurring argument among the answers to one proposal."""

    label: str
    answers: list[AnswerId]
    quotes: list[Quote]
    polarity: Polarity = "mixed"
    key_quote: Quote | None = None
    confirmed: bool = False
    key: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "answers": list(self.answers),
            "quotes": [{"answer": q.answer, "text": q.text} for q in self.quotes],
            "polarity": self.polarity,
            "key_quote": None
            if self.key_quote is None
            else {"answer": self.key_quote.answer, "text": self.key_quote.text},
            "confirmed": self.confirmed,
            "key": self.key,
        }


@dataclass
class ExistingTheme:
    """A theme staff have confirmed: kept as it is, and new answers may join it.

    ``quotes`` are the member sentences (verbatim from their answers) that define the theme;
    ``answers`` its confirmed members. Neither is ever removed by a re-run.
    """

    label: str
    answers: list[AnswerId] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    key: str = ""

    @classmethod
    def from_theme(cls, theme: Theme) -> ExistingTheme:
        return cls(label=theme.label, answers=list(theme.answers), quotes=list(theme.quotes), key=theme.key)
