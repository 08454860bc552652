from django.urls import path

from . import prefill as pf
from . import respondent as v

app_name = "respondent"

urlpatterns = [
    path("", v.inbox, name="inbox"),
    path("uppgifter/", v.my_tasks, name="tasks"),
    path("uppgifter/<int:pk>/klar/", v.task_done, name="task_done"),
    path("kvittens/<uuid:code>/", v.verify, name="verify"),
    path("inbjudan/<int:recipient_pk>/borja/", v.start, name="start"),
    path("<int:pk>/", v.answer_form, name="form"),
    path("<int:pk>/spara/", v.autosave, name="autosave"),
    path("<int:pk>/las-in-utkast/", pf.prefill_upload, name="prefill"),
    path("<int:pk>/las-in-utkast/bekrafta/", pf.prefill_confirm, name="prefill_confirm"),
    path("<int:pk>/granskning/", v.review, name="review"),
    path("<int:pk>/status/<str:action>/", v.transition, name="transition"),
    path("<int:pk>/beslut/", v.decision, name="decision"),
    path("<int:pk>/skicka-in/", v.submit, name="submit"),
    path("<int:pk>/forhandsgranskning.pdf", v.preview, name="preview"),
    path("<int:pk>/avsta/", v.decline, name="decline"),
    path("<int:pk>/historik/", v.history, name="history"),
    path("<int:pk>/historik/<int:revision_pk>/", v.revision_diff, name="diff"),
    path("<int:pk>/tilldela/", v.assign, name="assign"),
    path("<int:pk>/bilagor/", v.attachment_add, name="attachment_add"),
    path("<int:pk>/bilagor/<int:attachment_pk>/", v.attachment_download, name="attachment"),
    path("<int:pk>/bilagor/<int:attachment_pk>/ta-bort/", v.attachment_remove, name="attachment_remove"),
    path("<int:pk>/inskickat/<int:number>/", v.receipt, name="receipt"),
    path("<int:pk>/inskickat/<int:number>/pdf/", v.submission_pdf, name="submission_pdf"),
    path("<int:pk>/inskickat/<int:number>/forsok-igen/", v.submission_retry, name="submission_retry"),
    path(
        "<int:pk>/inskickat/<int:number>/bilagor/<int:attachment_pk>/",
        v.submission_attachment,
        name="submission_attachment",
    ),
]
