"""Public pages: /remisser/ (no sign-in)."""

from django.urls import path

from . import public as v
from . import public_answers as pa

app_name = "public"

urlpatterns = [
    path("remisser/", v.remiss_list, name="list"),
    path("remisser/<int:pk>/", v.remiss_detail, name="detail"),
    path("remisser/<int:pk>/dokument/<int:doc_pk>/", v.document_download, name="document"),
    path("remisser/<int:pk>/lamna-synpunkter/", pa.answer_form, name="answer_form"),
    path("remisser/<int:pk>/lamna-synpunkter/skickat/", pa.answer_sent, name="answer_sent"),
    path("remisser/synpunkter/bekrafta/<str:token>/", pa.answer_confirm, name="answer_confirm"),
    path("remisser/<int:pk>/svar/<int:submission_pk>.pdf", v.answer_pdf, name="answer_pdf"),
    path("remisser/<int:pk>/svar/<int:submission_pk>/original/", v.answer_original, name="answer_original"),
    path("remisser/<int:pk>/svar/<int:submission_pk>/kvittens/", v.answer_receipt, name="answer_receipt"),
    path(
        "remisser/<int:pk>/svar/<int:submission_pk>/bilagor/<int:attachment_pk>/",
        v.answer_attachment,
        name="answer_attachment",
    ),
]
