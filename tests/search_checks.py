"""Search checks shared by the PostgreSQL and the SQLite test modules (same behaviour on both).

They run against ``tests.opendata_world.build_world`` with the index rebuilt.
"""

from __future__ import annotations

from django.utils import timezone

BAD = ["HEMLIG PERSONUPPGIFT", "UNDANHÅLLEN", "Sundbybergs stad", "Danderyds kommun", "UTKAST", "Täby kommun", "Hemlig"]


def results(client, **params) -> str:
    response = client.get("/sok/", params)
    assert response.status_code == 200, response.content.decode()[:500]
    html = response.content.decode()
    return html.split("Sökresultat", 1)[1] if "Sökresultat" in html else ""


def assert_never_leaks(html: str) -> None:
    for text in BAD:
        assert text not in html, text


def check_search_world(client, world) -> None:
    # Swedish stemming: inflected query words find the base forms, and the other way round.
    found = results(client, q="styrningen")
    assert "Remissvar från Huddinge kommun" in found and "Remissvar från Region Skåne" in found
    assert_never_leaks(found)
    assert "Remissvar från Huddinge kommun" in results(client, q="tillitsbaserade")
    assert "Remissvar från Region Skåne" in results(client, q="styrning")
    assert_never_leaks(results(client, q="tillitsbaserad"))
    # Ranking: a proposal whose heading names the word comes before answers that only use it.
    first = found.split('<li class="border-bottom')[1]
    assert "Förslag 7.1" in first
    # Excerpts mark the matched words, and user text is escaped.
    assert "<mark>Styrningen</mark> riskerar att försvagas" in found
    # Filters: kind of body, län, stance, year, remiss.
    regions = results(client, q="styrningen", typ="region")
    assert "Region Skåne" in regions and "Huddinge kommun" not in regions and "Förslag" not in regions
    skane = results(client, q="styrningen", lan="Skåne län")
    assert "Region Skåne" in skane and "Huddinge kommun" not in skane
    opposes = results(client, q="styrningen", stance="opposes")
    assert "Region Skåne" in opposes and "Huddinge kommun" not in opposes
    assert "Huddinge kommun" in results(client, q="styrningen", stance="partly")
    year = timezone.localdate().year
    assert "Huddinge kommun" in results(client, q="styrningen", year=year)
    assert "0 träffar" in results(client, q="styrningen", year=1999) and "Inget matchar" in results(
        client, q="styrningen", year=1999
    )
    assert "Huddinge kommun" in results(client, q="styrningen", remiss=world.remiss.pk)
    assert client.get("/sok/", {"q": "styrningen", "remiss": world.hidden_remiss.pk}).status_code == 400


def check_bad_input(client) -> None:
    long = client.get("/sok/", {"q": "styrning " * 1200})
    assert long.status_code == 400 and "högst 200 tecken" in long.content.decode()
    for q in ['"styrning" OR -x & | ! ( ) * NEAR(a b) : ^ \' \\', "AND", "*", "’’", "🙂", "<script>"]:
        assert client.get("/sok/", {"q": q}).status_code == 200, q
    assert client.get("/sok/", {"q": "styr\x00ning"}).status_code == 400
    for page in ("999999", "-1", "abc", "9" * 40):
        assert client.get("/sok/", {"q": "styrning", "sida": page}).status_code == 200, page
    for bad in (
        {"remiss": "abc"},
        {"remiss": "9" * 30},
        {"year": "9" * 30},
        {"year": "abc"},
        {"typ": "bogus"},
        {"stance": "x"},
        {"lan": "Atlantis"},
    ):
        response = client.get("/sok/", {"q": "styrning", **bad})
        assert response.status_code == 400, bad
        assert "Formuläret innehåller fel" in response.content.decode()
