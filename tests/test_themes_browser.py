"""Staff curate themes in a real Chromium without JavaScript of their own: the Teman tab, a
proposal's themes (rename, confirm, an error summary that keeps what was typed), publishing the
analysis with a confirmation, and the public page — each checked with axe-core and for CSP errors."""

import pytest

from remiss.models import Theme
from remiss.services import themes
from tests.factories import PASSWORD
from tests.support import axe_violations, login
from tests.theme_fixtures import themed_remiss

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_curate_publish_and_read_the_analysis(live_server, page, staff, ministry):
    remiss, proposal, recipients = themed_remiss(ministry)
    themes.run_themes(remiss=remiss)
    theme = Theme.objects.filter(proposal=proposal, members__response=recipients["Uppsala kommun"].response).first()

    login(page, live_server, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/departement/remisser/{remiss.pk}/")
    page.get_by_role("link", name="Teman", exact=True).click()
    assert "Teman per förslag" in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.get_by_role("link", name=proposal.label).first.click()
    assert page.get_by_role("heading", name=theme.label).count() == 1
    assert axe_violations(page) == []

    field = page.locator(f"#label-{theme.pk}")
    field.fill("")
    page.locator(f"#theme-{theme.pk}").get_by_role("button", name="Byt namn").click()
    assert "Skriv en rubrik för temat." in page.locator(".error-summary").inner_text()
    assert axe_violations(page) == []
    page.locator(f"#label-{theme.pk}").fill("Finansieringen är oklar")
    page.locator(f"#theme-{theme.pk}").get_by_role("button", name="Byt namn").click()
    assert "Temat har bytt namn." in page.locator("main").inner_text()
    page.locator(f"#theme-{theme.pk}").get_by_role("button", name="Bekräfta temat").click()
    assert "Temat är bekräftat" in page.locator("main").inner_text()

    page.goto(f"{live_server.url}/departement/remisser/{remiss.pk}/teman/")
    page.get_by_role("link", name="Publicera analysen").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Ja, publicera analysen").click()
    assert "Analysen är publicerad" in page.locator("main").inner_text()

    page.get_by_role("link", name="Vad hände med synpunkterna?").click()
    main = page.locator("main").inner_text()
    assert "Finansieringen är oklar" in main and "Uppsala kommun" in main
    assert axe_violations(page) == []
    assert page.csp_errors == []
