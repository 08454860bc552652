"""Ministry staff: create, prepare, publish and follow a remiss ."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent, OrganisationKind
from remiss.models import (
    Proposal,
    PublicAnswer,
    PublicAnswerStatus,
    Publication,
    ReceivedDocument,
    Recipient,
    Remiss,
    RemissStatus,
    Response,
    ResponseStatus,
    Section,
    Theme,
    ThemeAnalysis,
)
from tests import factories as f
from tests.factories import remiss_form_data as form_data

PDF = f.tiny_pdf()


@pytest.fixture
def remiss(ministry):
    return f.RemissFactory(ministry=ministry, status=RemissStatus.DRAFT)


@pytest.fixture
def ready(remiss):
    """A complete draft: one section with two proposals and two recipients."""
    section = f.SectionFactory(remiss=remiss, number="7.1.1", title="Styrning", position=0)
    f.ProposalFactory(section=section, text="Första förslaget.", position=0)
    f.ProposalFactory(section=section, text="Andra förslaget.", position=1)
    for name in ("Danderyds kommun", "Region Uppsala"):
        f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name=name))
    return remiss


# --- permission matrix ---------------------------------------------------------------------------


# (method, URL name, which object the URL needs besides the remiss)
PER_REMISS = [
    ("GET", "ministry:detail", None),
    ("GET", "ministry:edit", None),
    ("POST", "ministry:publish", None),
    ("GET", "ministry:documents", None),
    ("GET", "ministry:document_download", "doc_pk"),
    ("POST", "ministry:document_delete", "doc_pk"),
    ("GET", "ministry:structure", None),
    ("POST", "ministry:structure_paste", None),
    ("POST", "ministry:structure_import", None),
    ("POST", "ministry:section_add", None),
    ("GET", "ministry:section_edit", "section_pk"),
    ("POST", "ministry:section_delete", "section_pk"),
    ("POST", "ministry:section_move", "section_pk"),
    ("POST", "ministry:proposal_add", None),
    ("GET", "ministry:proposal_edit", "proposal_pk"),
    ("POST", "ministry:proposal_delete", "proposal_pk"),
    ("POST", "ministry:proposal_move", "proposal_pk"),
    ("GET", "ministry:recipients", None),
    ("POST", "ministry:recipients_add", None),
    ("POST", "ministry:recipient_remove", "recipient_pk"),
    ("GET", "ministry:recipient_extend", "recipient_pk"),
    ("GET", "ministry:organisation_edit", "recipient_pk"),
    ("POST", "ministry:organisation_edit", "recipient_pk"),
    ("GET", "ministry:organisation_add", None),
    ("POST", "ministry:organisation_add", None),
    ("GET", "ministry:publish", None),
    ("GET", "ministry:progress", None),
    ("GET", "ministry:progress_csv", None),
    ("GET", "ministry:answer_pdf", "submission_pk"),
    ("GET", "ministry:publication_copy", "submission_pk"),
    ("GET", "ministry:publication", "submission_pk"),
    ("POST", "ministry:publication", "submission_pk"),
    ("POST", "ministry:publication_reset", "submission_pk"),
    ("GET", "ministry:document_register", None),
    ("POST", "ministry:document_register", None),
    ("GET", "ministry:document_review", "received_pk"),
    ("POST", "ministry:document_review", "received_pk"),
    ("GET", "ministry:document_original", "received_pk"),
    ("POST", "ministry:document_discard", "received_pk"),
    ("POST", "ministry:document_move", "received_pk"),
    ("GET", "ministry:public_answers", None),
    ("POST", "ministry:public_answer_screen", "public_answer"),
    ("GET", "ministry:themes", None),
    ("POST", "ministry:themes_run", None),
    ("POST", "ministry:themes_special", None),
    ("GET", "ministry:themes_publish", None),
    ("POST", "ministry:themes_publish", None),
    ("GET", "ministry:theme_proposal", "proposal_pk"),
    ("POST", "ministry:theme_edit", "theme"),
]
WITHOUT_REMISS = [("GET", "ministry:list"), ("GET", "ministry:create"), ("POST", "ministry:create")]


def matrix_objects(remiss) -> dict:
    """One of everything a ministry URL can point to, in ``remiss``."""
    section = f.SectionFactory(remiss=remiss)
    document = remiss.documents.create(title="Betänkandet", original_name="b.pdf", size=len(PDF))
    document.file.save("b.pdf", SimpleUploadedFile("b.pdf", PDF))
    submission = f.make_submission(f.RecipientFactory(remiss=remiss), pdf=True)
    redacted = Publication.objects.create(submission=submission, redacted_name="maskerad.pdf")
    redacted.redacted_pdf.save("m.pdf", SimpleUploadedFile("m.pdf", PDF))
    received = ReceivedDocument(
        response=submission.response,
        original_name="svar.txt",
        size=15,
        sha256="0" * 64,
        kind="txt",
        text="Vi tillstyrker.",
        received_on=timezone.localdate(),
    )
    received.file.save("svar.txt", SimpleUploadedFile("svar.txt", b"Vi tillstyrker."))
    proposal_pk = f.ProposalFactory(section=section).pk
    public_answer = PublicAnswer.objects.create(
        remiss=remiss,
        sender_kind="person",
        name="Karin Privat",
        email="karin@example.se",
        general_comments="Jag tillstyrker.",
        status=PublicAnswerStatus.PENDING,
    )
    return {
        "public_answer": public_answer.pk,
        "received_pk": received.pk,
        "doc_pk": document.pk,
        "section_pk": section.pk,
        "proposal_pk": proposal_pk,
        "recipient_pk": f.RecipientFactory(remiss=remiss).pk,
        "submission_pk": submission.pk,
        "theme": Theme.objects.create(remiss=remiss, proposal_id=proposal_pk, label="Finansieringen").pk,
    }


def matrix_url(remiss, objects: dict, name: str, needs: str | None) -> str:
    if needs == "theme":  # the operation is part of the URL
        return reverse(name, kwargs={"pk": remiss.pk, "theme_pk": objects[needs], "action": "byt-namn"})
    if needs == "public_answer":  # the screening decision is part of the URL
        return reverse(name, kwargs={"pk": remiss.pk, "answer_pk": objects[needs], "decision": "avvisa"})
    return reverse(name, kwargs={"pk": remiss.pk, **({needs: objects[needs]} if needs else {})})


def ministry_urls(remiss):
    objects = matrix_objects(remiss)
    return [(method, matrix_url(remiss, objects, name, needs)) for method, name, needs in PER_REMISS]


def test_every_ministry_view_is_in_the_matrix():
    from remiss.urls import ministry_patterns

    names = {p.name for p in ministry_patterns} - {"home", "list", "create"}
    assert len(names) == 42 and names == {name.split(":")[1] for _m, name, _n in PER_REMISS}


@pytest.mark.django_db
def test_other_ministry_respondent_and_anonymous_are_kept_out(
    remiss, client_for, staff, other_staff, drafter, anonymous
):
    urls = ministry_urls(remiss)
    assert len(urls) == 49
    other, respondent = client_for(other_staff), client_for(drafter)
    for method, url in urls:
        call = "post" if method == "POST" else "get"
        assert getattr(other, call)(url).status_code == 404, url
        assert getattr(respondent, call)(url).status_code == 404, url
        response = getattr(anonymous, call)(url)
        assert response.status_code == 302 and response["Location"].startswith("/konto/logga-in/"), url
    # Nothing was changed by the attempts.
    assert remiss.sections.count() == 1 and remiss.proposals.count() == 1 and remiss.recipients.count() == 2
    assert remiss.documents.count() == 1
    assert Publication.objects.get().redacted_pdf  # the reset was refused
    remiss.refresh_from_db()
    assert remiss.status == RemissStatus.DRAFT
    assert AuditEvent.objects.filter(action="access.denied").count() >= 98
    assert ReceivedDocument.objects.get().submission is None
    assert PublicAnswer.objects.get().status == PublicAnswerStatus.PENDING  # not screened by strangers
    assert Theme.objects.get().label == "Finansieringen" and not ThemeAnalysis.objects.exists()


@pytest.mark.django_db
def test_owner_staff_reaches_every_view(remiss, client_for, staff):
    urls = sorted(ministry_urls(remiss), key=lambda u: ("ta-bort" in u[1], "avsnitt" in u[1]))  # deletions last
    client = client_for(staff)
    seen = {}
    for method, url in urls:
        response = client.post(url) if method == "POST" else client.get(url)
        seen[(method, url)] = response.status_code
    # An empty POST: a form page shows its errors (400, or 200 where the page re-renders a form that
    # lists what is missing), an action redirects back; every GET is a page.
    empty_form_400 = {
        "publicera/",
        "forslag/klistra-in/",
        "forslag/importera/",
        "forslag/nytt/",
        "avsnitt/nytt/",
        "byt-namn/",
    }
    empty_form_200 = {"/organisation/", "ny-organisation/", "publicering/", "dokumentsvar/"}
    expected = {}
    for method, url in seen:
        if method == "GET":
            expected[(method, url)] = 200
        elif any(url.endswith(end) for end in empty_form_400):
            expected[(method, url)] = 400
        elif any(url.endswith(end) for end in empty_form_200) or url.split("/")[-3] == "dokumentsvar":
            expected[(method, url)] = 200
        else:
            expected[(method, url)] = 302
    assert seen == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "name", "needs"), PER_REMISS + [(m, n, None) for m, n in WITHOUT_REMISS])
def test_member_of_the_ministry_without_staff_role_gets_403(remiss, client_for, ministry, method, name, needs):
    objects = matrix_objects(remiss)
    colleague = f.MembershipFactory(organisation=ministry).user  # a member, but not ministry staff
    without_remiss = name in {n for _m, n in WITHOUT_REMISS}
    url = reverse(name) if without_remiss else matrix_url(remiss, objects, name, needs)
    client = client_for(colleague)
    response = client.post(url, form_data()) if method == "POST" else client.get(url)
    assert response.status_code == 403, (method, url, response.status_code)
    # Nothing was changed by the attempt.
    assert remiss.sections.count() == 1 and remiss.recipients.count() == 2 and remiss.documents.count() == 1
    assert Remiss.objects.count() == 1 and Publication.objects.get().redacted_pdf
    assert PublicAnswer.objects.get().status == PublicAnswerStatus.PENDING
    assert AuditEvent.objects.filter(action="access.denied", actor=colleague).exists()


@pytest.mark.django_db
def test_list_and_create_pages(client_for, staff, other_staff, drafter, anonymous, remiss, ministry):
    f.RemissFactory(ministry=f.MinistryFactory(), title="Någon annans remiss")
    page = client_for(staff).get(reverse("ministry:list"))
    assert page.status_code == 200
    assert remiss.title in page.content.decode() and "Någon annans remiss" not in page.content.decode()
    assert remiss.title not in client_for(other_staff).get(reverse("ministry:list")).content.decode()
    for url in (reverse("ministry:list"), reverse("ministry:create")):
        assert client_for(drafter).get(url).status_code == 403
        assert client_for(drafter).post(url, form_data()).status_code == 403  # the role is checked first
        assert anonymous.get(url).status_code == 302
    assert client_for(staff).get(reverse("ministry:create")).status_code == 200
    assert not Remiss.objects.filter(reference="Fi2026/01000").exists()


# --- create and edit ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_creates_a_draft_with_a_document(client_for, staff, ministry):
    data = form_data(document_title="Betänkandet", document=SimpleUploadedFile("sou.pdf", PDF))
    response = client_for(staff).post(reverse("ministry:create"), data)
    remiss = Remiss.objects.get(reference="Fi2026/01000")
    assert response.status_code == 302 and response["Location"] == reverse("ministry:detail", args=[remiss.pk])
    assert remiss.ministry == ministry and remiss.status == RemissStatus.DRAFT and remiss.created_by == staff
    assert remiss.reports == [{"id": "SOU 2026:10", "title": "Ett bättre remissförfarande", "kind": "betänkande"}]
    assert remiss.consequence_questions == ["economic", "children"]
    document = remiss.documents.get()
    assert document.title == "Betänkandet" and document.original_name == "sou.pdf"
    assert document.file.name.startswith(f"documents/{remiss.pk}/") and "sou" not in document.file.name
    assert AuditEvent.objects.filter(action="remiss.created", object_id=str(remiss.pk)).exists()


@pytest.mark.django_db
def test_duplicate_reference_gives_a_swedish_error(client_for, staff, remiss):
    response = client_for(staff).post(reverse("ministry:create"), form_data(reference=remiss.reference))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Diarienumret används redan av en annan remiss från departementet." in html
    assert 'value="Ett bättre remissförfarande (SOU 2026:10)"' in html  # nothing typed is lost
    assert Remiss.objects.filter(reference=remiss.reference).count() == 1


@pytest.mark.django_db
def test_same_reference_in_another_ministry_is_fine(client_for, staff, other_staff, remiss):
    response = client_for(other_staff).post(reverse("ministry:create"), form_data(reference=remiss.reference))
    assert response.status_code == 302
    assert Remiss.objects.filter(reference=remiss.reference).count() == 2


@pytest.mark.django_db
def test_past_deadline_is_refused(client_for, staff):
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = client_for(staff).post(reverse("ministry:create"), form_data(deadline=yesterday))
    assert response.status_code == 200
    assert "Sista svarsdag måste ligga i framtiden." in response.content.decode()
    assert not Remiss.objects.exists()


@pytest.mark.django_db
def test_non_pdf_renamed_pdf_keeps_the_rest_of_the_form(client_for, staff):
    fake = SimpleUploadedFile("betankande.pdf", b"PK\x03\x04 this is really a zip file")
    response = client_for(staff).post(reverse("ministry:create"), form_data(document=fake, missive="Mitt missiv."))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Filen är inte en riktig PDF" in html
    assert 'value="Fi2026/01000"' in html and "Mitt missiv." in html
    assert not Remiss.objects.exists()


@pytest.mark.django_db
def test_oversized_document_is_refused_with_the_limit(client_for, staff, remiss, settings):
    settings.REMISS_MAX_UPLOAD_BYTES = 100
    client = client_for(staff)
    page = client.get(reverse("ministry:documents", args=[remiss.pk])).content.decode()
    assert "100\xa0byte" in page or "100 byte" in page  # the limit is stated on the page
    big = SimpleUploadedFile("stor.pdf", PDF + b"x" * 200)
    response = client.post(reverse("ministry:documents", args=[remiss.pk]), {"title": "Bilaga 1", "file": big})
    html = response.content.decode()
    assert response.status_code == 200 and "Största tillåtna storlek är 100" in html
    assert 'value="Bilaga 1"' in html
    assert remiss.documents.count() == 0


def _truncated_pdf() -> bytes:
    data = f.tiny_pdf(pages=3)
    return data[: len(data) // 2]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<!DOCTYPE html><html><body><p>%PDF-1.7</p></body></html>", "Filen är inte en riktig PDF"),
        (b"%PDF-1.4 garbage", "PDF-filen är ofullständig"),
        (b"%PDF-1.4 garbage\n%%EOF\n", "Filen går inte att läsa som PDF"),
        (_truncated_pdf(), "PDF-filen är ofullständig"),
        (f.tiny_pdf(password="hemligt"), "PDF-filen är krypterad eller lösenordsskyddad"),
    ],
    ids=["html-renamed", "garbage", "garbage-with-eof", "truncated", "encrypted"],
)
def test_upload_must_be_a_real_pdf(client_for, staff, remiss, content, message):
    client = client_for(staff)
    upload = SimpleUploadedFile("betankande.pdf", content, content_type="application/pdf")
    response = client.post(reverse("ministry:documents", args=[remiss.pk]), {"title": "Bilaga 1", "file": upload})
    html = response.content.decode()
    assert response.status_code == 200 and message in html and 'value="Bilaga 1"' in html
    assert remiss.documents.count() == 0
    ok = SimpleUploadedFile("betankande.pdf", f.tiny_pdf(pages=2), content_type="application/pdf")
    assert client.post(reverse("ministry:documents", args=[remiss.pk]), {"title": "B", "file": ok}).status_code == 302
    assert remiss.documents.count() == 1


@pytest.mark.django_db
def test_upload_download_and_delete_document(client_for, staff, remiss):
    client = client_for(staff)
    client.post(
        reverse("ministry:documents", args=[remiss.pk]), {"title": "Missiv", "file": SimpleUploadedFile("m.pdf", PDF)}
    )
    document = remiss.documents.get()
    download = client.get(reverse("ministry:document_download", args=[remiss.pk, document.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    client.post(reverse("ministry:document_delete", args=[remiss.pk, document.pk]))
    assert remiss.documents.count() == 0


@pytest.mark.django_db
def test_edit_keeps_past_deadline_rules(client_for, staff, remiss):
    client = client_for(staff)
    url = reverse("ministry:edit", args=[remiss.pk])
    assert remiss.title in client.get(url).content.decode()
    response = client.post(url, form_data(reference=remiss.reference, title="Ny rubrik", deadline_time="12:00"))
    assert response.status_code == 302
    remiss.refresh_from_db()
    assert remiss.title == "Ny rubrik" and remiss.deadline_time == dt.time(12, 0)
    past = client.post(url, form_data(reference=remiss.reference, deadline="2020-01-01"))
    assert "Sista svarsdag måste ligga i framtiden." in past.content.decode()


# --- sections and proposals ------------------------------------------------------------------------


@pytest.mark.django_db
def test_add_edit_move_and_delete_sections_and_proposals(client_for, staff, remiss):
    client = client_for(staff)
    pk = remiss.pk
    client.post(reverse("ministry:section_add", args=[pk]), {"section-number": "7.1", "section-title": "Första"})
    client.post(reverse("ministry:section_add", args=[pk]), {"section-number": "7.2", "section-title": "Andra"})
    first, second = remiss.sections.all()
    assert (first.title, second.title) == ("Första", "Andra")
    for text in ("A", "B", "C"):
        r = client.post(
            reverse("ministry:proposal_add", args=[pk]),
            {"proposal-section": first.pk, "proposal-kind": "förslag", "proposal-text": text},
        )
        assert r.status_code == 302
    a, b, c = first.proposals.all()
    assert [p.label for p in (a, b, c)] == ["7.1 (1)", "7.1 (2)", "7.1 (3)"]
    client.post(reverse("ministry:proposal_move", args=[pk, c.pk]), {"direction": "up"})
    assert [p.text for p in first.proposals.all()] == ["A", "C", "B"]
    client.post(reverse("ministry:section_move", args=[pk, second.pk]), {"direction": "up"})
    assert [s.title for s in remiss.sections.all()] == ["Andra", "Första"]
    client.post(
        reverse("ministry:proposal_edit", args=[pk, b.pk]),
        {"section": second.pk, "kind": "bedömning", "text": "B ändrad"},
    )
    b.refresh_from_db()
    assert (b.section, b.kind, b.text, b.position) == (second, "bedömning", "B ändrad", 0)
    client.post(reverse("ministry:section_edit", args=[pk, first.pk]), {"number": "7.1.1", "title": "Första (ny)"})
    first.refresh_from_db()
    assert first.number == "7.1.1"
    client.post(reverse("ministry:proposal_delete", args=[pk, a.pk]))
    assert not Proposal.objects.filter(pk=a.pk).exists()
    client.post(reverse("ministry:section_delete", args=[pk, first.pk]))
    assert not Section.objects.filter(pk=first.pk).exists() and remiss.proposals.count() == 1
    page = client.get(reverse("ministry:structure", args=[pk])).content.decode()
    assert "B ändrad" in page and "Flytta" not in page.split("B ändrad")[1].split("</li>")[0]


@pytest.mark.django_db
def test_empty_proposal_text_shows_the_error_on_the_page(client_for, staff, remiss):
    section = f.SectionFactory(remiss=remiss)
    response = client_for(staff).post(
        reverse("ministry:proposal_add", args=[remiss.pk]), {"proposal-section": section.pk, "proposal-kind": "förslag"}
    )
    assert response.status_code == 400 and "Formuläret innehåller fel" in response.content.decode()


@pytest.mark.django_db
def test_section_of_another_remiss_cannot_be_used(client_for, staff, remiss, ministry):
    foreign = f.SectionFactory(remiss=f.RemissFactory(ministry=ministry))
    client = client_for(staff)
    assert client.post(reverse("ministry:section_delete", args=[remiss.pk, foreign.pk])).status_code == 404
    response = client.post(
        reverse("ministry:proposal_add", args=[remiss.pk]),
        {"proposal-section": foreign.pk, "proposal-kind": "förslag", "proposal-text": "x"},
    )
    assert response.status_code == 400 and not foreign.proposals.exists()


@pytest.mark.django_db
def test_paste_numbered_text(client_for, staff, remiss):
    text = """7.1.1 En samlad styrning
Regeringen ska stärka sin kompetens.
Rekommendation: Kommuner bör analysera sina mål.

7.1.2 Tillitsbaserad styrning
- Bedömning: Lärosätena bör samverka mer.
"""
    response = client_for(staff).post(reverse("ministry:structure_paste", args=[remiss.pk]), {"paste-text": text})
    assert response.status_code == 302
    sections = list(remiss.sections.all())
    assert [(s.number, s.title) for s in sections] == [
        ("7.1.1", "En samlad styrning"),
        ("7.1.2", "Tillitsbaserad styrning"),
    ]
    assert [(p.kind, p.text) for p in remiss.proposals.all()] == [
        ("förslag", "Regeringen ska stärka sin kompetens."),
        ("rekommendation", "Kommuner bör analysera sina mål."),
        ("bedömning", "Lärosätena bör samverka mer."),
    ]


@pytest.mark.django_db
def test_paste_without_a_section_line_names_the_line(client_for, staff, remiss):
    response = client_for(staff).post(
        reverse("ministry:structure_paste", args=[remiss.pk]), {"paste-text": "Bara en rad utan nummer"}
    )
    assert response.status_code == 400
    assert "rad 1: texten måste börja med ett numrerat avsnitt" in response.content.decode()
    assert "Bara en rad utan nummer" in response.content.decode()


# --- remisslista ---------------------------------------------------------------------------------------


@pytest.fixture
def register(db):
    for i, name in enumerate(("Danderyds kommun", "Täby kommun", "Solna kommun")):
        f.OrganisationFactory(name=name, code=f"01{60 + i}", county="Stockholms län")
    f.OrganisationFactory(name="Uppsala kommun", code="0380", county="Uppsala län")
    f.OrganisationFactory(name="Region Stockholm", code="01", kind=OrganisationKind.REGION, county="Stockholms län")
    f.OrganisationFactory(name="Statskontoret", code="", kind=OrganisationKind.AGENCY, county="")


@pytest.mark.django_db
def test_search_filter_and_add_all_matching(client_for, staff, remiss, register):
    client = client_for(staff)
    url = reverse("ministry:recipients", args=[remiss.pk])
    page = client.get(url, {"kind": "kommun", "county": "Stockholms län"}).content.decode()
    assert "Täby kommun" in page and "Uppsala kommun" not in page and "Region Stockholm" not in page
    assert "Lägg till alla 3 som matchar" in page
    response = client.post(
        reverse("ministry:recipients_add", args=[remiss.pk]),
        {"q": "", "kind": "kommun", "county": "Stockholms län", "all": "1"},
    )
    assert response.status_code == 302
    names = sorted(remiss.recipients.values_list("organisation__name", flat=True))
    assert names == ["Danderyds kommun", "Solna kommun", "Täby kommun"]
    # Searching by name and adding one chosen organisation.
    page = client.get(url, {"q": "statskont"}).content.decode()
    assert "Statskontoret" in page and "Täby kommun" not in page.split("Lägg till från registret")[1]
    statskontoret = remiss.recipients.model.organisation.field.related_model.objects.get(name="Statskontoret")
    client.post(reverse("ministry:recipients_add", args=[remiss.pk]), {"organisations": [statskontoret.pk]})
    assert remiss.recipients.count() == 4
    # Adding all without any filter is refused (it would add the whole register).
    client.post(reverse("ministry:recipients_add", args=[remiss.pk]), {"all": "1"})
    assert remiss.recipients.count() == 4


@pytest.mark.django_db
def test_remove_recipient_and_extend_deadline(client_for, staff, remiss):
    recipient = f.RecipientFactory(remiss=remiss)
    client = client_for(staff)
    url = reverse("ministry:recipient_extend", args=[remiss.pk, recipient.pk])
    later = remiss.deadline + dt.timedelta(days=14)
    missing_reason = client.post(url, {"extended_deadline": later.isoformat(), "reason": ""})
    assert "Ange ett skäl för förlängningen." in missing_reason.content.decode()
    too_early = client.post(url, {"extended_deadline": remiss.deadline.isoformat(), "reason": "Sent sammanträde"})
    assert "måste vara senare än remissens sista svarsdag" in too_early.content.decode()
    client.post(url, {"extended_deadline": later.isoformat(), "reason": "Kommunfullmäktige sammanträder sent"})
    recipient.refresh_from_db()
    assert recipient.extended_deadline == later and recipient.extension_reason == "Kommunfullmäktige sammanträder sent"
    assert AuditEvent.objects.filter(action="remiss.deadline_extended", object_id=str(recipient.pk)).exists()
    client.post(reverse("ministry:recipient_remove", args=[remiss.pk, recipient.pk]))
    assert not Recipient.objects.filter(pk=recipient.pk).exists()


# --- publish ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_publish_explains_what_is_missing(client_for, staff, remiss):
    response = client_for(staff).post(reverse("ministry:publish", args=[remiss.pk]), {"confirm": "1"}, follow=True)
    html = response.content.decode()
    assert "Lägg till minst ett förslag." in html and "Lägg till minst en remissinstans i remisslistan." in html
    remiss.refresh_from_db()
    assert remiss.status == RemissStatus.DRAFT


@pytest.mark.django_db
def test_publish_refuses_a_deadline_that_has_passed(staff, ready):
    from remiss.services.remisser import RemissIncomplete, publish_remiss

    Remiss.objects.filter(pk=ready.pk).update(deadline=timezone.localdate() - dt.timedelta(days=1))
    ready.refresh_from_db()
    with pytest.raises(RemissIncomplete) as error:
        publish_remiss(remiss=ready, by=staff)
    assert "Sista svarsdag har redan passerat" in str(error.value)


@pytest.mark.django_db(transaction=True)
def test_publish_creates_responses_and_invites_every_member(client_for, staff, ready, eager):
    danderyd = ready.recipients.get(organisation__name="Danderyds kommun").organisation
    f.MembershipFactory(organisation=danderyd, user=f.UserFactory(email="anna@danderyd.se"), is_drafter=True)
    f.MembershipFactory(organisation=danderyd, user=f.UserFactory(email="bo@danderyd.se"), is_approver=True)
    danderyd.registry_email = "registrator@danderyd.se"
    danderyd.save()
    response = client_for(staff).post(reverse("ministry:publish", args=[ready.pk]), {"confirm": "1"})
    assert response.status_code == 302
    ready.refresh_from_db()
    assert ready.status == RemissStatus.PUBLISHED and ready.published_at is not None
    assert Response.objects.filter(recipient__remiss=ready, status=ResponseStatus.NOT_STARTED).count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@danderyd.se", "bo@danderyd.se", "registrator@danderyd.se"]
    assert all(len(m.to) == 1 and ready.reference in m.subject for m in mail.outbox)
    assert f"/remisser/{ready.pk}/" in mail.outbox[0].body
    assert not Recipient.objects.filter(remiss=ready, invited_at__isnull=True).exists()
    # Publishing twice is refused; invitations are not sent again.
    client_for(staff).post(reverse("ministry:publish", args=[ready.pk]), {"confirm": "1"})
    from remiss.tasks import send_invitations

    send_invitations(ready.pk)
    assert len(mail.outbox) == 3


@pytest.mark.django_db(transaction=True)
def test_one_failing_address_does_not_stop_the_rest(ready, staff, eager, monkeypatch):
    from django.core.mail import EmailMessage

    from remiss.services.remisser import publish_remiss

    for name, email in (("Danderyds kommun", "trasig@danderyd.se"), ("Region Uppsala", "ok@regionuppsala.se")):
        org = ready.recipients.get(organisation__name=name).organisation
        f.MembershipFactory(organisation=org, user=f.UserFactory(email=email))
    original = EmailMessage.send

    def send(self, *args, **kwargs):
        if self.to == ["trasig@danderyd.se"]:
            raise OSError("mailbox unavailable")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", send)
    publish_remiss(remiss=ready, by=staff)
    assert [m.to for m in mail.outbox] == [["ok@regionuppsala.se"]]
    assert Recipient.objects.filter(remiss=ready, invited_at__isnull=False).count() == 2


@pytest.mark.django_db(transaction=True)
def test_changes_after_publishing_are_logged_and_notified(client_for, staff, ready, eager):
    org = ready.recipients.first().organisation
    f.MembershipFactory(organisation=org, user=f.UserFactory(email="handlaggare@kommun.se"))
    client = client_for(staff)
    client.post(reverse("ministry:publish", args=[ready.pk]), {"confirm": "1"})
    mail.outbox.clear()
    section = ready.sections.get()
    client.post(
        reverse("ministry:proposal_add", args=[ready.pk]),
        {"proposal-section": section.pk, "proposal-kind": "förslag", "proposal-text": "Ett tillägg."},
    )
    event = AuditEvent.objects.get(action="remiss.proposal_added")
    assert event.actor == staff and event.data["remiss"] == ready.pk
    assert [m.to for m in mail.outbox] == [["handlaggare@kommun.se"]]
    assert "Ändring i remissen" in mail.outbox[0].subject and "7.1.1 (3)" in mail.outbox[0].body
    # A recipient added after publishing gets a response and an invitation.
    newcomer = f.OrganisationFactory(name="Vaxholms kommun")
    f.MembershipFactory(organisation=newcomer, user=f.UserFactory(email="ny@vaxholm.se"))
    client.post(reverse("ministry:recipients_add", args=[ready.pk]), {"q": "Vaxholm", "all": "1"})
    assert Response.objects.filter(recipient__organisation=newcomer, recipient__remiss=ready).exists()
    assert ["ny@vaxholm.se"] in [m.to for m in mail.outbox]


@pytest.mark.django_db
def test_answered_proposal_cannot_be_deleted_after_publishing(client_for, staff, ready):
    from remiss.services.remisser import publish_remiss

    publish_remiss(remiss=ready, by=staff)
    proposal = ready.proposals.first()
    response = Response.objects.filter(recipient__remiss=ready).first()
    f.AnswerFactory(response=response, proposal=proposal)
    result = client_for(staff).post(reverse("ministry:proposal_delete", args=[ready.pk, proposal.pk]), follow=True)
    assert "har redan besvarats" in result.content.decode()
    assert Proposal.objects.filter(pk=proposal.pk).exists()


@pytest.mark.django_db
def test_closed_remiss_cannot_be_changed(client_for, staff, ready):
    Remiss.objects.filter(pk=ready.pk).update(status=RemissStatus.CLOSED)
    result = client_for(staff).post(
        reverse("ministry:section_add", args=[ready.pk]), {"section-number": "9", "section-title": "Sent"}, follow=True
    )
    assert "Remissen är stängd och kan inte längre ändras." in result.content.decode()
    assert ready.sections.count() == 1


# --- beat tasks -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_remisser_close_when_the_deadline_and_every_extension_have_passed(staff, ready):
    from remiss.services.remisser import close_expired_remisser, publish_remiss

    publish_remiss(remiss=ready, by=staff)
    after_deadline = ready.deadline_at + dt.timedelta(minutes=1)
    recipient = ready.recipients.first()
    Recipient.objects.filter(pk=recipient.pk).update(extended_deadline=ready.deadline + dt.timedelta(days=3))
    assert close_expired_remisser(now=after_deadline) == []
    assert close_expired_remisser(now=after_deadline + dt.timedelta(days=3)) == [ready.pk]
    ready.refresh_from_db()
    assert ready.status == RemissStatus.CLOSED and ready.closed_at is not None
    assert AuditEvent.objects.filter(action="remiss.closed", object_id=str(ready.pk)).exists()


@pytest.mark.django_db
def test_reminders_14_and_3_days_before_to_those_who_have_not_answered(staff, ready):
    from remiss.services.remisser import publish_remiss
    from remiss.tasks import send_deadline_reminders

    publish_remiss(remiss=ready, by=staff)
    Recipient.objects.filter(remiss=ready).update(invited_at=timezone.now() - dt.timedelta(days=30))
    done, waiting = ready.recipients.order_by("organisation__name")
    Response.objects.filter(recipient=done).update(status=ResponseStatus.SUBMITTED)
    f.MembershipFactory(organisation=waiting.organisation, user=f.UserFactory(email="v@region.se"))
    f.MembershipFactory(organisation=done.organisation, user=f.UserFactory(email="d@kommun.se"))
    for days_left, expected in ((20, 0), (14, 1), (13, 0), (3, 1), (2, 0)):
        today = ready.deadline - dt.timedelta(days=days_left)
        assert send_deadline_reminders(today.isoformat()) == expected, days_left
    assert [m.to for m in mail.outbox] == [["v@region.se"], ["v@region.se"]]
    assert "Påminnelse" in mail.outbox[0].subject


# --- progress ---------------------------------------------------------------------------------------------


def snapshot(proposals, stances):
    return {
        "answers": [
            {"proposal_id": p.pk, "stance": s, "comment": "", "label": p.label}
            for p, s in zip(proposals, stances, strict=True)
        ]
    }


@pytest.fixture
def followed(ready, staff):
    """A published remiss with one draft, one submitted (late) and one declined response."""
    from remiss.models import Submission
    from remiss.services.remisser import publish_remiss

    f.RecipientFactory(remiss=ready, organisation=f.OrganisationFactory(name="Nacka kommun", code="0182"))
    f.RecipientFactory(
        remiss=ready,
        organisation=f.OrganisationFactory(name="Statskontoret", code="", kind=OrganisationKind.AGENCY, county=""),
    )
    publish_remiss(remiss=ready, by=staff)
    proposals = list(ready.proposals.all())
    responses = {r.recipient.organisation.name: r for r in Response.objects.filter(recipient__remiss=ready)}
    draft = responses["Danderyds kommun"]
    draft.status, draft.summary = ResponseStatus.DRAFT, "HEMLIGT UTKAST"
    draft.save()
    f.AnswerFactory(response=draft, proposal=proposals[0], stance="opposes", comment="HEMLIG KOMMENTAR")
    submitted = responses["Nacka kommun"]
    submitted.status = ResponseStatus.SUBMITTED
    submitted.save()
    old = snapshot(proposals, ["opposes", "opposes"])
    Submission.objects.create(response=submitted, number=1, snapshot=old, submitted_at=timezone.now())
    Submission.objects.create(
        response=submitted,
        number=2,
        snapshot=snapshot(proposals, ["supports", ""]),
        submitted_at=timezone.now(),
        is_late=True,
    )
    declined = responses["Statskontoret"]
    declined.status = ResponseStatus.DECLINED
    declined.save()
    return ready


@pytest.mark.django_db
def test_progress_shows_statuses_counts_and_stances_but_never_drafts(client_for, staff, followed):
    html = client_for(staff).get(reverse("ministry:progress", args=[followed.pk])).content.decode()
    assert "HEMLIG" not in html
    row = lambda name: html.split(name)[1].split("</tr>")[0]  # noqa: E731
    assert "Påbörjat" in row("Danderyds kommun")
    assert "Inskickat för sent" in row("Nacka kommun")
    assert "Avstått" in row("Statskontoret")
    assert "Ej påbörjat" in row("Region Uppsala")
    stances = html.split("Ställningstaganden per förslag")[1]
    first = stances.split("Första förslaget.")[1].split("</tr>")[0]
    # newest snapshot counts: supports 1 (the draft's "opposes" is not counted)
    assert [c.split(">")[-1] for c in first.split("</td>")[:-1]] == ["1", "0", "0", "0", "0"]
    second = stances.split("Andra förslaget.")[1].split("</tr>")[0]
    assert [c.split(">")[-1] for c in second.split("</td>")[:-1]] == ["0", "0", "0", "0", "1"]


@pytest.mark.django_db
def test_progress_filters_and_csv(client_for, staff, followed):
    client = client_for(staff)
    html = client.get(reverse("ministry:progress", args=[followed.pk]), {"kind": "myndighet"}).content.decode()
    table = html.split("Remissinstansernas status")[1].split("</table>")[0]
    assert "Statskontoret" in table and "Nacka kommun" not in table
    csv = client.get(reverse("ministry:progress_csv", args=[followed.pk]))
    assert csv["Content-Type"].startswith("text/csv") and "attachment" in csv["Content-Disposition"]
    text = csv.content.decode("utf-8-sig")
    assert "Nacka kommun;Kommun;Stockholms län;Inskickat för sent" in text and "HEMLIG" not in text
    per_proposal = client.get(reverse("ministry:progress_csv", args=[followed.pk]), {"del": "forslag"})
    lines = per_proposal.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Avsnitt;Förslag;Typ;Text;Tillstyrker") and len(lines) == 3
