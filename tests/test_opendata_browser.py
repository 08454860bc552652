"""The open-data pages in a real Chromium: axe-core finds nothing at desktop and phone widths."""

import pytest
from django.urls import reverse

from opendata.search import index
from tests.opendata_world import build_world
from tests.support import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_data_urls(world) -> list[str]:
    return [
        reverse("opendata:answer", args=[world.remiss.pk, world.supporter.pk]),
        reverse("opendata:answer", args=[world.remiss.pk, world.redacted.pk]),
        reverse("opendata:summary", args=[world.remiss.pk]),
        reverse("opendata:search") + "?q=styrningen",
        reverse("opendata:search") + "?q=" + "x" * 300,  # the error summary
        reverse("opendata:api_docs"),
        reverse("opendata:map", args=[world.remiss.pk]),
    ]


@pytest.mark.parametrize("width", [1280, 375])
def test_open_data_pages_pass_axe(live_server, page, width):
    world = build_world()
    index.rebuild()
    page.set_viewport_size({"width": width, "height": 900})
    urls = open_data_urls(world)
    assert urls
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status in (200, 400), url
        assert axe_violations(page) == [], url
    assert page.csp_errors == []


def test_map_areas_take_keyboard_focus(live_server, page):
    world = build_world()
    page.goto(live_server.url + reverse("opendata:map", args=[world.remiss.pk]))
    area = page.locator('#map-kommuner-title ~ path[data-code="0126"]')
    area.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Huddinge kommun: Tillstyrker"
