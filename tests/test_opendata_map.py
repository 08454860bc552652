"""The stance map: every kommun and region an area, coloured by public stance, with a table."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from opendata.selectors.maps import geometry
from remiss.models import Publicity
from tests import factories as f
from tests.opendata_world import build_world


@pytest.fixture
def world(db, ministry):
    return build_world(ministry)


def area_labels(html: str) -> dict[str, str]:
    return dict(re.findall(r'aria-label="([^":]+): ([^"]+)" data-code', html))


def test_vendored_geometry_has_every_kommun_and_lan():
    data = geometry()
    codes = {k["code"] for k in data["kommuner"]}
    assert len(codes) == 290 and "0182" in codes and "0980" in codes
    assert len({r["code"] for r in data["lan"]}) == 21
    assert all(k["d"].startswith("M") for k in data["kommuner"] + data["lan"])


def test_map_colours_areas_by_public_stance(anonymous, world):
    p1 = world.proposals[0]
    response = anonymous.get(reverse("opendata:map", args=[world.remiss.pk]), {"forslag": p1.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-code="') == 290 + 21
    assert html.count('tabindex="0" role="img"') == 290 + 21
    labels = area_labels(html)
    assert labels["Huddinge kommun"] == "Tillstyrker"
    assert labels["Solna stad"] == "Tillstyrker"  # redacted: the stance is published
    assert labels["Vaxholms stad"] == "Avstått"
    assert labels["Sundbybergs stad"] == "Ej svarat"  # withheld: nothing published
    assert labels["Danderyds kommun"] == "Ej svarat"  # a draft is never shown
    assert labels["Region Skåne"] == "Avstyrker"
    assert labels["Kiruna kommun"] == "Ej inbjuden"
    assert "<title>Huddinge kommun: Tillstyrker</title>" in html
    assert "Alla kommuner och deras ställningstagande" in html
    p2 = world.proposals[1]
    other = area_labels(
        anonymous.get(reverse("opendata:map", args=[world.remiss.pk]), {"forslag": p2.pk}).content.decode()
    )
    assert other["Huddinge kommun"] == "Tillstyrker delvis" and other["Region Skåne"] == "Inga synpunkter"


def test_map_is_linked_and_refuses_bad_input(anonymous, world):
    map_url = reverse("opendata:map", args=[world.remiss.pk])
    assert map_url in anonymous.get(reverse("public:detail", args=[world.remiss.pk])).content.decode()
    assert map_url in anonymous.get(reverse("opendata:summary", args=[world.remiss.pk])).content.decode()
    for bad in ("abc", "999999", "9" * 40, str(f.ProposalFactory().pk)):
        assert anonymous.get(map_url, {"forslag": bad}).status_code == 404, bad
    assert anonymous.get(reverse("opendata:map", args=[world.hidden_remiss.pk])).status_code == 404


def test_map_waits_until_answers_are_public(anonymous, ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry, publicity=Publicity.AFTER_DEADLINE)
    f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    assert anonymous.get(reverse("opendata:map", args=[remiss.pk])).status_code == 404
