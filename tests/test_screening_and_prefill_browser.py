"""Two pages in a real Chromium with axe-core: the ministry screens "Lämna synpunkter" answers
(publish one, reject the other, from the keyboard; a private person without consent is never named
publicly), and a drafter prefills the answer form from their own Word draft."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from remiss.models import Answer, PublicAnswer, PublicAnswerStatus, SenderKind, Submission
from remiss.services.submissions import render_submission
from tests import documents
from tests import factories as f
from tests.factories import PASSWORD
from tests.support import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def press_on(page, control, limit: int = 120) -> None:
    """Reach ``control`` with the Tab key alone (it must be in the tab order) and press Enter on it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if control.evaluate("element => element === document.activeElement"):
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"not reachable with Tab: {control}")


def fits_a_phone(p) -> None:
    """At 375 px the page scrolls no sideways and axe finds nothing; then back to the test's width."""
    size = p.viewport_size
    p.set_viewport_size({"width": 375, "height": 800})
    assert p.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_violations(p) == []
    p.set_viewport_size(size)


def pending(remiss, **fields) -> PublicAnswer:
    return PublicAnswer.objects.create(
        remiss=remiss, status=PublicAnswerStatus.PENDING, confirmed_at=timezone.now(), **fields
    )


def test_staff_publish_a_private_persons_views_unnamed_and_reject_an_organisations(
    live_server, page, staff, ministry, org
):
    remiss = f.PublishedRemissFactory(ministry=ministry, reference="Fi2026/00612", title="Ett vattenregister")
    section = f.SectionFactory(remiss=remiss, number="3.1", title="Ett nationellt register")
    proposal = f.ProposalFactory(section=section, text="Ett nationellt register över vattentäkter ska inrättas.")
    f.RecipientFactory(remiss=remiss, organisation=org)  # on the remisslista: not screened here
    person = pending(
        remiss,
        sender_kind=SenderKind.PERSON,
        name="Greta Grönlund",
        email="greta@example.se",
        publish_name=False,
        general_comments="Registret behövs, men uppgifterna om enskilda brunnar ska inte vara öppna.",
        answers={str(proposal.pk): {"stance": "partly", "comment": "Enskilda brunnar bör undantas."}},
    )
    association = pending(
        remiss,
        sender_kind=SenderKind.ORGANISATION,
        name="Föreningen Vattenvän",
        email="styrelsen@vattenvan.example.se",
        publish_name=True,
        general_comments="Föreningen avstyrker hela förslaget.",
        answers={str(proposal.pk): {"stance": "opposes", "comment": ""}},
    )
    PublicAnswer.objects.create(  # the sender never followed the link: not shown to the ministry
        remiss=remiss, sender_kind=SenderKind.PERSON, name="Olle Obekräftad", email="olle@example.se"
    )

    login(page, live_server, staff.email, PASSWORD)
    page.goto(live_server.url + reverse("ministry:public_answers", args=[remiss.pk]))
    table = page.get_by_role("table", name="Inkomna synpunkter")
    person_row = table.get_by_role("row").filter(has_text="Greta Grönlund")
    association_row = table.get_by_role("row").filter(has_text="Föreningen Vattenvän")
    # cells: Publiceras som, Bekräftat, Synpunkter, Status, Granskning
    assert person_row.get_by_role("cell").nth(0).inner_text() == "Privatperson"
    assert association_row.get_by_role("cell").nth(0).inner_text() == "Föreningen Vattenvän"
    assert person_row.get_by_role("cell").nth(3).inner_text() == "Väntar på granskning"
    assert "Olle Obekräftad" not in table.inner_text()
    assert axe_violations(page) == []
    fits_a_phone(page)

    press_on(page, page.get_by_role("button", name="Publicera Privatperson"))
    page.get_by_text("Synpunkterna är publicerade").wait_for()
    press_on(page, page.get_by_role("button", name="Avvisa Föreningen Vattenvän"))
    page.get_by_text("Synpunkterna är avvisade och publiceras inte.").wait_for()
    assert person_row.get_by_role("cell").nth(3).inner_text() == "Publicerat"
    assert association_row.get_by_role("cell").nth(3).inner_text() == "Avvisat"
    assert page.get_by_role("button", name="Publicera").count() == 0  # screened once only
    assert axe_violations(page) == []
    assert page.csp_errors == []

    person.refresh_from_db()
    association.refresh_from_db()
    assert person.status == PublicAnswerStatus.PUBLISHED and person.screened_by == staff
    assert association.status == PublicAnswerStatus.REJECTED and association.recipient is None
    public_name = f"Privatperson (nr {person.pk})"
    assert person.recipient.organisation.name == public_name and person.recipient.invited_at is None
    submission = Submission.objects.get()  # the rejected answer became nothing
    assert submission.response.recipient == person.recipient and submission.snapshot["source"] == "public"
    assert Answer.objects.get(response=submission.response, proposal=proposal).stance == "partly"

    render_submission(submission_id=submission.pk)  # the worker's job, in this process
    page.goto(live_server.url + reverse("public:detail", args=[remiss.pk]))
    answers = page.get_by_role("table", name="Inkomna remissvar").inner_text()
    assert public_name in answers and "Vattenvän" not in answers
    assert page.get_by_role("link", name=f"Remissvar från {public_name} (PDF)").count() == 1
    assert "Greta" not in page.content() and "Grönlund" not in page.content()
    page.get_by_role("link", name=f"Remissvar från {public_name} (webbsida)").click()
    assert "Enskilda brunnar bör undantas." in page.locator("main").inner_text()
    assert "Greta" not in page.content() and "greta@example.se" not in page.content()


def test_a_drafter_prefills_the_form_from_a_word_draft_and_corrects_one_suggestion(
    live_server, page, drafter, ministry, org
):
    remiss = f.PublishedRemissFactory(ministry=ministry, title="Tillsyn över vattentäkter")
    register = f.SectionFactory(remiss=remiss, number="4.1", title="Ett nationellt register", position=0)
    supervision = f.SectionFactory(remiss=remiss, number="4.2", title="Tillsyn över registret", position=1)
    fees = f.SectionFactory(remiss=remiss, number="4.3", title="Avgifter", position=2)
    first = f.ProposalFactory(section=register, text="Ett nationellt register över vattentäkter ska inrättas.")
    second = f.ProposalFactory(section=supervision, text="Länsstyrelsen ska utöva tillsyn över registret.")
    third = f.ProposalFactory(section=fees, text="Avgifter ska tas ut för tillsynen.")
    response = f.ResponseFactory(recipient=f.RecipientFactory(remiss=remiss, organisation=org))
    Answer.objects.create(response=response, proposal=third, stance="supports", comment="Avgifterna bör vara låga.")
    draft = documents.docx_bytes(
        [
            ("heading", "Yttrande från Nacka kommun"),
            ("heading", "4.1 Ett nationellt register"),
            "Kommunen tillstyrker förslaget.",
            ("heading", "4.2 Tillsyn över registret"),
            "Kommunen avstyrker förslaget. Tillsynen bör ligga hos kommunen.",
        ]
    )

    login(page, live_server, drafter.email, PASSWORD)
    page.goto(live_server.url + reverse("respondent:form", args=[response.pk]))
    page.get_by_role("link", name="Läs in ert utkast från Word eller PDF").click()
    page.get_by_role("heading", name="Läs in ert utkast", exact=True).wait_for()
    assert axe_violations(page) == []
    page.get_by_label("Ert utkast som fil").set_input_files(
        files=[{"name": "utkast.docx", "mimeType": DOCX_MIME, "buffer": draft}]
    )
    page.get_by_role("button", name="Läs in").click()
    page.get_by_role("heading", name="Välj förslag att föra in i utkastet").wait_for()
    assert axe_violations(page) == []
    fits_a_phone(page)
    assert Answer.objects.filter(response=response).count() == 1  # nothing stored before confirming

    def group(proposal):
        return page.get_by_role("group", name=f"{proposal.label} {proposal.section.title}")

    assert group(first).get_by_label("Ställningstagande").input_value() == "supports"
    assert group(second).get_by_label("Ställningstagande").input_value() == "opposes"
    assert "Utkastet berör inte förslaget." in group(third).inner_text()  # no stance suggested
    assert "Utkastet har redan innehåll här: Tillstyrker Avgifterna bör vara låga." in group(third).inner_text()
    assert group(first).get_by_label("För in i utkastet").is_checked()
    assert not group(third).get_by_label("Ersätt utkastets innehåll med detta").is_checked()  # the drafter's text
    group(second).get_by_label("Ställningstagande").select_option("partly")  # the drafter corrects it
    page.get_by_role("button", name="För in de valda förslagen").click()
    page.get_by_text("De valda förslagen är sparade i utkastet.").wait_for()
    assert page.url.endswith(reverse("respondent:form", args=[response.pk]))
    assert page.csp_errors == []

    saved = {a.proposal_id: (a.stance, a.comment) for a in Answer.objects.filter(response=response)}
    assert saved[first.pk] == ("supports", "Kommunen tillstyrker förslaget.")
    assert saved[second.pk] == ("partly", "Kommunen avstyrker förslaget. Tillsynen bör ligga hos kommunen.")  # all
    assert saved[third.pk] == ("supports", "Avgifterna bör vara låga.")  # not ticked: untouched
    for proposal, label in ((first, "Tillstyrker"), (second, "Tillstyrker delvis"), (third, "Tillstyrker")):
        assert page.locator(f"#p-{proposal.pk}").get_by_role("radio", name=label, exact=True).is_checked()
    comment = page.locator(f"#p-{second.pk}").get_by_role("textbox").input_value()
    assert comment == "Kommunen avstyrker förslaget. Tillsynen bör ligga hos kommunen."
