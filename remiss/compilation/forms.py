"""The scope form for a new compilation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganisationKind
from remiss.forms.styled import StyledForm
from remiss.models import Remiss


class CompilationForm(StyledForm):
    sections = forms.TypedMultipleChoiceField(
        label=_("Avsnitt"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Välj inget för att ta med alla avsnitt."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Typ av remissinstans"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[c for c in OrganisationKind.choices if c[0] != OrganisationKind.MINISTRY],
        help_text=_(
            "Välj en eller flera typer, eller ingen för att ta med alla typer. Typ och län gäller "
            "tillsammans: väljer du Kommun och Skåne län kommer bara kommunerna i Skåne med."
        ),
    )
    counties = forms.MultipleChoiceField(
        label=_("Län"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Välj ett eller flera län, eller inget för att ta med alla län. Remissinstanser utan län, till "
            "exempel myndigheter, kommer bara med när inget län är valt."
        ),
    )
    appendix = forms.BooleanField(
        label=_("Ta med en bilaga med varje svar i sin helhet"),
        required=False,
        initial=True,
    )
    include_late = forms.BooleanField(
        label=_("Ta med svar som kom in för sent"),
        required=False,
        initial=True,
        help_text=_("Gäller även besked om att avstå som kom in för sent."),
    )

    def __init__(self, *args, remiss: Remiss, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sections"].choices = [(s.pk, str(s)) for s in remiss.sections.all()]
        counties = (
            remiss.recipients.exclude(organisation__county="")
            .values_list("organisation__county", flat=True)
            .distinct()
            .order_by("organisation__county")
        )
        self.fields["counties"].choices = [(c, c) for c in counties]

    def params(self) -> dict:
        return {key: self.cleaned_data[key] for key in ("sections", "kinds", "counties", "appendix", "include_late")}


class DraftForm(forms.Form):
    text = forms.CharField(
        label=_("Text om remissinstanserna"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8, "class": "form-control"}),
        help_text=_("Lämna tomt för att använda den genererade texten."),
    )
    comment = forms.CharField(
        label=_("Departementets kommentar"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )
