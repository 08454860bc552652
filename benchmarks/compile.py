#!/usr/bin/env python
"""Benchmark the remissammanställning on a synthetic remiss.

    .venv/bin/python benchmarks/compile.py --respondents 300 --proposals 40 [--skip-naive] [--workers 2]

Generates N respondents' snapshots (stances at random, comments of 40–250 words) for M proposals,
renders each respondent's answer PDF as submission would (setup, not timed), then times:

- ``wall_s``: a cold compilation with the real library (remiss.compilation): figures (tallies,
  drafted paragraphs, duplicate groups) → chunks rendered and turned into part files, the answer
  PDFs turned into part files, and the XLSX, CSV and DOCX built, on ``--workers`` processes (as the
  chord does) → merge of the part files (pages, one structure tree, TOC, outline, page stamps);
- ``incremental_wall_s``: the same after one more answer arrives (the chunk cache is warm);
- ``naive_wall_s``: the same content in one WeasyPrint call, tagged like the product (null with
  --skip-naive).

The answer PDFs are rendered with the real answer template (``remiss.pdf.answer``), PDF/UA-1 as at
submission. ``--untagged`` renders chunks without tags and merges without structure trees, to
measure what tagging costs.

Runs on a throwaway REMISS_VAR_DIR without a database. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import multiprocessing
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (
    "förslaget utredningen kommunen regionen myndigheten staten ansvaret finansieringen konsekvenserna "
    "barn unga elever skolan vården omsorgen tillgänglighet likvärdighet kostnader resurser kompetens "
    "samverkan ansvarsfördelning självstyrelse tydlighet uppföljning tillsyn digitalisering personal "
    "bedömer anser välkomnar instämmer ifrågasätter understryker betonar saknar föreslår behöver bör "
    "viktigt nödvändigt rimligt oklart otillräckligt angeläget och att det som för med till av på i om "
    "inte men också även därför dock samt eller vid under efter genom mellan inom utan"
).split()


def setup_django(var_dir: str) -> None:
    os.environ.update(DEBUG="1", REMISS_VAR_DIR=var_dir, DJANGO_SETTINGS_MODULE="config.settings")
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = Path(var_dir) / "media"


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def comment(rng: random.Random) -> str:
    n = rng.randint(40, 250)
    parts, left = [], n
    while left > 0:
        k = min(left, rng.randint(8, 25))
        parts.append(sentence(rng, k))
        left -= k
    return " ".join(parts)


def make_proposals(m: int) -> list[dict]:
    proposals = []
    for i in range(m):
        section = i // 5
        proposals.append(
            {
                "id": 1000 + i,
                "label": f"{section + 4}.{i % 5 + 1} (1)",
                "section_id": 100 + section,
                "section_number": f"{section + 4}",
                "section_title": f"Avsnitt {section + 1} om styrning och ansvar",
                "kind": "Förslag",
                "text": f"Förslag {i + 1}: " + sentence(random.Random(i), 30),
            }
        )
    return proposals


def make_snapshot(index: int, proposals: list[dict], seed: int) -> dict:
    rng = random.Random(seed * 7919 + index)
    stances = ["supports", "supports", "partly", "opposes", "no_view", ""]
    labels = {
        "supports": "Tillstyrker",
        "partly": "Tillstyrker delvis",
        "opposes": "Avstyrker",
        "no_view": "Inga synpunkter",
        "": "",
    }
    answers = []
    for p in proposals:
        stance = rng.choice(stances)
        answers.append(
            {
                "proposal_id": p["id"],
                "label": p["label"],
                "section_id": p["section_id"],
                "section_number": p["section_number"],
                "section_title": p["section_title"],
                "kind": "förslag",
                "text": p["text"],
                "stance": stance,
                "stance_label": labels[stance],
                "comment": comment(rng) if stance not in ("no_view", "") else "",
            }
        )
    name = f"Remissinstans {index:04d} ({['kommun', 'region', 'myndighet'][index % 3]})"
    return {
        "organisation": {
            "id": 10_000 + index,
            "name": name,
            "kind": ["kommun", "region", "myndighet"][index % 3],
            "county": "Stockholms län",
        },
        "remiss": {
            "id": 1,
            "reference": "Fi2026/01234",
            "title": "Betänkandet Syntetisk remiss (SOU 2026:99)",
            "ministry": "Finansdepartementet",
        },
        "number": 1,
        "submitted_at": "2026-10-01T12:00:00+02:00",
        "is_late": False,
        "declined": False,
        "declined_reason": "",
        "summary": comment(rng),
        "general_comments": comment(rng),
        "consequences": [],
        "answers": answers,
        "decided_by": "Kommunstyrelsen",
        "decision_date": "2026-09-30",
        "minute_ref": "§ 12",
        "signatories": [{"name": "Anna Andersson", "title": "Ordförande"}],
        "attachments": [],
    }


def render_answer(args: tuple[int, dict]) -> tuple[int, str, int]:
    """Per-answer PDF as submission renders it: the real template (templates/remiss/pdf/answer.html)
    through ``remiss.pdf.answer.render_answer_pdf``, tagged PDF/UA-1 (setup, not timed)."""
    index, snapshot = args
    from types import SimpleNamespace

    import pikepdf
    from django.core.files.storage import default_storage

    from remiss.pdf.answer import render_answer_pdf
    from remiss.pdf.base import save_atomically

    data = render_answer_pdf(snapshot)
    name = f"submissions/bench/{index}.pdf"
    save_atomically(SimpleNamespace(storage=default_storage, name=""), name, data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return index, name, len(pdf.pages)


def answer_body(snapshot: dict) -> str:
    """The answer template's body, for the naive single-call render."""
    from django.template.loader import render_to_string

    from remiss.pdf.answer import TEMPLATE, answer_context

    return _body(render_to_string(TEMPLATE, answer_context(snapshot)))


def _body(html: str) -> str:
    return re.search(r"<body>(.*)</body>", html, re.S).group(1)


def rows_for(snapshots: list[dict], pdfs: dict[int, str], pages: dict[int, int]) -> list[dict]:
    rows = []
    for index, snap in enumerate(snapshots):
        rows.append(
            {
                "organisation": snap["organisation"],
                "submission": {
                    "id": index + 1,
                    "number": 1,
                    "submitted_at": snap["submitted_at"],
                    "is_late": False,
                    "declined": False,
                    "pdf": pdfs[index],
                    "page_count": pages[index],
                    "snapshot": snap,
                },
            }
        )
    # Recipients who did not answer, so the remisslista shows every status.
    for extra in range(max(2, len(snapshots) // 10)):
        rows.append(
            {
                "organisation": {
                    "id": 90_000 + extra,
                    "name": f"Tyst instans {extra:03d}",
                    "kind": "kommun",
                    "county": "Uppsala län",
                },
                "submission": None,
            }
        )
    return rows


def figures_for(rows: list[dict], proposals: list[dict]) -> dict:
    from django.utils import timezone

    from remiss.compilation.data import build_figures, normalise_params

    remiss = {
        "id": 1,
        "title": "Betänkandet Syntetisk remiss (SOU 2026:99)",
        "reference": "Fi2026/01234",
        "ministry": "Finansdepartementet",
        "deadline": "2026-10-01",
    }
    return build_figures(
        remiss=remiss,
        proposals=proposals,
        rows=rows,
        params=normalise_params({}),
        scope=["Alla avsnitt", "Alla remissinstanser"],
        now=timezone.now(),
    )


def _ensure_batch(batch: list[dict]) -> int:
    from remiss.compilation import chunks

    return sum(chunks.ensure_chunk(c) for c in batch)


def _outputs(figures: dict) -> int:
    """XLSX, CSV and DOCX, as the chord's outputs task builds them beside the renders."""
    from remiss.compilation import pipeline

    return sum(len(build(figures)) for build in pipeline.OUTPUTS.values())


def compile_once(rows: list[dict], proposals: list[dict], pool, out: Path) -> dict:
    """The library's pipeline without the database: figures (tallies, drafted paragraphs, duplicate
    groups), plan, the missing chunks and the outputs (XLSX, CSV, DOCX) in the pool, then the merge."""
    from remiss.compilation import chunks, pipeline

    t0 = time.perf_counter()
    figures = figures_for(rows, proposals)
    t_figures = time.perf_counter() - t0
    parts = chunks.plan(figures)
    missing = [p for p in parts if not chunks.is_cached(p)]  # chunks to render, answer PDFs to prepare
    outputs = pool.apply_async(_outputs, (figures,))
    rendered = sum(pool.map(_ensure_batch, pipeline.batches(missing, target=32), chunksize=1))
    output_bytes = outputs.get()
    t_render = time.perf_counter() - t0 - t_figures
    t1 = time.perf_counter()
    pages = pipeline.build_document(figures, parts, title="Sammanställning", output=str(out))
    t_merge = time.perf_counter() - t1
    return {
        "wall": time.perf_counter() - t0,
        "figures": t_figures,
        "render": t_render,
        "merge": t_merge,
        "pages": pages,
        "chunks": sum(1 for p in missing if p["type"] == "chunk"),
        "answer_parts": sum(1 for p in missing if p["type"] == "file"),
        "rendered": rendered,
        "parts": len(parts),
        "bytes": out.stat().st_size,
        "output_bytes": output_bytes,
    }


def naive(figures: dict, snapshots: list[dict]) -> tuple[float, int]:
    """The same content in one WeasyPrint call."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from remiss.compilation import chunks
    from remiss.pdf.base import STATIC_PREFIX, url_fetcher

    t0 = time.perf_counter()
    parts = chunks.plan(figures)
    bodies = [
        render_to_string(chunks.TEMPLATES["front"], {"figures": figures, "toc": [], "reference": "", "title": ""})
    ]
    for part in parts:
        if part["type"] == "chunk":
            bodies.append(render_to_string(chunks.TEMPLATES[part["kind"]], part["context"]))
    body = "".join(_body(b) + '<div class="pb"></div>' for b in bodies)
    body += "".join(f"<section class='answer'>{answer_body(s)}</section>" for s in snapshots)
    html = (
        "<html lang='sv'><head><link rel='stylesheet' href='static:///css/pdf-compilation.css'>"
        "<style>.pb{page-break-after:always} .answer{page-break-before:always}"
        "@page{@bottom-center{content:'sida ' counter(page) ' av ' counter(pages)}}</style>"
        f"</head><body>{body}</body></html>"
    )
    data = HTML(string=html, base_url=STATIC_PREFIX, url_fetcher=url_fetcher).write_pdf(pdf_tags=tagged())
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return time.perf_counter() - t0, len(pdf.pages)


def tagged() -> bool:
    from remiss.compilation import conf

    return conf.tagged()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--respondents", type=int, default=10)
    parser.add_argument("--proposals", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--untagged", action="store_true", help="chunks and merge without structure tree")
    parser.add_argument("--keep", metavar="PDF", help="copy the cold compilation's PDF here")
    args = parser.parse_args()

    if args.untagged:
        os.environ["REMISS_COMPILATION_TAGGED"] = "0"
    var_dir = tempfile.mkdtemp(prefix="remiss-bench-")
    setup_django(var_dir)
    proposals = make_proposals(args.proposals)
    snapshots = [make_snapshot(i, proposals, args.seed) for i in range(args.respondents + 1)]
    extra = snapshots.pop()  # the answer that arrives later (incremental run)
    out = Path(var_dir) / "compilation.pdf"

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(args.workers) as setup_pool:  # answer PDFs exist before compiling: rendered at submission
        t0 = time.perf_counter()
        rendered = setup_pool.map(render_answer, list(enumerate(snapshots + [extra])), chunksize=4)
        setup_s = time.perf_counter() - t0
    pdfs = {i: name for i, name, _ in rendered}
    pages = {i: count for i, _, count in rendered}
    answer_pages = sum(p for i, _, p in rendered if i < len(snapshots))
    print(f"setup: {len(snapshots) + 1} answer PDFs ({answer_pages} pages) in {setup_s:.1f} s", file=sys.stderr)

    pool = ctx.Pool(args.workers, maxtasksperchild=200)
    cold = compile_once(rows_for(snapshots, pdfs, pages), proposals, pool, out)
    print(f"cold: {cold}", file=sys.stderr)
    if args.keep:
        shutil.copy(out, args.keep)

    snapshots.append(extra)
    incremental = compile_once(rows_for(snapshots, pdfs, pages), proposals, pool, out)
    print(f"incremental: {incremental}", file=sys.stderr)
    pool.close()
    pool.join()

    naive_wall = None
    naive_pages = None
    if not args.skip_naive:
        snapshots.pop()
        naive_wall, naive_pages = naive(figures_for(rows_for(snapshots, pdfs, pages), proposals), snapshots)
        print(f"naive: {naive_wall:.1f} s, {naive_pages} pages", file=sys.stderr)

    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    print(
        json.dumps(
            {
                "respondents": args.respondents,
                "proposals": args.proposals,
                "workers": args.workers,
                "pages": cold["pages"],
                "wall_s": round(cold["wall"], 2),
                "chunks": cold["chunks"],
                "peak_rss_mb": round(peak_kb / 1024, 1),
                # the process that plans and merges (the rest: the worker processes, incl. setup's)
                "peak_rss_main_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "naive_wall_s": None if naive_wall is None else round(naive_wall, 2),
                "naive_pages": naive_pages,
                "incremental_wall_s": round(incremental["wall"], 2),
                "incremental_chunks": incremental["chunks"],
                "incremental_answer_parts": incremental["answer_parts"],
                "tagged": tagged(),
                "render_s": round(cold["render"], 2),
                "merge_s": round(cold["merge"], 2),
                "figures_s": round(cold["figures"], 2),
                "incremental_figures_s": round(incremental["figures"], 2),
                "incremental_render_s": round(incremental["render"], 2),
                "incremental_merge_s": round(incremental["merge"], 2),
                "bytes": cold["bytes"],
                "setup_answer_pdfs_s": round(setup_s, 2),
                "date": dt.date.today().isoformat(),
            }
        )
    )
    shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
