"""The domain's notifications: who is told about an event (``remiss.notify.events``); storing and
sending them is the notifications app's."""

from __future__ import annotations

from celery import shared_task

from core import jobs
from notifications import delivery
from remiss.notify import events

__all__ = ["notify"]


@shared_task(name="remiss.notify", acks_late=True, soft_time_limit=120, time_limit=150)
def notify(event: str, object_id: int, actor_id: int | None = None, message: str = "") -> int:
    ids = delivery.queue(events.messages_for(event, object_id, actor_id, message))
    for notification_id in ids:
        jobs.send("notifications.send_notification", notification_id)
    return len(ids)
