"""Forms of the respondent side. Long text has no ``maxlength`` attribute (a browser would cut a
paste silently); the limit is checked on the server and the text stays in the field."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from remiss.fieldkeys import FieldKey, response_text_keys
from remiss.forms.styled import StyledForm
from remiss.models import Proposal, ProposalKind, Section, Stance
from remiss.models.responses import MAX_SIGNATORIES, MAX_TEXT_LENGTH, NOT_ANSWERED_LABEL
from remiss.uploads import max_upload_label, validate_pdf, validate_upload_size

STANCE_CHOICES = [("", NOT_ANSWERED_LABEL), *Stance.choices]

# Labels name what the item is: a förslag, a bedömning or a rekommendation.
COMMENT_LABELS = {
    ProposalKind.PROPOSAL: _("Kommentar till förslag %(label)s"),
    ProposalKind.ASSESSMENT: _("Kommentar till bedömning %(label)s"),
    ProposalKind.RECOMMENDATION: _("Kommentar till rekommendation %(label)s"),
}
STANCE_LABELS = {
    ProposalKind.PROPOSAL: _("Ställningstagande till förslag %(label)s"),
    ProposalKind.ASSESSMENT: _("Ställningstagande till bedömning %(label)s"),
    ProposalKind.RECOMMENDATION: _("Ställningstagande till rekommendation %(label)s"),
}


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
    ``comment-<proposal id>``; every part carries the version it was loaded at in ``version-<name>``
    (``version-summary``, ``version-consequence-<key>``, ``version-<proposal id>``). ``response_version``
    (the response's version at load) stands in for a missing text version. After a conflict the page
    offers ``resolve-<name>``: ``mine:<their version>`` (save mine over theirs) or ``theirs`` (keep
    theirs, do not save mine); without a choice the part conflicts again."""

    response_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, response, proposals: list[Proposal], answers: dict, text_versions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.response = response
        self.proposals = proposals
        self.fields["summary"] = text_field(_("Sammanfattning"))
        self.fields["general_comments"] = text_field(_("Generella synpunkter"), rows=8)
        self.consequence_keys = []
        for key, label in response.recipient.remiss.consequence_labels():
            self.fields[FieldKey.consequence(key).form_name] = text_field(label, rows=4)
            self.consequence_keys.append(key)
        for name in self.text_names():
            self.fields[f"version-{name}"] = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
        for p in proposals:
            self.fields[f"stance-{p.pk}"] = forms.ChoiceField(
                label=STANCE_LABELS.get(p.kind, STANCE_LABELS[ProposalKind.PROPOSAL]) % {"label": p.label},
                choices=STANCE_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Okänt ställningstagande. Välj ett av alternativen.")},
            )
            self.fields[f"comment-{p.pk}"] = text_field(
                COMMENT_LABELS.get(p.kind, COMMENT_LABELS[ProposalKind.PROPOSAL]) % {"label": p.label}, rows=4
            )
            self.fields[f"version-{p.pk}"] = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
        if not self.is_bound:
            self.initial.update(self.initial_data(response, answers, text_versions or {}))

    def text_names(self) -> list[str]:
        return [part.form_name for part in response_text_keys(self.consequence_keys)]

    @staticmethod
    def text_key(name: str) -> str:
        """Form name → service key: ``consequence-economic`` → ``consequence:economic``."""
        return FieldKey.from_form_name(name).key

    def initial_data(self, response, answers, text_versions: dict[str, int]) -> dict:
        """The values of a freshly loaded page (also used to redisplay what is saved)."""
        initial = {
            "response_version": response.version,
            "summary": response.summary,
            "general_comments": response.general_comments,
        }
        for key in self.consequence_keys:
            initial[FieldKey.consequence(key).form_name] = (response.consequences or {}).get(key, "")
        for part in response_text_keys(self.consequence_keys):
            initial[part.version_name] = text_versions.get(part.key, 0)
        for p in self.proposals:
            answer = answers.get(p.pk)
            initial[f"stance-{p.pk}"] = answer.stance if answer else ""
            initial[f"comment-{p.pk}"] = answer.comment if answer else ""
            initial[f"version-{p.pk}"] = answer.version if answer else 0
        return initial

    def resolution(self, name: str) -> tuple[str, int | None] | None:
        """The user's choice in a conflict box: ("mine", their version), ("theirs", None) or None."""
        value = str(self.data.get(f"resolve-{name}") or "").strip()
        if value == "theirs":
            return ("theirs", None)
        match = re.fullmatch(r"mine:(\d{1,9})", value)
        return ("mine", int(match.group(1))) if match else None

    def texts(self) -> dict[str, str]:
        """Changed-or-not text of every response-level part, except those where the user chose
        the colleague's text."""
        return {
            self.text_key(name): self.cleaned_data[name]
            for name in self.text_names()
            if (self.resolution(name) or ("",))[0] != "theirs"
        }

    def text_versions(self) -> dict[str, int]:
        versions = {}
        for name in self.text_names():
            choice = self.resolution(name)
            version = choice[1] if choice and choice[0] == "mine" else self.cleaned_data.get(f"version-{name}")
            if version is not None:
                versions[self.text_key(name)] = version
        return versions

    def answers(self) -> dict[int, tuple[str, str, int]]:
        result = {}
        for p in self.proposals:
            choice = self.resolution(str(p.pk))
            if choice and choice[0] == "theirs":
                continue
            version = choice[1] if choice else (self.cleaned_data[f"version-{p.pk}"] or 0)
            result[p.pk] = (self.cleaned_data[f"stance-{p.pk}"], self.cleaned_data[f"comment-{p.pk}"], version)
        return result

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


class MessageForm(StyledForm):
    message = forms.CharField(
        label=_("Meddelande"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class DeclineForm(StyledForm):
    reason = forms.CharField(
        label=_("Skäl att avstå"),
        max_length=1000,
        help_text=_("En kort motivering, till exempel att frågan inte berör organisationens verksamhet."),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class DecisionForm(StyledForm):
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
    our_reference = forms.CharField(
        label=_("Vår beteckning"),
        max_length=100,
        required=False,
        help_text=_("Organisationens eget diarienummer, till exempel KFKS 2018/774. Skrivs bredvid departementets."),
    )
    presenter = forms.CharField(
        label=_("Föredragande"),
        max_length=200,
        required=False,
        help_text=_("Namn och titel, om någon föredrog ärendet."),
    )
    also_participated = forms.CharField(
        label=_("I den slutliga handläggningen har även deltagit"),
        max_length=500,
        required=False,
        help_text=_("Namn och titlar, om några."),
    )


class SignatoryForm(forms.Form):
    name = forms.CharField(label=_("Namn"), max_length=200, required=False)
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("title") and not data.get("name"):
            self.add_error("name", _("Skriv namnet på den som undertecknar."))
        return data


class BaseSignatoryFormSet(forms.BaseFormSet):
    """Any number of signatories in order, up to ``MAX_SIGNATORIES`` (then a Swedish message)."""

    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_many_forms": _("Högst %(num)d undertecknare får plats i yttrandet. Ta bort några och spara igen."),
    }


SignatoryFormSet = forms.formset_factory(
    SignatoryForm,
    formset=BaseSignatoryFormSet,
    extra=2,
    max_num=MAX_SIGNATORIES,
    absolute_max=MAX_SIGNATORIES,
    validate_max=True,
)


class AssignmentForm(StyledForm):
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


class AttachmentForm(StyledForm):
    title = forms.CharField(label=_("Bilagans titel"), max_length=300, required=False)
    file = forms.FileField(label=_("PDF-fil"), validators=[validate_pdf])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Endast PDF, högst %(size)s.") % {"size": max_upload_label()}


class VerifyForm(StyledForm):
    """The public receipt check: the file is only hashed (``HashingUploadHandler``), never parsed."""

    file = forms.FileField(label=_("PDF-fil att kontrollera"), validators=[validate_upload_size])


class SubmitConfirmForm(StyledForm):
    """The confirmation step: the answer's version when the approver read the warnings and the
    preview, and (when there are warnings) that they submit knowingly."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    accept_warnings = forms.BooleanField(
        label=_("Jag har läst varningarna och vill skicka in yttrandet ändå."), required=False
    )

    def __init__(self, *args, has_warnings: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_warnings = has_warnings
        if not has_warnings:
            del self.fields["accept_warnings"]

    def clean_accept_warnings(self):
        if self.has_warnings and not self.cleaned_data.get("accept_warnings"):
            raise ValidationError(_("Kryssa i att du har läst varningarna, eller gå tillbaka och rätta yttrandet."))
        return True
