"""Abuse-proof public endpoints: the receipt check only hashes, and anonymous POSTs have a per-client budget."""

from __future__ import annotations

import hashlib
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import throttle
from accounts.models import AuditEvent
from remiss.models import Receipt, Submission, SubmissionStatus
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def receipt(org):
    response = f.response_with_proposals(org)
    submission = Submission.objects.create(
        response=response, number=1, submitted_at=timezone.now(), status=SubmissionStatus.DONE
    )
    return Receipt.objects.create(
        submission=submission, sha256=hashlib.sha256(f.tiny_pdf()).hexdigest(), issued_at=timezone.now()
    )


def many_pages_pdf(size: int = 10 * 1024 * 1024) -> bytes:
    """A ~10 MB PDF made of ~99,000 page objects and no cross-reference table: costly to parse."""
    body = bytearray(b"%PDF-1.7\n")
    number = 1
    while len(body) < size - 200:
        body += b"%d 0 obj <</Type /Page /Parent 1 0 R /MediaBox [0 0 595 842] /Contents [] >> endobj\n" % number
        number += 1
    body += b"trailer <</Root 1 0 R /Size %d>>\n%%%%EOF\n" % number
    return bytes(body)


def test_receipt_check_hashes_a_10_mb_pdf_without_parsing_it(receipt):
    data = many_pages_pdf()
    url = reverse("respondent:verify", args=[receipt.code])
    c = Client()
    c.post(url, {"file": SimpleUploadedFile("liten.pdf", b"%PDF-1")})  # first request: imports, connections
    started = time.perf_counter()
    page = c.post(url, {"file": SimpleUploadedFile("svar.pdf", data, "application/pdf")})
    elapsed = time.perf_counter() - started
    assert page.status_code == 200
    assert "Filen stämmer inte." in page.content.decode()
    assert hashlib.sha256(data).hexdigest() in page.content.decode()
    assert elapsed < 1.0, f"{elapsed:.2f} s"


def test_receipt_check_still_recognises_the_right_file_and_refuses_an_oversized_one(receipt, settings):
    url = reverse("respondent:verify", args=[receipt.code])
    assert "Filen stämmer." in Client().post(url, {"file": SimpleUploadedFile("a.pdf", f.tiny_pdf())}).content.decode()
    settings.REMISS_MAX_UPLOAD_BYTES = 1000
    page = Client().post(url, {"file": SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 2000)})
    assert page.status_code == 400 and "Största tillåtna storlek" in page.content.decode()


def test_receipt_check_still_needs_the_csrf_token(receipt):
    c = Client(enforce_csrf_checks=True)
    url = reverse("respondent:verify", args=[receipt.code])
    assert c.post(url, {"file": SimpleUploadedFile("a.pdf", f.tiny_pdf())}).status_code == 403


def test_receipt_check_floods_get_a_swedish_429(receipt, settings):
    settings.RECEIPT_CHECK_RATE = "3/10m"
    url = reverse("respondent:verify", args=[receipt.code])
    c = Client()
    for _ in range(3):
        assert c.post(url, {"file": SimpleUploadedFile("a.pdf", b"%PDF-1")}).status_code == 200
    refused = c.post(url, {"file": SimpleUploadedFile("a.pdf", b"%PDF-1")})
    assert refused.status_code == 429 and "För många förfrågningar" in refused.content.decode()
    assert refused["Retry-After"]
    assert c.get(url).status_code == 200  # reading is not limited
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(url, {"file": SimpleUploadedFile("a.pdf", b"%PDF-1")}).status_code == 200
    assert AuditEvent.objects.filter(action="throttle.rejected", data__scope="receipt_check").count() == 1


@pytest.mark.parametrize(
    "url,data",
    [
        ("/konto/logga-in/", {"username": "nobody@example.se", "password": "x"}),
        ("/konto/aterstall-losenord/", {"email": "nobody@example.se"}),
        ("/remisser/", {}),
    ],
    ids=["sign-in", "password-reset", "any-public-url"],
)
def test_every_anonymous_post_has_a_per_client_budget(url, data, settings):
    settings.ANONYMOUS_POST_RATE = "4/10m"
    settings.SIGNIN_FAILURE_RATE = "100/10m"
    settings.AXES_FAILURE_LIMIT = 100
    c = Client()
    for _ in range(4):
        assert c.post(url, data).status_code != 429
    refused = c.post(url, data)
    assert refused.status_code == 429 and "För många förfrågningar" in refused.content.decode()


def test_signed_in_posts_do_not_use_the_anonymous_budget(client_for, drafter, settings):
    settings.ANONYMOUS_POST_RATE = "1/10m"
    c = client_for(drafter)
    for _ in range(3):
        assert c.post("/konto/byt-organisation/", {"organisation": 0}).status_code == 302


def test_the_decorator_limits_any_view(rf, settings, drafter):
    settings.SOME_RATE = "1/m"

    @throttle.rate_limit("some_form", "SOME_RATE", anonymous_only=False)
    def view(request):
        from django.http import HttpResponse

        return HttpResponse("ok")

    request = rf.post("/x/")
    request.user = drafter
    assert view(request).status_code == 200
    assert view(request).status_code == 429


def test_rates_are_written_with_units():
    assert throttle.Rate.parse("300/10m") == throttle.Rate(300, 600)
    assert throttle.Rate.parse("20/m") == throttle.Rate(20, 60)
    assert throttle.Rate.parse("5/h") == throttle.Rate(5, 3600)
    assert throttle.Rate.parse("7/90") == throttle.Rate(7, 90)


# --- Sign-in failures per client address (finding 9) ------------------------------------------------


def test_wrong_passwords_over_many_accounts_lock_out_the_client_address(settings, drafter):
    """60 wrong passwords over 15 accounts (4 each, under axes' 5 per account) from one address."""
    settings.AXES_FAILURE_LIMIT = 5
    users = [f.UserFactory() for _ in range(15)]
    c = Client(REMOTE_ADDR="192.0.2.7")
    statuses = [
        c.post("/konto/logga-in/", {"username": u.email, "password": "fel-lösenord"}).status_code
        for _ in range(4)
        for u in users
    ]
    assert statuses.count(429) >= 60 - 30
    # Even the right password of an account it never tried is refused from that address...
    locked = c.post("/konto/logga-in/", {"username": drafter.email, "password": PASSWORD})
    assert locked.status_code == 429 and "För många inloggningsförsök" in locked.content.decode()
    assert AuditEvent.objects.filter(action="auth.client_locked_out").exists()
    # ...but not from another address.
    assert (
        Client(REMOTE_ADDR="192.0.2.8")
        .post("/konto/logga-in/", {"username": drafter.email, "password": PASSWORD})
        .status_code
        == 302
    )


def test_a_budget_is_not_renewed_by_crossing_a_window_boundary(rf, db):
    """Fixed windows would give a client a fresh budget at every boundary; the sliding estimate does not."""
    rate = "4/2s"
    while time.time() % 2 < 1.7:  # just before a boundary of the 2-second windows
        time.sleep(0.05)
    request = rf.post("/x/", REMOTE_ADDR="192.0.2.44")
    refused = [throttle.over_budget(request, "boundary", rate) for _ in range(5)]
    assert refused == [False, False, False, False, True]
    while time.time() % 2 >= 1.7:  # the next window has begun
        time.sleep(0.05)
    assert throttle.over_budget(request, "boundary", rate)
