"""The name of one editable part of an answer, in every form it takes.

A part is the summary, the general comments, one consequence question, one proposal's answer or
the decision. The same part is named

- by the service and in ``Revision.field`` (its ``key``): ``summary``, ``general_comments``,
  ``consequence:<key>``, ``answer:<proposal id>``, ``decision``;
- in the answer form (its ``form_name``): ``summary``, ``general_comments``, ``consequence-<key>``,
  ``<proposal id>`` (the answer's inputs are ``stance-<id>`` and ``comment-<id>``), each with a
  hidden ``version-<form name>``;
- by static/js/autosave.js, which posts the ``key`` (``data-field``) and reads the version input
  named in ``data-version-field`` (both written by the templates from this type).

Every translation between the two goes through ``FieldKey``: nothing else splits on ``:``.
"""

from __future__ import annotations

from dataclasses import dataclass

SUMMARY, GENERAL, CONSEQUENCE, ANSWER, DECISION = "summary", "general_comments", "consequence", "answer", "decision"
_PLAIN = (SUMMARY, GENERAL, DECISION)


@dataclass(frozen=True)
class FieldKey:
    kind: str
    arg: str = ""

    @classmethod
    def parse(cls, key: str) -> FieldKey | None:
        """A service key (``answer:12``) as a FieldKey, or None if it names no part."""
        key = str(key or "")
        if key in _PLAIN:
            return cls(key)
        kind, sep, arg = key.partition(":")
        if not sep or not arg:
            return None
        if kind == ANSWER and arg.isdigit():
            return cls(ANSWER, arg)
        if kind == CONSEQUENCE:
            return cls(CONSEQUENCE, arg)
        return None

    @classmethod
    def from_form_name(cls, name: str) -> FieldKey | None:
        """A form name (``consequence-economic``, ``12``) as a FieldKey."""
        if name.isdigit():
            return cls(ANSWER, name)
        if name.startswith(CONSEQUENCE + "-"):
            return cls(CONSEQUENCE, name[len(CONSEQUENCE) + 1 :])
        return cls(name) if name in _PLAIN else None

    @classmethod
    def answer(cls, proposal_id: int) -> FieldKey:
        return cls(ANSWER, str(proposal_id))

    @classmethod
    def consequence(cls, question: str) -> FieldKey:
        return cls(CONSEQUENCE, question)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.arg}" if self.arg else self.kind

    @property
    def form_name(self) -> str:
        if self.kind == ANSWER:
            return self.arg
        if self.kind == CONSEQUENCE:
            return f"{CONSEQUENCE}-{self.arg}"
        return self.kind

    @property
    def version_name(self) -> str:
        return f"version-{self.form_name}"

    @property
    def is_answer(self) -> bool:
        return self.kind == ANSWER

    @property
    def proposal_id(self) -> int | None:
        return int(self.arg) if self.kind == ANSWER else None

    def __str__(self) -> str:
        return self.key


def response_text_keys(consequence_questions) -> list[FieldKey]:
    """The response-level text parts of a remiss asking these consequence questions."""
    return [FieldKey(SUMMARY), FieldKey(GENERAL)] + [FieldKey.consequence(q) for q in consequence_questions]


def response_field_keys(response) -> list[str]:
    """The keys of a response's own text fields (summary, general views, its consequence answers)."""
    return [part.key for part in response_text_keys(response.recipient.remiss.consequence_questions)]
