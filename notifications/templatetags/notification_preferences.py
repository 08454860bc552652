"""The e-mail choices form, for the profile page (which belongs to the accounts app)."""

from __future__ import annotations

from django import template

from notifications import delivery
from notifications.forms import NotificationPreferencesForm

register = template.Library()


@register.inclusion_tag("notifications/preferences_form.html", takes_context=True)
def notification_preferences(context):
    user = context["request"].user
    return {"form": NotificationPreferencesForm(current=delivery.preferences(user)), "request": context["request"]}
