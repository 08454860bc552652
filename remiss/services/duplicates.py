"""Campaign and near-duplicate answers: answers whose text is (nearly) the same are grouped and
shown as a group ("12 svar med i stort sett samma text") — never merged: each still counts.

Text of an answer: its summary, general views, comments and consequence answers from the frozen
snapshot. Two answers belong together when at least ``THRESHOLD`` of the larger one's word
3-grams (shingles) also occur in the other. Candidates are found through an inverted index of
shingles, so 300 answers do not cost 45 000 full comparisons.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

THRESHOLD = 0.9
SHINGLE = 3
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
    """Groups of two or more keys whose texts overlap by ``threshold``; largest group first."""
    keys = list(texts)
    shingles = {key: _shingles(texts[key]) for key in keys}
    index: dict[int, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        for shingle in shingles[key]:
            index[shingle].append(position)
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for position, key in enumerate(keys):
        mine = shingles[key]
        if not mine:
            continue
        shared: dict[int, int] = defaultdict(int)
        for shingle in mine:
            for other in index[shingle]:
                if other > position:
                    shared[other] += 1
        for other, count in shared.items():
            if count / max(len(mine), len(shingles[keys[other]])) >= threshold:
                parent[root(other)] = root(position)
    groups: dict[int, list[str]] = defaultdict(list)
    for position, key in enumerate(keys):
        groups[root(position)].append(key)
    found = [DuplicateGroup(tuple(members)) for members in groups.values() if len(members) > 1]
    return sorted(found, key=lambda group: (-group.size, group.members[0]))


def duplicate_groups(submissions: dict) -> list[DuplicateGroup]:
    """Groups among submissions given as {organisation name: submission}; declines left out."""
    return group_texts({name: snapshot_text(s.snapshot) for name, s in submissions.items() if not s.declined})
