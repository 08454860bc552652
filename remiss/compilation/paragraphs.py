"""The drafted "Remissinstanserna" paragraph per proposal, generated deterministically from the
figures: who supports (grouped as myndigheter, regioner, kommuner, övriga, with full lists), who
supports with reservations and who opposes, each with its key sentence; then the rest."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

KIND_ORDER = [("myndighet", _("myndigheterna")), ("region", _("regionerna")), ("kommun", _("kommunerna"))]
KEY_SENTENCE_MAX = 240
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return _("%(list)s och %(last)s") % {"list": ", ".join(names[:-1]), "last": names[-1]}


def key_sentence(comment: str) -> str:
    """The sentence of a comment that carries the reason: the first one that is more than the stance
    itself ("Kommunen tillstyrker."), else the first."""
    sentences = [s.strip() for s in SENTENCE.split((comment or "").strip()) if s.strip()]
    if not sentences:
        return ""
    chosen = next((s for s in sentences if len(s.split()) > 4), sentences[0])
    return chosen if len(chosen) <= KEY_SENTENCE_MAX else chosen[: KEY_SENTENCE_MAX - 1].rstrip() + "…"


def grouped_names(entries: list[dict]) -> str:
    """'myndigheterna A och B, regionerna C samt kommunerna D och E, och övriga F'."""
    parts = []
    for kind, label in KIND_ORDER:
        names = [e["organisation"] for e in entries if e.get("kind") == kind]
        if names:
            parts.append(f"{label} {join_names(names)}")
    others = [e["organisation"] for e in entries if e.get("kind") not in {k for k, _l in KIND_ORDER}]
    if others:
        parts.append(_("övriga: %(names)s") % {"names": join_names(others)})
    return "; ".join(parts)


def _with_reasons(entries: list[dict], verb: str) -> list[str]:
    sentences = []
    for entry in entries:
        reason = key_sentence(entry.get("comment", ""))
        if reason:
            sentences.append(f"{entry['organisation']} {verb}: ”{reason}”")
        else:
            sentences.append(f"{entry['organisation']} {verb}.")
    return [s if s.endswith((".", "”")) else s + "." for s in sentences]


def draft_paragraph(groups: dict[str, list[dict]]) -> str:
    """groups: stance → entries (organisation, kind, comment). Returns Swedish prose."""
    sentences = []
    supporters = groups.get("supports", [])
    if supporters:
        sentences.append(
            ngettext(
                "Förslaget tillstyrks av %(n)d remissinstans: %(names)s.",
                "Förslaget tillstyrks av %(n)d remissinstanser: %(names)s.",
                len(supporters),
            )
            % {"n": len(supporters), "names": grouped_names(supporters)}
        )
    sentences += _with_reasons(groups.get("partly", []), _("tillstyrker med reservation"))
    sentences += _with_reasons(groups.get("opposes", []), _("avstyrker"))
    no_view = groups.get("no_view", [])
    if no_view:
        sentences.append(
            ngettext(
                "%(n)d remissinstans har inga synpunkter på förslaget.",
                "%(n)d remissinstanser har inga synpunkter på förslaget.",
                len(no_view),
            )
            % {"n": len(no_view)}
        )
    if groups.get("none"):
        sentences.append(_("Övriga remissinstanser har inte yttrat sig över förslaget."))
    if not sentences:
        return _("Ingen remissinstans har yttrat sig över förslaget.")
    return " ".join(sentences)
