"""Demo remisser: SOU 2018:47 published by Finansdepartementet, and one draft. Idempotent."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Organisation, OrganisationKind, User
from remiss.models import Remiss, RemissStatus
from remiss.pdf.base import render_pdf
from remiss.remiss_import import ImportedItem, ImportedSection, parse_remiss_json
from remiss.services import remiss_documents, remiss_recipients, remiss_structure
from remiss.services import remisser as services
from remiss.tasks.invitations import send_invitations

from . import DATA_DIR

MINISTRY = "Finansdepartementet"
STAFF_EMAIL = "departement@demo.remiss.se"
OTHER_KOMMUNER = [
    "Göteborgs kommun",
    "Malmö kommun",
    "Uppsala kommun",
    "Linköpings kommun",
    "Örebro kommun",
    "Västerås kommun",
    "Umeå kommun",
    "Jönköpings kommun",
    "Luleå kommun",
    "Kiruna kommun",
    "Sundsvalls kommun",
    "Gotlands kommun",
    "Karlstads kommun",
    "Växjö kommun",
]
MISSIVE = """Remissinstanserna ombeds att yttra sig över betänkandena.

Remissvaren ska ha kommit in till Finansdepartementet senast på sista svarsdagen. Svaren lämnas i tjänsten Remiss, där de tas emot, kvitteras och publiceras.

Remissinstanserna ombeds att ta ställning till varje förslag och rekommendation (tillstyrker, tillstyrker delvis, avstyrker eller inga synpunkter) och gärna motivera sina ställningstaganden. Om remissinstansen inte har några synpunkter räcker det att ange det.

Myndigheter under regeringen är skyldiga att svara på remissen. För andra remissinstanser är det frivilligt. En remissinstans kan meddela att den avstår från att yttra sig."""

DRAFT_REFERENCE = "Fi2026/00412"
DRAFT_SECTIONS = [
    ImportedSection(
        "4.1",
        "Ett samlat regelverk för kommunal redovisning",
        items=[
            ImportedItem(
                "förslag",
                "Lagen om kommunal bokföring och redovisning ska kompletteras med bestämmelser om hållbarhetsredovisning för kommuner och regioner med fler än 50 000 invånare.",
            ),
            ImportedItem(
                "bedömning", "Rådet för kommunal redovisning bör även i fortsättningen ansvara för normgivningen."
            ),
        ],
    ),
    ImportedSection(
        "4.2",
        "Delårsrapporter och prognoser",
        items=[
            ImportedItem(
                "förslag",
                "Kommuner och regioner ska upprätta en delårsrapport per den 30 april utöver den som upprättas per den 31 augusti.",
            ),
            ImportedItem(
                "rekommendation",
                "Kommuner och regioner bör redovisa en helårsprognos för investeringar i varje delårsrapport.",
            ),
        ],
    ),
    ImportedSection(
        "5",
        "Ikraftträdande",
        items=[
            ImportedItem(
                "förslag",
                "Ändringarna ska träda i kraft den 1 januari 2028 och tillämpas första gången för räkenskapsåret 2028.",
            ),
        ],
    ),
]


def _recipients(ministry: Organisation) -> list[Organisation]:
    orgs = Organisation.objects.filter(is_active=True).exclude(kind=OrganisationKind.MINISTRY)
    chosen = list(orgs.filter(kind=OrganisationKind.REGION))
    chosen += list(orgs.filter(kind=OrganisationKind.MUNICIPALITY, county="Stockholms län"))
    chosen += list(orgs.filter(name__in=OTHER_KOMMUNER))
    chosen += list(orgs.filter(kind__in=[OrganisationKind.AGENCY, OrganisationKind.OTHER]))
    return chosen


MISSIVE_TITLE = "Remissmissiv"
DEMO_WEEKS = 6


def _attach_missive(remiss: Remiss, staff: User | None) -> str | None:
    """Render the missive as a small PDF (WeasyPrint) and attach it as the document "Remissmissiv"."""
    if remiss.status not in services.EDITABLE or remiss.documents.filter(title=MISSIVE_TITLE).exists():
        return None
    context = {"remiss": remiss, "date": timezone.localdate(), "recipient_count": remiss.recipients.count()}
    data = render_pdf("remiss/pdf/missive.html", context)
    upload = SimpleUploadedFile("remissmissiv.pdf", data, content_type="application/pdf")
    remiss_documents.add_document(remiss=remiss, by=staff, title=MISSIVE_TITLE, upload=upload)
    return f"Dokument bifogat: {MISSIVE_TITLE} ({len(data) // 1024} kB PDF)"


def _keep_open(remiss: Remiss, staff: User | None) -> str | None:
    """The demo deadline is set at the first load; when it has passed, move it ahead again."""
    if not remiss.accepts_answers or not remiss.deadline_passed():
        return None
    old = remiss.deadline
    deadline = timezone.localdate() + dt.timedelta(weeks=DEMO_WEEKS)
    services.reopen_remiss(remiss=remiss, by=staff, deadline=deadline)
    return (
        f"Demoremissens sista svarsdag ({old}) hade passerat: flyttad {DEMO_WEEKS} veckor fram till {deadline}"
        " (remissen är öppen igen)."
    )


def load() -> list[str]:
    ministry = Organisation.objects.filter(name=MINISTRY, kind=OrganisationKind.MINISTRY).first()
    if ministry is None:
        return ["Demoremisser: Finansdepartementet saknas i registret – hoppar över."]
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    lines = []
    imported = parse_remiss_json((DATA_DIR / "sou-2018-47.json").read_bytes())
    remiss = Remiss.objects.filter(ministry=ministry, reference=imported.reference).first()
    if remiss is None:
        remiss = remiss_structure.create_remiss_from_import(
            ministry=ministry,
            by=staff,
            imported=imported,
            missive=MISSIVE,
            deadline=timezone.localdate() + dt.timedelta(weeks=6),
            consequence_questions=["economic", "municipal"],
        )
        lines.append(f"Demoremiss skapad: {remiss.reference} med {remiss.proposals.count()} förslag")
    if remiss.status == RemissStatus.DRAFT:
        added = remiss_recipients.add_recipients(remiss=remiss, by=staff, organisations=_recipients(ministry))
        lines += filter(None, [_attach_missive(remiss, staff)])
        services.publish_remiss(remiss=remiss, by=staff)
        lines.append(f"Demoremiss publicerad med {added} remissinstanser, sista svarsdag {remiss.deadline}")
        # Sent here, like the demo answers' PDFs: the round is complete when `make run` prints its address
        # (the queued task then finds nothing left to do).
        sent = send_invitations(remiss.pk)
        lines.append(f"Inbjudningar skickade till {sent['invited']} remissinstanser (se var/mail/)")
    else:
        lines.append(f"Demoremiss finns redan: {remiss.reference} ({remiss.get_status_display()})")
        lines += filter(None, [_keep_open(remiss, staff)])
        remiss.refresh_from_db()
        lines += filter(None, [_attach_missive(remiss, staff)])
    if not Remiss.objects.filter(ministry=ministry, reference=DRAFT_REFERENCE).exists():
        draft = services.create_remiss(
            ministry=ministry,
            by=staff,
            title="En modernare kommunal redovisning (Ds 2026:4)",
            reference=DRAFT_REFERENCE,
            reports=[{"id": "Ds 2026:4", "title": "En modernare kommunal redovisning", "kind": "promemoria"}],
            missive="Utkast. Missivet skrivs när remisslistan är klar.",
            deadline=timezone.localdate() + dt.timedelta(weeks=12),
            consequence_questions=["economic", "municipal"],
        )
        remiss_structure.import_sections(remiss=draft, by=staff, sections=DRAFT_SECTIONS, source="demo")
        lines.append(f"Utkast till remiss skapat: {draft.reference}")
    return lines
