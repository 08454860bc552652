from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import audit, throttle
from accounts.forms import LoginForm, PasswordResetForm, SwitchOrganisationForm
from accounts.middleware import ACTIVE_ORG_SESSION_KEY


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, throttled per client address and per e-mail address. The answer is the same
    whether an account exists or not; a throttled request says so without telling either."""

    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if throttle.password_reset_throttled(self.request, email):
            form.add_error(None, _("Du har bett om för många återställningar. Vänta en timme och försök igen."))
            return self.form_invalid(form)
        throttle.record_password_reset(self.request, email)
        form.save()
        return redirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view; a completed reset goes to the audit log (the request already does)."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record("auth.password_reset_completed", actor=form.user, request=self.request)
        return response


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def profile(request):
    """Memberships and, through the notifications app's tag, the choices for e-mail."""
    return render(request, "accounts/profile.html", {"memberships": request.all_memberships})


@login_required
@require_POST
def switch_organisation(request):
    form = SwitchOrganisationForm(request.POST)
    chosen = None
    if form.is_valid():
        chosen = next(
            (m for m in request.all_memberships if m.organisation_id == form.cleaned_data["organisation"]), None
        )
    if chosen is None:
        audit.record("access.denied", actor=request.user, request=request, data={"view": "switch_organisation"})
        messages.error(request, _("Du är inte medlem i den organisationen."))
        return redirect("accounts:profile")
    request.session[ACTIVE_ORG_SESSION_KEY] = chosen.organisation_id
    messages.success(request, _("Du arbetar nu för %(org)s.") % {"org": chosen.organisation.name})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "start"
    return redirect(next_url)


def csrf_failure(request, reason=""):
    return render(request, "csrf_failure.html", status=403)
