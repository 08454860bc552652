"""Work budgets for reading an uploaded document, checked before the costly part starts.

A small file can unpack into a great deal of work: a 150 KB DOCX of 48 MB of one-letter paragraphs,
or a PDF whose thousand pages all draw one shared content stream. Real remissvar are far inside these
limits (a 300-page report has some 6,000 paragraphs and a content stream per page), so a file over
them is refused at once with a Swedish message instead of holding a process for minutes. Extraction
itself also stops at ``READ_SECONDS``.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections import Counter

from django.utils.translation import gettext as _

MAX_DOCX_PARAGRAPHS = 20_000
MAX_DOCX_XML_BYTES = 25 * 1024 * 1024  # the main part, unpacked
MAX_PAGES_SHARING_CONTENT = 20  # pages drawn by one and the same content stream
READ_SECONDS = 20.0
CHUNK = 1024 * 1024


def over_budget_message() -> str:
    return _(
        "Dokumentet är för omfattande för att läsas automatiskt (det innehåller mycket mer text eller "
        "många fler sidor än ett remissvar). Spara det på nytt som PDF eller .docx, eller registrera "
        "svaret och fyll i ställningstagandena för hand."
    )


def docx_within_budget(archive: zipfile.ZipFile) -> bool:
    """The main document part is not too large unpacked and holds at most MAX_DOCX_PARAGRAPHS
    paragraphs, counted in the stream (stops as soon as the budget is passed)."""
    try:
        info = archive.getinfo("word/document.xml")
    except KeyError:
        return True  # the reader reports a malformed document itself
    if info.file_size > MAX_DOCX_XML_BYTES:
        return False
    count, tail = 0, b""
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            data = tail + chunk
            count += data.count(b"<w:p>") + data.count(b"<w:p ")
            if count > MAX_DOCX_PARAGRAPHS:
                return False
            tail = data[-5:]
            count -= tail.count(b"<w:p>") + tail.count(b"<w:p ")  # counted again with the next chunk
    return True


def pdf_within_budget(data: bytes) -> bool:
    """No content stream draws more than MAX_PAGES_SHARING_CONTENT pages."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            shared: Counter = Counter()
            for page in pdf.pages:
                contents = page.obj.get("/Contents")
                items = contents if isinstance(contents, pikepdf.Array) else [contents]
                for item in items:
                    if item is not None and item.is_indirect:
                        shared[item.objgen] += 1
            return not shared or max(shared.values()) <= MAX_PAGES_SHARING_CONTENT
    except pikepdf.PdfError:
        return True  # PDFium reports what it cannot read


class Deadline:
    """Wall-clock budget for one extraction."""

    def __init__(self, seconds: float = READ_SECONDS):
        self.until = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() > self.until
