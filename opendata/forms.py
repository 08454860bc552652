"""The search form of /sok/: every parameter validated, so bad input gets a Swedish message."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, OrganisationKind
from remiss import permissions
from remiss.models import Stance

from .search.query import Filters

MAX_QUERY = 200


def _county_choices():
    counties = Organisation.objects.exclude(county="").values_list("county", flat=True).distinct().order_by("county")
    return [("", _("Alla län")), *((c, c) for c in counties)]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Sökord"),
        max_length=MAX_QUERY,
        required=False,
        error_messages={"max_length": _("Sökningen får vara högst %(limit_value)d tecken.")},
    )
    remiss = forms.ModelChoiceField(
        label=_("Remiss"),
        queryset=permissions.public_remisser().order_by("-published_at"),
        required=False,
        empty_label=_("Alla remisser"),
        error_messages={"invalid_choice": _("Välj en remiss i listan.")},
    )
    typ = forms.ChoiceField(
        label=_("Typ av remissinstans"),
        required=False,
        choices=[("", _("Alla typer")), *OrganisationKind.choices],
        error_messages={"invalid_choice": _("Välj en typ i listan.")},
    )
    lan = forms.ChoiceField(
        label=_("Län"), required=False, error_messages={"invalid_choice": _("Välj ett län i listan.")}
    )
    stance = forms.ChoiceField(
        label=_("Ställningstagande"),
        required=False,
        choices=[("", _("Alla ställningstaganden")), *Stance.choices],
        error_messages={"invalid_choice": _("Välj ett ställningstagande i listan.")},
    )
    year = forms.IntegerField(
        label=_("År"),
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={"invalid": _("Ange ett årtal, till exempel 2018.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remiss"].label_from_instance = lambda r: f"{r.reference} {r.title[:80]}"
        self.fields["lan"].choices = _county_choices()

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            remiss_id=data["remiss"].pk if data["remiss"] else None,
            organisation_kind=data["typ"],
            county=data["lan"],
            stance=data["stance"],
            year=data["year"],
        )
