"""Sign-in events go to the audit log; a new sign-in starts the absolute session clock."""

import time

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import audit, throttle


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session["auth_started"] = int(time.time())
    audit.record("auth.login", actor=user, request=request)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit.record("auth.logout", actor=user, request=request)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:200]
    audit.record("auth.login_failed", actor_label=username, request=request, data={"username": username})
    throttle.record_signin_failure(request)
