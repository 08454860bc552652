"""The compilation cut into independent chunks, each rendered by one WeasyPrint call and cached.

A chunk's cache key is the SHA-256 of its template, its context and the template/CSS sources, so a
chunk is rendered once and reused by every later compilation whose inputs for it are unchanged:
after one new answer only the chunks that answer lands in are rendered again.

Comments of one proposal and stance are cut into blocks with content-defined boundaries (a block
ends after an organisation whose id hashes to 0 modulo ``block_divisor``), so inserting one
organisation changes one block, not every block after it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import get_template
from django.utils.translation import gettext as _

from remiss.pdf import render_pdf, save_atomically

from . import conf

CACHE_DIR = "compilation-cache"
TEMPLATES = {
    "list": "remiss/pdf/compilation_list.html",
    "proposal": "remiss/pdf/compilation_proposal.html",
    "comments": "remiss/pdf/compilation_comments.html",
    "divider": "remiss/pdf/compilation_divider.html",
    "answer": "remiss/pdf/compilation_answer.html",
    "front": "remiss/pdf/compilation_front.html",
}
CSS = "css/pdf-compilation.css"


@functools.cache
def sources_version() -> str:
    """Hash of every template and stylesheet a chunk depends on: a change invalidates the cache."""
    from django.contrib.staticfiles import finders

    digest = hashlib.sha256()
    for name in sorted(TEMPLATES.values()):
        digest.update(Path(get_template(name).origin.name).read_bytes())
    for extra in ("remiss/pdf/compilation_base.html", "remiss/pdf/compilation_entries.html"):
        digest.update(Path(get_template(extra).origin.name).read_bytes())
    digest.update(Path(finders.find(CSS)).read_bytes())
    return digest.hexdigest()[:16]


def make_chunk(kind: str, context: dict, *, bookmarks: list | None = None, weight: int = 1) -> dict:
    payload = json.dumps(
        {"t": TEMPLATES[kind], "c": context, "v": sources_version()}, sort_keys=True, ensure_ascii=False
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


def cache_name(key: str) -> str:
    return f"{CACHE_DIR}/{key[:2]}/{key}.pdf"


def is_cached(chunk: dict) -> bool:
    return default_storage.exists(cache_name(chunk["key"]))


def render_chunk(chunk: dict) -> bytes:
    return render_pdf(TEMPLATES[chunk["kind"]], chunk["context"], tagged=conf.tagged())


def ensure_chunk(chunk: dict) -> bool:
    """Render and store the chunk unless cached. Returns True when it rendered."""
    if is_cached(chunk):
        return False
    data = render_chunk(chunk)
    save_atomically(SimpleNamespace(storage=default_storage, name=""), cache_name(chunk["key"]), data)
    delay = conf.chunk_delay()
    if delay:
        time.sleep(delay)
    return True


def _boundary(organisation_id: int, divisor: int) -> bool:
    digest = hashlib.blake2b(f"org:{organisation_id}".encode(), digest_size=4).digest()
    return int.from_bytes(digest) % divisor == 0


def comment_blocks(entries: list[dict], divisor: int) -> list[list[dict]]:
    blocks: list[list[dict]] = [[]]
    for entry in entries:
        blocks[-1].append(entry)
        if _boundary(entry["organisation_id"], divisor) or len(blocks[-1]) >= divisor * 4:
            blocks.append([])
    return [b for b in blocks if b]


def plan(figures: dict) -> list[dict]:
    """The document's parts in order (without the front matter): chunks and reused answer PDFs.

    Each part carries its bookmarks as (title, level); the TOC and outline are built from them.
    """
    divisor = conf.block_divisor()
    remiss = figures["remiss"]
    header = {"reference": remiss["reference"], "title": remiss["title"]}
    parts = [
        make_chunk(
            "list",
            {
                **header,
                "recipients": figures["recipients"],
                "status_counts": figures["status_counts"],
                "include_late": figures["params"]["include_late"],
            },
            bookmarks=[(_("Remisslista"), 0)],
        )
    ]
    for section in figures["sections"]:
        section_title = f"{section['number']} {section['title']}".strip()
        for index, proposal in enumerate(section["proposals"]):
            head = {k: proposal[k] for k in ("label", "kind", "text", "counts", "total")}
            bookmarks = [(section_title, 0)] if index == 0 else []
            bookmarks.append((f"{proposal['kind']} {proposal['label']}", 1))
            # A small proposal is one chunk; a big one is its head plus blocks of comments.
            small = proposal["total"] <= 2 * divisor
            groups = proposal["groups"] if small else []
            parts.append(
                make_chunk(
                    "proposal",
                    {**header, "section": section_title if index == 0 else "", **head, "groups": groups},
                    bookmarks=bookmarks,
                    weight=1 + len(groups),
                )
            )
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
    if figures["params"]["appendix"] and figures["answers"]:
        parts.append(
            make_chunk(
                "divider",
                {**header, "answers": len(figures["answers"])},
                bookmarks=[(_("Bilaga: fullständiga remissvar"), 0)],
            )
        )
        for answer in figures["answers"]:
            title = answer["organisation"] + (_(" (avstår)") if answer["declined"] else "")
            if answer["pdf"] and default_storage.exists(answer["pdf"]):
                parts.append({"type": "file", "name": answer["pdf"], "bookmarks": [(title, 1)]})
            else:  # not rendered yet or lost: a short stand-in from the snapshot
                parts.append(make_chunk("answer", {**header, "answer": answer}, bookmarks=[(title, 1)]))
    return parts


def part_path(part: dict) -> str:
    name = part["name"] if part["type"] == "file" else cache_name(part["key"])
    return default_storage.path(name)


def media_root() -> str:
    return str(settings.MEDIA_ROOT)
