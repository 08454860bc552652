"""The start page: what each kind of user sees first, and the navigation that leads on."""

import pytest

from remiss.models import Assignment, ResponseStatus
from tests import factories as f


@pytest.mark.django_db
def test_signed_out_visitors_see_open_remisser_and_sign_in(anonymous, ministry):
    f.PublishedRemissFactory(ministry=ministry, title="Öppen remiss om tillit")
    f.RemissFactory(ministry=ministry, title="Hemligt utkast")
    html = anonymous.get("/").content.decode()
    assert "Öppen remiss om tillit" in html and "Hemligt utkast" not in html
    assert 'href="/konto/logga-in/"' in html and "Att besvara" not in html


@pytest.mark.django_db
def test_respondents_see_their_open_invitations_and_tasks_only(client_for, drafter, org, other_org, ministry):
    mine = f.response_with_proposals(org, ministry=ministry, title="Remiss till Nacka")
    f.response_with_proposals(other_org, ministry=ministry, title="Remiss till Värmdö")
    mine.status = ResponseStatus.DRAFT
    mine.summary = "HEMLIG-UTKASTTEXT"
    mine.save()
    proposal = mine.recipient.remiss.proposals.first()
    Assignment.objects.create(response=mine, proposal=proposal, assignee=drafter, assigned_by=drafter)
    html = client_for(drafter).get("/").content.decode()
    assert "Remiss till Nacka" in html and "Remiss till Värmdö" not in html
    assert "dagar kvar" in html and "Utkast" in html
    assert f"Förslag {proposal.label}" in html  # the task
    assert "HEMLIG-UTKASTTEXT" not in html
    assert 'href="/yttranden/"' in html and 'href="/yttranden/uppgifter/"' in html  # navigation


@pytest.mark.django_db
def test_submitted_answers_leave_the_list_of_things_to_answer(client_for, drafter, org, ministry):
    response = f.response_with_proposals(org, ministry=ministry, title="Redan besvarad remiss")
    f.make_submission(response.recipient)
    html = client_for(drafter).get("/").content.decode()
    assert "Redan besvarad remiss" not in html
    assert "inga öppna remisser att besvara" in html


@pytest.mark.django_db
def test_ministry_staff_see_their_remisser_with_answer_counts(
    client_for, staff, ministry, other_ministry, org, other_org
):
    remiss = f.PublishedRemissFactory(ministry=ministry, title="Vår remiss")
    answered = f.RecipientFactory(remiss=remiss, organisation=org)
    f.make_submission(answered)
    draft = f.ResponseFactory(recipient=f.RecipientFactory(remiss=remiss, organisation=other_org), summary="UTKAST-X")
    f.PublishedRemissFactory(ministry=other_ministry, title="Annat departements remiss")
    html = client_for(staff).get("/").content.decode()
    assert "Vår remiss" in html and "Annat departements remiss" not in html
    assert "1 av 2" in html  # the draft counts as not answered, and its text is nowhere
    assert draft.summary not in html
    assert 'href="/departement/remisser/"' in html and 'href="/yttranden/"' not in html


@pytest.mark.django_db
def test_header_switches_organisation_for_people_with_several(client_for, drafter, other_org):
    f.MembershipFactory(user=drafter, organisation=other_org, is_reviewer=True)
    client = client_for(drafter)
    html = client.get("/remisser/").content.decode()
    assert '<label for="header-organisation"' in html and other_org.name in html
    response = client.post(
        "/konto/byt-organisation/", {"organisation": other_org.pk, "next": "/remisser/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/remisser/"
    assert f'value="{other_org.pk}" selected' in response.content.decode()
