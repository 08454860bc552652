"""The drafted "Remissinstanserna" paragraph per proposal, generated deterministically from the
figures.

First the stance groups with their counts — who supports, supports with reservations, opposes —
named in full when there are few (grouped as myndigheter, regioner, kommuner, övriga) and "bl.a."
with at most five names otherwise, särskilt berörda first. Then, per theme (the confirmed ones, or
every theme when none is confirmed; ``theme_text``), who raised it and its strongest verbatim
quote. Without themes, each body that supports with reservations or opposes is quoted with the
sentence that carries its reason. A sentence that only states a stance is never quoted, and a
campaign of near-identical answers is quoted once. Then those without views and those who did not
answer.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from remiss.themes.text import is_stance_only, name_words

from .theme_text import join_names, ordered, reference, some_of, theme_sentences, usable_quote, who

KIND_ORDER = [("myndighet", _("myndigheterna")), ("region", _("regionerna")), ("kommun", _("kommunerna"))]
KEY_SENTENCE_MAX = 240
NAMED_IN_STANCE = 5
SENTENCE = re.compile(r"(?<=[.!?])\s+")

__all__ = ["draft_paragraph", "grouped_names", "join_names", "key_sentence"]


def key_sentence(comment: str, names: tuple[str, ...] = ()) -> str:
    """The sentence of a comment that carries the reason: the first one that is more than the stance
    itself ("Kommunen tillstyrker." is not; ``names`` are the body's own name), else ""."""
    sentences = [s.strip() for s in SENTENCE.split((comment or "").strip()) if s.strip()]
    ignore = name_words(*names)
    chosen = next((s for s in sentences if not is_stance_only(s, ignore)), "")
    return chosen if len(chosen) <= KEY_SENTENCE_MAX else chosen[: KEY_SENTENCE_MAX - 1].rstrip() + "…"


def grouped_names(entries: list[dict], numbers: dict[int, int] | None = None) -> str:
    """'myndigheterna A och B; regionerna C; kommunerna D och E; övriga: F'."""
    numbers = numbers or {}
    parts = []
    for kind, label in KIND_ORDER:
        names = [reference(e, numbers) for e in entries if e.get("kind") == kind]
        if names:
            parts.append(f"{label} {join_names(names)}")
    others = [reference(e, numbers) for e in entries if e.get("kind") not in {k for k, _l in KIND_ORDER}]
    if others:
        parts.append(_("övriga: %(names)s") % {"names": join_names(others)})
    return "; ".join(parts)


def _names(entries: list[dict], special: set[int], campaigns: list[set[str]], numbers: dict[int, int]) -> str:
    if len(entries) <= NAMED_IN_STANCE:
        return ": " + grouped_names(entries, numbers)
    return ", " + some_of(ordered(entries, special, campaigns), numbers, NAMED_IN_STANCE)


STANCE_SENTENCES = {
    "supports": (
        "Förslaget tillstyrks av %(n)d remissinstans%(names)s.",
        "Förslaget tillstyrks av %(n)d remissinstanser%(names)s.",
    ),
    "partly": (
        "Förslaget tillstyrks med reservation av %(n)d remissinstans%(names)s.",
        "Förslaget tillstyrks med reservation av %(n)d remissinstanser%(names)s.",
    ),
    "opposes": (
        "Förslaget avstyrks av %(n)d remissinstans%(names)s.",
        "Förslaget avstyrks av %(n)d remissinstanser%(names)s.",
    ),
}


def _stance_sentence(stance: str, entries: list[dict], **context) -> str:
    singular, many = STANCE_SENTENCES[stance]
    names = _names(entries, context["special"], context["campaigns"], context["numbers"])
    return ngettext(singular, many, len(entries)) % {"n": len(entries), "names": names}


def _reasons(entries: list[dict], verb: str, *, special, campaigns, numbers, used: set[str]) -> list[str]:
    """Without themes: who gives which reason, a campaign once."""
    sentences, done = [], set()
    for entry in ordered(entries, special, campaigns):
        if entry["organisation"] in done:
            continue
        reason = usable_quote(key_sentence(entry.get("comment", ""), (entry["organisation"],)), [entry["organisation"]])
        if not reason or reason in used:
            continue
        used.add(reason)
        group = next((g for g in campaigns if entry["organisation"] in g), set())
        alike = [e for e in entries if e["organisation"] in group] if group else [entry]
        done.update(e["organisation"] for e in alike)
        subject = who(alike, special=special, campaigns=campaigns, numbers=numbers)
        sentences.append(f"{subject} {verb}: ”{reason}”")
    return sentences


def draft_paragraph(
    groups: dict[str, list[dict]],
    *,
    themes: list[dict] | None = None,
    special: set[int] | None = None,
    campaigns: list[set[str]] | None = None,
    numbers: dict[int, int] | None = None,
) -> str:
    """groups: stance → entries (organisation, organisation_id, kind, comment); themes: the
    proposal's themes (label, key, key_quote, members with organisation, organisation_id, kind,
    quotes); special: ids of the särskilt berörda; campaigns: sets of organisation names with
    near-identical answers; numbers: organisation id → the answer's number in the appendix."""
    context = {"special": special or set(), "campaigns": list(campaigns or []), "numbers": numbers or {}}
    used: set[str] = set()
    sentences = []
    for stance in ("supports", "partly", "opposes"):
        if groups.get(stance):
            sentences.append(_stance_sentence(stance, groups[stance], **context))
            if not themes and stance != "supports":  # without themes: each reason after its stance
                sentences += _reasons(groups[stance], _("anför"), used=used, **context)
    if themes:
        sentences += theme_sentences(themes, **context)
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
