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

from .cluster import agglomerate, centrality, centroids, nearest
from .dedupe import near_identical_groups
from .features import FeatureSpace, Method
from .labels import choose_label
from .model import Answer, ExistingTheme, Polarity, Proposal, Quote, Theme
from .text import Sentence, is_stance_only, name_words, split_sentences


@dataclass(frozen=True)
class Settings:
    """Tuning of the engine; the defaults are the measured choice (docs/decisions/0007-themes.md)."""

    method: Method = "words+chars+frames"
    char_weight: float = 1.0
    frame_weight: float = 0.6
    distance_threshold: float = 0.9
    join_similarity: float = 0.35
    member_similarity: float = 0.15
    pair_similarity: float = 0.15
    existing_similarity: float = 0.35
    duplicate_similarity: float = 0.8
    min_answers: int = 2


DEFAULT_SETTINGS = Settings()


@dataclass
class _Unit:
    answer: int
    sentence: Sentence
    group: int

    @property
    def representative(self) -> bool:
        return self.group == self.answer


@dataclass
class _Groups:
    """Sentence rows per theme; themes [0, n_existing) are the confirmed ones."""

    rows: list[list[int]] = field(default_factory=list)
    n_existing: int = 0


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
    units = _argument_sentences(proposal, answers, groups)
    quote_texts = [q.text for e in confirmed for q in e.quotes] + [e.label for e in confirmed if not e.quotes]
    rep_rows = [i for i, u in enumerate(units) if u.representative]
    space = FeatureSpace(settings.method, settings.char_weight, settings.frame_weight).fit(
        [units[i].sentence.text for i in rep_rows] + quote_texts
    )
    vectors = space.transform([u.sentence.text for u in units])

    assignment = np.full(len(units), -1)
    themes = _Groups(rows=[[] for _ in confirmed], n_existing=len(confirmed))
    extra = _existing_vectors(space, confirmed)
    _assign_existing(units, answers, vectors, confirmed, extra, assignment, rep_rows, settings)
    _cluster_rest(units, vectors, rep_rows, assignment, themes, settings)
    _join_leftovers(vectors, rep_rows, assignment, themes, extra, settings)
    _follow_representatives(units, vectors, assignment, settings)

    for row, theme in enumerate(assignment):
        if theme >= 0 and not units[row].representative:
            themes.rows[theme].append(row)
    return _build(proposal, answers, units, vectors, themes, confirmed)


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


def _argument_sentences(proposal: Proposal, answers: list[Answer], groups: list[int]) -> list[_Unit]:
    proposal_words = name_words(proposal.title)
    units = []
    for index, answer in enumerate(answers):
        ignore = proposal_words | name_words(answer.organisation)
        for sentence in split_sentences(answer.text):
            if not is_stance_only(sentence.text, ignore):
                units.append(_Unit(index, sentence, groups[index]))
    return units


def _existing_vectors(space: FeatureSpace, confirmed: list[ExistingTheme]) -> list[np.ndarray | None]:
    """The summed vector of each confirmed theme's own quotes (or label, when it has none)."""
    result: list[np.ndarray | None] = []
    for theme in confirmed:
        texts = [q.text for q in theme.quotes] or [theme.label]
        result.append(np.asarray(space.transform(texts).sum(axis=0)).ravel())
    return result


def _assign_existing(units, answers, vectors, confirmed, extra, assignment, rep_rows, settings) -> None:
    if not confirmed:
        return
    for row, unit in enumerate(units):
        answer_id = str(answers[unit.answer].id)
        for k, theme in enumerate(confirmed):
            if any(str(q.answer) == answer_id and unit.sentence.text in q.text for q in theme.quotes):
                assignment[row] = k
                break
    free = [i for i in rep_rows if assignment[i] < 0]
    centres = centroids(vectors, [[] for _ in confirmed], extra)
    best, similarity = nearest(vectors[free], centres)
    for row, k, sim in zip(free, best, similarity, strict=True):
        if k >= 0 and sim >= settings.existing_similarity:
            assignment[row] = k


def _cluster_rest(units, vectors, rep_rows, assignment, themes: _Groups, settings: Settings) -> None:
    for row in rep_rows:
        if assignment[row] >= 0:
            themes.rows[assignment[row]].append(row)
    free = [i for i in rep_rows if assignment[i] < 0]
    labels = agglomerate(vectors[free], settings.distance_threshold)
    clusters: dict[int, list[int]] = {}
    for row, label in zip(free, labels, strict=True):
        clusters.setdefault(int(label), []).append(row)
    for rows in clusters.values():
        rows = _prune(vectors, rows, settings.member_similarity)
        if _carried(units, vectors, rows, settings):
            for row in rows:
                assignment[row] = len(themes.rows)
            themes.rows.append(rows)


def _carried(units, vectors, rows: list[int], settings: Settings) -> bool:
    """A cluster is a theme when enough different texts carry it; when only the minimum number
    do, their sentences must also be clearly alike (a pair sharing a word or two is no theme)."""
    support = len({units[r].answer for r in rows})
    if support < settings.min_answers:
        return False
    if support > settings.min_answers:
        return True
    members = vectors[rows]
    similarity = (members @ members.T).toarray()
    n = len(rows)
    return (similarity.sum() - n) / (n * (n - 1)) >= settings.pair_similarity


def _prune(vectors, rows: list[int], threshold: float) -> list[int]:
    """Drop members far from their cluster's centroid: loose average-linkage clusters can carry
    a stray sentence that shares a word or two with the rest."""
    while len(rows) > 2:
        central = _leave_one_out(vectors, rows)
        weakest = int(central.argmin())
        if central[weakest] >= threshold:
            break
        rows = rows[:weakest] + rows[weakest + 1 :]
    return rows


def _leave_one_out(vectors, rows: list[int]) -> np.ndarray:
    """Cosine of each member to the centroid of the other members."""
    members = vectors[rows].toarray()
    others = members.sum(axis=0) - members
    norms = np.linalg.norm(others, axis=1)
    norms[norms == 0] = 1.0
    return (members * others).sum(axis=1) / norms


def _join_leftovers(vectors, rep_rows, assignment, themes: _Groups, extra, settings: Settings) -> None:
    free = [i for i in rep_rows if assignment[i] < 0]
    if not free or not themes.rows:
        return
    padded = extra + [None] * (len(themes.rows) - len(extra))
    centres = centroids(vectors, themes.rows, padded)
    best, similarity = nearest(vectors[free], centres)
    for row, k, sim in zip(free, best, similarity, strict=True):
        threshold = settings.existing_similarity if k < themes.n_existing else settings.join_similarity
        if k >= 0 and sim >= threshold:
            assignment[row] = k
            themes.rows[k].append(row)


def _follow_representatives(units, vectors, assignment, settings: Settings) -> None:
    """Sentences of a campaign copy take the theme of the closest sentence of its representative."""
    rows_of: dict[int, list[int]] = {}
    for row, unit in enumerate(units):
        rows_of.setdefault(unit.answer, []).append(row)
    for row, unit in enumerate(units):
        if unit.representative or assignment[row] >= 0:
            continue
        rep = rows_of.get(unit.group, [])
        if not rep:
            continue
        similarity = np.asarray(vectors[rep] @ vectors[row].T.toarray()).ravel()
        best = int(similarity.argmax())
        if similarity[best] >= settings.duplicate_similarity:
            assignment[row] = assignment[rep[best]]


def _build(proposal, answers, units, vectors, themes: _Groups, confirmed) -> list[Theme]:
    organisation_words = frozenset().union(*(name_words(a.organisation) for a in answers)) if answers else frozenset()
    result: list[tuple[float, Theme]] = []
    for k, rows in enumerate(themes.rows):
        old = confirmed[k] if k < themes.n_existing else None
        if not rows and old is None:
            continue
        reps = [r for r in rows if units[r].representative]
        central = centrality(vectors, reps) if reps else np.zeros(0)
        quotes, row_quote = _quotes(answers, units, rows)
        key_quote = row_quote[reps[int(central.argmax())]] if reps else None
        if old is not None:
            label = old.label
            member_ids = _merge_ids(old.answers, [answers[i].id for i in _member_indices(units, rows)])
            quotes = _merge_quotes(old.quotes, quotes)
            key_quote = key_quote or (old.quotes[0] if old.quotes else None)
        else:
            candidates = [(units[r].sentence.text, float(c)) for r, c in zip(reps, central, strict=True)]
            label = choose_label(candidates, organisation_words)
            member_ids = [answers[i].id for i in _member_indices(units, rows)]
        stances = [a.stance for a in answers if any(a.id == m for m in member_ids)]
        theme = Theme(
            label=label,
            answers=member_ids,
            quotes=quotes,
            polarity=polarity(stances),
            key_quote=key_quote,
            confirmed=old is not None,
            key=old.key if old is not None else "",
        )
        support = len({units[r].answer for r in reps})
        result.append(((0, k) if old is not None else (1, -support), theme))
    result.sort(key=lambda pair: pair[0])
    return [theme for _, theme in result]


def _member_indices(units, rows) -> list[int]:
    return sorted({units[r].answer for r in rows})


def _quotes(answers, units, rows) -> tuple[list[Quote], dict[int, Quote]]:
    """Verbatim quotes per answer; consecutive sentences of one answer make one quote."""
    by_answer: dict[int, list[int]] = {}
    for row in rows:
        by_answer.setdefault(units[row].answer, []).append(row)
    quotes: list[Quote] = []
    row_quote: dict[int, Quote] = {}
    for index in sorted(by_answer):
        answer = answers[index]
        ordered = sorted(by_answer[index], key=lambda r: units[r].sentence.index)
        run: list[int] = []
        for row in ordered + [-1]:
            if row >= 0 and run and units[row].sentence.index == units[run[-1]].sentence.index + 1:
                run.append(row)
                continue
            if run:
                quote = Quote(answer.id, answer.text[units[run[0]].sentence.start : units[run[-1]].sentence.end])
                quotes.append(quote)
                row_quote.update(dict.fromkeys(run, quote))
            run = [row]
    return quotes, row_quote


def _merge_ids(old: list, new: list) -> list:
    seen = {str(i) for i in old}
    return list(old) + [i for i in new if str(i) not in seen and not seen.add(str(i))]


def _merge_quotes(old: list[Quote], new: list[Quote]) -> list[Quote]:
    kept = list(old)
    for quote in new:
        if not any(str(q.answer) == str(quote.answer) and (quote.text in q.text or q.text in quote.text) for q in kept):
            kept.append(quote)
    return kept


def polarity(stances: list[str]) -> Polarity:
    """'for' or 'against' when at least 60 % of the members who took a stance did so; else 'mixed'."""
    counted = [s for s in stances if s in ("supports", "partly", "opposes")]
    if not counted:
        return "mixed"
    if counted.count("supports") / len(counted) >= 0.6:
        return "for"
    if counted.count("opposes") / len(counted) >= 0.6:
        return "against"
    return "mixed"
