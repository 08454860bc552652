from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from core import jobs


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

        for user in self.get_users(self.cleaned_data["email"]):
            jobs.enqueue("notifications.send_password_reset", user.pk)


class SwitchOrganisationForm(forms.Form):
    organisation = forms.IntegerField(widget=forms.HiddenInput)


class _PersonForm(forms.Form):
    """Name and title, as the claim and the activation ask for them."""

    full_name = forms.CharField(label=_("Namn"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )


class ClaimForm(_PersonForm):
    """Who takes on the organisation's first account; an activation link goes to ``email``."""

    email = forms.EmailField(
        label=_("Din e-postadress i tjänsten"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Din egen adress, inte funktionsbrevlådan. Vi skickar en länk dit för att bekräfta den."),
    )


class ActivationForm(_PersonForm):
    password1 = forms.CharField(
        label=_("Välj lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minst 10 tecken. Undvik vanliga ord och lösenord du använder på andra ställen."),
    )
    password2 = forms.CharField(
        label=_("Upprepa lösenordet"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        from django.contrib.auth import password_validation

        from .models import User

        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Lösenorden är inte likadana."))
        elif first:
            probe = User(email=self.email, full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


ROLE_CHOICES = [
    ("drafter", _("Handläggare")),
    ("reviewer", _("Granskare")),
    ("approver", _("Beslutsfattare")),
    ("org_admin", _("Organisationsadministratör")),
]


class InviteColleagueForm(forms.Form):
    email = forms.EmailField(
        label=_("E-postadress"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    roles = forms.MultipleChoiceField(
        label=_("Roller"),
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Välj minst en roll.")},
    )


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roller"),
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Välj minst en roll.")},
    )


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
