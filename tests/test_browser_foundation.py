"""Key journeys of the foundation in a real Chromium, with axe-core on each page."""

import pytest

from tests import factories as f
from tests.factories import PASSWORD
from tests.support import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_see_start_page_and_switch_organisation(live_server, page, drafter, other_org):
    f.MembershipFactory(user=drafter, organisation=other_org, is_reviewer=True)
    page.goto(f"{live_server.url}/konto/logga-in/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert axe_violations(page) == []

    login(page, live_server, drafter.email, PASSWORD)
    assert page.get_by_role("heading", level=1).inner_text() == "Nacka kommun"
    assert axe_violations(page) == []

    # The header switcher works from any page and brings the user back to it.
    page.goto(f"{live_server.url}/remisser/")
    page.get_by_label("Du arbetar för").select_option(label="Värmdö kommun")
    page.get_by_role("button", name="Byt organisation").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/remisser/"
    assert "Du arbetar nu för Värmdö kommun" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Start").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Värmdö kommun"
    assert page.csp_errors == []


def test_wrong_password_shows_linked_error_summary_and_keyboard_reaches_it(live_server, page, drafter):
    login(page, live_server, drafter.email, "fel-lösenord")
    summary = page.locator("[data-error-summary]")
    assert "Fel e-postadress eller lösenord" in summary.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.get_by_label("E-postadress").input_value() == drafter.email
    assert axe_violations(page) == []


def test_skip_link_is_first_tab_stop_and_focus_is_visible(live_server, page, db):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Hoppa till huvudinnehållet"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_start_pages_of_ministry_staff_and_the_public_pass_axe(live_server, page, staff, ministry, org):
    remiss = f.PublishedRemissFactory(ministry=ministry, title="En öppen remiss")
    f.RecipientFactory(remiss=remiss, organisation=org)
    page.goto(f"{live_server.url}/")
    assert "En öppen remiss" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    login(page, live_server, staff.email, PASSWORD)
    assert "0 av 1" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    assert page.csp_errors == []


def test_the_axe_check_reports_what_it_finds(page):
    """The checker every browser test relies on can fail: a field without a label and grey-on-white text."""
    page.set_content(
        '<html lang="sv"><head><title>Prov</title></head><body><main><h1>Prov</h1>'
        '<input type="text"><p style="color:#bbb;background:#fff">Svag text</p></main></body></html>'
    )
    found = {v["id"]: v for v in axe_violations(page)}
    assert {"label", "color-contrast"} <= set(found), found
    assert found["label"]["nodes"] == [["input"]] and found["label"]["help"]
