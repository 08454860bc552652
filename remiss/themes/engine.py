"""find_themes: the recurring arguments among the answers to one proposal.

1. Each answer is split into sentences; sentences that only state a stance are dropped.
2. Near-identical answers (campaigns) are grouped; only one text of each group is clustered.
3. Sentences are vectorised (see features.py) in a space fitted on this proposal's sentences.
4. Confirmed (existing) themes keep their sentences; other sentences similar enough to one of them
   are assigned to it.
5. The remaining sentences are clustered (average linkage, cosine distance threshold); a cluster
   becomes a theme when at least ``min_answers`` different texts carry it.
6. Sentences left over join the nearest theme when similar enough; the other texts of a campaign
   follow their representative's sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from .assemble import assemble
from .clauses import split_clauses
from .cluster import agglomerate, centroids, nearest
from .dedupe import near_identical_groups
from .features import FeatureSpace, Method
from .model import Answer, ExistingTheme, Proposal, Quote, Theme
from .text import Sentence, is_stance_only, name_words, split_sentences, words
from .units import Unit


@dataclass(frozen=True)
class Settings:
    """Tuning of the engine; the defaults are the measured choice (docs/decisions/0007-themes.md)."""

    method: Method = "words+chars+frames"  # the feature blocks (features.py)
    char_weight: float = 1.0  # weight of the character n-gram block
    frame_weight: float = 0.6  # weight of the argument-frame block
    distance_threshold: float = 0.9  # cosine distance at which average-linkage merging stops
    join_similarity: float = 0.35  # a leftover sentence joins a new theme at this cosine to its centroid
    member_similarity: float = 0.15  # members further from the other members' centroid are pruned
    pair_similarity: float = 0.1  # a theme of exactly min_answers texts needs this mean pair cosine
    existing_similarity: float = 0.2  # a sentence joins a confirmed theme at this cosine to its centroid
    duplicate_similarity: float = 0.8  # a campaign copy's sentence follows its representative's from here
    min_answers: int = 2  # different texts (campaigns counted once) that must carry a theme
    split_clauses: bool = True  # a sentence with two main clauses is clustered as two parts


DEFAULT_SETTINGS = Settings()
# Shorter "sentences" are headings ("Ekonomiska konsekvenser") or fragments, not arguments.
MIN_WORDS = 3


@dataclass
class _Run:
    """The state of one run: sentence rows, their vectors, and the theme of each row (-1: none)."""

    settings: Settings
    answers: list[Answer]
    units: list[Unit]
    vectors: sparse.csr_matrix
    confirmed: list[ExistingTheme]
    confirmed_vectors: list[np.ndarray | None]
    assignment: np.ndarray = field(init=False)
    rows: list[list[int]] = field(init=False)

    def __post_init__(self) -> None:
        self.assignment = np.full(len(self.units), -1)
        self.rows = [[] for _ in self.confirmed]

    @property
    def representatives(self) -> list[int]:
        return [i for i, unit in enumerate(self.units) if unit.representative]

    def free(self) -> list[int]:
        return [i for i in self.representatives if self.assignment[i] < 0]

    def assign(self, row: int, theme: int) -> None:
        self.assignment[row] = theme
        self.rows[theme].append(row)


def find_themes(
    proposal: Proposal | Mapping[str, Any],
    answers: Iterable[Answer | Mapping[str, Any]],
    *,
    existing: Iterable[ExistingTheme | Theme | Mapping[str, Any]] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Theme]:
    """The themes of one proposal's answers: confirmed themes first, in the order given, then new
    themes, the most widely carried first."""
    proposal = as_proposal(proposal)
    answers = [as_answer(a) for a in answers]
    confirmed = [as_existing(e) for e in existing or []]
    groups = near_identical_groups([a.text for a in answers])
    units = _argument_sentences(proposal, answers, groups, settings.split_clauses)
    confirmed_texts = [q.text for e in confirmed for q in e.quotes] + [e.label for e in confirmed if not e.quotes]
    space = FeatureSpace(settings.method, settings.char_weight, settings.frame_weight)
    space.fit([u.sentence.text for u in units if u.representative] + confirmed_texts)
    run = _Run(
        settings=settings,
        answers=answers,
        units=units,
        vectors=space.transform([u.sentence.text for u in units]),
        confirmed=confirmed,
        confirmed_vectors=[_summed(space, [q.text for q in e.quotes] or [e.label]) for e in confirmed],
    )
    _keep_confirmed(run)
    _cluster_rest(run)
    _join_leftovers(run)
    _follow_representatives(run)
    return assemble(run.answers, run.units, run.vectors, run.rows, confirmed)


def as_proposal(value: Proposal | Mapping[str, Any]) -> Proposal:
    if isinstance(value, Proposal):
        return value
    remiss = value.get("remiss") or {}
    return Proposal(
        title=str(value.get("title") or ""),
        text=str(value.get("text") or ""),
        section=str(value.get("section") or ""),
        remiss_title=str(remiss.get("title") or ""),
        remiss_reference=str(remiss.get("reference") or ""),
    )


def as_answer(value: Answer | Mapping[str, Any]) -> Answer:
    if isinstance(value, Answer):
        return value
    return Answer(
        id=value["id"],
        text=str(value.get("text") or ""),
        organisation=str(value.get("organisation") or ""),
        kind=str(value.get("kind") or ""),
        stance=str(value.get("stance") or "no_view"),
    )


def as_existing(value: ExistingTheme | Theme | Mapping[str, Any]) -> ExistingTheme:
    if isinstance(value, ExistingTheme):
        return value
    if isinstance(value, Theme):
        return ExistingTheme.from_theme(value)
    return ExistingTheme(
        label=str(value["label"]),
        answers=list(value.get("answers") or []),
        quotes=[Quote(answer=q["answer"], text=q["text"]) for q in value.get("quotes") or []],
        key=str(value.get("key") or ""),
    )


def _argument_sentences(proposal: Proposal, answers: list[Answer], groups: list[int], split: bool = True) -> list[Unit]:
    proposal_words = name_words(proposal.title)
    units = []
    for index, answer in enumerate(answers):
        ignore = proposal_words | name_words(answer.organisation)
        for sentence in _parts(answer.text, split):
            if len(words(sentence.text)) >= MIN_WORDS and not is_stance_only(sentence.text, ignore):
                units.append(Unit(index, sentence, groups[index]))
    return units


def _parts(text: str, split: bool) -> list[Sentence]:
    """The answer's sentences, or their clauses when ``split``; indices stay consecutive."""
    if not split:
        return split_sentences(text)
    parts: list[Sentence] = []
    for sentence in split_sentences(text):
        parts.extend(split_clauses(sentence, len(parts)))
    return parts


def _summed(space: FeatureSpace, texts: list[str]) -> np.ndarray:
    return np.asarray(space.transform(texts).sum(axis=0)).ravel()


def _keep_confirmed(run: _Run) -> None:
    """Sentences quoted by a confirmed theme stay in it; other sentences close enough join it."""
    if not run.confirmed:
        return
    for row, unit in enumerate(run.units):
        answer_id = str(run.answers[unit.answer].id)
        for k, theme in enumerate(run.confirmed):
            if any(str(q.answer) == answer_id and unit.sentence.text in q.text for q in theme.quotes):
                run.assign(row, k)
                break
    free = run.free()
    centres = centroids(run.vectors, [[] for _ in run.confirmed], run.confirmed_vectors)
    best, similarity = nearest(run.vectors[free], centres)
    for row, k, sim in zip(free, best, similarity, strict=True):
        if k >= 0 and sim >= run.settings.existing_similarity:
            run.assign(row, int(k))


def _cluster_rest(run: _Run) -> None:
    free = run.free()
    labels = agglomerate(run.vectors[free], run.settings.distance_threshold)
    clusters: dict[int, list[int]] = {}
    for row, label in zip(free, labels, strict=True):
        clusters.setdefault(int(label), []).append(row)
    for rows in clusters.values():
        rows = _prune(run.vectors, rows, run.settings.member_similarity)
        if _carried(run, rows):
            run.rows.append([])
            for row in rows:
                run.assign(row, len(run.rows) - 1)


def _carried(run: _Run, rows: list[int]) -> bool:
    """A cluster is a theme when enough different texts carry it; when only the minimum number
    do, their sentences must also be clearly alike (a pair sharing a word or two is no theme)."""
    support = len({run.units[r].answer for r in rows})
    if support != run.settings.min_answers:
        return support > run.settings.min_answers
    members = run.vectors[rows]
    similarity = (members @ members.T).toarray()
    n = len(rows)
    return (similarity.sum() - n) / (n * (n - 1)) >= run.settings.pair_similarity


def _prune(vectors: sparse.csr_matrix, rows: list[int], threshold: float) -> list[int]:
    """Drop members far from their cluster's centroid: loose average-linkage clusters can carry
    a stray sentence that shares a word or two with the rest."""
    while len(rows) > 2:
        central = _leave_one_out(vectors, rows)
        weakest = int(central.argmin())
        if central[weakest] >= threshold:
            break
        rows = rows[:weakest] + rows[weakest + 1 :]
    return rows


def _leave_one_out(vectors: sparse.csr_matrix, rows: list[int]) -> np.ndarray:
    """Cosine of each member to the centroid of the other members."""
    members = vectors[rows].toarray()
    others = members.sum(axis=0) - members
    norms = np.linalg.norm(others, axis=1)
    norms[norms == 0] = 1.0
    return (members * others).sum(axis=1) / norms


def _join_leftovers(run: _Run) -> None:
    """Sentences the clustering left alone join the nearest theme when close enough to it."""
    free = run.free()
    if not free or not run.rows:
        return
    extra = run.confirmed_vectors + [None] * (len(run.rows) - len(run.confirmed))
    centres = centroids(run.vectors, run.rows, extra)
    best, similarity = nearest(run.vectors[free], centres)
    for row, k, sim in zip(free, best, similarity, strict=True):
        confirmed = k < len(run.confirmed)
        threshold = run.settings.existing_similarity if confirmed else run.settings.join_similarity
        if k >= 0 and sim >= threshold:
            run.assign(row, int(k))


def _follow_representatives(run: _Run) -> None:
    """Sentences of a campaign copy take the theme of the closest sentence of its representative."""
    rows_of: dict[int, list[int]] = {}
    for row, unit in enumerate(run.units):
        rows_of.setdefault(unit.answer, []).append(row)
    for row, unit in enumerate(run.units):
        if unit.representative or run.assignment[row] >= 0 or not rows_of.get(unit.group):
            continue
        rep = rows_of[unit.group]
        similarity = np.asarray(run.vectors[rep] @ run.vectors[row].T.toarray()).ravel()
        best = int(similarity.argmax())
        if similarity[best] >= run.settings.duplicate_similarity and run.assignment[rep[best]] >= 0:
            run.assign(row, int(run.assignment[rep[best]]))
