"""Forms for ministry staff: the remiss, its documents, structure, remisslista and progress filters."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, OrganisationKind
from remiss import deadlines
from remiss.models import ConsequenceQuestion, LatePolicy, ProposalKind, Publicity, Remiss
from remiss.remiss_import import ImportFormatError, parse_pasted_text, parse_remiss_json
from remiss.uploads import max_upload_label, validate_pdf

MAX_IMPORT_BYTES = 2 * 1024 * 1024
REPORT_ID = re.compile(r"^((?:SOU|Ds|Prop\.?|Dir\.?)\s+\d{4}(?:/\d{2})?:\d+)\s*[–-]?\s*(.*)$", re.IGNORECASE)
RESPONDENT_KINDS = [(k, label) for k, label in OrganisationKind.choices if k != OrganisationKind.MINISTRY]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


def reports_to_text(reports: list[dict]) -> str:
    lines = []
    for report in reports or []:
        parts = [report.get("id", ""), report.get("title", "")]
        if report.get("kind"):
            parts.append(report["kind"])
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def parse_reports(text: str) -> list[dict]:
    reports = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if "|" in line:
            parts = [part.strip() for part in line.split("|")]
            if len(parts) > 3 or not parts[0]:
                raise ValidationError(
                    _(
                        "Rad %(line)d: skriv ”beteckning | titel | typ”, till exempel ”SOU 2018:47 | Med tillit växer handlingsutrymmet | betänkande”."
                    ),
                    params={"line": lineno},
                )
            parts += [""] * (3 - len(parts))
            report_id, title, kind = parts
        elif match := REPORT_ID.match(line):
            report_id, title, kind = match[1], match[2].strip(), ""
        else:
            report_id, title, kind = line, "", ""
        if len(report_id) > 100 or len(title) > 500 or len(kind) > 100:
            raise ValidationError(_("Rad %(line)d är för lång."), params={"line": lineno})
        reports.append({"id": report_id, "title": title, "kind": kind})
    return reports


class RemissForm(forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=500)
    reference = forms.CharField(
        label=_("Diarienummer"), max_length=100, help_text=_("Till exempel Fi2018/02500/SFÖ. Unikt inom departementet.")
    )
    reports = forms.CharField(
        label=_("Betänkanden och promemorior"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "En per rad: beteckning | titel | typ, till exempel ”SOU 2018:47 | Med tillit växer handlingsutrymmet | huvudbetänkande”."
        ),
    )
    missive = forms.CharField(
        label=_("Missiv"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=50_000,
        help_text=_("Följebrevet till remissinstanserna: vad remissen gäller och hur svaren ska lämnas."),
    )
    deadline = forms.DateField(
        label=_("Sista svarsdag"),
        required=False,
        widget=DateInput(),
        help_text=_("Svaren ska ha kommit in senast vid dagens slut (svensk tid) om inget klockslag anges."),
    )
    deadline_time = forms.TimeField(label=_("Klockslag (valfritt)"), required=False, widget=TimeInput())
    consequence_questions = forms.MultipleChoiceField(
        label=_("Konsekvenser som remissinstanserna ombeds beskriva"),
        required=False,
        choices=ConsequenceQuestion.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    late_policy = forms.ChoiceField(
        label=_("Svar efter sista svarsdag"),
        choices=LatePolicy.choices,
        widget=forms.RadioSelect,
        initial=LatePolicy.ACCEPT_MARKED,
    )
    publicity = forms.ChoiceField(
        label=_("När blir svaren offentliga på webben?"),
        choices=Publicity.choices,
        widget=forms.RadioSelect,
        initial=Publicity.IMMEDIATE,
    )
    document_title = forms.CharField(label=_("Dokumentets titel (valfritt)"), max_length=300, required=False)
    document = forms.FileField(
        label=_("Bifoga ett dokument (PDF, valfritt)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, ministry: Organisation, instance: Remiss | None = None, **kwargs):
        self.ministry = ministry
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": instance.title,
                "reference": instance.reference,
                "reports": reports_to_text(instance.reports),
                "missive": instance.missive,
                "deadline": instance.deadline,
                "deadline_time": instance.deadline_time,
                "consequence_questions": instance.consequence_questions,
                "late_policy": instance.late_policy,
                "publicity": instance.publicity,
            }
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = _("Högst %(limit)s. Filen kontrolleras: den måste vara en riktig PDF.") % {
            "limit": max_upload_label()
        }

    def clean_reference(self) -> str:
        reference = self.cleaned_data["reference"].strip()
        others = Remiss.objects.filter(ministry=self.ministry, reference__iexact=reference)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(_("Diarienumret används redan av en annan remiss från departementet."))
        return reference

    def clean_reports(self) -> list[dict]:
        return parse_reports(self.cleaned_data.get("reports") or "")

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload:
            validate_pdf(upload)
        return upload

    def clean(self):
        data = super().clean()
        deadline, time = data.get("deadline"), data.get("deadline_time")
        if deadline and not deadlines.is_in_future(deadline, time):
            changed = self.instance is None or (deadline, time) != (self.instance.deadline, self.instance.deadline_time)
            if changed:
                self.add_error("deadline", _("Sista svarsdag måste ligga i framtiden."))
        if time and not deadline:
            self.add_error("deadline", _("Ange en dag när du anger ett klockslag."))
        return data

    def remiss_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in Remiss.EDITABLE_FIELDS}


class DocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"), max_length=300, help_text=_("Till exempel ”SOU 2018:47 Med tillit växer handlingsutrymmet”.")
    )
    file = forms.FileField(
        label=_("Fil (PDF)"),
        validators=[validate_pdf],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Högst %(limit)s. Filen kontrolleras: den måste vara en riktig PDF.") % {
            "limit": max_upload_label()
        }


class SectionForm(forms.Form):
    number = forms.CharField(
        label=_("Avsnittsnummer"), max_length=30, required=False, help_text=_("Till exempel 7.1.1.")
    )
    title = forms.CharField(label=_("Avsnittets rubrik"), max_length=500)


class ProposalForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Avsnitt"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(
        label=_("Typ"), choices=ProposalKind.choices, widget=forms.RadioSelect, initial=ProposalKind.PROPOSAL
    )
    text = forms.CharField(label=_("Förslagets text"), widget=forms.Textarea(attrs={"rows": 4}), max_length=50_000)

    def __init__(self, *args, remiss: Remiss, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = remiss.sections.all()


class PasteForm(forms.Form):
    text = forms.CharField(
        label=_("Numrerad text"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=500_000,
        help_text=_(
            "En rad som ”7.1.1 Rubrik” (avsnittsnummer och rubrik) börjar ett avsnitt. Raderna under den blir "
            "förslag i avsnittet: en per rad, eller en numrerad lista (”1. Regeringen ska …”, ”2. …”) där "
            "rader utan nummer fortsätter förslaget ovanför. Börja raden med ”Rekommendation:” eller "
            "”Bedömning:” för andra typer. Rubriker utan egna förslag (till exempel en kapitelrubrik före "
            "dess avsnitt) läggs inte till; du får veta vilka."
        ),
    )
    replace = forms.BooleanField(label=_("Ersätt befintliga avsnitt och förslag (bara i utkast)"), required=False)

    def clean_text(self):
        try:
            return parse_pasted_text(self.cleaned_data["text"])
        except ImportFormatError as error:
            raise ValidationError(str(error)) from None


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("JSON-fil"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/json,.json"}),
        help_text=_(
            "I samma format som sou-2018-47.json: sections med number, title och items (kind, text). Högst 2 MB."
        ),
    )
    replace = forms.BooleanField(label=_("Ersätt befintliga avsnitt och förslag (bara i utkast)"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("Filen är för stor (högst 2 MB)."))
        try:
            return parse_remiss_json(upload.read(), require_header=False)
        except ImportFormatError as error:
            raise ValidationError(str(error)) from None


class RecipientSearchForm(forms.Form):
    q = forms.CharField(label=_("Sök på namn"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Typ"), required=False, choices=[("", _("Alla typer")), *RESPONDENT_KINDS])
    county = forms.ChoiceField(label=_("Län"), required=False, choices=[])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        counties = (
            Organisation.objects.exclude(county="").order_by("county").values_list("county", flat=True).distinct()
        )
        self.fields["county"].choices = [("", _("Alla län")), *((c, c) for c in counties)]

    def filter(self, organisations):
        if not self.is_valid():
            return organisations
        data = self.cleaned_data
        if data["q"]:
            organisations = organisations.filter(name__icontains=data["q"])
        if data["kind"]:
            organisations = organisations.filter(kind=data["kind"])
        if data["county"]:
            organisations = organisations.filter(county=data["county"])
        return organisations

    @property
    def has_filter(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


class ExtensionForm(forms.Form):
    extended_deadline = forms.DateField(label=_("Förlängd svarsdag"), required=False, widget=DateInput())
    reason = forms.CharField(label=_("Skäl för förlängningen"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("extended_deadline") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Ange ett skäl för förlängningen."))
        return data


class ProgressFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Typ"), required=False, choices=[("", _("Alla typer")), *RESPONDENT_KINDS])
    county = forms.ChoiceField(label=_("Län"), required=False, choices=[])

    def __init__(self, *args, remiss: Remiss, **kwargs):
        super().__init__(*args, **kwargs)
        counties = (
            remiss.recipients.exclude(organisation__county="")
            .order_by("organisation__county")
            .values_list("organisation__county", flat=True)
            .distinct()
        )
        self.fields["county"].choices = [("", _("Alla län")), *((c, c) for c in counties)]

    def values(self) -> dict:
        if self.is_valid():
            return {"kind": self.cleaned_data["kind"], "county": self.cleaned_data["county"]}
        return {"kind": "", "county": ""}


class VersionScopeMixin(forms.Form):
    """Whether a publication choice applies to every version of the answer or to this one only."""

    scope = forms.ChoiceField(
        label=_("Gäller"),
        choices=[("all", _("alla versioner av svaret")), ("this", _("bara den här versionen"))],
        initial="all",
        required=False,
        widget=forms.RadioSelect,
    )

    @property
    def all_versions(self) -> bool:
        return self.cleaned_data.get("scope") != "this"


class RedactedCopyForm(VersionScopeMixin, forms.Form):
    field_order = ["file", "scope"]
    file = forms.FileField(
        label=_("Maskerad kopia (PDF)"),
        validators=[validate_pdf],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "Kopian publiceras på webben i stället för originalet. Originalet och kvittensen ändras inte. "
            "Högst %(limit)s; filen måste vara en riktig PDF."
        ) % {"limit": max_upload_label()}


class WithholdForm(VersionScopeMixin, forms.Form):
    field_order = ["reason", "scope"]
    reason = forms.CharField(
        label=_("Skäl till att svaret inte publiceras på webben"),
        max_length=500,
        help_text=_(
            "Visas på den publika sidan, till exempel ”Innehåller personuppgifter om enskilda”. "
            "Svaret kan fortfarande begäras ut som allmän handling."
        ),
    )


class OrganisationContactForm(forms.Form):
    """Correct a body's registry address and organisationsnummer (checked by ``services.register``)."""

    registry_email = forms.EmailField(
        label=_("Funktionsbrevlåda"),
        required=False,
        max_length=254,
        help_text=_("Organisationens officiella e-postadress, till exempel registrator@kommun.se."),
    )
    org_number = forms.CharField(
        label=_("Organisationsnummer"),
        required=False,
        max_length=20,
        help_text=_("Tio siffror, till exempel 212000-0142."),
    )


class OrganisationCreateForm(OrganisationContactForm):
    """A body that is not in the register: union, NGO, university, company."""

    name = forms.CharField(label=_("Namn"), max_length=200)
    kind = forms.ChoiceField(label=_("Typ"), choices=[("", _("Välj typ")), *RESPONDENT_KINDS])
    field_order = ["name", "kind", "registry_email", "org_number"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registry_email"].required = True


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Jag har kontrollerat remisslistan och inbjudan och vill publicera remissen."),
        error_messages={"required": _("Bekräfta att du vill publicera remissen.")},
    )
