"""What both PDF writers (the byte-level ``merge.Writer`` and ``pikemerge.PikeWriter``) share: the
outline's shape, the embedded font and content of the "sida x av y" page stamps, and the XMP metadata.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .partfile import STAMP_FONT_NAME

FIRST_CODE, LAST_CODE = 32, 255  # the stamp font's WinAnsi codes

# The page stamps' font, embedded (PDF/UA-1 7.21.4.1): a Latin subset of DejaVu Sans in static/.
STAMP_FONT_FILE = "fonts/DejaVuSans-pagestamp.ttf"


STAMP_FONT_BASE = "RMSPNO+DejaVuSans"  # a subset's name starts with a six-letter tag


STAMP_SIZE = 9


def outline_tree(
    outline: list[tuple[str, int, int]], contents_page: int
) -> tuple[list[tuple[str, int, int]], list[int], dict[int, list[int]]]:
    """Outline items ("Innehåll", then the bookmarks), each one's parent index (-1: top) and each
    index's children: a bookmark goes under the nearest item one level up."""
    items = [("Innehåll", 0, contents_page)] + [(t, level, page) for t, level, page in outline]
    parent: list[int] = [-1]
    children: dict[int, list[int]] = {-1: [0], 0: []}
    parents: dict[int, int] = {}
    for index, (_title, level, _page) in enumerate(items[1:], start=1):
        owner = parents.get(level - 1, -1) if level else -1
        parent.append(owner)
        children[owner].append(index)
        children[index] = []
        parents[level] = index
    return items, parent, children


@dataclass(frozen=True)
class StampFont:
    """The embedded TrueType font of the page stamps, WinAnsi-encoded (codes 32–255)."""

    data: bytes
    widths: tuple[int, ...]  # per code from FIRST_CODE, in thousandths of the font size
    metrics: bytes  # the descriptor's /Flags … /StemV

    def text_width(self, text: str, size: float) -> float:
        return sum(self.widths[code - FIRST_CODE] for code in text.encode("cp1252")) * size / 1000

    def dictionary(self, descriptor: bytes) -> bytes:
        widths = b" ".join(b"%d" % w for w in self.widths)
        return (
            b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar %d /LastChar %d /Widths [ %s ] "
            b"/Encoding /WinAnsiEncoding /FontDescriptor %s >>"
            % (STAMP_FONT_BASE.encode(), FIRST_CODE, LAST_CODE, widths, descriptor)
        )

    def descriptor(self, font_file: bytes) -> bytes:
        return b"<< /Type /FontDescriptor /FontName /%s %s /FontFile2 %s >>" % (
            STAMP_FONT_BASE.encode(),
            self.metrics,
            font_file,
        )


@functools.cache
def stamp_font() -> StampFont:
    from django.contrib.staticfiles import finders
    from fontTools.ttLib import TTFont

    with open(finders.find(STAMP_FONT_FILE), "rb") as handle:
        data = handle.read()
    font = TTFont(io.BytesIO(data))
    scale = 1000 / font["head"].unitsPerEm
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    widths = []
    for code in range(FIRST_CODE, LAST_CODE + 1):
        char = bytes([code]).decode("cp1252", errors="ignore")
        glyph = cmap.get(ord(char)) if char else None
        widths.append(round(metrics[glyph][0] * scale) if glyph else 0)
    head, hhea = font["head"], font["hhea"]
    box = b" ".join(b"%d" % round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax))
    described = b"/Flags 32 /FontBBox [ %s ] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80" % (
        box,
        round(hhea.ascent * scale),
        round(hhea.descent * scale),
        round(font["glyf"]["H"].yMax * scale),
    )
    return StampFont(data=data, widths=tuple(widths), metrics=described)


def stamp_content(number: int, total: int, box: list[float]) -> bytes:
    """The content stream that stamps "sida x av y", centred at the foot of the page, as a
    pagination artifact (it closes the ``q`` put before the page's own content)."""
    left, bottom, right, _top = box
    text = f"sida {number} av {total}"
    x = left + (right - left - stamp_font().text_width(text, STAMP_SIZE)) / 2
    return (
        f"\nQ\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nq BT {STAMP_FONT_NAME} {STAMP_SIZE} Tf 0.25 g "
        f"{x:.1f} {bottom + 22:.1f} Td ({text}) Tj ET Q\nEMC\n"
    ).encode()


def _xmp(title: str, lang: str, *, pdfua: bool = True) -> bytes:
    """XMP metadata; ``pdfua`` declares PDF/UA-1 (pdfuaid:part 1)."""
    title, lang = escape(title), escape(lang)
    claim = "<pdfuaid:part>1</pdfuaid:part>" if pdfua else ""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
        f"<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>"
        "<xmp:CreatorTool>Remiss</xmp:CreatorTool><pdf:Producer>Remiss</pdf:Producer>"
        f"{claim}"
        "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()
