"""Before submission: the completeness warnings with links, the preview PDF, and the confirmation
step that submits once and says what happens."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from remiss.models import Assignment, Attachment, ResponseStatus, Stance, Submission
from remiss.services import drafting
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(org, ministry, drafter, reviewer, approver):
    """An approved, decided answer to four proposals: one answered with a placeholder, three not;
    an open task and an attachment without a title of its own."""
    response = f.response_with_proposals(org, proposals=4, ministry=ministry, reference="Fi2026/00123/SFÖ")
    first = response.recipient.remiss.proposals.order_by("section__position", "position").first()
    drafting.save_changes(
        response=response,
        by=drafter,
        response_version=1,
        answers={first.pk: (Stance.SUPPORTS, "Vi tillstyrker. [Texten kompletteras efter nämndens möte.]", 0)},
    )
    Assignment.objects.create(response=response, section=first.section, assignee=reviewer, assigned_by=drafter)
    Attachment.objects.create(response=response, title="protokoll.pdf", original_name="protokoll.pdf", size=10)
    f.to_approved(response, drafter, reviewer)
    f.decide(response, approver)
    response.refresh_from_db()
    return response


def test_review_and_submit_pages_warn_with_links_to_each_unfinished_part(client_for, approver, approved):
    form_url = reverse("respondent:form", args=[approved.pk])
    proposals = list(approved.recipient.remiss.proposals.order_by("section__position", "position"))
    for name in ("respondent:review", "respondent:submit"):
        page = client_for(approver).get(reverse(name, args=[approved.pk]))
        html = page.content.decode()
        assert page.status_code == 200
        assert "3 av 4 förslag saknar ställningstagande" in html
        for p in proposals[1:]:
            assert f'href="{form_url}#p-{p.pk}"' in html
        assert "1 del innehåller text som ser ut att vara en platshållare" in html
        assert "[Texten kompletteras efter nämndens möte.]" in html
        assert "1 fördelad uppgift är inte markerad som klar." in html
        assert f'href="{form_url}#s-{proposals[0].section_id}"' in html
        assert "1 bilaga saknar egen titel" in html


def test_confirmation_says_what_happens(client_for, approver, approved, org):
    org.registry_email = "registrator@nacka.se"
    org.save()
    html = client_for(approver).get(reverse("respondent:submit", args=[approved.pk])).content.decode()
    assert "Finansdepartementet får yttrandet" in html
    assert "offentligt på webben direkt" in html
    assert "registrator@nacka.se" in html and approver.email in html
    assert reverse("respondent:preview", args=[approved.pk]) in html


def test_warnings_must_be_knowingly_accepted_and_the_answer_is_submitted_once(client_for, approver, approved):
    client = client_for(approver)
    url = reverse("respondent:submit", args=[approved.pk])
    page = client.post(url, {"version": approved.version})
    assert page.status_code == 400
    assert "Kryssa i att du har läst varningarna" in page.content.decode()
    assert not Submission.objects.exists()

    page = client.post(url, {"version": approved.version, "accept_warnings": "on"})
    submission = Submission.objects.get(response=approved)
    assert page.status_code == 302 and page["Location"] == reverse("respondent:receipt", args=[approved.pk, 1])
    approved.refresh_from_db()
    assert approved.status == ResponseStatus.SUBMITTED

    again = client.post(url, {"version": approved.version, "accept_warnings": "on"}, follow=True)
    assert again.status_code == 200
    assert "Yttrandet är redan inskickat. Det skickades inte en gång till." in again.content.decode()
    assert list(Submission.objects.filter(response=approved)) == [submission]


def test_a_decision_changed_after_the_confirmation_page_was_read_is_not_submitted(client_for, approver, approved):
    client = client_for(approver)
    loaded = approved.version
    f.decide(approved, approver, decided_by="Kommunfullmäktige")
    page = client.post(reverse("respondent:submit", args=[approved.pk]), {"version": loaded, "accept_warnings": "on"})
    assert page.status_code == 409
    assert "Yttrandet har ändrats sedan du öppnade sidan" in page.content.decode()
    assert not Submission.objects.exists()


def test_complete_answer_needs_no_acceptance(client_for, org, ministry, drafter, reviewer, approver):
    response = f.response_with_proposals(org, proposals=1, ministry=ministry)
    p = response.recipient.remiss.proposals.get()
    drafting.save_changes(
        response=response, by=drafter, response_version=1, answers={p.pk: (Stance.SUPPORTS, "Bra.", 0)}
    )
    f.to_approved(response, drafter, reviewer)
    f.decide(response, approver)
    response.refresh_from_db()
    client = client_for(approver)
    assert (
        "Kontrollera innan du skickar in"
        not in client.get(reverse("respondent:submit", args=[response.pk])).content.decode()
    )
    page = client.post(reverse("respondent:submit", args=[response.pk]), {"version": response.version})
    assert page.status_code == 302
    assert Submission.objects.filter(response=response).count() == 1


def test_only_approvers_reach_the_confirmation_and_strangers_get_404(
    client_for, anonymous, drafter, reviewer, outsider, staff, approved
):
    url = reverse("respondent:submit", args=[approved.pk])
    assert client_for(drafter).get(url).status_code == 403
    assert client_for(reviewer).post(url, {"version": approved.version, "accept_warnings": "on"}).status_code == 403
    for user in (outsider, staff):
        assert client_for(user).get(url).status_code == 404
        assert client_for(user).post(url, {"version": approved.version, "accept_warnings": "on"}).status_code == 404
    page = anonymous.get(url)
    assert page.status_code == 302 and "/konto/logga-in/" in page["Location"]
    assert not Submission.objects.exists()


def test_preview_is_the_answer_pdf_marked_as_a_preview_for_members_only(
    client_for, anonymous, drafter, outsider, staff, approved
):
    url = reverse("respondent:preview", args=[approved.pk])
    page = client_for(drafter).get(url)
    assert page.status_code == 200 and page["Content-Type"] == "application/pdf"
    assert "inline" in page["Content-Disposition"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.content)).pages)
    assert "FÖRHANDSGRANSKNING" in text
    assert "Mats Gerdau" in text and "Fi2026/00123/SFÖ" in text
    for user in (outsider, staff):
        denied = client_for(user).get(url)
        assert denied.status_code == 404
        assert "Sidan finns inte" in denied.content.decode()
    assert anonymous.get(url).status_code == 302
    assert not Submission.objects.exists()
