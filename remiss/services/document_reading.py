"""The reading of a document answer as it is stored on the ReceivedDocument, and the rules that turn
it into an answer: every paragraph with the place it landed in (staff may move it), the texts each
place collects, and where consequence text goes.

Stored shape (``ReceivedDocument.reading``)::

    {"general", "general_evidence", "whole_document",
     "summary", "general_views", "consequences", "unplaced",      # joined from the paragraphs
     "paragraphs": [{"text", "heading", "place", "keys"}],         # keys: proposal pks (as text)
     "proposals": {pk: {"stance", "confidence", "evidence", "rule", "ask", "addressed",
                        "commented", "comment", "shared_with",     # shared_with: other pks
                        "suggested"}}}                             # the stance a screen preselects

``place`` is one of summary, general_views, consequences, unplaced, proposal, furniture.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from remiss.models import ConsequenceQuestion, Remiss, Stance
from remiss.reading import Structure, read_answer

SUMMARY, GENERAL, CONSEQUENCES, UNPLACED, PROPOSAL, FURNITURE = (
    "summary",
    "general_views",
    "consequences",
    "unplaced",
    "proposal",
    "furniture",
)
TEXT_PLACES = (SUMMARY, GENERAL, CONSEQUENCES, UNPLACED)
READ_FIELDS = ("stance", "evidence", "rule", "confidence", "ask", "addressed", "commented")
PLACES = (*TEXT_PLACES, PROPOSAL, FURNITURE)

# Words that tell which consequence question a paragraph answers.
CONSEQUENCE_WORDS = {
    ConsequenceQuestion.ECONOMIC: re.compile(r"\b(ekonomisk\w*|kostnad\w*|finansier\w*)", re.IGNORECASE),
    ConsequenceQuestion.CHILDREN: re.compile(r"\bbarn(?!omsorg)\w*", re.IGNORECASE),
    ConsequenceQuestion.GENDER: re.compile(r"\bjämställd\w*", re.IGNORECASE),
    ConsequenceQuestion.MUNICIPAL: re.compile(r"\bsjälvstyrelse\w*", re.IGNORECASE),
    ConsequenceQuestion.ENVIRONMENT: re.compile(r"\bmiljö\w*", re.IGNORECASE),
    ConsequenceQuestion.BUSINESS: re.compile(r"\bföretag\w*", re.IGNORECASE),
}


GENERIC_CONSEQUENCES = re.compile(
    r"^(?:\d[\d.]*\s+)?(?:förslagens\s+)?konsekvens(?:er|analys|beskrivning)?"
    r"(?:\s+av\s+(?:förslagen|förslaget|betänkandet))?$",
    re.I,
)


def reading_for(text: str, remiss: Remiss) -> dict:
    """Read ``text`` onto ``remiss`` and return the whole reading as stored."""
    reading = read_answer(text, Structure.from_remiss(remiss))
    paragraphs = []
    for paragraph in reading.paragraphs:
        place = paragraph.place if paragraph.place in PLACES else UNPLACED
        keys = list(paragraph.keys) if place == PROPOSAL else []
        paragraphs.append({"text": paragraph.text, "heading": paragraph.heading, "place": place, "keys": keys})
    stored = {
        "general": reading.general or "",
        "general_evidence": reading.general_evidence,
        "whole_document": reading.whole_document,
        "paragraphs": paragraphs,
        "proposals": {
            proposal.key: {
                "stance": proposal.stance,
                "confidence": proposal.confidence,
                "evidence": proposal.evidence,
                "rule": proposal.rule,
                "ask": proposal.ask,
                "addressed": proposal.addressed,
                "commented": proposal.commented,
                "comment": proposal.comment,
                "shared_with": [],
            }
            for proposal in reading.proposals
        },
    }
    return recompute(stored)


def recompute(reading: dict) -> dict:
    """Join the texts each place collects from its paragraphs (after a move, too)."""
    paragraphs = reading.get("paragraphs", [])
    for place in TEXT_PLACES:
        # the consequences keep their headings: "Konsekvenser för barn" tells which question follows
        texts = [p["text"] for p in paragraphs if p["place"] == place and (place == CONSEQUENCES or not p["heading"])]
        reading[place] = "\n\n".join(texts)
    for key, proposal in reading.get("proposals", {}).items():
        texts = [p for p in paragraphs if p["place"] == PROPOSAL and key in p["keys"] and not p["heading"]]
        proposal["comment"] = "\n\n".join(p["text"] for p in texts)
        proposal["shared_with"] = list(dict.fromkeys(k for p in texts for k in p["keys"] if k != key))
        if texts and not proposal.get("addressed"):
            # staff moved text onto a proposal the reader found unaddressed: ask, suggest nothing
            proposal.update(addressed=True, commented=True, ask=not proposal.get("stance"))
        proposal["suggested"] = proposal["chosen"] if "chosen" in proposal else suggested_stance(proposal)
    return reading


def suggested_stance(suggestion: dict) -> str:
    """The stance a screen preselects for a stored proposal reading: the reader's, only where the
    text addresses the proposal and the reader does not ask; else none ("ej besvarad")."""
    if not suggestion.get("addressed") or suggestion.get("ask"):
        return ""
    return suggestion.get("stance") or ""


def accepted_choices(reading: dict) -> dict[int, tuple[str, str]]:
    """The reading accepted as shown: per proposal pk the preselected stance and the full text."""
    return {
        int(key): (suggested_stance(suggestion), suggestion.get("comment", ""))
        for key, suggestion in reading.get("proposals", {}).items()
    }


def move_paragraph(
    reading: dict, index: int, place: str, keys: list[str], stances: dict[str, str] | None = None
) -> dict:
    """Put paragraph ``index`` in ``place`` (on the proposals ``keys`` when it is ``proposal``).
    ``stances``: the stance shown per proposal when staff moved it; one staff changed is kept as
    their choice through this and later moves. Raises ValueError (Swedish message) on an
    impossible move."""
    paragraphs = reading.get("paragraphs", [])
    if not 0 <= index < len(paragraphs):
        raise ValueError(_("Stycket finns inte i dokumentet."))
    if place not in PLACES:
        raise ValueError(_("Välj var stycket ska ligga."))
    proposals = reading.get("proposals", {})
    keys = list(dict.fromkeys(str(key) for key in keys))
    if place == PROPOSAL:
        if not keys:
            raise ValueError(_("Välj minst ett förslag som stycket ska gälla."))
        if any(key not in proposals for key in keys):
            raise ValueError(_("Förslaget finns inte i remissen."))
    else:
        keys = []
    valid = {choice.value for choice in Stance} | {""}
    for key, stance in (stances or {}).items():
        proposal = proposals.get(str(key))
        if proposal is not None and stance in valid and stance != proposal.get("suggested", ""):
            proposal["chosen"] = stance
    before = paragraphs[index]
    read_keys = before.get("read_keys", before.get("keys", []))  # where the reader put it
    paragraphs[index] = {**before, "place": place, "keys": keys, "moved": True, "read_keys": read_keys}
    _withdraw_moved_evidence(reading)
    return recompute(reading)


def _withdraw_moved_evidence(reading: dict) -> None:
    """A stance stays suggested only while the sentence it rests on is still with the proposal (or
    in the summary or general views, where a statement on all proposals stands). Once staff moved
    it away the screen asks; without any text left the proposal is not addressed."""
    paragraphs = reading.get("paragraphs", [])
    general = " ".join(p["text"] for p in paragraphs if p["place"] in (SUMMARY, GENERAL))
    for key, proposal in reading.get("proposals", {}).items():
        # every move starts again from what the reader found, so moving a paragraph back restores it
        proposal.update(proposal.setdefault("read", {name: proposal.get(name) for name in READ_FIELDS}))
        evidence = " ".join((proposal.get("evidence") or "").split())
        if not proposal.get("stance") or not evidence:
            continue
        own = " ".join(p["text"] for p in paragraphs if p["place"] == PROPOSAL and key in p["keys"])
        if evidence in " ".join(own.split()) or evidence in " ".join(general.split()):
            continue
        has_text = any(p["place"] == PROPOSAL and key in p["keys"] and not p["heading"] for p in paragraphs)
        proposal.update(stance="", evidence="", rule="moved", confidence=0.0, ask=has_text, addressed=has_text)
        proposal["commented"] = has_text


def consequence_answers(text: str, questions: list[str]) -> tuple[dict[str, str], str]:
    """Split the consequence text onto the remiss's consequence questions: a paragraph goes to the
    one question its words name (a short heading-like line sets the question for what follows);
    what cannot be told apart is returned as text for the general views, under a heading."""
    answers: dict[str, list[str]] = {}
    rest: list[str] = []
    current = ""
    for part in (p.strip() for p in re.split(r"\n\s*\n", text or "")):
        if not part:
            continue
        named = [q for q in questions if q in CONSEQUENCE_WORDS and CONSEQUENCE_WORDS[q].search(part)]
        if len(part) < 80 and not part.endswith((".", ":", "!", "?")):  # a heading
            current = named[0] if len(named) == 1 else ""
            if current or GENERIC_CONSEQUENCES.match(part):
                continue  # the question (or the general heading added below) stands for it
        question = current or (named[0] if len(named) == 1 else "")
        if question:
            answers.setdefault(question, []).append(part)
        else:
            rest.append(part)
    general = ""
    if rest:
        general = _("Konsekvenser") + "\n\n" + "\n\n".join(rest)
    return {q: "\n\n".join(parts) for q, parts in answers.items()}, general


def place_label(place: str) -> str:
    return {
        SUMMARY: _("Sammanfattning"),
        GENERAL: _("Generella synpunkter"),
        CONSEQUENCES: _("Konsekvenser"),
        UNPLACED: _("Oplacerat"),
        FURNITURE: _("Utelämnat (brevhuvud, sidnummer o.d.)"),
    }.get(place, place)
