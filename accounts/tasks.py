"""Mail that sign-in sends, off the request (so a reply's timing tells nothing about the address)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

__all__ = ["send_password_reset"]


@shared_task(name="accounts.send_password_reset", acks_late=True, max_retries=3, default_retry_delay=60)
def send_password_reset(user_id: int) -> bool:
    """Mail a reset link to an active user with a usable password. The token is made here, so it never
    passes through the broker; a retry after a crash simply makes a new, equally valid link."""
    from .models import User

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return False
    context = {
        "email": user.email,
        "user": user,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "site_url": settings.SITE_URL,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = "".join(render_to_string("accounts/email/password_reset_subject.txt", context).splitlines())
        body = render_to_string("accounts/email/password_reset.txt", context)
    EmailMessage(subject=subject, body=body, to=[user.email]).send()
    return True
