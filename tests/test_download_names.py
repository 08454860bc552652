"""Downloaded answers are named after the organisation and the whole diarienummer (RFC 6266)."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(ministry, org):
    remiss = f.PublishedRemissFactory(ministry=ministry, reference="Fi2018/02500/SFÖ")
    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    return remiss, f.make_submission(recipient, pdf=True), f.make_submission(recipient, number=2, pdf=True)


def names(response) -> tuple[str, str]:
    header = response["Content-Disposition"]
    plain = header.split('filename="', 1)[1].split('"', 1)[0]
    exact = unquote(header.split("filename*=UTF-8''", 1)[1])
    return plain, exact


def test_public_answer_pdf_has_organisation_and_whole_diarienummer(anonymous, answered):
    remiss, first, second = answered
    download = anonymous.get(reverse("public:answer_pdf", args=[remiss.pk, first.pk]))
    assert download["Content-Disposition"].startswith("inline; ")
    assert names(download) == (
        "Remissvar Nacka kommun Fi2018-02500-SFO.pdf",
        "Remissvar Nacka kommun Fi2018-02500-SFÖ.pdf",
    )
    later = anonymous.get(reverse("public:answer_pdf", args=[remiss.pk, second.pk]))
    assert names(later)[1] == "Remissvar Nacka kommun Fi2018-02500-SFÖ version 2.pdf"


def test_ministry_and_respondent_downloads_use_the_same_name(client_for, staff, drafter, answered):
    remiss, first, _second = answered
    ministry = client_for(staff).get(reverse("ministry:answer_pdf", args=[remiss.pk, first.pk]))
    assert names(ministry)[1] == "Remissvar Nacka kommun Fi2018-02500-SFÖ.pdf"
    assert ministry["Content-Disposition"].startswith("attachment; ")
    own = client_for(drafter).get(reverse("respondent:submission_pdf", args=[first.response.pk, 1]))
    assert names(own)[1] == "Remissvar Nacka kommun Fi2018-02500-SFÖ.pdf"
