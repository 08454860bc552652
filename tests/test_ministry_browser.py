"""A ministry official creates, fills and publishes a remiss in a real Chromium; the public sees it."""

import datetime as dt

import pytest
from django.utils import timezone

from remiss.models import Remiss, RemissStatus
from tests import factories as f
from tests.factories import PASSWORD
from tests.support import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_create_fill_publish_and_see_it_on_the_public_page(live_server, page, staff):
    for name in ("Danderyds kommun", "Täby kommun"):
        f.OrganisationFactory(name=name, county="Stockholms län")
    f.OrganisationFactory(name="Uppsala kommun", county="Uppsala län")
    login(page, live_server, staff.email, PASSWORD)
    page.get_by_role("link", name="Departementets remisser").first.click()
    page.get_by_role("link", name="Ny remiss").click()
    assert axe_violations(page) == []

    # A past deadline is refused and what was typed is kept.
    page.get_by_label("Rubrik").fill("Ett enklare remissförfarande (SOU 2026:10)")
    page.get_by_label("Diarienummer").fill("Fi2026/01234")
    page.get_by_label("Missiv").fill("Remissvaren ska ha kommit in senast sista svarsdagen.")
    page.get_by_role("textbox", name="Sista svarsdag").fill("2020-01-01")
    page.get_by_label("Ekonomiska konsekvenser").check()
    page.get_by_role("button", name="Skapa utkast").click()
    assert "Sista svarsdag måste ligga i framtiden." in page.locator("[data-error-summary]").inner_text()
    assert page.get_by_label("Rubrik").input_value() == "Ett enklare remissförfarande (SOU 2026:10)"
    assert axe_violations(page) == []
    page.get_by_role("textbox", name="Sista svarsdag").fill((timezone.localdate() + dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Skapa utkast").click()
    assert "Remissen har skapats som utkast." in page.locator("main").inner_text()

    page.get_by_role("link", name="Avsnitt och förslag").click()
    page.get_by_role("textbox", name="Numrerad text").fill(
        "3.1 Kortare svarstider\nRemisstiden ska vara minst sex veckor.\nBedömning: Digitala svar bör vara förstahandsval.\n"
    )
    page.get_by_role("button", name="Lägg till från texten").click()
    assert "2 förslag i 1 avsnitt har lagts till." in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Remisslista").click()
    page.get_by_role("combobox", name="Typ").select_option("kommun")
    page.get_by_role("combobox", name="Län").select_option("Stockholms län")
    page.get_by_role("button", name="Sök").click()
    page.get_by_role("button", name="Lägg till alla 2 som matchar").click()
    assert "2 remissinstanser har lagts till" in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Översikt").click()
    page.get_by_role("link", name="Förbered publicering").click()
    assert "2 remissinstanser kan inte nås." in " ".join(page.locator("main").inner_text().split())
    assert axe_violations(page) == []
    page.get_by_role("link", name="Ange funktionsbrevlåda för Danderyds kommun").click()
    page.get_by_label("Funktionsbrevlåda").fill("registrator@danderyd")
    page.get_by_role("button", name="Spara").click()
    assert "giltig e-postadress" in page.locator("[data-error-summary]").inner_text()
    assert axe_violations(page) == []
    page.get_by_label("Funktionsbrevlåda").fill("registrator@danderyd.se")
    page.get_by_role("button", name="Spara").click()
    main = " ".join(page.locator("main").inner_text().split())
    assert "1 remissinstans nås via sin funktionsbrevlåda" in main and "1 remissinstans kan inte nås." in main
    assert "har ännu inget konto i tjänsten Remiss" in main  # the preview of the e-mail to the registry
    page.get_by_role("button", name="Publicera remissen").click()  # not confirmed
    assert "Bekräfta att du vill publicera remissen." in page.locator("main").inner_text()
    page.get_by_label("Jag har kontrollerat remisslistan och inbjudan och vill publicera remissen.").check()
    page.get_by_role("button", name="Publicera remissen").click()
    assert "Remissen är publicerad." in page.locator("main").inner_text()
    remiss = Remiss.objects.get(reference="Fi2026/01234")
    assert remiss.status == RemissStatus.PUBLISHED

    assert "Ej påbörjat: 2" in " ".join(page.locator("main").inner_text().split())
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/remisser/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Ett enklare remissförfarande (SOU 2026:10)").click()
    main = page.locator("main").inner_text()
    assert "Remisstiden ska vara minst sex veckor." in main and "Täby kommun" in main
    assert axe_violations(page) == []
    assert page.csp_errors == []


def test_redact_an_answer_and_the_public_page_follows(live_server, page, staff, ministry, tmp_path):
    remiss = f.PublishedRemissFactory(ministry=ministry, title="En remiss med svar", reference="Fi2026/05555")
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    f.make_submission(
        f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name="Solna kommun")), pdf=True
    )
    f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name="Sundbybergs kommun"))
    login(page, live_server, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/departement/remisser/{remiss.pk}/uppfoljning/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Publicering Solna kommun").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Publicera inte på webben").click()  # no reason given
    assert "Formuläret innehåller fel" in page.locator("[data-error-summary]").inner_text()
    assert axe_violations(page) == []
    page.get_by_label("Skäl till att svaret inte publiceras på webben").fill("Innehåller personuppgifter")
    page.get_by_role("button", name="Publicera inte på webben").click()
    assert "Svaret publiceras inte längre på webben." in page.locator("main").inner_text()
    redacted = tmp_path / "maskerad.pdf"
    redacted.write_bytes(f.tiny_pdf())
    page.get_by_label("Maskerad kopia (PDF)").set_input_files(str(redacted))
    page.get_by_role("button", name="Ladda upp och publicera kopian").click()
    assert "Den maskerade kopian publiceras nu" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/remisser/{remiss.pk}/")
    assert "maskerad kopia" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    assert page.csp_errors == []
