"""Open-data URLs (public, no sign-in): answer pages, summaries and downloads under /remisser/, the
search at /sok/ and the API documentation page. The API itself is mounted at /api/v1/ by remiss.urls."""

from django.urls import path

from . import views as v

app_name = "opendata"

urlpatterns = [
    path("remisser/<int:pk>/svar/<int:submission_pk>/", v.answer_page, name="answer"),
    path("remisser/<int:pk>/svarsoversikt/", v.summary_page, name="summary"),
    path("remisser/<int:pk>/remissvar.zip", v.download_zip, name="download"),
    path("remisser/<int:pk>/karta/", v.map_page, name="map"),
    path("sok/", v.search_page, name="search"),
    path("api/v1/dokumentation/", v.api_docs, name="api_docs"),
]
