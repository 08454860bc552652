from django.contrib.auth import views as auth_views
from django.urls import path

from .views import invitations as invitation_views
from .views import mfa as mfa_views
from .views import people as people_views
from .views import signin as views

app_name = "accounts"

urlpatterns = [
    path("logga-in/", views.LoginView.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("profil/", views.profile, name="profile"),
    path("tvastegsverifiering/", mfa_views.setup, name="mfa_setup"),
    path("tvastegsverifiering/kod/", mfa_views.verify, name="mfa_verify"),
    path("tvastegsverifiering/reservkoder/", mfa_views.recovery_codes, name="mfa_recovery_codes"),
    path("byt-organisation/", views.switch_organisation, name="switch_organisation"),
    path("inbjudan/<str:token>/", invitation_views.invitation, name="invitation"),
    path("organisation/personer/", people_views.people, name="people"),
    path("organisation/personer/bjud-in/", people_views.invite, name="people_invite"),
    path("organisation/personer/<int:pk>/roller/", people_views.member_roles, name="member_roles"),
    path("organisation/personer/<int:pk>/inaktivera/", people_views.member_deactivate, name="member_deactivate"),
    path("organisation/inbjudningar/<int:pk>/skicka-igen/", people_views.invitation_resend, name="invitation_resend"),
    path("organisation/inbjudningar/<int:pk>/aterkalla/", people_views.invitation_revoke, name="invitation_revoke"),
    path(
        "aterstall-losenord/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "aterstall-losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "aterstall-losenord/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "aterstall-losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
