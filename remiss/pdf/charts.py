"""Charts in PDFs, drawn as SVG, each with its alternative text made from its own data.

WeasyPrint tags an ``<svg>`` as a /Figure and copies the SVG's ``<title>`` into the figure's /Alt
(PDF/UA-1 7.3: every figure needs alternative text). Draw a chart with the ``bar_chart`` template
tag (``{% load pdf_charts %}``) and the text comes from the bars: a reader hears the same counts a
sighted reader sees. A hand-drawn ``<svg>`` must carry a ``<title>`` of its own.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def bar_chart_alt(title: str, bars: list[dict], total: int | None = None) -> str:
    """The chart's content in words: its title, then every bar's label, count and share.

    ``bars``: dicts with ``label``, ``n`` and ``percent``; ``total`` (optional): the whole."""
    parts = [
        ngettext(
            "%(label)s: %(n)s svar (%(percent)s procent)",
            "%(label)s: %(n)s svar (%(percent)s procent)",
            bar["n"],
        )
        % {"label": bar["label"], "n": bar["n"], "percent": bar["percent"]}
        for bar in bars
    ]
    text = f"{title}. " + "; ".join(parts) + "."
    if total is not None:
        text += " " + ngettext("Totalt %(n)s svar.", "Totalt %(n)s svar.", total) % {"n": total}
    return text if bars else f"{title}. " + _("Inga svar.")
