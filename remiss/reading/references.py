"""Where a piece of an answer points in the remiss: numbering ("7.1.1", "avsnitt 5.2",
"4.2.1–4.2.2", "kapitel 7"), a section's title repeated, a proposal's own wording repeated, or a word
that only one part of the remiss uses ("frikommunförsök", "skollagen")."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from .structure import ProposalRef, SectionRef, Structure, number_parts
from .text import stem, stems

NUMBER = r"\d{1,2}(?:\.\d{1,2}){1,3}"
NUMBERED = re.compile(
    rf"(?<![\d.:/§-])({NUMBER})(?:\s*(?:[–—-]|till)\s*({NUMBER}))?"
    r"(?![\d]|\.\d|\s*%|\s*(?:procent|miljon|miljard|kr\b|kronor|mnkr|mdkr|tkr|timmar|år\b|dagar|§))",
    re.IGNORECASE,
)
CHAPTER = re.compile(r"\b(?:kapitel|kap\.?)\s*(\d{1,2})(?![\d.]|\s*§|\s*kap)", re.IGNORECASE)
# Words of any remiss and any answer (its parties, its vocabulary) rather than of a part of this one.
GENERIC_STEMS = (
    "delegation",
    "utredning",
    "kommitté",
    "regering",
    "riksdag",
    "departement",
    "myndighet",
    "betänkand",
    "promemori",
    "förslag",
    "rekommendation",
    "kommun",
    "landsting",
    "region",
    "synpunkt",
    "remiss",
    "yttrand",
    "avsnitt",
    "kapitel",
    "ställningstagand",
    "bedömning",
    "konsekvens",
    "förutsättning",
    "verksamhet",
    "utveckling",
    "möjlighet",
)
COMMITTEE_ENDINGS = ("delegatio", "delegation", "kommitté", "utredning", "utredare", "utredningen")
TEXT_COVERAGE = 0.6
TITLE_COVERAGE = 0.75
MIN_KEYWORD_LENGTH = 7
LONG_KEYWORD = 12  # a compound this long that only one section uses names it by itself ("vattenskoteråkning")
# "förslagen om förarbevis, åldersgräns och hastighetsbegränsning": what a proposal is named by
NAMED_ITEMS = re.compile(
    r"\b(?:förslag\w*|bedömning\w*|rekommendation\w*) (?:om|att|till|angående|avseende|kring|rörande)\b(.{3,160})", re.I
)
ITEM_END = re.compile(r",? (?:som|vilket|vilka|eftersom|då|men|därför att)\b|[.;:()]")


def _generic(item: str) -> bool:
    """A generic word or one barely longer ("utredningen"); a compound ("utredningsarbete",
    "försöksverksamhet") is not."""
    if item.endswith(COMMITTEE_ENDINGS):
        return True  # the committee's name ("Tillitsdelegationen") belongs to every part of its report
    return any(
        item.endswith(generic)
        and len(item) - len(generic) < 5
        or item.startswith(generic)
        and len(item) - len(generic) < 3
        for generic in _GENERIC
    )


_GENERIC = tuple({*GENERIC_STEMS, *(stem(generic) for generic in GENERIC_STEMS)})


def _within(present: set[str], title: set[str]) -> bool:
    """Every word is in the title, or begins a longer compound there ("strandskydd" in
    "strandskyddsdispens")."""
    return all(
        word in title or len(word) >= 8 and any(item.startswith(word) and len(item) - len(word) >= 3 for item in title)
        for word in present
    )


class Index:
    def __init__(self, structure: Structure):
        self.structure = structure
        self.sections = [section for section in structure.sections if section.parts]
        documents: list[set[str]] = []
        self.proposal_stems: dict[str, set[str]] = {}
        self._text_stems: dict[str, set[str]] = {}
        self.title_stems: dict[str, set[str]] = {}
        for section in structure.sections:
            self.title_stems[section.number] = set(stems(section.title))
            documents.append(self.title_stems[section.number])
            for proposal in section.proposals:
                first = re.split(r"(?<=[.!?])\s+", proposal.text.strip(), maxsplit=1)[0]
                self.proposal_stems[proposal.key] = set(stems(first))
                self._text_stems[proposal.key] = set(stems(proposal.text))
                documents.append(set(stems(proposal.text)))
        df: dict[str, int] = defaultdict(int)
        for document in documents:
            for item in document:
                df[item] += 1
        total = max(len(documents), 1)
        self.weight = {item: math.log(1 + total / count) for item, count in df.items()}
        self.keywords = self._keywords()

    def _keywords(self) -> dict[str, list[str]]:
        """Stems used by the proposals of one section only, mapped to the proposals that use them."""
        owners: dict[str, set[str]] = defaultdict(set)
        users: dict[str, list[str]] = defaultdict(list)
        for section in self.structure.sections:
            for item in self.title_stems[section.number]:
                owners[item].add(section.number)
                users[item].extend(proposal.key for proposal in section.proposals)
            for proposal in section.proposals:
                for item in set(stems(proposal.text)):
                    owners[item].add(section.number)
                    users[item].append(proposal.key)
        return {
            item: sorted(set(users[item]), key=self._order)
            for item, sections in owners.items()
            if len(sections) == 1 and len(item) >= MIN_KEYWORD_LENGTH and not _generic(item)
        }

    def _order(self, key: str) -> int:
        for position, proposal in enumerate(self.structure.proposals):
            if proposal.key == key:
                return position
        return 0

    # --- kinds of reference ---------------------------------------------------------------------

    def numbered(self, text: str) -> list[str]:
        found: list[SectionRef] = []
        for match in NUMBERED.finditer(text):
            start, end = number_parts(match.group(1)), number_parts(match.group(2) or "")
            found.extend(self._range(start, end) if end else self._resolve(start))
        for match in CHAPTER.finditer(text):
            chapter = (int(match.group(1)),)
            found.extend(section for section in self.sections if section.parts[:1] == chapter)
        return self._keys(found)

    def _resolve(self, parts: tuple[int, ...]) -> list[SectionRef]:
        exact = [section for section in self.sections if section.parts == parts]
        if exact:
            return exact
        below = [section for section in self.sections if section.parts[: len(parts)] == parts]
        if below:
            return below
        above = [s for s in self.sections if len(s.parts) >= 2 and parts[: len(s.parts)] == s.parts]
        return sorted(above, key=lambda s: len(s.parts))[-1:]

    def _range(self, start: tuple[int, ...], end: tuple[int, ...]) -> list[SectionRef]:
        return [
            section
            for section in self.sections
            if start <= section.parts[: len(start)] and (section.parts <= end or section.parts[: len(end)] == end)
        ]

    def titles(self, text: str, *, heading: bool = False) -> list[str]:
        """Sections whose title the text repeats; a one-word title only as a heading of its own. A
        heading may shorten the title ("En ny jämställdhetsmyndighet"): the best match then counts."""
        present = set(stems(text))
        found = []
        if heading and present:
            shortened = [
                (self._coverage(self.title_stems[section.number], present), section)
                for section in self.structure.sections
                if present <= self.title_stems[section.number]
                and self._coverage(present, self.title_stems[section.number]) >= 0.99
            ]
            if len(shortened) == 1 and len(present) >= 2:  # all its words in one title only
                return self._keys([shortened[0][1]])
            shortened = [(score, section) for score, section in shortened if score >= 0.5]
            if shortened:
                return self._keys([max(shortened, key=lambda item: item[0])[1]])
        for section in self.structure.sections:
            title = self.title_stems[section.number]
            if not title or len(title) < 2 and not (heading and title <= present and len(present) <= 3):
                continue
            if self._coverage(title, present) >= TITLE_COVERAGE:
                found.append(section)
        return self._keys(found)

    def proposal_texts(self, text: str) -> list[str]:
        present = set(stems(text))
        return [
            proposal.key
            for proposal in self.structure.proposals
            if len(self.proposal_stems[proposal.key]) >= 3
            and len(self.proposal_stems[proposal.key] & present) >= 3
            and self._coverage(self.proposal_stems[proposal.key], present) >= TEXT_COVERAGE
        ]

    def keyword_hits(self, text: str) -> list[str]:
        keys: list[str] = []
        for item in set(stems(text)):
            for key in self.keywords.get(item, ()):
                if key not in keys:
                    keys.append(key)
        return sorted(keys, key=self._order)

    def closest(self, text: str, keys: list[str]) -> list[str]:
        """Of ``keys``, the one proposal whose wording the text shares most, when it clearly does."""
        present = set(stems(text))
        scored = sorted(
            ((sum(self.weight.get(item, 1.0) for item in self._text_stems[key] & present), key) for key in keys),
            reverse=True,
        )
        (best, key), (second, _) = scored[0], scored[1]
        return [key] if best >= 3.0 and best >= 1.5 * second else []

    def short_titles(self, text: str) -> list[str]:
        """Sections a stance's object names by short titles ("förslagen om förarbevis, åldersgräns och
        hastighetsbegränsning nära stranden", "bedömningen att tillsynen …"): each item's first words
        found in one section's title only. Only a plural ("förslagen om") lists several."""
        match = NAMED_ITEMS.search(text)
        if match is None:
            return []
        named = ITEM_END.split(match.group(1), maxsplit=1)[0]
        named = re.sub(
            r"(\w)- (?!och\b|eller\b|samt\b|till\b)(?=[a-zåäö])", r"\1", named
        )  # a word hyphenated at a line end
        plural = re.match(r"(?:förslagen|bedömningarna|rekommendationerna)\b", match.group(0), re.I)
        items = re.split(r",\s*|\s+(?:och|samt|eller)\s+", named) if plural else [named]
        found: list[SectionRef] = []
        for item in items:
            for section in self._short_titles(item):
                if section not in found:
                    found.append(section)
        return self._keys(found)

    def short_title_keys(self, text: str) -> list[str]:
        """The proposals of the one section whose title a phrase's first words belong to ("tillsynen …")."""
        return self._keys(self._short_titles(text))

    def _short_titles(self, item: str) -> list[SectionRef]:
        """The one section whose title holds an item's first words (none when several do)."""
        words = list(stems(item))
        for size in (3, 2, 1):
            present = set(words[:size])
            if len(words) < size or any(_generic(word) or len(word) < 5 for word in present):
                continue
            owners = [s for s in self.structure.sections if _within(present, self.title_stems[s.number])]
            if len(owners) == 1:
                return owners
        return []

    def keyword_counts(self, text: str) -> dict[str, int]:
        """Per proposal, how many of its own words the text uses (in remiss order)."""
        counts: dict[str, int] = defaultdict(int)
        for item in set(stems(text)):
            for key in self.keywords.get(item, ()):
                counts[key] += 1
        return {key: counts[key] for key in sorted(counts, key=self._order)}

    def _coverage(self, wanted: set[str], present: set[str]) -> float:
        total = sum(self.weight.get(item, 1.0) for item in wanted)
        return sum(self.weight.get(item, 1.0) for item in wanted & present) / total if total else 0.0

    @staticmethod
    def _keys(sections: list[SectionRef]) -> list[str]:
        keys: list[str] = []
        for section in sections:
            for proposal in section.proposals:
                if proposal.key not in keys:
                    keys.append(proposal.key)
        return keys

    def proposal(self, key: str) -> ProposalRef:
        return next(proposal for proposal in self.structure.proposals if proposal.key == key)
