"""Rate limits outside sign-in (sign-in itself is throttled by django-axes).

Password reset requests are counted in the audit log, which records them anyway: no extra store, and
the count is the same on every web process.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from . import audit
from .models import AuditEvent
from .net import client_ip

RESET_ACTION = "auth.password_reset_requested"
WINDOW = dt.timedelta(hours=1)


def _email_digest(email: str) -> str:
    # The address typed may not be anyone's: keep a digest, not the address, in the log.
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def password_reset_throttled(request: HttpRequest, email: str) -> bool:
    recent = AuditEvent.objects.filter(action=RESET_ACTION, created_at__gte=timezone.now() - WINDOW)
    limit = settings.PASSWORD_RESET_RATE
    ip = client_ip(request)
    by_ip = recent.filter(ip_address=ip).count() if ip else 0
    by_email = recent.filter(data__email_sha256=_email_digest(email)).count()
    return by_ip >= limit or by_email >= limit


def record_password_reset(request: HttpRequest, email: str) -> None:
    audit.record(RESET_ACTION, request=request, data={"email_sha256": _email_digest(email)})
