"""Forms of the respondent side. Long text has no ``maxlength`` attribute (a browser would cut a
paste silently); the limit is checked on the server and the text stays in the field."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from remiss.models import Proposal, Section, Stance
from remiss.models.responses import MAX_TEXT_LENGTH, NOT_ANSWERED_LABEL
from remiss.uploads import max_upload_label, validate_pdf

STANCE_CHOICES = [("", NOT_ANSWERED_LABEL), *Stance.choices]


def _limit(value: str) -> None:
    if value and len(value) > MAX_TEXT_LENGTH:
        raise ValidationError(
            _(
                "Texten är för lång: högst %(max)s tecken, du har skrivit %(n)s. Texten finns kvar i fältet – korta den och spara igen."
            ),
            params={"max": f"{MAX_TEXT_LENGTH:,}".replace(",", " "), "n": f"{len(value):,}".replace(",", " ")},
            code="too_long",
        )


def text_field(label, rows: int = 6) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        strip=False,
        validators=[_limit],
        widget=forms.Textarea(attrs={"rows": rows, "class": "form-control", "data-autosave": "text"}),
    )


class AnswerForm(forms.Form):
    """The whole answer: response-level texts and one stance + comment per proposal.

    Field names: ``summary``, ``general_comments``, ``consequence-<key>``, ``stance-<proposal id>``,
    ``comment-<proposal id>``, ``version-<proposal id>``, and ``response_version``."""

    response_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, response, proposals: list[Proposal], answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.response = response
        self.proposals = proposals
        self.fields["summary"] = text_field(_("Sammanfattning"))
        self.fields["general_comments"] = text_field(_("Generella synpunkter"), rows=8)
        self.consequence_keys = []
        for key, label in response.recipient.remiss.consequence_labels():
            self.fields[f"consequence-{key}"] = text_field(label, rows=4)
            self.consequence_keys.append(key)
        for p in proposals:
            self.fields[f"stance-{p.pk}"] = forms.ChoiceField(
                label=_("Ställningstagande till förslag %(label)s") % {"label": p.label},
                choices=STANCE_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Okänt ställningstagande. Välj ett av alternativen.")},
            )
            self.fields[f"comment-{p.pk}"] = text_field(
                _("Kommentar till förslag %(label)s") % {"label": p.label}, rows=4
            )
            self.fields[f"version-{p.pk}"] = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
        if not self.is_bound:
            self.initial.update(self._initial(response, answers))

    def _initial(self, response, answers) -> dict:
        initial = {
            "response_version": response.version,
            "summary": response.summary,
            "general_comments": response.general_comments,
        }
        for key in self.consequence_keys:
            initial[f"consequence-{key}"] = (response.consequences or {}).get(key, "")
        for p in self.proposals:
            answer = answers.get(p.pk)
            initial[f"stance-{p.pk}"] = answer.stance if answer else ""
            initial[f"comment-{p.pk}"] = answer.comment if answer else ""
            initial[f"version-{p.pk}"] = answer.version if answer else 0
        return initial

    def texts(self) -> dict[str, str]:
        data = {"summary": self.cleaned_data["summary"], "general_comments": self.cleaned_data["general_comments"]}
        for key in self.consequence_keys:
            data[f"consequence:{key}"] = self.cleaned_data[f"consequence-{key}"]
        return data

    def answers(self) -> dict[int, tuple[str, str, int]]:
        return {
            p.pk: (
                self.cleaned_data[f"stance-{p.pk}"],
                self.cleaned_data[f"comment-{p.pk}"],
                self.cleaned_data[f"version-{p.pk}"] or 0,
            )
            for p in self.proposals
        }

    def proposal_fields(self, proposal: Proposal) -> dict:
        return {
            "stance": self[f"stance-{proposal.pk}"],
            "comment": self[f"comment-{proposal.pk}"],
            "version": self[f"version-{proposal.pk}"],
        }


class AutosaveForm(forms.Form):
    """One field from the autosave script: ``field`` is a response field key or ``answer:<id>``."""

    field = forms.CharField(max_length=100)
    text = forms.CharField(required=False, strip=False)
    stance = forms.ChoiceField(choices=STANCE_CHOICES, required=False)
    version = forms.IntegerField(min_value=0)


class MessageForm(forms.Form):
    message = forms.CharField(
        label=_("Meddelande"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Skäl att avstå"),
        max_length=1000,
        help_text=_("En kort motivering, till exempel att frågan inte berör organisationens verksamhet."),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class DecisionForm(forms.Form):
    decided_by = forms.CharField(
        label=_("Beslutsinstans"), max_length=200, required=False, help_text=_("Till exempel Kommunstyrelsen.")
    )
    decision_date = forms.DateField(
        label=_("Beslutsdatum"),
        required=False,
        help_text=_("ÅÅÅÅ-MM-DD"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    minute_ref = forms.CharField(
        label=_("Paragraf (§)"),
        max_length=50,
        required=False,
        help_text=_("Till exempel § 123. Myndigheter som beslutar utan protokoll lämnar fältet tomt."),
    )


class SignatoryForm(forms.Form):
    name = forms.CharField(label=_("Namn"), max_length=200, required=False)
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("title") and not data.get("name"):
            self.add_error("name", _("Skriv namnet på den som undertecknar."))
        return data


SignatoryFormSet = forms.formset_factory(SignatoryForm, extra=2, max_num=10, absolute_max=20)


class AssignmentForm(forms.Form):
    target = forms.ChoiceField(label=_("Avsnitt eller förslag"))
    assignee = forms.ModelChoiceField(label=_("Kollega"), queryset=None, empty_label=_("Välj kollega"))
    due_date = forms.DateField(
        label=_("Klart senast"),
        required=False,
        help_text=_("ÅÅÅÅ-MM-DD"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=_("Meddelande till kollegan"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, sections: list[Section], proposals: list[Proposal], colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = colleagues
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name()
        self.sections = {f"s-{s.pk}": s for s in sections}
        self.proposals = {f"p-{p.pk}": p for p in proposals}
        self.fields["target"].choices = [
            (_("Avsnitt"), [(k, f"{s.number} {s.title}".strip()[:120]) for k, s in self.sections.items()]),
            (_("Förslag"), [(k, f"{p.label} {p.text}"[:120]) for k, p in self.proposals.items()]),
        ]

    def target_kwargs(self) -> dict:
        key = self.cleaned_data["target"]
        return {"section": self.sections.get(key), "proposal": self.proposals.get(key)}


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Bilagans titel"), max_length=300, required=False)
    file = forms.FileField(label=_("PDF-fil"), validators=[validate_pdf])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Endast PDF, högst %(size)s.") % {"size": max_upload_label()}


class VerifyForm(forms.Form):
    file = forms.FileField(label=_("PDF-fil att kontrollera"), validators=[validate_pdf])
