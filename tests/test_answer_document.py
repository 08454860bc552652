"""A faithful answer document: both diarienummer labelled, any number of signatories in order,
föredragande and "I den slutliga handläggningen har även deltagit", and the decision with its
signatures never split across pages."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from remiss.models import Signatory
from remiss.pdf.answer import render_answer_pdf
from remiss.snapshot import build_snapshot
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # renders PDFs: not in make test-fast

FIVE = [
    ("Mats Gerdau", "Kommunstyrelsens ordförande"),
    ("Lena Dahlstedt", "Stadsdirektör"),
    ("Anneli Sagnérius", "Kommunjurist"),
    ("Per Svensson", "Ekonomidirektör"),
    ("Karin Ek", "Kanslichef"),
]


def decision_post(signatories, **fields):
    data = {
        "decided_by": "Kommunstyrelsen",
        "decision_date": "2026-03-02",
        "minute_ref": "§ 45",
        "our_reference": "KFKS 2026/123",
        "presenter": "Eva Lind, utredare",
        "also_participated": "Anna Berg, stadsjurist",
        "sig-TOTAL_FORMS": str(len(signatories)),
        "sig-INITIAL_FORMS": "0",
        **fields,
    }
    for i, (name, title) in enumerate(signatories):
        data[f"sig-{i}-name"], data[f"sig-{i}-title"] = name, title
    return data


@pytest.fixture
def response(org, ministry, drafter, reviewer):
    response = f.response_with_proposals(org, proposals=6, ministry=ministry, reference="Fi2026/00123/SFÖ")
    return f.to_approved(response, drafter, reviewer)


def pages_of(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


def test_approver_records_five_signatories_in_order_and_both_references(client_for, approver, response):
    page = client_for(approver).post(reverse("respondent:decision", args=[response.pk]), decision_post(FIVE))
    assert page.status_code == 302
    response.refresh_from_db()
    assert [(s.name, s.title) for s in Signatory.objects.filter(response=response).order_by("position")] == FIVE
    assert (response.our_reference, response.presenter, response.also_participated) == (
        "KFKS 2026/123",
        "Eva Lind, utredare",
        "Anna Berg, stadsjurist",
    )
    form = client_for(approver).get(reverse("respondent:review", args=[response.pk])).content.decode()
    assert 'value="Karin Ek"' in form and 'value="KFKS 2026/123"' in form
    assert form.index("Mats Gerdau") < form.index("Karin Ek")


def test_more_signatories_than_any_sane_number_is_refused_in_swedish(client_for, approver, response):
    many = [(f"Person {i}", "Ledamot") for i in range(21)]
    page = client_for(approver).post(reverse("respondent:decision", args=[response.pk]), decision_post(many))
    assert page.status_code == 400
    assert "Högst 20 undertecknare får plats i yttrandet." in page.content.decode()
    assert not Signatory.objects.filter(response=response).exists()
    # A forged count far beyond the limit is refused the same way, never a 500.
    page = client_for(approver).post(
        reverse("respondent:decision", args=[response.pk]), {**decision_post(FIVE), "sig-TOTAL_FORMS": "100000"}
    )
    assert page.status_code == 400


def test_pdf_carries_both_references_and_keeps_the_decision_block_on_one_page(approver, response):
    response = f.decide(response, approver, signatories=FIVE)
    response.our_reference, response.presenter = "KFKS 2026/123", "Eva Lind, utredare"
    response.also_participated = "Anna Berg, stadsjurist"
    moved = 0
    # Longer and longer text before the decision, so that in some runs the block meets a page end.
    for paragraphs in (4, 6, 8, 10):
        response.general_comments = "\n\n".join(
            "Kommunen delar utredningens bedömning i stort men vill framhålla finansieringen. " * 6
            for _ in range(paragraphs)
        )
        pages = pages_of(render_answer_pdf(build_snapshot(response, number=1)))
        first = pages[0]
        assert "Er beteckning Fi2026/00123/SFÖ" in first and "Vår beteckning KFKS 2026/123" in first
        [decision_page] = [i for i, text in enumerate(pages) if "Beslut i detta ärende" in text]
        block = pages[decision_page]
        for name, title in FIVE:
            assert name in block and title in block, (paragraphs, name)
            assert all(name not in text for i, text in enumerate(pages) if i != decision_page)
        assert "Föredragande: Eva Lind, utredare" in block
        assert "I den slutliga handläggningen har även Anna Berg, stadsjurist deltagit." in block
        assert [block.index(name) for name, _t in FIVE] == sorted(block.index(name) for name, _t in FIVE)
        if block.lstrip().startswith("Beslut"):
            moved += 1
    assert moved, "no run brought the decision block to a page end; the check proved nothing"
