"""The public remiss pages: no sign-in, only published remisser, answers per the publicity rule."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from remiss.models import Publicity, Receipt, RemissStatus, Response, ResponseStatus, Submission, SubmissionStatus
from tests import factories as f

PDF = b"%PDF-1.4\n% remissvar\n%%EOF\n"


@pytest.fixture
def published(ministry):
    remiss = f.PublishedRemissFactory(
        ministry=ministry,
        title="Med tillit växer handlingsutrymmet",
        reference="Fi2018/02500/SFÖ",
        missive="Remissinstanserna ombeds yttra sig.",
        published_at=timezone.now() - dt.timedelta(days=2),
    )
    section = f.SectionFactory(remiss=remiss, number="7.1.1", title="En samlad styrning")
    f.ProposalFactory(section=section, text="Regeringen ska stärka sin kompetens.")
    return remiss


def respond(remiss, name, status, *, pdf=True):
    recipient = f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name=name))
    response = f.ResponseFactory(recipient=recipient, status=status, summary=f"UTKAST FRÅN {name}")
    if status not in (ResponseStatus.SUBMITTED, ResponseStatus.DECLINED):
        return response, None
    submission = Submission.objects.create(
        response=response,
        number=1,
        snapshot={},
        submitted_at=timezone.now(),
        status=SubmissionStatus.DONE,
        declined=status == ResponseStatus.DECLINED,
    )
    if pdf:
        submission.pdf.save("svar.pdf", ContentFile(PDF))
        Receipt.objects.create(submission=submission, sha256=hashlib.sha256(PDF).hexdigest(), issued_at=timezone.now())
    return response, submission


@pytest.mark.django_db
def test_list_shows_published_remisser_newest_first_and_no_drafts(anonymous, published, ministry):
    f.RemissFactory(ministry=ministry, title="Hemligt utkast")
    newer = f.PublishedRemissFactory(title="En nyare remiss", published_at=timezone.now())
    closed = f.PublishedRemissFactory(
        title="En stängd remiss", status=RemissStatus.CLOSED, published_at=timezone.now() - dt.timedelta(days=90)
    )
    html = anonymous.get("/remisser/").content.decode()
    assert "Hemligt utkast" not in html
    assert html.index(newer.title) < html.index(published.title) < html.index(closed.title)
    assert "Öppen" in html.split(newer.title)[1].split("</li>")[0]
    assert "Stängd" in html.split(closed.title)[1].split("</li>")[0]
    open_only = anonymous.get("/remisser/", {"status": "oppna"}).content.decode()
    assert closed.title not in open_only and newer.title in open_only
    closed_only = anonymous.get("/remisser/", {"status": "stangda"}).content.decode()
    assert closed.title in closed_only and newer.title not in closed_only


@pytest.mark.django_db
def test_search_by_title_or_reference(anonymous, published):
    other = f.PublishedRemissFactory(title="Ett annat betänkande")
    by_ref = anonymous.get("/remisser/", {"q": "02500"}).content.decode()
    assert published.title in by_ref and other.title not in by_ref
    by_title = anonymous.get("/remisser/", {"q": "tillit"}).content.decode()
    assert published.title in by_title and other.title not in by_title
    assert "Inga remisser matchar" in anonymous.get("/remisser/", {"q": "finns inte"}).content.decode()
    assert anonymous.get("/remisser/", {"status": "nonsens", "sida": "x"}).status_code == 200


@pytest.mark.django_db
def test_remiss_page_shows_missive_proposals_documents_and_remisslista(anonymous, published):
    document = published.documents.create(title="SOU 2018:47", original_name="sou.pdf", size=len(PDF))
    document.file.save("sou.pdf", ContentFile(PDF))
    respond(published, "Nacka kommun", ResponseStatus.IN_REVIEW)
    respond(published, "Solna kommun", ResponseStatus.NOT_STARTED)
    response = anonymous.get(f"/remisser/{published.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Remissinstanserna ombeds yttra sig.",
        "7.1.1 En samlad styrning",
        "Regeringen ska stärka sin kompetens.",
        "Fi2018/02500/SFÖ",
    ):
        assert text in html
    # The public never sees who has started, nor any draft.
    assert "Ej inkommet" in html.split("Nacka kommun")[1].split("</tr>")[0]
    assert "Påbörjat" not in html and "UTKAST" not in html
    download = anonymous.get(reverse("public:document", args=[published.pk, document.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert 'filename="sou.pdf"' in download["Content-Disposition"]


@pytest.mark.django_db
def test_drafts_and_unknown_remisser_are_404(anonymous, ministry):
    draft = f.RemissFactory(ministry=ministry)
    document = draft.documents.create(title="x", original_name="x.pdf", size=1)
    for url in (f"/remisser/{draft.pk}/", f"/remisser/{draft.pk}/dokument/{document.pk}/", "/remisser/999999/"):
        assert anonymous.get(url).status_code == 404


@pytest.mark.django_db
def test_submitted_answers_are_public_at_once_with_pdf_and_receipt(anonymous, published):
    _response, submission = respond(published, "Nacka kommun", ResponseStatus.SUBMITTED)
    respond(published, "Statskontoret", ResponseStatus.DECLINED)
    respond(published, "Danderyds kommun", ResponseStatus.DRAFT)
    html = anonymous.get(f"/remisser/{published.pk}/").content.decode()
    answers = html.split("Inkomna remissvar")[1].split("</table>")[0]
    assert "Nacka kommun" in answers and "Statskontoret" in answers and "Danderyds kommun" not in answers
    pdf_url = f"/remisser/{published.pk}/svar/{submission.pk}.pdf"
    assert pdf_url in html
    pdf = anonymous.get(pdf_url)
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content) == PDF
    assert pdf["Content-Type"] == "application/pdf"
    receipt = anonymous.get(reverse("public:answer_receipt", args=[published.pk, submission.pk])).content.decode()
    assert hashlib.sha256(PDF).hexdigest() in receipt and "Nacka kommun" in receipt


@pytest.mark.django_db
def test_answers_after_deadline_are_hidden_until_then(anonymous, published):
    published.publicity = Publicity.AFTER_DEADLINE
    published.save()
    _response, submission = respond(published, "Nacka kommun", ResponseStatus.SUBMITTED)
    html = anonymous.get(f"/remisser/{published.pk}/").content.decode()
    assert "Remissvaren publiceras här efter sista svarsdag." in html
    assert f"/svar/{submission.pk}.pdf" not in html
    assert anonymous.get(f"/remisser/{published.pk}/svar/{submission.pk}.pdf").status_code == 404
    assert anonymous.get(reverse("public:answer_receipt", args=[published.pk, submission.pk])).status_code == 404
    published.status = RemissStatus.CLOSED
    published.deadline = timezone.localdate() - dt.timedelta(days=1)
    published.save()
    assert anonymous.get(f"/remisser/{published.pk}/svar/{submission.pk}.pdf").status_code == 200


@pytest.mark.django_db
def test_a_submission_of_another_remiss_is_not_served(anonymous, published):
    _r, foreign = respond(f.PublishedRemissFactory(), "Nacka kommun", ResponseStatus.SUBMITTED)
    assert anonymous.get(f"/remisser/{published.pk}/svar/{foreign.pk}.pdf").status_code == 404


@pytest.mark.django_db
def test_links_in_nav_and_on_the_start_page(anonymous, client_for, staff, drafter):
    html = anonymous.get("/").content.decode()
    assert 'href="/remisser/"' in html
    assert "Departementets remisser" not in html
    assert "Departementets remisser" in client_for(staff).get("/").content.decode()
    assert "Departementets remisser" not in client_for(drafter).get("/").content.decode()


@pytest.mark.django_db
def test_not_started_responses_show_as_ej_inkommet(anonymous, published):
    response, _ = respond(published, "Nacka kommun", ResponseStatus.NOT_STARTED)
    assert Response.objects.filter(pk=response.pk).exists()
    html = anonymous.get(f"/remisser/{published.pk}/").content.decode()
    assert "Ej inkommet" in html.split("Remisslista")[-1]
