"""Answers from anyone ("Lämna synpunkter"): e-mail confirmation through a signed single-use link,
the ministry's screening, GDPR on a private person's name, and "Övriga" in the sammanställning."""

from __future__ import annotations

import re

import pytest
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import AuditEvent, OrganisationKind
from remiss.compilation.data import gather
from remiss.models import PublicAnswer, PublicAnswerStatus, ReceivedDocument, RemissStatus, Submission
from remiss.services import public_answers as services
from tests import documents
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def remiss(ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry, reference="Fi2026/00555")
    section = f.SectionFactory(remiss=remiss, number="5.1", title="Ett register")
    f.ProposalFactory(section=section, text="Ett register ska inrättas.")
    f.ProposalFactory(section=section, text="Registret ska vara öppet.")
    return remiss


def form_url(remiss):
    return reverse("public:answer_form", args=[remiss.pk])


def fields(remiss, **extra):
    first, second = remiss.proposals.all()
    return {
        "sender_kind": "person",
        "name": "Anna Andersson",
        "email": "anna@example.se",
        "general_comments": "Bra förslag i stort.",
        f"stance_{first.pk}": "supports",
        f"comment_{first.pk}": "Det behövs.",
        f"stance_{second.pk}": "opposes",
        **extra,
    }


def link_from_mail() -> str:
    assert len(mail.outbox) == 1
    return re.search(r"https?://\S+/remisser/synpunkter/bekrafta/(\S+)/", mail.outbox[0].body).group(1)


def submit(client, remiss, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(form_url(remiss), fields(remiss, **extra))


def confirmed(client, remiss, capture, **extra) -> PublicAnswer:
    submit(client, remiss, capture, **extra)
    token = link_from_mail()
    assert client.post(reverse("public:answer_confirm", args=[token])).status_code == 200
    return PublicAnswer.objects.latest("pk")


def test_an_answer_counts_only_after_confirmation_and_screening(
    client, client_for, staff, remiss, django_capture_on_commit_callbacks
):
    response = submit(client, remiss, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"].endswith("/lamna-synpunkter/skickat/")
    answer = PublicAnswer.objects.get()
    assert answer.status == PublicAnswerStatus.UNCONFIRMED
    token = link_from_mail()
    # only the hash of the link is stored
    assert token not in answer.token_hash and len(answer.token_hash) == 64
    # the ministry sees nothing unconfirmed
    assert "Anna" not in client_for(staff).get(reverse("ministry:public_answers", args=[remiss.pk])).content.decode()
    # GET of the link confirms nothing (mail scanners)
    assert client.get(reverse("public:answer_confirm", args=[token])).status_code == 200
    assert PublicAnswer.objects.get().status == PublicAnswerStatus.UNCONFIRMED
    client.post(reverse("public:answer_confirm", args=[token]))
    answer.refresh_from_db()
    assert answer.status == PublicAnswerStatus.PENDING and answer.token_hash == ""
    assert Submission.objects.count() == 0  # not before screening
    staff_client = client_for(staff)
    page = staff_client.get(reverse("ministry:public_answers", args=[remiss.pk])).content.decode()
    assert "Anna Andersson" in page and "Privatperson" in page
    staff_client.post(reverse("ministry:public_answer_screen", args=[remiss.pk, answer.pk, "publicera"]))
    answer.refresh_from_db()
    assert answer.status == PublicAnswerStatus.PUBLISHED
    submission = Submission.objects.get()
    assert submission.snapshot["source"] == "public"
    organisation = submission.response.recipient.organisation
    # no consent: not published under the person's name (GDPR)
    assert "Anna" not in organisation.name and organisation.name.startswith("Privatperson")
    assert organisation.kind == OrganisationKind.OTHER  # listed under "Övriga"
    assert submission.response.recipient.invited_at is None
    assert AuditEvent.objects.filter(action="public_answer.published").exists()
    # in the sammanställning, under its stance
    data = gather(remiss, {})
    section = data["sections"][0]
    stances = {g["stance"]: [e["organisation"] for e in g["entries"]] for g in section["proposals"][0]["groups"]}
    assert organisation.name in stances["supports"]


def test_consent_publishes_the_name_and_an_organisation_is_named(
    client, client_for, staff, remiss, django_capture_on_commit_callbacks
):
    answer = confirmed(client, remiss, django_capture_on_commit_callbacks, publish_name="on")
    services.publish_public_answer(answer=answer, by=staff)
    assert Submission.objects.get().response.recipient.organisation.name == "Anna Andersson"


def test_rejected_answers_are_not_published(client, client_for, staff, remiss, django_capture_on_commit_callbacks):
    answer = confirmed(client, remiss, django_capture_on_commit_callbacks, sender_kind="organisation", name="Facket")
    client_for(staff).post(reverse("ministry:public_answer_screen", args=[remiss.pk, answer.pk, "avvisa"]))
    answer.refresh_from_db()
    assert answer.status == PublicAnswerStatus.REJECTED and Submission.objects.count() == 0
    assert AuditEvent.objects.filter(action="public_answer.rejected").exists()
    # screened once only
    response = client_for(staff).post(
        reverse("ministry:public_answer_screen", args=[remiss.pk, answer.pk, "publicera"]), follow=True
    )
    assert "Bara bekräftade synpunkter" in response.content.decode() and Submission.objects.count() == 0


def test_an_uploaded_answer_goes_through_the_reader_and_the_document_review(
    client, client_for, staff, remiss, django_capture_on_commit_callbacks
):
    data = documents.docx_bytes([("heading", "5.1 Ett register"), "Förbundet tillstyrker förslaget."])
    upload = SimpleUploadedFile("synpunkter.docx", data)
    answer = confirmed(
        client, remiss, django_capture_on_commit_callbacks, sender_kind="organisation", name="Facket", file=upload
    )
    assert answer.original_name == "synpunkter.docx"
    response = client_for(staff).post(
        reverse("ministry:public_answer_screen", args=[remiss.pk, answer.pk, "publicera"])
    )
    received = ReceivedDocument.objects.get()
    assert response["Location"].endswith(f"/dokumentsvar/{received.pk}/")
    assert received.response.recipient.organisation.name == "Facket"


# --- bad input ---------------------------------------------------------------------------------------


def test_bad_input_gets_a_swedish_message_and_keeps_what_was_typed(client, remiss, settings):
    page = client.post(form_url(remiss), fields(remiss, email="inte-en-adress")).content.decode()
    assert "Fyll i en giltig e-postadress" in page and "Bra förslag i stort." in page
    page = client.post(
        form_url(remiss), fields(remiss, file=SimpleUploadedFile("svar.exe", b"MZ\x90\x00"))
    ).content.decode()
    assert "Ladda upp en PDF eller ett Word-dokument" in page and "Anna Andersson" in page
    settings.REMISS_MAX_UPLOAD_BYTES = 10
    page = client.post(
        form_url(remiss), fields(remiss, file=SimpleUploadedFile("svar.pdf", documents.pdf_bytes("Hej")))
    ).content.decode()
    assert "Största tillåtna storlek" in page
    settings.REMISS_MAX_UPLOAD_BYTES = 10_000_000
    page = client.post(
        form_url(remiss), fields(remiss, file=SimpleUploadedFile("svar.pdf", b"%PDF-1.4 trasig"))
    ).content.decode()
    assert "Formuläret innehåller fel" in page
    empty = {"sender_kind": "organisation", "name": "X", "email": "x@example.se"}
    assert "Skriv dina synpunkter" in client.post(form_url(remiss), empty).content.decode()
    assert PublicAnswer.objects.count() == 0


def test_a_reused_forged_or_expired_link_is_refused(client, remiss, django_capture_on_commit_callbacks):
    submit(client, remiss, django_capture_on_commit_callbacks)
    token = link_from_mail()
    url = reverse("public:answer_confirm", args=[token])
    client.post(url)
    assert "redan använts" in client.post(url).content.decode()
    assert "ogiltig" in client.post(reverse("public:answer_confirm", args=[token + "x"])).content.decode()
    old = signing.dumps({"a": PublicAnswer.objects.get().pk, "n": "x"}, salt=services.SALT)
    services_age = services.LINK_MAX_AGE
    try:
        services.LINK_MAX_AGE = -1
        assert "gått ut" in client.post(reverse("public:answer_confirm", args=[old])).content.decode()
    finally:
        services.LINK_MAX_AGE = services_age


def test_only_an_open_published_remiss_takes_answers(client, ministry):
    draft = f.RemissFactory(ministry=ministry)
    assert client.get(form_url(draft)).status_code == 404
    closed = f.PublishedRemissFactory(ministry=ministry, status=RemissStatus.CLOSED)
    assert client.get(form_url(closed)).status_code == 404


def test_the_public_page_is_covered_by_the_anonymous_post_budget(client, remiss, settings):
    settings.ANONYMOUS_POST_RATE = "1/10m"
    client.post(form_url(remiss), fields(remiss, email="bad"))
    assert client.post(form_url(remiss), fields(remiss, email="bad")).status_code == 429


# --- who may -----------------------------------------------------------------------------------------


def test_only_the_owning_ministrys_staff_may_screen(
    client, client_for, staff, other_staff, outsider, drafter, anonymous, remiss, django_capture_on_commit_callbacks
):
    answer = confirmed(client, remiss, django_capture_on_commit_callbacks)
    listing = reverse("ministry:public_answers", args=[remiss.pk])
    publish = reverse("ministry:public_answer_screen", args=[remiss.pk, answer.pk, "publicera"])
    assert anonymous.get(listing).status_code == 302
    assert anonymous.post(publish).status_code == 302
    for user in (other_staff, outsider, drafter):
        assert client_for(user).get(listing).status_code == 404
        assert client_for(user).post(publish).status_code == 404
    assert client_for(staff).get(listing).status_code == 200
    answer.refresh_from_db()
    assert answer.status == PublicAnswerStatus.PENDING
    # another remiss's answer is not reachable through this remiss's URL
    other = f.PublishedRemissFactory(ministry=remiss.ministry)
    url = reverse("ministry:public_answer_screen", args=[other.pk, answer.pk, "publicera"])
    assert client_for(staff).post(url).status_code == 404


def test_csv_and_xlsx_mark_documents_and_ovriga(client, staff, remiss, org, django_capture_on_commit_callbacks):
    import csv
    import io

    from openpyxl import load_workbook

    from remiss.compilation.spreadsheet import build_csv, build_xlsx
    from remiss.services import documents as document_answers

    invited = f.RecipientFactory(remiss=remiss, organisation=org)
    f.make_submission(invited)
    data = documents.docx_bytes([("heading", "5.1 Ett register"), "Förbundet tillstyrker förslaget."])
    answer = confirmed(
        client,
        remiss,
        django_capture_on_commit_callbacks,
        sender_kind="organisation",
        name="Facket",
        file=SimpleUploadedFile("synpunkter.docx", data),
    )
    received = services.publish_public_answer(answer=answer, by=staff)
    choices = {int(k): (v["stance"], v["evidence"]) for k, v in received.reading["proposals"].items()}
    document_answers.confirm_document_answer(received=received, by=staff, choices=choices)
    mail.outbox.clear()
    person = confirmed(client, remiss, django_capture_on_commit_callbacks, email="b@example.se")
    services.publish_public_answer(answer=person, by=staff)
    figures = gather(remiss, {})
    rows = list(csv.reader(io.StringIO(build_csv(figures).decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    doc, other = header.index("Inkommit som dokument"), header.index("Övriga (ej på remisslistan)")
    marks = {r[0]: (r[doc], r[other]) for r in rows[1:]}
    assert marks["Facket"] == ("Ja", "Ja")
    assert marks[f"Privatperson (nr {person.pk})"] == ("", "Ja")
    assert marks[org.name] == ("", "")
    sheet = load_workbook(io.BytesIO(build_xlsx(figures)))["Svar"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == header
    assert any(r[0] == "Facket" and (r[doc], r[other]) == ("Ja", "Ja") for r in values)
    assert sheet.auto_filter.ref == f"A1:O{len(values)}" and sheet.freeze_panes == "A2"


def test_the_word_sammanstallning_marks_ovriga(client, staff, remiss, django_capture_on_commit_callbacks):
    import io

    import docx

    from remiss.compilation.word import build_docx

    answer = confirmed(client, remiss, django_capture_on_commit_callbacks, sender_kind="organisation", name="Facket")
    services.publish_public_answer(answer=answer, by=staff)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(build_docx(gather(remiss, {})))).paragraphs)
    assert "Facket (övriga, ej på remisslistan)" in text


def test_a_pdf_that_runs_javascript_when_opened_is_refused_on_the_public_form(client, remiss):
    """The public form checks uploads as every other path does: active content is refused."""
    from tests.test_upload_hardening import open_action_js, pdf_with

    page = client.post(form_url(remiss), fields(remiss, file=SimpleUploadedFile("svar.pdf", pdf_with(open_action_js))))
    html = page.content.decode()
    assert page.status_code == 400 and "Anna Andersson" in html
    assert "PDF-filen innehåller aktivt innehåll (OpenAction)" in html
    assert PublicAnswer.objects.count() == 0


def test_unconfirmed_answers_and_their_files_go_after_two_days(client, remiss, django_capture_on_commit_callbacks):
    import datetime as dt

    import time_machine
    from django.utils import timezone

    from remiss.services.public_answers import delete_unconfirmed

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            form_url(remiss),
            fields(
                remiss,
                file=SimpleUploadedFile(
                    "svar.pdf", documents.pdf_bytes("Mina skäl till att förslaget bör genomföras. " * 20)
                ),
            ),
        )
    answer = PublicAnswer.objects.get()
    stored = answer.file.name
    assert answer.file.storage.exists(stored)
    mail.outbox.clear()
    confirmed(client, remiss, django_capture_on_commit_callbacks, email="bo@example.se")  # confirmed: kept
    with django_capture_on_commit_callbacks(execute=True):
        assert delete_unconfirmed(now=timezone.now() + dt.timedelta(hours=47)) == 0
    with time_machine.travel(timezone.now() + dt.timedelta(hours=49)), django_capture_on_commit_callbacks(execute=True):
        assert delete_unconfirmed() == 1
    assert list(PublicAnswer.objects.values_list("email", flat=True)) == ["bo@example.se"]
    assert not answer.file.storage.exists(stored)


def test_one_address_cannot_be_mailed_again_and_again(client, remiss, django_capture_on_commit_callbacks):
    for _ in range(3):
        assert submit(client, remiss, django_capture_on_commit_callbacks).status_code == 302
    refused = submit(client, remiss, django_capture_on_commit_callbacks, email="ANNA@example.se")
    html = refused.content.decode()
    assert refused.status_code == 400 and "inte är bekräftade" in html and "Bra förslag i stort." in html
    assert PublicAnswer.objects.count() == 3 and len(mail.outbox) == 3


def test_a_form_filled_in_by_a_program_is_not_stored(client, remiss, django_capture_on_commit_callbacks):
    response = submit(client, remiss, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 302 and response["Location"].endswith("/lamna-synpunkter/skickat/")
    assert PublicAnswer.objects.count() == 0 and mail.outbox == []
    page = client.get(form_url(remiss)).content.decode()
    assert 'class="form-trap"' in page and "Lämna det här fältet tomt" in page


def test_a_name_typed_in_the_form_never_makes_an_answer_a_registered_bodys(
    client, client_for, staff, remiss, django_capture_on_commit_callbacks
):
    """Anyone can type "Nacka kommun": the screening page warns, and the published answer belongs to
    "a sender who gives the name", not to the kommun (no code, no kind, nothing mailed to its registry)."""
    nacka = f.OrganisationFactory(
        name="Nacka kommun", kind=OrganisationKind.MUNICIPALITY, code="0182", registry_email="registrator@nacka.se"
    )
    answer = confirmed(
        client, remiss, django_capture_on_commit_callbacks, sender_kind="organisation", name="NACKA KOMMUN"
    )
    page = client_for(staff).get(reverse("ministry:public_answers", args=[remiss.pk])).content.decode()
    assert "Namnet är detsamma som Nacka kommun i registret" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post(reverse("ministry:public_answer_screen", args=[remiss.pk, answer.pk, "publicera"]))
    sender = Submission.objects.get().response.recipient.organisation
    assert sender != nacka and sender.kind == OrganisationKind.OTHER and sender.code == ""
    assert sender.name == f"NACKA KOMMUN (uppgiven avsändare, nr {answer.pk})"
    assert not remiss.recipients.filter(organisation=nacka).exists()
    assert all("registrator@nacka.se" not in m.to for m in mail.outbox)
    # The same typed name from a sender that is not a registered body is reused as it was.
    other = confirmed(client, remiss, django_capture_on_commit_callbacks, sender_kind="organisation", name="Facket")
    assert (
        "Namnet är detsamma som"
        not in client_for(staff)
        .get(reverse("ministry:public_answers", args=[remiss.pk]))
        .content.decode()
        .split("Facket")[1][:300]
    )
    services.publish_public_answer(answer=other, by=staff)
    assert Submission.objects.filter(response__recipient__organisation__name="Facket").exists()


def test_a_private_persons_original_file_is_never_public_without_consent(
    client, client_for, staff, remiss, django_capture_on_commit_callbacks, eager
):
    """The file's name, metadata and text may carry the person's name and address: staff see it, the
    public gets the text as published, marked as having come as a document, and no link to the file."""
    from remiss.services import documents as document_answers

    data = documents.docx_bytes([("heading", "5.1 Ett register"), "Jag, Anna Andersson på Storgatan 1, tillstyrker."])
    answer = confirmed(
        client, remiss, django_capture_on_commit_callbacks, file=SimpleUploadedFile("anna-andersson.docx", data)
    )
    with django_capture_on_commit_callbacks(execute=True):
        received = services.publish_public_answer(answer=answer, by=staff)
        choices = {int(k): (v["stance"], v["evidence"]) for k, v in received.reading["proposals"].items()}
        document_answers.confirm_document_answer(received=received, by=staff, choices=choices)
    submission = Submission.objects.get()
    page = client.get(reverse("public:detail", args=[remiss.pk])).content.decode()
    assert "Inkommit som dokument" in page and "anna-andersson.docx" not in page
    assert client.get(reverse("public:answer_original", args=[remiss.pk, submission.pk])).status_code == 404
    staff_view = client_for(staff).get(reverse("ministry:document_original", args=[remiss.pk, received.pk]))
    assert staff_view.status_code == 200  # the ministry keeps the original (allmän handling)
