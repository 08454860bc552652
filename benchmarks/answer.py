#!/usr/bin/env python
"""Benchmark the answer form: autosave latency, form page queries and the answer PDF.

    .venv/bin/python benchmarks/answer.py [--proposals 40] [--saves 200] [--renders 3]

Builds a published remiss with ``--proposals`` proposals in a throwaway database (SQLite under a
temporary REMISS_VAR_DIR, or the server in ``DATABASE_URL`` when set, in a fresh test database) and
signs a drafter in through Django's test client, so every request runs the real middleware, view,
form, service and database code (no network). It prints:

- autosave of one field (what static/js/autosave.js sends while typing) — p50/p95/max ms,
  compared with the no-JavaScript path: a full-form POST of every field;
- the form page: time and number of SQL queries with 10 and with ``--proposals`` proposals
  (the count must not grow with the number of proposals);
- the answer PDF (WeasyPrint) for an answer with a 40–250-word comment on every proposal:
  PDF/UA-1 (what submission uses) compared with tagged-only and untagged output.

The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.compile import comment  # noqa: E402  (synthetic Swedish comments of 40–250 words)


def setup_django(var_dir: str) -> None:
    os.environ.update(
        DEBUG="1",
        REMISS_VAR_DIR=var_dir,
        DJANGO_SETTINGS_MODULE="config.settings",
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ms(values: list[float]) -> dict:
    return {
        "p50_ms": round(percentile(values, 0.50) * 1000, 1),
        "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
    }


def make_response(drafter_org, ministry, proposals: int, suffix: str):
    from django.utils import timezone

    from remiss import models as m

    remiss = m.Remiss.objects.create(
        ministry=ministry,
        title=f"Betänkandet Benchmark {suffix} (SOU 2026:99)",
        reference=f"Fi2026/0{suffix}",
        reports=[{"id": "SOU 2026:99", "title": "Benchmark", "kind": "betänkande"}],
        missive="Remissvaren ska ha kommit in senast på sista svarsdagen.",
        deadline=timezone.localdate() + dt.timedelta(days=60),
        consequence_questions=["economic", "children"],
        status=m.RemissStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    sections = [
        m.Section.objects.create(remiss=remiss, number=f"{i + 4}", title=f"Avsnitt {i + 1}", position=i)
        for i in range(max(1, proposals // 5))
    ]
    for i in range(proposals):
        m.Proposal.objects.create(
            remiss=remiss,
            section=sections[i % len(sections)],
            kind=m.ProposalKind.PROPOSAL,
            text=f"Regeringen ska genomföra åtgärd nummer {i + 1} i enlighet med utredningens förslag.",
            position=i,
        )
    recipient = m.Recipient.objects.create(remiss=remiss, organisation=drafter_org)
    return m.Response.objects.create(recipient=recipient)


def full_form(response) -> dict:
    """What the no-JavaScript page posts back: the form's own initial data."""
    from remiss.forms.responses import AnswerForm

    response.refresh_from_db()
    proposals = list(response.recipient.remiss.proposals.select_related("section"))
    answers = {a.proposal_id: a for a in response.answers.all()}
    from remiss.services.drafting import text_field_versions

    versions = text_field_versions(response)
    return dict(AnswerForm(response=response, proposals=proposals, answers=answers, text_versions=versions).initial)


def bench_autosave(client, response, saves: int, rng: random.Random) -> dict:
    from django.urls import reverse

    url = reverse("respondent:autosave", args=[response.pk])
    proposals = list(response.recipient.remiss.proposals.values_list("pk", flat=True))
    from remiss.services.drafting import text_field_versions

    versions: dict[str, int] = {"summary": text_field_versions(response)["summary"]}
    text = ""
    timings = []
    for i in range(saves):
        text += " " + rng.choice(["Vi", "anser", "att", "förslaget", "bör", "genomföras", "men", "kostnaderna"])
        if i % 2:
            key = "summary"
            data = {"field": key, "text": text, "version": versions[key]}
        else:
            key = f"answer:{proposals[i % len(proposals)]}"
            data = {"field": key, "text": text, "stance": "partly", "version": versions.get(key, 0)}
        start = time.perf_counter()
        reply = client.post(url, data)
        timings.append(time.perf_counter() - start)
        body = reply.json()
        if reply.status_code != 200:
            raise SystemExit(f"autosave failed: {reply.status_code} {body}")
        versions[key] = body["version"]  # each field's own version (no silent overwrite)
    return ms(timings)


def bench_full_form(client, response, saves: int, rng: random.Random) -> dict:
    from django.urls import reverse

    url = reverse("respondent:form", args=[response.pk])
    timings = []
    for i in range(saves):
        data = full_form(response)
        data["summary"] = data["summary"] + f" Tillägg {i}."
        first = next(k for k in data if k.startswith("comment-"))
        data[first] = comment(rng)
        start = time.perf_counter()
        reply = client.post(url, data)
        timings.append(time.perf_counter() - start)
        if reply.status_code != 302:
            raise SystemExit(f"full-form save failed: {reply.status_code}")
    return ms(timings)


def bench_form_page(client, response) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    url = reverse("respondent:form", args=[response.pk])
    client.get(url)  # warm-up (templates, caches)
    timings = []
    for _ in range(10):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            assert client.get(url).status_code == 200
            timings.append(time.perf_counter() - start)
    return {"queries": len(ctx.captured_queries), **ms(timings)}


def fill_answer(response, drafter, rng: random.Random) -> None:
    from django.utils import timezone

    from remiss import models as m

    response.summary = comment(rng)
    response.general_comments = comment(rng) + "\n\n" + comment(rng)
    response.consequences = {"economic": comment(rng), "children": comment(rng)}
    response.decided_by = "Kommunstyrelsen"
    response.decision_date = timezone.localdate()
    response.minute_ref = "§ 123"
    response.save()
    m.Signatory.objects.create(
        response=response, name="Anna Andersson", title="Kommunstyrelsens ordförande", position=0
    )
    stances = [m.Stance.SUPPORTS, m.Stance.PARTLY, m.Stance.OPPOSES, m.Stance.NO_VIEW]
    m.Answer.objects.filter(response=response).delete()
    m.Answer.objects.bulk_create(
        m.Answer(response=response, proposal=p, stance=rng.choice(stances), comment=comment(rng), updated_by=drafter)
        for p in response.recipient.remiss.proposals.all()
    )


def bench_pdf(response, renders: int) -> dict:
    from pypdf import PdfReader

    from remiss.pdf.answer import TEMPLATE, answer_context, render_answer_pdf
    from remiss.pdf.base import render_pdf
    from remiss.snapshot import build_snapshot

    snapshot = build_snapshot(response)
    context = answer_context(snapshot)
    variants = {
        "pdf_ua": lambda: render_answer_pdf(snapshot),
        "tagged": lambda: render_pdf(TEMPLATE, context),
        "untagged": lambda: render_pdf(TEMPLATE, context, tagged=False),
    }
    out: dict = {}
    render_pdf(TEMPLATE, context, tagged=False)  # warm-up: fonts, template loading
    for name, render in variants.items():
        timings = []
        for _ in range(renders):
            start = time.perf_counter()
            pdf = render()
            timings.append(time.perf_counter() - start)
        out[name] = {
            "median_s": round(statistics.median(timings), 2),
            "pages": len(PdfReader(io.BytesIO(pdf)).pages),
            "kb": round(len(pdf) / 1024),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--proposals", type=int, default=40)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--renders", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="remiss-bench-") as var_dir:
        setup_django(var_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import setup_test_environment

        from accounts.models import Membership, Organisation, OrganisationKind, User

        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
        try:
            call_command("createcachetable", verbosity=0)
            rng = random.Random(2026)
            ministry = Organisation.objects.create(name="Finansdepartementet", kind=OrganisationKind.MINISTRY)
            org = Organisation.objects.create(name="Nacka kommun", kind=OrganisationKind.MUNICIPALITY, code="0182")
            drafter = User.objects.create_user(email="bench@example.se", password="x" * 20, full_name="Bench")
            Membership.objects.create(user=drafter, organisation=org, is_drafter=True)

            from django.test import Client
            from django.urls import reverse

            client = Client()
            client.force_login(drafter)
            small = make_response(org, ministry, 10, "1")
            large = make_response(org, ministry, args.proposals, "2")
            for r in (small, large):
                client.post(
                    reverse("respondent:autosave", args=[r.pk]),
                    {"field": "summary", "text": "Start.", "version": r.version},
                )
            autosave = bench_autosave(client, large, args.saves, rng)
            full = bench_full_form(client, large, max(20, args.saves // 10), rng)
            page_small = bench_form_page(client, small)
            page_large = bench_form_page(client, large)
            fill_answer(large, drafter, rng)
            pdf = bench_pdf(large, args.renders)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    db = connection.vendor
    print(f"database: {db}, proposals: {args.proposals}")
    print(f"autosave one field ({args.saves} saves): p50 {autosave['p50_ms']} ms, p95 {autosave['p95_ms']} ms")
    print(f"full-form POST, no JavaScript: p50 {full['p50_ms']} ms, p95 {full['p95_ms']} ms")
    print(
        f"form page: 10 proposals {page_small['queries']} queries p50 {page_small['p50_ms']} ms; "
        f"{args.proposals} proposals {page_large['queries']} queries p50 {page_large['p50_ms']} ms"
    )
    for name, fig in pdf.items():
        print(f"answer PDF {name}: {fig['median_s']} s, {fig['pages']} pages, {fig['kb']} kB")
    print(
        json.dumps(
            {
                "database": db,
                "proposals": args.proposals,
                "autosave": autosave,
                "full_form_post": full,
                "form_page_10": page_small,
                f"form_page_{args.proposals}": page_large,
                "answer_pdf": pdf,
            }
        )
    )


if __name__ == "__main__":
    main()
