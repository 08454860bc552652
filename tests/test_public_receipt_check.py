"""The public kvittens page of each answer lets anyone check a PDF against that receipt."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from remiss.models import Receipt, ResponseStatus, Submission, SubmissionStatus
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_anyone_checks_a_pdf_from_the_public_kvittens_page(anonymous, org, ministry):
    pdf, other = f.tiny_pdf(1), f.tiny_pdf(2)
    response = f.response_with_proposals(org, ministry=ministry)
    response.status = ResponseStatus.SUBMITTED
    response.save()
    submission = Submission.objects.create(
        response=response, number=1, submitted_at=timezone.now(), status=SubmissionStatus.DONE
    )
    submission.pdf.save("svar.pdf", ContentFile(pdf))
    receipt = Receipt.objects.create(
        submission=submission, sha256=hashlib.sha256(pdf).hexdigest(), issued_at=timezone.now()
    )
    remiss = response.recipient.remiss
    page = anonymous.get(reverse("public:answer_receipt", args=[remiss.pk, submission.pk])).content.decode()
    assert "Kontrollera en PDF mot kvittensen" in page
    action = re.search(r'<form method="post" action="([^"]+)" enctype="multipart/form-data"', page).group(1)
    assert action == reverse("respondent:verify", args=[receipt.code])
    assert 'for="verify-file"' in page and 'id="verify-file"' in page

    same = anonymous.post(action, {"file": SimpleUploadedFile("svar.pdf", pdf, "application/pdf")})
    assert same.status_code == 200 and "Filen stämmer." in same.content.decode()
    changed = anonymous.post(action, {"file": SimpleUploadedFile("svar.pdf", other, "application/pdf")})
    assert "Filen stämmer inte." in changed.content.decode()
