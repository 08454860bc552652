"""The tasks that send mail: a stored notification, the daily digests, and sign-in mail.

Sign-in mail is sent off the request, so the time a reply takes tells nothing about whether an
address has an account. Other apps queue these by name (``core.jobs.enqueue``).
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from . import delivery
from .mail import deliver, render_message, render_subject

__all__ = ["send_notification", "send_digests", "send_password_reset", "send_activation", "send_claim_address_taken"]


@shared_task(
    name="notifications.send_notification", bind=True, acks_late=True, max_retries=4, soft_time_limit=60, time_limit=90
)
def send_notification(self, notification_id: int) -> bool:
    result = delivery.send(notification_id)
    if result is False:
        raise self.retry(countdown=60 * (self.request.retries + 1))
    return bool(result)


@shared_task(name="notifications.send_digests", soft_time_limit=600, time_limit=660)
def send_digests() -> int:
    return delivery.send_digests()


@shared_task(name="notifications.send_password_reset", acks_late=True, max_retries=3, default_retry_delay=60)
def send_password_reset(user_id: int) -> bool:
    """Mail a reset link to an active user with a usable password. The token is made here, so it never
    passes through the broker; a retry after a crash simply makes a new, equally valid link."""
    from accounts.models import User

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return False
    context = {
        "email": user.email,
        "user": user,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    subject = render_subject("accounts/email/password_reset_subject.txt", context)
    deliver(user.email, subject, render_message("accounts/email/password_reset.txt", context))
    return True


@shared_task(
    name="notifications.send_activation",
    bind=True,
    acks_late=True,
    max_retries=3,
    default_retry_delay=60,
    soft_time_limit=100,
    time_limit=120,
)
def send_activation(self, invitation_id: int) -> bool:
    """Mail an activation link. The token is made here (a new one at every send, so only the latest
    link works), and only its hash is stored. Delivery is recorded on the invitation."""
    from accounts.models import Invitation
    from accounts.services.invitations import issue_token

    invitation = Invitation.objects.select_related("organisation", "created_by").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_pending:
        return False
    token = issue_token(invitation)
    context = {
        "invitation": invitation,
        "organisation": invitation.organisation,
        "url": settings.SITE_URL + reverse("accounts:invitation", args=[token]),
        "expires": timezone.localtime(invitation.expires_at),
    }
    subject = render_subject("accounts/email/activation_subject.txt", context)
    try:
        deliver(invitation.email, subject, render_message("accounts/email/activation.txt", context))
    except Exception as error:
        invitation.delivery_error = f"{type(error).__name__}: {error}"[:300]
        invitation.save(update_fields=["delivery_error"])
        raise self.retry(exc=error) from error
    invitation.sent_count += 1
    invitation.last_sent_at = timezone.now()
    invitation.delivery_error = ""
    invitation.save(update_fields=["sent_count", "last_sent_at", "delivery_error"])
    return True


@shared_task(name="notifications.send_claim_address_taken", acks_late=True, max_retries=3, default_retry_delay=60)
def send_claim_address_taken(claim_id: int, email: str) -> bool:
    """Tell an address that already has an account why the claim made none: the page said only
    "check your mail", so the page tells nobody which addresses have accounts."""
    from accounts.models import Invitation

    claim = Invitation.objects.select_related("organisation").filter(pk=claim_id).first()
    if claim is None:
        return False
    context = {"organisation": claim.organisation, "login_url": settings.SITE_URL + reverse("accounts:login")}
    subject = render_subject("accounts/email/claim_address_taken_subject.txt", context)
    deliver(email, subject, render_message("accounts/email/claim_address_taken.txt", context))
    return True
