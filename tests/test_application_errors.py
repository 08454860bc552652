"""One error type: every refusal is an ApplicationError with a Swedish message, and one that no view
caught becomes a message on the page the user came from (never a 500)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from core.errors import ApplicationError
from core.middleware import ApplicationErrorMiddleware

ROOT = Path(__file__).resolve().parent.parent


def _request(path="/departement/remisser/1/dokument/2/ta-bort/", **headers):
    request = RequestFactory().post(path, **headers)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_a_refusal_no_view_caught_goes_back_with_its_message():
    request = _request(HTTP_REFERER="http://testserver/departement/remisser/1/dokument/")
    response = ApplicationErrorMiddleware(lambda r: None).process_exception(
        request, ApplicationError("Dokumentet kan inte tas bort.")
    )
    assert response.status_code == 302 and response["Location"] == "http://testserver/departement/remisser/1/dokument/"
    assert [str(m) for m in get_messages(request)] == ["Dokumentet kan inte tas bort."]


def test_a_foreign_referer_is_not_followed_and_json_gets_json():
    request = _request(HTTP_REFERER="https://evil.example/")
    response = ApplicationErrorMiddleware(lambda r: None).process_exception(request, ApplicationError("Nej."))
    assert response.status_code == 302 and response["Location"] == "/"
    request = _request(HTTP_ACCEPT="application/json")
    response = ApplicationErrorMiddleware(lambda r: None).process_exception(request, ApplicationError("Nej."))
    assert response.status_code == 400 and json.loads(response.content) == {"ok": False, "error": "Nej."}


def test_other_exceptions_are_left_alone():
    assert ApplicationErrorMiddleware(lambda r: None).process_exception(_request(), ValueError("x")) is None


@pytest.mark.parametrize(
    "error",
    [
        "remiss.services.remisser.RemissError",
        "remiss.services.errors.ResponseError",
        "remiss.workflow.WorkflowError",
        "remiss.services.documents.DocumentAnswerError",
        "remiss.services.public_answers.PublicAnswerError",
        "remiss.services.register.RegisterError",
        "remiss.compilation.lifecycle.CompilationError",
        "remiss.compilation.paragraph_edits.DraftError",
        "remiss.reading.extract.ReadingError",
        "remiss.remiss_import.ImportFormatError",
        "accounts.services.invitations.InvitationError",
    ],
)
def test_every_domain_refusal_is_an_application_error(error):
    from importlib import import_module

    module, name = error.rsplit(".", 1)
    assert issubclass(getattr(import_module(module), name), ApplicationError)


def test_views_catch_one_name():
    views = [*(ROOT / "remiss" / "views").rglob("*.py"), *(ROOT / "accounts").rglob("*views*.py")]
    assert len(views) > 5
    pattern = re.compile(
        r"except \(?\w*\.?(?:Remiss|Response|Workflow|DocumentAnswer|PublicAnswer|Compilation|Draft|Invitation|Register)Error"
    )
    assert [str(p.relative_to(ROOT)) for p in views if pattern.search(p.read_text())] == []
