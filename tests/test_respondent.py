"""Respondent views: inbox, answer form, autosave, conflicts, history, assignments, attachments,
receipts, and who may see what (members only; other organisations and ministry staff get 404)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from html.parser import HTMLParser

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
from remiss.services import drafting, submissions
from tests import factories as f

pytestmark = pytest.mark.django_db


def _tiny_pdf() -> bytes:
    """A real, parseable one-page PDF (uploads are parsed, not only sniffed)."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = _tiny_pdf()


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


def test_inbox_lists_own_remisser_with_days_left_without_changing_anything(client_for, drafter, org, other_org):
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
    # No state change on GET: a recipient without a response row is shown as not started ...
    assert not Response.objects.exists()
    assert "Ej påbörjat" in html
    # ... and the row is created by a POST, which leads to the form.
    recipient = remiss.recipients.get()
    page = client_for(drafter).post(reverse("respondent:start", args=[recipient.pk]))
    response = Response.objects.get(recipient=recipient)
    assert page.status_code == 302 and page["Location"] == reverse("respondent:form", args=[response.pk])
    assert response.status == ResponseStatus.NOT_STARTED
    # Posting again does not create a second row; the inbox now links straight to the form.
    client_for(drafter).post(reverse("respondent:start", args=[recipient.pk]))
    assert Response.objects.count() == 1
    html = client_for(drafter).get(reverse("respondent:inbox")).content.decode()
    assert reverse("respondent:form", args=[response.pk]) in html


def test_start_is_post_only_and_scoped_to_the_own_organisation(client_for, drafter, outsider, staff, org):
    recipient = f.RecipientFactory(remiss=f.PublishedRemissFactory(), organisation=org)
    url = reverse("respondent:start", args=[recipient.pk])
    assert client_for(drafter).get(url).status_code == 405
    for user in (outsider, staff):
        assert client_for(user).post(url).status_code == 404
    draft = f.RecipientFactory(remiss=f.RemissFactory(), organisation=org)  # remiss not published
    assert client_for(drafter).post(reverse("respondent:start", args=[draft.pk])).status_code == 404
    assert not Response.objects.exists()


def test_inbox_shows_who_is_working_editor_and_open_assignees(client_for, drafter, reviewer, approver, response):
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Hej"})
    p1, p2 = proposals_of(response)[:2]
    Assignment.objects.create(response=response, proposal=p1, assignee=reviewer, assigned_by=drafter)
    Assignment.objects.create(
        response=response, proposal=p2, assignee=approver, assigned_by=drafter, done_at=timezone.now()
    )
    html = client_for(drafter).get(reverse("respondent:inbox")).content.decode()
    assert "Vem arbetar med svaret" in html
    assert drafter.get_full_name() in html  # the last editor
    assert reviewer.get_full_name() in html  # an open assignment
    assert approver.get_full_name() not in html  # a finished one is not "working"


def test_inbox_shows_last_editor_and_my_tasks(client_for, drafter, reviewer, response):
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Hej"})
    p = proposals_of(response)[0]
    Assignment.objects.create(
        response=response, proposal=p, assignee=reviewer, assigned_by=drafter, due_date=dt.date(2030, 1, 5)
    )
    html = client_for(drafter).get(reverse("respondent:inbox")).content.decode()
    assert drafter.get_full_name() in html
    html = client_for(reviewer).get(reverse("respondent:inbox")).content.decode()
    assert "Mina uppgifter" in html and f"Förslag {p.label}" in html and "2030-01-05" in html


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
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Hemligt utkast"})
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
    drafting.save_changes(response=response, by=drafter, answers={p1.pk: ("supports", "Hannas kommentar", 0)})
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
    # The re-rendered form keeps the version Berit loaded for the conflicting part (saving again
    # conflicts again) and offers the explicit choice "my text" with the colleague's version.
    assert f'name="version-{p1.pk}" value="0"' in html
    assert f'name="resolve-{p1.pk}" value="mine:1"' in html
    page = client_for(approver).post(
        reverse("respondent:form", args=[response.pk]),
        {
            **form_post(response, **{f"stance-{p1.pk}": "opposes", f"comment-{p1.pk}": "Beritas kommentar"}),
            f"version-{p1.pk}": 0,
            f"resolve-{p1.pk}": "mine:1",
        },
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
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Kommunen är positiv."})
    drafting.save_changes(
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


def test_drafter_assigns_proposal_and_assignee_marks_done(client_for, drafter, approver, response):
    p1 = proposals_of(response)[0]
    page = client_for(drafter).post(
        reverse("respondent:assign", args=[response.pk]),
        {
            "target": f"p-{p1.pk}",
            "assignee": approver.pk,
            "due_date": "2030-02-01",
            "note": "Socialnämndens synpunkter",
        },
    )
    assert page.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.assignee, assignment.proposal, assignment.due_date) == (approver, p1, dt.date(2030, 2, 1))
    html = client_for(approver).get(reverse("respondent:tasks")).content.decode()
    assert "Socialnämndens synpunkter" in html
    assert client_for(approver).post(reverse("respondent:task_done", args=[assignment.pk])).status_code == 302
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


# --- Versions per text field, and the no-JS conflict page --------------------------------------------


class _AnswerFormFields(HTMLParser):
    """What a browser would post from ``#answer-form`` when the user presses Spara."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data: dict[str, str] = {}
        self.in_form = False
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == "answer-form":
            self.in_form = True
        elif not self.in_form:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox") and "checked" not in a:
                return
            self.data[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self.textarea = a["name"]
            self.data[self.textarea] = ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.in_form = False

    def handle_data(self, data):
        if self.in_form and self.textarea:
            self.data[self.textarea] += data


def posted_fields(html: bytes | str) -> dict[str, str]:
    parser = _AnswerFormFields()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    return parser.data


def test_each_text_field_carries_the_version_it_was_loaded_at(client_for, drafter, approver, response):
    """A version belongs to one field: saving another field never makes a stale field look current."""
    url = reverse("respondent:autosave", args=[response.pk])
    form_url = reverse("respondent:form", args=[response.pk])
    loaded = posted_fields(client_for(approver).get(form_url).content)  # Berit opens the page
    assert {"version-summary", "version-general_comments", "version-consequence-economic"} <= set(loaded)
    client_for(drafter).post(url, {"field": "summary", "text": "Hannas sammanfattning", "version": 0})
    # Berit saves another text field: the answer carries that field's version only.
    body = (
        client_for(approver)
        .post(
            url,
            {"field": "general_comments", "text": "Beritas synpunkter", "version": loaded["version-general_comments"]},
        )
        .json()
    )
    assert body["ok"] and "response_version" not in body
    # Her summary still carries the version it was loaded at, so saving it is a conflict.
    page = client_for(approver).post(
        url, {"field": "summary", "text": "Beritas sammanfattning", "version": loaded["version-summary"]}
    )
    assert page.status_code == 409 and page.json()["conflict"]["theirs_text"] == "Hannas sammanfattning"
    response.refresh_from_db()
    assert (response.summary, response.general_comments) == ("Hannas sammanfattning", "Beritas synpunkter")
    # A fresh page shows each field with its own version.
    fresh = posted_fields(client_for(approver).get(form_url).content)
    summary_version = Revision.objects.get(field="summary").version
    general_version = Revision.objects.get(field="general_comments").version
    assert summary_version != general_version
    assert (fresh["version-summary"], fresh["version-general_comments"]) == (
        str(summary_version),
        str(general_version),
    )


def test_no_js_conflict_page_never_lets_spara_wipe_a_colleagues_text(client_for, drafter, approver, response):
    p1, p2, p3 = proposals_of(response)[:3]
    client = client_for(approver)
    form_url = reverse("respondent:form", args=[response.pk])
    loaded = posted_fields(client.get(form_url).content)  # Berit opens the page
    # Meanwhile Hanna saves the summary and two answers.
    drafting.save_changes(
        response=response,
        by=drafter,
        texts={"summary": "Hannas sammanfattning"},
        text_versions={"summary": 0},
        answers={p1.pk: ("supports", "Hannas kommentar", 0), p2.pk: ("partly", "Hannas andra kommentar", 0)},
    )
    # Berit changes 7.x p1 (a conflict) and p3 (no conflict) and leaves the rest as she loaded it.
    data = {
        **loaded,
        f"stance-{p1.pk}": "opposes",
        f"comment-{p1.pk}": "Beritas kommentar",
        f"stance-{p3.pk}": "no_view",
    }
    page = client.post(form_url, data)
    html = page.content.decode()
    assert page.status_code == 409
    conflict_box = html.split('class="alert alert-warning conflict"')[1].split("</div>")[0]
    assert "Kollegans ställningstagande: <strong>Tillstyrker</strong>" in conflict_box  # a label, not "supports"
    again = posted_fields(html)
    # What was saved, or what Hanna changed and Berit did not, is shown as it is now ...
    assert again["summary"] == "Hannas sammanfattning"
    assert (again[f"stance-{p2.pk}"], again[f"comment-{p2.pk}"]) == ("partly", "Hannas andra kommentar")
    assert again[f"stance-{p3.pk}"] == "no_view"
    # ... and Berit's conflicting text is kept in its field.
    assert (again[f"stance-{p1.pk}"], again[f"comment-{p1.pk}"]) == ("opposes", "Beritas kommentar")

    # Pressing Spara again without choosing overwrites nothing: the conflict is shown again.
    page = client.post(form_url, again)
    assert page.status_code == 409
    response.refresh_from_db()
    assert response.summary == "Hannas sammanfattning"
    assert Answer.objects.get(proposal=p1).comment == "Hannas kommentar"
    assert (Answer.objects.get(proposal=p2).stance, Answer.objects.get(proposal=p2).comment) == (
        "partly",
        "Hannas andra kommentar",
    )
    assert Answer.objects.get(proposal=p3).stance == "no_view"

    # Choosing "my text" in the conflict box saves Berit's text, and only that.
    html = page.content.decode()
    again = posted_fields(html)
    mine = re.search(rf'name="resolve-{p1.pk}" value="(mine:\d+)"', html)
    assert mine, html
    again[f"resolve-{p1.pk}"] = mine.group(1)
    page = client.post(form_url, again)
    assert page.status_code == 302
    answer = Answer.objects.get(proposal=p1)
    assert (answer.stance, answer.comment) == ("opposes", "Beritas kommentar")
    response.refresh_from_db()
    assert response.summary == "Hannas sammanfattning"


def test_no_js_conflict_choice_keep_the_colleagues_text(client_for, drafter, approver, response):
    client = client_for(approver)
    form_url = reverse("respondent:form", args=[response.pk])
    loaded = posted_fields(client.get(form_url).content)
    drafting.save_changes(response=response, by=drafter, texts={"summary": "Hannas"}, text_versions={"summary": 0})
    page = client.post(form_url, {**loaded, "summary": "Beritas"})
    assert page.status_code == 409
    again = posted_fields(page.content)
    assert again["summary"] == "Beritas"
    again["resolve-summary"] = "theirs"
    assert client.post(form_url, again).status_code == 302
    response.refresh_from_db()
    assert response.summary == "Hannas"


# --- Session limits -----------------------------------------------------------------------------------


def test_absolute_session_limit_keeps_the_posted_answer_text(client, drafter, response, settings):
    client.force_login(drafter)
    session = client.session
    session["auth_started"] -= settings.SESSION_ABSOLUTE_SECONDS + 1
    session.save()
    data = form_post(response, summary="Skrivet när sessionens längsta tid hade passerat")
    page = client.post(reverse("respondent:form", args=[response.pk]), data)
    assert page.status_code == 302 and "/konto/logga-in/" in page["Location"]
    assert Response.objects.get(pk=response.pk).summary == ""  # signed out: nothing saved
    client.force_login(drafter)
    html = client.get(reverse("respondent:form", args=[response.pk])).content.decode()
    assert "Skrivet när sessionens längsta tid hade passerat" in html and "återställd" in html


# --- Receipts: submission time and receipt time ------------------------------------------------------


def test_receipt_pages_show_submission_time_and_receipt_time_separately(client_for, drafter, anonymous, response):
    from zoneinfo import ZoneInfo

    stockholm = ZoneInfo("Europe/Stockholm")
    submission = Submission.objects.create(
        response=response,
        number=1,
        submitted_at=dt.datetime(2026, 1, 10, 9, 58, 12, tzinfo=stockholm),
        status=SubmissionStatus.DONE,
        pdf=SimpleUploadedFile("s.pdf", PDF),
    )
    receipt = Receipt.objects.create(
        submission=submission,
        sha256=hashlib.sha256(PDF).hexdigest(),
        issued_at=dt.datetime(2026, 1, 10, 10, 7, 45, tzinfo=stockholm),
    )
    html = anonymous.get(reverse("respondent:verify", args=[receipt.code])).content.decode()
    assert "Inskickat och mottaget" in html and "2026-01-10 09:58:12" in html
    assert "Kvittens utfärdad" in html and "2026-01-10 10:07:45" in html
    received = html.split("Inskickat och mottaget")[1][:120]
    assert "09:58:12" in received and "10:07:45" not in received
    html = client_for(drafter).get(reverse("respondent:receipt", args=[response.pk, 1])).content.decode()
    assert "Inskickat och mottaget" in html and "2026-01-10 09:58:12" in html and "10:07:45" in html


# --- Ministry staff never see a draft --------------------------------------------------------------------


def test_ministry_staff_never_see_draft_text_on_any_ministry_or_public_page(client_for, drafter, staff, response):
    marker = "UTKASTMARKÖR-7f3a"
    p1 = proposals_of(response)[0]
    drafting.save_changes(
        response=response,
        by=drafter,
        response_version=1,
        texts={
            "summary": f"{marker} sammanfattning",
            "general_comments": f"{marker} generellt",
            "consequence:economic": f"{marker} kostnader",
        },
        answers={p1.pk: ("opposes", f"{marker} kommentar", 0)},
    )
    Assignment.objects.create(response=response, proposal=p1, assignee=drafter, note=f"{marker} uppgift")
    workflow.send_for_review(response=response, by=drafter, message=f"{marker} till granskning")
    remiss = response.recipient.remiss
    remiss.publicity = "immediate"
    remiss.save(update_fields=["publicity"])
    urls = [
        reverse("ministry:list"),
        reverse("ministry:detail", args=[remiss.pk]),
        reverse("ministry:recipients", args=[remiss.pk]),
        reverse("ministry:progress", args=[remiss.pk]),
        reverse("ministry:progress_csv", args=[remiss.pk]),
        reverse("ministry:progress_csv", args=[remiss.pk]) + "?del=forslag",
        reverse("compilation:list", args=[remiss.pk]),
        reverse("public:list"),
        reverse("public:detail", args=[remiss.pk]),
    ]
    client = client_for(staff)
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200, (url, page.status_code)
        body = b"".join(page.streaming_content) if page.streaming else page.content
        assert marker.encode() not in body, url


# --- Bilagor travel with the submission ------------------------------------------------------------------


def test_attachments_are_frozen_with_each_submission_and_served_to_whom_may_see_it(
    client_for, drafter, reviewer, approver, outsider, staff, other_staff, anonymous, response
):
    from remiss.models import Publicity
    from remiss.models.responses import SubmissionAttachment

    remiss = response.recipient.remiss
    remiss.publicity = Publicity.AFTER_DEADLINE
    remiss.save(update_fields=["publicity"])
    client = client_for(drafter)
    client.post(
        reverse("respondent:attachment_add", args=[response.pk]),
        {"title": "Protokollsutdrag", "file": SimpleUploadedFile("protokoll.pdf", PDF)},
    )
    draft_attachment = Attachment.objects.get()
    f.to_approved(response, drafter, reviewer)
    f.decide(response, approver)
    first = workflow.submit_response(response=response, by=approver, enqueue=False)
    frozen = first.attachments.get()
    assert (frozen.title, frozen.original_name, frozen.size) == ("Protokollsutdrag", "protokoll.pdf", len(PDF))
    assert frozen.sha256 == hashlib.sha256(PDF).hexdigest()
    assert frozen.file.name != draft_attachment.file.name and "protokoll" not in frozen.file.name
    submissions.render_submission(submission_id=first.pk)
    first.refresh_from_db()
    assert first.status == SubmissionStatus.DONE

    # A correction: the draft attachment is removed (its file deleted); the submitted copy stays.
    workflow.reopen_for_correction(response=response, by=drafter)
    client.post(reverse("respondent:attachment_remove", args=[response.pk, draft_attachment.pk]))
    assert not Attachment.objects.exists()
    workflow.send_for_review(response=response, by=drafter)
    workflow.approve(response=response, by=reviewer)
    second = workflow.submit_response(response=response, by=approver, enqueue=False)
    assert second.attachments.count() == 0 and SubmissionAttachment.objects.filter(submission=first).count() == 1
    assert frozen.file.storage.exists(frozen.file.name)

    # Members: the receipt page links the attachment; it downloads with Content-Disposition.
    member_url = reverse("respondent:submission_attachment", args=[response.pk, 1, frozen.pk])
    assert member_url in client.get(reverse("respondent:receipt", args=[response.pk, 1])).content.decode()
    download = client.get(member_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    for user in (outsider, staff):
        assert client_for(user).get(member_url).status_code == 404

    # Before the answers are public: the owning ministry's staff only.
    public_url = reverse("public:answer_attachment", args=[remiss.pk, first.pk, frozen.pk])
    assert anonymous.get(public_url).status_code == 404
    for user in (outsider, other_staff):
        assert client_for(user).get(public_url).status_code == 404
    download = client_for(staff).get(public_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    assert public_url not in anonymous.get(reverse("public:detail", args=[remiss.pk])).content.decode()

    # Once public: anyone, linked next to the answer PDF on the public page.
    remiss.publicity = Publicity.IMMEDIATE
    remiss.save(update_fields=["publicity"])
    assert anonymous.get(public_url).status_code == 200
    html = anonymous.get(reverse("public:detail", args=[remiss.pk])).content.decode()
    assert public_url in html and "Protokollsutdrag" in html
    # A submission of another remiss cannot be reached through this remiss's URL.
    other = f.response_with_proposals(f.OrganisationFactory(), ministry=remiss.ministry)
    assert (
        anonymous.get(
            reverse("public:answer_attachment", args=[other.recipient.remiss_id, first.pk, frozen.pk])
        ).status_code
        == 404
    )
