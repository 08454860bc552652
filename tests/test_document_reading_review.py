"""The staff review screen shows every paragraph of a document answer where the reader placed it;
staff move paragraphs, choose which proposals get a section's shared text, and confirm: the answer
carries the body's full text per proposal, its summary, general views and consequences, and only
the stances staff confirmed."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from remiss.forms.documents import ReadingForm
from remiss.models import Answer, ReceivedDocument, ResponseStatus
from tests import documents
from tests import factories as f
from tests.document_review_support import accepted

pytestmark = pytest.mark.django_db

REASONING = "Ett register ger överblick över alla vattentäkter och underlättar planeringen av bebyggelsen."

ANSWER = [
    ("heading", "Yttrande över SOU 2026:4 (Fi2026/00471)"),
    ("heading", "Sammanfattning"),
    "Kommunen är i huvudsak positiv till betänkandet.",
    ("heading", "Generella synpunkter"),
    "Kommunen vill understryka att vattenförsörjningen är en kommunal kärnuppgift.",
    ("heading", "4.1 Ett nationellt register"),
    f"Kommunen tillstyrker förslaget. {REASONING}",
    "Registret bör också visa reservvattentäkter.",
    ("heading", "4.2 Tillsyn över registret"),
    "Kommunen ser vissa risker med tillsynen och undrar hur den ska fungera i praktiken.",
    ("heading", "4.3 Överklagande"),
    "Frågan om överklagande behöver utredas vidare av regeringen.",
    ("heading", "Konsekvenser"),
    "De ekonomiska konsekvenserna för kommunerna är underskattade.",
    "Förslagen kräver nya rutiner hos alla berörda.",
    "Med vänlig hälsning",
    "Sida 2 av 2",
]


@pytest.fixture
def remiss(ministry):
    remiss = f.PublishedRemissFactory(
        ministry=ministry,
        reference="Fi2026/00471",
        reports=[{"id": "SOU 2026:4", "title": "Exempel", "kind": "betänkande"}],
        consequence_questions=["economic", "children"],
    )
    first = f.SectionFactory(remiss=remiss, number="4.1", title="Ett nationellt register")
    second = f.SectionFactory(remiss=remiss, number="4.2", title="Tillsyn över registret")
    third = f.SectionFactory(remiss=remiss, number="4.3", title="Överklagande")
    fourth = f.SectionFactory(remiss=remiss, number="4.4", title="Ikraftträdande")
    f.ProposalFactory(section=first, text="Ett nationellt register över vattentäkter ska inrättas.")
    f.ProposalFactory(section=second, text="Länsstyrelsen ska utöva tillsyn över registret.")
    f.ProposalFactory(section=second, text="Tillsynen ska finansieras med avgifter.")
    f.ProposalFactory(section=third, text="Beslut får överklagas till förvaltningsrätt.")
    f.ProposalFactory(section=fourth, text="Lagen ska träda i kraft den 1 juli 2027.")
    return remiss


@pytest.fixture
def received(client_for, staff, remiss, org):
    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    f.ResponseFactory(recipient=recipient, status=ResponseStatus.NOT_STARTED)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(staff).post(
        reverse("ministry:document_register", args=[remiss.pk]),
        {
            "recipient": recipient.pk,
            "new_sender_kind": "organisation",
            "received_on": timezone.localdate().isoformat(),
            "file": SimpleUploadedFile("svar.docx", documents.docx_bytes(ANSWER)),
        },
    )
    assert response.status_code == 302
    return ReceivedDocument.objects.get()


def proposals(remiss):
    return list(remiss.proposals.select_related("section").order_by("section__position", "position"))


def review_url(received):
    return reverse("ministry:document_review", args=[received.response.recipient.remiss_id, received.pk])


def moving(index, place, **extra) -> dict:
    """What the review form posts when staff press "Flytta" at paragraph ``index``."""
    return {"move": str(index), f"place-{index}": place, **extra}


def move_url(received):
    return reverse("ministry:document_move", args=[received.response.recipient.remiss_id, received.pk])


def index_of(received, text: str) -> int:
    received.refresh_from_db()
    return next(i for i, p in enumerate(received.reading["paragraphs"]) if p["text"].startswith(text))


def test_the_whole_reading_is_stored(received, remiss):
    register, supervision, fees, appeal, entry = proposals(remiss)
    reading = received.reading
    assert reading["summary"] == "Kommunen är i huvudsak positiv till betänkandet."
    assert "kommunal kärnuppgift" in reading["general_views"]
    assert "ekonomiska konsekvenserna" in reading["consequences"]
    first = reading["proposals"][str(register.pk)]
    assert REASONING in first["comment"] and "reservvattentäkter" in first["comment"]
    assert reading["proposals"][str(supervision.pk)]["shared_with"] == [str(fees.pk)]
    assert reading["proposals"][str(appeal.pk)]["ask"]  # a suggestion too unsure to preselect
    assert not reading["proposals"][str(entry.pk)]["addressed"]


def test_the_screen_shows_each_paragraph_where_it_landed_without_the_furniture(client_for, staff, received, remiss):
    register, supervision, fees, appeal, entry = proposals(remiss)
    html = client_for(staff).get(review_url(received)).content.decode()
    assert "Dokumentets stycken och var de hamnade" in html
    assert REASONING in html and "Sammanfattning</span>" in html and "Konsekvenser</span>" in html
    main_list = html.split("Dokumentets stycken")[2].split("</ol>")[0]
    assert "Sida 2 av 2" not in main_list and "Med vänlig hälsning" not in main_list
    assert "stycken utelämnade som brevhuvud" in html  # apart, to move back if set aside by mistake
    assert f"Delas av {supervision.label}, {fees.label}" in html
    assert f'value="{fees.pk}" id="keys-' in html  # staff choose which proposals get it
    assert "Ta ställning" in html and "Berörs inte i svaret" in html
    form = ReadingForm(proposals=proposals(remiss), reading=received.reading)
    assert form.fields[f"stance_{register.pk}"].initial == "supports"
    assert form.fields[f"stance_{appeal.pk}"].initial == ""  # asked, not suggested
    assert form.fields[f"stance_{entry.pk}"].initial == ""  # not addressed
    assert form.fields[f"comment_{register.pk}"].initial.startswith("Kommunen tillstyrker förslaget. Ett register")


def test_confirming_as_shown_keeps_full_texts_and_no_default_stances(client_for, staff, received, remiss):
    register, supervision, fees, appeal, entry = proposals(remiss)
    response = client_for(staff).post(review_url(received), accepted(received))
    assert response.status_code == 302
    answers = {a.proposal_id: a for a in Answer.objects.filter(response=received.response)}
    assert REASONING in answers[register.pk].comment and "reservvattentäkter" in answers[register.pk].comment
    assert answers[register.pk].stance == "supports"
    assert answers[appeal.pk].stance == "" and "utredas vidare" in answers[appeal.pk].comment
    assert answers[entry.pk].stance == "" and answers[entry.pk].comment == ""
    response_row = received.response
    response_row.refresh_from_db()
    assert response_row.summary == "Kommunen är i huvudsak positiv till betänkandet."
    assert response_row.consequences == {"economic": "De ekonomiska konsekvenserna för kommunerna är underskattade."}
    # consequence text no question can be told from goes to the general views, under a heading
    assert response_row.general_comments.startswith("Kommunen vill understryka")
    assert "Konsekvenser\n\nFörslagen kräver nya rutiner" in response_row.general_comments
    snapshot = ReceivedDocument.objects.get().submission.snapshot
    assert snapshot["summary"] == response_row.summary


def test_a_moved_paragraph_lands_where_staff_put_it(client_for, staff, received, remiss):
    register, supervision, fees, appeal, entry = proposals(remiss)
    client = client_for(staff)
    index = index_of(received, "Registret bör också")
    response = client.post(move_url(received), moving(index, f"proposal:{entry.pk}"))
    assert response.status_code == 302 and response["Location"].endswith(f"#stycke-{index}")
    received.refresh_from_db()
    assert received.reading["paragraphs"][index]["keys"] == [str(entry.pk)]
    assert "reservvattentäkter" not in received.reading["proposals"][str(register.pk)]["comment"]
    assert received.reading["proposals"][str(entry.pk)]["ask"]  # now addressed: staff take the stance
    summary_index = index_of(received, "Kommunen vill understryka")
    client.post(move_url(received), moving(summary_index, "summary"))
    # the shared section text: staff give it to the second proposal only
    shared = index_of(received, "Kommunen ser vissa risker")
    client.post(move_url(received), {"move": f"{shared}-valda", f"keys-{shared}": [str(fees.pk)]})
    page = client.get(review_url(received)).content.decode()
    assert "(flyttat)" in page
    # narrowed to one proposal, the text still offers the section's proposals to tick again
    assert f'value="{supervision.pk}" id="keys-{shared}-{supervision.pk}"' in page
    assert client.post(review_url(received), accepted(received)).status_code == 302
    answers = {a.proposal_id: a for a in Answer.objects.filter(response=received.response)}
    assert (
        answers[entry.pk].comment == "Registret bör också visa reservvattentäkter." and answers[entry.pk].stance == ""
    )
    assert "reservvattentäkter" not in answers[register.pk].comment
    assert "vissa risker" in answers[fees.pk].comment and "vissa risker" not in answers[supervision.pk].comment
    received.response.refresh_from_db()
    assert "kommunal kärnuppgift" in received.response.summary
    assert "kommunal kärnuppgift" not in received.response.general_comments


@pytest.mark.parametrize(
    "data",
    [
        moving(999, "summary"),
        {"move": "x", "place-x": "summary"},
        moving(1, "nowhere"),
        {"move": "1-valda"},  # no proposal ticked
        moving(1, "proposal:999999"),
        moving(1, ""),
        {"move": "1-valda", "keys-1": ["abc"]},
        {},
    ],
)
def test_an_impossible_move_is_refused_in_swedish(client_for, staff, received, data):
    before = received.reading
    response = client_for(staff).post(move_url(received), data, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stycket finns inte" in html or "Välj" in html or "Förslaget finns inte" in html, html
    received.refresh_from_db()
    assert received.reading == before


def test_no_move_after_confirmation(client_for, staff, received, remiss):
    client = client_for(staff)
    client.post(review_url(received), accepted(received))
    received.refresh_from_db()
    before = received.reading
    response = client.post(move_url(received), moving(1, "unplaced"), follow=True)
    assert "redan bekräftad" in response.content.decode()
    received.refresh_from_db()
    assert received.reading == before


def test_only_the_owning_ministrys_staff_may_move(
    client_for, staff, other_staff, outsider, drafter, anonymous, received, remiss
):
    url = move_url(received)
    data = moving(2, "unplaced")
    response = anonymous.post(url, data)
    assert response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    for user in (other_staff, outsider, drafter):
        assert client_for(user).post(url, data).status_code == 404
    assert client_for(staff).get(url).status_code == 405
    received.refresh_from_db()
    assert not any(p.get("moved") for p in received.reading["paragraphs"])
    assert client_for(staff).post(url, data).status_code == 302


def test_a_stance_follows_its_sentence_when_staff_move_it(client_for, staff, received, remiss):
    register, _supervision, _fees, _appeal, entry = proposals(remiss)
    client = client_for(staff)
    index = index_of(received, "Kommunen tillstyrker förslaget.")
    client.post(move_url(received), moving(index, f"proposal:{entry.pk}"))
    received.refresh_from_db()
    moved_from, moved_to = (received.reading["proposals"][str(p.pk)] for p in (register, entry))
    assert moved_from["suggested"] == "" and moved_from["ask"]  # its other paragraph is still there
    assert moved_to["suggested"] == "" and moved_to["ask"]  # staff take the stance
    client.post(move_url(received), moving(index, f"proposal:{register.pk}"))
    received.refresh_from_db()
    assert received.reading["proposals"][str(register.pk)]["suggested"] == "supports"  # moved back
    assert not received.reading["proposals"][str(entry.pk)]["addressed"]


def test_a_reading_stored_before_paragraphs_were_kept_is_read_again(client_for, staff, received, remiss):
    register, *_rest = proposals(remiss)
    received.reading = {"general": "", "proposals": {str(register.pk): {"stance": "supports", "evidence": "x"}}}
    received.save()
    client = client_for(staff)
    html = client.get(review_url(received)).content.decode()
    assert REASONING in html and "Dokumentets stycken" in html
    assert client.post(move_url(received), moving(2, "unplaced")).status_code == 302
    received.refresh_from_db()  # read again on the move, and stored
    assert received.reading["paragraphs"][2]["place"] == "unplaced"
    assert REASONING in received.reading["proposals"][str(register.pk)]["comment"]


def test_stances_staff_chose_stay_when_they_move_a_paragraph(client_for, staff, received, remiss):
    register, supervision, fees, appeal, entry = proposals(remiss)
    client = client_for(staff)
    shown = accepted(received)
    index = index_of(received, "Registret bör också")
    data = {**shown, f"stance_{appeal.pk}": "opposes", f"stance_{register.pk}": "partly"}
    client.post(move_url(received), {**data, **moving(index, "unplaced")})
    received.refresh_from_db()
    assert received.reading["proposals"][str(appeal.pk)]["suggested"] == "opposes"
    assert received.reading["proposals"][str(register.pk)]["suggested"] == "partly"
    assert received.reading["proposals"][str(supervision.pk)]["suggested"] == shown[f"stance_{supervision.pk}"]
    html = client.get(review_url(received)).content.decode()
    select = html.split(f'name="stance_{appeal.pk}"')[1].split("</select>")[0]
    assert '<option value="opposes" selected>' in select
    assert client.post(review_url(received), accepted(received)).status_code == 302
    answers = {a.proposal_id: a for a in Answer.objects.filter(response=received.response)}
    assert answers[appeal.pk].stance == "opposes" and answers[register.pk].stance == "partly"
    assert answers[entry.pk].stance == ""


def test_unplaced_text_is_pointed_out_and_headings_are_not_moved(client_for, staff, received):
    client = client_for(staff)
    heading = index_of(received, "4.1 Ett nationellt register")
    html = client.get(review_url(received)).content.decode()
    assert f'name="place-{heading}"' not in html and "oplacerat" not in html
    client.post(move_url(received), moving(index_of(received, "Registret bör också"), "unplaced"))
    html = client.get(review_url(received)).content.decode()
    assert "Ett stycke är oplacerat och kommer inte med i svaret." in html


@pytest.mark.parametrize(
    ("text", "answers", "general"),
    [
        (
            "Konsekvenser\n\nEkonomiska konsekvenser\n\nKommunen får högre utgifter.\n\n"
            "Konsekvenser för barn\n\nVi ser inga effekter för dem.",
            {"economic": "Kommunen får högre utgifter.", "children": "Vi ser inga effekter för dem."},
            "",
        ),
        (
            "De ekonomiska konsekvenserna är underskattade.\n\nKonsekvenser för företag\n\nFler blanketter.",
            {"economic": "De ekonomiska konsekvenserna är underskattade."},
            "Konsekvenser\n\nKonsekvenser för företag\n\nFler blanketter.",
        ),
        ("", {}, ""),
    ],
)
def test_consequence_text_goes_to_the_question_it_names(text, answers, general):
    from remiss.services.document_reading import consequence_answers

    assert consequence_answers(text, ["economic", "children"]) == (answers, general)


def test_the_documents_text_is_escaped_on_the_screen(client_for, staff, remiss, org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    recipient = f.RecipientFactory(remiss=remiss, organisation=org)
    f.ResponseFactory(recipient=recipient, status=ResponseStatus.NOT_STARTED)
    text = "4.1 Ett nationellt register\n\nKommunen tillstyrker förslaget. <script>alert(1)</script> <b>fet</b>\n"
    client = client_for(staff)
    client.post(
        reverse("ministry:document_register", args=[remiss.pk]),
        {
            "recipient": recipient.pk,
            "new_sender_kind": "organisation",
            "received_on": timezone.localdate().isoformat(),
            "file": SimpleUploadedFile("svar.txt", text.encode()),
        },
    )
    html = client.get(review_url(ReceivedDocument.objects.get())).content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>fet</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;fet&lt;/b&gt;" in html
