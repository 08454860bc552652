"""Read an answer's text onto a remiss's proposals: per proposal a suggested stance, the sentence it
rests on and a confidence. Only a person's confirmation makes a reading count (``remiss.services``).

Walk: the text is cut into headings, paragraphs and list items (``text.py``). Headings set the zone
(background and consequence sections describe, they do not answer) and may point at sections by
number or title. Sentences that point at the remiss ("avsnitt 7.2", a proposal's wording repeated in
a list) set the current scope; a sentence with a stance cue (``stance.py``) applies to what it names
itself, else to the scope, else it is a general statement — which covers every proposal only when
it is a blanket one ("ställer sig bakom förslagen i sin helhet", "har inga synpunkter"). With no
reference at all, the document is read as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .references import Index
from .stance import NO_VIEW, Cue, classify, own_part
from .structure import Structure
from .text import Block, blocks, sentences

BACKGROUND = re.compile(
    r"^(?:bakgrund|ärendet|ärendebeskrivning|beslutsunderlag|handlingar|sammanfattning av (?:betänkandet|betänkandena|promemorian|remissen|förslagen|utredningen)"
    r"|(?:utredningens|betänkandets|betänkandenas|promemorians|remissens) (?:förslag|innehåll|uppdrag)|innehåll|remissen\b|\S+ i stort\b)",
    re.IGNORECASE,
)
IGNORED = re.compile(
    r"konsekvens|^bilag|^beslutet (?:ska|skall) skickas|^expedieras|^för kännedom|^protokollsutdrag|^kopia",
    re.IGNORECASE,
)
ANSWERING = re.compile(
    r"synpunkt|yttrande|kommentar|ställningstagande|bedömning|övergripande|generell|allmän|inledning|sammanfattning|"
    r"förvaltningens|kontorets|nämndens|styrelsens|motivering|förslag till beslut|slutsats|avslutning|remissvar|svar",
    re.IGNORECASE,
)
MAIN_CLAUSE_END = re.compile(r",? (?:eftersom|då|därför att|vilket|emedan|så att|för att)\b")
BLANKET_OBJECT = re.compile(
    r"\b(?:förslagen|betänkandet|betänkandena|betänkandets förslag|promemorian|promemorians förslag|utredningens förslag"
    r"|delegationens förslag|remissen|remissens förslag|rekommendationerna|lagförslaget|lagförslagen|remitterade förslag\w*)\b"
)
REST = re.compile(r"\bi övrigt\b|\bför övrigt\b|\bövriga (?:förslag|delar|avsnitt)")
WHOLE = re.compile(
    r"\bi (?:sin|dess) helhet\b|\bsamtliga förslag|\balla (?:förslag|delar)|\bi allt väsentligt\b|\bi stort\b"
)

RANK_EXPLICIT, RANK_TEXT, RANK_KEYWORD, RANK_BLANKET, RANK_WHOLE = 5, 4, 3, 2, 1
BASE_CONFIDENCE = {RANK_EXPLICIT: 0.95, RANK_TEXT: 0.85, RANK_KEYWORD: 0.7, RANK_BLANKET: 0.75, RANK_WHOLE: 0.5}


@dataclass
class Finding:
    stance: str
    rank: int
    strength: float
    evidence: str

    @property
    def confidence(self) -> float:
        return round(BASE_CONFIDENCE[self.rank] * (0.7 + 0.3 * self.strength), 2)

    def beats(self, other: Finding | None) -> bool:
        return other is None or (self.rank, self.strength) > (other.rank, other.strength)


@dataclass
class ProposalReading:
    key: str
    section: str
    label: str
    stance: str = ""
    commented: bool = False
    confidence: float = 0.0
    evidence: str = ""

    def as_dict(self) -> dict:
        return {
            "section": self.section,
            "proposal": self.label,
            "stance": self.stance,
            "commented": self.commented,
            "confidence": self.confidence,
            "evidence": self.evidence,
        }


@dataclass
class Reading:
    general: str | None
    general_evidence: str
    proposals: list[ProposalReading]
    whole_document: bool = False

    def as_dict(self) -> dict:
        return {"general": self.general, "proposals": [proposal.as_dict() for proposal in self.proposals]}

    def by_key(self) -> dict[str, ProposalReading]:
        return {proposal.key: proposal for proposal in self.proposals}


@dataclass
class _State:
    zone: str = "answer"  # answer | background | ignored
    scope: list[str] = field(default_factory=list)
    scope_rank: int = RANK_TEXT
    scope_used: bool = False
    listing: bool = False  # inside a list the answer introduced as the report's proposals
    last_ref_block: int = -10
    last_ref_bullet: bool = False
    block_number: int = 0


class _Reader:
    def __init__(self, structure: Structure):
        self.index = Index(structure)
        self.findings: dict[str, Finding] = {}
        self.commented: set[str] = set()
        self.general: list[tuple[Cue, str, bool]] = []
        self.referenced = False
        self.state = _State()

    def read(self, text: str) -> None:
        for number, block in enumerate(blocks(text)):
            self.state.block_number = number
            if block.heading:
                self._heading(block)
            elif self.state.zone == "answer":
                for sentence in sentences(block):
                    self._sentence(sentence, block)

    def _heading(self, block: Block) -> None:
        refs = self.index.numbered(block.text) or self.index.titles(block.text, heading=True)
        state = self.state
        state.scope, state.scope_used = [], False
        if refs:
            state.zone, state.scope, state.scope_rank = "answer", refs, RANK_EXPLICIT
            state.last_ref_block = state.block_number
            self.referenced = True
            cue = classify(block.text)
            if cue:
                self._record(refs, cue, RANK_EXPLICIT, block.text)
        elif IGNORED.search(block.text):
            state.zone = "ignored"
        elif BACKGROUND.search(block.text):
            state.zone = "background"
        elif ANSWERING.search(block.text):
            state.zone = "answer"

    def _sentence(self, sentence: str, block: Block) -> None:
        state = self.state
        numbered = self.index.numbered(sentence)
        explicit = numbered or self.index.titles(sentence)
        quoted = self.index.proposal_texts(sentence)
        cue = classify(sentence)
        own = own_part(sentence)
        if cue is None:
            self._pointer(sentence, block, numbered, explicit or quoted, own)
            return
        main_clause = MAIN_CLAUSE_END.split(own, maxsplit=1)[0]
        if REST.search(own) and not explicit and (cue.stance == NO_VIEW or BLANKET_OBJECT.search(own)):
            self.general.append((cue, sentence, True))  # "i övrigt inga synpunkter": the rest of the remiss
            return
        if explicit:
            self._record(explicit, cue, RANK_EXPLICIT, sentence)
            state.scope, state.scope_rank, state.scope_used = explicit, RANK_EXPLICIT, True
        elif quoted:
            self._record(quoted, cue, RANK_TEXT, sentence)
            state.scope, state.scope_rank, state.scope_used = quoted, RANK_TEXT, True
        elif keys := self._keywords_within_scope(main_clause):
            self.referenced = True
            self._record(keys, cue, RANK_KEYWORD, sentence)
        elif state.scope:
            self._record(state.scope, cue, state.scope_rank, sentence)
            state.scope_used = True
        else:
            self.general.append((cue, sentence, self._is_blanket(cue, own)))

    def _pointer(self, sentence: str, block: Block, numbered: list[str], named: list[str], own: str) -> None:
        """A sentence without a stance may point at proposals and so set the scope: numbering replaces
        it; titles, quoted proposals and list items the answer introduced as the report's add up."""
        state = self.state
        listing = state.listing and block.bullet
        state.listing = listing or (not own and sentence.rstrip().endswith(":"))
        refs, rank = (numbered, RANK_EXPLICIT) if numbered else (named, RANK_TEXT)
        if not refs and (listing or not own):
            refs = self.index.keyword_hits(sentence)
        if not refs:
            if state.scope and own and not block.bullet:
                self.commented.update(state.scope)
            return
        self.referenced = True
        self._move_scope(refs, rank, block, bool(numbered), own)

    def _move_scope(self, refs: list[str], rank: int, block: Block, numbered: bool, own: str) -> None:
        """Items of one list, and a reporting sentence right after it, add up; anything else starts anew."""
        state = self.state
        continues_list = state.last_ref_bullet and state.block_number - state.last_ref_block == 1
        if set(refs) <= set(state.scope) and not state.scope_used:
            pass  # a list repeating what the numbering already pointed at
        elif continues_list and (block.bullet or not own) and not state.scope_used and not numbered:
            state.scope = state.scope + [key for key in refs if key not in state.scope]
        else:
            state.scope, state.scope_rank, state.scope_used = refs, rank, False
        state.last_ref_block, state.last_ref_bullet = state.block_number, block.bullet

    def _keywords_within_scope(self, text: str) -> list[str]:
        """Proposals a stance sentence names by a word only they use; inside a fresh scope only those
        of the scope count (a passing word about something else does not move the statement)."""
        keys = self.index.keyword_hits(text)
        scope = self.state.scope
        if scope and not self.state.scope_used:
            return [key for key in keys if key in scope]
        return keys

    @staticmethod
    def _is_blanket(cue: Cue, own: str) -> bool:
        """Explicit wording about the whole remiss; an attitude ("är positiv till betänkandet") is not."""
        if cue.strength < 0.9:
            return False
        if WHOLE.search(own):
            return True
        after = own.split(cue.phrase, 1)[-1] if cue.phrase in own else own
        if BLANKET_OBJECT.search(" ".join(after.split()[:6])):
            return True
        return cue.stance == NO_VIEW and not re.search(r"\b(?:ytterligare|vidare|andra)\b", own)

    def _record(self, keys: list[str], cue: Cue, rank: int, sentence: str) -> None:
        finding = Finding(cue.stance, rank, cue.strength, _clean(sentence))
        for key in keys:
            self.commented.add(key)
            if finding.beats(self.findings.get(key)):
                self.findings[key] = finding

    def result(self) -> Reading:
        general = max(self.general, key=lambda item: (item[2], item[0].strength), default=None)
        blanket = next((item for item in self.general if item[2]), None)
        fallback = None
        if blanket is not None:
            fallback = Finding(blanket[0].stance, RANK_BLANKET, blanket[0].strength, _clean(blanket[1]))
        elif general is not None and not self.referenced:
            fallback = Finding(general[0].stance, RANK_WHOLE, general[0].strength, _clean(general[1]))
        proposals = []
        for proposal in self.index.structure.proposals:
            finding = self.findings.get(proposal.key) or fallback
            reading = ProposalReading(key=proposal.key, section=proposal.section, label=proposal.label)
            if finding is not None:
                reading.stance, reading.confidence, reading.evidence = (
                    finding.stance,
                    finding.confidence,
                    finding.evidence,
                )
            reading.commented = proposal.key in self.commented or finding is not None
            proposals.append(reading)
        return Reading(
            general=general[0].stance if general else None,
            general_evidence=_clean(general[1]) if general else "",
            proposals=proposals,
            whole_document=not self.referenced,
        )


def _clean(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip()


def read_answer(text: str, structure: Structure) -> Reading:
    reader = _Reader(structure)
    reader.read(text)
    return reader.result()
