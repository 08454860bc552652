#!/usr/bin/env python
"""Measure the reader of document answers (remiss.reading) against hand labels, and its speed.

    .venv/bin/python benchmarks/read_answers.py [--shared ../shared] [--split dev|heldout|all] [--calibrate]

Labels: ``tests/data/reading/labels.json`` — per proposal the stance a ministry official would
record (or none: not addressed), and where paragraphs belong. Answers are the real remissvar in
``<shared>/data/remissvar/`` and the written ones in ``tests/data/reading/written/``, each read as
text and as DOCX. Figures per split (dev: used to tune the rules and measure the calibration;
calib: read once, after the rules were frozen, to measure the confidence table; heldout: labelled
before the reader was run on them, read only for the figures reported):

- stance accuracy over labelled stances; "avstyrker" where the body supports (must be 0); stances
  suggested for proposals the answer does not address (target 0);
- share of the document's sentences placed (summary, general views, a proposal, consequences;
  furniture left out of the count) and share of labelled paragraphs placed right;
- calibration: per rule and per confidence bin, suggestions and share right (``--calibrate`` prints
  the rule table to paste into ``remiss/reading/calibration.py``).

Speed: a 40-page text PDF (WeasyPrint) and a DOCX of the same text are extracted and read.
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "reading"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def structure_path(shared: Path, name: str) -> Path:
    for candidate in (shared / "data" / name, DATA / "structures" / name):
        if candidate.exists():
            return candidate
    return ROOT / "data" / name


def answer_path(shared: Path, name: str, label: dict) -> Path:
    return shared / "data" / "remissvar" / name if label["source"] == "shared" else DATA / name


def measure(shared: Path, split: str, kind: str = "txt"):
    from remiss.reading import Structure, extract_text, read_answer
    from remiss.reading.evaluation import Tally, docx_from_text, load_labels, score

    labels = load_labels(DATA / "labels.json")["answers"]
    total = Tally()
    for name, label in labels.items():
        if split != "all" and label["split"] != split:
            continue
        path = answer_path(shared, name, label)
        if not path.exists():
            continue
        structure = Structure.from_json(structure_path(shared, label["structure"]).read_bytes())
        if path.suffix == ".docx":  # written as DOCX: read as it is, and as the text it holds
            data = path.read_bytes()
            if kind == "txt":
                data, filename = extract_text(data, "svar.docx").text.encode(), "svar.txt"
            else:
                filename = "svar.docx"
        else:
            text = path.read_text(encoding="utf-8")
            data, filename = (docx_from_text(text), "svar.docx") if kind == "docx" else (text.encode(), "svar.txt")
        total.add(score(name, read_answer(extract_text(data, filename).text, structure), label))
    return total


def speed(shared: Path) -> dict:
    from remiss.reading import Structure, extract_text, read_answer
    from tests.documents import docx_bytes, pdf_bytes

    structure = Structure.from_json(structure_path(shared, "sou-2018-47.json").read_bytes())
    texts = [path.read_text() for path in sorted((DATA / "written").rglob("*.txt"))]
    remissvar = shared / "data" / "remissvar"
    if remissvar.exists():
        texts += [path.read_text() for path in sorted(remissvar.glob("*.txt"))]
    text = "\n\n".join(texts)
    import io

    from pypdf import PdfReader

    body = text
    while True:
        pdf = pdf_bytes(body)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        if pages >= 40:
            break
        body = body + "\n\n" + text
    if pages > 44:  # cut back to about 40 pages
        parts = body.split("\n\n")
        body = "\n\n".join(parts[: int(len(parts) * 41 / pages)])
        pdf = pdf_bytes(body)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
    figures = {"pdf_pages": pages}
    docx = docx_bytes([part for part in body.split("\n\n") if part.strip()])
    for kind, data in (("pdf", pdf), ("docx", docx)):
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


# Every labelled split, in the order they were written (see docs/benchmarks.md, "Reading remissvar").
SPLITS = [
    "dev",
    "calib",
    *(f"heldout{n}" if n > 1 else "heldout" for n in range(1, 8)),
    *(f"blind{n}" for n in range(8, 14)),
    "real",
    "realheld",
    "realblind",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--split",
        default="all",
        choices=[*SPLITS, "all"],
    )
    parser.add_argument("--calibrate", action="store_true", help="Print the rule table measured on the calib split.")
    parser.add_argument("--errors", action="store_true", help="List every wrong stance and placement.")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    setup_django()
    from remiss.reading.evaluation import calibration_rows, confidence_bins

    figures: dict = {}
    splits = SPLITS if args.split == "all" else [args.split]
    for split in splits:
        for kind in ("txt", "docx"):
            tally = measure(args.shared, split, kind)
            figures[f"{split}_{kind}"] = tally.figures()
            print(f"{split} as {kind}: {json.dumps(tally.figures())}")
            if args.errors and kind == "txt":
                print("\n".join(f"  {error}" for error in tally.errors))
            if kind == "txt":
                figures[f"{split}_bins"] = confidence_bins(tally.suggestions)
                print(f"  confidence bins (bin, suggestions, share right): {figures[f'{split}_bins']}")
    if args.calibrate:
        rows = calibration_rows(measure(args.shared, "calib").suggestions)
        print("MEASURED: dict[str, tuple[int, float]] = {")
        for rule, (count, share) in rows.items():
            if "/" in rule:
                print(f'    "{rule}": ({count}, {share}),')
        print("}")
    if not args.no_speed:
        figures.update(speed(args.shared))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
