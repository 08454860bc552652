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
    assert "Du arbetar för Nacka kommun" in page.locator("main").inner_text()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Arbeta för Värmdö kommun").click()
    page.wait_for_load_state()
    assert "Du arbetar för Värmdö kommun" in page.locator("main").inner_text()
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
