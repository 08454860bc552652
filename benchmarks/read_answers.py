#!/usr/bin/env python
"""Measure the reader of document answers (remiss.reading) against hand labels, and its speed.

    .venv/bin/python benchmarks/read_answers.py [--shared ../shared]

Accuracy: the real remissvar in ``<shared>/data/remissvar/`` are read onto the remiss of
``<shared>/data/sou-2018-47.json`` and compared, section by section, with the labels in
``tests/data/remissvar_labels.json``. A section's suggested stance is the most common non-empty
stance of its proposals (ties: the more cautious one), or "" when none has one. Also counted:
"avstyrker" suggested where the label says the body supports (must be 0).

Speed: a 40-page text PDF (WeasyPrint) and a DOCX of the same text are extracted and read.
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CAUTION = ["opposes", "partly", "no_view", "supports"]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def section_stances(reading) -> dict[str, str]:
    by_section: dict[str, list[str]] = {}
    for proposal in reading.proposals:
        by_section.setdefault(proposal.section, []).append(proposal.stance)
    result = {}
    for section, stances in by_section.items():
        counts = Counter(stance for stance in stances if stance)
        if not counts:
            result[section] = ""
            continue
        best = max(counts.values())
        result[section] = min((s for s, n in counts.items() if n == best), key=CAUTION.index)
    return result


def as_format(path: Path, kind: str) -> tuple[bytes, str]:
    """The answer as the ministry may receive it: the text itself, or a PDF or DOCX of it."""
    from tests.documents import docx_bytes, pdf_bytes

    text = path.read_text()
    if kind == "pdf":
        return pdf_bytes(text), path.stem + ".pdf"
    if kind == "docx":
        return docx_bytes([part.strip() for part in text.split("\n\n") if part.strip()]), path.stem + ".docx"
    return text.encode(), path.name


def accuracy(shared: Path, kind: str = "txt") -> dict:
    from remiss.reading import Structure, extract_text, read_answer

    labels = json.loads((ROOT / "tests/data/remissvar_labels.json").read_text())
    structure = Structure.from_json((shared / "data" / labels["structure"]).read_bytes())
    right = total = general_right = wrong_opposes = 0
    rows = []
    for name, label in labels["answers"].items():
        data, filename = as_format(shared / "data" / "remissvar" / name, kind)
        reading = read_answer(extract_text(data, filename).text, structure)
        suggested = section_stances(reading)
        for section, expected in label["sections"].items():
            got = suggested.get(section, "")
            total += 1
            right += got == expected
            wrong_opposes += got == "opposes" and expected in ("supports", "partly")
            if got != expected:
                rows.append(f"  {name} {section}: labelled {expected or '–'}, suggested {got or '–'}")
        general_right += reading.general == label["general"]
        print(
            f"{name} as {kind}: {sum(suggested.get(s, '') == e for s, e in label['sections'].items())}/{len(label['sections'])} sections right, general {reading.general} (label {label['general']})"
        )
    print("\n".join(rows) or "  every section right")
    return {
        "sections": total,
        "sections_right": right,
        "section_accuracy": round(right / total, 3) if total else None,
        "general_right": general_right,
        "answers": len(labels["answers"]),
        "opposes_where_supports": wrong_opposes,
    }


def speed(shared: Path) -> dict:
    from remiss.reading import Structure, extract_text, read_answer
    from tests.documents import docx_bytes, pdf_bytes

    structure = Structure.from_json((shared / "data" / "sou-2018-47.json").read_bytes())
    text = "\n\n".join(
        (shared / "data" / "remissvar" / name).read_text() for name in sorted(os.listdir(shared / "data" / "remissvar"))
    )
    pdf = pdf_bytes("\n\n".join([text] * 3))
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    figures = {"pdf_pages": pages}
    for kind, data in (
        ("pdf", pdf),
        ("docx", docx_bytes([part for part in ("\n\n".join([text] * 3)).split("\n\n") if part.strip()])),
    ):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            document = extract_text(data, f"svar.{kind}")
            read_answer(document.text, structure)
            times.append(time.perf_counter() - start)
        figures[f"{kind}_read_s"] = round(min(times), 3)
        figures[f"{kind}_read_s_max"] = round(max(times), 3)
        print(
            f"{kind}: {pages if kind == 'pdf' else ''} extracted and read in {min(times):.2f} s (max of 3: {max(times):.2f} s)"
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    setup_django()
    figures = accuracy(args.shared)
    for kind in ("pdf", "docx"):
        figures[f"section_accuracy_{kind}"] = accuracy(args.shared, kind)["section_accuracy"]
    figures.update(speed(args.shared))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
