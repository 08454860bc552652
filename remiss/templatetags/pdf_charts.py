"""Template tags for charts in PDF templates (see ``remiss.pdf.charts``)."""

from __future__ import annotations

from django import template

from remiss.pdf.charts import bar_chart_alt

register = template.Library()


@register.inclusion_tag("remiss/pdf/_bar_chart.html")
def bar_chart(bars: list[dict], title: str, total: int | None = None) -> dict:
    """A horizontal bar chart of ``bars`` (``label``, ``n``, ``percent``, optional ``stance``),
    whose /Alt in the PDF states every bar in words."""
    rows = [{**bar, "y": index * 10} for index, bar in enumerate(bars)]
    return {"rows": rows, "height": max(1, len(bars)) * 10, "alt": bar_chart_alt(title, bars, total)}
