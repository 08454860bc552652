"""The response workflow: who may move an answer where, deadline rules, corrections,
and what each step records."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from remiss import deadlines, selectors, workflow
from remiss.models import LatePolicy, ResponseStatus, Signatory, Submission, Transition
from remiss.services import drafting
from remiss.services.errors import ResponseError
from tests import factories as f
from tests import support

pytestmark = pytest.mark.django_db


@pytest.fixture
def response(org, ministry):
    return f.response_with_proposals(org, proposals=3, ministry=ministry)


def decide(response, approver):
    return f.decide(
        response, approver, minute_ref="123", signatories=[("Mats Gerdau", "Kommunstyrelsens ordförande"), ("", "")]
    )


to_approved = f.to_approved


def test_full_path_records_transitions_and_audit(
    response, drafter, reviewer, approver, django_capture_on_commit_callbacks
):
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Utkast"})
    workflow.send_for_review(response=response, by=drafter, message="Klar")
    workflow.request_changes(response=response, by=reviewer, message="Förtydliga 7.1.1")
    workflow.send_for_review(response=response, by=drafter)
    workflow.approve(response=response, by=reviewer)
    decide(response, approver)
    with django_capture_on_commit_callbacks() as callbacks:
        submission = workflow.submit_response(response=response, by=approver)
    queued = support.queued(callbacks)
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED and response.minute_ref == "§ 123"
    assert list(Transition.objects.values_list("to_status", flat=True)) == [
        "draft",
        "in_review",
        "changes_requested",
        "in_review",
        "approved",
        "submitted",
    ]
    assert Transition.objects.get(to_status="changes_requested").message == "Förtydliga 7.1.1"
    assert AuditEvent.objects.filter(action="response.submitted", object_id=str(response.pk)).exists()
    assert AuditEvent.objects.filter(action="response.changes_requested").exists()
    assert submission.number == 1 and submission.status == "pending" and not submission.is_late
    assert submission.snapshot["signatories"] == [{"name": "Mats Gerdau", "title": "Kommunstyrelsens ordförande"}]
    assert queued == [submission.pk]


@pytest.mark.parametrize(
    "step, who",
    [("send_for_review", "reviewer"), ("approve", "drafter"), ("approve", "approver"), ("request_changes", "drafter")],
)
def test_roles_decide_who_may_do_what(request, response, drafter, reviewer, step, who):
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "x"})
    if step != "send_for_review":
        workflow.send_for_review(response=response, by=drafter)
    user = request.getfixturevalue(who)
    kwargs = {"message": "m"}
    with pytest.raises(workflow.WorkflowError, match="får bara"):
        getattr(workflow, step)(response=response, by=user, **kwargs)


def test_outsider_cannot_touch_the_workflow(response, outsider, drafter):
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "x"})
    with pytest.raises(workflow.WorkflowError, match="inte medlem"):
        workflow.send_for_review(response=response, by=outsider)


def test_request_changes_needs_a_message_and_state_is_checked(response, drafter, reviewer):
    with pytest.raises(workflow.WorkflowError, match="status"):
        workflow.approve(response=response, by=reviewer)
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "x"})
    workflow.send_for_review(response=response, by=drafter)
    with pytest.raises(workflow.WorkflowError, match="Skriv vad"):
        workflow.request_changes(response=response, by=reviewer, message="  ")


def test_submit_requires_decision_and_lists_what_is_missing(response, drafter, reviewer, approver):
    to_approved(response, drafter, reviewer)
    with pytest.raises(workflow.WorkflowError) as error:
        workflow.submit_response(response=response, by=approver, enqueue=False)
    for missing in ("Beslutsinstans", "Beslutsdatum", "Paragraf", "undertecknare"):
        assert missing in str(error.value)
    assert not Submission.objects.exists()


def test_a_myndighet_decides_without_a_minute_paragraph(response, drafter, reviewer, approver):
    from accounts.models import OrganisationKind

    organisation = response.recipient.organisation
    to_approved(response, drafter, reviewer)
    response = drafting.record_decision(
        response=response,
        by=approver,
        decided_by="Generaldirektören",
        decision_date=timezone.localdate(),
        minute_ref="",
        signatories=[("Maria Holmgren", "Generaldirektör")],
    )
    assert workflow.missing_for_submission(response) == ["Paragraf (§) i protokollet saknas."]
    organisation.kind = OrganisationKind.AGENCY
    organisation.save()
    response.refresh_from_db()
    assert workflow.missing_for_submission(response) == []


def test_review_page_shows_exactly_what_is_missing(client_for, response, drafter, reviewer, approver):
    to_approved(response, drafter, reviewer)
    drafting.record_decision(
        response=response, by=approver, decided_by="Kommunstyrelsen", decision_date=None, minute_ref="", signatories=[]
    )
    html = client_for(approver).get(reverse("respondent:review", args=[response.pk])).content.decode()
    assert "Beslutsdatum saknas" in html and "Paragraf (§)" in html and "Minst en undertecknare" in html
    assert "Beslutsinstans (till exempel" not in html
    assert "Skicka in yttrandet" not in html


def test_decision_and_submit_through_the_views(client_for, response, drafter, reviewer, approver):
    to_approved(response, drafter, reviewer)
    client = client_for(approver)
    page = client.post(
        reverse("respondent:decision", args=[response.pk]),
        {
            "decided_by": "Kommunstyrelsen",
            "decision_date": "2026-03-02",
            "minute_ref": "§ 45",
            "sig-TOTAL_FORMS": "2",
            "sig-INITIAL_FORMS": "0",
            "sig-0-name": "Mats Gerdau",
            "sig-0-title": "Kommunstyrelsens ordförande",
            "sig-1-name": "",
            "sig-1-title": "",
        },
    )
    assert page.status_code == 302
    assert list(Signatory.objects.values_list("name", flat=True)) == ["Mats Gerdau"]
    response.refresh_from_db()
    confirm = {"version": response.version, "accept_warnings": "on"}
    page = client.post(reverse("respondent:submit", args=[response.pk]), confirm)
    assert page.status_code == 302 and page["Location"].endswith("/inskickat/1/")
    assert Submission.objects.get().submitted_by == approver
    # The drafter may not submit or record decisions (403, nothing changes).
    assert client_for(drafter).post(reverse("respondent:submit", args=[response.pk])).status_code == 403
    assert client_for(drafter).post(reverse("respondent:decision", args=[response.pk]), {}).status_code == 403


def test_request_changes_view_keeps_message_on_error(client_for, response, drafter, reviewer):
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "x"})
    page = client_for(reviewer).post(
        reverse("respondent:transition", args=[response.pk, "request_changes"]), {"message": ""}
    )
    assert page.status_code == 400 and "status" in page.content.decode()
    workflow.send_for_review(response=response, by=drafter)
    page = client_for(reviewer).post(
        reverse("respondent:transition", args=[response.pk, "request_changes"]),
        {"message": "Lägg till barnkonsekvenser"},
    )
    assert page.status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.CHANGES_REQUESTED
    assert client_for(reviewer).post(reverse("respondent:transition", args=[response.pk, "hack"])).status_code == 404


def test_text_is_frozen_outside_draft(response, drafter, reviewer):
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "x"})
    workflow.send_for_review(response=response, by=drafter)
    with pytest.raises(ResponseError, match="Under granskning"):
        drafting.save_changes(response=response, by=drafter, response_version=2, texts={"summary": "ändrad"})


def test_late_answer_refused_or_marked_unless_extended(response, drafter, reviewer, approver):
    to_approved(response, drafter, reviewer)
    decide(response, approver)
    remiss = response.recipient.remiss
    after = remiss.deadline_at + dt.timedelta(hours=1)
    remiss.late_policy = LatePolicy.REFUSE
    remiss.save()
    with pytest.raises(workflow.WorkflowError, match="tar inte emot svar som kommer in för sent"):
        workflow.submit_response(response=response, by=approver, now=after, enqueue=False)
    recipient = response.recipient
    recipient.extended_deadline = remiss.deadline + dt.timedelta(days=7)
    recipient.save()
    submission = workflow.submit_response(response=response, by=approver, now=after, enqueue=False)
    assert not submission.is_late


def test_late_answer_accepted_and_marked(response, drafter, reviewer, approver):
    to_approved(response, drafter, reviewer)
    decide(response, approver)
    remiss = response.recipient.remiss
    remiss.late_policy = LatePolicy.ACCEPT_MARKED
    remiss.save()
    submission = workflow.submit_response(
        response=response, by=approver, now=remiss.deadline_at + dt.timedelta(days=1), enqueue=False
    )
    assert submission.is_late and submission.snapshot["is_late"]


def test_correction_before_deadline_keeps_earlier_versions(response, drafter, reviewer, approver):
    to_approved(response, drafter, reviewer)
    decide(response, approver)
    first = workflow.submit_response(response=response, by=approver, enqueue=False)
    workflow.reopen_for_correction(response=response, by=drafter, message="Fel siffra")
    drafting.save_changes(
        response=response,
        by=drafter,
        response_version=response.version + 10,
        texts={"summary": "Rättad sammanfattning"},
    )
    to_approved_again = workflow.send_for_review(response=response, by=drafter)
    workflow.approve(response=to_approved_again, by=reviewer)
    second = workflow.submit_response(response=response, by=approver, enqueue=False)
    assert (first.number, second.number) == (1, 2)
    assert Submission.objects.count() == 2
    assert selectors.newest_submission(response).pk == second.pk
    assert second.snapshot["summary"] == "Rättad sammanfattning" and first.snapshot["summary"] == "Vi tillstyrker."


def test_no_correction_after_deadline(response, drafter, reviewer, approver):
    to_approved(response, drafter, reviewer)
    decide(response, approver)
    workflow.submit_response(response=response, by=approver, enqueue=False)
    with pytest.raises(workflow.WorkflowError, match="Sista svarsdag har passerat"):
        workflow.reopen_for_correction(
            response=response, by=drafter, now=response.recipient.deadline_at + dt.timedelta(minutes=1)
        )


def test_decline_needs_a_short_reason(client_for, response, approver, drafter):
    with pytest.raises(workflow.WorkflowError, match="avstår"):
        workflow.decline_response(response=response, by=approver, reason="")
    with pytest.raises(workflow.WorkflowError, match="handläggare|beslutsfattare"):
        workflow.decline_response(response=response, by=drafter, reason="Berör inte oss")
    page = client_for(approver).post(
        reverse("respondent:decline", args=[response.pk]), {"reason": "Frågan berör inte kommunens verksamhet."}
    )
    assert page.status_code == 302
    response.refresh_from_db()
    submission = Submission.objects.get()
    assert response.status == ResponseStatus.DECLINED and submission.declined
    assert submission.snapshot["declined_reason"] == "Frågan berör inte kommunens verksamhet."


def test_deadline_days_left_is_counted_in_stockholm():
    from zoneinfo import ZoneInfo

    from remiss.models.remisser import end_of_day

    deadline = end_of_day(dt.date(2026, 3, 31))
    late_evening = dt.datetime(2026, 3, 30, 23, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert deadlines.days_left(deadline, late_evening) == 1
    assert deadlines.days_left(deadline, late_evening.astimezone(dt.UTC)) == 1
    assert deadlines.days_left(deadline, timezone.now()) is not None


def test_every_signatory_needs_a_name_and_a_title(response, drafter, reviewer, approver):
    to_approved(response, drafter, reviewer)
    response = f.decide(
        response, approver, signatories=[("Mats Gerdau", "Kommunstyrelsens ordförande"), ("Anna Lund", "")]
    )
    assert workflow.missing_for_submission(response) == ["Titel saknas för undertecknaren Anna Lund."]
    with pytest.raises(workflow.WorkflowError, match="Titel saknas för undertecknaren Anna Lund"):
        workflow.submit_response(response=response, by=approver, enqueue=False)
    assert not Submission.objects.exists()
    f.decide(
        response,
        approver,
        signatories=[("Mats Gerdau", "Kommunstyrelsens ordförande"), ("Anna Lund", "Kommundirektör")],
    )
    assert workflow.missing_for_submission(response) == []


def test_review_page_names_the_signatory_without_a_title(client_for, response, drafter, reviewer, approver):
    to_approved(response, drafter, reviewer)
    f.decide(response, approver, signatories=[("Mats Gerdau", "")])
    html = client_for(approver).get(reverse("respondent:review", args=[response.pk])).content.decode()
    assert "Titel saknas för undertecknaren Mats Gerdau." in html and "Skicka in yttrandet" not in html
