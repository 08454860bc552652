"""Multi-factor sign-in: who must use it, setup with recovery codes, verification, throttling, audit."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AuditEvent
from tests import factories as f
from tests.support import totp_code, totp_device

pytestmark = pytest.mark.django_db

SETUP = "/konto/tvastegsverifiering/"
VERIFY = "/konto/tvastegsverifiering/kod/"


def password_client(user) -> Client:
    """Signed in with the password through the real sign-in form, no second factor yet."""
    c = Client()
    response = c.post(reverse("accounts:login"), {"username": user.email, "password": f.PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return c


def actions(user) -> list[str]:
    return list(
        AuditEvent.objects.filter(actor=user, action__startswith="auth.mfa")
        .order_by("pk")
        .values_list("action", flat=True)
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda org, ministry: f.MembershipFactory(organisation=ministry, is_ministry_staff=True).user,
        lambda org, ministry: f.MembershipFactory(organisation=org, is_approver=True).user,
        lambda org, ministry: f.MembershipFactory(organisation=org, is_org_admin=True).user,
        lambda org, ministry: f.UserFactory(is_staff=True, is_superuser=True),
    ],
    ids=["ministry-staff", "approver", "org-admin", "django-admin"],
)
def test_required_roles_reach_only_setup_verify_and_sign_out_without_a_second_factor(make, org, ministry):
    user = make(org, ministry)
    c = password_client(user)
    for url in ("/", "/departement/remisser/", "/yttranden/", "/konto/profil/", "/admin/", "/remisser/"):
        response = c.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(SETUP + "?next="), url
    assert c.get(SETUP).status_code == 200
    totp_device(user)  # now with an app: to verification instead of setup
    assert c.get("/departement/remisser/")["Location"].startswith(VERIFY)
    assert c.post(reverse("accounts:logout")).status_code == 302
    assert c.get("/konto/profil/")["Location"].startswith("/konto/logga-in/")


def test_unverified_htmx_and_json_requests_get_401_not_a_redirect(staff):
    c = password_client(staff)
    assert c.get("/departement/remisser/", headers={"HX-Request": "true"}).status_code == 401
    assert c.post("/departement/remisser/ny/", headers={"Accept": "application/json"}).status_code == 401


def test_drafter_without_an_app_is_not_asked_for_a_second_factor(drafter):
    c = password_client(drafter)
    assert c.get("/yttranden/").status_code == 200
    profile = c.get("/konto/profil/").content.decode()
    assert "Slå på tvåstegsverifiering" in profile


def test_a_drafter_who_chose_an_app_must_use_it(drafter):
    totp_device(drafter)
    c = password_client(drafter)
    assert c.get("/yttranden/")["Location"].startswith(VERIFY)


def test_setup_shows_a_server_drawn_qr_code_and_confirms_with_a_code_then_shows_recovery_codes(staff):
    c = password_client(staff)
    page = c.get(SETUP + "?next=/departement/remisser/").content.decode()
    assert "<svg" in page and "Slå på tvåstegsverifiering" in page
    assert "<script>" not in page and "data:image" not in page
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    key = re.search(r'class="mfa-secret"[^>]*>([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    assert key == __import__("base64").b32encode(device.bin_key).decode()

    wrong = c.post(SETUP, {"code": "000000", "next": "/departement/remisser/"})
    assert wrong.status_code == 200 and "Koden stämmer inte" in wrong.content.decode()
    assert c.get("/departement/remisser/").status_code == 302

    with time_machine.travel(timezone.now() + dt.timedelta(seconds=1.1), tick=False):  # past the wait
        done = c.post(SETUP, {"code": totp_code(device), "next": "/departement/remisser/"})
    assert done["Location"].startswith("/konto/tvastegsverifiering/reservkoder/")
    codes_page = c.get(done["Location"]).content.decode()
    codes = StaticToken.objects.filter(device__user=staff).values_list("token", flat=True)
    assert len(codes) == 10 and all(code in codes_page for code in codes)
    assert 'href="/departement/remisser/"' in codes_page
    assert c.get(done["Location"]).status_code == 302  # shown once
    assert c.get("/departement/remisser/").status_code == 200
    assert actions(staff) == ["auth.mfa_failed", "auth.mfa_setup"]


def test_an_unverified_user_with_an_app_cannot_register_another_one(staff):
    device = totp_device(staff)
    c = password_client(staff)
    assert c.get(SETUP)["Location"].startswith(VERIFY)
    c.post(SETUP, {"code": totp_code(device)})
    assert TOTPDevice.objects.filter(user=staff).count() == 1
    assert c.get("/departement/remisser/").status_code == 302


def test_verification_with_the_app_is_throttled_and_audited(staff):
    device = totp_device(staff)
    c = password_client(staff)
    now = timezone.now()
    with time_machine.travel(now, tick=False):  # the second try comes within the second, however slow the machine
        wrong = c.post(VERIFY, {"code": "123456", "next": "/departement/remisser/"})
        assert "Koden stämmer inte" in wrong.content.decode()
        throttled = c.post(VERIFY, {"code": totp_code(device), "next": "/departement/remisser/"})
    assert "För många felaktiga koder" in throttled.content.decode()
    assert c.get("/departement/remisser/").status_code == 302
    with time_machine.travel(now + dt.timedelta(seconds=1.1), tick=False):  # the wait is over
        ok = c.post(VERIFY, {"code": totp_code(device), "next": "/departement/remisser/"})
    assert ok.status_code == 302 and ok["Location"] == "/departement/remisser/"
    assert c.get("/departement/remisser/").status_code == 200
    assert actions(staff) == ["auth.mfa_failed", "auth.mfa_throttled", "auth.mfa_verified"]


def test_a_recovery_code_works_once(approver):
    totp_device(approver)
    from accounts import mfa

    code = mfa.new_recovery_codes(approver)[0]
    c = password_client(approver)
    assert c.post(VERIFY, {"code": code.upper()})["Location"] == "/"
    assert c.get("/yttranden/").status_code == 200
    assert actions(approver) == ["auth.mfa_recovery_used"]
    again = password_client(approver)
    assert "Koden stämmer inte" in again.post(VERIFY, {"code": code}).content.decode()


def test_verification_does_not_redirect_off_site(staff):
    device = totp_device(staff)
    c = password_client(staff)
    response = c.post(VERIFY, {"code": totp_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_mfa_pages_need_sign_in(anonymous):
    for url in (SETUP, VERIFY, "/konto/tvastegsverifiering/reservkoder/"):
        assert anonymous.get(url)["Location"].startswith("/konto/logga-in/")


def test_verified_user_renews_recovery_codes(client_for, outsider):
    c = client_for(outsider)
    page = c.get(SETUP).content.decode()
    assert "Tvåstegsverifiering är påslagen" in page
    renewed = c.post(SETUP, {"action": "recovery_codes"})
    assert renewed["Location"] == "/konto/tvastegsverifiering/reservkoder/"
    assert StaticToken.objects.filter(device__user=outsider).count() == 10
    assert "auth.mfa_recovery_codes_renewed" in actions(outsider)


def test_demo_code_matches_the_demo_users_app(staff):
    from remiss.demo import people

    device = TOTPDevice.objects.create(user=staff, key=people.demo_key_hex(), confirmed=True)
    token, seconds = people.current_code()
    assert 0 < seconds <= 30 and device.verify_token(token)


def test_demo_ministry_login_works_as_the_readme_says(db):
    """README: password remiss-demo-2026, then the code from `manage.py load_demo --code`."""
    from django.core.management import call_command

    from remiss.demo import DEMO_PASSWORD, people

    people.load()
    people.load()  # loading again keeps one app per user
    assert TOTPDevice.objects.filter(user__email="departement@demo.remiss.se").count() == 1
    assert not TOTPDevice.objects.filter(user__email="handlaggare@demo.remiss.se").exists()
    c = Client()
    c.post(reverse("accounts:login"), {"username": "departement@demo.remiss.se", "password": DEMO_PASSWORD})
    assert c.get("/departement/remisser/")["Location"].startswith(VERIFY)
    from io import StringIO

    out = StringIO()
    call_command("load_demo", "--code", stdout=out)
    code = out.getvalue().split()[0]
    assert c.post(VERIFY, {"code": code, "next": "/departement/remisser/"})["Location"] == "/departement/remisser/"
    assert c.get("/departement/remisser/").status_code == 200


def test_an_identity_provider_that_asserts_a_second_factor_satisfies_the_gate(staff, rf):
    """The OIDC extension point (ADR 0005): the backend marks the session, the gate lets it through."""
    from django.contrib.sessions.backends.db import SessionStore

    from accounts import mfa

    request = rf.get("/")
    request.user, request.session = staff, SessionStore()
    mfa.mark_verified_by_identity_provider(request, provider="freja")
    assert mfa.is_verified(request)
    assert AuditEvent.objects.filter(action="auth.mfa_verified", data__method="oidc").exists()


@pytest.mark.django_db(transaction=True)
def test_wrong_codes_sent_in_parallel_are_each_counted(staff):
    """Thirty wrong codes at once from one session: each one that is checked counts, so the back-off
    grows as it would one by one (a read-add-save without a lock lost most of them)."""
    from concurrent.futures import ThreadPoolExecutor

    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.test import RequestFactory

    from accounts import mfa

    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite serialises writers anyway)")
    device = totp_device(staff)

    def attempt(_n):
        request = RequestFactory().post(VERIFY)
        request.user, request.session = staff, SessionStore()
        try:
            return "failed" if mfa.verify(request, "000000") is False else "passed"
        except mfa.Throttled:
            return "throttled"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(attempt, range(30)))
    device.refresh_from_db()
    assert outcomes.count("passed") == 0
    assert outcomes.count("failed") >= 1
    assert device.throttling_failure_count == outcomes.count("failed")
    assert AuditEvent.objects.filter(action="auth.mfa_failed", actor=staff).count() == outcomes.count("failed")
    assert AuditEvent.objects.filter(action="auth.mfa_throttled", actor=staff).count() == outcomes.count("throttled")
