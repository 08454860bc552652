"""Ministry staff: following a remiss (statuses, stance counts, CSV)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from remiss import permissions
from remiss.compilation.spreadsheet import SafeCsvWriter
from remiss.forms.ministry import (
    ProgressFilterForm,
)
from remiss.models import Stance
from remiss.selectors import progress
from remiss.selectors.duplicates import duplicate_groups
from remiss.views.ministry.remisser import render_tab


def _compilation_url(remiss) -> str:
    try:
        return reverse("compilation:list", kwargs={"remiss_pk": remiss.pk})
    except NoReverseMatch:
        return ""


@login_required
def progress_view(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    filters = ProgressFilterForm(request.GET or None, remiss=remiss)
    rows = progress.recipient_progress(remiss, **filters.values())
    return render_tab(
        request,
        remiss,
        "remiss/ministry/progress.html",
        {
            "filters": filters,
            "rows": rows,
            "counts": progress.state_counts(rows),
            "duplicates": duplicate_groups({row.organisation.name: row.submission for row in rows if row.submission}),
            "stances": progress.stance_counts(remiss),
            "stance_labels": [label for _value, label in Stance.choices],
            "compilation_url": _compilation_url(remiss),
            "query": request.GET.urlencode(),
        },
    )


def _csv_response(filename: str) -> tuple[HttpResponse, SafeCsvWriter]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM
    return response, SafeCsvWriter(response)


@login_required
def progress_csv(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    slug = "".join(c if c.isalnum() else "-" for c in remiss.reference)
    if request.GET.get("del") == "forslag":
        response, writer = _csv_response(f"stallningstaganden-{slug}.csv")
        writer.writerow(
            [
                _("Avsnitt"),
                _("Förslag"),
                _("Typ"),
                _("Text"),
                *(label for _v, label in Stance.choices),
                _("Ej besvarad"),
            ]
        )
        for row in progress.stance_counts(remiss):
            p = row.proposal
            writer.writerow(
                [
                    p.section.number,
                    p.label,
                    p.get_kind_display(),
                    p.text,
                    *(n for _v, _l, n in row.rows()),
                    row.not_answered,
                ]
            )
        return response
    filters = ProgressFilterForm(request.GET or None, remiss=remiss)
    response, writer = _csv_response(f"remisslista-{slug}.csv")
    writer.writerow(
        [
            _("Remissinstans"),
            _("Typ"),
            _("Län"),
            _("Status"),
            _("Sista svarsdag"),
            _("Skäl för förlängning"),
            _("Inskickat"),
            _("Inbjudan"),
        ]
    )
    for row in progress.recipient_progress(remiss, **filters.values()):
        org = row.organisation
        writer.writerow(
            [
                org.name,
                org.get_kind_display(),
                org.county,
                row.label,
                row.deadline.isoformat() if row.deadline else "",
                row.recipient.extension_reason if row.recipient.has_extension else "",
                row.submitted_at.isoformat() if row.submitted_at else "",
                row.invitation_label,
            ]
        )
    return response
