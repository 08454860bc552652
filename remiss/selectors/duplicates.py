"""Campaign and near-duplicate answers: answers whose text is (nearly) the same are grouped and
shown as a group ("12 svar med i stort sett samma text") — never merged: each still counts.

Text of an answer: its summary, general views, comments and consequence answers from the frozen
snapshot. Two answers belong together when at least ``THRESHOLD`` of the larger one's word
3-grams (shingles) also occur in the other. Candidates are found through an index of a small,
hash-ordered prefix of each answer's shingles (``group_texts``), so 300 answers do not cost 45 000
full comparisons.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

THRESHOLD = 0.9
SHINGLE = 3
PREFIX_MATCHES = 16  # shared prefix shingles that make two answers worth comparing in full
MIN_WORDS = 30  # shorter texts ("Vi tillstyrker.") are alike without being a campaign
WORD = re.compile(r"[0-9a-zåäöéü]+")


@dataclass(frozen=True)
class DuplicateGroup:
    members: tuple[str, ...]  # keys as given (e.g. organisation names), in the caller's order

    @property
    def size(self) -> int:
        return len(self.members)


def snapshot_text(snapshot: dict) -> str:
    parts = [snapshot.get("summary", ""), snapshot.get("general_comments", "")]
    parts += [answer.get("comment", "") for answer in snapshot.get("answers", [])]
    parts += [item.get("text", "") for item in snapshot.get("consequences", []) or []]
    return "\n".join(part for part in parts if part)


def _shingles(text: str) -> set[int]:
    words = WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return set()
    return {hash(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def group_texts(texts: dict[str, str], threshold: float = THRESHOLD) -> list[DuplicateGroup]:
    """Groups of two or more keys whose texts overlap by ``threshold``; largest group first.

    Candidates come from a prefix filter (the all-pairs similarity join): order every answer's
    shingles by one global order (their hash values); if two answers share ``a`` shingles, the k-th
    shared one lies within the first ``n - a + k`` of each. So answers sharing ``threshold`` of the
    larger one's shingles share at least ``PREFIX_MATCHES`` of their first ``n - ceil(threshold *
    n) + PREFIX_MATCHES``: only those prefixes (a tenth of each answer, like a MinHash sketch) are
    indexed and counted, and only answers that share enough of them are compared in full. 300
    answers cost about 300 sorts instead of 45 000 comparisons or a walk over every shared phrase.
    """
    keys = list(texts)
    shingles = [_shingles(texts[key]) for key in keys]
    index: dict[int, list[int]] = defaultdict(list)
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for position, mine in enumerate(shingles):
        if not mine:
            continue
        prefix = sorted(mine)[: len(mine) - math.ceil(threshold * len(mine) - 1e-9) + PREFIX_MATCHES]
        shared: Counter[int] = Counter()
        for shingle in prefix:
            shared.update(index[shingle])
            index[shingle].append(position)
        for other, count in shared.items():
            theirs = shingles[other]
            larger = max(len(mine), len(theirs))
            needed = math.ceil(threshold * larger - 1e-9)  # shared shingles that make them one group
            if count >= min(PREFIX_MATCHES, needed) and len(mine & theirs) / larger >= threshold:
                parent[root(other)] = root(position)
    groups: dict[int, list[str]] = defaultdict(list)
    for position, key in enumerate(keys):
        groups[root(position)].append(key)
    found = [DuplicateGroup(tuple(members)) for members in groups.values() if len(members) > 1]
    return sorted(found, key=lambda group: (-group.size, group.members[0]))


def duplicate_groups(submissions: dict) -> list[DuplicateGroup]:
    """Groups among submissions given as {organisation name: submission}; declines left out."""
    return group_texts({name: snapshot_text(s.snapshot) for name, s in submissions.items() if not s.declined})
