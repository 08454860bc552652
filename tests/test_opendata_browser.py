"""The open-data pages in a real Chromium: axe-core finds nothing at desktop and phone widths."""

import pytest
from django.urls import reverse

from tests.opendata_world import build_world
from tests.support import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_data_urls(world) -> list[str]:
    return [
        reverse("opendata:answer", args=[world.remiss.pk, world.supporter.pk]),
        reverse("opendata:answer", args=[world.remiss.pk, world.redacted.pk]),
        reverse("opendata:summary", args=[world.remiss.pk]),
    ]


@pytest.mark.parametrize("width", [1280, 375])
def test_open_data_pages_pass_axe(live_server, page, width):
    world = build_world()
    page.set_viewport_size({"width": width, "height": 900})
    urls = open_data_urls(world)
    assert urls
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert axe_violations(page) == [], url
    assert page.csp_errors == []
