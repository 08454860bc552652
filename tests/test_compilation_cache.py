"""The chunk cache key: a part file is reused only by the same inputs and the same engines."""

from __future__ import annotations

import pikepdf
import weasyprint
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from remiss.compilation import chunks


def _keys() -> tuple[str, str]:
    return chunks.make_chunk("divider", {"answers": 3})["key"], chunks.file_part("answers/a.pdf", [])["key"]


def test_the_cache_key_changes_with_the_weasyprint_and_qpdf_versions(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = str(tmp_path)
    default_storage.save("answers/a.pdf", ContentFile(b"%PDF-1.7 an answer"))
    first = _keys()
    assert _keys() == first  # stable for the same inputs and engines
    assert chunks.make_chunk("divider", {"answers": 4})["key"] != first[0]

    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    after_weasyprint = _keys()
    assert after_weasyprint[0] != first[0] and after_weasyprint[1] != first[1]

    monkeypatch.setattr(pikepdf, "__libqpdf_version__", "13.0.0")
    after_qpdf = _keys()
    assert after_qpdf[0] not in (first[0], after_weasyprint[0])
    assert after_qpdf[1] not in (first[1], after_weasyprint[1])
