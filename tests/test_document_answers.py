"""Ministry staff register an answer that came as a document: the file is read, the suggestions
are confirmed or corrected, and only then the answer counts — as a submission like any other."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation
from remiss.compilation.data import gather
from remiss.models import ReceivedDocument, ResponseStatus, Submission
from remiss.services.submissions import render_submission
from tests import documents
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def remiss(ministry):
    remiss = f.PublishedRemissFactory(
        ministry=ministry,
        reference="Fi2026/00471",
        reports=[{"id": "SOU 2026:4", "title": "Exempel", "kind": "betänkande"}],
    )
    first = f.SectionFactory(remiss=remiss, number="4.1", title="Ett nationellt register")
    second = f.SectionFactory(remiss=remiss, number="4.2", title="Tillsyn över registret")
    f.ProposalFactory(section=first, text="Ett nationellt register över vattentäkter ska inrättas.")
    f.ProposalFactory(section=second, text="Länsstyrelsen ska utöva tillsyn över registret.")
    return remiss


@pytest.fixture
def recipient(remiss, org):
    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    f.ResponseFactory(recipient=recipient, status=ResponseStatus.NOT_STARTED)
    return recipient


ANSWER = [
    ("heading", "Yttrande över SOU 2026:4 (Fi2026/00471)"),
    "Kommunen har tagit del av betänkandet.",
    ("heading", "4.1 Ett nationellt register"),
    "Kommunen tillstyrker förslaget.",
    ("heading", "4.2 Tillsyn över registret"),
    "Kommunen avstyrker förslaget. Tillsynen bör ligga hos kommunen.",
]


def upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def register(client, remiss, recipient, data: bytes, name="svar.docx", **extra):
    fields = {
        "recipient": recipient.pk if recipient else "",
        "new_sender_kind": "organisation",
        "received_on": timezone.localdate().isoformat(),
        "sender_reference": "KS 2026/118",
        "file": upload(name, data),
        **extra,
    }
    return client.post(reverse("ministry:document_register", args=[remiss.pk]), fields)


def proposals(remiss):
    return list(remiss.proposals.order_by("section__position", "position"))


def test_registering_reads_the_document_but_nothing_counts_yet(client_for, staff, remiss, recipient):
    client = client_for(staff)
    response = register(client, remiss, recipient, documents.docx_bytes(ANSWER))
    received = ReceivedDocument.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/dokumentsvar/{received.pk}/")
    first, second = proposals(remiss)
    suggestions = received.reading["proposals"]
    assert suggestions[str(first.pk)]["stance"] == "supports"
    assert suggestions[str(second.pk)]["stance"] == "opposes"
    assert suggestions[str(second.pk)]["evidence"] == "Kommunen avstyrker förslaget."
    assert suggestions[str(second.pk)]["comment"] == "Kommunen avstyrker förslaget. Tillsynen bör ligga hos kommunen."
    assert suggestions[str(second.pk)]["addressed"] and not suggestions[str(second.pk)]["ask"]
    assert received.sender_reference == "KS 2026/118" and received.kind == "docx"
    recipient.response.refresh_from_db()
    assert recipient.response.status == ResponseStatus.NOT_STARTED and not Submission.objects.exists()

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "<mark>Kommunen avstyrker förslaget.</mark>" in html
    assert "KS 2026/118" in html


def test_confirming_with_a_correction_makes_it_a_submission(client_for, staff, remiss, recipient):
    client = client_for(staff)
    register(client, remiss, recipient, documents.docx_bytes(ANSWER))
    received = ReceivedDocument.objects.get()
    first, second = proposals(remiss)
    response = client.post(
        reverse("ministry:document_review", args=[remiss.pk, received.pk]),
        {
            f"stance_{first.pk}": "supports",
            f"comment_{first.pk}": "Kommunen tillstyrker förslaget.",
            f"stance_{second.pk}": "partly",  # corrected by staff
            f"comment_{second.pk}": "Tillsynen bör ligga hos kommunen.",
            "general_comments": "",
        },
    )
    assert response.status_code == 302
    received.refresh_from_db()
    submission = received.submission
    assert submission is not None and received.confirmed_by == staff
    assert submission.snapshot["source"] == "document" and not submission.is_late
    stances = {a["proposal_id"]: a["stance"] for a in submission.snapshot["answers"]}
    assert stances == {first.pk: "supports", second.pk: "partly"}
    recipient.response.refresh_from_db()
    assert recipient.response.status == ResponseStatus.SUBMITTED
    # counted in the compilation under the confirmed stance, and marked
    render_submission(submission_id=submission.pk)
    figures = gather(remiss, {})
    groups = {g["stance"]: g["entries"] for g in figures["sections"][1]["proposals"][0]["groups"]}
    assert [e["organisation"] for e in groups["partly"]] == ["Nacka kommun"] and groups["partly"][0]["document"]
    # a second confirmation is refused
    again = client.post(reverse("ministry:document_review", args=[remiss.pk, received.pk]), {})
    assert again.status_code == 200 and Submission.objects.count() == 1


def test_an_answer_received_after_the_deadline_is_late(client_for, staff, remiss, recipient):
    remiss.deadline = timezone.localdate() - dt.timedelta(days=5)
    remiss.save()
    client = client_for(staff)
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    register(client, remiss, recipient, documents.docx_bytes(ANSWER), received_on=yesterday)
    received = ReceivedDocument.objects.get()
    client.post(reverse("ministry:document_review", args=[remiss.pk, received.pk]), {})
    received.refresh_from_db()
    assert received.submission.is_late
    assert received.submission.submitted_at.date() == timezone.localdate() - dt.timedelta(days=1)


def test_a_new_sender_is_added_without_an_invitation(client_for, staff, remiss):
    client = client_for(staff)
    response = register(
        client,
        remiss,
        None,
        "Förbundet tillstyrker förslagen i sin helhet.".encode(),
        name="svar.txt",
        new_sender="Svenskt Vatten",
        new_sender_kind="organisation",
    )
    assert response.status_code == 302
    sender = Organisation.objects.get(name="Svenskt Vatten")
    assert remiss.recipients.filter(organisation=sender).exists()
    received = ReceivedDocument.objects.get()
    assert {p["stance"] for p in received.reading["proposals"].values()} == {"supports"}


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("svar.docm", lambda: documents.docx_bytes(ANSWER), "makron"),
        ("svar.pdf", lambda: documents.blank_pdf_bytes(), "inskannad"),
        ("svar.pdf", lambda: documents.encrypted_pdf_bytes("Kommunen tillstyrker."), "lösenordsskyddad"),
        ("svar.pdf", lambda: b"%PDF-1.7 trasig", "skadad"),
        ("svar.docx", lambda: documents.macro_docx_bytes("Svar."), "makron"),
        ("svar.txt", lambda: "Yttrande över SOU 2019:12 (Ju2019/04410). Vi tillstyrker.".encode(), "annan remiss"),
    ],
)
def test_bad_documents_are_refused_in_swedish_and_nothing_is_stored(
    client_for, staff, remiss, recipient, settings, name, make, message
):
    response = register(client_for(staff), remiss, recipient, make(), name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReceivedDocument.objects.exists()
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.*")) if Path(settings.MEDIA_ROOT).exists() else True
    assert 'value="KS 2026/118"' in response.content.decode()  # what was typed is kept


def test_a_docx_zip_bomb_is_refused(client_for, staff, remiss, recipient, settings):
    settings.REMISS_MAX_DOCX_UNCOMPRESSED_BYTES = 2 * 1024 * 1024
    response = register(client_for(staff), remiss, recipient, documents.zip_bomb_docx_bytes(4 * 1024 * 1024))
    assert "för stort" in response.content.decode() and not ReceivedDocument.objects.exists()


def test_the_wrong_remiss_can_be_overridden_when_staff_are_sure(client_for, staff, remiss, recipient):
    text = "Yttrande över SOU 2019:12. Vi tillstyrker förslagen i sin helhet.".encode()
    response = register(client_for(staff), remiss, recipient, text, name="svar.txt", other_remiss_confirmed="on")
    assert response.status_code == 302 and ReceivedDocument.objects.count() == 1


def test_a_body_with_an_answer_in_the_service_is_not_overwritten(client_for, staff, remiss, recipient):
    recipient.response.status = ResponseStatus.DRAFT
    recipient.response.save()
    response = register(client_for(staff), remiss, recipient, documents.docx_bytes(ANSWER))
    assert response.status_code == 200 and not ReceivedDocument.objects.exists()


def test_the_public_sees_the_original_file_and_a_receipt(client_for, staff, remiss, recipient, anonymous):
    client = client_for(staff)
    register(client, remiss, recipient, documents.docx_bytes(ANSWER))
    received = ReceivedDocument.objects.get()
    client.post(reverse("ministry:document_review", args=[remiss.pk, received.pk]), {})
    received.refresh_from_db()
    render_submission(submission_id=received.submission_id)
    page = anonymous.get(reverse("public:detail", args=[remiss.pk])).content.decode()
    original = reverse("public:answer_original", args=[remiss.pk, received.submission_id])
    assert original in page and "inkommit som dokument" in page
    assert reverse("public:answer_receipt", args=[remiss.pk, received.submission_id]) in page
    download = anonymous.get(original)
    assert download.status_code == 200 and b"".join(download.streaming_content) == received.file.open("rb").read()
    assert "attachment" in download["Content-Disposition"]


# --- who may ---------------------------------------------------------------------------------------


def test_only_the_owning_ministrys_staff_may_register_or_review(
    client_for, staff, other_staff, outsider, drafter, anonymous, remiss, recipient
):
    register(client_for(staff), remiss, recipient, documents.docx_bytes(ANSWER))
    received = ReceivedDocument.objects.get()
    urls = [
        reverse("ministry:document_register", args=[remiss.pk]),
        reverse("ministry:document_review", args=[remiss.pk, received.pk]),
        reverse("ministry:document_original", args=[remiss.pk, received.pk]),
    ]
    for url in urls:
        assert anonymous.get(url).status_code == 302  # to sign-in
        assert client_for(other_staff).get(url).status_code == 404
        assert client_for(outsider).get(url).status_code == 404
        assert client_for(drafter).get(url).status_code == 404
        assert client_for(staff).get(url).status_code == 200
    for user in (other_staff, outsider):
        response = client_for(user).post(reverse("ministry:document_review", args=[remiss.pk, received.pk]), {})
        assert response.status_code == 404
        response = client_for(user).post(reverse("ministry:document_discard", args=[remiss.pk, received.pk]))
        assert response.status_code == 404
    assert ReceivedDocument.objects.get().submission is None
    # another remiss's document is not reachable through this remiss's URL
    other = f.PublishedRemissFactory(ministry=remiss.ministry)
    assert client_for(staff).get(reverse("ministry:document_review", args=[other.pk, received.pk])).status_code == 404
