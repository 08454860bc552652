"""Open-data URLs: answer pages and summaries under /remisser/ (public, no sign-in)."""

from django.urls import path

from . import views as v

app_name = "opendata"

urlpatterns = [
    path("remisser/<int:pk>/svar/<int:submission_pk>/", v.answer_page, name="answer"),
    path("remisser/<int:pk>/svarsoversikt/", v.summary_page, name="summary"),
]
