"""Staff register a DOCX answer in a real Chromium, correct one suggestion and confirm; the answer
appears on the public page with its original file and receipt, and in the compilation figures."""

import time

import pytest
from django.utils import timezone

from remiss.compilation.data import gather
from remiss.models import ReceivedDocument, ResponseStatus, SubmissionStatus
from tests import documents
from tests import factories as f
from tests.factories import PASSWORD
from tests.support import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_register_correct_confirm_and_see_it_public(live_server, page, staff, ministry, org, celery_worker):
    remiss = f.PublishedRemissFactory(ministry=ministry, reference="Fi2026/00471")
    register = f.SectionFactory(remiss=remiss, number="4.1", title="Ett nationellt register")
    supervision = f.SectionFactory(remiss=remiss, number="4.2", title="Tillsyn över registret")
    first = f.ProposalFactory(section=register, text="Ett nationellt register över vattentäkter ska inrättas.")
    second = f.ProposalFactory(section=supervision, text="Länsstyrelsen ska utöva tillsyn över registret.")
    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    f.ResponseFactory(recipient=recipient, status=ResponseStatus.NOT_STARTED)
    answer = documents.docx_bytes(
        [
            ("heading", "Yttrande över Fi2026/00471"),
            ("heading", "4.1 Ett nationellt register"),
            "Kommunen tillstyrker förslaget.",
            ("heading", "4.2 Tillsyn över registret"),
            "Kommunen avstyrker förslaget. Tillsynen bör ligga hos kommunen.",
        ]
    )

    login(page, live_server, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/departement/remisser/{remiss.pk}/")
    page.get_by_role("link", name="Svar som dokument").click()
    assert axe_violations(page) == []
    page.get_by_label("Remissinstans").select_option(label="Nacka kommun")
    page.get_by_label("Svaret som fil").set_input_files(
        files=[{"name": "yttrande.docx", "mimeType": DOCX_MIME, "buffer": answer}]
    )
    page.get_by_label("Inkom").fill(timezone.localdate().isoformat())
    page.get_by_label("Avsändarens diarienummer").fill("KS 2026/118")
    page.get_by_role("button", name="Registrera och läs in").click()
    assert "Granska förslagen och bekräfta läsningen" in page.locator("main").inner_text()
    assert page.locator("mark", has_text="Kommunen avstyrker förslaget.").count() == 1
    assert axe_violations(page) == []

    stance_first = page.get_by_label(f"Ställningstagande till {first.label}")
    stance_second = page.get_by_label(f"Ställningstagande till {second.label}")
    assert stance_first.input_value() == "supports" and stance_second.input_value() == "opposes"
    stance_second.select_option("partly")  # staff correct the suggestion
    page.get_by_role("button", name="Bekräfta läsningen").click()
    assert "Läsningen är bekräftad" in page.locator("main").inner_text()
    assert page.csp_errors == []

    received = ReceivedDocument.objects.get()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        received.submission.refresh_from_db()
        if received.submission.status == SubmissionStatus.DONE:
            break
        time.sleep(0.5)
    assert received.submission.status == SubmissionStatus.DONE

    page.goto(f"{live_server.url}/remisser/{remiss.pk}/")
    main = page.locator("main").inner_text()
    assert "Originaldokument: yttrande.docx" in main and "inkommit som dokument" in main
    assert page.get_by_role("link", name="Kvittens Nacka kommun").count() == 1
    assert axe_violations(page) == []

    figures = gather(remiss, {})
    groups = {g["stance"]: g["entries"] for g in figures["sections"][1]["proposals"][0]["groups"]}
    assert [entry["organisation"] for entry in groups["partly"]] == ["Nacka kommun"]
    assert figures["recipients"][0]["document"]
