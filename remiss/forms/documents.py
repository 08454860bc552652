"""Forms for registering an answer that came as a document, and for confirming its reading."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganisationKind
from remiss.models import Remiss, ResponseStatus, Stance
from remiss.uploads import max_upload_label

from .ministry import RESPONDENT_KINDS, DateInput

STANCE_CHOICES = [("", _("Ej besvarad")), *Stance.choices]


class DocumentRegisterForm(forms.Form):
    recipient = forms.ModelChoiceField(
        label=_("Remissinstans"),
        queryset=None,
        required=False,
        empty_label=_("– Ny avsändare (skriv namnet nedan) –"),
        help_text=_("Remissinstanser som ännu inte har svarat."),
    )
    new_sender = forms.CharField(
        label=_("Ny avsändare"),
        max_length=200,
        required=False,
        help_text=_("En organisation som inte finns på remisslistan."),
    )
    new_sender_kind = forms.ChoiceField(
        label=_("Typ av avsändare"), choices=RESPONDENT_KINDS, initial=OrganisationKind.OTHER
    )
    file = forms.FileField(
        label=_("Svaret som fil"),
        help_text=_("PDF, Word (.docx) eller text (.txt), högst %(limit)s.") % {"limit": max_upload_label()},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.txt"}),
    )
    received_on = forms.DateField(label=_("Inkom"), widget=DateInput())
    sender_reference = forms.CharField(label=_("Avsändarens diarienummer"), max_length=100, required=False)
    other_remiss_confirmed = forms.BooleanField(
        label=_("Dokumentet gäller den här remissen, även om det hänvisar till ett annat diarienummer"), required=False
    )

    def __init__(self, *args, remiss: Remiss, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("received_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = (
            remiss.recipients.select_related("organisation")
            .filter(response__status=ResponseStatus.NOT_STARTED)
            .order_by("organisation__name")
        )
        self.fields["recipient"].label_from_instance = lambda recipient: recipient.organisation.name

    def cleaned_data_for_service(self) -> dict:
        data = self.cleaned_data
        return {
            "upload": data["file"],
            "received_on": data["received_on"],
            "recipient": data.get("recipient"),
            "new_sender": data.get("new_sender", ""),
            "new_sender_kind": data.get("new_sender_kind", ""),
            "sender_reference": data.get("sender_reference", ""),
            "other_remiss_confirmed": data.get("other_remiss_confirmed", False),
        }

    def clean(self):
        data = super().clean()
        if data.get("recipient") and (data.get("new_sender") or "").strip():
            self.add_error("new_sender", _("Välj antingen en remissinstans eller skriv en ny avsändare, inte båda."))
        elif not data.get("recipient") and not (data.get("new_sender") or "").strip():
            self.add_error("recipient", _("Välj en remissinstans eller skriv avsändarens namn."))
        return data


TEXT_LIMIT = 50_000


def _textarea(label, rows: int = 3, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEXT_LIMIT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ReadingForm(forms.Form):
    """One stance and comment per proposal, prefilled with the reader's reading: the body's full text
    on each proposal, and a stance only where the reader is sure enough (never where it asks, never
    on a proposal the text does not address)."""

    summary = _textarea(_("Sammanfattning"))
    general_comments = _textarea(_("Generella synpunkter"), rows=5)
    consequences = _textarea(
        _("Konsekvenser"),
        help_text=_(
            "Stycken som nämner en av remissens konsekvensfrågor förs till den frågan; "
            "övriga läggs sist i de generella synpunkterna under rubriken Konsekvenser."
        ),
    )

    def __init__(self, *args, proposals, reading: dict, **kwargs):
        super().__init__(*args, **kwargs)
        suggestions = reading.get("proposals", {})
        self.rows = []
        for proposal in proposals:
            suggestion = suggestions.get(str(proposal.pk), {})
            stance_name, comment_name = f"stance_{proposal.pk}", f"comment_{proposal.pk}"
            self.fields[stance_name] = forms.ChoiceField(
                label=_("Ställningstagande till %(label)s") % {"label": proposal.label},
                choices=STANCE_CHOICES,
                required=False,
                initial=suggestion.get("suggested", ""),
            )
            self.fields[comment_name] = forms.CharField(
                label=_("Kommentar till %(label)s") % {"label": proposal.label},
                required=False,
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=suggestion.get("comment", ""),
            )
            self.rows.append((proposal, suggestion, self[stance_name], self[comment_name]))
        self.fields["summary"].initial = reading.get("summary", "")
        self.fields["general_comments"].initial = reading.get("general_views", "")
        self.fields["consequences"].initial = reading.get("consequences", "")

    def choices(self) -> dict[int, tuple[str, str]]:
        return {
            proposal.pk: (
                self.cleaned_data.get(f"stance_{proposal.pk}", ""),
                self.cleaned_data.get(f"comment_{proposal.pk}", ""),
            )
            for proposal, *_rest in self.rows
        }

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in ("summary", "general_comments", "consequences")}


class MoveParagraphForm:
    """Where staff put one paragraph. The move buttons submit the review form, so the stances staff
    have already chosen come along. ``move`` is the paragraph's index (its place in ``place-<index>``:
    a place name or ``proposal:<pk>``) or ``<index>-valda`` for the proposals ticked under a shared
    text (``keys-<index>``). Whether the place exists is the service's to say."""

    def __init__(self, data, *, proposal_keys: list[str]):
        self.data = data
        self.proposal_keys = list(proposal_keys)
        self.index, self.place, self.keys = 0, "", []

    def is_valid(self) -> bool:
        number, _dash, ticked = (self.data.get("move") or "").strip().partition("-")
        if not number.isdigit() or len(number) > 6:
            return False
        self.index = int(number)
        if ticked == "valda":
            self.place, self.keys = "proposal", self.data.getlist(f"keys-{number}")
        else:
            place = (self.data.get(f"place-{number}") or "")[:40]
            self.place, _colon, key = place.partition(":")
            self.keys = [key] if key else []
        return True

    def move(self) -> tuple[int, str, list[str]]:
        return self.index, self.place, self.keys

    def stances(self) -> dict[str, str]:
        """The stance shown for each proposal when staff pressed the button."""
        return {key: self.data[f"stance_{key}"] for key in self.proposal_keys if f"stance_{key}" in self.data}
