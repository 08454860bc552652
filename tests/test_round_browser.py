"""A real remiss round in Chromium with a real Celery worker writing mail to the mail folder: the
ministry publishes to a body that has only a registry address; the registrator claims it from the
mail, becomes organisation administrator, invites a handläggare and a beslutsfattare who activate;
the answer is drafted, a task assigned, reviewed, approved and submitted, each step's e-mail arriving
with a working link."""

from __future__ import annotations

import email
import re
import time
from email import policy
from pathlib import Path

import pytest

from accounts.models import Membership
from remiss.models import Response, ResponseStatus, Submission
from tests import factories as f
from tests.factories import PASSWORD
from tests.support import axe_violations, login, start_worker, stop_worker, totp_code, wait_for_worker, worker_env

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]
NEW_PASSWORD = "ett-eget-langt-losenord-9"


@pytest.fixture
def mail_worker(transactional_db, settings, tmp_path, live_server):
    """A worker whose mail goes to files under tmp_path/var/mail and whose links point at the live server."""
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (TEST_REDIS_URL) for the shared broker")
    var_dir = tmp_path / "var"
    var_dir.mkdir(exist_ok=True)
    settings.MEDIA_ROOT = var_dir / "media"
    proc = start_worker(worker_env(var_dir, SITE_URL=live_server.url, SECRET_KEY=settings.SECRET_KEY))
    wait_for_worker(proc, var_dir)
    yield var_dir / "mail"
    stop_worker(proc)


def mail_to(folder: Path, address: str, subject_part: str, timeout: float = 60):
    """The newest message to ``address`` whose subject contains ``subject_part``: (subject, text)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in (
            sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True) if folder.exists() else []
        ):
            for raw in re.split(rb"\n-{79}\n", path.read_bytes()):
                if not raw.strip():
                    continue
                message = email.message_from_bytes(raw, policy=policy.default)
                if address in str(message["To"]) and subject_part in str(message["Subject"]):
                    return str(message["Subject"]), message.get_body(("plain",)).get_content()
        time.sleep(0.5)
    raise AssertionError(f"no mail to {address} about {subject_part!r}")


def link(text: str, live_server, part: str = "") -> str:
    return re.search(re.escape(live_server.url) + r"\S*" + re.escape(part) + r"\S*", text).group(0)


def fresh(browser):
    context = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
    p = context.new_page()
    p.set_default_timeout(15_000)
    return p


def second_factor_setup(p, email_address):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    assert "/konto/tvastegsverifiering/" in p.url
    device = TOTPDevice.objects.get(user__email=email_address, confirmed=False)
    p.get_by_label("Kod").fill(totp_code(device))
    p.get_by_role("button", name="Bekräfta och slå på").click()
    p.get_by_role("link", name="Jag har sparat koderna – fortsätt").click()
    p.wait_for_load_state()


def activate(browser, live_server, folder, address, name):
    _subject, text = mail_to(folder, address, "Du är inbjuden")
    p = fresh(browser)
    p.goto(link(text, live_server))
    p.get_by_label("Namn").fill(name)
    p.get_by_label("Välj lösenord").fill(NEW_PASSWORD)
    p.get_by_label("Upprepa lösenordet").fill(NEW_PASSWORD)
    p.get_by_role("button", name="Skapa kontot").click()
    p.wait_for_load_state()
    return p


def test_a_round_from_registry_address_to_submitted_answer(browser, live_server, page, mail_worker, staff, ministry):
    base = live_server.url
    remiss = f.RemissFactory(ministry=ministry, status="draft", title="Tillitsdelegationens betänkande")
    section = f.SectionFactory(remiss=remiss, number="3", title="Styrning")
    f.ProposalFactory(section=section, text="Styrningen ska bygga på tillit.")
    tyreso = f.OrganisationFactory(name="Tyresö kommun", registry_email="registrator@tyreso.se")
    f.RecipientFactory(remiss=remiss, organisation=tyreso)

    # The ministry publishes after the pre-flight.
    login(page, live_server, staff.email, PASSWORD)
    page.goto(f"{base}/departement/remisser/{remiss.pk}/publicera/")
    main = " ".join(page.locator("main").inner_text().split())
    assert "1 remissinstans nås via sin funktionsbrevlåda" in main and "0 remissinstanser kan inte nås." in main
    assert axe_violations(page) == []
    page.get_by_label("Jag har kontrollerat remisslistan och inbjudan och vill publicera remissen.").check()
    page.get_by_role("button", name="Publicera remissen").click()
    assert "Remissen är publicerad." in page.locator("main").inner_text()

    # The registrator opens the claim link from the mail folder and creates the first account.
    _subject, text = mail_to(mail_worker, "registrator@tyreso.se", "Remiss: Tillitsdelegationens")
    reg = fresh(browser)
    reg.goto(link(text, live_server, "/konto/inbjudan/"))
    assert "Skapa det första kontot för Tyresö kommun" in reg.locator("main").inner_text(), (
        reg.url,
        reg.content()[:3000],
    )
    assert axe_violations(reg) == []
    reg.get_by_label("Namn").fill("Kim Registrator")
    reg.get_by_label("Titel").fill("Registrator")
    reg.get_by_label("Din e-postadress i tjänsten").fill("kim@tyreso.se")
    reg.get_by_role("button", name="Skicka bekräftelselänk").click()
    assert "Vi har skickat ett meddelande till kim@tyreso.se" in reg.locator("main").inner_text()
    _subject, text = mail_to(mail_worker, "kim@tyreso.se", "Bekräfta din e-postadress")
    reg.goto(link(text, live_server))
    reg.get_by_label("Välj lösenord").fill(NEW_PASSWORD)
    reg.get_by_label("Upprepa lösenordet").fill(NEW_PASSWORD)
    reg.get_by_role("button", name="Skapa kontot").click()
    reg.wait_for_load_state()
    second_factor_setup(reg, "kim@tyreso.se")  # an organisation administrator needs a second factor
    response = Response.objects.get(recipient__remiss=remiss)
    assert reg.url == f"{base}/yttranden/{response.pk}/"
    assert Membership.objects.get(user__email="kim@tyreso.se").is_org_admin

    # Kim invites a handläggare and a beslutsfattare.
    reg.get_by_role("link", name="Personer").click()
    assert axe_violations(reg) == []
    for address, role in (("hanna@tyreso.se", "Handläggare"), ("berit@tyreso.se", "Beslutsfattare")):
        reg.get_by_label("E-postadress").fill(address)
        reg.locator("form[action$='/bjud-in/']").get_by_label(role, exact=True).check()
        reg.get_by_role("button", name="Skicka inbjudan").click()
        assert f"En inbjudan har skickats till {address}" in reg.locator("main").inner_text()
    hanna = activate(browser, live_server, mail_worker, "hanna@tyreso.se", "Hanna Handläggare")
    berit = activate(browser, live_server, mail_worker, "berit@tyreso.se", "Berit Beslutsfattare")
    second_factor_setup(berit, "berit@tyreso.se")

    # Hanna drafts, gives Berit a task and sends the answer for review.
    hanna.goto(f"{base}/yttranden/{response.pk}/")
    hanna.get_by_role("textbox", name="Sammanfattning").fill("Kommunen tillstyrker förslaget.")
    hanna.locator("[data-field=summary] .save-state", has_text="Sparat").wait_for()
    hanna.get_by_label("Avsnitt eller förslag").select_option(index=1)
    hanna.get_by_label("Kollega", exact=True).select_option(label="Berit Beslutsfattare")
    hanna.get_by_role("button", name="Skicka uppgiften").click()
    hanna.wait_for_load_state()
    _subject, text = mail_to(mail_worker, "berit@tyreso.se", "Ny uppgift")
    berit.goto(link(text, live_server))
    assert berit.url.startswith(f"{base}/yttranden/{response.pk}/")
    hanna.goto(f"{base}/yttranden/{response.pk}/granskning/")
    hanna.get_by_role("button", name="Skicka till granskning").click()
    hanna.wait_for_load_state()

    # Kim (granskare too) gets the review mail and approves; Berit gets the approval mail and submits.
    _subject, text = mail_to(mail_worker, "kim@tyreso.se", "Att granska")
    reg.goto(link(text, live_server))
    reg.get_by_role("button", name="Godkänn").click()
    reg.wait_for_load_state()
    _subject, text = mail_to(mail_worker, "berit@tyreso.se", "väntar på beslut")
    berit.goto(link(text, live_server))
    berit.get_by_label("Beslutsinstans").fill("Kommunstyrelsen")
    berit.get_by_label("Beslutsdatum").fill("2026-03-02")
    berit.get_by_label("Paragraf (§)").fill("§ 12")
    berit.get_by_label("Namn 1").fill("Berit Beslutsfattare")
    berit.get_by_label("Titel 1").fill("Kommunstyrelsens ordförande")
    berit.get_by_role("button", name="Spara beslutet").click()
    berit.wait_for_load_state()
    berit.get_by_role("link", name="Skicka in yttrandet").click()
    berit.wait_for_load_state()
    warning = berit.get_by_label("Jag har läst varningarna och vill skicka in yttrandet ändå.")
    if warning.count():
        warning.check()
    berit.get_by_role("button", name="Bekräfta och skicka in").click()
    berit.wait_for_load_state()
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED and Submission.objects.filter(response=response).exists()
    assert response.assignments.get().done_at is not None  # the open task closed with the answer
