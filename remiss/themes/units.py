"""The unit the engine clusters: one argument sentence of one answer."""

from __future__ import annotations

from dataclasses import dataclass

from .text import Sentence


@dataclass
class Unit:
    """An argument sentence of one answer; ``group`` is the answer that represents its campaign."""

    answer: int
    sentence: Sentence
    group: int

    @property
    def representative(self) -> bool:
        return self.group == self.answer
