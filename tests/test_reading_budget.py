"""A small upload that unpacks into a great deal of work is refused at once, with a Swedish message,
instead of being read for minutes (the reader runs while the person waits)."""

from __future__ import annotations

import io
import zipfile

import pikepdf
import pytest

from remiss.reading import ReadingError, budget, extract_text

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_paragraphs(n: int) -> bytes:
    """A minimal valid DOCX whose body is ``n`` one-letter paragraphs (compresses to almost nothing)."""
    body = "".join("<w:p><w:r><w:t>a</w:t></w:r></w:p>" for _ in range(n))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def pdf_sharing_one_content_stream(pages: int) -> bytes:
    pdf = pikepdf.new()
    shared = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (Samma text) Tj ET")
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
        pdf.pages[-1].obj.Contents = shared
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_docx_of_many_tiny_paragraphs_is_refused_before_it_is_parsed():
    data = docx_with_paragraphs(budget.MAX_DOCX_PARAGRAPHS + 1000)
    assert len(data) < 200_000  # small as uploaded
    with pytest.raises(ReadingError) as refused:
        extract_text(data, "svar.docx")
    assert refused.value.code == "too_large" and "för omfattande för att läsas automatiskt" in str(refused.value)


def test_a_docx_within_the_budget_is_read():
    document = extract_text(docx_with_paragraphs(50), "svar.docx")
    assert document.text.count("a") == 50


def test_a_pdf_whose_pages_share_one_content_stream_is_refused():
    with pytest.raises(ReadingError) as refused:
        extract_text(pdf_sharing_one_content_stream(budget.MAX_PAGES_SHARING_CONTENT + 5), "svar.pdf")
    assert refused.value.code == "too_large"


def test_the_paragraph_count_is_right_across_read_chunks(monkeypatch):
    monkeypatch.setattr(budget, "CHUNK", 7)  # a paragraph tag split over every chunk boundary
    archive = zipfile.ZipFile(io.BytesIO(docx_with_paragraphs(300)))
    monkeypatch.setattr(budget, "MAX_DOCX_PARAGRAPHS", 300)
    assert budget.docx_within_budget(archive)
    monkeypatch.setattr(budget, "MAX_DOCX_PARAGRAPHS", 299)
    assert not budget.docx_within_budget(archive)
