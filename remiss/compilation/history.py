"""Reads about kept compilations: out of date or not, and what changed between two."""

from __future__ import annotations

from remiss.models import Compilation, CompilationStatus, Submission

from .data import counted_submissions


def current_ids(compilation: Compilation) -> set[int]:
    return {s.pk for s in counted_submissions(compilation.remiss, compilation.params)}


def is_out_of_date(compilation: Compilation, current: set[int] | None = None) -> bool:
    """A finished compilation is out of date when the answers it would include today differ."""
    if compilation.status != CompilationStatus.DONE:
        return False
    if current is None:
        current = current_ids(compilation)
    return current != set(compilation.included.values_list("pk", flat=True))


def themes_changed(compilation: Compilation) -> bool:
    """A finished compilation whose themes or särskilt berörda were changed after it was started."""
    from remiss.models import ThemeAnalysis

    return (
        compilation.status == CompilationStatus.DONE
        and ThemeAnalysis.objects.filter(
            remiss_id=compilation.remiss_id, changed_at__gt=compilation.created_at
        ).exists()
    )


def compare(older: Compilation, newer: Compilation) -> dict[str, list[Submission]]:
    """Answers added, changed (a newer version of the same response) and removed from ``older`` to ``newer``."""

    def by_response(c):
        return {s.response_id: s for s in c.included.select_related("response__recipient__organisation")}

    before, after = by_response(older), by_response(newer)
    key = lambda s: s.response.recipient.organisation.name.casefold()  # noqa: E731
    return {
        "added": sorted((s for r, s in after.items() if r not in before), key=key),
        "changed": sorted((s for r, s in after.items() if r in before and before[r].pk != s.pk), key=key),
        "removed": sorted((s for r, s in before.items() if r not in after), key=key),
    }
