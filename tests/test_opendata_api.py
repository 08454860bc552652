"""The open-data API /api/v1/: schema, content, visibility, HTTP caching, CORS, rate limit, downloads."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from opendata.models import BulkDownload, DownloadState
from remiss.models import Publication, Receipt
from tests import factories as f
from tests.opendata_world import build_world


@pytest.fixture
def world(db, ministry):
    return build_world(ministry)


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, (response.json() if response.get("Content-Type", "").startswith("application/json") else None)


def test_openapi_schema_is_valid(anonymous, db):
    from openapi_spec_validator import validate

    response, schema = get(anonymous, "/api/v1/openapi.json")
    assert response.status_code == 200
    validate(schema)
    assert {"/api/v1/remisser/", "/api/v1/remisser/{pk}/", "/api/v1/remisser/{pk}/svar/"} <= set(schema["paths"])


def test_docs_page_uses_our_static_swagger(anonymous, db):
    html = anonymous.get("/api/v1/dokumentation/").content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html and "/api/v1/openapi.json" in html
    assert "cdn" not in html.lower() and "<script>" not in html


def test_list_and_detail_show_only_published_remisser(anonymous, world):
    _, body = get(anonymous, "/api/v1/remisser/")
    references = [r["reference"] for r in body["items"]]
    assert world.remiss.reference in references and world.hidden_remiss.reference not in references
    response, detail = get(anonymous, f"/api/v1/remisser/{world.remiss.pk}/")
    assert response.status_code == 200
    assert [len(s["proposals"]) for s in detail["sections"]] == [2]
    statuses = {r["organisation"]["name"]: r["status_label"] for r in detail["remisslista"]}
    assert statuses["Huddinge kommun"] == "Inskickat" and statuses["Danderyds kommun"] == "Ej inkommet"
    for missing in (world.hidden_remiss.pk, 999999):
        response, body = get(anonymous, f"/api/v1/remisser/{missing}/")
        assert response.status_code == 404 and body == {"detail": "Hittades inte."}
        assert get(anonymous, f"/api/v1/remisser/{missing}/svar/")[0].status_code == 404


def test_answers_with_stances_redacted_as_published_withheld_absent(anonymous, world):
    pdf = f.tiny_pdf()
    world.supporter.pdf.save("a.pdf", ContentFile(pdf))
    Receipt.objects.create(submission=world.supporter, sha256=hashlib.sha256(pdf).hexdigest(), issued_at=timezone.now())
    _, body = get(anonymous, f"/api/v1/remisser/{world.remiss.pk}/svar/")
    by_name = {a["organisation"]["name"]: a for a in body["items"]}
    assert set(by_name) == {"Huddinge kommun", "Region Skåne", "Vaxholms stad", "Solna stad"}
    huddinge = by_name["Huddinge kommun"]
    assert huddinge["version"] == 2 and huddinge["receipt_sha256"] == hashlib.sha256(pdf).hexdigest()
    assert [(s["stance"], s["comment"]) for s in huddinge["stances"]] == [
        ("supports", "En tillitsbaserad styrning stärker verksamheten."),
        ("partly", ""),
    ]
    assert huddinge["pdf_url"].endswith(".pdf") and huddinge["html_url"].endswith(f"/svar/{world.supporter.pk}/")
    solna = by_name["Solna stad"]
    assert solna["redacted"] is True and solna["stances"][0]["stance"] == "supports"
    assert solna["stances"][0]["comment"] is None and solna["summary"] is None
    assert by_name["Vaxholms stad"]["declined"] is True
    text = json.dumps(body, ensure_ascii=False)
    assert "UNDANHÅLLEN" not in text and "UTKAST" not in text and "HEMLIG" not in text


def test_pagination_and_bad_input(anonymous, world):
    response, body = get(anonymous, "/api/v1/remisser/?page=999")
    assert response.status_code == 200 and body["items"] == [] and body["count"] == 1
    assert get(anonymous, "/api/v1/remisser/?page=" + "9" * 50)[1]["items"] == []
    for bad in ("/api/v1/remisser/?page=0", "/api/v1/remisser/?page=abc", "/api/v1/remisser/?page=-1"):
        response, body = get(anonymous, bad)
        assert response.status_code == 400, bad
        assert body["detail"] == "Ogiltig förfrågan."
    assert anonymous.get("/api/v1/remisser/abc/").status_code == 404
    assert anonymous.get("/api/v1/remisser/" + "9" * 30 + "/svar/").status_code == 404
    assert anonymous.get("/api/v1/finns-inte/").status_code == 404


def test_etag_last_modified_and_cors(anonymous, world):
    url = f"/api/v1/remisser/{world.remiss.pk}/svar/"
    first = anonymous.get(url, HTTP_ORIGIN="https://example.org")
    assert first["ETag"] and first["Last-Modified"] and first["Access-Control-Allow-Origin"] == "*"
    assert anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    preflight = anonymous.options(url, HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 204 and "GET" in preflight["Access-Control-Allow-Methods"]
    assert anonymous.post(url).status_code == 405


def test_rate_limit_per_client(anonymous, world, settings):
    settings.OPENDATA_API_RATE = "3/m"
    for _ in range(3):
        assert anonymous.get("/api/v1/remisser/").status_code == 200
    response, body = get(anonymous, "/api/v1/remisser/")
    assert response.status_code == 429 and "För många förfrågningar" in body["detail"]
    assert int(response["Retry-After"]) > 0
    other = anonymous.get("/api/v1/remisser/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_bulk_download_built_in_background_and_invalidated(anonymous, world, eager, django_capture_on_commit_callbacks):
    world.supporter.pdf.save("a.pdf", ContentFile(f.tiny_pdf()))
    url = f"/api/v1/remisser/{world.remiss.pk}/nedladdning/"
    with django_capture_on_commit_callbacks(execute=True):
        response, body = get(anonymous, url)
    assert response.status_code == 202 and body["state"] == "pending"
    response, body = get(anonymous, url)
    assert response.status_code == 200 and body["state"] == "ready" and body["answers"] == 4
    archive = zipfile.ZipFile(io.BytesIO(b"".join(anonymous.get(body["url"]).streaming_content)))
    names = archive.namelist()
    assert "stances.csv" in names and "stances.json" in names
    assert any(n.startswith("svar/") and "Huddinge kommun v2.pdf" in n for n in names)
    redacted_pdf = [n for n in names if "Solna stad" in n]
    assert redacted_pdf  # the redacted copy, as published
    csv_text = archive.read("stances.csv").decode("utf-8-sig")
    assert "Region Skåne" in csv_text and "UNDANHÅLLEN" not in csv_text and "HEMLIG" not in csv_text
    # Withholding an answer makes the cached ZIP out of date: the next request rebuilds it.
    with django_capture_on_commit_callbacks(execute=True):
        Publication.objects.create(submission=world.opposer, withheld=True, withheld_reason="Skäl")
    with django_capture_on_commit_callbacks(execute=True):
        response, body = get(anonymous, url)
    assert response.status_code == 202
    assert BulkDownload.objects.get(remiss=world.remiss).state == DownloadState.READY
    _, body = get(anonymous, url)
    assert body["answers"] == 3
    hidden = get(anonymous, f"/api/v1/remisser/{world.hidden_remiss.pk}/nedladdning/")[0]
    assert hidden.status_code == 404
    assert anonymous.get(f"/remisser/{world.hidden_remiss.pk}/remissvar.zip").status_code == 404


@pytest.mark.django_db
def test_a_page_holds_at_most_a_hundred_whatever_the_client_asks(anonymous, ministry):
    f.PublishedRemissFactory.create_batch(105, ministry=ministry)
    response, body = get(anonymous, "/api/v1/remisser/?page_size=100000")
    assert response.status_code == 200 and body["count"] == 105 and len(body["items"]) == 100
    _, second = get(anonymous, "/api/v1/remisser/?page_size=100000&page=2")
    assert len(second["items"]) == 5
