"""Every URL that is not explicitly public requires sign-in (DESIGN §7: the list must not be empty)."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = [
    r"^$",
    r"^tillganglighet/",
    r"^konto/logga-in/",
    r"^konto/logga-ut/",
    r"^konto/aterstall-losenord/",
    r"^konto/inbjudan/",  # a personal, single-use invitation link is its own credential
    r"^remisser/",  # the public remiss pages
    r"^sok/",  # public search (opendata)
    r"^api/v1/",  # the open-data API (read-only)
    r"^yttranden/kvittens/",  # anyone may check a receipt
    r"^admin/",  # Django admin has its own sign-in
    r"^static/",
]


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def concrete(route: str) -> str:
    path = re.sub(r"<(?:int:)?[^>]*(?:pk|id)[^>]*>", "1", route)
    path = re.sub(r"<uuid:[^>]+>", "00000000-0000-0000-0000-000000000000", path)
    path = re.sub(r"<[^>]+>", "x", path)
    return "/" + path.lstrip("^").rstrip("$")


def private_routes() -> list[str]:
    routes = sorted(set(walk(get_resolver().url_patterns)))
    return [r for r in routes if not any(re.match(pub, r) for pub in PUBLIC)]


def test_the_list_of_private_urls_is_not_empty():
    routes = private_routes()
    assert len(routes) >= 40, routes
    for expected in (
        "konto/profil/",
        "departement/remisser/",
        "yttranden/",
        "departement/remisser/<int:remiss_pk>/sammanstallningar/",
    ):
        assert expected in routes, expected


@pytest.mark.django_db
@pytest.mark.parametrize("route", private_routes())
def test_private_url_requires_sign_in(client, route):
    url = concrete(route)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code in (302, 401, 404, 405), (url, response.status_code)
        if response.status_code == 302:
            assert "/konto/logga-in/" in response["Location"], (url, response["Location"])
        assert response.status_code != 200
