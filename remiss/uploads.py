"""Checks for uploaded files: content must match the type, size within the limit (ASVS 5.2.1-5.2.2).

Files are stored under generated names by the models' ``upload_to`` functions (ASVS 5.3.2) and
served only through permission-checked views with Content-Disposition (see ``serve_file``).
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

PDF_MAGIC = b"%PDF-"
PDF_EOF = b"%%EOF"
EOF_WINDOW = 2048  # %%EOF must be within this many bytes of the end (some writers add trailing bytes)


def max_upload_bytes() -> int:
    return settings.REMISS_MAX_UPLOAD_BYTES


def max_upload_label() -> str:
    return filesizeformat(max_upload_bytes())


CHECKED = "_remiss_pdf_checked"  # set on an upload that passed, so a form and a service parse it once


def validate_pdf(upload: UploadedFile) -> None:
    """Raise ValidationError with a Swedish message unless ``upload`` is a real PDF within the limit.

    Forms check uploads and services check them again (services are also called without a form);
    the parse is the costly part, so an upload that passed is marked and not parsed a second time.
    """
    if getattr(upload, CHECKED, False):
        return
    name = upload.name or ""
    if not name.lower().endswith(".pdf"):
        raise ValidationError(_("Filen måste vara en PDF (filnamnet ska sluta på .pdf)."), code="extension")
    if upload.size == 0:
        raise ValidationError(_("Filen är tom."), code="empty")
    validate_upload_size(upload)
    if len(name) > 255:
        raise ValidationError(_("Filnamnet är för långt (högst 255 tecken)."), code="name")
    _check_pdf_content(upload)
    setattr(upload, CHECKED, True)


NOT_A_PDF = _lazy(
    "Filen är inte en riktig PDF, även om namnet slutar på .pdf. Spara dokumentet som PDF och försök igen."
)


def _check_pdf_content(upload: UploadedFile) -> None:
    """The bytes must be a PDF: start with %PDF-, end with %%EOF, and parse (pypdf), unencrypted."""
    try:
        upload.seek(0)
        head = upload.read(len(PDF_MAGIC))
        upload.seek(max(upload.size - EOF_WINDOW, 0))
        tail = upload.read(EOF_WINDOW)
        if head != PDF_MAGIC:
            raise ValidationError(NOT_A_PDF, code="content")
        if PDF_EOF not in tail:
            raise ValidationError(
                _(
                    "PDF-filen är ofullständig (slutet saknas). Den kan ha avbrutits när den sparades eller laddades upp."
                ),
                code="truncated",
            )
        upload.seek(0)
        _parse_pdf(upload)
    finally:
        upload.seek(0)


def _parse_pdf(upload: UploadedFile) -> None:
    from pypdf import PdfReader

    try:
        reader = PdfReader(upload, strict=False)
        encrypted = reader.is_encrypted
        if not encrypted:
            len(reader.pages)  # reads the page tree: a file without one is not usable
    except Exception:  # any failure to parse malformed input means: not a usable PDF
        raise ValidationError(
            _(
                "Filen går inte att läsa som PDF. Den kan vara skadad; spara dokumentet som PDF på nytt och försök igen."
            ),
            code="unparseable",
        ) from None
    if encrypted:
        raise ValidationError(
            _("PDF-filen är krypterad eller lösenordsskyddad. Spara den utan lösenord och försök igen."),
            code="encrypted",
        )


def safe_filename(name: str, fallback: str = "dokument.pdf") -> str:
    """A display/download name without path parts or control characters."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = re.sub(r"[\x00-\x1f\x7f\"<>:|?*]", "", name).strip(" .")
    return name[:200] or fallback


def answer_download_name(organisation: str, reference: str, *, kind: str = "Remissvar", version: int = 1) -> str:
    """ "Remissvar Nacka kommun Fi2018-02500-SFÖ.pdf": the diarienummer's slashes become hyphens
    (a slash would cut the name to its last part); later versions say which they are."""
    suffix = f" version {version}" if version > 1 else ""
    return f"{kind} {organisation} {reference.replace('/', '-')}{suffix}.pdf"


def content_disposition(download_name: str, *, inline: bool = False) -> str:
    """RFC 6266: a plain-ASCII ``filename`` for old clients and the exact UTF-8 name in ``filename*``."""
    name = safe_filename(download_name)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().replace("\\", "")
    ascii_name = re.sub(r"\s+", " ", ascii_name).strip() or "dokument.pdf"
    disposition = "inline" if inline else "attachment"
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def serve_file(field, download_name: str, *, inline: bool = False) -> FileResponse:
    """Stream a stored file with Content-Disposition; never via a public media URL."""
    response = FileResponse(field.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(download_name, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HashedUpload(UploadedFile):
    """What ``HashingUploadHandler`` leaves of an uploaded file: its name, size and SHA-256."""

    def __init__(self, *, name: str, size: int, sha256: str, content_type: str | None):
        super().__init__(file=io.BytesIO(), name=name, content_type=content_type, size=size)
        self.sha256 = sha256


class HashingUploadHandler(FileUploadHandler):
    """Hashes each uploaded file while it arrives and keeps none of its bytes: no temporary file, no
    parsing (the public receipt check compares a SHA-256, so a crafted PDF costs only the hashing).
    Bytes past ``REMISS_MAX_UPLOAD_BYTES`` are not hashed; the form refuses the file by its size."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.digest = hashlib.sha256()
        self.size = 0

    def receive_data_chunk(self, raw_data: bytes, start: int):
        self.size += len(raw_data)
        if self.size <= max_upload_bytes():
            self.digest.update(raw_data)
        return None  # nothing for later handlers: the bytes are not kept

    def file_complete(self, file_size: int) -> HashedUpload:
        return HashedUpload(
            name=self.file_name, size=self.size, sha256=self.digest.hexdigest(), content_type=self.content_type
        )


def validate_upload_size(upload: UploadedFile) -> None:
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("Filen är %(size)s. Största tillåtna storlek är %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": max_upload_label()},
            code="size",
        )
