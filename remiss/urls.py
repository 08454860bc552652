"""The remiss app's URLs: one list per actor, each under its own namespace.

public      /remisser/…                      anyone (published remisser, answers, receipts)
respondent  /yttranden/…                     members of an invited organisation
ministry    /departement/…                   staff of the owning ministry
compilation /departement/remisser/<id>/sammanstallningar/…
"""

from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.views.generic import RedirectView

from .views import compilation, documents, ministry, prefill, public, public_answers, respondent

public_patterns = [
    path("remisser/", public.remiss_list, name="list"),
    path("remisser/<int:pk>/", public.remiss_detail, name="detail"),
    path("remisser/<int:pk>/dokument/<int:doc_pk>/", public.document_download, name="document"),
    path("remisser/<int:pk>/lamna-synpunkter/", public_answers.answer_form, name="answer_form"),
    path("remisser/<int:pk>/lamna-synpunkter/skickat/", public_answers.answer_sent, name="answer_sent"),
    path("remisser/synpunkter/bekrafta/<str:token>/", public_answers.answer_confirm, name="answer_confirm"),
    path("remisser/<int:pk>/svar/<int:submission_pk>.pdf", public.answer_pdf, name="answer_pdf"),
    path("remisser/<int:pk>/svar/<int:submission_pk>/original/", public.answer_original, name="answer_original"),
    path("remisser/<int:pk>/svar/<int:submission_pk>/kvittens/", public.answer_receipt, name="answer_receipt"),
    path(
        "remisser/<int:pk>/svar/<int:submission_pk>/bilagor/<int:attachment_pk>/",
        public.answer_attachment,
        name="answer_attachment",
    ),
]

respondent_patterns = [
    path("", respondent.inbox, name="inbox"),
    path("uppgifter/", respondent.my_tasks, name="tasks"),
    path("uppgifter/<int:pk>/klar/", respondent.task_done, name="task_done"),
    path("kvittens/<uuid:code>/", respondent.verify, name="verify"),
    path("inbjudan/<int:recipient_pk>/borja/", respondent.start, name="start"),
    path("<int:pk>/", respondent.answer_form, name="form"),
    path("<int:pk>/spara/", respondent.autosave, name="autosave"),
    path("<int:pk>/las-in-utkast/", prefill.prefill_upload, name="prefill"),
    path("<int:pk>/las-in-utkast/bekrafta/", prefill.prefill_confirm, name="prefill_confirm"),
    path("<int:pk>/granskning/", respondent.review, name="review"),
    path("<int:pk>/status/<str:action>/", respondent.transition, name="transition"),
    path("<int:pk>/beslut/", respondent.decision, name="decision"),
    path("<int:pk>/skicka-in/", respondent.submit, name="submit"),
    path("<int:pk>/forhandsgranskning.pdf", respondent.preview, name="preview"),
    path("<int:pk>/avsta/", respondent.decline, name="decline"),
    path("<int:pk>/historik/", respondent.history, name="history"),
    path("<int:pk>/historik/<int:revision_pk>/", respondent.revision_diff, name="diff"),
    path("<int:pk>/tilldela/", respondent.assign, name="assign"),
    path("<int:pk>/bilagor/", respondent.attachment_add, name="attachment_add"),
    path("<int:pk>/bilagor/<int:attachment_pk>/", respondent.attachment_download, name="attachment"),
    path("<int:pk>/bilagor/<int:attachment_pk>/ta-bort/", respondent.attachment_remove, name="attachment_remove"),
    path("<int:pk>/inskickat/<int:number>/", respondent.receipt, name="receipt"),
    path("<int:pk>/inskickat/<int:number>/pdf/", respondent.submission_pdf, name="submission_pdf"),
    path("<int:pk>/inskickat/<int:number>/forsok-igen/", respondent.submission_retry, name="submission_retry"),
    path(
        "<int:pk>/inskickat/<int:number>/bilagor/<int:attachment_pk>/",
        respondent.submission_attachment,
        name="submission_attachment",
    ),
]

ministry_patterns = [
    path("", login_required(RedirectView.as_view(pattern_name="ministry:list")), name="home"),
    path("remisser/", ministry.remiss_list, name="list"),
    path("remisser/ny/", ministry.remiss_create, name="create"),
    path("remisser/<int:pk>/", ministry.remiss_detail, name="detail"),
    path("remisser/<int:pk>/andra/", ministry.remiss_edit, name="edit"),
    path("remisser/<int:pk>/publicera/", ministry.remiss_publish, name="publish"),
    path("remisser/<int:pk>/dokument/", ministry.documents, name="documents"),
    path("remisser/<int:pk>/dokument/<int:doc_pk>/", ministry.document_download, name="document_download"),
    path("remisser/<int:pk>/dokument/<int:doc_pk>/ta-bort/", ministry.document_delete, name="document_delete"),
    path("remisser/<int:pk>/forslag/", ministry.structure, name="structure"),
    path("remisser/<int:pk>/forslag/klistra-in/", ministry.structure_paste, name="structure_paste"),
    path("remisser/<int:pk>/forslag/importera/", ministry.structure_import, name="structure_import"),
    path("remisser/<int:pk>/forslag/avsnitt/nytt/", ministry.section_add, name="section_add"),
    path("remisser/<int:pk>/forslag/avsnitt/<int:section_pk>/andra/", ministry.section_edit, name="section_edit"),
    path("remisser/<int:pk>/forslag/avsnitt/<int:section_pk>/ta-bort/", ministry.section_delete, name="section_delete"),
    path("remisser/<int:pk>/forslag/avsnitt/<int:section_pk>/flytta/", ministry.section_move, name="section_move"),
    path("remisser/<int:pk>/forslag/nytt/", ministry.proposal_add, name="proposal_add"),
    path("remisser/<int:pk>/forslag/<int:proposal_pk>/andra/", ministry.proposal_edit, name="proposal_edit"),
    path("remisser/<int:pk>/forslag/<int:proposal_pk>/ta-bort/", ministry.proposal_delete, name="proposal_delete"),
    path("remisser/<int:pk>/forslag/<int:proposal_pk>/flytta/", ministry.proposal_move, name="proposal_move"),
    path("remisser/<int:pk>/remisslista/", ministry.recipients, name="recipients"),
    path("remisser/<int:pk>/remisslista/lagg-till/", ministry.recipients_add, name="recipients_add"),
    path("remisser/<int:pk>/remisslista/<int:recipient_pk>/ta-bort/", ministry.recipient_remove, name="recipient_remove"),
    path("remisser/<int:pk>/remisslista/<int:recipient_pk>/forlang/", ministry.recipient_extend, name="recipient_extend"),
    path(
        "remisser/<int:pk>/remisslista/<int:recipient_pk>/organisation/", ministry.organisation_edit, name="organisation_edit"
    ),
    path("remisser/<int:pk>/remisslista/ny-organisation/", ministry.organisation_add, name="organisation_add"),
    path("remisser/<int:pk>/uppfoljning/", ministry.progress_view, name="progress"),
    path("remisser/<int:pk>/uppfoljning.csv", ministry.progress_csv, name="progress_csv"),
    path("remisser/<int:pk>/svar/<int:submission_pk>.pdf", ministry.answer_pdf, name="answer_pdf"),
    path("remisser/<int:pk>/dokumentsvar/", documents.document_register, name="document_register"),
    path("remisser/<int:pk>/synpunkter/", public_answers.screening, name="public_answers"),
    path(
        "remisser/<int:pk>/synpunkter/<int:answer_pk>/<str:decision>/",
        public_answers.screen,
        name="public_answer_screen",
    ),
    path("remisser/<int:pk>/dokumentsvar/<int:received_pk>/", documents.document_review, name="document_review"),
    path("remisser/<int:pk>/dokumentsvar/<int:received_pk>/ta-bort/", documents.document_discard, name="document_discard"),
    path("remisser/<int:pk>/dokumentsvar/<int:received_pk>/original/", documents.document_original, name="document_original"),
    path("remisser/<int:pk>/svar/<int:submission_pk>/publicering/", ministry.publication, name="publication"),
    path(
        "remisser/<int:pk>/svar/<int:submission_pk>/publicering/original/",
        ministry.publication_reset,
        name="publication_reset",
    ),
    path(
        "remisser/<int:pk>/svar/<int:submission_pk>/publicering/kopia.pdf",
        ministry.publication_copy,
        name="publication_copy",
    ),
]

COMPILATIONS = "remisser/<int:remiss_pk>/sammanstallningar/"

compilation_patterns = [
    path(COMPILATIONS, compilation.compilation_list, name="list"),
    path(COMPILATIONS + "<int:pk>/", compilation.compilation_detail, name="detail"),
    path(COMPILATIONS + "<int:pk>/status/", compilation.compilation_status, name="status"),
    path(COMPILATIONS + "<int:pk>/avbryt/", compilation.compilation_cancel, name="cancel"),
    path(COMPILATIONS + "<int:pk>/forsok-igen/", compilation.compilation_retry, name="retry"),
    path(COMPILATIONS + "<int:pk>/jamfor/", compilation.compilation_compare, name="compare"),
    path(COMPILATIONS + "<int:pk>/ladda-ned/<str:fmt>/", compilation.compilation_download, name="download"),
    path(COMPILATIONS + "text/<int:proposal_pk>/", compilation.draft_edit, name="draft_edit"),
]

urlpatterns = [
    path("", include((public_patterns, "public"))),
    path("departement/", include((ministry_patterns, "ministry"))),
    path("yttranden/", include((respondent_patterns, "respondent"))),
    path("departement/", include((compilation_patterns, "compilation"))),
]
