"""The compilation cut into independent chunks, each rendered by one WeasyPrint call and cached.

A chunk's cache key is the SHA-256 of its template, its context, the template/CSS sources and the
versions of the engines that make a part file (WeasyPrint renders it, qpdf serialises its objects;
``engine_version``), so a chunk is rendered once and reused by every later compilation whose inputs for it are unchanged:
after one new answer only the chunks that answer lands in are rendered again.

The cache holds part files (``partfile``), the form the merge copies as bytes: a chunk's is made
right after it is rendered, an answer PDF's (keyed by the PDF's SHA-256) the first time a
compilation includes the answer. Both are made on the workers.

Comments of one proposal and stance are cut into blocks with content-defined boundaries (a block
ends after an organisation whose id hashes to 0 modulo ``block_divisor``), so inserting one
organisation changes one block, not every block after it. A big proposal's drafted paragraph is cut
the same way, by sentence (``draft_blocks``): the head keeps its first sentence (who supports,
which changes with the counts anyway), and one new answer changes the one block that gains its
sentence instead of pages of text about everyone else.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
import time
from pathlib import Path

import pikepdf
from django.core.files.storage import default_storage
from django.template.loader import get_template
from django.utils.translation import gettext as _

from remiss.pdf import atomic_file, charts, render_pdf

from . import conf, partfile
from .data import section_name

CACHE_DIR = "compilation-cache"
CACHE_SUFFIX = ".part"
TEMPLATES = {
    "list": "remiss/pdf/compilation_list.html",
    "proposal": "remiss/pdf/compilation_proposal.html",
    "comments": "remiss/pdf/compilation_comments.html",
    "texts": "remiss/pdf/compilation_texts.html",
    "draft": "remiss/pdf/compilation_draft.html",
    "divider": "remiss/pdf/compilation_divider.html",
    "answer": "remiss/pdf/compilation_answer.html",
    "front": "remiss/pdf/compilation_front.html",
}
# Templates the chunk templates extend or include: a change to one invalidates the cache too.
INCLUDED = ("remiss/pdf/compilation_base.html", "remiss/pdf/compilation_entries.html", "remiss/pdf/_bar_chart.html")
CSS = "css/pdf-compilation.css"


@functools.cache
def sources_version() -> str:
    """Hash of every template and stylesheet a chunk depends on: a change invalidates the cache."""
    from django.contrib.staticfiles import finders

    digest = hashlib.sha256()
    for name in sorted(TEMPLATES.values()):
        digest.update(Path(get_template(name).origin.name).read_bytes())
    for extra in INCLUDED:
        digest.update(Path(get_template(extra).origin.name).read_bytes())
    digest.update(Path(finders.find(CSS)).read_bytes())
    digest.update(Path(charts.__file__).read_bytes())  # the charts' alternative text
    return digest.hexdigest()[:16]


def engine_version() -> str:
    """The versions of WeasyPrint and qpdf (and pikepdf, qpdf's binding): a part file made by one
    version is not reused by another, whose rendering or serialisation may differ."""
    import weasyprint

    return f"weasyprint {weasyprint.__version__}; qpdf {pikepdf.__libqpdf_version__}; pikepdf {pikepdf.__version__}"


def make_chunk(kind: str, context: dict, *, bookmarks: list | None = None, weight: int = 1) -> dict:
    payload = json.dumps(
        {
            "t": TEMPLATES[kind],
            "c": context,
            "v": sources_version(),
            "e": engine_version(),
            "tags": conf.tagged(),
            "f": partfile.FORMAT,
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    key = hashlib.sha256(payload.encode()).hexdigest()
    return {
        "type": "chunk",
        "kind": kind,
        "key": key,
        "context": context,
        "bookmarks": bookmarks or [],
        "weight": weight,
    }


def file_part(name: str, bookmarks: list) -> dict:
    """A part reusing a stored PDF (an answer rendered at submission), keyed by its content."""
    digest = hashlib.sha256(f"file:{partfile.FORMAT}:{conf.tagged()}:{engine_version()}:".encode())
    with default_storage.open(name, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"type": "file", "name": name, "key": digest.hexdigest(), "bookmarks": bookmarks, "weight": 1}


def cache_name(key: str) -> str:
    return f"{CACHE_DIR}/{key[:2]}/{key}{CACHE_SUFFIX}"


def is_cached(part: dict) -> bool:
    return default_storage.exists(cache_name(part["key"]))


def touch(keys: list[str]) -> None:
    """Mark cached chunks as used now: the clean-up task deletes entries unused for days."""
    import os

    for key in keys:
        try:
            os.utime(default_storage.path(cache_name(key)))
        except FileNotFoundError:
            pass


def render_chunk(chunk: dict) -> bytes:
    # The part file gives table header cells their /Scope (partfile), so render_pdf need not.
    return render_pdf(TEMPLATES[chunk["kind"]], chunk["context"], tagged=conf.tagged(), header_scopes=False)


def ensure_chunk(part: dict) -> bool:
    """Store the part file of a chunk (rendering it) or of a stored PDF, unless cached. Returns True
    when it made one."""
    if is_cached(part):
        return False
    if part["type"] == "file":
        data = partfile.make(default_storage.path(part["name"]), tagged=conf.tagged())
    else:
        data = partfile.make(io.BytesIO(render_chunk(part)), tagged=conf.tagged())
    with atomic_file(default_storage, cache_name(part["key"])) as handle:
        handle.write(data)
    delay = conf.chunk_delay()
    if delay:
        time.sleep(delay)
    return True


def _cut(items: list, divisor: int, boundary_text) -> list[list]:
    """Content-defined blocks: a block ends after an item whose ``boundary_text(item)`` hashes to 0
    modulo ``divisor`` (or at ``4 * divisor`` items), so inserting or changing one item changes
    one block, not every block after it."""
    blocks: list[list] = [[]]
    for item in items:
        blocks[-1].append(item)
        digest = hashlib.blake2b(boundary_text(item).encode(), digest_size=4).digest()
        if int.from_bytes(digest) % divisor == 0 or len(blocks[-1]) >= divisor * 4:
            blocks.append([])
    return [b for b in blocks if b]


def comment_blocks(entries: list[dict], divisor: int) -> list[list[dict]]:
    return _cut(entries, divisor, lambda entry: f"org:{entry['organisation_id']}")


# Sentences of a drafted paragraph per block on average (about two pages of "X avstyrker: ”…”").
DRAFT_BLOCK = 40
SENTENCE_END = re.compile(r"(?<=[.!?”])\s+")


def draft_blocks(text: str, divisor: int = DRAFT_BLOCK) -> list[str]:
    """A long drafted paragraph (more than ``2 * divisor`` sentences) as its first sentence and then
    content-defined blocks of sentences; a shorter one whole. Joined with spaces the blocks give
    the text back."""
    sentences = [s for s in SENTENCE_END.split(text.strip()) if s]
    if len(sentences) <= 2 * divisor:  # a paragraph of a page or two stays whole in the head
        return [text.strip()] if sentences else []
    return [sentences[0]] + [" ".join(block) for block in _cut(sentences[1:], divisor, str)]


# Rows of the remisslista per block on average (about a page and a half).
LIST_BLOCK = 48


def row_blocks(recipients: list[dict], divisor: int = LIST_BLOCK) -> list[list[dict]]:
    """The remisslista's rows in content-defined blocks (by body name); a list of a few pages stays
    whole."""
    if len(recipients) <= 2 * divisor:
        return [recipients] if recipients else []
    return _cut(recipients, divisor, lambda row: f"row:{row['name']}")


def plan(figures: dict) -> list[dict]:
    """The document's parts in order (without the front matter): chunks and reused answer PDFs.

    Each part carries its bookmarks as (title, level); the TOC and outline are built from them.
    """
    divisor = conf.block_divisor()
    remiss = figures["remiss"]
    header = {"reference": remiss["reference"], "title": remiss["title"]}
    parts = _list_parts(figures, header)
    for chapter in figures.get("text_chapters", []):
        for number, block in enumerate(comment_blocks(chapter["entries"], divisor)):
            context = {**header, "chapter": chapter["title"], "first": number == 0, "entries": block}
            bookmarks = [(chapter["title"], 0)] if number == 0 else []
            parts.append(make_chunk("texts", context, bookmarks=bookmarks, weight=len(block)))
    for section in figures["sections"]:
        for index, proposal in enumerate(section["proposals"]):
            parts += _proposal_parts(proposal, header, section_name(section), first=index == 0, divisor=divisor)
    if figures["params"]["appendix"] and figures["answers"]:
        parts += _appendix_parts(figures["answers"], header)
    return parts


def _list_parts(figures: dict, header: dict) -> list[dict]:
    """The remisslista in content-defined blocks of rows (a long table is slow to lay out, and one
    answer changes one row): the counts open the first block, the duplicate groups close the last."""
    rows = row_blocks(figures["recipients"]) or [[]]
    last = len(rows) - 1
    return [
        make_chunk(
            "list",
            {
                **header,
                "first": number == 0,
                "recipients": block,
                "status_counts": figures["status_counts"] if number == 0 else [],
                "include_late": figures["params"]["include_late"],
                "duplicate_groups": figures.get("duplicate_groups", []) if number == last else [],
            },
            bookmarks=[(_("Remisslista"), 0)] if number == 0 else [],
            weight=1 + len(block) // LIST_BLOCK,
        )
        for number, block in enumerate(rows)
    ]


def _proposal_parts(proposal: dict, header: dict, section_title: str, *, first: bool, divisor: int) -> list[dict]:
    """A small proposal is one chunk; a big one is its head, blocks of its drafted paragraph and
    blocks of comments per stance."""
    head = {
        k: proposal.get(k, "")
        for k in ("label", "kind", "text", "counts", "total", "draft", "ministry_comment", "draft_changed")
    }
    head["themes"] = proposal.get("themes", [])
    bookmarks = [(section_title, 0)] if first else []
    bookmarks.append((f"{proposal['kind']} {proposal['label']}", 1))
    small = proposal["total"] <= 2 * divisor
    groups = proposal["groups"] if small else []
    drafted = [head["draft"]] if small else draft_blocks(head["draft"])
    head["draft"] = drafted[0] if drafted else ""
    if len(drafted) > 1:  # the ministry's comment follows the whole paragraph
        head["ministry_comment"] = ""
    context = {**header, "section": section_title if first else "", **head, "groups": groups}
    parts = [make_chunk("proposal", context, bookmarks=bookmarks, weight=1 + len(groups))]
    for number, block in enumerate(drafted[1:], start=2):
        context = {
            **header,
            "proposal_label": proposal["label"],
            "text": block,
            "ministry_comment": proposal.get("ministry_comment", "") if number == len(drafted) else "",
        }
        parts.append(make_chunk("draft", context, weight=1))
    for group in [] if small else proposal["groups"]:
        for number, block in enumerate(comment_blocks(group["entries"], divisor)):
            context = {
                **header,
                "proposal_label": proposal["label"],
                "stance": group["label"],
                "first": number == 0,
                "entries": block,
            }
            parts.append(make_chunk("comments", context, weight=len(block)))
    return parts


def _appendix_parts(answers: list[dict], header: dict) -> list[dict]:
    parts = [
        make_chunk(
            "divider",
            {
                **header,
                "answers": len(answers),
                "index": [{"n": n, "organisation": a["organisation"]} for n, a in enumerate(answers, start=1)],
            },
            bookmarks=[(_("Bilaga: fullständiga remissvar"), 0)],
        )
    ]
    for answer in answers:
        title = answer["organisation"] + (_(" (avstår)") if answer["declined"] else "")
        if answer["pdf"] and default_storage.exists(answer["pdf"]):
            parts.append(file_part(answer["pdf"], [(title, 1)]))
        else:  # not rendered yet or lost: a short stand-in from the snapshot
            parts.append(make_chunk("answer", {**header, "answer": answer}, bookmarks=[(title, 1)]))
    return parts


def part_path(part: dict) -> str:
    """Where the part's part file is (see ``ensure_chunk``)."""
    return default_storage.path(cache_name(part["key"]))
