"""A server-rendered stacked bar chart of stances per proposal (SVG drawn by a template).

Only geometry is computed here; ``opendata/_chart.svg`` draws it with a <title> per bar segment,
patterns besides colours, and the page puts the same figures in a table next to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from opendata.selectors.answers import ProposalSummary
from opendata.stances import Category

LABEL_WIDTH = 90
BAR_WIDTH = 500
ROW_HEIGHT = 26
BAR_HEIGHT = 18
TOP = 6


@dataclass
class Segment:
    category: Category
    count: int
    x: float
    width: float


@dataclass
class Row:
    summary: ProposalSummary
    y: int
    text_y: int
    segments: list[Segment]


def stacked_rows(summaries: list[ProposalSummary], categories: list[Category]) -> dict:
    """Rows of segments scaled to the largest total, so bars of different lengths compare."""
    largest = max((s.total for s in summaries), default=0) or 1
    rows = []
    for index, summary in enumerate(summaries):
        y = TOP + index * ROW_HEIGHT
        x = float(LABEL_WIDTH)
        segments = []
        for category in categories:
            count = summary.counts.get(category.key, 0)
            if count:
                width = BAR_WIDTH * count / largest
                segments.append(Segment(category, count, round(x, 2), round(width, 2)))
                x += width
        rows.append(Row(summary, y, y + BAR_HEIGHT - 4, segments))
    return {
        "rows": rows,
        "width": LABEL_WIDTH + BAR_WIDTH + 10,
        "height": TOP * 2 + ROW_HEIGHT * len(rows),
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 6,
    }
