"""The answer PDF: a real remissvar entered into the structure comes out whole; rendering is
idempotent, stores the exact bytes the receipt's SHA-256 covers, mails the receipt, and the beat
sweeper re-queues or fails stuck submissions."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from pypdf import PdfReader

from remiss import workflow
from remiss.models import Answer, Attachment, Receipt, Signatory, Stance, Submission, SubmissionStatus
from remiss.pdf.answer import render_answer_pdf
from remiss.services import drafting, submissions
from remiss.snapshot import build_snapshot
from tests import factories as f
from tests import support
from tests.support import verify_second_factor

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # renders PDFs: not in make test-fast

REPO = Path(__file__).resolve().parent.parent
NACKA = REPO.parent / "shared" / "data" / "remissvar" / "nacka-kommun.txt"  # shared/ beside the clone
if not NACKA.exists():  # vendored copy in the repository
    NACKA = REPO / "data" / "remissvar" / "nacka-kommun.txt"

# The headings of Nacka kommun's answer, in order, as written.
HEADINGS = [
    "Förslag till beslut",
    "Sammanfattning",
    "Ärendet",
    "Bakgrund",
    "Tillitsbaserad ledning och styrning",
    "Tillitsdelegationens betänkanden i stort",
    "Stadsledningskontorets förslag på yttrande",
    "Ekonomiska konsekvenser",
    "Konsekvenser för barn",
    "Bilagor",
]


def split_sections(text: str) -> dict[str, str]:
    lines = text.splitlines()
    sections: dict[str, list[str]] = {"_head": []}
    current = "_head"
    for line in lines:
        if line.strip() in HEADINGS and line.strip() not in sections:
            current = line.strip()
            sections[current] = []
        else:
            sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}


def norm(text: str) -> str:
    """Compare text as words: drop Word's private-use bullet glyphs, collapse whitespace."""
    text = re.sub(r"[\ue000-\uf8ff]", " ", text)
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    """The text of every page, without the running footer (reference and page number)."""
    text = norm(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))
    return norm(re.sub(r"\S+ Sida \d+ av \d+", " ", text))


@pytest.fixture
def nacka_response(org, ministry, drafter):
    """SOU 2018:47's 7.4.2 and 7.4.3 as proposals, plus two more, and Nacka's real answer entered."""
    remiss = f.PublishedRemissFactory(
        ministry=ministry,
        reference="Fi2018/02500/SFÖ",
        consequence_questions=["economic", "children"],
        title="Tillitsdelegationens betänkanden (SOU 2018:47 och SOU 2018:48)",
    )
    s1 = f.SectionFactory(
        remiss=remiss, number="7.1.1", title="En samlad och tillitsbaserad statlig styrning", position=0
    )
    s2 = f.SectionFactory(
        remiss=remiss, number="7.4.2", title="Skollagens bestämmelse om tvingande vite tas bort", position=1
    )
    s3 = f.SectionFactory(
        remiss=remiss, number="7.4.3", title="Patientsäkerhetslagens bestämmelse tas bort", position=2
    )
    p1 = f.ProposalFactory(
        remiss=remiss,
        section=s1,
        text="Regeringen ska ha som huvudprincip att använda sig av generella statsbidrag.",
        position=0,
    )
    p2 = f.ProposalFactory(remiss=remiss, section=s2, text="Bestämmelsen om tvingande vite tas bort.", position=0)
    p3 = f.ProposalFactory(
        remiss=remiss, section=s3, text="Bestämmelsen om tillsynens inriktning tas bort.", position=0
    )
    response = f.ResponseFactory(recipient=f.RecipientFactory(remiss=remiss, organisation=org))
    parts = split_sections(NACKA.read_text())
    drafting.save_changes(
        response=response,
        by=drafter,
        response_version=response.version,
        texts={
            "summary": parts["Sammanfattning"],
            "general_comments": "\n\n".join(
                parts[h]
                for h in ("Bakgrund", "Tillitsbaserad ledning och styrning", "Tillitsdelegationens betänkanden i stort")
            ),
            "consequence:economic": parts["Ekonomiska konsekvenser"],
            "consequence:children": parts["Konsekvenser för barn"],
        },
        answers={
            p1.pk: (Stance.SUPPORTS, "Det är positivt med generella statsbidrag.", 0),
            p2.pk: (Stance.SUPPORTS, parts["Stadsledningskontorets förslag på yttrande"], 0),
            p3.pk: (Stance.SUPPORTS, "Nacka kommun tillstyrker förslaget om ändring i patientsäkerhetslagen.", 0),
        },
    )
    bilagor, signature = parts["Bilagor"].split("\n \n", 1) if "\n \n" in parts["Bilagor"] else (parts["Bilagor"], "")
    for line in bilagor.splitlines():
        title = re.sub(r"^\d+\.\s*", "", line).strip()
        if title:
            Attachment.objects.create(response=response, title=title, original_name=f"{title[:40]}.pdf", size=1000)
    Signatory.objects.create(response=response, name="Lena Dahlstedt", title="Stadsdirektör", position=0)
    Signatory.objects.create(response=response, name="Anneli Sagnérius", title="Kommunjurist", position=1)
    response.refresh_from_db()
    response.decided_by, response.decision_date, response.minute_ref = "Kommunstyrelsen", dt.date(2018, 10, 22), "§ 301"
    response.save()
    return response, parts


def test_real_remissvar_entered_by_section_comes_out_whole_in_the_pdf(nacka_response):
    response, parts = nacka_response
    snapshot = build_snapshot(response, number=1, submitted_at=timezone.now())
    data = render_answer_pdf(snapshot)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for heading in (
        "Sammanfattning",
        "Bakgrund",
        "Tillitsbaserad ledning och styrning",
        "Tillitsdelegationens betänkanden i stort",
        "Stadsledningskontorets förslag på yttrande",
        "Ekonomiska konsekvenser",
        "Konsekvenser för barn",
    ):
        assert norm(parts[heading]) in text, heading
    for title in (
        "Sammanfattning av betänkandet",
        "Protokollsutdrag från socialnämnden",
        "Protokollsutdrag från utbildningsnämnden",
    ):
        assert title in text
    assert "Yttrande över Tillitsdelegationens betänkanden" in text
    assert "Fi2018/02500/SFÖ" in text and "Nacka kommun" in text
    assert "Lena Dahlstedt" in text and "Stadsdirektör" in text and "Anneli Sagnérius" in text
    assert "Kommunstyrelsen" in text and "§ 301" in text
    assert text.count("Tillstyrker") >= 3
    reader = PdfReader(io.BytesIO(data))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    assert reader.metadata.title.startswith("Yttrande över")


def test_the_answer_pdf_is_pdf_ua_1(nacka_response):
    from tests.pdf_checks import pdfua_problems

    response, _parts = nacka_response
    data = render_answer_pdf(build_snapshot(response, number=1, submitted_at=timezone.now()))
    assert pdfua_problems(data) == []


def test_snapshot_lists_every_proposal_with_unanswered_as_empty(org, drafter):
    response = f.response_with_proposals(org, proposals=5)
    p = response.recipient.remiss.proposals.first()
    Answer.objects.create(response=response, proposal=p, stance=Stance.OPPOSES, comment="Nej.")
    snapshot = build_snapshot(response)
    assert len(snapshot["answers"]) == 5 and snapshot["number"] == 1
    stances = {a["proposal_id"]: (a["stance"], a["stance_label"]) for a in snapshot["answers"]}
    assert stances[p.pk] == ("opposes", "Avstyrker")
    assert sum(1 for a in snapshot["answers"] if a["stance"] == "") == 4
    assert [c["key"] for c in snapshot["consequences"]] == ["economic"]


def submitted(nacka_response, approver, reviewer, drafter):
    response, _ = nacka_response
    workflow.send_for_review(response=response, by=drafter)
    workflow.approve(response=response, by=reviewer)
    return workflow.submit_response(response=response, by=approver, enqueue=False)


def test_render_submission_stores_pdf_receipt_and_mails(
    nacka_response, approver, reviewer, drafter, staff, other_staff, django_capture_on_commit_callbacks
):
    submission = submitted(nacka_response, approver, reviewer, drafter)
    assert submission.status == SubmissionStatus.PENDING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submissions.render_submission(submission_id=submission.pk)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DONE and submission.attempts == 1 and submission.page_count >= 2
    data = submission.pdf.read()
    receipt = Receipt.objects.get(submission=submission)
    assert receipt.sha256 == hashlib.sha256(data).hexdigest()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert drafter.email in recipients and approver.email in recipients and staff.email in recipients
    assert other_staff.email not in recipients
    assert any(receipt.sha256 in m.body for m in mail.outbox)
    # Idempotent: a duplicate delivery changes nothing.
    submissions.render_submission(submission_id=submission.pk)
    assert Receipt.objects.count() == 1 and Submission.objects.get().attempts == 1


def test_render_task_marks_failure_and_sweeper_requeues_then_fails(
    nacka_response, approver, reviewer, drafter, monkeypatch, django_capture_on_commit_callbacks
):
    from remiss.tasks import submissions as tasks

    submission = submitted(nacka_response, approver, reviewer, drafter)
    monkeypatch.setattr("remiss.pdf.answer.render_pdf", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        submissions.render_submission(submission_id=submission.pk)
    submissions.mark_render_failed(submission_id=submission.pk, error="disk full")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING and submission.attempts == 1
    # Stuck past the limit: the sweeper re-queues it.
    Submission.objects.filter(pk=submission.pk).update(started_at=timezone.now() - dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks() as callbacks:
        assert tasks.sweep_submissions() == {"requeued": [submission.pk], "failed": []}
    queued = support.queued(callbacks)
    assert queued == [submission.pk]
    # After three attempts it fails for good.
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    Submission.objects.filter(pk=submission.pk).update(attempts=3, started_at=an_hour_ago, queued_at=an_hour_ago)
    assert tasks.sweep_submissions() == {"requeued": [], "failed": [submission.pk]}
    assert Submission.objects.get().status == SubmissionStatus.FAILED


def test_pdf_ua_falls_back_to_tagged_when_it_raises(nacka_response, monkeypatch):
    from remiss.pdf import answer

    calls = []

    def fake(template, context, *, tagged=True, variant=None):
        calls.append(variant)
        if variant:
            raise ValueError("pdf/ua crash")
        return b"%PDF-fake"

    monkeypatch.setattr(answer, "render_pdf", fake)
    response, _ = nacka_response
    assert answer.render_answer_pdf(build_snapshot(response)) == b"%PDF-fake"
    assert calls == ["pdf/ua-1", None]


def test_user_text_cannot_make_the_pdf_fetch_anything(org, drafter):
    response = f.response_with_proposals(org, proposals=1)
    drafting.save_changes(
        response=response,
        by=drafter,
        response_version=1,
        texts={"summary": '<img src="http://127.0.0.1:1/x.png"><link rel=stylesheet href="file:///etc/passwd">'},
    )
    response.refresh_from_db()
    text = pdf_text(render_answer_pdf(build_snapshot(response)))
    assert "<img src=" in text  # shown as text, escaped, never fetched


# --- A submission whose PDF cannot be made is not a dead end ----------------------------------------------


def test_render_failed_for_good_tells_the_approvers_and_they_can_retry(
    nacka_response, approver, reviewer, drafter, outsider, client_for, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    submission = submitted(nacka_response, approver, reviewer, drafter)
    response = submission.response
    Submission.objects.filter(pk=submission.pk).update(
        status=SubmissionStatus.RENDERING, attempts=3, started_at=timezone.now() - dt.timedelta(hours=1)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert submissions.stuck_submissions()[1] == [submission.pk]
    to = [m.to[0] for m in mail.outbox]
    assert approver.email in to and reviewer.email not in to
    assert any("kunde inte skapas" in m.subject and "granskning" in m.body for m in mail.outbox)

    review_url = reverse("respondent:review", args=[response.pk])
    retry_url = reverse("respondent:submission_retry", args=[response.pk, submission.number])
    html = client_for(approver).get(review_url).content.decode()
    assert "PDF:en till version 1 kunde inte skapas" in html and "Försök igen" in html and retry_url in html
    html = client_for(reviewer).get(review_url).content.decode()
    assert "PDF:en till version 1 kunde inte skapas" in html and retry_url not in html
    assert client_for(reviewer).post(retry_url).status_code == 403
    assert client_for(outsider).post(retry_url).status_code == 404
    assert Submission.objects.get().status == SubmissionStatus.FAILED

    with django_capture_on_commit_callbacks() as callbacks:
        page = client_for(approver).post(retry_url)
    queued = support.queued(callbacks)
    assert page.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING and submission.attempts == 0 and queued == [submission.pk]
    assert client_for(approver).post(retry_url).status_code == 302  # nothing to retry now: a message, no change
    assert Submission.objects.get().status == SubmissionStatus.PENDING
    submissions.render_submission(submission_id=submission.pk)
    assert Submission.objects.get().status == SubmissionStatus.DONE and Receipt.objects.filter(submission=submission)


def test_last_failed_attempt_in_the_task_also_tells_the_approvers(
    nacka_response, approver, reviewer, drafter, django_capture_on_commit_callbacks
):
    submission = submitted(nacka_response, approver, reviewer, drafter)
    Submission.objects.filter(pk=submission.pk).update(attempts=3)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submissions.mark_render_failed(submission_id=submission.pk, error="disk full")
    assert Submission.objects.get().status == SubmissionStatus.FAILED
    assert [m.to[0] for m in mail.outbox] == [approver.email]


def test_admin_lists_submissions_read_only_with_a_retry_action(
    client, nacka_response, approver, reviewer, drafter, django_capture_on_commit_callbacks
):
    submission = submitted(nacka_response, approver, reviewer, drafter)
    Submission.objects.filter(pk=submission.pk).update(status=SubmissionStatus.FAILED, error="disk full")
    admin = f.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    verify_second_factor(client, admin)
    listing = client.get("/admin/remiss/submission/?status__exact=failed")
    assert listing.status_code == 200 and "Nacka kommun" in listing.content.decode()
    detail = client.get(f"/admin/remiss/submission/{submission.pk}/change/")
    assert detail.status_code == 200 and "disk full" in detail.content.decode()
    assert 'name="status"' not in detail.content.decode()
    assert client.get("/admin/remiss/submission/add/").status_code == 403
    with django_capture_on_commit_callbacks() as callbacks:
        page = client.post("/admin/remiss/submission/", {"action": "retry_render", "_selected_action": [submission.pk]})
    queued = support.queued(callbacks)
    assert page.status_code == 302
    assert Submission.objects.get().status == SubmissionStatus.PENDING and queued == [submission.pk]
