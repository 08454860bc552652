"""The one place a message is handed to Django's mail backend.

One message per address (an address never sees another's), Swedish whatever the request's language,
plain text with an optional HTML alternative. A failure is logged and returned in the result, never
raised, so one bad address does not stop the rest.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


@dataclass
class SendResult:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def render_message(template: str, context: dict[str, Any]) -> str:
    """A template rendered in the site's language (Swedish), with ``site_url`` in its context."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(template, {"site_url": settings.SITE_URL, **context})


def render_subject(template: str, context: dict[str, Any]) -> str:
    return " ".join(render_message(template, context).split())


def deliver(address: str, subject: str, body: str, *, html: str | None = None) -> None:
    """Send one message; raises what the backend raises (callers that record delivery use this)."""
    message = EmailMultiAlternatives(subject=" ".join(str(subject).split()), body=body, to=[address])
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


def send_one(
    address: str, subject: str, body: str, result: SendResult | None = None, *, html: str | None = None
) -> bool:
    """Send one message; a failure is logged and noted in ``result``, never raised."""
    result = result if result is not None else SendResult()
    try:
        deliver(address, subject, body, html=html)
    except Exception as error:
        logger.exception("mail to %s failed: %s", address, subject)
        result.failed.append(address)
        result.errors.append(f"{type(error).__name__}: {error}"[:200])
        return False
    result.sent.append(address)
    return True
