"""The remiss's own documents (the report, the missive as PDF): add and remove."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import User
from remiss.models import (
    Document,
    Remiss,
)
from remiss.services.remisser import RemissError, _check_editable, _locked, _structure_changed
from remiss.uploads import validate_pdf


@transaction.atomic
def add_document(*, remiss: Remiss, by: User | None, title: str, upload) -> Document:
    remiss = _locked(remiss)
    _check_editable(remiss)
    try:
        validate_pdf(upload)
    except ValidationError as error:
        raise RemissError(" ".join(error.messages)) from None
    position = (remiss.documents.aggregate(p=Max("position"))["p"] or 0) + 1
    document = Document(
        remiss=remiss,
        title=title.strip() or upload.name,
        original_name=upload.name[:255],
        size=upload.size,
        position=position,
    )
    document.file.save("upload.pdf", upload, save=False)
    document.save()
    _structure_changed(
        remiss,
        by,
        "remiss.document_added",
        _("Dokumentet ”%(title)s” har lagts till.") % {"title": document.title},
        obj=document,
    )
    return document


@transaction.atomic
def delete_document(*, document: Document, by: User | None) -> None:
    remiss = _locked(document.remiss)
    _check_editable(remiss)
    title = document.title
    field = document.file
    document.delete()
    transaction.on_commit(lambda: field.storage.delete(field.name))
    _structure_changed(
        remiss, by, "remiss.document_deleted", _("Dokumentet ”%(title)s” har tagits bort.") % {"title": title}
    )
