"""The register with addresses, the ministry's corrections and additions, and the publish pre-flight."""

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent, Invitation, InvitationKind, Organisation
from accounts.register_import import import_organisations
from remiss.models import InvitationStatus, RemissStatus
from tests import factories as f

pytestmark = pytest.mark.slow  # renders PDFs, loads the demo or starts processes: not in make test-fast

HEADER = "code,name,kind,county,registry_email,org_number\n"
CLAIM_LINK = re.compile(r"http://\S+/konto/inbjudan/\S+/")


@pytest.fixture
def remiss(ministry):
    return f.RemissFactory(ministry=ministry, status=RemissStatus.DRAFT)


@pytest.fixture
def ready(remiss):
    section = f.SectionFactory(remiss=remiss)
    f.ProposalFactory(section=section)
    members = f.OrganisationFactory(name="Danderyds kommun")
    f.MembershipFactory(organisation=members, user=f.UserFactory(email="anna@danderyd.se"), is_drafter=True)
    f.RecipientFactory(remiss=remiss, organisation=members)
    f.RecipientFactory(
        remiss=remiss, organisation=f.OrganisationFactory(name="Region Uppsala", registry_email="region@uppsala.se")
    )
    f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name="Tomma kommun"))
    return remiss


# --- import ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_reads_registry_addresses_and_org_numbers_with_line_numbered_errors():
    report = import_organisations(
        io.StringIO(
            HEADER
            + "0182,Nacka kommun,kommun,Stockholms län,Registrator@Nacka.se,212000-0167\n"
            + "0180,Stockholms kommun,kommun,Stockholms län,inte-en-adress,\n"
            + ",Facket,organisation,,kansli@facket.se,5567037486\n"
            + ",Föreningen,organisation,,,12345\n"
        )
    )
    assert report.created == 1
    assert report.errors == [
        (3, "funktionsbrevlådan 'inte-en-adress' är ingen giltig e-postadress"),
        (4, "Organisationsnumret 5567037486 stämmer inte (kontrollsiffran är fel)."),
        (5, "Organisationsnumret 12345 ska ha tio siffror, till exempel 212000-0142."),
    ]
    nacka = Organisation.objects.get(name="Nacka kommun")
    assert (nacka.registry_email, nacka.org_number) == ("registrator@nacka.se", "212000-0167")
    # A register without addresses (the vendored one) keeps what is there.
    again = import_organisations(io.StringIO("code,name,kind,county\n0182,Nacka kommun,kommun,Stockholms län\n"))
    assert (again.unchanged, again.errors) == (1, [])
    nacka.refresh_from_db()
    assert nacka.registry_email == "registrator@nacka.se"


@pytest.mark.django_db
def test_import_finds_an_organisation_by_org_number_and_reports_a_clash():
    import_organisations(io.StringIO(HEADER + ",Facket,organisation,,,5567037485\n,Förbundet,organisation,,,\n"))
    renamed = import_organisations(io.StringIO(HEADER + ",Facket i Sverige,organisation,,,556703-7485\n"))
    assert (renamed.updated, renamed.created) == (1, 0)
    assert Organisation.objects.get(org_number="556703-7485").name == "Facket i Sverige"
    clash = import_organisations(io.StringIO(HEADER + ",Förbundet,organisation,,,556703-7485\n"))
    assert clash.errors == [
        (2, "kunde inte sparas: namnet, koden eller organisationsnumret används redan av en annan organisation")
    ]


@pytest.mark.django_db
def test_vendored_register_has_no_addresses_and_the_demo_gives_demo_ones():
    from remiss.demo.people import give_demo_addresses

    import_organisations(Path(__file__).resolve().parent.parent / "data" / "organisations.csv")
    assert not Organisation.objects.exclude(registry_email="").exists()
    assert give_demo_addresses() == Organisation.objects.exclude(kind="departement").count()
    addresses = set(Organisation.objects.exclude(kind="departement").values_list("registry_email", flat=True))
    assert all(a.endswith("@demo.remiss.se") for a in addresses)
    assert Organisation.objects.get(name="Nacka kommun").registry_email == "registrator.nacka-kommun@demo.remiss.se"


# --- the ministry corrects an address and adds a body ------------------------------------------------------


@pytest.mark.django_db
def test_staff_correct_an_address_bad_input_is_kept_and_explained(client_for, staff, ready):
    recipient = ready.recipients.get(organisation__name="Tomma kommun")
    url = reverse("ministry:organisation_edit", args=[ready.pk, recipient.pk])
    client = client_for(staff)
    response = client.post(url, {"registry_email": "registrator@tomma", "org_number": "212000-0143"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "giltig e-postadress" in html and 'value="registrator@tomma"' in html
    response = client.post(url, {"registry_email": "registrator@tomma.se", "org_number": "212000-0143"})
    assert response.status_code == 400 and "kontrollsiffran är fel" in response.content.decode()
    response = client.post(
        f"{url}?fran=publicera", {"registry_email": " Registrator@Tomma.se ", "org_number": "2120000142"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("ministry:publish", args=[ready.pk])
    recipient.organisation.refresh_from_db()
    assert (recipient.organisation.registry_email, recipient.organisation.org_number) == (
        "registrator@tomma.se",
        "212000-0142",
    )
    event = AuditEvent.objects.get(action="organisation.contact_changed")
    assert event.actor == staff and event.data["new"]["registry_email"] == "registrator@tomma.se"


@pytest.mark.django_db
def test_staff_add_a_body_not_in_the_register_duplicates_are_caught(client_for, staff, ready):
    f.OrganisationFactory(name="Lärarförbundet", kind="organisation", org_number="802002-4355")
    url = reverse("ministry:organisation_add", args=[ready.pk])
    client = client_for(staff)
    data = {"name": "lärarförbundet", "kind": "organisation", "registry_email": "kansli@larare.se", "org_number": ""}
    response = client.post(url, data)
    assert response.status_code == 400 and "Lärarförbundet finns redan i registret" in response.content.decode()
    response = client.post(url, {**data, "name": "Sveriges Lärare", "org_number": "8020024355"})
    assert response.status_code == 400
    assert "Organisationsnumret 802002-4355 tillhör redan Lärarförbundet." in response.content.decode()
    response = client.post(url, {**data, "name": "Sveriges Lärare", "org_number": ""})
    assert response.status_code == 302
    added = Organisation.objects.get(name="Sveriges Lärare")
    assert added.registry_email == "kansli@larare.se" and ready.recipients.filter(organisation=added).exists()
    assert AuditEvent.objects.filter(action="organisation.created", actor=staff).count() == 1


# --- pre-flight and invitations ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_preflight_shows_who_is_reached_and_needs_confirmation(client_for, staff, ready):
    client = client_for(staff)
    url = reverse("ministry:publish", args=[ready.pk])
    html = " ".join(client.get(url).content.decode().split())
    assert "1 remissinstans nås via sina medlemmar i tjänsten." in html
    assert "1 remissinstans nås via sin funktionsbrevlåda" in html
    assert "1 remissinstans kan inte nås." in html
    tomma = ready.recipients.get(organisation__name="Tomma kommun")
    assert reverse("ministry:organisation_edit", args=[ready.pk, tomma.pk]) in html
    assert "Remiss: " + ready.title in html and "har ännu inget konto i tjänsten Remiss" in html
    response = client.post(url, {})
    assert response.status_code == 400 and "Bekräfta att du vill publicera remissen." in response.content.decode()
    ready.refresh_from_db()
    assert ready.status == RemissStatus.DRAFT


@pytest.mark.django_db(transaction=True)
def test_publishing_invites_members_and_registry_with_a_claim_link_stored_as_a_hash(client_for, staff, ready, eager):
    client_for(staff).post(reverse("ministry:publish", args=[ready.pk]), {"confirm": "1"})
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@danderyd.se", "region@uppsala.se"]
    to_registry = next(m for m in mail.outbox if m.to == ["region@uppsala.se"])
    token = CLAIM_LINK.search(to_registry.body).group(0).rstrip("/").rsplit("/", 1)[1]
    claim = Invitation.objects.get(kind=InvitationKind.CLAIM)
    assert claim.organisation.name == "Region Uppsala" and claim.email == "region@uppsala.se"
    assert token not in claim.token_hash and len(claim.token_hash) == 64
    deadline = ready.recipients.first().deadline_at
    assert claim.expires_at == deadline + dt.timedelta(days=30)
    to_members = next(m for m in mail.outbox if m.to == ["anna@danderyd.se"])
    assert "/konto/inbjudan/" not in to_members.body
    statuses = dict(ready.recipients.values_list("organisation__name", "invitation_status"))
    assert statuses == {
        "Danderyds kommun": InvitationStatus.SENT,
        "Region Uppsala": InvitationStatus.SENT,
        "Tomma kommun": InvitationStatus.NO_RECIPIENTS,
    }
    # Giving the unreachable body an address invites it at once.
    mail.outbox.clear()
    tomma = ready.recipients.get(organisation__name="Tomma kommun")
    client_for(staff).post(
        reverse("ministry:organisation_edit", args=[ready.pk, tomma.pk]), {"registry_email": "reg@tomma.se"}
    )
    assert [m.to for m in mail.outbox] == [["reg@tomma.se"]] and CLAIM_LINK.search(mail.outbox[0].body)
    tomma.refresh_from_db()
    assert tomma.invitation_status == InvitationStatus.SENT
    csv = client_for(staff).get(reverse("ministry:progress_csv", args=[ready.pk])).content.decode()
    assert "Ingen mottagare" not in csv and "inte skickad" not in csv
    assert timezone.now() < claim.expires_at
