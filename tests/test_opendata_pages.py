"""Public answer pages and the summary of a remiss: snapshot content, redaction and withholding."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from remiss.models import Publicity
from tests import factories as f
from tests.opendata_world import build_world


@pytest.fixture
def world(db, ministry):
    return build_world(ministry)


def answer_url(world, submission):
    return reverse("opendata:answer", args=[world.remiss.pk, submission.pk])


def test_answer_page_shows_the_snapshot(anonymous, world):
    html = anonymous.get(answer_url(world, world.supporter)).content.decode()
    assert "Remissvar från Huddinge kommun" in html
    assert "En tillitsbaserad styrning stärker verksamheten." in html
    assert "Tillstyrker delvis" in html and "Styrningen ska bli tillitsbaserad." in html
    assert "Kommunstyrelsen" in html and "Anna Andersson" in html
    assert "Rättad version 2" in html and "äldre version" not in html
    older = world.supporter.response.submissions.get(number=1)
    assert "äldre version" in anonymous.get(answer_url(world, older)).content.decode()


def test_redacted_answer_shows_stances_but_no_text(anonymous, world):
    html = anonymous.get(answer_url(world, world.redacted)).content.decode()
    assert "maskerad kopia" in html and "Tillstyrker" in html
    assert "HEMLIG PERSONUPPGIFT" not in html and "Anna Andersson" not in html


def test_withheld_draft_and_unpublished_never_shown(anonymous, client_for, staff, outsider, world):
    for user_client in (anonymous, client_for(outsider), client_for(staff)):
        withheld = user_client.get(answer_url(world, world.withheld))
        assert withheld.status_code == 404
        assert "Skyddade personuppgifter" in withheld.content.decode()
        assert "UNDANHÅLLEN" not in withheld.content.decode()
        hidden = reverse("opendata:answer", args=[world.hidden_remiss.pk, world.hidden_submission.pk])
        assert user_client.get(hidden).status_code == 404
        # another remiss's submission id under this remiss
        assert (
            user_client.get(reverse("opendata:answer", args=[world.remiss.pk, world.hidden_submission.pk])).status_code
            == 404
        )
        assert user_client.get(reverse("opendata:answer", args=[world.remiss.pk, 999999])).status_code == 404


def test_answers_not_yet_public_are_404(anonymous, ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry, publicity=Publicity.AFTER_DEADLINE)
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    submission = f.make_submission(f.RecipientFactory(remiss=remiss), pdf=False)
    assert anonymous.get(reverse("opendata:answer", args=[remiss.pk, submission.pk])).status_code == 404
    assert anonymous.get(reverse("opendata:summary", args=[remiss.pk])).status_code == 404


def test_remiss_page_links_answer_pages_and_summary(anonymous, world):
    html = anonymous.get(reverse("public:detail", args=[world.remiss.pk])).content.decode()
    assert reverse("opendata:summary", args=[world.remiss.pk]) in html


def test_summary_counts_chart_table_and_who_said_what(anonymous, world):
    response = anonymous.get(reverse("opendata:summary", args=[world.remiss.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and 'role="img"' in html and "<table" in html
    p1 = world.proposals[0]
    row = html.split(f'href="#p-{p1.pk}">')[1].split("</tr>")[0]
    # supports: Huddinge + Solna (redacted, stance counted); partly 0; opposes Skåne; withheld Sundbyberg not counted
    assert [c.split("<")[0] for c in row.split('class="text-end">')[1:]] == ["2", "0", "1", "0", "0"]
    said = html.split('id="said-heading"')[1]
    assert "Styrningen riskerar att försvagas." in said and "Region Skåne" in said
    assert "Solna stad" in said and "HEMLIG PERSONUPPGIFT" not in said
    assert "Sundbybergs stad" not in html and "UNDANHÅLLEN" not in html
    assert "UTKAST" not in html and "Danderyds kommun" not in html
    assert "avstod från att yttra sig" in html
    assert f"<title>{p1.label}: Tillstyrker 2</title>" in html


def test_one_rule_for_what_is_public_on_every_channel(anonymous, ministry, org):
    """What the remiss's publicity rule makes public is public everywhere at once — the summary, the
    map, the answer list in the API and the ZIP — and what it keeps back is kept back everywhere."""
    from remiss.models import Publicity

    soon = timezone.localdate() + dt.timedelta(days=5)
    at_once = f.PublishedRemissFactory(ministry=ministry, deadline=soon, publicity=Publicity.IMMEDIATE)
    later = f.PublishedRemissFactory(ministry=ministry, deadline=soon, publicity=Publicity.AFTER_DEADLINE)
    for remiss in (at_once, later):
        f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
        f.make_submission(f.RecipientFactory(remiss=remiss, organisation=org))

    def channels(remiss):
        return {
            "summary": anonymous.get(reverse("opendata:summary", args=[remiss.pk])).status_code,
            "map": anonymous.get(reverse("opendata:map", args=[remiss.pk])).status_code,
            "api": len(anonymous.get(f"/api/v1/remisser/{remiss.pk}/svar/").json().get("items", [])),
        }

    assert channels(at_once) == {"summary": 200, "map": 200, "api": 1}
    page = anonymous.get(reverse("opendata:summary", args=[at_once.pk])).content.decode()
    assert "Remissen är öppen till och med" in page
    assert channels(later) == {"summary": 404, "map": 404, "api": 0}
    pending = anonymous.get(reverse("opendata:summary", args=[later.pk])).content.decode()
    assert "publiceras efter sista svarsdag" in pending
    draft = f.RemissFactory(ministry=ministry)
    assert anonymous.get(reverse("opendata:summary", args=[draft.pk])).status_code == 404


def test_the_remiss_page_says_when_answers_become_public(anonymous, ministry):
    from remiss.models import Publicity

    later = f.PublishedRemissFactory(ministry=ministry, publicity=Publicity.AFTER_DEADLINE)
    page = anonymous.get(reverse("public:detail", args=[later.pk])).content.decode()
    assert "Svaren blir offentliga" in page and "Efter sista svarsdag" in page
