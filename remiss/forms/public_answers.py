"""The public "Lämna synpunkter" form: who you are, your stance and comment per proposal, or a file."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from remiss.models import Remiss, SenderKind, Stance
from remiss.uploads import max_upload_label

STANCE_CHOICES = [("", _("Ej besvarad")), *Stance.choices]


class PublicAnswerForm(forms.Form):
    sender_kind = forms.ChoiceField(
        label=_("Jag lämnar synpunkter som"), choices=SenderKind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Namn"), max_length=200, help_text=_("Ditt namn eller organisationens namn."))
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        help_text=_("Vi skickar en länk som du klickar på för att bekräfta. Adressen publiceras inte."),
    )
    publish_name = forms.BooleanField(
        label=_("Mitt namn får publiceras tillsammans med mina synpunkter (gäller privatpersoner)"),
        required=False,
        help_text=_("Utan ditt medgivande publiceras synpunkterna som ”Privatperson”."),
    )
    general_comments = forms.CharField(
        label=_("Generella synpunkter"), required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )
    file = forms.FileField(
        label=_("Eller ladda upp dina synpunkter som fil"),
        required=False,
        help_text=_("PDF eller Word (.docx), högst %(limit)s.") % {"limit": max_upload_label()},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )

    # A field people do not see and programs that fill in every field do: an answer with it filled in is
    # not stored (the page still says it was sent). Labelled, for anyone whose screen reader reaches it.
    website = forms.CharField(
        label=_("Lämna det här fältet tomt"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, remiss: Remiss, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposals = list(remiss.proposals.select_related("section"))
        for proposal in self.proposals:
            self.fields[f"stance_{proposal.pk}"] = forms.ChoiceField(
                label=_("Ställningstagande till %(label)s") % {"label": proposal.label},
                choices=STANCE_CHOICES,
                required=False,
            )
            self.fields[f"comment_{proposal.pk}"] = forms.CharField(
                label=_("Kommentar till %(label)s") % {"label": proposal.label},
                required=False,
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def filled_by_a_program(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def proposal_rows(self):
        return [(p, self[f"stance_{p.pk}"], self[f"comment_{p.pk}"]) for p in self.proposals]

    def answers(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {p.pk: (data.get(f"stance_{p.pk}") or "", data.get(f"comment_{p.pk}") or "") for p in self.proposals}
