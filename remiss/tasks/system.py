from celery import shared_task

__all__ = ["ping"]


@shared_task(name="remiss.ping")
def ping(value: int) -> dict:
    """A health check: proves a worker is consuming and results come back."""
    from django.db import connection

    return {"value": value * 2, "database": connection.vendor}
