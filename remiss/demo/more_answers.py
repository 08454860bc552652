"""More demo answers (``data/demo-answers-more.json``): about forty bodies, so the sammanställning
has something to say. Idempotent and quick: PDFs are rendered by the worker, not here.

Entries give a stance per section; most go through the answer form's services and the workflow
like ``answers.py``; those marked ``as_document`` arrive as Word files that the ministry registers,
the service reads and demo staff confirm as read; the campaign is one joint text adopted by several
kommuner (shown as a group of near-identical answers).
"""

from __future__ import annotations

import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, OrganisationKind, User
from remiss.models import Recipient, Remiss, Response, ResponseStatus
from remiss.services import document_reading, documents

from . import DATA_DIR
from .answers import REMISS_REFERENCE, _load_one
from .remisser import MINISTRY

DECIDED_BY = {
    OrganisationKind.MUNICIPALITY: ("Kommunstyrelsen", "Kommundirektör"),
    OrganisationKind.REGION: ("Regionstyrelsen", "Regiondirektör"),
    OrganisationKind.AGENCY: ("Generaldirektören", "Generaldirektör"),
    OrganisationKind.OTHER: ("Styrelsen", "Förbundsdirektör"),
}
DEFAULT_SENTENCE = {
    "supports": "I övrigt ställer sig {org} bakom förslagen.",
    "no_view": "{org} har i övrigt inga synpunkter.",
}


def _entries(data: dict) -> list[dict]:
    campaign = data["campaign"]
    entries = list(data["answers"])
    for name in campaign["organisations"]:
        entries.append(
            {
                "organisation": name,
                "summary": campaign["summary"].format(org=name),
                "general": campaign["general"],
                "sections": campaign["sections"],
                "default": campaign["default"],
            }
        )
    return entries


def _form_entry(remiss: Remiss, organisation: Organisation, entry: dict, position: int) -> dict:
    """The compact entry in the format of ``answers._load_one``."""
    answers = {}
    for proposal in remiss.proposals.select_related("section"):
        stance, comment = entry["sections"].get(proposal.section.number, [entry.get("default", ""), ""])
        answers[proposal.label] = [stance, comment]
    body, title = DECIDED_BY.get(organisation.kind, DECIDED_BY[OrganisationKind.OTHER])
    return {
        "organisation": organisation.name,
        "status": "submitted",
        "summary": entry["summary"],
        "general_comments": entry.get("general", ""),
        "answers": answers,
        "decided_by": body,
        "decision_days_ago": 3 + position % 10,
        "minute_ref": "" if organisation.kind == OrganisationKind.AGENCY else f"§ {40 + position}",
        "signatories": [[f"Demo Undertecknare {position + 1}", title]],
    }


def _document(remiss: Remiss, organisation: Organisation, entry: dict) -> bytes:
    """The answer as the Word file a body would e-mail: headings per section, its own wording."""
    import docx

    document = docx.Document()
    reports = " och ".join(str(report.get("id", "")) for report in remiss.reports or [] if report.get("id"))
    document.add_heading(f"Yttrande över {reports or remiss.title[:60]} ({remiss.reference})", level=1)
    document.add_heading("Sammanfattning", level=2)
    document.add_paragraph(entry["summary"])
    if entry.get("general"):
        document.add_heading("Generella synpunkter", level=2)
        document.add_paragraph(entry["general"])
    titles = {section.number: section.title for section in remiss.sections.all()}
    for number, (_stance, comment) in entry["sections"].items():
        document.add_heading(f"Avsnitt {number} {titles.get(number, '')}", level=2)
        document.add_paragraph(comment)
    if sentence := DEFAULT_SENTENCE.get(entry.get("default", "")):
        document.add_heading("Övrigt", level=2)
        document.add_paragraph(sentence.format(org=organisation.name))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _register(remiss: Remiss, recipient: Recipient, entry: dict, staff: User, position: int) -> str:
    organisation = recipient.organisation
    upload = SimpleUploadedFile(f"Yttrande {organisation.name}.docx", _document(remiss, organisation, entry))
    received = documents.register_document_answer(
        remiss=remiss,
        by=staff,
        upload=upload,
        received_on=timezone.localdate(),
        recipient=recipient,
        sender_reference=f"Dnr {2018 + position % 2}/{100 + position}",
    )
    # demo staff accept the reading as the review screen shows it: the body's full texts, and a
    # stance only where the text takes one the reader is sure of
    documents.confirm_document_answer(
        received=received, by=staff, choices=document_reading.accepted_choices(received.reading)
    )
    return f"  {organisation.name}: inkommit som dokument, inläst och bekräftat"


def load() -> list[str]:
    remiss = Remiss.objects.filter(ministry__name=MINISTRY, reference=REMISS_REFERENCE).first()
    staff = User.objects.filter(email="departement@demo.remiss.se").first()
    if remiss is None or staff is None:
        return ["Fler demosvar: demoremissen saknas – hoppar över."]
    data = json.loads((DATA_DIR / "demo-answers-more.json").read_text(encoding="utf-8"))
    done = set(
        Response.objects.filter(recipient__remiss=remiss)
        .exclude(status=ResponseStatus.NOT_STARTED)
        .values_list("recipient__organisation__name", flat=True)
    )
    lines = []
    for position, entry in enumerate(_entries(data)):
        if entry["organisation"] in done:
            continue
        recipient = (
            Recipient.objects.filter(remiss=remiss, organisation__name=entry["organisation"])
            .select_related("organisation")
            .first()
        )
        if recipient is None:
            continue
        with transaction.atomic():
            if entry.get("as_document"):
                lines.append(_register(remiss, recipient, entry, staff, position))
            else:
                form_entry = _form_entry(remiss, recipient.organisation, entry, position)
                lines.append(_load_one(remiss, form_entry, render=False) or "")
    lines = [line for line in lines if line]
    return [f"Fler demosvar ({len(lines)}):", *lines] if lines else ["Fler demosvar finns redan."]
