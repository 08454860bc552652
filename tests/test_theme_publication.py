"""Publishing the theme analysis: "Publicera analysen" with a confirmation, the public page "Vad hände
med synpunkterna?", the e-mail to every respondent organisation, and /api/v1/remisser/{id}/teman/ —
none of which shows anything before publication."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import AuditEvent
from core.jobs import Job
from remiss.compilation import paragraph_edits
from remiss.models import Publication, Theme, ThemeAnalysis
from remiss.services import theme_edits, themes
from tests.theme_fixtures import themed_remiss


@pytest.fixture
def setup(ministry, staff):
    remiss, proposal, recipients = themed_remiss(ministry)
    for recipient in recipients.values():
        organisation = recipient.organisation
        organisation.registry_email = f"registrator@{organisation.pk}.example.se"
        organisation.save()
    themes.run_themes(remiss=remiss)
    confirmed = Theme.objects.filter(proposal=proposal, members__response=recipients["Uppsala kommun"].response).first()
    theme_edits.rename(theme=confirmed, label="Finansieringen är <oklar>", by=staff)
    theme_edits.set_confirmed(theme=confirmed, confirmed=True, by=staff)
    paragraph_edits.save_draft(
        proposal=proposal, by=staff, text="", comment="Departementet utreder kostnaderna.", generated=""
    )
    return remiss, proposal, recipients, confirmed


def urls(remiss):
    return reverse("public:analysis", args=[remiss.pk]), f"/api/v1/remisser/{remiss.pk}/teman/"


@pytest.mark.django_db
def test_nothing_is_public_before_publication(setup, client):
    remiss, *_ = setup
    page, api = urls(remiss)
    assert page not in client.get(reverse("public:detail", args=[remiss.pk])).content.decode()
    assert client.get(page).status_code == 404
    response = client.get(api)
    assert response.status_code == 404 and response.json() == {"detail": "Hittades inte."}


@pytest.mark.django_db
def test_publish_needs_a_confirmed_theme_and_a_confirmation(ministry, staff, client_for):
    remiss, proposal, _r = themed_remiss(ministry, limit=8)
    themes.run_themes(remiss=remiss)
    client = client_for(staff)
    url = reverse("ministry:themes_publish", args=[remiss.pk])
    page = client.get(url).content.decode()
    assert "Ja, publicera analysen" in page and "Publiceringen kan inte ångras" in page
    response = client.post(url)
    assert (
        response.status_code == 400
        and "Bekräfta minst ett tema innan analysen publiceras." in response.content.decode()
    )
    assert not ThemeAnalysis.objects.filter(remiss=remiss, published_at__isnull=False).exists()


@pytest.mark.django_db
def test_publish_opens_the_page_and_mails_every_respondent(
    setup, staff, client_for, client, django_capture_on_commit_callbacks
):
    remiss, proposal, recipients, confirmed = setup
    ministry_client = client_for(staff)
    with django_capture_on_commit_callbacks() as callbacks:
        response = ministry_client.post(reverse("ministry:themes_publish", args=[remiss.pk]), follow=True)
    assert "Analysen är publicerad" in response.content.decode()
    assert ThemeAnalysis.objects.get(remiss=remiss).published_by == staff
    assert AuditEvent.objects.filter(action="themes.published", actor=staff, object_id=str(remiss.pk)).exists()
    jobs = [c for c in callbacks if isinstance(c, Job)]
    assert [(j.name, j.args) for j in jobs] == [("remiss.analysis_published", (remiss.pk,))]
    # Twice is refused.
    response = ministry_client.post(reverse("ministry:themes_publish", args=[remiss.pk]))
    assert response.status_code == 400 and "redan publicerad" in response.content.decode()

    from remiss.tasks.themes import analysis_published

    assert analysis_published(remiss.pk) == len(recipients)
    page_url, _api = urls(remiss)
    to = {m.to[0] for m in mail.outbox}
    assert to == {r.organisation.registry_email for r in recipients.values()}
    assert all(page_url in m.body and "Vad hände med synpunkterna?" in m.subject for m in mail.outbox)

    detail = client.get(reverse("public:detail", args=[remiss.pk])).content.decode()
    assert f'href="{page_url}"' in detail
    page = client.get(page_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vad hände med synpunkterna?" in html and "Finansieringen är &lt;oklar&gt;" in html
    assert "Uppsala kommun" in html and "Departementet utreder kostnaderna." in html
    unconfirmed = Theme.objects.filter(proposal=proposal, confirmed=False).values_list("label", flat=True)
    assert not any(label in html for label in unconfirmed)


@pytest.mark.django_db
def test_the_api_gives_the_confirmed_themes_with_descriptions(setup, staff, client):
    remiss, proposal, recipients, confirmed = setup
    # An answer published only as a redacted copy: its body is named, its words are not quoted.
    redacted = confirmed.members.get(response=recipients["Uppsala kommun"].response)
    Publication.objects.create(
        submission=recipients["Uppsala kommun"].response.submissions.get(), redacted_name="m.pdf"
    )
    Publication.objects.filter(submission__response=recipients["Uppsala kommun"].response).update(redacted_pdf="x.pdf")
    confirmed.key_quote = redacted.quotes[0]
    confirmed.save()
    from remiss.services import theme_publication

    theme_publication.publish_analysis(remiss=remiss, by=staff)
    response = client.get(urls(remiss)[1])
    assert response.status_code == 200
    body = response.json()
    assert body["remiss"] == remiss.pk and body["url"] == urls(remiss)[0]
    [item] = body["proposals"]
    assert item["id"] == proposal.pk and item["ministry_comment"] == "Departementet utreder kostnaderna."
    [theme] = item["themes"]
    assert theme["label"] == "Finansieringen är <oklar>" and theme["polarity"] in {"for", "against", "mixed"}
    assert {"id": recipients["Uppsala kommun"].organisation_id, "name": "Uppsala kommun"} in theme["organisations"]
    assert theme["key_quote"] == ""  # the redacted answer's words stay out
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/remisser/{pk}/teman/" in schema["paths"]
    props = schema["components"]["schemas"]["Theme"]["properties"]
    assert all(p.get("description") for p in props.values())


@pytest.mark.django_db
def test_not_before_the_answers_are_public(ministry, staff, client_for):
    from remiss.models import Publicity, RemissStatus

    remiss, proposal, _r = themed_remiss(ministry, limit=8, status=RemissStatus.PUBLISHED)
    remiss.publicity = Publicity.AFTER_DEADLINE  # the deadline is still ahead
    remiss.save()
    themes.run_themes(remiss=remiss)
    theme = Theme.objects.filter(proposal=proposal).first()
    theme_edits.set_confirmed(theme=theme, confirmed=True, by=staff)
    response = client_for(staff).post(reverse("ministry:themes_publish", args=[remiss.pk]))
    assert response.status_code == 400 and "Svaren är inte offentliga ännu." in response.content.decode()
    assert not ThemeAnalysis.objects.filter(remiss=remiss, published_at__isnull=False).exists()
