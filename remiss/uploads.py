"""Checks for uploaded files: content must match the type, size within the limit (ASVS 5.2.1-5.2.2).

Files are stored under generated names by the models' ``upload_to`` functions (ASVS 5.3.2) and
served only through permission-checked views with Content-Disposition (see ``serve_file``).
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"


def max_upload_bytes() -> int:
    return settings.REMISS_MAX_UPLOAD_BYTES


def max_upload_label() -> str:
    return filesizeformat(max_upload_bytes())


def validate_pdf(upload: UploadedFile) -> None:
    """Raise ValidationError with a Swedish message unless ``upload`` is a real PDF within the limit."""
    name = upload.name or ""
    if not name.lower().endswith(".pdf"):
        raise ValidationError(_("Filen måste vara en PDF (filnamnet ska sluta på .pdf)."), code="extension")
    if upload.size == 0:
        raise ValidationError(_("Filen är tom."), code="empty")
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("Filen är %(size)s. Största tillåtna storlek är %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": max_upload_label()},
            code="size",
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if PDF_MAGIC not in head:
        raise ValidationError(
            _("Filen är inte en riktig PDF, även om namnet slutar på .pdf. Spara dokumentet som PDF och försök igen."),
            code="content",
        )
    if len(name) > 255:
        raise ValidationError(_("Filnamnet är för långt (högst 255 tecken)."), code="name")


def safe_filename(name: str, fallback: str = "dokument.pdf") -> str:
    """A display/download name without path parts or control characters."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = re.sub(r"[\x00-\x1f\x7f\"<>:|?*]", "", name).strip(" .")
    return name[:200] or fallback


def serve_file(field, download_name: str, *, inline: bool = False) -> FileResponse:
    """Stream a stored file with Content-Disposition; never via a public media URL."""
    response = FileResponse(
        field.open("rb"),
        as_attachment=not inline,
        filename=safe_filename(download_name),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
