"""Oversized and malformed requests get Swedish pages (400, 413), and autosave a JSON answer it shows."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def response(org):
    return f.response_with_proposals(org)


def too_big() -> dict:
    return {"field": "summary", "text": "x" * (6 * 1024 * 1024), "stance": "", "version": "0"}


def test_oversized_autosave_gets_a_json_answer_in_swedish(client_for, drafter, response):
    answer = client_for(drafter).post(
        reverse("respondent:autosave", args=[response.pk]), too_big(), headers={"Accept": "application/json"}
    )
    assert answer.status_code == 413
    data = answer.json()
    assert data["ok"] is False and data["too_large"] is True
    assert "för stor för att sparas" in data["error"]


@pytest.mark.parametrize("debug", [False, True], ids=["production", "make-run"])
def test_oversized_form_encoded_autosave_gets_json_also_with_debug_on(client_for, drafter, response, settings, debug):
    from urllib.parse import urlencode

    settings.DEBUG = debug
    answer = client_for(drafter).post(
        reverse("respondent:autosave", args=[response.pk]),
        urlencode(too_big()),
        content_type="application/x-www-form-urlencoded",
        headers={"Accept": "application/json"},
    )
    assert answer.status_code == 413 and "för stor för att sparas" in answer.json()["error"]


def test_oversized_form_post_gets_a_swedish_413_page(client_for, drafter, response):
    page = client_for(drafter).post(reverse("respondent:form", args=[response.pk]), too_big())
    assert page.status_code == 413
    html = page.content.decode()
    assert "För mycket på en gång" in html and 'lang="sv"' in html and "Bad Request" not in html


def test_too_many_fields_gets_the_413_page(client_for, drafter, response, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    page = client_for(drafter).post(reverse("respondent:form", args=[response.pk]), {f"f{i}": "x" for i in range(20)})
    assert page.status_code == 413 and "för många fält" in page.content.decode()


def test_a_bad_request_gets_a_swedish_400_page(db):
    page = Client(HTTP_HOST="angripare.example").get("/remisser/")
    assert page.status_code == 400
    assert "Felaktig förfrågan" in page.content.decode() and "Bad Request" not in page.content.decode()
