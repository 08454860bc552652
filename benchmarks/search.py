#!/usr/bin/env python
"""Benchmark /sok/: full-text search over many public answers.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/search.py [--answers 10000]

Builds one closed remiss with 29 proposals and ``--answers`` submitted answers (a summary and
comments on a few proposals each, 40–250 words of Swedish per comment; about one in ten uses
"styrning"/"tillitsbaserad") in a fresh test database (the server in ``DATABASE_URL``, else SQLite),
indexes them with ``rebuild_search_index`` and sends searches through Django's test client, so each
timing covers the real view, form, visibility checks, ranking, excerpts and template.
Prints p50/p95/max ms per query and, last, one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.answer import ms, setup_django  # noqa: E402
from benchmarks.compile import comment  # noqa: E402

QUERIES = [
    {"q": "styrningen"},
    {"q": "tillitsbaserade"},
    {"q": "kommunen finansieringen"},
    {"q": "styrning", "stance": "opposes"},
    {"q": "tillsyn", "typ": "region"},
    {"q": "ansvarsfördelning", "sida": "3"},
    {"q": '"tillitsbaserad styrning"'},
    {"q": "ordsomintefinns"},
]


def build(answers: int, rng: random.Random) -> int:
    from django.utils import timezone

    from accounts.models import Organisation, OrganisationKind
    from remiss.models import (
        Proposal,
        Recipient,
        Remiss,
        RemissStatus,
        Response,
        ResponseStatus,
        Section,
        Submission,
        SubmissionStatus,
    )

    ministry = Organisation.objects.create(name="Finansdepartementet", kind=OrganisationKind.MINISTRY)
    remiss = Remiss.objects.create(
        ministry=ministry,
        title="Med tillit växer handlingsutrymmet (SOU 2018:47)",
        reference="Fi2018/02500/SFÖ",
        status=RemissStatus.CLOSED,
        published_at=timezone.now(),
        deadline=timezone.localdate(),
    )
    sections = [Section.objects.create(remiss=remiss, number=f"{7 + i}", title=f"Avsnitt {i}") for i in range(6)]
    proposals = [
        Proposal.objects.create(remiss=remiss, section=sections[i % 6], position=i, text=comment(rng)[:300])
        for i in range(29)
    ]
    kinds = [OrganisationKind.MUNICIPALITY, OrganisationKind.REGION, OrganisationKind.AGENCY]
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Remissinstans {i}", kind=kinds[i % 3], code=f"B{i:05d}", county=f"Län {i % 21}")
        for i in range(answers)
    )
    recipients = Recipient.objects.bulk_create(Recipient(remiss=remiss, organisation=o) for o in orgs)
    responses = Response.objects.bulk_create(Response(recipient=r, status=ResponseStatus.SUBMITTED) for r in recipients)
    stances = ["supports", "partly", "opposes", "no_view"]
    submissions = []
    for org, response in zip(orgs, responses, strict=True):
        rare = " En tillitsbaserad styrning behövs." if rng.random() < 0.1 else ""
        items = [
            {
                "proposal_id": p.pk,
                "label": p.label,
                "section_id": p.section_id,
                "section_number": "",
                "section_title": "",
                "kind": "proposal",
                "text": "",
                "stance": rng.choice(stances),
                "stance_label": "",
                "comment": comment(rng) + rare if i < 4 else "",
            }
            for i, p in enumerate(proposals)
        ]
        snapshot = {
            "organisation": {"id": org.pk, "name": org.name, "kind": org.kind, "county": org.county},
            "summary": comment(rng),
            "answers": items,
            "submitted_at": timezone.now().isoformat(),
        }
        submissions.append(
            Submission(
                response=response,
                number=1,
                snapshot=snapshot,
                submitted_at=timezone.now(),
                status=SubmissionStatus.DONE,
            )
        )
    Submission.objects.bulk_create(submissions, batch_size=500)
    return remiss.pk


def run(client, params: dict, repeat: int) -> dict:
    """Wall time per request, and the web process's own CPU time (what the request costs in Python,
    whatever else the machine is doing); the database's share is the difference minus waiting."""
    timings, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get("/sok/", params)
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        assert response.status_code == 200, response.status_code
    return {**ms(timings), "cpu_p95_ms": ms(cpu)["p95_ms"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--keepdb", action="store_true", help="reuse (and keep) the benchmark database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="remiss-bench-") as var_dir:
        setup_django(var_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment

        from opendata.models import SearchEntry

        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0, keepdb=args.keepdb)
        try:
            call_command("createcachetable", verbosity=0)
            built = indexed = 0.0
            if not SearchEntry.objects.exists():
                start = time.perf_counter()
                build(args.answers, random.Random(2026))
                built = time.perf_counter() - start
                start = time.perf_counter()
                call_command("rebuild_search_index", verbosity=0)
                indexed = time.perf_counter() - start
            client = Client()
            client.get("/sok/", {"q": "styrningen"})  # warm up
            figures = {}
            for params in QUERIES:
                key = " ".join(f"{k}={v}" for k, v in params.items())
                figures[key] = run(client, params, args.repeat)
                f = figures[key]
                print(
                    f"{key:45} p50 {f['p50_ms']:7.1f}  p95 {f['p95_ms']:7.1f}  max {f['max_ms']:7.1f}"
                    f"  web CPU p95 {f['cpu_p95_ms']:6.1f} ms"
                )
            everything = [v["p95_ms"] for v in figures.values()]
            import os

            result = {
                "load_average_1min": round(os.getloadavg()[0], 1),
                "database": connection.vendor,
                "answers": args.answers,
                "index_rows": SearchEntry.objects.count(),
                "build_s": round(built, 1),
                "index_s": round(indexed, 1),
                "worst_p95_ms": round(max(everything), 1),
                "queries": figures,
            }
        finally:
            if not args.keepdb:
                connection.creation.destroy_test_db(old_name, verbosity=0)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
