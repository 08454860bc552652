"""E-mail when it is someone's turn: through Celery after commit, delivery recorded, per-person choices."""

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import Notification, NotificationPreference
from remiss import workflow
from remiss.compilation import lifecycle
from remiss.models import Compilation
from remiss.selectors import assigned
from remiss.services import assignments, drafting
from remiss.services.errors import ResponseError
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def answer(org):
    return f.ResponseFactory(recipient=f.RecipientFactory(organisation=org))


def sent_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_review_changes_and_approval_reach_the_right_people_with_links(
    answer, drafter, reviewer, approver, eager, settings
):
    drafting.save_changes(response=answer, by=drafter, response_version=1, texts={"summary": "Vi tillstyrker."})
    workflow.send_for_review(response=answer, by=drafter)
    (review,) = sent_to(reviewer.email)
    assert "Att granska" in review.subject and answer.recipient.remiss.reference in review.subject
    assert settings.SITE_URL + reverse("respondent:review", args=[answer.pk]) in review.body
    html, mime = review.alternatives[0]
    assert mime == "text/html" and "Öppna i Remiss" in html and '<html lang="sv">' in html
    assert not sent_to(drafter.email)  # nobody is told about their own step

    workflow.request_changes(response=answer, by=reviewer, message="Skriv om avsnitt 3.")
    (changes,) = sent_to(drafter.email)
    assert "Ändringar begärda" in changes.subject and "Skriv om avsnitt 3." in changes.body

    workflow.send_for_review(response=answer, by=drafter)
    workflow.approve(response=answer, by=reviewer)
    (approved,) = sent_to(approver.email)
    assert "väntar på beslut" in approved.subject
    assert settings.SITE_URL + reverse("respondent:review", args=[answer.pk]) in approved.body
    rows = Notification.objects.all()
    assert rows.count() == len(mail.outbox) == 4 and all(n.sent_at and not n.error for n in rows)


def test_a_task_goes_only_to_a_colleague_who_may_edit_and_ends_with_the_answer(
    answer, drafter, reviewer, approver, eager
):
    section = f.SectionFactory(remiss=answer.recipient.remiss)
    assert set(assigned.colleagues(answer.recipient.organisation)) == {drafter, approver}
    with pytest.raises(ResponseError):
        assignments.assign(response=answer, by=drafter, assignee=reviewer, section=section)
    task = assignments.assign(
        response=answer, by=drafter, assignee=approver, section=section, note="Ta fram siffrorna."
    )
    (message,) = sent_to(approver.email)
    assert "Ny uppgift" in message.subject and "Ta fram siffrorna." in message.body and "#uppgifter" in message.body
    workflow.decline_response(response=answer, by=approver, reason="Inga synpunkter.", enqueue=False)
    task.refresh_from_db()
    assert task.done_at is not None


def test_daily_digest_and_never(client_for, answer, drafter, reviewer, eager):
    page = client_for(reviewer)
    html = page.get(reverse("accounts:profile")).content.decode()
    assert "Kvittenser och påminnelser före sista svarsdag skickas alltid." in html
    assert 'name="receipt"' not in html and 'name="deadline"' not in html
    page.post(reverse("notifications:preferences"), {"review_requested": "daily", "task_assigned": "never"})
    assert NotificationPreference.objects.get(user=reviewer, kind="review_requested").frequency == "daily"
    workflow.send_for_review(response=answer, by=drafter)
    assert not sent_to(reviewer.email)
    from notifications.tasks import send_digests

    assert send_digests() == 1
    (digest,) = sent_to(reviewer.email)
    assert "dagens sammanfattning (1 händelse)" in digest.subject and "Att granska" in digest.body
    assert send_digests() == 0
    section = f.SectionFactory(remiss=answer.recipient.remiss)
    NotificationPreference.objects.filter(user=reviewer).update(frequency="never")
    reviewer.memberships.update(is_drafter=True)
    assignments.assign(response=answer, by=drafter, assignee=reviewer, section=section)
    assert len(sent_to(reviewer.email)) == 1


def test_compilation_end_is_told_to_whoever_started_it(staff, ministry, eager):

    remiss = f.PublishedRemissFactory(ministry=ministry)
    compilation = Compilation.objects.create(remiss=remiss, created_by=staff, status="running")
    lifecycle.mark_failed(compilation_id=compilation.pk, message="Tog för lång tid.")
    (message,) = sent_to(staff.email)
    assert "misslyckades" in message.subject and "Tog för lång tid." in message.body
    assert reverse("compilation:detail", args=[remiss.pk, compilation.pk]) in message.body
