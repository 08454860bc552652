"""Ministry staff pages under /departement/."""

from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import RedirectView

from . import documents as d
from . import ministry as v
from . import public_answers as pa

app_name = "ministry"

urlpatterns = [
    path("", login_required(RedirectView.as_view(pattern_name="ministry:list")), name="home"),
    path("remisser/", v.remiss_list, name="list"),
    path("remisser/ny/", v.remiss_create, name="create"),
    path("remisser/<int:pk>/", v.remiss_detail, name="detail"),
    path("remisser/<int:pk>/andra/", v.remiss_edit, name="edit"),
    path("remisser/<int:pk>/publicera/", v.remiss_publish, name="publish"),
    path("remisser/<int:pk>/dokument/", v.documents, name="documents"),
    path("remisser/<int:pk>/dokument/<int:doc_pk>/", v.document_download, name="document_download"),
    path("remisser/<int:pk>/dokument/<int:doc_pk>/ta-bort/", v.document_delete, name="document_delete"),
    path("remisser/<int:pk>/forslag/", v.structure, name="structure"),
    path("remisser/<int:pk>/forslag/klistra-in/", v.structure_paste, name="structure_paste"),
    path("remisser/<int:pk>/forslag/importera/", v.structure_import, name="structure_import"),
    path("remisser/<int:pk>/forslag/avsnitt/nytt/", v.section_add, name="section_add"),
    path("remisser/<int:pk>/forslag/avsnitt/<int:section_pk>/andra/", v.section_edit, name="section_edit"),
    path("remisser/<int:pk>/forslag/avsnitt/<int:section_pk>/ta-bort/", v.section_delete, name="section_delete"),
    path("remisser/<int:pk>/forslag/avsnitt/<int:section_pk>/flytta/", v.section_move, name="section_move"),
    path("remisser/<int:pk>/forslag/nytt/", v.proposal_add, name="proposal_add"),
    path("remisser/<int:pk>/forslag/<int:proposal_pk>/andra/", v.proposal_edit, name="proposal_edit"),
    path("remisser/<int:pk>/forslag/<int:proposal_pk>/ta-bort/", v.proposal_delete, name="proposal_delete"),
    path("remisser/<int:pk>/forslag/<int:proposal_pk>/flytta/", v.proposal_move, name="proposal_move"),
    path("remisser/<int:pk>/remisslista/", v.recipients, name="recipients"),
    path("remisser/<int:pk>/remisslista/lagg-till/", v.recipients_add, name="recipients_add"),
    path("remisser/<int:pk>/remisslista/<int:recipient_pk>/ta-bort/", v.recipient_remove, name="recipient_remove"),
    path("remisser/<int:pk>/remisslista/<int:recipient_pk>/forlang/", v.recipient_extend, name="recipient_extend"),
    path(
        "remisser/<int:pk>/remisslista/<int:recipient_pk>/organisation/", v.organisation_edit, name="organisation_edit"
    ),
    path("remisser/<int:pk>/remisslista/ny-organisation/", v.organisation_add, name="organisation_add"),
    path("remisser/<int:pk>/uppfoljning/", v.progress_view, name="progress"),
    path("remisser/<int:pk>/uppfoljning.csv", v.progress_csv, name="progress_csv"),
    path("remisser/<int:pk>/svar/<int:submission_pk>.pdf", v.answer_pdf, name="answer_pdf"),
    path("remisser/<int:pk>/dokumentsvar/", d.document_register, name="document_register"),
    path("remisser/<int:pk>/synpunkter/", pa.screening, name="public_answers"),
    path(
        "remisser/<int:pk>/synpunkter/<int:answer_pk>/<str:decision>/",
        pa.screen,
        name="public_answer_screen",
    ),
    path("remisser/<int:pk>/dokumentsvar/<int:received_pk>/", d.document_review, name="document_review"),
    path("remisser/<int:pk>/dokumentsvar/<int:received_pk>/ta-bort/", d.document_discard, name="document_discard"),
    path("remisser/<int:pk>/dokumentsvar/<int:received_pk>/original/", d.document_original, name="document_original"),
    path("remisser/<int:pk>/svar/<int:submission_pk>/publicering/", v.publication, name="publication"),
    path(
        "remisser/<int:pk>/svar/<int:submission_pk>/publicering/original/",
        v.publication_reset,
        name="publication_reset",
    ),
    path(
        "remisser/<int:pk>/svar/<int:submission_pk>/publicering/kopia.pdf",
        v.publication_copy,
        name="publication_copy",
    ),
]
