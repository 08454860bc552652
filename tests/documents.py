"""Build answer documents for tests and benchmarks: DOCX with python-docx, PDF with WeasyPrint or
pypdf (scanned-looking, encrypted), and the malformed ones the reader must refuse."""

from __future__ import annotations

import html
import io
import zipfile


def docx_bytes(paragraphs: list[str | tuple[str, str]]) -> bytes:
    """A .docx of paragraphs; ("heading", text) gives a Heading 2, ("list", text) a bulleted item."""
    import docx

    document = docx.Document()
    for item in paragraphs:
        kind, text = item if isinstance(item, tuple) else ("text", item)
        if kind == "heading":
            document.add_heading(text, level=2)
        elif kind == "list":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str) -> bytes:
    """A text PDF of ``text`` (paragraphs separated by blank lines), rendered by WeasyPrint."""
    from weasyprint import HTML

    paragraphs = "".join(
        f'<p style="white-space: pre-line">{html.escape(part.strip())}</p>'
        for part in text.split("\n\n")
        if part.strip()
    )
    page = f'<html lang="sv"><body style="font: 11pt serif">{paragraphs}</body></html>'
    return HTML(string=page).write_pdf()


def blank_pdf_bytes(pages: int = 2) -> bytes:
    """A PDF without any text, as a scanned document looks to a text extractor."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf_bytes(text: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))
    writer.encrypt(user_password="hemligt", owner_password="hemligare")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def macro_docx_bytes(text: str) -> bytes:
    """A .docx that carries a VBA project, as a .docm renamed to .docx does."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes([text])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("word/vbaProject.bin", b"\x00" * 64)
    return buffer.getvalue()


def zip_bomb_docx_bytes(uncompressed: int) -> bytes:
    """A small .docx whose document.xml unpacks to ``uncompressed`` bytes."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["Kort text."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                continue
            target.writestr(info, source.read(info.filename))
        with target.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b" " * (1024 * 1024)
            for _ in range(uncompressed // len(chunk)):
                handle.write(chunk)
    return buffer.getvalue()
