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
    if UNREADABLE in name:
        raise ValidationError(
            _(
                "Filnamnet kunde inte läsas (det innehåller tecken i en okänd teckenkodning). "
                "Byt namn på filen, till exempel utan å, ä och ö, och försök igen."
            ),
            code="file_name",
        )
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
        upload.seek(0)
        _refuse_active_content(upload)
    finally:
        upload.seek(0)


def _parse_pdf(upload: UploadedFile) -> None:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(upload, strict=False)
        encrypted = reader.is_encrypted
        if not encrypted:
            len(reader.pages)  # reads the page tree: a file without one is not usable
    except (DependencyError, FileNotDecryptedError):  # AES encryption: pypdf cannot even open it
        encrypted = True
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


ACTIVE_KEYS = ("/JavaScript", "/JS", "/AA", "/EmbeddedFile", "/EmbeddedFiles", "/Launch", "/RichMedia")


def _refuse_active_content(upload: UploadedFile) -> None:
    """Refuse (rather than strip) a PDF that can run something when opened: JavaScript, launch actions,
    additional actions, embedded files or an OpenAction other than going to a page. Remissvar and
    reports never need these, and a refused file tells the sender what to fix."""
    import pikepdf

    try:
        with pikepdf.open(upload) as pdf:
            found = _active_content(pdf)
    except pikepdf.PdfError:
        return  # pypdf read it; what pikepdf cannot open it cannot report either
    if found:
        raise ValidationError(
            _(
                "PDF-filen innehåller aktivt innehåll (%(what)s), som inte tas emot. Skriv ut dokumentet "
                "till en ny PDF (till exempel med ”Skriv ut som PDF”) och ladda upp den."
            )
            % {"what": found},
            code="active_content",
        )


def _active_content(pdf) -> str:
    import pikepdf

    open_action = pdf.Root.get("/OpenAction")
    if isinstance(open_action, pikepdf.Dictionary) and open_action.get("/S") != pikepdf.Name.GoTo:
        return "OpenAction"
    for obj in pdf.objects:
        if found := _active_in(obj, pikepdf, depth=0):
            return found
    return ""


def _active_in(obj, pikepdf, *, depth: int) -> str:
    """Look at one object and the direct objects inside it (indirect ones are visited on their own)."""
    if depth > 0 and getattr(obj, "is_indirect", False) or depth > 20:
        return ""
    if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        keys = set(obj.keys())
        if hit := next((key for key in ACTIVE_KEYS if key in keys), None):
            return hit.lstrip("/")
        if obj.get("/S") in (pikepdf.Name.JavaScript, pikepdf.Name.Launch):
            return str(obj.get("/S")).lstrip("/")
        if obj.get("/Type") == pikepdf.Name.EmbeddedFile:
            return "EmbeddedFile"
        children = (obj.get(key) for key in keys)
    elif isinstance(obj, pikepdf.Array):
        children = iter(obj)
    else:
        return ""
    for child in children:
        if found := _active_in(child, pikepdf, depth=depth + 1):
            return found
    return ""


# --- Upload file names a browser sent in an unknown encoding ----------------------------------------

UNREADABLE = "\ufffd"


class _FileNameRepairStream:
    """Wraps the request body: a part header whose ``filename="…"`` is not UTF-8 (Django would drop the
    whole part, and the form would say the file is missing) gets U+FFFD for the bytes it cannot read,
    so the file arrives and the form can say what is wrong with its name."""

    HEADER = re.compile(rb'(\r\nContent-Disposition:[^\r\n]*?filename=")([^"\r\n]*)(")', re.IGNORECASE)
    HOLD = 2048  # a header line is never longer than this; keep that much back between reads

    def __init__(self, raw):
        self.raw = raw
        self.held = b""  # read from raw, not yet repaired (may hold the start of a header line)
        self.out = b""  # repaired, not yet returned
        self.done = False

    def _fill(self, size: int) -> None:
        while not self.done and len(self.out) < max(size, 1):
            chunk = self.raw.read(max(size, 64 * 1024))
            data = self.held + chunk
            if not chunk:
                self.done, self.held = True, b""
                self.out += self._repair(data)
            elif len(data) <= self.HOLD:
                self.held = data
            else:
                cut = data.rfind(b"\r\n", 0, len(data) - self.HOLD + 1)
                cut = cut if cut > 0 else len(data) - self.HOLD
                self.out += self._repair(data[:cut])
                self.held = data[cut:]

    def read(self, size=-1):
        if size is None or size < 0:
            while not self.done:
                self._fill(len(self.out) + 1)
            data, self.out = self.out, b""
            return data
        self._fill(size)
        data, self.out = self.out[:size], self.out[size:]
        return data

    def readline(self, size=-1):
        while b"\n" not in self.out and not self.done:
            self._fill(len(self.out) + 1)
        end = self.out.find(b"\n") + 1 or len(self.out)
        if size is not None and size >= 0:
            end = min(end, size)
        data, self.out = self.out[:end], self.out[end:]
        return data

    def _repair(self, data: bytes) -> bytes:
        return self.HEADER.sub(self._fix, data)

    @staticmethod
    def _fix(match) -> bytes:
        name = match.group(2)
        try:
            name.decode("utf-8")
        except UnicodeDecodeError:
            name = name.decode("utf-8", "replace").encode("utf-8")
        return match.group(1) + name + match.group(3)


class ReadableFileNameHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: installs ``_FileNameRepairStream`` before the body is parsed and
    passes every chunk on to the next handler."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        stream = getattr(input_data, "_stream", None)
        if stream is not None and not isinstance(stream, _FileNameRepairStream):
            input_data._stream = _FileNameRepairStream(stream)

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None


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
