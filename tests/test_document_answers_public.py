"""A confirmed document answer on the public side: its page says it came as a document and links
the original file, shows the body's reasoning, and every part of its text is found at /sok/."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from remiss.models import Publication, ReceivedDocument, ResponseStatus
from remiss.services.submissions import render_submission
from tests import documents
from tests import factories as f
from tests.document_review_support import accepted

pytestmark = pytest.mark.django_db

REASONING = "Erfarenheterna från vattenskyddsombudsmannen visar att ett samlat register sparar tid."

ANSWER = [
    ("heading", "Yttrande över Fi2026/00471"),
    ("heading", "Sammanfattning"),
    "Kommunen ser positivt på betänkandets inriktning mot grundvattenmagasinen.",
    ("heading", "Generella synpunkter"),
    "Kommunen saknar en analys av dricksvattenberedskapen.",
    ("heading", "4.1 Ett nationellt register"),
    f"Kommunen tillstyrker förslaget. {REASONING} Registret bör uppdateras årligen.",
    ("heading", "Konsekvenser"),
    "Förslagen kräver utbildningsinsatser för kommunekologerna.",
]


@pytest.fixture
def confirmed(client_for, staff, ministry, org, django_capture_on_commit_callbacks):
    remiss = f.PublishedRemissFactory(ministry=ministry, reference="Fi2026/00471")
    section = f.SectionFactory(remiss=remiss, number="4.1", title="Ett nationellt register")
    f.ProposalFactory(section=section, text="Ett nationellt register över vattentäkter ska inrättas.")
    other = f.SectionFactory(remiss=remiss, number="4.2", title="Tillsyn")
    f.ProposalFactory(section=other, text="Länsstyrelsen ska utöva tillsyn.")
    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    f.ResponseFactory(recipient=recipient, status=ResponseStatus.NOT_STARTED)
    client = client_for(staff)
    client.post(
        reverse("ministry:document_register", args=[remiss.pk]),
        {
            "recipient": recipient.pk,
            "new_sender_kind": "organisation",
            "received_on": timezone.localdate().isoformat(),
            "file": SimpleUploadedFile("yttrande.docx", documents.docx_bytes(ANSWER)),
        },
    )
    received = ReceivedDocument.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ministry:document_review", args=[remiss.pk, received.pk]), accepted(received))
    received.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        render_submission(submission_id=received.submission_id)
    return remiss, received


def test_the_public_page_says_it_came_as_a_document_and_shows_the_reasoning(anonymous, confirmed):
    remiss, received = confirmed
    page = anonymous.get(reverse("opendata:answer", args=[remiss.pk, received.submission_id]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Inkommit som dokument" in html
    assert reverse("public:answer_original", args=[remiss.pk, received.submission_id]) in html
    assert "originaldokumentet yttrande.docx" in html
    assert REASONING in html and "dricksvattenberedskapen" in html and "grundvattenmagasinen" in html
    listing = anonymous.get(reverse("public:detail", args=[remiss.pk])).content.decode()
    assert "inkommit som dokument" in listing


def test_a_redacted_document_answer_does_not_link_the_original(anonymous, confirmed):
    remiss, received = confirmed
    Publication.objects.create(submission=received.submission, redacted_pdf="redacted/x.pdf")
    html = anonymous.get(reverse("opendata:answer", args=[remiss.pk, received.submission_id])).content.decode()
    assert "Inkommit som dokument" in html
    assert reverse("public:answer_original", args=[remiss.pk, received.submission_id]) not in html
    assert REASONING not in html
    listing = anonymous.get(reverse("public:detail", args=[remiss.pk])).content.decode()
    assert "Inkommit som dokument" in listing
    assert reverse("public:answer_original", args=[remiss.pk, received.submission_id]) not in listing


@pytest.mark.parametrize(
    "word", ["vattenskyddsombudsmannen", "grundvattenmagasinen", "dricksvattenberedskapen", "kommunekologerna"]
)
def test_every_part_of_the_text_is_found(anonymous, confirmed, word):
    _remiss, received = confirmed
    html = anonymous.get("/sok/", {"q": word}).content.decode()
    assert received.response.recipient.organisation.name in html
