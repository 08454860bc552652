"""A multi-page Word answer in a real Chromium: staff register it, see each paragraph where it
landed (axe-core finds nothing on the review screen), move one, confirm; the public answer page
then shows the body's reasoning and says it came as a document."""

import io
import time

import pytest
from django.utils import timezone

from remiss.models import Answer, ReceivedDocument, ResponseStatus, SubmissionStatus
from tests import factories as f
from tests.factories import PASSWORD
from tests.support import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MIDDLE = "Ett gemensamt register minskar dubbelarbetet mellan kommunerna och länsstyrelserna."


def multi_page_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Yttrande över SOU 2026:4 (Fi2026/00471)", level=1)
    document.add_heading("Sammanfattning", level=2)
    document.add_paragraph("Kommunen ser positivt på betänkandet men vill se en tydligare ansvarsfördelning.")
    document.add_heading("Generella synpunkter", level=2)
    document.add_paragraph("Vattenförsörjningen är en kommunal kärnuppgift som kräver långsiktig planering.")
    document.add_paragraph("Kommunen vill också peka på behovet av samverkan över kommungränserna.")
    document.add_page_break()
    document.add_heading("4.1 Ett nationellt register", level=2)
    document.add_heading("Kommunens bedömning", level=3)
    document.add_paragraph("Kommunen tillstyrker förslaget.")
    document.add_heading("Skäl", level=3)
    document.add_paragraph("Registret ger en överblick som i dag saknas.")
    document.add_paragraph(MIDDLE)
    document.add_paragraph("Registret bör därför inrättas så snart som möjligt.")
    document.add_page_break()
    document.add_heading("4.2 Tillsyn över registret", level=2)
    document.add_heading("Kommunens bedömning", level=3)
    document.add_paragraph("Kommunen avstyrker förslaget.")
    document.add_heading("Motivering", level=3)
    document.add_paragraph("Tillsynen bör ligga nära verksamheten, hos kommunen.")
    document.add_paragraph("Kommunen bidrar gärna till en vägledning för tillsynen.")
    document.add_page_break()
    document.add_paragraph("Med vänlig hälsning")
    document.add_paragraph("Anna Andersson, kommunstyrelsens ordförande")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_multi_page_docx_is_read_reviewed_and_published(live_server, page, staff, ministry, org, celery_worker):
    remiss = f.PublishedRemissFactory(ministry=ministry, reference="Fi2026/00471")
    register = f.SectionFactory(remiss=remiss, number="4.1", title="Ett nationellt register")
    supervision = f.SectionFactory(remiss=remiss, number="4.2", title="Tillsyn över registret")
    entry = f.SectionFactory(remiss=remiss, number="4.3", title="Ikraftträdande")
    first = f.ProposalFactory(section=register, text="Ett nationellt register över vattentäkter ska inrättas.")
    second = f.ProposalFactory(section=supervision, text="Länsstyrelsen ska utöva tillsyn över registret.")
    third = f.ProposalFactory(section=entry, text="Lagen ska träda i kraft den 1 juli 2027.")
    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    f.ResponseFactory(recipient=recipient, status=ResponseStatus.NOT_STARTED)

    login(page, live_server, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/departement/remisser/{remiss.pk}/dokumentsvar/")
    page.get_by_label("Remissinstans").select_option(label="Nacka kommun")
    page.get_by_label("Svaret som fil").set_input_files(
        files=[{"name": "yttrande.docx", "mimeType": DOCX_MIME, "buffer": multi_page_docx()}]
    )
    page.get_by_label("Inkom").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Registrera och läs in").click()
    main = page.locator("main")
    assert "Dokumentets stycken och var de hamnade" in main.inner_text()
    assert "Med vänlig hälsning" not in main.inner_text()  # the furniture is left out
    assert "Berörs inte i svaret" in main.inner_text()  # 4.3 is never mentioned
    assert page.get_by_label(f"Ställningstagande till {third.label}").input_value() == ""
    assert page.get_by_label(f"Ställningstagande till {first.label}").input_value() == "supports"
    assert MIDDLE in page.get_by_label(f"Kommentar till {first.label}").input_value()
    assert axe_violations(page) == []

    # staff correct a stance, then move the offer of a guidance from 4.2 to the general views:
    # the stance they chose stays
    page.get_by_label(f"Ställningstagande till {first.label}").select_option("partly")
    item = page.locator("li", has_text="Kommunen bidrar gärna till en vägledning")
    item.get_by_role("combobox").select_option("general_views")
    item.get_by_role("button", name="Flytta").click()
    assert "Stycket är flyttat" in main.inner_text()
    assert "vägledning" in page.get_by_label("Generella synpunkter").input_value()
    assert "vägledning" not in page.get_by_label(f"Kommentar till {second.label}").input_value()
    assert page.get_by_label(f"Ställningstagande till {first.label}").input_value() == "partly"
    assert axe_violations(page) == []

    page.get_by_role("button", name="Bekräfta läsningen").click()
    assert "Läsningen är bekräftad" in main.inner_text()
    assert page.csp_errors == []
    answers = {a.proposal_id: a for a in Answer.objects.filter(response=recipient.response)}
    assert answers[third.pk].stance == "" and answers[second.pk].stance == "opposes"
    assert answers[first.pk].stance == "partly" and MIDDLE in answers[first.pk].comment

    received = ReceivedDocument.objects.get()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        received.submission.refresh_from_db()
        if received.submission.status == SubmissionStatus.DONE:
            break
        time.sleep(0.5)
    assert received.submission.status == SubmissionStatus.DONE

    page.goto(f"{live_server.url}/remisser/{remiss.pk}/svar/{received.submission_id}/")
    text = page.locator("main").inner_text()
    assert MIDDLE in text and "Inkommit som dokument" in text
    assert "vägledning för tillsynen" in text  # under the general views, where staff put it
    assert page.get_by_role("link", name="originaldokumentet yttrande.docx").count() == 1
    assert axe_violations(page) == []
