"""The demo remisser: SOU 2018:47 published by Finansdepartementet, and one draft. Loading twice is safe."""

import pytest
from django.utils import timezone

from accounts.models import OrganisationKind
from remiss.demo import people, remisser
from remiss.models import Remiss, RemissStatus, Response

pytestmark = pytest.mark.slow  # renders PDFs, loads the demo or starts processes: not in make test-fast


@pytest.mark.django_db
def test_demo_remisser_load_and_reload():
    people.load()
    lines = remisser.load()
    assert any("29 förslag" in line for line in lines)
    sou = Remiss.objects.get(reference="Fi2018/02500/SFÖ")
    assert sou.ministry.name == "Finansdepartementet" and sou.status == RemissStatus.PUBLISHED
    assert sou.proposals.count() == 29 and sou.sections.count() == 14
    assert 35 <= (sou.deadline - timezone.localdate()).days <= 49
    kinds = {k: sou.recipients.filter(organisation__kind=k).count() for k in OrganisationKind.values}
    assert kinds["region"] == 21 and kinds["kommun"] >= 26 + 12 and kinds["myndighet"] > 0
    assert sou.recipients.filter(organisation__name="Nacka kommun").exists()
    assert Response.objects.filter(recipient__remiss=sou).count() == sou.recipients.count()
    draft = Remiss.objects.get(status=RemissStatus.DRAFT)
    assert draft.ministry == sou.ministry and draft.proposals.count() == 5
    remisser.load()
    assert Remiss.objects.count() == 2 and sou.recipients.count() == Remiss.objects.get(pk=sou.pk).recipients.count()


@pytest.mark.django_db
def test_demo_answers_go_through_the_workflow_and_are_public(client):
    from django.urls import reverse

    from remiss.demo import answers
    from remiss.models import ResponseStatus, SubmissionStatus

    people.load()
    remisser.load()
    lines = answers.load()
    assert sum("inskickat" in line for line in lines) == 4, lines
    sou = Remiss.objects.get(reference="Fi2018/02500/SFÖ")
    by_org = {r.recipient.organisation.name: r for r in Response.objects.filter(recipient__remiss=sou)}
    assert by_org["Göteborgs kommun"].status == ResponseStatus.SUBMITTED
    assert by_org["Statskontoret"].status == ResponseStatus.SUBMITTED  # a myndighet: no § needed
    assert by_org["Ekonomistyrningsverket"].status == ResponseStatus.DECLINED
    assert by_org["Nacka kommun"].status == ResponseStatus.IN_REVIEW
    assert by_org["Region Stockholm"].status == ResponseStatus.DRAFT
    assert by_org["Region Stockholm"].assignments.get().assignee.email == "handlaggare@demo.remiss.se"
    goteborg = by_org["Göteborgs kommun"].submissions.get()
    assert goteborg.status == SubmissionStatus.DONE and goteborg.receipt.sha256
    assert [t.to_status for t in by_org["Göteborgs kommun"].transitions.order_by("pk")] == [
        "draft",
        "in_review",
        "approved",
        "submitted",
    ]
    page = client.get(reverse("public:detail", args=[sou.pk])).content.decode()
    assert reverse("public:answer_pdf", args=[sou.pk, goteborg.pk]) in page
    assert "Nacka kommun" in page and "Göteborgs kommun" in page
    assert answers.load() == ["Demosvar finns redan."]


@pytest.mark.django_db
def test_demo_remiss_has_its_missive_as_a_real_pdf_on_the_public_page(client):
    import io

    from django.urls import reverse
    from pypdf import PdfReader

    people.load()
    lines = remisser.load()
    assert any("Remissmissiv" in line for line in lines)
    sou = Remiss.objects.get(reference="Fi2018/02500/SFÖ")
    document = sou.documents.get(title="Remissmissiv")
    data = document.file.open("rb").read()
    document.file.close()
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Fi2018/02500/SFÖ" in text and "Remissinstanserna ombeds att yttra sig" in text
    page = client.get(reverse("public:detail", args=[sou.pk])).content.decode()
    url = reverse("public:document", args=[sou.pk, document.pk])
    assert url in page and "Remissmissiv" in page
    assert b"".join(client.get(url).streaming_content) == data
    remisser.load()
    assert sou.documents.count() == 1


@pytest.mark.django_db
def test_demo_deadline_that_has_passed_is_moved_six_weeks_ahead():
    import datetime as dt

    people.load()
    remisser.load()
    sou = Remiss.objects.get(reference="Fi2018/02500/SFÖ")
    past = timezone.localdate() - dt.timedelta(days=3)
    Remiss.objects.filter(pk=sou.pk).update(deadline=past, status=RemissStatus.CLOSED, closed_at=timezone.now())
    lines = remisser.load()
    sou.refresh_from_db()
    assert sou.status == RemissStatus.PUBLISHED and sou.closed_at is None
    assert sou.deadline == timezone.localdate() + dt.timedelta(weeks=6)
    assert any("flyttad 6 veckor fram" in line and str(past) in line for line in lines), lines
    # A deadline still in the future is left alone.
    assert not any("flyttad" in line for line in remisser.load())
    sou.refresh_from_db()
    assert sou.deadline == timezone.localdate() + dt.timedelta(weeks=6)


@pytest.mark.django_db(transaction=True)
def test_every_demo_body_is_invited_even_in_a_database_from_before_addresses(client_for, eager):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from remiss.models import InvitationStatus, Recipient

    people.load()
    remisser.load()
    sou = Remiss.objects.get(reference="Fi2018/02500/SFÖ")
    assert sou.recipients.count() > 70
    assert set(sou.recipients.values_list("invitation_status", flat=True)) == {InvitationStatus.SENT}
    # A database loaded before bodies had addresses: the next load gives them one and invites them.
    waiting = Recipient.objects.filter(remiss=sou).exclude(organisation__name="Nacka kommun")[:5]
    for recipient in waiting:
        recipient.organisation.registry_email = ""
        recipient.organisation.save()
    Recipient.objects.filter(pk__in=[r.pk for r in waiting]).update(invitation_status=InvitationStatus.NO_RECIPIENTS)
    people.load()
    assert set(sou.recipients.values_list("invitation_status", flat=True)) == {InvitationStatus.SENT}
    staff = get_user_model().objects.get(email="departement@demo.remiss.se")
    csv = client_for(staff).get(reverse("ministry:progress_csv", args=[sou.pk])).content.decode()
    assert (
        "Ingen mottagare" not in csv
        and "inte skickad" not in csv
        and csv.count("Inbjudan skickad") == sou.recipients.count()
    )
