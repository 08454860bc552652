"""The remiss app's URLs: one list per actor, each under its own namespace.

public      /remisser/…                      anyone (published remisser, answers, receipts)
respondent  /yttranden/…                     members of an invited organisation
ministry    /departement/…                   staff of the owning ministry
compilation /departement/remisser/<id>/sammanstallningar/…
"""

from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.views.generic import RedirectView

from remiss.views import public, public_answers, public_themes
from remiss.views.ministry import answers as ministry_answers
from remiss.views.ministry import compilations as ministry_compilations
from remiss.views.ministry import document_answers as ministry_document_answers
from remiss.views.ministry import documents as ministry_documents
from remiss.views.ministry import progress as ministry_progress
from remiss.views.ministry import recipients as ministry_recipients
from remiss.views.ministry import remisser as ministry_remisser
from remiss.views.ministry import screening as ministry_screening
from remiss.views.ministry import structure as ministry_structure
from remiss.views.ministry import themes as ministry_themes
from remiss.views.respondent import attachments as respondent_attachments
from remiss.views.respondent import form as respondent_form
from remiss.views.respondent import history as respondent_history
from remiss.views.respondent import inbox as respondent_inbox
from remiss.views.respondent import prefill as respondent_prefill
from remiss.views.respondent import receipts as respondent_receipts
from remiss.views.respondent import review as respondent_review

public_patterns = [
    path("remisser/", public.remiss_list, name="list"),
    path("remisser/<int:pk>/", public.remiss_detail, name="detail"),
    path("remisser/<int:pk>/dokument/<int:doc_pk>/", public.document_download, name="document"),
    path("remisser/<int:pk>/lamna-synpunkter/", public_answers.answer_form, name="answer_form"),
    path("remisser/<int:pk>/lamna-synpunkter/skickat/", public_answers.answer_sent, name="answer_sent"),
    path("remisser/synpunkter/bekrafta/<str:token>/", public_answers.answer_confirm, name="answer_confirm"),
    path("remisser/<int:pk>/vad-hande-med-synpunkterna/", public_themes.analysis, name="analysis"),
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
    path("", respondent_inbox.inbox, name="inbox"),
    path("uppgifter/", respondent_inbox.my_tasks, name="tasks"),
    path("uppgifter/<int:pk>/klar/", respondent_inbox.task_done, name="task_done"),
    path("kvittens/<uuid:code>/", respondent_receipts.verify, name="verify"),
    path("inbjudan/<int:recipient_pk>/borja/", respondent_inbox.start, name="start"),
    path("<int:pk>/", respondent_form.answer_form, name="form"),
    path("<int:pk>/spara/", respondent_form.autosave, name="autosave"),
    path("<int:pk>/las-in-utkast/", respondent_prefill.prefill_upload, name="prefill"),
    path("<int:pk>/las-in-utkast/bekrafta/", respondent_prefill.prefill_confirm, name="prefill_confirm"),
    path("<int:pk>/granskning/", respondent_review.review, name="review"),
    path("<int:pk>/status/<str:action>/", respondent_review.transition, name="transition"),
    path("<int:pk>/beslut/", respondent_review.decision, name="decision"),
    path("<int:pk>/skicka-in/", respondent_review.submit, name="submit"),
    path("<int:pk>/forhandsgranskning.pdf", respondent_review.preview, name="preview"),
    path("<int:pk>/avsta/", respondent_review.decline, name="decline"),
    path("<int:pk>/historik/", respondent_history.history, name="history"),
    path("<int:pk>/historik/<int:revision_pk>/", respondent_history.revision_diff, name="diff"),
    path("<int:pk>/tilldela/", respondent_attachments.assign, name="assign"),
    path("<int:pk>/bilagor/", respondent_attachments.attachment_add, name="attachment_add"),
    path("<int:pk>/bilagor/<int:attachment_pk>/", respondent_attachments.attachment_download, name="attachment"),
    path(
        "<int:pk>/bilagor/<int:attachment_pk>/ta-bort/",
        respondent_attachments.attachment_remove,
        name="attachment_remove",
    ),
    path("<int:pk>/inskickat/<int:number>/", respondent_receipts.receipt, name="receipt"),
    path("<int:pk>/inskickat/<int:number>/pdf/", respondent_receipts.submission_pdf, name="submission_pdf"),
    path("<int:pk>/inskickat/<int:number>/forsok-igen/", respondent_review.submission_retry, name="submission_retry"),
    path(
        "<int:pk>/inskickat/<int:number>/bilagor/<int:attachment_pk>/",
        respondent_receipts.submission_attachment,
        name="submission_attachment",
    ),
]

ministry_patterns = [
    path("", login_required(RedirectView.as_view(pattern_name="ministry:list")), name="home"),
    path("remisser/", ministry_remisser.remiss_list, name="list"),
    path("remisser/ny/", ministry_remisser.remiss_create, name="create"),
    path("remisser/<int:pk>/", ministry_remisser.remiss_detail, name="detail"),
    path("remisser/<int:pk>/andra/", ministry_remisser.remiss_edit, name="edit"),
    path("remisser/<int:pk>/publicera/", ministry_remisser.remiss_publish, name="publish"),
    path("remisser/<int:pk>/dokument/", ministry_documents.documents, name="documents"),
    path("remisser/<int:pk>/dokument/<int:doc_pk>/", ministry_documents.document_download, name="document_download"),
    path(
        "remisser/<int:pk>/dokument/<int:doc_pk>/ta-bort/", ministry_documents.document_delete, name="document_delete"
    ),
    path("remisser/<int:pk>/forslag/", ministry_structure.structure, name="structure"),
    path("remisser/<int:pk>/forslag/klistra-in/", ministry_structure.structure_paste, name="structure_paste"),
    path("remisser/<int:pk>/forslag/importera/", ministry_structure.structure_import, name="structure_import"),
    path("remisser/<int:pk>/forslag/avsnitt/nytt/", ministry_structure.section_add, name="section_add"),
    path(
        "remisser/<int:pk>/forslag/avsnitt/<int:section_pk>/andra/",
        ministry_structure.section_edit,
        name="section_edit",
    ),
    path(
        "remisser/<int:pk>/forslag/avsnitt/<int:section_pk>/ta-bort/",
        ministry_structure.section_delete,
        name="section_delete",
    ),
    path(
        "remisser/<int:pk>/forslag/avsnitt/<int:section_pk>/flytta/",
        ministry_structure.section_move,
        name="section_move",
    ),
    path("remisser/<int:pk>/forslag/nytt/", ministry_structure.proposal_add, name="proposal_add"),
    path("remisser/<int:pk>/forslag/<int:proposal_pk>/andra/", ministry_structure.proposal_edit, name="proposal_edit"),
    path(
        "remisser/<int:pk>/forslag/<int:proposal_pk>/ta-bort/",
        ministry_structure.proposal_delete,
        name="proposal_delete",
    ),
    path("remisser/<int:pk>/forslag/<int:proposal_pk>/flytta/", ministry_structure.proposal_move, name="proposal_move"),
    path("remisser/<int:pk>/remisslista/", ministry_recipients.recipients, name="recipients"),
    path("remisser/<int:pk>/remisslista/lagg-till/", ministry_recipients.recipients_add, name="recipients_add"),
    path(
        "remisser/<int:pk>/remisslista/<int:recipient_pk>/ta-bort/",
        ministry_recipients.recipient_remove,
        name="recipient_remove",
    ),
    path(
        "remisser/<int:pk>/remisslista/<int:recipient_pk>/forlang/",
        ministry_recipients.recipient_extend,
        name="recipient_extend",
    ),
    path(
        "remisser/<int:pk>/remisslista/<int:recipient_pk>/organisation/",
        ministry_recipients.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "remisser/<int:pk>/remisslista/ny-organisation/", ministry_recipients.organisation_add, name="organisation_add"
    ),
    path("remisser/<int:pk>/uppfoljning/", ministry_progress.progress_view, name="progress"),
    path("remisser/<int:pk>/uppfoljning.csv", ministry_progress.progress_csv, name="progress_csv"),
    path("remisser/<int:pk>/svar/<int:submission_pk>.pdf", ministry_answers.answer_pdf, name="answer_pdf"),
    path("remisser/<int:pk>/dokumentsvar/", ministry_document_answers.document_register, name="document_register"),
    path("remisser/<int:pk>/synpunkter/", ministry_screening.screening, name="public_answers"),
    path(
        "remisser/<int:pk>/synpunkter/<int:answer_pk>/<str:decision>/",
        ministry_screening.screen,
        name="public_answer_screen",
    ),
    path(
        "remisser/<int:pk>/dokumentsvar/<int:received_pk>/",
        ministry_document_answers.document_review,
        name="document_review",
    ),
    path(
        "remisser/<int:pk>/dokumentsvar/<int:received_pk>/flytta/",
        ministry_document_answers.document_move,
        name="document_move",
    ),
    path(
        "remisser/<int:pk>/dokumentsvar/<int:received_pk>/ta-bort/",
        ministry_document_answers.document_discard,
        name="document_discard",
    ),
    path(
        "remisser/<int:pk>/dokumentsvar/<int:received_pk>/original/",
        ministry_document_answers.document_original,
        name="document_original",
    ),
    path("remisser/<int:pk>/svar/<int:submission_pk>/publicering/", ministry_answers.publication, name="publication"),
    path(
        "remisser/<int:pk>/svar/<int:submission_pk>/publicering/original/",
        ministry_answers.publication_reset,
        name="publication_reset",
    ),
    path(
        "remisser/<int:pk>/svar/<int:submission_pk>/publicering/kopia.pdf",
        ministry_answers.publication_copy,
        name="publication_copy",
    ),
    path("remisser/<int:pk>/teman/", ministry_themes.themes_overview, name="themes"),
    path("remisser/<int:pk>/teman/hitta/", ministry_themes.themes_run, name="themes_run"),
    path("remisser/<int:pk>/teman/sarskilt-berorda/", ministry_themes.themes_special, name="themes_special"),
    path("remisser/<int:pk>/teman/publicera/", ministry_themes.themes_publish, name="themes_publish"),
    path("remisser/<int:pk>/teman/forslag/<int:proposal_pk>/", ministry_themes.theme_proposal, name="theme_proposal"),
    path("remisser/<int:pk>/teman/<int:theme_pk>/<str:action>/", ministry_themes.theme_edit, name="theme_edit"),
]

COMPILATIONS = "remisser/<int:remiss_pk>/sammanstallningar/"

compilation_patterns = [
    path(COMPILATIONS, ministry_compilations.compilation_list, name="list"),
    path(COMPILATIONS + "<int:pk>/", ministry_compilations.compilation_detail, name="detail"),
    path(COMPILATIONS + "<int:pk>/status/", ministry_compilations.compilation_status, name="status"),
    path(COMPILATIONS + "<int:pk>/avbryt/", ministry_compilations.compilation_cancel, name="cancel"),
    path(COMPILATIONS + "<int:pk>/forsok-igen/", ministry_compilations.compilation_retry, name="retry"),
    path(COMPILATIONS + "<int:pk>/jamfor/", ministry_compilations.compilation_compare, name="compare"),
    path(COMPILATIONS + "<int:pk>/ladda-ned/<str:fmt>/", ministry_compilations.compilation_download, name="download"),
    path(COMPILATIONS + "text/<int:proposal_pk>/", ministry_compilations.draft_edit, name="draft_edit"),
]

urlpatterns = [
    path("", include((public_patterns, "public"))),
    path("departement/", include((ministry_patterns, "ministry"))),
    path("yttranden/", include((respondent_patterns, "respondent"))),
    path("departement/", include((compilation_patterns, "compilation"))),
]
