"""Ministry staff: the remiss's own documents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ApplicationError
from remiss import permissions
from remiss.forms.ministry import (
    DocumentForm,
)
from remiss.services import remiss_documents
from remiss.uploads import max_upload_label, serve_file
from remiss.views.ministry.remisser import render_tab


@login_required
def documents(request, pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            remiss_documents.add_document(
                remiss=remiss, by=request.user, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
            )
        except ApplicationError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("Dokumentet har laddats upp."))
            return redirect("ministry:documents", pk=remiss.pk)
    return render_tab(
        request,
        remiss,
        "remiss/ministry/documents.html",
        {"form": form, "documents": remiss.documents.all(), "upload_limit": max_upload_label()},
    )


@login_required
def document_download(request, pk: int, doc_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    document = get_object_or_404(remiss.documents, pk=doc_pk)
    return serve_file(document.file, document.original_name)


@login_required
@require_POST
def document_delete(request, pk: int, doc_pk: int):
    remiss = permissions.get_remiss_for_staff(request, pk)
    document = get_object_or_404(remiss.documents, pk=doc_pk)
    try:
        remiss_documents.delete_document(document=document, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Dokumentet har tagits bort."))
    return redirect("ministry:documents", pk=remiss.pk)
