"""Each person's choice per kind of e-mail."""

from __future__ import annotations

from django import forms

from .models import ALWAYS_SENT, Frequency, NotificationKind


class NotificationPreferencesForm(forms.Form):
    """Per kind of e-mail: at once, a daily digest or never. Receipts and deadline reminders always go."""

    def __init__(self, *args, current: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        for kind, label in NotificationKind.choices:
            if kind in ALWAYS_SENT:
                continue
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=current.get(kind, Frequency.NOW),
            )
