"""Respondents prefill their answer from their own Word/PDF draft: the reader's suggestions are
confirmed per proposal; nothing already in the draft is replaced unless the user ticks it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from remiss.models import Answer, ResponseStatus
from tests import documents
from tests import factories as f

pytestmark = pytest.mark.django_db

DRAFT = [
    ("heading", "4.1 Ett nationellt register"),
    "Kommunen tillstyrker förslaget.",
    ("heading", "4.2 Tillsyn över registret"),
    "Kommunen avstyrker förslaget. Tillsynen bör ligga hos kommunen.",
]


@pytest.fixture
def response(ministry, org):
    remiss = f.PublishedRemissFactory(ministry=ministry)
    first = f.SectionFactory(remiss=remiss, number="4.1", title="Ett nationellt register", position=0)
    second = f.SectionFactory(remiss=remiss, number="4.2", title="Tillsyn över registret", position=1)
    f.ProposalFactory(section=first, text="Ett nationellt register ska inrättas.")
    f.ProposalFactory(section=second, text="Länsstyrelsen ska utöva tillsyn över registret.")
    return f.ResponseFactory(recipient=f.RecipientFactory(remiss=remiss, organisation=org), status=ResponseStatus.DRAFT)


def proposals(response):
    return list(response.recipient.remiss.proposals.order_by("section__position"))


def upload(client, response, data=None, name="utkast.docx"):
    data = documents.docx_bytes(DRAFT) if data is None else data
    return client.post(reverse("respondent:prefill", args=[response.pk]), {"file": SimpleUploadedFile(name, data)})


def test_suggestions_are_shown_and_only_what_is_ticked_is_saved(client_for, drafter, response):
    first, second = proposals(response)
    Answer.objects.create(response=response, proposal=second, stance="supports", comment="Vår egen text.", version=1)
    client = client_for(drafter)
    page = upload(client, response).content.decode()
    # the empty proposal is preselected, the one with the user's text is not
    assert f'name="use_{first.pk}" value="1" id="use_{first.pk}" checked' in page
    assert f'name="use_{second.pk}" value="1" id="use_{second.pk}">' in page
    assert "Vår egen text." in page and "Ersätt utkastets innehåll" in page
    assert Answer.objects.filter(response=response, proposal=first).count() == 0  # nothing saved yet
    confirm = reverse("respondent:prefill_confirm", args=[response.pk])
    client.post(
        confirm,
        {
            f"use_{first.pk}": "1",
            f"stance_{first.pk}": "supports",
            f"comment_{first.pk}": "Kommunen tillstyrker förslaget.",
            f"version_{first.pk}": "0",
            # second not ticked: the reader's "opposes" must not replace the user's text
            f"stance_{second.pk}": "opposes",
            f"comment_{second.pk}": "Kommunen avstyrker förslaget.",
            f"version_{second.pk}": "1",
        },
    )
    saved = {a.proposal_id: (a.stance, a.comment) for a in Answer.objects.filter(response=response)}
    assert saved[first.pk] == ("supports", "Kommunen tillstyrker förslaget.")
    assert saved[second.pk] == ("supports", "Vår egen text.")


def test_the_drafts_own_stance_is_shown_by_its_swedish_name(client_for, drafter, response):
    _first, second = proposals(response)
    Answer.objects.create(response=response, proposal=second, stance="partly", comment="Vår egen text.", version=1)
    page = upload(client_for(drafter), response).content.decode()
    assert "Utkastet har redan innehåll här: Tillstyrker delvis Vår egen text." in page
    assert "partly" not in page.replace('value="partly"', "")  # the code only as an option value


def test_ticking_a_filled_proposal_replaces_it_by_choice(client_for, drafter, response):
    _first, second = proposals(response)
    Answer.objects.create(response=response, proposal=second, stance="supports", comment="Gammal.", version=1)
    client_for(drafter).post(
        reverse("respondent:prefill_confirm", args=[response.pk]),
        {
            f"use_{second.pk}": "1",
            f"stance_{second.pk}": "opposes",
            f"comment_{second.pk}": "Ny.",
            f"version_{second.pk}": "1",
        },
    )
    assert Answer.objects.get(proposal=second).stance == "opposes"


def test_bad_files_get_a_swedish_message(client_for, drafter, response, settings):
    client = client_for(drafter)
    page = upload(client, response, b"MZ", name="utkast.exe").content.decode()
    assert "Ladda upp en PDF eller ett Word-dokument" in page
    page = upload(client, response, documents.macro_docx_bytes("x"), name="utkast.docm").content.decode()
    assert "Ladda upp en PDF eller ett Word-dokument" in page
    page = upload(client, response, b"%PDF-1.4 trasig", name="utkast.pdf").content.decode()
    assert "Formuläret innehåller fel" in page
    settings.REMISS_MAX_UPLOAD_BYTES = 10
    assert "Största tillåtna storlek" in upload(client, response).content.decode()
    assert Answer.objects.count() == 0


def test_who_may(client_for, drafter, reviewer, outsider, staff, anonymous, response):
    url = reverse("respondent:prefill", args=[response.pk])
    confirm = reverse("respondent:prefill_confirm", args=[response.pk])
    assert anonymous.get(url).status_code == 302
    for user in (outsider, staff):
        assert client_for(user).get(url).status_code == 404
        assert client_for(user).post(confirm, {}).status_code == 404
    assert client_for(reviewer).get(url).status_code == 403
    assert client_for(drafter).get(url).status_code == 200
    response.status = ResponseStatus.SUBMITTED
    response.save()
    assert client_for(drafter).get(url).status_code == 403


FULL_DRAFT = [
    ("heading", "Sammanfattning"),
    "Kommunen är i huvudsak positiv.",
    ("heading", "Generella synpunkter"),
    "Vattenförsörjningen är en kommunal kärnuppgift.",
    ("heading", "4.1 Ett nationellt register"),
    "Kommunen tillstyrker förslaget. Ett register ger överblick över alla vattentäkter i länet.",
    "Registret bör också visa reservvattentäkter.",
]


def test_the_drafts_full_texts_are_offered_and_no_stance_where_it_does_not_take_one(client_for, drafter, response):
    first, second = proposals(response)
    page = upload(client_for(drafter), response, documents.docx_bytes(FULL_DRAFT)).content.decode()
    # the whole text on the proposal, not one sentence
    assert "Ett register ger överblick över alla vattentäkter i länet.\n\nRegistret bör också" in page
    assert 'name="summary"' in page and "Kommunen är i huvudsak positiv." in page
    assert 'name="general_comments"' in page and "kommunal kärnuppgift" in page
    assert 'id="use_summary" checked' in page and 'id="use_general_comments" checked' in page
    # the second proposal is not in the draft: no stance selected, not ticked
    assert "Utkastet berör inte förslaget." in page
    assert f'name="use_{second.pk}" value="1" id="use_{second.pk}">' in page
    select = page.split(f'name="stance_{second.pk}"')[1].split("</select>")[0]
    assert "selected" not in select.replace('value="" selected', "")
    client_for(drafter).post(
        reverse("respondent:prefill_confirm", args=[response.pk]),
        {
            "use_summary": "1",
            "summary": "Kommunen är i huvudsak positiv.",
            "use_general_comments": "1",
            "general_comments": "Vattenförsörjningen är en kommunal kärnuppgift.",
            "response_version": str(response.version),
            f"use_{first.pk}": "1",
            f"stance_{first.pk}": "supports",
            f"comment_{first.pk}": "Kommunen tillstyrker förslaget. Ett register ger överblick.",
            f"version_{first.pk}": "0",
        },
    )
    response.refresh_from_db()
    assert response.summary == "Kommunen är i huvudsak positiv."
    assert response.general_comments == "Vattenförsörjningen är en kommunal kärnuppgift."
    assert not Answer.objects.filter(response=response, proposal=second).exclude(stance="").exists()


def test_an_unsure_reading_asks_instead_of_preselecting(client_for, drafter, response):
    _first, second = proposals(response)
    draft = [("heading", "4.2 Tillsyn över registret"), "Frågan om tillsynen behöver utredas vidare."]
    page = upload(client_for(drafter), response, documents.docx_bytes(draft)).content.decode()
    assert "Ta ställning" in page
    select = page.split(f'name="stance_{second.pk}"')[1].split("</select>")[0]
    assert "selected" not in select.replace('value="" selected', "")
    assert "Frågan om tillsynen behöver utredas vidare." in page
