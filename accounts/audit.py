"""The one way to write to the audit log."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from .models import AuditEvent, Organisation, User
from .net import client_ip


def record(
    action: str,
    *,
    actor: User | None = None,
    organisation: Organisation | None = None,
    obj: models.Model | None = None,
    data: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    actor_label: str = "",
) -> AuditEvent:
    """Append one event. ``action`` is a dotted verb such as ``response.submitted``."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label or (actor.email if actor else ""),
        organisation=organisation,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        ip_address=client_ip(request),
        data=data or {},
    )
