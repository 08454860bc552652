"""Turning sentence rows into Theme objects: members, verbatim quotes, label, polarity, order."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .cluster import centrality
from .labels import choose_label
from .model import Answer, AnswerId, ExistingTheme, Polarity, Quote, Theme
from .text import name_words
from .units import Unit


def assemble(
    answers: list[Answer],
    units: list[Unit],
    vectors: sparse.csr_matrix,
    rows: list[list[int]],
    confirmed: list[ExistingTheme],
) -> list[Theme]:
    """One Theme per row list (the first ``len(confirmed)`` are the confirmed themes): confirmed
    themes first in their order, then new ones by how many different texts carry them."""
    context = _Context(answers, units, vectors, frozenset().union(*(name_words(a.organisation) for a in answers)))
    ranked: list[tuple[tuple[int, int], Theme]] = []
    for k, members in enumerate(rows):
        old = confirmed[k] if k < len(confirmed) else None
        if not members and old is None:
            continue
        theme = _theme(context, members, old)
        support = len({units[r].answer for r in members if units[r].representative})
        ranked.append(((0, k) if old is not None else (1, -support), theme))
    ranked.sort(key=lambda pair: pair[0])
    return [theme for _, theme in ranked]


@dataclass(frozen=True)
class _Context:
    answers: list[Answer]
    units: list[Unit]
    vectors: sparse.csr_matrix
    organisation_words: frozenset[str]


def _theme(context: _Context, members: list[int], old: ExistingTheme | None) -> Theme:
    answers, units = context.answers, context.units
    reps = [r for r in members if units[r].representative]
    central = centrality(context.vectors, reps) if reps else np.zeros(0)
    quotes, quote_of_row = _quotes(answers, units, members)
    key_quote = quote_of_row[reps[int(central.argmax())]] if reps else None
    ids = [answers[i].id for i in sorted({units[r].answer for r in members})]
    if old is None:
        candidates = [(units[r].sentence.text, float(c)) for r, c in zip(reps, central, strict=True)]
        label = choose_label(candidates, context.organisation_words)
    else:
        label, ids, quotes = old.label, _merged_ids(old.answers, ids), _merged_quotes(old.quotes, quotes)
        key_quote = key_quote or (old.quotes[0] if old.quotes else None)
    stance_of = {str(a.id): a.stance for a in answers}
    return Theme(
        label=label,
        answers=ids,
        quotes=quotes,
        polarity=polarity([stance_of.get(str(i), "") for i in ids]),
        key_quote=key_quote,
        confirmed=old is not None,
        key=old.key if old is not None else "",
    )


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


def _quotes(answers: list[Answer], units: list[Unit], rows: list[int]) -> tuple[list[Quote], dict[int, Quote]]:
    """Verbatim quotes per answer; consecutive sentences of one answer make one quote."""
    by_answer: dict[int, list[int]] = {}
    for row in rows:
        by_answer.setdefault(units[row].answer, []).append(row)
    quotes: list[Quote] = []
    quote_of_row: dict[int, Quote] = {}
    for index in sorted(by_answer):
        answer = answers[index]
        runs: list[list[int]] = []
        for row in sorted(by_answer[index], key=lambda r: units[r].sentence.index):
            if runs and units[row].sentence.index == units[runs[-1][-1]].sentence.index + 1:
                runs[-1].append(row)
            else:
                runs.append([row])
        for run in runs:
            quote = Quote(answer.id, answer.text[units[run[0]].sentence.start : units[run[-1]].sentence.end])
            quotes.append(quote)
            quote_of_row.update(dict.fromkeys(run, quote))
    return quotes, quote_of_row


def _merged_ids(old: list[AnswerId], new: list[AnswerId]) -> list[AnswerId]:
    merged, seen = list(old), {str(i) for i in old}
    for answer_id in new:
        if str(answer_id) not in seen:
            merged.append(answer_id)
            seen.add(str(answer_id))
    return merged


def _merged_quotes(old: list[Quote], new: list[Quote]) -> list[Quote]:
    merged = list(old)
    for quote in new:
        if not any(
            str(q.answer) == str(quote.answer) and (quote.text in q.text or q.text in quote.text) for q in merged
        ):
            merged.append(quote)
    return merged
