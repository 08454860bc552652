"""Respondent journeys in a real Chromium: write, review, decide and submit with a real Celery
worker rendering the PDF; two colleagues editing the same text see a conflict; an expired session
loses no text; axe-core finds nothing on the inbox, form and review pages."""

from __future__ import annotations

import hashlib
import io
import time

import pytest
from pypdf import PdfReader

from remiss.models import Answer, Receipt, Response, ResponseStatus, Submission, SubmissionStatus
from tests import factories as f
from tests.factories import PASSWORD
from tests.support import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def response(org, ministry):
    return f.response_with_proposals(org, proposals=3, ministry=ministry, title="Tillitsdelegationens betänkande")


def proposals_of(response):
    return list(response.recipient.remiss.proposals.order_by("section__position", "position"))


def new_page(browser, live_server, user):
    context = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
    p = context.new_page()
    p.set_default_timeout(15_000)
    login(p, live_server, user.email, PASSWORD)
    return p


def pdf_words(data: bytes) -> str:
    return " ".join(" ".join(pg.extract_text().split()) for pg in PdfReader(io.BytesIO(data)).pages)


def wait_saved(locator):
    locator.locator(".save-state", has_text="Sparat").wait_for()


@pytest.mark.worker
def test_write_review_fix_decide_submit_and_receipt(
    browser, live_server, page, celery_worker, response, drafter, reviewer, approver
):
    p1, p2, _ = proposals_of(response)
    base = live_server.url
    # The drafter writes.
    login(page, live_server, drafter.email, PASSWORD)
    page.goto(f"{base}/yttranden/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Tillitsdelegationens betänkande").click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    page.get_by_role("textbox", name="Sammanfattning").fill("Kommunen ställer sig positiv till betänkandet.")
    page.locator(f"#id_stance-{p1.pk}_1").check()
    group = page.locator(f"#p-{p1.pk}")
    group.get_by_role("textbox").fill("Kommunen tillstyrker men efterfrågar implementeringsstöd.")
    page.locator(f"#id_stance-{p2.pk}_3").check()
    wait_saved(group)
    wait_saved(page.locator("[data-field=summary]"))
    wait_saved(page.locator(f"#p-{p2.pk}"))
    page.get_by_role("link", name="Granskning och beslut").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Skicka till granskning").click()
    page.wait_for_load_state()
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.IN_REVIEW
    assert page.csp_errors == []

    # The reviewer asks for a change.
    rp = new_page(browser, live_server, reviewer)
    rp.goto(f"{base}/yttranden/{response.pk}/granskning/")
    assert axe_violations(rp) == []
    rp.get_by_label("Meddelande").fill("Lägg till något om barnkonsekvenser i kommentaren till 7.0.")
    rp.get_by_role("button", name="Begär ändringar").click()
    rp.wait_for_load_state()
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.CHANGES_REQUESTED

    # The drafter fixes it and sends it back.
    page.goto(f"{base}/yttranden/{response.pk}/")
    group = page.locator(f"#p-{p1.pk}")
    group.get_by_role("textbox").fill("Kommunen tillstyrker men efterfrågar implementeringsstöd. Barnen gynnas.")
    wait_saved(group)
    assert Answer.objects.get(proposal=p1).comment.endswith("Barnen gynnas.")
    page.goto(f"{base}/yttranden/{response.pk}/granskning/")
    assert "Lägg till något om barnkonsekvenser" in page.locator("main").inner_text()
    page.get_by_role("button", name="Skicka till granskning").click()
    page.wait_for_load_state()

    rp.goto(f"{base}/yttranden/{response.pk}/granskning/")
    rp.get_by_role("button", name="Godkänn").click()
    rp.wait_for_load_state()
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.APPROVED

    # The approver records the decision and submits.
    ap = new_page(browser, live_server, approver)
    ap.goto(f"{base}/yttranden/{response.pk}/granskning/")
    assert "Beslutsdatum saknas" in ap.locator("main").inner_text()
    assert axe_violations(ap) == []
    ap.get_by_label("Beslutsinstans").fill("Kommunstyrelsen")
    ap.get_by_label("Beslutsdatum").fill("2026-03-02")
    ap.get_by_label("Paragraf (§)").fill("§ 45")
    ap.get_by_label("Namn 1").fill("Mats Gerdau")
    ap.get_by_label("Titel 1").fill("Kommunstyrelsens ordförande")
    ap.get_by_role("button", name="Spara beslutet").click()
    ap.wait_for_load_state()
    # One proposal is unanswered: the approver is warned, with a link to it, previews and confirms.
    ap.get_by_role("link", name="Skicka in yttrandet").click()
    ap.wait_for_load_state()
    warnings = ap.get_by_role("region", name="Kontrollera innan du skickar in")
    assert "1 av 3 förslag saknar ställningstagande" in warnings.inner_text()
    p3 = proposals_of(response)[2]
    assert warnings.get_by_role("link").first.get_attribute("href").endswith(f"#p-{p3.pk}")
    assert axe_violations(ap) == []
    preview_href = ap.get_by_role("link", name="Förhandsgranska PDF").get_attribute("href")
    preview = ap.request.get(f"{base}{preview_href}")
    assert preview.ok and preview.headers["content-type"] == "application/pdf"
    preview_text = pdf_words(preview.body())
    assert "FÖRHANDSGRANSKNING" in preview_text
    ap.get_by_role("button", name="Bekräfta och skicka in").click()
    ap.wait_for_load_state()
    assert "Kryssa i att du har läst varningarna" in ap.locator("main").inner_text()
    assert not Submission.objects.filter(response=response).exists()
    ap.get_by_label("Jag har läst varningarna och vill skicka in yttrandet ändå.").check()
    ap.get_by_role("button", name="Bekräfta och skicka in").click()
    ap.wait_for_load_state()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not ap.get_by_role("link", name="Ladda ned PDF").count():
        time.sleep(1)
        ap.reload()
    assert ap.get_by_role("link", name="Ladda ned PDF").count(), list(Submission.objects.values("status", "error"))
    submission = Submission.objects.get(response=response)
    assert submission.status == SubmissionStatus.DONE
    data = submission.pdf.read()
    receipt = Receipt.objects.get(submission=submission)
    assert hashlib.sha256(data).hexdigest() == receipt.sha256
    assert receipt.sha256 in ap.locator("main").inner_text()
    text = pdf_words(data)
    assert text == preview_text.replace("FÖRHANDSGRANSKNING ", "")
    for expected in (
        "Kommunen ställer sig positiv",
        "efterfrågar implementeringsstöd. Barnen gynnas.",
        "Mats Gerdau",
        "Kommunstyrelsens ordförande",
        "Kommunstyrelsen",
        "Avstyrker",
        "Tillstyrker",
    ):
        assert expected in text, (expected, text)

    # Anyone can check the PDF against the receipt.
    pdf_file = submission.pdf.path
    page.goto(f"{base}/yttranden/kvittens/{receipt.code}/")
    page.get_by_label("PDF-fil att kontrollera").set_input_files(pdf_file)
    page.get_by_role("button", name="Kontrollera", exact=True).click()
    page.wait_for_load_state()
    assert "Filen stämmer." in page.locator("main").inner_text()


def test_two_colleagues_editing_the_same_text_see_a_conflict(browser, live_server, page, response, drafter, approver):
    p1 = proposals_of(response)[0]
    base = live_server.url
    login(page, live_server, drafter.email, PASSWORD)
    page.goto(f"{base}/yttranden/{response.pk}/")
    other = new_page(browser, live_server, approver)
    other.goto(f"{base}/yttranden/{response.pk}/")  # both loaded the same version

    mine = page.locator(f"#p-{p1.pk}")
    mine.get_by_role("textbox").fill("Hannas formulering.")
    wait_saved(mine)

    theirs = other.locator(f"#p-{p1.pk}")
    theirs.get_by_role("textbox").fill("Beritas formulering.")
    conflict = theirs.locator(".js-conflict")
    conflict.wait_for()
    assert "Hannas formulering." in conflict.inner_text()
    assert theirs.get_by_role("textbox").input_value() == "Beritas formulering."  # nothing lost
    assert Answer.objects.get(proposal=p1).comment == "Hannas formulering."  # nothing overwritten
    assert axe_violations(other) == []

    conflict.get_by_role("button", name="Behåll min text").click()
    wait_saved(theirs)
    assert Answer.objects.get(proposal=p1).comment == "Beritas formulering."


def test_saving_another_field_never_lets_a_stale_field_overwrite_a_colleague(
    browser, live_server, page, response, drafter, approver
):
    """Each text field carries its own version: Berit saving the general comments must not make her
    stale summary look current, so her later summary save shows a conflict instead of overwriting."""
    base = live_server.url
    login(page, live_server, approver.email, PASSWORD)
    page.goto(f"{base}/yttranden/{response.pk}/")  # Berit loads the page first
    other = new_page(browser, live_server, drafter)
    other.goto(f"{base}/yttranden/{response.pk}/")

    hanna = other.locator("[data-field=summary]")
    hanna.get_by_role("textbox").fill("Hannas sammanfattning.")
    wait_saved(hanna)

    general = page.locator("[data-field=general_comments]")
    general.get_by_role("textbox").fill("Beritas generella synpunkter.")
    wait_saved(general)
    summary = page.locator("[data-field=summary]")
    summary.get_by_role("textbox").fill("Beritas sammanfattning.")
    conflict = summary.locator(".js-conflict")
    conflict.wait_for()
    assert "Hannas sammanfattning." in conflict.inner_text()
    saved = Response.objects.get(pk=response.pk)
    assert saved.summary == "Hannas sammanfattning."  # nothing overwritten
    assert saved.general_comments == "Beritas generella synpunkter."
    assert summary.get_by_role("textbox").input_value() == "Beritas sammanfattning."  # nothing lost


def test_expired_session_keeps_text_and_saves_it_after_signing_in(browser, live_server, page, response, drafter):
    from django.contrib.sessions.models import Session

    base = live_server.url
    login(page, live_server, drafter.email, PASSWORD)
    page.goto(f"{base}/yttranden/{response.pk}/")
    Session.objects.all().delete()  # the session ends while the user is typing
    field = page.get_by_role("textbox", name="Generella synpunkter")
    field.fill("Text skriven efter att sessionen gick ut.")
    page.locator("[data-field=general_comments] .save-state", has_text="session").wait_for()
    assert field.input_value() == "Text skriven efter att sessionen gick ut."

    login(page, live_server, drafter.email, PASSWORD)
    page.goto(f"{base}/yttranden/{response.pk}/")
    wait_saved(page.locator("[data-field=general_comments]"))
    assert Response.objects.get(pk=response.pk).general_comments == "Text skriven efter att sessionen gick ut."


def test_text_typed_just_before_leaving_the_page_is_saved(browser, live_server, page, response, drafter):
    p1 = proposals_of(response)[0]
    base = live_server.url
    login(page, live_server, drafter.email, PASSWORD)
    page.goto(f"{base}/yttranden/{response.pk}/")
    page.locator(f"#id_stance-{p1.pk}_1").check()  # saved at once; the request is still on its way ...
    page.locator(f"#p-{p1.pk}").get_by_role("textbox").fill("Skrivet och sedan direkt vidare.")
    page.get_by_role("link", name="Granskning och beslut").click()  # ... when the user leaves
    page.wait_for_load_state()
    deadline = time.monotonic() + 10
    while (
        time.monotonic() < deadline and not Answer.objects.filter(proposal=p1, comment__startswith="Skrivet").exists()
    ):
        time.sleep(0.2)
    answer = Answer.objects.get(proposal=p1)
    assert (answer.stance, answer.comment) == ("supports", "Skrivet och sedan direkt vidare.")


def test_table_of_contents_and_status_follow_autosave_without_reload(browser, live_server, page, response, drafter):
    p1 = proposals_of(response)[0]
    login(page, live_server, drafter.email, PASSWORD)
    page.goto(f"{live_server.url}/yttranden/{response.pk}/")
    toc = page.get_by_role("navigation", name="Innehåll")
    assert "0 av 3 förslag besvarade" in toc.inner_text()
    assert page.locator("[data-status-badge]").inner_text() == "Ej påbörjat"
    page.locator(f"#id_stance-{p1.pk}_1").check()
    wait_saved(page.locator(f"#p-{p1.pk}"))
    assert "1 av 3 förslag besvarade" in toc.inner_text()
    assert page.locator("[data-status-badge]").inner_text() == "Utkast"
    assert toc.locator(f"[data-toc-proposal='{p1.pk}'] .toc-done").is_visible()
    assert toc.locator(f"[data-section-count='{p1.section_id}']").inner_text().startswith("(1/")
    # The form comes before the table of contents in tab order.
    page.locator("h1").click()
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(e => e.closest('#answer-form') ? 'form' : e.closest('nav.toc') ? 'toc' : '')(document.activeElement)"
        )
        if focused:
            break
    assert focused == "form"
