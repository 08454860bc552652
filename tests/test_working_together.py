"""Working together on the answer form: the reviewer's latest message on top while changes are
requested, progress in the autosave reply, the remiss's documents one click away, and the form
before the side table of contents."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from remiss import workflow
from remiss.models import Document, Stance
from remiss.services import drafting
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def response(org, ministry):
    return f.response_with_proposals(org, proposals=4, sections=2, ministry=ministry)


def test_reviewers_latest_message_stands_on_top_of_the_form_while_changes_are_requested(
    client_for, drafter, reviewer, response
):
    drafting.save_changes(response=response, by=drafter, response_version=1, texts={"summary": "Utkast"})
    workflow.send_for_review(response=response, by=drafter)
    workflow.request_changes(response=response, by=reviewer, message="Första rundan: korta sammanfattningen.")
    workflow.send_for_review(response=response, by=drafter)
    workflow.request_changes(response=response, by=reviewer, message="Lägg till barnkonsekvenser.")
    html = client_for(drafter).get(reverse("respondent:form", args=[response.pk])).content.decode()
    assert f"{reviewer.get_full_name()} begär ändringar" in html
    assert "Lägg till barnkonsekvenser." in html
    assert "Första rundan" not in html
    assert html.index("Lägg till barnkonsekvenser.") < html.index('id="answer-form"')

    workflow.send_for_review(response=response, by=drafter)
    html = client_for(drafter).get(reverse("respondent:form", args=[response.pk])).content.decode()
    assert "begär ändringar" not in html


def test_form_links_the_remiss_documents_and_comes_before_the_table_of_contents(client_for, drafter, response):
    remiss = response.recipient.remiss
    doc = Document.objects.create(
        remiss=remiss, title="Missiv", original_name="missiv.pdf", size=3, file=SimpleUploadedFile("m.pdf", b"%PDF")
    )
    html = client_for(drafter).get(reverse("respondent:form", args=[response.pk])).content.decode()
    assert f'href="{reverse("public:document", args=[remiss.pk, doc.pk])}">Missiv</a>' in html
    assert html.index('id="answer-form"') < html.index('id="toc-title"')


def test_autosave_reply_carries_progress_and_status_for_the_table_of_contents(client_for, drafter, response):
    proposals = list(response.recipient.remiss.proposals.order_by("section__position", "position"))
    first = proposals[0]
    other_section = next(p.section_id for p in proposals if p.section_id != first.section_id)
    client = client_for(drafter)
    url = reverse("respondent:autosave", args=[response.pk])
    reply = client.post(url, {"field": f"answer:{first.pk}", "stance": Stance.SUPPORTS, "text": "", "version": 0})
    data = reply.json()
    assert reply.status_code == 200 and data["ok"]
    progress = data["progress"]
    assert progress["label"] == "1 av 4 förslag besvarade"
    assert progress["status_label"] == "Utkast"
    assert progress["answered_ids"] == [first.pk]
    assert progress["sections"][str(first.section_id)] == "(1/2)"
    assert progress["sections"][str(other_section)] == "(0/2)"
