"""Build the DOCX answers of a written split from a compact plain-text form.

Each answer is written as lines: "# ", "## ", "### " headings (Word's Heading 1-3 styles), "- " a
bulleted item, "n: " a numbered item (List Number), "| a | b | c" a table row (consecutive rows form
one table; the first is the header), "**" a bold paragraph (a heading without a heading style), "---" a page break, "H: " the page header, "F: " the page
footer; any other line is a paragraph of its own.

    .venv/bin/python tests/data/reading/docx_answers.py blind8    # writes written/blind8/*.docx

The module of a split (``<split>_answers.py``) holds ``ANSWERS``: name -> (structure, text, stances,
places); running this file writes the DOCX files and merges the labels into labels.json.
"""

from __future__ import annotations

import importlib
import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    section = document.sections[0]
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if not table_rows:
            return
        table = document.add_table(rows=0, cols=len(table_rows[0]))
        table.style = "Table Grid"
        for row in table_rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=False):
                cell.text = value
        table_rows.clear()

    for raw in text.strip("\n").split("\n"):
        line = raw.strip()
        if line.startswith("|"):
            table_rows.append([cell.strip() for cell in line.strip("|").split("|")])
            continue
        flush_table()
        if not line:
            continue
        if line.startswith("H: "):
            section.header.paragraphs[0].text = line[3:]
        elif line.startswith("F: "):
            section.footer.paragraphs[0].text = line[3:]
        elif line == "---":
            document.add_page_break()
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            document.add_heading(line[level:].strip(), level=level)
        elif line.startswith("**"):  # a heading typed as a bold paragraph, no heading style
            document.add_paragraph().add_run(line[2:]).bold = True
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.startswith("n: "):
            document.add_paragraph(line[3:], style="List Number")
        else:
            document.add_paragraph(line)
    flush_table()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main(split: str) -> None:
    module = importlib.import_module(f"{split}_answers")
    labels_path = HERE / "labels.json"
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    folder = HERE / "written" / split
    folder.mkdir(parents=True, exist_ok=True)
    for name, (structure, text, stances, places) in module.ANSWERS.items():
        (folder / f"{name}.docx").write_bytes(docx_bytes(text))
        labels["answers"][f"written/{split}/{name}.docx"] = {
            "source": "repo",
            "structure": structure,
            "split": split,
            "stances": stances,
            "places": places,
        }
    labels_path.write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main(sys.argv[1])
