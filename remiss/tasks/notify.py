"""Notifications: thin tasks over ``remiss.notify`` (who is told) and its delivery records."""

from __future__ import annotations

from celery import shared_task

from remiss.notify import delivery, events

__all__ = ["notify", "send_notification", "send_digests"]


@shared_task(name="remiss.notify", acks_late=True, soft_time_limit=120, time_limit=150)
def notify(event: str, object_id: int, actor_id: int | None = None, message: str = "") -> int:
    ids = delivery.queue(events.messages_for(event, object_id, actor_id, message))
    for notification_id in ids:
        send_notification.delay(notification_id)
    return len(ids)


@shared_task(
    name="remiss.send_notification", bind=True, acks_late=True, max_retries=4, soft_time_limit=60, time_limit=90
)
def send_notification(self, notification_id: int) -> bool:
    result = delivery.send(notification_id)
    if result is False:
        raise self.retry(countdown=60 * (self.request.retries + 1))
    return bool(result)


@shared_task(name="remiss.send_digests", soft_time_limit=600, time_limit=660)
def send_digests() -> int:
    return delivery.send_digests()
