from celery import shared_task

__all__ = ["ping", "delete_unconfirmed_public_answers"]


@shared_task(name="remiss.ping")
def ping(value: int) -> dict:
    """A health check: proves a worker is consuming and results come back."""
    from django.db import connection

    return {"value": value * 2, "database": connection.vendor}


@shared_task(name="remiss.delete_unconfirmed_public_answers", soft_time_limit=300, time_limit=330)
def delete_unconfirmed_public_answers() -> int:
    """Answers from anyone that were never confirmed, and their files, go after two days."""
    from django.db import transaction

    from remiss.services import public_answers

    with transaction.atomic():
        return public_answers.delete_unconfirmed()
