"""URLs of the domain: one include per actor, each owned by its views module."""

from django.urls import include, path

urlpatterns = [
    path("", include("remiss.views.public_urls")),
    path("departement/", include("remiss.views.ministry_urls")),
    path("yttranden/", include("remiss.views.respondent_urls")),
    path("departement/", include("remiss.views.compilation_urls")),
]
