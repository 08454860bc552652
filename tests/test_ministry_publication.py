"""Redaction (GDPR): ministry staff decide what of a submitted answer is published on the web."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import AuditEvent
from remiss.models import Publication, Receipt
from tests import factories as f

REDACTED = f.tiny_pdf(pages=2)


@pytest.fixture
def answered(ministry, org):
    """A published remiss with one submitted answer (PDF and receipt) from ``org``."""
    remiss = f.PublishedRemissFactory(ministry=ministry, title="Med tillit växer handlingsutrymmet")
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    submission = f.make_submission(f.RecipientFactory(remiss=remiss, organisation=org), pdf=True)
    original = submission.pdf.open("rb").read()
    submission.pdf.close()
    Receipt.objects.create(
        submission=submission, sha256=hashlib.sha256(original).hexdigest(), issued_at=submission.submitted_at
    )
    return remiss, submission, original


def urls(remiss, submission):
    args = [remiss.pk, submission.pk]
    return {
        "page": reverse("ministry:publication", args=args),
        "reset": reverse("ministry:publication_reset", args=args),
        "copy": reverse("ministry:publication_copy", args=args),
        "original": reverse("ministry:answer_pdf", args=args),
        "public_pdf": reverse("public:answer_pdf", args=args),
        "public_page": reverse("public:detail", args=[remiss.pk]),
        "receipt": reverse("public:answer_receipt", args=args),
    }


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_staff_publishes_a_redacted_copy_and_the_public_gets_it(client_for, staff, anonymous, answered):
    remiss, submission, original = answered
    u = urls(remiss, submission)
    client = client_for(staff)
    progress = client.get(reverse("ministry:progress", args=[remiss.pk])).content.decode()
    assert u["page"] in progress and u["original"] in progress
    assert "Originalet, som det skickades in." in client.get(u["page"]).content.decode()
    upload = SimpleUploadedFile("maskerad.pdf", REDACTED, content_type="application/pdf")
    response = client.post(u["page"], {"action": "redact", "redact-file": upload})
    assert response.status_code == 302
    publication = Publication.objects.get(submission=submission)
    assert publication.redacted_name == "maskerad.pdf" and not publication.withheld
    assert publication.redacted_pdf.name.startswith(f"publications/{submission.pk}/")
    # The public page and the public PDF URL serve the redacted copy …
    assert body(anonymous.get(u["public_pdf"])) == REDACTED
    page = anonymous.get(u["public_page"]).content.decode()
    assert u["public_pdf"] in page and "maskerad kopia" in page
    assert "maskerad kopia" in anonymous.get(u["receipt"]).content.decode()
    # … while the ministry still has the original, and the receipt still matches it.
    assert body(client.get(u["original"])) == original
    assert body(client.get(u["copy"])) == REDACTED
    submission.refresh_from_db()
    assert hashlib.sha256(submission.pdf.open("rb").read()).hexdigest() == submission.receipt.sha256
    submission.pdf.close()
    event = AuditEvent.objects.get(action="publication.redacted")
    assert event.actor == staff and event.object_id == str(submission.pk) and event.data["remiss"] == remiss.pk
    progress = client.get(reverse("ministry:progress", args=[remiss.pk])).content.decode()
    assert "Maskerad kopia publiceras" in progress


@pytest.mark.django_db
def test_staff_withholds_an_answer_from_the_web_with_a_reason(client_for, staff, anonymous, answered):
    remiss, submission, original = answered
    u = urls(remiss, submission)
    client = client_for(staff)
    missing = client.post(u["page"], {"action": "withhold", "withhold-reason": ""})
    assert missing.status_code == 400 and "Formuläret innehåller fel" in missing.content.decode()
    assert not Publication.objects.exists()
    client.post(u["page"], {"action": "withhold", "withhold-reason": "Innehåller personuppgifter om enskilda"})
    message = "Publiceras inte på webben: Innehåller personuppgifter om enskilda; kan begäras ut som allmän handling."
    page = anonymous.get(u["public_page"]).content.decode()
    assert message in page and u["public_pdf"] not in page
    pdf = anonymous.get(u["public_pdf"])
    assert pdf.status_code == 404 and message in pdf.content.decode()
    assert body(client.get(u["original"])) == original
    assert AuditEvent.objects.get(action="publication.withheld").data["reason"] == (
        "Innehåller personuppgifter om enskilda"
    )
    # Undo: the original is published again, and that is logged too.
    assert client.post(u["reset"]).status_code == 302
    assert not Publication.objects.exists()
    assert body(anonymous.get(u["public_pdf"])) == original
    assert AuditEvent.objects.filter(action="publication.original", object_id=str(submission.pk)).exists()


@pytest.mark.django_db
def test_a_redacted_copy_must_be_a_real_pdf(client_for, staff, anonymous, answered):
    remiss, submission, original = answered
    u = urls(remiss, submission)
    fake = SimpleUploadedFile("maskerad.pdf", b"<html>inte en pdf</html>", content_type="application/pdf")
    response = client_for(staff).post(u["page"], {"action": "redact", "redact-file": fake})
    assert response.status_code == 400 and "inte en riktig PDF" in response.content.decode()
    assert not Publication.objects.exists()
    assert body(anonymous.get(u["public_pdf"])) == original


@pytest.mark.django_db
def test_redaction_permissions(client_for, staff, other_staff, drafter, anonymous, answered, ministry):
    remiss, submission, original = answered
    u = urls(remiss, submission)
    upload = lambda: SimpleUploadedFile("m.pdf", REDACTED)  # noqa: E731
    reason = {"action": "withhold", "withhold-reason": "Personuppgifter"}
    attempts = [
        ("get", u["page"], {}),
        ("post", u["page"], {"action": "redact", "redact-file": upload()}),
        ("post", u["page"], reason),
        ("post", u["reset"], {}),
        ("get", u["original"], {}),
        ("get", u["copy"], {}),
    ]
    for client in (client_for(other_staff), client_for(drafter)):  # other ministry, the respondent itself
        for method, url, data in attempts:
            assert getattr(client, method)(url, data).status_code == 404, url
    for method, url, data in attempts:
        response = getattr(anonymous, method)(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/konto/logga-in/"), url
    assert not Publication.objects.exists()
    # A submission of another remiss cannot be reached through this one.
    foreign = f.make_submission(f.RecipientFactory(remiss=f.PublishedRemissFactory(ministry=ministry)))
    assert client_for(staff).get(reverse("ministry:publication", args=[remiss.pk, foreign.pk])).status_code == 404
    # The owner's staff may.
    client = client_for(staff)
    assert client.get(u["page"]).status_code == 200
    assert client.post(u["page"], reason).status_code == 302
    assert Publication.objects.get().withheld


@pytest.fixture
def two_versions(answered):
    """The answer submitted a second time: version 1 and version 2, each with PDF and receipt."""
    remiss, first, _original = answered
    second = f.make_submission(first.response.recipient, number=2)
    Receipt.objects.create(submission=second, sha256="0" * 64, issued_at=second.submitted_at)
    return remiss, first, second


def public_state(anonymous, remiss, submission) -> tuple[int, str]:
    u = urls(remiss, submission)
    return anonymous.get(u["public_pdf"]).status_code, anonymous.get(u["receipt"]).content.decode()


@pytest.mark.django_db
def test_withholding_the_newest_version_withholds_every_version(client_for, staff, anonymous, two_versions):
    remiss, first, second = two_versions
    client = client_for(staff)
    page = client.get(urls(remiss, second)["page"]).content.decode()
    assert "Alla versioner av svaret" in page and urls(remiss, first)["page"] in page
    client.post(urls(remiss, second)["page"], {"action": "withhold", "withhold-reason": "Personuppgifter"})
    for version in (first, second):
        status, receipt = public_state(anonymous, remiss, version)
        assert status == 404
        assert "Publiceras inte på webben: Personuppgifter" in receipt
        assert urls(remiss, version)["public_pdf"] not in receipt
    logged = AuditEvent.objects.filter(action="publication.withheld").values_list("object_id", flat=True)
    assert sorted(logged) == sorted([str(first.pk), str(second.pk)])
    # Staff may then choose otherwise for one version, from the same page.
    assert client.post(urls(remiss, first)["reset"]).status_code == 302
    assert public_state(anonymous, remiss, first)[0] == 200
    assert public_state(anonymous, remiss, second)[0] == 404


@pytest.mark.django_db
def test_a_redacted_copy_of_one_version_withholds_the_others(client_for, staff, anonymous, two_versions):
    remiss, first, second = two_versions
    client = client_for(staff)
    upload = SimpleUploadedFile("maskerad.pdf", REDACTED, content_type="application/pdf")
    client.post(urls(remiss, second)["page"], {"action": "redact", "redact-file": upload})
    assert body(anonymous.get(urls(remiss, second)["public_pdf"])) == REDACTED
    status, receipt = public_state(anonymous, remiss, first)
    assert status == 404 and "En maskerad kopia av version 2 publiceras i stället." in receipt
    page = client.get(urls(remiss, second)["page"]).content.decode()
    assert "Maskerad kopia publiceras" in page and "Publiceras inte på webben" in page


@pytest.mark.django_db
def test_staff_may_limit_withholding_to_one_version(client_for, staff, anonymous, two_versions):
    remiss, first, second = two_versions
    client_for(staff).post(
        urls(remiss, second)["page"], {"action": "withhold", "withhold-reason": "Fel bilaga", "withhold-scope": "this"}
    )
    assert public_state(anonymous, remiss, second)[0] == 404
    assert public_state(anonymous, remiss, first)[0] == 200
