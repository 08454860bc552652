"""Text from an uploaded answer: PDF (pypdf), DOCX (python-docx) or plain text.

Every refusal is a ``ReadingError`` whose ``str()`` is a Swedish message for the user. Nothing here
touches the database or the file system beyond the bytes given.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from core.errors import ApplicationError

from . import budget

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# A page of real text yields far more than this; below it on average the PDF is taken as scanned.
MIN_CHARS_PER_PAGE = 40
MAX_PDF_PAGES = 1000
EXTENSIONS = (".pdf", ".docx", ".txt")


class ReadingError(ApplicationError, ValueError):
    """The file cannot be read as an answer; ``str(error)`` is the Swedish message to show."""

    def __init__(self, message: str, code: str):
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class ExtractedDocument:
    text: str
    kind: str  # "pdf" | "docx" | "txt"
    pages: int = 0
    ocr: bool = False


def max_docx_uncompressed() -> int:
    return getattr(settings, "REMISS_MAX_DOCX_UNCOMPRESSED_BYTES", 50 * 1024 * 1024)


def extract_text(data: bytes, filename: str) -> ExtractedDocument:
    """The text of ``data``, chosen by the file name's extension and checked against the content."""
    name = (filename or "").lower().strip()
    if name.endswith((".docm", ".dotm", ".doc", ".dot")):
        raise ReadingError(
            _(
                "Filtypen %(ext)s kan inte läsas: Word-filer med makron (.docm) och gamla .doc-filer tas "
                "inte emot. Spara dokumentet som .docx eller PDF och försök igen."
            )
            % {"ext": name.rsplit(".", 1)[-1]},
            code="extension",
        )
    if not name.endswith(EXTENSIONS):
        raise ReadingError(
            _("Filen måste vara en PDF, ett Word-dokument (.docx) eller en textfil (.txt)."), code="extension"
        )
    if not data:
        raise ReadingError(_("Filen är tom."), code="empty")
    if name.endswith(".pdf"):
        return _pdf(data)
    if name.endswith(".docx"):
        return _docx(data)
    return _txt(data)


# --- PDF ----------------------------------------------------------------------------------------


def _pdf(data: bytes) -> ExtractedDocument:
    """Text by PDFium (pypdfium2): about 1 ms a page, where pure-Python extractors take 100+."""
    import pypdfium2 as pdfium

    if not data.startswith(PDF_MAGIC):
        raise ReadingError(
            _("Filen är inte en riktig PDF, även om namnet slutar på .pdf. Spara dokumentet som PDF och försök igen."),
            code="content",
        )
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise ReadingError(
                _("PDF-filen är krypterad eller lösenordsskyddad. Spara den utan lösenord och försök igen."),
                code="encrypted",
            ) from None
        raise ReadingError(
            _(
                "Filen går inte att läsa som PDF. Den kan vara skadad; spara dokumentet som PDF på nytt och försök igen."
            ),
            code="corrupt",
        ) from None
    try:
        deadline = budget.Deadline()
        if len(document) > MAX_PDF_PAGES:
            raise ReadingError(
                _("PDF-filen har fler än %(pages)d sidor och kan inte läsas automatiskt.") % {"pages": MAX_PDF_PAGES},
                code="too_large",
            )
        if not budget.pdf_within_budget(data):
            raise ReadingError(budget.over_budget_message(), code="too_large")
        pages = []
        for page in document:
            if deadline.passed():
                raise ReadingError(budget.over_budget_message(), code="too_large")
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except pdfium.PdfiumError:
        raise ReadingError(
            _(
                "Filen går inte att läsa som PDF. Den kan vara skadad; spara dokumentet som PDF på nytt och försök igen."
            ),
            code="corrupt",
        ) from None
    finally:
        document.close()
    text = "\n\n".join(pages).replace("\r\n", "\n").replace("\x02", "-\n")
    if len(re.sub(r"\s", "", text)) < MIN_CHARS_PER_PAGE * max(len(pages), 1) / 4:
        ocr_text = _ocr(data)
        if ocr_text:
            return ExtractedDocument(text=ocr_text, kind="pdf", pages=len(pages), ocr=True)
        raise ReadingError(
            _(
                "PDF-filen innehåller ingen läsbar text – den verkar vara inskannad som bild. Be avsändaren om "
                "en PDF som sparats direkt från ordbehandlaren, eller registrera svaret och fyll i "
                "ställningstagandena för hand."
            ),
            code="scanned",
        )
    return ExtractedDocument(text=text, kind="pdf", pages=len(pages))


def _ocr(data: bytes) -> str:
    """Text by OCR when tesseract and pdftoppm are installed (optional); otherwise ''."""
    tesseract, pdftoppm = shutil.which("tesseract"), shutil.which("pdftoppm")
    if not (tesseract and pdftoppm):
        return ""
    with tempfile.TemporaryDirectory() as tmp:
        source = f"{tmp}/in.pdf"
        with open(source, "wb") as handle:
            handle.write(data)
        try:
            subprocess.run([pdftoppm, "-r", "200", "-png", source, f"{tmp}/p"], check=True, timeout=120)
            import glob

            texts = []
            for image in sorted(glob.glob(f"{tmp}/p*.png")):
                result = subprocess.run(
                    [tesseract, image, "-", "-l", "swe"], check=True, timeout=60, capture_output=True
                )
                texts.append(result.stdout.decode("utf-8", "replace"))
        except (subprocess.SubprocessError, OSError):
            return ""
    text = "\n\n".join(texts)
    return text if len(text.strip()) > MIN_CHARS_PER_PAGE else ""


# --- DOCX ---------------------------------------------------------------------------------------

MACRO_MARKERS = ("vbaproject.bin", "vbadata.xml")


def _docx(data: bytes) -> ExtractedDocument:
    if not data.startswith(ZIP_MAGIC):
        raise ReadingError(
            _("Filen är inte ett riktigt Word-dokument (.docx). Spara dokumentet som .docx eller PDF och försök igen."),
            code="content",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        names = {info.filename.lower() for info in infos}
        content_types = archive.read("[Content_Types].xml") if "[content_types].xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError, ValueError):
        raise ReadingError(
            _("Word-dokumentet går inte att öppna. Det kan vara skadat; spara det på nytt och försök igen."),
            code="corrupt",
        ) from None
    if any(name.rsplit("/", 1)[-1] in MACRO_MARKERS for name in names) or b"macroEnabled" in content_types:
        raise ReadingError(
            _("Word-dokumentet innehåller makron och tas inte emot. Spara det som .docx utan makron eller som PDF."),
            code="macro",
        )
    # Zip bomb guard: the declared sizes are checked before anything is decompressed, and
    # python-docx reads only the parts listed here.
    if sum(info.file_size for info in infos) > max_docx_uncompressed() or len(infos) > 2000:
        raise ReadingError(
            _("Word-dokumentet är för stort när det packas upp och kan inte läsas. Spara det som PDF och försök igen."),
            code="too_large",
        )
    if not budget.docx_within_budget(archive):
        raise ReadingError(budget.over_budget_message(), code="too_large")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        text = "\n".join(_docx_blocks(document))
    except Exception:  # malformed OOXML of any kind
        raise ReadingError(
            _("Word-dokumentet går inte att läsa. Det kan vara skadat; spara det på nytt och försök igen."),
            code="corrupt",
        ) from None
    if not text.strip():
        raise ReadingError(_("Word-dokumentet innehåller ingen text."), code="no_text")
    return ExtractedDocument(text=text, kind="docx")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Not the paragraph's own text: deleted (tracked) text, text boxes, the fallback copy of a drawing,
# and the paragraph's properties (tab stop definitions).
SKIPPED_XML = {
    f"{W}del",
    f"{W}txbxContent",
    f"{W}pPr",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}


def _paragraph_text(paragraph) -> str:
    """A paragraph's text with tracked insertions (``w:ins``), which python-docx's ``text`` leaves out."""
    if paragraph._p.find(f".//{W}ins") is None:
        return paragraph.text
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            if child.tag in SKIPPED_XML:
                continue
            if child.tag == f"{W}t":
                parts.append(child.text or "")
            elif child.tag == f"{W}tab":
                parts.append("\t")
            elif child.tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            else:
                walk(child)

    walk(paragraph._p)
    return "".join(parts)


def _docx_paragraph(paragraph, styles: dict[str, str]) -> list[str]:
    text = _paragraph_text(paragraph).strip()
    style = styles.get(paragraph._p.style or "", "").lower()  # python-docx's ``style`` looks it up each time
    if not text:
        return [""]
    if style.startswith(("heading", "rubrik", "title")):
        return ["", text, ""]
    # numbered by Word: a list item, unless a short line without a full stop (a numbered heading)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    numbered = numbered and (text[-1] in ".!?:;" or len(text.split()) > 12)
    if style.startswith(("list", "liststycke")) or numbered:
        return [f"- {text}"]
    return [text, ""]


def _docx_blocks(document) -> list[str]:
    """Paragraphs and table rows in document order; headings and list items (by style, or numbered
    by Word) on lines of their own."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    styles = {style.style_id: style.name or "" for style in document.styles if style.style_id}
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(_docx_paragraph(block, styles))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    value = "\n".join(_paragraph_text(p) for p in cell.paragraphs).strip()
                    if value and (not cells or cells[-1] != value):
                        cells.append(value)
                lines.extend([" – ".join(cells), ""])
    return lines


# --- text ---------------------------------------------------------------------------------------


def _txt(data: bytes) -> ExtractedDocument:
    if b"\x00" in data[:4096]:
        raise ReadingError(_("Filen är inte en textfil."), code="content")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return ExtractedDocument(text=data.decode(encoding), kind="txt")
        except UnicodeDecodeError:
            continue
    raise ReadingError(_("Textfilen har en okänd teckenkodning. Spara den som UTF-8."), code="encoding")
