from functools import partial

from django import forms
from django.contrib.auth import forms as auth_forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _


class LoginForm(auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("E-postadress"), widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    password = forms.CharField(
        label=_("Lösenord"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": _("Fel e-postadress eller lösenord. Kontrollera uppgifterna och försök igen."),
        "inactive": _("Kontot är inaktiverat. Kontakta din organisations administratör."),
    }


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("E-postadress"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def save(self, **kwargs) -> None:
        """Queue the mail (accounts.tasks) instead of sending it in the request: known and unknown
        addresses then take the same time to answer."""
        from .tasks import send_password_reset

        for user in self.get_users(self.cleaned_data["email"]):
            transaction.on_commit(partial(send_password_reset.delay, user.pk))


class SwitchOrganisationForm(forms.Form):
    organisation = forms.IntegerField(widget=forms.HiddenInput)


class OneTimeCodeForm(forms.Form):
    """A code from the authenticator app (six digits) or, at sign-in, a recovery code."""

    code = forms.CharField(
        label=_("Kod"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
        error_messages={"required": _("Skriv koden.")},
    )

    def __init__(self, *args, help_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = help_text
