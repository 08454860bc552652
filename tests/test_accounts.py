"""Sign-in, sign-out, password reset, profile and switching organisation."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import AuditEvent
from tests import factories as f
from tests.factories import PASSWORD

LOGIN = "/konto/logga-in/"


def post_login(client, email, password):
    return client.post(LOGIN, {"username": email, "password": password})


@pytest.mark.django_db
def test_sign_in_with_email_and_password_then_sign_out(client, drafter):
    response = post_login(client, drafter.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("start")
    page = client.get("/").content.decode()
    assert "Nacka kommun" in page and "Logga ut" in page
    assert AuditEvent.objects.filter(action="auth.login", actor=drafter).exists()

    assert client.get("/konto/logga-ut/").status_code == 405  # no state change on GET
    assert client.post("/konto/logga-ut/").status_code == 302
    assert "Logga ut" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_email_is_case_insensitive(client, drafter):
    assert post_login(client, drafter.email.upper(), PASSWORD).status_code == 302


@pytest.mark.django_db
def test_wrong_password_gives_swedish_message_and_keeps_email(client, drafter):
    response = post_login(client, drafter.email, "fel-lösenord")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fel e-postadress eller lösenord" in html
    assert f'value="{drafter.email}"' in html
    assert AuditEvent.objects.filter(action="auth.login_failed", actor_label=drafter.email).exists()


@pytest.mark.django_db
def test_repeated_wrong_passwords_are_throttled(client, drafter, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, drafter.email, "fel-lösenord")
    locked = post_login(client, drafter.email, PASSWORD)  # even the right password is refused now
    assert locked.status_code == 429
    assert "För många inloggningsförsök" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_form_rejects_garbage_without_500(client):
    response = client.post(LOGIN, {"username": "inte en adress", "password": ""})
    assert response.status_code == 200
    assert "Formuläret innehåller fel" in response.content.decode()


@pytest.mark.django_db
def test_password_reset_same_message_for_known_and_unknown_email(
    client, drafter, eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/konto/aterstall-losenord/", {"email": drafter.email}, follow=True)
        unknown = client.post("/konto/aterstall-losenord/", {"email": "finns-inte@example.se"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.content.decode().count("Om det finns ett konto") == 1
    assert unknown.content.decode().count("Om det finns ett konto") == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [drafter.email]
    # Both requests are in the audit log, without the address typed.
    events = AuditEvent.objects.filter(action="auth.password_reset_requested")
    assert events.count() == 2 and not any("finns-inte" in str(e.data) for e in events)


@pytest.mark.django_db
def test_password_reset_link_sets_new_password(client, drafter, eager, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/aterstall-losenord/", {"email": drafter.email.upper()})
    link = re.search(re.escape(settings.SITE_URL) + r"(/konto/aterstall-losenord/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    done = client.post(form_url, {"new_password1": "ett-helt-nytt-losen-42", "new_password2": "ett-helt-nytt-losen-42"})
    assert done.status_code == 302
    drafter.refresh_from_db()
    assert drafter.check_password("ett-helt-nytt-losen-42")
    completed = AuditEvent.objects.get(action="auth.password_reset_completed")
    assert completed.actor == drafter and completed.ip_address == "127.0.0.1"


@pytest.mark.django_db
def test_password_reset_is_throttled_per_address_without_telling_whether_it_exists(
    client, drafter, eager, settings, django_capture_on_commit_callbacks
):
    settings.PASSWORD_RESET_RATE = 2
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            client.post("/konto/aterstall-losenord/", {"email": drafter.email})
    for email in (drafter.email, "finns-inte@example.se"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/konto/aterstall-losenord/", {"email": email})
        assert response.status_code == 200
        assert "för många återställningar" in response.content.decode()
        assert f'value="{email}"' in response.content.decode()  # what was typed is kept
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_lockout_holds_for_every_spelling_of_the_address(client, drafter, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, drafter.email, "fel-lösenord")
    for spelling in (drafter.email.upper(), " " + drafter.email.title()):
        locked = post_login(client, spelling, PASSWORD)
        assert locked.status_code == 429, spelling
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_address_has_one_account_whatever_its_case(drafter):
    from django.db import IntegrityError, transaction

    user = f.UserFactory(email="Ny.Person@Example.SE")
    assert user.email == "ny.person@example.se"
    with pytest.raises(IntegrityError), transaction.atomic():
        f.UserFactory(email=drafter.email.upper())


@pytest.mark.django_db
def test_profile_lists_organisations_and_roles(client_for, drafter, other_org):
    f.MembershipFactory(user=drafter, organisation=other_org, is_reviewer=True)
    html = client_for(drafter).get("/konto/profil/").content.decode()
    assert "Nacka kommun" in html and "Värmdö kommun" in html
    assert "Handläggare" in html and "Granskare" in html


@pytest.mark.django_db
def test_profile_requires_sign_in(anonymous):
    response = anonymous.get("/konto/profil/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_switch_active_organisation(client_for, drafter, other_org):
    f.MembershipFactory(user=drafter, organisation=other_org, is_reviewer=True)
    c = client_for(drafter)
    assert "<h1>Nacka kommun</h1>" in c.get("/").content.decode()
    response = c.post("/konto/byt-organisation/", {"organisation": other_org.pk, "next": "/"})
    assert response.status_code == 302
    assert "<h1>Värmdö kommun</h1>" in c.get("/").content.decode()


@pytest.mark.django_db
def test_pages_are_swedish_whatever_language_the_browser_asks_for(client):
    html = client.get("/konto/logga-in/", headers={"accept-language": "en-GB,en;q=0.9"}).content.decode()
    assert '<html lang="sv">' in html and "Logga in" in html
    response = client.post(
        "/konto/logga-in/", {"username": "inte-en-adress", "password": "x"}, headers={"accept-language": "en"}
    )
    assert "Fyll i en giltig e-postadress." in response.content.decode()


@pytest.mark.django_db
def test_cannot_switch_to_an_organisation_one_is_not_member_of(client_for, drafter, other_org):
    c = client_for(drafter)
    response = c.post("/konto/byt-organisation/", {"organisation": other_org.pk}, follow=True)
    assert "Du är inte medlem i den organisationen." in response.content.decode()
    assert "<h1>Nacka kommun</h1>" in c.get("/").content.decode()
    assert AuditEvent.objects.filter(action="access.denied", actor=drafter).exists()


@pytest.mark.django_db
def test_switch_organisation_rejects_offsite_next(client_for, drafter, other_org):
    f.MembershipFactory(user=drafter, organisation=other_org)
    response = client_for(drafter).post(
        "/konto/byt-organisation/", {"organisation": other_org.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_session_has_an_absolute_limit(client, drafter, settings):
    post_login(client, drafter.email, PASSWORD)
    session = client.session
    session["auth_started"] -= settings.SESSION_ABSOLUTE_SECONDS + 1
    session.save()
    response = client.get("/konto/profil/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "next=%2Fkonto%2Fprofil%2F" in response["Location"]
