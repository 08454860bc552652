"""Remissammanställningar, under /departement/ (ministry staff of the owning ministry only)."""

from django.urls import path

from . import compilation as v

app_name = "compilation"

base = "remisser/<int:remiss_pk>/sammanstallningar/"

urlpatterns = [
    path(base, v.compilation_list, name="list"),
    path(base + "<int:pk>/", v.compilation_detail, name="detail"),
    path(base + "<int:pk>/status/", v.compilation_status, name="status"),
    path(base + "<int:pk>/avbryt/", v.compilation_cancel, name="cancel"),
    path(base + "<int:pk>/forsok-igen/", v.compilation_retry, name="retry"),
    path(base + "<int:pk>/jamfor/", v.compilation_compare, name="compare"),
    path(base + "<int:pk>/ladda-ned/<str:fmt>/", v.compilation_download, name="download"),
    path(base + "text/<int:proposal_pk>/", v.draft_edit, name="draft_edit"),
]
