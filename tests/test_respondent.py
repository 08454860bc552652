"""Respondent views: inbox, answer form, autosave, conflicts, history, assignments, attachments,
receipts, and who may see what (members only; other organisations and ministry staff get 404)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from remiss import workflow
from remiss.models import (
    Answer,
    Assignment,
    Attachment,
    Receipt,
    Response,
    ResponseStatus,
    Revision,
    Stance,
    Submission,
    SubmissionStatus,
)
from remiss.models.responses import MAX_TEXT_LENGTH
from remiss.services import responses as svc
from tests import factories as f

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def response(org, ministry):
    return f.response_with_proposals(org, proposals=4, ministry=ministry)


def proposals_of(response):
    return list(response.recipient.remiss.proposals.order_by("section__position", "position"))


def form_post(response, **overrides):
    """A full-form POST as the page would send it (everything as loaded, then ``overrides``)."""
    response.refresh_from_db()
    data = {
        "response_version": response.version,
        "summary": response.summary,
        "general_comments": response.general_comments,
    }
    for key in response.recipient.remiss.consequence_questions:
        data[f"consequence-{key}"] = (response.consequences or {}).get(key, "")
    answers = {a.proposal_id: a for a in response.answers.all()}
    for p in proposals_of(response):
        a = answers.get(p.pk)
        data[f"stance-{p.pk}"] = a.stance if a else ""
        data[f"comment-{p.pk}"] = a.comment if a else ""
        data[f"version-{p.pk}"] = a.version if a else 0
    data.update(overrides)
    return data


# --- Inbox ------------------------------------------------------------------------------------


def test_inbox_lists_own_remisser_with_days_left_and_creates_missing_response(client_for, drafter, org, other_org):
    remiss = f.PublishedRemissFactory(deadline=timezone.localdate() + dt.timedelta(days=10), title="Tillitsremissen")
    f.RecipientFactory(
        remiss=remiss,
        organisation=org,
        extended_deadline=timezone.localdate() + dt.timedelta(days=20),
        extension_reason="Nämndsammanträde",
    )
    f.RecipientFactory(remiss=f.PublishedRemissFactory(title="Annans remiss"), organisation=other_org)
    f.RecipientFactory(remiss=f.RemissFactory(title="Utkastremiss"), organisation=org)  # not published
    page = client_for(drafter).get(reverse("respondent:inbox"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Tillitsremissen" in html and "Annans remiss" not in html and "Utkastremiss" not in html
    assert "20 dagar kvar" in html and "Nämndsammanträde" in html
    assert Response.objects.filter(recipient__organisation=org).count() == 1


def test_inbox_shows_last_editor_and_my_tasks(client_for, drafter, reviewer, response):
    svc.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Hej"})
    p = proposals_of(response)[0]
    Assignment.objects.create(
        response=response, proposal=p, assignee=reviewer, assigned_by=drafter, due_date=dt.date(2030, 1, 5)
    )
    html = client_for(drafter).get(reverse("respondent:inbox")).content.decode()
    assert drafter.get_full_name() in html
    html = client_for(reviewer).get(reverse("respondent:inbox")).content.decode()
    assert "Mina uppgifter" in html and f"Förslag {p.label}" in html and "5 januari 2030" in html


def test_ministry_staff_inbox_is_empty(client_for, staff, response):
    page = client_for(staff).get(reverse("respondent:inbox"))
    assert page.status_code == 200
    assert response.recipient.remiss.title not in page.content.decode()


# --- Permission matrix ----------------------------------------------------------------------------


def member_urls(response, submission=None, revision=None, attachment=None):
    pk = response.pk
    urls = [
        ("get", reverse("respondent:form", args=[pk])),
        ("get", reverse("respondent:review", args=[pk])),
        ("get", reverse("respondent:history", args=[pk])),
        ("post", reverse("respondent:form", args=[pk])),
        ("post", reverse("respondent:autosave", args=[pk])),
        ("post", reverse("respondent:transition", args=[pk, "send_for_review"])),
        ("post", reverse("respondent:decision", args=[pk])),
        ("post", reverse("respondent:submit", args=[pk])),
        ("post", reverse("respondent:decline", args=[pk])),
        ("post", reverse("respondent:assign", args=[pk])),
        ("post", reverse("respondent:attachment_add", args=[pk])),
    ]
    if revision:
        urls.append(("get", reverse("respondent:diff", args=[pk, revision.pk])))
    if attachment:
        urls.append(("get", reverse("respondent:attachment", args=[pk, attachment.pk])))
        urls.append(("post", reverse("respondent:attachment_remove", args=[pk, attachment.pk])))
    if submission:
        urls.append(("get", reverse("respondent:receipt", args=[pk, submission.number])))
        urls.append(("get", reverse("respondent:submission_pdf", args=[pk, submission.number])))
    return urls


@pytest.fixture
def full_response(response, drafter):
    svc.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Hemligt utkast"})
    attachment = Attachment.objects.create(
        response=response, title="Bilaga", original_name="b.pdf", size=3, file=SimpleUploadedFile("b.pdf", PDF)
    )
    submission = Submission.objects.create(
        response=response,
        number=1,
        submitted_at=timezone.now(),
        status=SubmissionStatus.DONE,
        pdf=SimpleUploadedFile("s.pdf", PDF),
    )
    return response, submission, response.revisions.first(), attachment


@pytest.mark.parametrize("who", ["outsider", "staff", "other_staff"])
def test_strangers_and_ministry_staff_get_404_everywhere(request, client_for, full_response, who):
    response, submission, revision, attachment = full_response
    user = request.getfixturevalue(who)
    client = client_for(user)
    urls = member_urls(response, submission, revision, attachment)
    assert len(urls) > 10
    for method, url in urls:
        page = getattr(client, method)(
            url, {"field": "summary", "text": "x", "version": 1} if method == "post" else None
        )
        assert page.status_code == 404, (who, url, page.status_code)
        assert b"Hemligt utkast" not in page.content
    response.refresh_from_db()
    assert response.summary == "Hemligt utkast" and response.status == ResponseStatus.DRAFT
    assert AuditEvent.objects.filter(action="access.denied").exists()


def test_anonymous_is_sent_to_login_and_autosave_gets_401(anonymous, full_response):
    response, submission, revision, attachment = full_response
    for method, url in member_urls(response, submission, revision, attachment):
        page = getattr(anonymous, method)(url)
        if url.endswith("/spara/"):
            assert page.status_code == 401
        else:
            assert page.status_code == 302 and "/konto/logga-in/" in page["Location"], url


def test_members_see_their_pages(client_for, drafter, reviewer, approver, full_response):
    response, submission, revision, attachment = full_response
    for user in (drafter, reviewer, approver):
        client = client_for(user)
        for method, url in member_urls(response, submission, revision, attachment):
            if method == "get":
                assert client.get(url).status_code == 200, url


def test_reviewer_cannot_edit_text(client_for, reviewer, response):
    page = client_for(reviewer).post(reverse("respondent:form", args=[response.pk]), form_post(response, summary="Nej"))
    assert page.status_code == 403
    page = client_for(reviewer).post(
        reverse("respondent:autosave", args=[response.pk]), {"field": "summary", "text": "Nej", "version": 1}
    )
    assert page.status_code == 400 and "handläggare" in page.json()["error"]
    response.refresh_from_db()
    assert response.summary == ""


def test_forged_form_for_other_organisations_answer_is_404(client_for, outsider, response, other_org):
    # The outsider posts a complete, well-formed form for Nacka's answer.
    page = client_for(outsider).post(
        reverse("respondent:form", args=[response.pk]), form_post(response, summary="Inkräktare")
    )
    assert page.status_code == 404
    response.refresh_from_db()
    assert response.summary == "" and not Revision.objects.exists()


def test_autosave_rejects_proposal_of_another_remiss(client_for, drafter, response):
    foreign = f.ProposalFactory()
    page = client_for(drafter).post(
        reverse("respondent:autosave", args=[response.pk]),
        {"field": f"answer:{foreign.pk}", "text": "x", "stance": "supports", "version": 0},
    )
    assert page.status_code == 400
    assert not Answer.objects.exists()


# --- The form -----------------------------------------------------------------------------------------


def test_form_shows_sections_proposals_toc_and_next_unanswered(client_for, drafter, response):
    p1, p2 = proposals_of(response)[:2]
    Answer.objects.create(response=response, proposal=p1, stance=Stance.SUPPORTS)
    html = client_for(drafter).get(reverse("respondent:form", args=[response.pk])).content.decode()
    assert "1 av 4 förslag besvarade" in html
    assert f'href="#p-{p2.pk}">Nästa obesvarade förslag' in html
    assert "<legend>Ställningstagande till" in html
    assert html.count('type="radio"') == 4 * 5
    assert "Ekonomiska konsekvenser" in html
    assert 'value="" id' in html  # "ej besvarad" is a real choice


def test_full_form_post_saves_everything_and_records_revisions(client_for, drafter, response):
    p1, p2 = proposals_of(response)[:2]
    data = form_post(
        response,
        summary="Vi är positiva.",
        **{f"stance-{p1.pk}": "partly", f"comment-{p1.pk}": "Delvis bra.", "consequence-economic": "Inga kostnader."},
    )
    page = client_for(drafter).post(reverse("respondent:form", args=[response.pk]), data)
    assert page.status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.DRAFT  # first save starts the draft
    assert response.summary == "Vi är positiva." and response.consequences == {"economic": "Inga kostnader."}
    assert response.updated_by == drafter
    answer = Answer.objects.get(response=response, proposal=p1)
    assert (answer.stance, answer.comment, answer.version) == ("partly", "Delvis bra.", 1)
    assert not Answer.objects.filter(proposal=p2).exists()
    assert set(Revision.objects.values_list("field", flat=True)) == {
        "summary",
        "consequence:economic",
        f"answer:{p1.pk}",
    }
    assert response.transitions.get().to_status == ResponseStatus.DRAFT
    follow = client_for(drafter).get(reverse("respondent:form", args=[response.pk])).content.decode()
    assert "Sparat " in follow or "Vi är positiva." in follow


def test_too_long_comment_is_refused_and_kept(client_for, drafter, response):
    p1 = proposals_of(response)[0]
    long_text = "ord " * 50_000  # 200 000 characters
    assert len(long_text) == 200_000 > MAX_TEXT_LENGTH
    page = client_for(drafter).post(
        reverse("respondent:form", args=[response.pk]),
        form_post(response, **{f"comment-{p1.pk}": long_text, "summary": "Kort"}),
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "för lång" in html and "200 000" in html and "50 000" in html
    assert long_text.strip() in html  # text kept in the field
    assert "maxlength" not in html.split(f'id="id_comment-{p1.pk}"')[1][:200]
    assert not Answer.objects.exists() and Response.objects.get(pk=response.pk).summary == ""
    page = client_for(drafter).post(
        reverse("respondent:autosave", args=[response.pk]),
        {"field": f"answer:{p1.pk}", "text": long_text, "stance": "", "version": 0},
    )
    assert page.status_code == 400 and "för lång" in page.json()["error"]


def test_unknown_stance_is_refused(client_for, drafter, response):
    p1 = proposals_of(response)[0]
    page = client_for(drafter).post(
        reverse("respondent:form", args=[response.pk]),
        form_post(response, **{f"stance-{p1.pk}": "hurra", f"comment-{p1.pk}": "Behåll"}),
    )
    assert page.status_code == 200 and "Okänt ställningstagande" in page.content.decode()
    assert "Behåll" in page.content.decode()
    page = client_for(drafter).post(
        reverse("respondent:autosave", args=[response.pk]),
        {"field": f"answer:{p1.pk}", "text": "x", "stance": "hurra", "version": 0},
    )
    assert page.status_code == 400
    assert not Answer.objects.exists()


# --- Autosave and conflicts ------------------------------------------------------------------------------


def test_autosave_saves_one_field_and_returns_new_version(client_for, drafter, response):
    client = client_for(drafter)
    url = reverse("respondent:autosave", args=[response.pk])
    page = client.post(url, {"field": "summary", "text": "Första", "version": 1})
    body = page.json()
    assert page.status_code == 200 and body["ok"] and body["version"] == 2 and body["saved_label"].startswith("Sparat ")
    p1 = proposals_of(response)[0]
    body = client.post(url, {"field": f"answer:{p1.pk}", "text": "Bra", "stance": "supports", "version": 0}).json()
    assert body["version"] == 1
    body = client.post(url, {"field": f"answer:{p1.pk}", "text": "Bra!", "stance": "supports", "version": 1}).json()
    assert body["version"] == 2
    assert Revision.objects.filter(field=f"answer:{p1.pk}").count() == 2


def test_stale_version_with_different_text_is_a_conflict(client_for, drafter, approver, response):
    url = reverse("respondent:autosave", args=[response.pk])
    client_for(drafter).post(url, {"field": "general_comments", "text": "Hannas text", "version": 1})
    # The approver loaded version 1 and writes something else in the same field.
    page = client_for(approver).post(url, {"field": "general_comments", "text": "Beritas text", "version": 1})
    assert page.status_code == 409
    conflict = page.json()["conflict"]
    assert conflict["theirs_text"] == "Hannas text" and conflict["theirs_author"] == drafter.get_full_name()
    response.refresh_from_db()
    assert response.general_comments == "Hannas text"
    # Choosing "mine" = saving again with the version from the conflict.
    page = client_for(approver).post(
        url, {"field": "general_comments", "text": "Beritas text", "version": conflict["version"]}
    )
    assert page.status_code == 200
    response.refresh_from_db()
    assert response.general_comments == "Beritas text"


def test_stale_version_on_another_field_is_not_a_conflict(client_for, drafter, approver, response):
    url = reverse("respondent:autosave", args=[response.pk])
    client_for(drafter).post(url, {"field": "summary", "text": "Sammanfattning", "version": 1})
    page = client_for(approver).post(url, {"field": "general_comments", "text": "Generellt", "version": 1})
    assert page.status_code == 200
    response.refresh_from_db()
    assert (response.summary, response.general_comments) == ("Sammanfattning", "Generellt")


def test_full_form_conflict_shows_both_texts_and_saves_the_rest(client_for, drafter, approver, response):
    p1, p2 = proposals_of(response)[:2]
    loaded = form_post(response)
    svc.save_changes(response=response, by=drafter, answers={p1.pk: ("supports", "Hannas kommentar", 0)})
    data = {
        **loaded,
        f"stance-{p1.pk}": "opposes",
        f"comment-{p1.pk}": "Beritas kommentar",
        f"stance-{p2.pk}": "no_view",
        "summary": "Ny sammanfattning",
    }
    page = client_for(approver).post(reverse("respondent:form", args=[response.pk]), data)
    html = page.content.decode()
    assert page.status_code == 409
    assert "Hannas kommentar" in html and "Beritas kommentar" in html and "Krock" in html
    assert Answer.objects.get(proposal=p1).comment == "Hannas kommentar"
    assert Answer.objects.get(proposal=p2).stance == "no_view"
    assert Response.objects.get(pk=response.pk).summary == "Ny sammanfattning"
    # The re-rendered form carries the current version: saving again means "keep mine".
    assert f'name="version-{p1.pk}" value="1"' in html
    page = client_for(approver).post(
        reverse("respondent:form", args=[response.pk]),
        form_post(response, **{f"stance-{p1.pk}": "opposes", f"comment-{p1.pk}": "Beritas kommentar"}),
    )
    assert page.status_code == 302
    assert Answer.objects.get(proposal=p1).comment == "Beritas kommentar"


def test_expired_session_post_keeps_text_until_signed_in_again(client, drafter, response):
    data = form_post(response, summary="Text skriven innan sessionen gick ut")
    page = client.post(reverse("respondent:form", args=[response.pk]), data)  # not signed in
    assert page.status_code == 302 and "/konto/logga-in/" in page["Location"]
    client.force_login(drafter)
    html = client.get(reverse("respondent:form", args=[response.pk])).content.decode()
    assert "Text skriven innan sessionen gick ut" in html and "återställd" in html
    assert Response.objects.get(pk=response.pk).summary == ""  # shown, not saved behind the user's back


# --- History --------------------------------------------------------------------------------------------


def test_history_lists_changes_and_diff_is_escaped(client_for, drafter, response):
    svc.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Kommunen är positiv."})
    svc.save_changes(
        response=response,
        by=drafter,
        response_version=2,
        texts={"summary": "Kommunen är mycket positiv. <script>alert(1)</script>"},
    )
    workflow.send_for_review(response=response, by=drafter, message="Klar för granskning")
    client = client_for(drafter)
    html = client.get(reverse("respondent:history", args=[response.pk])).content.decode()
    assert "Sammanfattning, version 3" in html and "Klar för granskning" in html and "Under granskning" in html
    latest = Revision.objects.filter(field="summary").order_by("-version").first()
    html = client.get(reverse("respondent:diff", args=[response.pk, latest.pk])).content.decode()
    assert "<ins>" in html and "mycket" in html.split("<ins>")[1]
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


# --- Assignments ---------------------------------------------------------------------------------------


def test_drafter_assigns_proposal_and_assignee_marks_done(client_for, drafter, reviewer, response):
    p1 = proposals_of(response)[0]
    page = client_for(drafter).post(
        reverse("respondent:assign", args=[response.pk]),
        {
            "target": f"p-{p1.pk}",
            "assignee": reviewer.pk,
            "due_date": "2030-02-01",
            "note": "Socialnämndens synpunkter",
        },
    )
    assert page.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.assignee, assignment.proposal, assignment.due_date) == (reviewer, p1, dt.date(2030, 2, 1))
    html = client_for(reviewer).get(reverse("respondent:tasks")).content.decode()
    assert "Socialnämndens synpunkter" in html
    assert client_for(reviewer).post(reverse("respondent:task_done", args=[assignment.pk])).status_code == 302
    assignment.refresh_from_db()
    assert assignment.done_at is not None


def test_assignment_to_someone_outside_the_organisation_is_refused(client_for, drafter, outsider, response):
    p1 = proposals_of(response)[0]
    page = client_for(drafter).post(
        reverse("respondent:assign", args=[response.pk]), {"target": f"p-{p1.pk}", "assignee": outsider.pk}
    )
    assert page.status_code == 400 and not Assignment.objects.exists()


def test_outsider_cannot_mark_task_done(client_for, drafter, reviewer, outsider, response):
    a = Assignment.objects.create(response=response, section=proposals_of(response)[0].section, assignee=reviewer)
    assert client_for(outsider).post(reverse("respondent:task_done", args=[a.pk])).status_code == 404


# --- Attachments ------------------------------------------------------------------------------------------


def test_attachment_upload_checks_content_and_downloads_for_members(client_for, drafter, outsider, response):
    client = client_for(drafter)
    url = reverse("respondent:attachment_add", args=[response.pk])
    page = client.post(url, {"title": "Falsk", "file": SimpleUploadedFile("falsk.pdf", b"MZ not a pdf")})
    assert page.status_code == 400 and "inte en riktig PDF" in page.content.decode()
    page = client.post(url, {"title": "Protokollsutdrag", "file": SimpleUploadedFile("protokoll.pdf", PDF)})
    assert page.status_code == 302
    attachment = Attachment.objects.get()
    assert "protokoll" not in attachment.file.name  # stored under a generated name
    download = client.get(reverse("respondent:attachment", args=[response.pk, attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]


# --- Receipt verification (public) --------------------------------------------------------------------------


def test_public_receipt_check(anonymous, response):
    submission = Submission.objects.create(
        response=response, number=1, submitted_at=timezone.now(), status=SubmissionStatus.DONE
    )
    receipt = Receipt.objects.create(
        submission=submission, sha256=hashlib.sha256(PDF).hexdigest(), issued_at=timezone.now()
    )
    url = reverse("respondent:verify", args=[receipt.code])
    assert receipt.sha256 in anonymous.get(url).content.decode()
    page = anonymous.post(url, {"file": SimpleUploadedFile("svar.pdf", PDF)})
    assert "Filen stämmer." in page.content.decode()
    page = anonymous.post(url, {"file": SimpleUploadedFile("svar.pdf", PDF + b"x")})
    assert "Filen stämmer inte." in page.content.decode()
    assert anonymous.get(reverse("respondent:verify", args=["00000000-0000-0000-0000-000000000000"])).status_code == 404


def test_query_count_of_form_page_does_not_grow_with_proposals(client_for, drafter, org, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    client = client_for(drafter)
    for n in (10, 40):
        r = f.response_with_proposals(org, proposals=n, sections=5)
        for p in proposals_of(r)[: n // 2]:
            Answer.objects.create(response=r, proposal=p, stance=Stance.SUPPORTS, comment="Ja", updated_by=drafter)
        client.get(reverse("respondent:form", args=[r.pk]))  # warm-up
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("respondent:form", args=[r.pk])).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[1] <= counts[0], counts
    with django_assert_max_num_queries(counts[0]):
        client.get(reverse("respondent:form", args=[r.pk]))
