"""Read an answer's text onto a remiss's proposals: every paragraph to its place, and per proposal
a suggested stance, the sentence it rests on and a calibrated confidence. Only a person's
confirmation makes a reading count (``remiss.services``).

Walk: the text is cut into headings, paragraphs and list items (``text.py``); furniture (letterhead,
page numbers, signatures …) is set aside (``furniture.py``). Headings set the zone (``zones.py``:
summary, background, general views, consequences) or point at proposals by number or title.
Sentences that point at the remiss ("avsnitt 7.2", a proposal's wording repeated in a list) set the
current scope; a sentence with a stance cue (``stance.py``) applies to what it names itself, else to
the scope, else it is a general statement — which covers proposals only when it says so ("i sin
helhet", "i övrigt"). A paragraph lands on the proposals its sentences point at, else on the scope,
else in its zone. ``clauses.py`` knows what a statement is about and how far it reaches;
``combine.py`` turns what was found into the reading.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .clauses import (
    ANAPHOR,
    BLANKET_OBJECT,
    BRACKETED,
    BUT,
    CLOSING,
    DEMONSTRATIVE,
    EXCEPT,
    NAMING,
    PASSING,
    REMOVAL,
    REST,
    TOPIC,
    WHOLE,
    clean,
    coordinated_clauses,
    decision_clauses,
    directly_named,
    is_blanket,
    object_part,
)
from .combine import RANK_EXPLICIT, RANK_KEYWORD, RANK_TEXT, Finding, General, combine
from .contract import CONSEQUENCES, FURNITURE, GENERAL, PROPOSAL, SUMMARY, UNPLACED, Paragraph, Reading
from .furniture import furniture_flags
from .references import LONG_KEYWORD, NAMED_ITEMS, Index
from .relative import affirmed, affirms_against, negates_proposal
from .stance import (
    AFFIRMED_ACTION,
    KEEP,
    NEGATED_ACTION,
    NO_VIEW,
    PARTLY,
    Cue,
    classify,
    own_part,
)
from .structure import Structure
from .text import Block, blocks, sentences, stems
from .zones import BACKGROUND, SUBHEADING, zone_of

READING_ZONES = (SUMMARY, GENERAL, PROPOSAL, UNPLACED)
RELATIVE = (KEEP, NEGATED_ACTION, AFFIRMED_ACTION)
REST_OBJECT = re.compile(r"\bövriga (?:förslag|delar)\b")  # stances that depend on the proposal's wording
RUBRICATED = re.compile(
    r"\b(?:ovan |här )?(?:rubricerade|remitterade|ovannämnda) (?:departements)?"
    r"(?:promemori\w*|betänkande\w*|remiss\w*|rapport\w*|förslag\w*|proposition\w*)"
)
ANSWER_TITLE = re.compile(
    r"^(?:remissvar|remissyttrande|yttrande|utlåtande|svar)\b(?: \w+){0,2}? (?:avseende|över|om|angående|på|gällande|rörande)\b"
    r"|\bsvar på remiss\b|\b(?:SOU|Ds) \d{4}:\d+",
    re.I,
)


class _State:
    def __init__(self) -> None:
        self.zone = GENERAL  # a letter without headings is the body's general text
        self.scope: list[str] = []
        self.scope_rank = RANK_TEXT
        self.scope_reference = "scope"
        self.scope_used = False
        self.listing = False  # inside a list the answer introduced as the report's proposals
        self.last_ref_block = -10
        self.last_ref_bullet = False
        self.block_number = 0

    def set_scope(self, keys: list[str], rank: int, reference: str, used: bool = False) -> None:
        self.scope, self.scope_rank, self.scope_reference, self.scope_used = keys, rank, reference, used


class _Reader:
    def __init__(self, structure: Structure):
        self.index = Index(structure)
        self.findings: dict[str, list[Finding]] = defaultdict(list)
        self.general: list[General] = []
        self.referenced = False
        self.state = _State()
        self.paragraphs: list[Paragraph] = []
        self.block_keys: list[str] = []
        self.block_general = False  # the paragraph holds a statement about the whole remiss

    # --- the walk -------------------------------------------------------------------------------

    def read(self, text: str) -> None:
        items = blocks(text)
        flags = furniture_flags([block.text for block in items], self._names_proposals)
        for number, (block, furniture) in enumerate(zip(items, flags, strict=True)):
            self.state.block_number = number
            if furniture or block.furniture or (self.state.zone == FURNITURE and not block.heading):
                self.paragraphs.append(Paragraph(block.text, FURNITURE, heading=block.heading))
            elif block.heading and not _reads_as_text(block):
                self._heading(block)
            else:
                self._paragraph(block)

    def _names_proposals(self, text: str) -> bool:
        return bool(self.index.numbered(text) or self.index.titles(text, heading=True))

    def _paragraph(self, block: Block) -> None:
        self.block_keys = []
        self.block_general = False
        if CLOSING.match(block.text) and self.state.scope_reference != "heading":
            self.state.scope = []  # "Avslutningsvis vill kommunen …": back to the general text
            if self.state.zone == UNPLACED:
                self.state.zone = GENERAL
        if self.state.zone in READING_ZONES:
            for sentence in sentences(block):
                self._sentence(sentence, block)
        else:
            self._closing_statements(block)
        self.paragraphs.append(self._place(block))
        if self.state.scope_reference == "keyword":
            self.state.scope = []

    def _closing_statements(self, block: Block) -> None:
        """Outside the answering zones only a statement about the rest of the remiss counts
        ("Kommunen har i övrigt inga synpunkter" after the consequences)."""
        for sentence in sentences(block):
            cue = classify(sentence)
            if cue is not None and (coverage := self._coverage(cue, own_part(sentence), False)) == "rest":
                self.general.append(General(cue, clean(sentence), coverage, set()))
                self.block_general = True

    def _place(self, block: Block) -> Paragraph:
        zone = self.state.zone
        if self.block_general and not self.block_keys and zone != SUMMARY and len(sentences(block)) <= 2:
            return Paragraph(block.text, GENERAL)  # "… har i övrigt inga synpunkter."
        if zone in (BACKGROUND, SUMMARY):
            return Paragraph(block.text, SUMMARY)
        if zone == CONSEQUENCES:
            return Paragraph(block.text, CONSEQUENCES)
        keys = list(dict.fromkeys(self.block_keys)) or list(self.state.scope)
        if self.state.scope_reference == "heading" and set(keys) <= set(self.state.scope):
            keys = list(self.state.scope)  # under a heading the text belongs to all it names
        if keys:
            return Paragraph(block.text, PROPOSAL, keys=keys)
        return Paragraph(block.text, GENERAL if zone == GENERAL else UNPLACED)

    def _heading(self, block: Block) -> None:
        state = self.state
        refs = self._narrow(block.text, self.index.numbered(block.text), self.index.proposal_texts(block.text))
        refs = refs or self.index.titles(block.text, heading=True)
        title = bool(ANSWER_TITLE.search(block.text)) and not self.index.numbered(block.text)
        if title:
            refs = []  # "Remissvar avseende Ds 2011:32 …": the answer's own title, not a proposal's
        zone = zone_of(block.text)
        if not refs and not title and zone is None and state.zone in (GENERAL, PROPOSAL, UNPLACED):
            refs = self._heading_keywords(block.text)
        if refs:
            state.zone = PROPOSAL
            state.set_scope(refs, RANK_EXPLICIT, "heading")
            state.last_ref_block = state.block_number
            self.referenced = True
            if cue := classify(block.text):
                self._record(refs, cue, RANK_EXPLICIT, "heading", block.text)
        elif zone == SUBHEADING:
            if state.zone != PROPOSAL:
                state.zone, state.scope = GENERAL, []
        elif zone is not None:
            state.zone, state.scope = zone, []
        else:
            state.scope = []
            if state.zone == PROPOSAL:
                state.zone = UNPLACED
        place = {BACKGROUND: SUMMARY}.get(state.zone, state.zone)
        keys = list(state.scope) if state.zone == PROPOSAL else []
        self.paragraphs.append(Paragraph(block.text, place if keys or place != PROPOSAL else UNPLACED, keys, True))

    def _heading_keywords(self, text: str) -> list[str]:
        """A heading naming a proposal by a word only its section uses ("Frikommunförsök")."""
        keys = self.index.keyword_hits(text)
        sections = {self.index.proposal(key).section for key in keys}
        return keys if len(sections) == 1 else []

    # --- sentences ------------------------------------------------------------------------------

    def _sentence(self, sentence: str, block: Block, clause: bool = False) -> None:
        """A sentence may hold several statements: the att-clauses of a decision ("beslutar att
        tillstyrka …, att avstyrka …") and "välkomnar X men är tveksam till Y"."""
        clauses = decision_clauses(sentence)
        if len(clauses) == 1:
            clauses = coordinated_clauses(sentence, self._names_something)
        if len(clauses) > 1:
            for number, part in enumerate(clauses):
                self._statement(part, block, clause=number > 0)
            return
        parts = BUT.split(sentence, maxsplit=1)
        first, second = (parts[0], parts[1]) if len(parts) == 2 else (sentence, "")
        named_by_number = bool(self.index.numbered(second) or self.index.titles(second))
        own_clause = named_by_number or (self._names_something(second) and not ANAPHOR.match(second))
        if second and classify(first) and classify(second) and own_clause:
            self._statement(first, block, clause)
            self._statement(second, block, clause=True)
            return
        self._statement(sentence, block, clause)

    def _names_something(self, clause: str) -> bool:
        return bool(self.index.numbered(clause) or self.index.titles(clause) or self.index.keyword_hits(clause))

    def _statement(self, sentence: str, block: Block, clause: bool = False) -> None:
        cue = classify(sentence) or affirmed(sentence)
        head, excepted = self._exception(sentence) if cue else (sentence, [])
        if excepted:
            cue = classify(head) or cue  # "tillstyrker förslagen med undantag för …": the head's own stance
        quoted = self.index.proposal_texts(head)
        numbered = self._narrow(head, self.index.numbered(head), quoted)
        explicit = numbered or list(dict.fromkeys(self.index.titles(head) + quoted + self._listed(head)))
        own = own_part(head)
        if cue is None:
            self._pointer(sentence, block, numbered, explicit or quoted, own)
            return
        if excepted:
            self._record_exception(sentence, head, cue, excepted)
            explicit = [key for key in explicit if key not in excepted]
            quoted = [key for key in quoted if key not in excepted]
        named = (explicit, RANK_EXPLICIT) if explicit else (quoted, RANK_TEXT)
        self._apply(cue, sentence, own, bool(numbered), named, excepted, clause)

    def _record_exception(self, sentence: str, head: str, cue: Cue, excepted: list[str]) -> None:
        """ "… utom förslaget om X, som kommunen avstyrker": the exception's own stance, else partly."""
        tail_cue = classify(sentence[len(head) :])
        exception = tail_cue if tail_cue is not None else Cue("partly", 0.5, cue.phrase, "exception")
        self._record(excepted, exception, RANK_KEYWORD, "exception", sentence)

    def _apply(
        self,
        cue: Cue,
        sentence: str,
        own: str,
        numbered: bool,
        named: tuple[list[str], int],
        excepted: list[str],
        clause: bool,
    ) -> None:
        """A stance statement to what it names, the whole remiss or the rest, else by its words."""
        keys, rank = named
        subject_matter = object_part(cue, own, self.index)
        if cue.kind in RELATIVE and not keys:
            self._relative(cue, sentence, subject_matter)
            return
        by_keyword = bool(self.index.keyword_hits(subject_matter))
        coverage = "" if numbered else self._coverage(cue, own, bool(keys), by_keyword)
        if coverage:
            self.general.append(General(cue, clean(sentence), coverage, set(excepted)))
            self.block_general = True
        elif keys:
            self.referenced = True
            self._record(keys, cue, rank, "named", sentence)
            self.state.set_scope(keys, rank, "named", used=True)
        else:
            self._unnamed(cue, sentence, subject_matter, own, clause)

    def _relative(self, cue: Cue, sentence: str, subject_matter: str) -> None:
        """A statement whose stance depends on the proposal's own wording ("… inte bör förlängas",
        "ska finnas kvar") counts only on proposals it reaches; it is never a general statement."""
        clause = own_part(sentence).split(" att ", 1)[-1]  # "anser att tillsynen även fortsättningsvis …"
        keys = (
            self._keywords_within_scope(subject_matter, named=True)
            or self.index.short_title_keys(clause)
            or self.state.scope
        )
        if keys:
            self.referenced = True
            reference = "keyword" if not self.state.scope or keys != self.state.scope else self.state.scope_reference
            self._record(keys, cue, RANK_KEYWORD, reference, sentence)

    def _unnamed(self, cue: Cue, sentence: str, subject_matter: str, own: str, clause: bool) -> None:
        """A statement that names no proposal by number, title or wording: by its words, else the
        scope, else a general statement."""
        if keys := self._keywords_within_scope(
            subject_matter,
            named=clause or bool(TOPIC.match(own)) or directly_named(cue, own, self.index) or self._subject(cue, own),
        ):
            self.referenced = True
            self._record(keys, cue, RANK_KEYWORD, "keyword", sentence)
            if self.state.scope_reference != "heading":
                self.state.set_scope(keys, RANK_KEYWORD + 1, "keyword", used=True)  # for the rest of the paragraph
        elif self.state.scope and self.state.scope_reference in ("keyword", "named") and NAMED_ITEMS.search(sentence):
            return  # "Förslaget om X …" about a proposal it did not reach: not the one named before
        elif self.state.scope:
            # what a heading or list put in scope counts fully; what an earlier sentence named, less
            inherited = self.state.scope_rank - (0 if self.state.scope_reference in ("heading", "scope") else 1)
            self._record(self.state.scope, cue, inherited, self.state.scope_reference, sentence)
            self.state.scope_used = True
        else:
            self.general.append(General(cue, clean(sentence), "", set()))

    def _subject(self, cue: Cue, own: str) -> bool:
        """The sentence's subject, before a closing stance phrase, names a proposal ("Ökad delegering
        av rovdjursförvaltningen till länsstyrelserna är positivt")."""
        before, _, after = own.partition(cue.phrase)
        return bool(before.strip() and len(after.split()) <= 2 and self.index.keyword_hits(before))

    def _listed(self, sentence: str) -> list[str]:
        """Proposals a stance sentence names by short titles; inside a list the numbering put in
        scope, also those its words name ("Avsnitt 2.1 och 2.2. Kommunen tillstyrker kravet på
        förarbevis och åldersgränsen.")."""
        keys = self.index.short_titles(sentence)
        if self.state.scope and not self.state.scope_used and self.state.scope_reference == "scope":
            keys += [key for key in self.index.keyword_hits(sentence) if key in self.state.scope]
        return keys

    def _narrow(self, sentence: str, numbered: list[str], quoted: list[str]) -> list[str]:
        """Of the section a bracket at the end names ("… samverkan med lärosätena (avsnitt 7.3.1)"),
        the proposal the text is about."""
        inside = [key for key in quoted if key in numbered]
        if inside or len(numbered) < 2 or not BRACKETED.search(sentence):
            return inside or numbered
        return self.index.closest(BRACKETED.sub("", sentence), numbered) or numbered

    def _coverage(self, cue: Cue, own: str, named: bool, by_keyword: bool = False) -> str:
        """ "all" for a statement about the whole remiss, "rest" for one about what the answer does
        not otherwise address ("i övrigt", "övriga förslag"), "" for anything else."""
        state = self.state
        if WHOLE.search(" ".join(object_part(cue, own).split()[:4])) and not state.scope:
            return "all"  # "tillstyrker alla förslag och lämnar kommentarer på förslaget om …"
        if named:
            return ""
        explicit_rest = REST_OBJECT.search(own)  # "lämnar övriga förslag utan erinran"
        if REST.search(own) and (
            cue.stance == NO_VIEW or BLANKET_OBJECT.search(own) or cue.strength >= 0.9 or explicit_rest
        ):
            return "rest"
        if by_keyword:
            return ""
        if RUBRICATED.search(own):
            return "all"  # "inga synpunkter på ovan rubricerade departementspromemoria"
        in_scope = state.scope and (state.scope_reference == "heading" or not state.scope_used)
        if in_scope and (DEMONSTRATIVE.search(own) or not WHOLE.search(own)):
            return ""  # "tillstyrker förslagen" under a heading or after a list: the ones in scope
        return "all" if is_blanket(cue, own) else ""

    def _exception(self, sentence: str) -> tuple[str, list[str]]:
        """ "… inga invändningar mot förslagen förutom förslaget om frikommunförsök": the part before
        the exception and the proposals excepted."""
        match = EXCEPT.search(sentence)
        if match is None:
            return sentence, []
        tail = sentence[match.end() :]
        keys = (
            self.index.numbered(tail)
            or self.index.titles(tail)
            or self.index.proposal_texts(tail)
            or self.index.keyword_hits(tail)
        )
        return (sentence[: match.start()], keys) if keys else (sentence, [])

    def _pointer(self, sentence: str, block: Block, numbered: list[str], named: list[str], own: str) -> None:
        """A sentence without a stance may point at proposals and so set the scope: numbering replaces
        it; titles, quoted proposals and list items the answer introduced as the report's add up."""
        state = self.state
        listing = state.listing and block.bullet
        state.listing = listing or (not own and sentence.rstrip().endswith(":"))
        refs, rank = (numbered, RANK_EXPLICIT) if numbered else (named, RANK_TEXT)
        if not numbered and ANSWER_TITLE.search(sentence):
            return  # the answer's own title, written as a paragraph
        if not refs and (listing or not own):
            refs = self.index.keyword_hits(sentence)
        elif not refs and (passing := PASSING.search(sentence)):  # "… kommentera rekommendationen om X"
            refs = self._named_in_passing(passing.group(1))
        if not refs:
            return
        self.referenced = True
        self.block_keys.extend(refs)
        self._move_scope(refs, rank, block, bool(numbered), own)

    def _named_in_passing(self, sentence: str) -> list[str]:
        """Proposals a sentence without a stance names by their words ("förslaget om X"): one
        section's, narrowed to the proposal it describes."""
        keys = list(self.index.keyword_counts(sentence))
        sections = {self.index.proposal(key).section for key in keys}
        if len(sections) != 1:
            return []
        return self.index.closest(sentence, keys) or keys if len(keys) > 1 else keys

    def _move_scope(self, refs: list[str], rank: int, block: Block, numbered: bool, own: str) -> None:
        """Items of one list, and a reporting sentence right after it, add up; anything else starts anew."""
        state = self.state
        continues_list = state.last_ref_bullet and state.block_number - state.last_ref_block == 1
        if set(refs) <= set(state.scope) and not state.scope_used:
            pass  # a list repeating what the numbering already pointed at
        elif continues_list and (block.bullet or not own and not numbered) and not state.scope_used:
            state.scope = state.scope + [key for key in refs if key not in state.scope]
        else:
            state.set_scope(refs, rank, "scope")
        state.last_ref_block, state.last_ref_bullet = state.block_number, block.bullet

    def _keywords_within_scope(self, text: str, named: bool = False) -> list[str]:
        """Proposals a stance sentence names by words only they use (two of them, or one where the
        sentence speaks of a proposal: "förslaget om …", "När det gäller …"); inside a fresh scope
        only those of the scope count (a passing word about something else does not move it). Under
        a heading that names proposals the text is about them: words alone do not move it."""
        if self.state.scope_reference == "heading" and self.state.scope:
            return []
        counts = self.index.keyword_counts(text)
        keys = [
            key for key, count in counts.items() if count >= 2 or named or NAMING.search(text) or self._long(key, text)
        ]
        if len(keys) > 1:
            sections = {self.index.proposal(key).section for key in keys}
            if len(sections) == 1:  # of one section's proposals, the one the words describe
                keys = self.index.closest(text, keys) or keys
        scope = self.state.scope
        if scope and not self.state.scope_used and not named:
            return [key for key in keys if key in scope]
        return keys

    def _long(self, key: str, text: str) -> bool:
        """The text uses a long word only this proposal's section has."""
        return any(len(item) >= LONG_KEYWORD and key in self.index.keywords.get(item, ()) for item in set(stems(text)))

    def _record(self, keys: list[str], cue: Cue, rank: int, reference: str, sentence: str) -> None:
        finding = Finding(cue, rank, reference, clean(sentence))
        if cue.kind == KEEP:  # "ska finnas kvar" argues only against removing it
            keys = [key for key in keys if REMOVAL.search(self.index.proposal(key).text)]
            if reference == "keyword":  # kept by a word it shares: perhaps a part of what moves
                finding = Finding(Cue(PARTLY, 0.5, cue.phrase, KEEP), rank, reference, clean(sentence))
        if cue.kind == NEGATED_ACTION:  # "… inte bör förlängas" argues against a proposal that does so
            keys = [key for key in keys if negates_proposal(cue.phrase, self.index.proposal(key).text)]
        if cue.kind == AFFIRMED_ACTION:  # "… måste införas" against "… bör inte införas"
            keys = [key for key in keys if affirms_against(cue.phrase, self.index.proposal(key).text)]
        for key in keys:
            self.findings[key].append(finding)
        self.block_keys.extend(keys)

    def result(self) -> Reading:
        return combine(self.index.structure, self.findings, self.general, self.paragraphs, self.referenced)


def _reads_as_text(block: Block) -> bool:
    """A short line without a full stop that takes a stance is a sentence, not a heading."""
    cue = classify(block.text)
    return cue is not None and len(block.text.split()) >= 4


def read_answer(text: str, structure: Structure) -> Reading:
    reader = _Reader(structure)
    reader.read(text)
    return reader.result()
