"""Following a remiss after publishing: deadlines and extensions, corrections, invitations, changes, CSV."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent, OrganisationKind
from remiss import deadlines, workflow
from remiss.models import (
    Answer,
    InvitationStatus,
    LatePolicy,
    Publicity,
    Recipient,
    Remiss,
    RemissStatus,
    Response,
    ResponseStatus,
    Signatory,
)
from remiss.models.remisser import STOCKHOLM, end_of_day
from remiss.services import reminders
from remiss.services import remisser as services
from tests import factories as f


def today() -> dt.date:
    return timezone.localdate()


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


def ready_to_submit(response: Response) -> Response:
    """Record the decision so that the approver may submit (the workflow's requirements)."""
    response.status = ResponseStatus.APPROVED
    response.decided_by, response.decision_date, response.minute_ref = "Kommunstyrelsen", today(), "§ 1"
    response.save()
    Signatory.objects.create(response=response, name="Anna Andersson", title="Ordförande")
    return response


def row(html: str, name: str) -> str:
    return html.split(name)[1].split("</tr>")[0]


# --- 1. the effective deadline is the later of the remiss's deadline and the extension -------------


@pytest.mark.django_db
def test_an_extension_overtaken_by_a_later_remiss_deadline_no_longer_shortens_it(client_for, staff, ministry, org):
    remiss = f.PublishedRemissFactory(ministry=ministry, deadline=days(10))
    recipient = f.RecipientFactory(
        remiss=remiss, organisation=org, extended_deadline=days(20), extension_reason="Sent sammanträde"
    )
    response = Response.objects.create(recipient=recipient, status=ResponseStatus.DRAFT)
    services.update_remiss(remiss=remiss, by=staff, deadline=days(30))
    recipient = Recipient.objects.select_related("remiss").get(pk=recipient.pk)
    assert recipient.effective_deadline == days(30)
    assert recipient.deadline_at == end_of_day(days(30))
    response.refresh_from_db()
    assert workflow.deadline_is_late(response, now=end_of_day(days(25))) is False
    # Reminders count from the later deadline: 13 days left → the 14-day reminder, not the 3-day one.
    recipient.invited_at = timezone.now() - dt.timedelta(days=5)
    assert reminders.reminder_due(recipient, days(17)) == 14
    client = client_for(staff)
    for name in ("ministry:recipients", "ministry:progress"):
        html = client.get(reverse(name, args=[remiss.pk])).content.decode()
        assert "gäller inte längre: remissens sista svarsdag är senare" in row(html, org.name), name
        assert "förlängd" not in row(html, org.name)
    csv = client.get(reverse("ministry:progress_csv", args=[remiss.pk])).content.decode("utf-8-sig")
    assert f"{days(30).isoformat()};;" in row(csv, org.name).split("\n")[0]


@pytest.mark.django_db
def test_a_running_extension_is_the_recipients_deadline(staff, ministry, org):
    remiss = f.PublishedRemissFactory(ministry=ministry, deadline=days(10))
    recipient = f.RecipientFactory(remiss=remiss, organisation=org, extended_deadline=days(20), extension_reason="x")
    assert recipient.has_extension and recipient.deadline_at == end_of_day(days(20))
    assert deadlines.last_deadline(remiss) == end_of_day(days(20))


# --- 11. the deadline boundary: the whole last day counts, up to the set time if there is one ---------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("deadline_time", "moment", "late"),
    [
        (None, dt.time(23, 30), False),
        (None, dt.time(23, 59, 59, 500000), False),
        (None, "next 00:00:01", True),
        (dt.time(12, 0), dt.time(11, 59, 59), False),
        (dt.time(12, 0), dt.time(12, 0, 0, 500000), True),
        (dt.time(12, 0), dt.time(12, 0, 30), True),
    ],
)
def test_deadline_boundary(org, deadline_time, moment, late):
    deadline = dt.date(2031, 3, 31)
    remiss = f.PublishedRemissFactory(
        deadline=deadline, deadline_time=deadline_time, late_policy=LatePolicy.ACCEPT_MARKED
    )
    response = Response.objects.create(recipient=f.RecipientFactory(remiss=remiss, organisation=org))
    if moment == "next 00:00:01":
        now = dt.datetime(2031, 4, 1, 0, 0, 1, tzinfo=STOCKHOLM)
    else:
        now = dt.datetime.combine(deadline, moment, tzinfo=STOCKHOLM)
    assert workflow.deadline_is_late(response, now=now) is late
    assert remiss.deadline_passed(now) is late


# --- 2. an answer reopened for correction stays submitted for follow-up and the public --------------


@pytest.mark.django_db
def test_an_answer_reopened_for_correction_still_counts_as_submitted(
    client_for, staff, ministry, org, drafter, anonymous
):
    remiss = f.PublishedRemissFactory(ministry=ministry)
    proposal = f.ProposalFactory(section=f.SectionFactory(remiss=remiss), text="Första förslaget.")
    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    submission = f.make_submission(recipient, answers={proposal: ("opposes", "Vi avstyrker.")}, pdf=True)
    response = submission.response
    workflow.reopen_for_correction(response=response, by=drafter, message="Fel i § 3")
    response.refresh_from_db()
    assert response.status == ResponseStatus.DRAFT
    Answer.objects.filter(response=response, proposal=proposal).update(stance="supports", comment="HEMLIG RÄTTELSE")
    client = client_for(staff)
    html = client.get(reverse("ministry:progress", args=[remiss.pk])).content.decode()
    assert "Inskickat (rättelse pågår)" in row(html, org.name) and "HEMLIG" not in html
    stances = html.split("Ställningstaganden per förslag")[1].split("Första förslaget.")[1].split("</tr>")[0]
    assert [c.split(">")[-1] for c in stances.split("</td>")[:-1]] == ["0", "0", "1", "0", "0"]
    csv = client.get(reverse("ministry:progress_csv", args=[remiss.pk])).content.decode("utf-8-sig")
    assert "Inskickat (rättelse pågår)" in csv and "HEMLIG" not in csv
    per_proposal = client.get(reverse("ministry:progress_csv", args=[remiss.pk]), {"del": "forslag"})
    assert per_proposal.content.decode("utf-8-sig").splitlines()[1].endswith(";0;0;1;0;0")
    public = anonymous.get(reverse("public:detail", args=[remiss.pk])).content.decode()
    listed = public.split('id="recipients-title"')[1]
    assert "Inskickat" in row(listed, org.name) and "Ej inkommet" not in row(listed, org.name)
    assert "rättelse" not in public and "HEMLIG" not in public
    assert reverse("public:answer_pdf", args=[remiss.pk, submission.pk]) in public


# --- 4. "public after the deadline" waits for every extension ----------------------------------------


@pytest.mark.django_db
def test_answers_stay_hidden_while_a_recipient_with_an_extension_can_still_answer(anonymous, ministry):
    remiss = f.PublishedRemissFactory(
        ministry=ministry, publicity=Publicity.AFTER_DEADLINE, deadline=days(-2), status=RemissStatus.CLOSED
    )
    submission = f.make_submission(f.RecipientFactory(remiss=remiss), pdf=True)
    late_one = f.RecipientFactory(remiss=remiss, extended_deadline=days(5), extension_reason="Sent möte")
    pdf_url = reverse("public:answer_pdf", args=[remiss.pk, submission.pk])
    page = anonymous.get(reverse("public:detail", args=[remiss.pk])).content.decode()
    assert "Remissvaren publiceras här efter sista svarsdag." in page and pdf_url not in page
    assert anonymous.get(pdf_url).status_code == 404
    # The same while the remiss is still open past its own deadline.
    Remiss.objects.filter(pk=remiss.pk).update(status=RemissStatus.PUBLISHED)
    assert anonymous.get(pdf_url).status_code == 404
    # Once the extension has passed too, the answers are public.
    Recipient.objects.filter(pk=late_one.pk).update(extended_deadline=days(-1))
    assert anonymous.get(pdf_url).status_code == 200


# --- 5. an extension for one recipient of a closed remiss ---------------------------------------------


@pytest.mark.django_db
def test_a_recipient_of_a_closed_remiss_can_be_given_more_time_and_then_submit(
    client_for, staff, ministry, org, approver
):
    remiss = f.PublishedRemissFactory(
        ministry=ministry, deadline=days(-3), status=RemissStatus.CLOSED, late_policy=LatePolicy.REFUSE
    )
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    other = f.RecipientFactory(remiss=remiss)
    response = ready_to_submit(Response.objects.create(recipient=recipient))
    other_response = Response.objects.create(recipient=other)
    with pytest.raises(workflow.WorkflowError, match="har passerat"):
        workflow.submit_response(response=response, by=approver, enqueue=False)
    client = client_for(staff)
    page = client.get(reverse("ministry:recipients", args=[remiss.pk])).content.decode()
    url = reverse("ministry:recipient_extend", args=[remiss.pk, recipient.pk])
    assert url in page
    assert "Remissen är stängd" in client.get(url).content.decode()
    past = client.post(url, {"extended_deadline": days(-1).isoformat(), "reason": "Sent sammanträde"})
    assert "måste ligga i framtiden" in past.content.decode()
    response_ = client.post(url, {"extended_deadline": days(7).isoformat(), "reason": "Fullmäktige 3 juni"})
    assert response_.status_code == 302
    recipient.refresh_from_db()
    remiss.refresh_from_db()
    assert recipient.extended_deadline == days(7) and remiss.status == RemissStatus.CLOSED
    submission = workflow.submit_response(response=Response.objects.get(pk=response.pk), by=approver, enqueue=False)
    assert submission.is_late is False
    # For everyone else the remiss stays closed.
    with pytest.raises(workflow.WorkflowError, match="har passerat"):
        workflow.deadline_is_late(Response.objects.get(pk=other_response.pk))


# --- 6. invitation delivery per recipient, retried by the sweep -----------------------------------------


def _failing_send(monkeypatch, bad: set[str]):
    from django.core.mail import EmailMessage

    original = EmailMessage.send

    def send(self, *args, **kwargs):
        if self.to[0] in bad:
            raise OSError("550 mailbox unavailable")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", send)


@pytest.fixture
def three(ministry):
    remiss = f.RemissFactory(ministry=ministry)
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    danderyd = f.OrganisationFactory(name="Danderyds kommun")
    f.MembershipFactory(organisation=danderyd, user=f.UserFactory(email="trasig@danderyd.se"))
    f.MembershipFactory(organisation=danderyd, user=f.UserFactory(email="ok@danderyd.se"))
    solna = f.OrganisationFactory(name="Solna kommun")
    f.MembershipFactory(organisation=solna, user=f.UserFactory(email="ok@solna.se"))
    empty = f.OrganisationFactory(name="Tomma kommun")
    for organisation in (danderyd, solna, empty):
        f.RecipientFactory(remiss=remiss, organisation=organisation)
    return remiss


@pytest.mark.django_db(transaction=True)
def test_invitation_delivery_is_stored_shown_and_failed_addresses_are_retried(
    three, staff, client_for, eager, monkeypatch
):
    _failing_send(monkeypatch, {"trasig@danderyd.se"})
    services.publish_remiss(remiss=three, by=staff)
    by_name = {r.organisation.name: r for r in three.recipients.select_related("organisation")}
    danderyd, solna, empty = by_name["Danderyds kommun"], by_name["Solna kommun"], by_name["Tomma kommun"]
    assert (danderyd.invitation_status, danderyd.invitation_failed_addresses) == ("failed", ["trasig@danderyd.se"])
    assert danderyd.invitation_sent_count == 1 and "mailbox unavailable" in danderyd.invitation_error
    assert solna.invitation_status == InvitationStatus.SENT and solna.invitation_sent_count == 1
    assert empty.invitation_status == InvitationStatus.NO_RECIPIENTS
    client = client_for(staff)
    for name in ("ministry:progress", "ministry:recipients"):
        html = client.get(reverse(name, args=[three.pk])).content.decode()
        assert "Inbjudan misslyckades (1 av 2 adresser" in row(html, "Danderyds kommun")
        assert "trasig@danderyd.se" in row(html, "Danderyds kommun")
        assert "Inbjudan skickad" in row(html, "Solna kommun")
        assert "Ingen mottagare (inga medlemmar, ingen funktionsbrevlåda)" in row(html, "Tomma kommun")
    assert AuditEvent.objects.filter(action="recipient.invitation_failed", object_id=str(danderyd.pk)).exists()
    # The mailbox works again: the sweep retries only the address that failed.
    monkeypatch.undo()
    mail.outbox.clear()
    from remiss.tasks import invitation_sweep

    invitation_sweep()
    assert [m.to for m in mail.outbox] == [["trasig@danderyd.se"]]
    danderyd.refresh_from_db()
    assert danderyd.invitation_status == InvitationStatus.SENT and danderyd.invitation_failed_addresses == []
    assert danderyd.invitation_sent_count == 2 and danderyd.invitation_attempts == 2
    invitation_sweep()
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_failing_invitation_is_retried_a_limited_number_of_times(three, staff, eager, monkeypatch):
    _failing_send(monkeypatch, {"trasig@danderyd.se"})
    services.publish_remiss(remiss=three, by=staff)
    from remiss.tasks import invitation_sweep

    for _ in range(5):
        invitation_sweep()
    danderyd = three.recipients.get(organisation__name="Danderyds kommun")
    assert danderyd.invitation_status == InvitationStatus.FAILED
    assert danderyd.invitation_attempts == services.MAX_INVITATION_ATTEMPTS == 3
    assert ["ok@danderyd.se"] in [m.to for m in mail.outbox] and len(mail.outbox) == 2  # no duplicates


# --- 9. changes after publishing: old and new values in the log, recipients told, publicity guarded -----


@pytest.mark.django_db(transaction=True)
def test_changes_after_publishing_log_old_and_new_values_and_tell_recipients(client_for, staff, ministry, eager):
    remiss = f.RemissFactory(
        ministry=ministry, consequence_questions=["economic"], late_policy=LatePolicy.ACCEPT_MARKED
    )
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    organisation = f.OrganisationFactory(name="Nacka kommun")
    f.MembershipFactory(organisation=organisation, user=f.UserFactory(email="registrator@nacka.se"))
    f.RecipientFactory(remiss=remiss, organisation=organisation)
    services.publish_remiss(remiss=remiss, by=staff)
    mail.outbox.clear()
    services.update_remiss(remiss=remiss, by=staff, missive="Ett nytt missiv.")
    event = AuditEvent.objects.filter(action="remiss.updated").latest("pk")
    assert event.data["changes"]["missive"] == {"old": remiss.missive, "new": "Ett nytt missiv."}
    assert mail.outbox == []  # the missive's wording alone is not sent out
    services.update_remiss(
        remiss=remiss, by=staff, consequence_questions=["economic", "children"], late_policy=LatePolicy.REFUSE
    )
    event = AuditEvent.objects.filter(action="remiss.updated").latest("pk")
    assert event.data["changes"]["consequence_questions"] == {"old": ["economic"], "new": ["economic", "children"]}
    assert event.data["changes"]["late_policy"] == {"old": "accept", "new": "refuse"}
    assert [m.to for m in mail.outbox] == [["registrator@nacka.se"]]
    body = mail.outbox[0].body
    assert "Konsekvenser för barn" in body and "ta inte emot svar efter sista svarsdag" in body
    new_deadline = remiss.deadline + dt.timedelta(days=7)
    services.update_remiss(remiss=remiss, by=staff, deadline=new_deadline)
    event = AuditEvent.objects.filter(action="remiss.updated").latest("pk")
    assert event.data["changes"]["deadline"]["new"] == new_deadline.isoformat()
    assert "Sista svarsdag har ändrats" in mail.outbox[-1].body


@pytest.mark.django_db
def test_publicity_cannot_be_delayed_once_answers_are_public(client_for, staff, ministry):
    form_data = f.remiss_form_data
    remiss = f.PublishedRemissFactory(ministry=ministry, publicity=Publicity.IMMEDIATE)
    client = client_for(staff)
    url = reverse("ministry:edit", args=[remiss.pk])
    data = form_data(reference=remiss.reference, deadline=remiss.deadline.isoformat(), publicity="after_deadline")
    f.make_submission(f.RecipientFactory(remiss=remiss))
    response = client.post(url, data)
    assert response.status_code == 200 and "Remissvaren är redan publicerade på webben" in response.content.decode()
    remiss.refresh_from_db()
    assert remiss.publicity == Publicity.IMMEDIATE
    # Before any answer has come in, the change is fine.
    quiet = f.PublishedRemissFactory(ministry=ministry, publicity=Publicity.IMMEDIATE)
    services.update_remiss(remiss=quiet, by=staff, publicity=Publicity.AFTER_DEADLINE)
    quiet.refresh_from_db()
    assert quiet.publicity == Publicity.AFTER_DEADLINE


# --- 10. diarienummer are unique per ministry regardless of case ------------------------------------------


@pytest.mark.django_db
def test_reference_uniqueness_ignores_case_in_service_and_database(staff, ministry):
    existing = f.RemissFactory(ministry=ministry, reference="Fi2026/00001/SFÖ")
    with pytest.raises(services.RemissError, match="används redan"):
        services.create_remiss(ministry=ministry, by=staff, title="x", reference="fi2026/00001/sfö")
    other = f.RemissFactory(ministry=ministry, reference="Fi2026/00002")
    with pytest.raises(services.RemissError, match="används redan"):
        services.update_remiss(remiss=other, by=staff, reference="FI2026/00001/SFÖ")
    assert f.RemissFactory(ministry=f.MinistryFactory(), reference="fi2026/00001/sfö")  # another ministry: fine
    with pytest.raises(IntegrityError):
        Remiss.objects.create(ministry=ministry, title="y", reference=existing.reference.upper())


# --- 12. CSV exports cannot carry spreadsheet formulas ----------------------------------------------------


@pytest.mark.django_db
def test_csv_cells_that_look_like_formulas_are_neutralised(client_for, staff, ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry)
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss, number="7.1"), text="-2+3 kronor per invånare")
    evil = f.OrganisationFactory(name='=HYPERLINK("http://example.com","klicka")')
    f.RecipientFactory(remiss=remiss, organisation=evil, extended_deadline=days(90), extension_reason="@SUM(A1)")
    client = client_for(staff)
    text = client.get(reverse("ministry:progress_csv", args=[remiss.pk])).content.decode("utf-8-sig")
    cells = list(csv.reader(text.splitlines(), delimiter=";"))[1]
    assert cells[0] == "'" + evil.name and cells[5] == "'@SUM(A1)"
    per_proposal = client.get(reverse("ministry:progress_csv", args=[remiss.pk]), {"del": "forslag"})
    cells = list(csv.reader(per_proposal.content.decode("utf-8-sig").splitlines(), delimiter=";"))[1]
    assert cells[3] == "'-2+3 kronor per invånare"


# --- 15. the progress page filters by län -------------------------------------------------------------------


@pytest.mark.django_db
def test_progress_filters_by_county(client_for, staff, ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry)
    f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name="Täby kommun", county="Stockholms län"))
    f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name="Tierps kommun", county="Uppsala län"))
    f.RecipientFactory(
        remiss=remiss,
        organisation=f.OrganisationFactory(name="Region Uppsala", kind=OrganisationKind.REGION, county="Uppsala län"),
    )
    client = client_for(staff)
    html = client.get(reverse("ministry:progress", args=[remiss.pk]), {"county": "Uppsala län"}).content.decode()
    table = html.split("Remissinstansernas status")[1].split("</table>")[0]
    assert "Tierps kommun" in table and "Region Uppsala" in table and "Täby kommun" not in table
    both = client.get(reverse("ministry:progress", args=[remiss.pk]), {"county": "Uppsala län", "kind": "kommun"})
    table = both.content.decode().split("Remissinstansernas status")[1].split("</table>")[0]
    assert "Tierps kommun" in table and "Region Uppsala" not in table
    csv = client.get(reverse("ministry:progress_csv", args=[remiss.pk]), {"county": "Stockholms län"})
    text = csv.content.decode("utf-8-sig")
    assert "Täby kommun" in text and "Tierps kommun" not in text
    unknown = client.get(reverse("ministry:progress", args=[remiss.pk]), {"county": "Påhittat län"})
    assert unknown.status_code == 200 and "Täby kommun" in unknown.content.decode()
