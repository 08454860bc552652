"""Second factor in a real Chromium: a ministry official sets up an app, signs in with a code, and without
the code the ministry pages stay closed."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD
from tests.support import axe_violations, login, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ministry_official_sets_up_an_app_then_signs_in_with_a_code(live_server, page, staff):
    # First sign-in: the password alone leads to the setup page, never to the ministry's pages.
    page.goto(f"{live_server.url}/konto/logga-in/?next=/departement/remisser/")
    page.get_by_label("E-postadress").fill(staff.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").last.click()
    page.wait_for_load_state()
    assert "/konto/tvastegsverifiering/" in page.url
    assert page.locator(".mfa-qr").is_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/departement/remisser/")
    assert (
        "/konto/tvastegsverifiering/" in page.url and "Departementets remisser" not in page.locator("main").inner_text()
    )

    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    page.get_by_label("Kod").fill("000000")
    page.get_by_role("button", name="Bekräfta och slå på").click()
    page.wait_for_load_state()
    assert "Koden stämmer inte" in page.locator("[data-error-summary]").inner_text()
    page.wait_for_timeout(1100)  # one wrong code: the next try waits a second
    page.get_by_label("Kod").fill(totp_code(device))
    page.get_by_role("button", name="Bekräfta och slå på").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Dina reservkoder"
    assert page.locator(".mfa-codes li").count() == 10
    assert axe_violations(page) == []
    page.get_by_role("link", name="Jag har sparat koderna – fortsätt").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/departement/remisser/"

    # Next sign-in: password, then the code from the app.
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_load_state()
    login(page, live_server, staff.email, PASSWORD, second_factor=False)
    assert "/konto/tvastegsverifiering/kod/" in page.url
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/departement/remisser/")
    assert "/konto/tvastegsverifiering/kod/" in page.url
    page.get_by_label("Kod").fill(totp_code(device))
    page.get_by_role("button", name="Verifiera").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/departement/remisser/"
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.csp_errors == []


def test_login_helper_completes_the_second_factor(live_server, page, staff):
    login(page, live_server, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/departement/remisser/")
    assert page.url == f"{live_server.url}/departement/remisser/"
