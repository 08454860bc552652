#!/usr/bin/env python
"""Benchmark the theme workspace on a synthetic remiss stored in a database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/theme_run.py \
        [--respondents 300] [--proposals 40]

Builds, in a fresh test database (the server in ``DATABASE_URL``, else SQLite), one closed remiss
with ``--proposals`` proposals and ``--respondents`` submitted answers whose comments recombine the
labelled sentences of tests/data/themes/ (``benchmarks.themes.synthetic``: arguments, stance-only
answers, a campaign). Then times, one process:

- ``run_s``: ``remiss.services.themes.run_themes`` (every proposal read from the snapshots, themed,
  stored) — what the Celery task ``remiss.find_themes`` does;
- ``rerun_s``: the same after every theme carried by three or more bodies is confirmed;
- ``overview_s`` / ``proposal_s``: the reads behind the Teman tab and one proposal's page;
- ``figures_s``: ``remiss.compilation.data.gather`` (the sammanställning's figures, drafted texts
  from the themes included).

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.answer import setup_django  # noqa: E402
from benchmarks.themes import synthetic  # noqa: E402


def build(respondents: int, proposals: int):
    from django.utils import timezone

    from accounts.models import Organisation, OrganisationKind
    from remiss import models as m

    ministry = Organisation.objects.create(name="Utbildningsdepartementet", kind=OrganisationKind.MINISTRY)
    remiss = m.Remiss.objects.create(
        ministry=ministry,
        title="Syntetisk remiss",
        reference="U2026/00001",
        status=m.RemissStatus.CLOSED,
        published_at=timezone.now(),
        deadline=timezone.localdate(),
    )
    data = synthetic(respondents, proposals)
    section = m.Section.objects.create(remiss=remiss, number="5", title="Förslagen")
    rows = [
        m.Proposal.objects.create(remiss=remiss, section=section, position=i, text=p["text"] or p["title"])
        for i, (p, _answers) in enumerate(data)
    ]
    kinds = [OrganisationKind.MUNICIPALITY, OrganisationKind.REGION, OrganisationKind.AGENCY]
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Remissinstans {i}", kind=kinds[i % 3], code=f"T{i:05d}") for i in range(respondents)
    )
    recipients = m.Recipient.objects.bulk_create(m.Recipient(remiss=remiss, organisation=o) for o in orgs)
    responses = m.Response.objects.bulk_create(
        m.Response(recipient=r, status=m.ResponseStatus.SUBMITTED) for r in recipients
    )
    submissions = []
    for index, (org, response) in enumerate(zip(orgs, responses, strict=True)):
        items = [
            {
                "proposal_id": proposal.pk,
                "label": proposal.label,
                "section_id": section.pk,
                "section_number": "5",
                "section_title": "Förslagen",
                "kind": "proposal",
                "text": "",
                "stance": answers[index]["stance"],
                "stance_label": "",
                "comment": answers[index]["text"],
            }
            for proposal, (_p, answers) in zip(rows, data, strict=True)
        ]
        snapshot = {
            "organisation": {"id": org.pk, "name": org.name, "kind": org.kind, "county": ""},
            "summary": "",
            "general_comments": "",
            "answers": items,
            "submitted_at": timezone.now().isoformat(),
        }
        submissions.append(
            m.Submission(
                response=response,
                number=1,
                snapshot=snapshot,
                submitted_at=timezone.now(),
                status=m.SubmissionStatus.DONE,
            )
        )
    m.Submission.objects.bulk_create(submissions, batch_size=200)
    return remiss


def timed(call):
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--proposals", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="remiss-bench-") as var_dir:
        setup_django(var_dir)
        from django.db import connection
        from django.test.utils import setup_test_environment

        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0)
        try:
            measure(args)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def measure(args) -> None:
    from django.db import connection

    from remiss.compilation.data import gather
    from remiss.models import Theme
    from remiss.selectors import themes as reads
    from remiss.services import themes

    built, remiss = timed(lambda: build(args.respondents, args.proposals))
    run_s, result = timed(lambda: themes.run_themes(remiss=remiss))
    engine_s = sum(timed(lambda p=p: reads.engine_answers(remiss, p))[0] for p in remiss.proposals.all()[:1])
    for theme in Theme.objects.filter(remiss=remiss).prefetch_related("members"):
        if len(theme.members.all()) >= 3:
            theme.confirmed = True
            theme.save(update_fields=["confirmed"])
    confirmed = Theme.objects.filter(remiss=remiss, confirmed=True).count()
    rerun_s, rerun = timed(lambda: themes.run_themes(remiss=remiss))
    overview_s, _o = timed(lambda: reads.remiss_themes(remiss))
    proposal_s, _p = timed(lambda: reads.proposal_themes(remiss, remiss.proposals.first()))
    figures_s, _f = timed(lambda: gather(remiss, {}))
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "respondents": args.respondents,
                "proposals": args.proposals,
                "build_s": round(built, 1),
                "run_s": round(run_s, 1),
                "read_one_proposal_s": round(engine_s, 2),
                "themes": result["themes"],
                "confirmed": confirmed,
                "rerun_s": round(rerun_s, 1),
                "themes_after_rerun": rerun["themes"],
                "overview_s": round(overview_s, 2),
                "proposal_s": round(proposal_s, 2),
                "figures_s": round(figures_s, 1),
                "load_average_1min": round(os.getloadavg()[0], 1),
            }
        )
    )


if __name__ == "__main__":
    main()
