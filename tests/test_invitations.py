"""Claim links to a registry address, activation links, and organisation administrators' people page."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent, Invitation, InvitationKind, Membership, User
from accounts.services import invitations
from tests import factories as f

LINK = re.compile(r"http://[^/\s]+(/konto/inbjudan/\S+/)")
PASSWORD = "ett-langt-eget-losenord-7"


def link_in(message) -> str:
    return LINK.search(message.body).group(1)


@pytest.fixture
def answer(org):
    org.registry_email = "registrator@nacka.se"
    org.save()
    return f.ResponseFactory(recipient=f.RecipientFactory(organisation=org), status="not_started")


@pytest.fixture
def claim_url(answer):
    claim, token = invitations.create_claim(
        organisation=answer.recipient.organisation,
        expires_at=timezone.now() + dt.timedelta(days=30),
        next_path=reverse("respondent:form", args=[answer.pk]),
    )
    return reverse("accounts:invitation", args=[token])


def _claim(client, url, email="kim@nacka.se"):
    return client.post(url, {"full_name": "Kim Registrator", "title": "Registrator", "email": email})


@pytest.mark.django_db(transaction=True)
def test_registrator_claims_the_organisation_and_lands_on_the_answer(client, claim_url, answer, org, eager):
    page = client.get(claim_url)
    assert page.status_code == 200 and "Skapa det första kontot för Nacka kommun" in page.content.decode()
    response = _claim(client, claim_url)
    assert "Vi har skickat ett meddelande till kim@nacka.se" in response.content.decode()
    assert not User.objects.filter(email="kim@nacka.se").exists()  # nothing until the address is confirmed
    (confirmation,) = mail.outbox
    assert confirmation.to == ["kim@nacka.se"]
    activation_url = link_in(confirmation)
    page = client.get(activation_url)
    assert 'value="Kim Registrator"' in page.content.decode()
    bad = client.post(activation_url, {"full_name": "Kim Registrator", "password1": PASSWORD, "password2": "annat"})
    assert bad.status_code == 400 and "Lösenorden är inte likadana." in bad.content.decode()
    response = client.post(
        activation_url,
        {"full_name": "Kim Registrator", "title": "Registrator", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == reverse("respondent:form", args=[answer.pk])
    user = User.objects.get(email="kim@nacka.se")
    assert user.check_password(PASSWORD) and user.title == "Registrator"
    membership = Membership.objects.get(user=user, organisation=org)
    assert membership.is_org_admin and membership.is_drafter and membership.is_approver and membership.is_reviewer
    # An organisation administrator must set up a second factor before reaching the answer.
    onward = client.get(response["Location"])
    assert onward.status_code == 302 and onward["Location"].startswith(reverse("accounts:mfa_setup"))
    assert reverse("respondent:form", args=[answer.pk]).replace("/", "%2F") in onward["Location"]
    assert AuditEvent.objects.filter(action="organisation.claimed", actor=user, organisation=org).exists()
    # Both links are used up.
    client.logout()
    for url in (claim_url, activation_url):
        again = client.get(url)
        assert again.status_code == 410 and "Länken har redan använts." in again.content.decode()


@pytest.mark.django_db
def test_wrong_expired_and_tampered_links_get_a_clear_page(client, claim_url):
    wrong = client.get(reverse("accounts:invitation", args=["abc:def"]))
    assert wrong.status_code == 404 and "Länken är felaktig." in wrong.content.decode()
    tampered = client.get(claim_url[:-3] + "xx/")
    assert tampered.status_code == 404
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    expired = client.get(claim_url)
    assert expired.status_code == 410 and "har gått ut" in expired.content.decode()
    assert _claim(client, claim_url).status_code == 410
    assert Invitation.objects.count() == 1


@pytest.mark.django_db
def test_claim_link_opened_by_someone_signed_in_elsewhere(client_for, outsider, claim_url):
    response = client_for(outsider).get(claim_url)
    html = response.content.decode()
    assert response.status_code == 409 and f"Du är inloggad som {outsider.email}" in html
    response = _claim(client_for(outsider), claim_url)
    assert response.status_code == 409
    assert Invitation.objects.filter(kind=InvitationKind.ACTIVATION).count() == 0


@pytest.mark.django_db(transaction=True)
def test_claim_with_an_address_that_has_an_account_answers_as_any_other_and_explains_by_mail(
    client, claim_url, outsider, eager, mailoutbox
):
    """The page does not tell whether an address has an account: a taken address gets the same page
    as a free one, no activation is made, and the explanation goes to that address."""
    taken = _claim(client, claim_url, email=outsider.email.upper())
    free = _claim(Client(), claim_url, email="ny.person@nacka.se")
    assert taken.status_code == free.status_code == 200

    def main(response, email):  # the page's own content, the address written the same way
        html = response.content.decode()
        return html[html.index("<main") : html.index("</main>")].replace(email, "ADDRESS")

    assert main(taken, outsider.email.upper()) == main(free, "ny.person@nacka.se")
    assert Invitation.objects.filter(kind=InvitationKind.ACTIVATION).values_list("email", flat=True).get() == (
        "ny.person@nacka.se"
    )
    to_outsider = [m for m in mailoutbox if m.to == [outsider.email.lower()] or m.to == [outsider.email.upper()]]
    assert len(to_outsider) == 1 and "har redan ett konto" in to_outsider[0].body
    assert "inget nytt konto har skapats" in to_outsider[0].body


@pytest.mark.django_db
def test_claim_after_the_organisation_has_an_administrator(client, claim_url, org):
    f.MembershipFactory(organisation=org, is_org_admin=True)
    response = client.get(claim_url)
    assert response.status_code == 410 and "har redan en organisationsadministratör" in response.content.decode()


# --- organisation administrators ------------------------------------------------------------------------------


@pytest.fixture
def admin(org):
    return f.MembershipFactory(organisation=org, is_org_admin=True, is_approver=True).user


@pytest.fixture
def other_admin(other_org):
    return f.MembershipFactory(organisation=other_org, is_org_admin=True).user


def people_urls(org, other_org):
    membership = f.MembershipFactory(organisation=org, is_drafter=True)
    invitation = invitations.invite_colleague(
        organisation=org,
        by=Membership.objects.filter(organisation=org, is_org_admin=True).first().user,
        email="ny@nacka.se",
        roles=["drafter"],
    )
    return [
        ("get", reverse("accounts:people"), None),
        ("post", reverse("accounts:people_invite"), {"email": "x@nacka.se", "roles": ["drafter"]}),
        ("post", reverse("accounts:member_roles", args=[membership.pk]), {f"m{membership.pk}-roles": ["reviewer"]}),
        ("post", reverse("accounts:member_deactivate", args=[membership.pk]), {}),
        ("post", reverse("accounts:invitation_resend", args=[invitation.pk]), {}),
        ("post", reverse("accounts:invitation_revoke", args=[invitation.pk]), {}),
    ]


@pytest.mark.django_db
def test_people_pages_keep_out_anonymous_members_without_the_role_and_other_admins(
    client_for, anonymous, admin, drafter, other_admin, org, other_org
):
    urls = people_urls(org, other_org)
    assert len(urls) == 6
    for method, url, data in urls:
        response = getattr(anonymous, method)(url, data or {})
        assert response.status_code == 302 and "/konto/logga-in/" in response["Location"], url
        assert getattr(client_for(drafter), method)(url, data or {}).status_code == 403, url
        expected = 200 if url == reverse("accounts:people") else (302 if url.endswith("bjud-in/") else 404)
        assert getattr(client_for(other_admin), method)(url, data or {}).status_code == expected, url
    # The other organisation's administrator saw and changed only their own organisation.
    assert Invitation.objects.filter(organisation=org, revoked_at__isnull=True).count() == 1
    assert Membership.objects.filter(organisation=org, is_drafter=True).count() == 2
    assert Invitation.objects.filter(organisation=other_org, email="x@nacka.se").exists()
    assert "ny@nacka.se" not in client_for(other_admin).get(reverse("accounts:people")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_admin_invites_a_colleague_who_activates_and_gets_the_roles(client_for, client, admin, org, eager):
    page = client_for(admin)
    response = page.post(
        reverse("accounts:people_invite"), {"email": "Handl@Nacka.se", "roles": ["drafter", "reviewer"]}
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["handl@nacka.se"] and "Handläggare, Granskare" in message.body
    html = page.get(reverse("accounts:people")).content.decode()
    assert "handl@nacka.se" in html and "Väntande inbjudningar" in html
    url = link_in(message)
    response = client.post(url, {"full_name": "Hanna H", "title": "", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="handl@nacka.se", organisation=org)
    assert membership.is_drafter and membership.is_reviewer and not membership.is_org_admin
    assert AuditEvent.objects.filter(action="invitation.accepted", organisation=org).exists()
    assert "handl@nacka.se" not in page.get(reverse("accounts:people")).content.decode().split("Väntande")[1]


@pytest.mark.django_db(transaction=True)
def test_resend_gives_a_new_link_and_revoke_ends_it(client_for, client, admin, org, eager):
    page = client_for(admin)
    page.post(reverse("accounts:people_invite"), {"email": "b@nacka.se", "roles": ["approver"]})
    first = link_in(mail.outbox[0])
    invitation = Invitation.objects.get(email="b@nacka.se")
    page.post(reverse("accounts:invitation_resend", args=[invitation.pk]))
    second = link_in(mail.outbox[1])
    assert first != second and client.get(first).status_code == 404 and client.get(second).status_code == 200
    page.post(reverse("accounts:invitation_revoke", args=[invitation.pk]))
    response = client.get(second)
    assert response.status_code == 410 and "Inbjudan har återkallats." in response.content.decode()
    actions = set(AuditEvent.objects.filter(organisation=org).values_list("action", flat=True))
    assert {"invitation.created", "invitation.resent", "invitation.revoked"} <= actions


@pytest.mark.django_db
def test_bad_invitations_get_clear_messages_and_keep_the_input(client_for, admin, outsider, drafter):
    page = client_for(admin)
    for data, text in (
        ({"email": "inte-en-adress", "roles": ["drafter"]}, "giltig e-postadress"),
        ({"email": "ny@nacka.se"}, "Välj minst en roll."),
        ({"email": outsider.email, "roles": ["drafter"]}, "hör till ett konto i en annan organisation"),
        ({"email": drafter.email, "roles": ["drafter"]}, "är redan medlem i Nacka kommun"),
    ):
        response = page.post(reverse("accounts:people_invite"), data)
        html = response.content.decode()
        assert response.status_code == 400 and text in html, text
        assert f'value="{data["email"]}"' in html
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_the_last_administrator_stays(client_for, admin, org, drafter):
    page = client_for(admin)
    own = Membership.objects.get(user=admin, organisation=org)
    response = page.post(
        reverse("accounts:member_roles", args=[own.pk]), {f"m{own.pk}-roles": ["approver"]}, follow=True
    )
    assert "måste ha minst en organisationsadministratör" in response.content.decode()
    own.refresh_from_db()
    assert own.is_org_admin
    with pytest.raises(invitations.InvitationError):
        invitations.deactivate(membership=own, by=admin)
    # With a second administrator, roles change and people can be deactivated; all of it is logged.
    colleague = Membership.objects.get(user=drafter, organisation=org)
    page.post(
        reverse("accounts:member_roles", args=[colleague.pk]), {f"m{colleague.pk}-roles": ["drafter", "org_admin"]}
    )
    colleague.refresh_from_db()
    assert colleague.is_org_admin
    page.post(reverse("accounts:member_deactivate", args=[colleague.pk]))
    assert not Membership.objects.filter(pk=colleague.pk).exists()
    drafter.refresh_from_db()
    assert not drafter.is_active
    assert AuditEvent.objects.filter(action="membership.roles_changed", actor=admin).count() == 1
    assert AuditEvent.objects.get(action="membership.deactivated").data["user"] == drafter.email
