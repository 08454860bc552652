#!/usr/bin/env python
"""Load and fault benchmark: the whole service under locust, on loopback only, bounded in time.

    .venv/bin/python benchmarks/load.py [--drafters 60] [--rush 60] [--seconds 60] [--scenarios ...]

Starts, in their own process groups and on 127.0.0.1 only: a private redis-server on a free port,
gunicorn (``--web-workers``), a Celery worker at ``nice -n 10`` (concurrency 2), the sweeper worker
and beat, all on a fresh PostgreSQL database (``BENCH_DATABASE_URL``, default the local server), as
docker-compose runs them on one host. Then runs the scenarios in order, each with its own answers:

- ``drafting``: ``--drafters`` signed-in drafters autosave every 10 s for ``--seconds``;
- ``rush``: ``--rush`` organisations submit within about ten seconds; time until every PDF is done;
- ``rush+drafting``: the same rush while the drafters autosave; autosave p50/p95 while it renders;
- ``worker-kill``: a smaller rush, the worker group SIGKILLed mid-render and started again 2 s
  later (what scripts/run.sh does); time until every PDF is done (the sweep recovers the renders
  that died);
- ``redis-outage``: Redis stopped, answers submitted (their request times), Redis started again;
  time until every PDF is done (the sweep sends what could not be queued).

Prints figures per scenario and, last, one JSON line with all of them. Needs the test
requirements (locust) and a local PostgreSQL; ``redis-server`` must be on PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VENV = ROOT / ".venv" / "bin"
SCENARIOS = ["drafting", "rush", "rush+drafting", "worker-kill", "redis-outage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


class Stack:
    """The processes of one host: redis, web, worker, sweeper, beat (each its own process group)."""

    def __init__(self, env: dict, var: Path, web_workers: int):
        self.env, self.var, self.web_workers = env, var, web_workers
        self.procs: dict[str, subprocess.Popen] = {}
        self.port = int(env["BENCH_PORT"])

    def command(self, name: str) -> list[str]:
        queue = self.env["CELERY_TASK_QUEUE"]
        celery = [str(VENV / "celery"), "-A", "config"]
        return {
            "redis": [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                self.env["BENCH_REDIS_PORT"],
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            "web": [
                str(VENV / "gunicorn"),
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.web_workers),
                "--timeout",
                "60",
            ],
            "worker": ["nice", "-n", "10", *celery, "worker", "--concurrency=2", "-Q", queue, "-n", "worker@%h"],
            "sweeper": [*celery, "worker", "--pool=solo", "-Q", f"{queue}-sweep", "-n", "sweeper@%h"],
            "beat": [*celery, "beat", f"--schedule={self.var / 'beat-schedule'}"],
        }[name]

    def start(self, name: str) -> None:
        log = open(self.var / f"{name}.log", "ab")
        self.procs[name] = subprocess.Popen(
            self.command(name), cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def kill(self, name: str, sig=signal.SIGKILL) -> None:
        proc = self.procs.pop(name, None)
        if proc is None:
            return
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def stop(self) -> None:
        for name in list(self.procs):
            self.kill(name, signal.SIGTERM)

    def wait_for_web(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise SystemExit("the web server did not start: " + (self.var / "web.log").read_text()[-2000:])


def setup_django(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()


def create_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build_data(drafting: dict[str, int], rushes: dict[str, int], proposals: int) -> dict:
    """One published remiss; ``drafters`` organisations drafting; per scenario, organisations with an
    approved, decided answer ready to submit. Returns the accounts locust signs in with."""
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from benchmarks.answer import make_response
    from remiss import models as m
    from tests import factories as f
    from tests.support import verify_second_factor

    ministry = f.MinistryFactory(name="Finansdepartementet")
    first = f.OrganisationFactory()
    response = make_response(first, ministry, proposals, "77777")
    remiss = response.recipient.remiss
    fields = [f"answer:{pk}" for pk in remiss.proposals.values_list("pk", flat=True)[:5]]

    def session(user) -> dict:
        client = Client()
        client.force_login(user)
        verify_second_factor(client, user)  # approvers must have one (MFA)
        return {
            "cookie_name": settings.SESSION_COOKIE_NAME,
            "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
        }

    def answer_for(organisation):
        recipient = m.Recipient.objects.create(remiss=remiss, organisation=organisation)
        return m.Response.objects.create(recipient=recipient)

    accounts: dict = {"drafters": {}, "rushes": {}}
    for scenario, count in drafting.items():
        accounts["drafters"][scenario] = []
        for _ in range(count):
            organisation = f.OrganisationFactory()
            user = f.MembershipFactory(organisation=organisation, is_drafter=True).user
            answer = answer_for(organisation)
            accounts["drafters"][scenario].append(
                {
                    **session(user),
                    "form": reverse("respondent:form", args=[answer.pk]),
                    "autosave": reverse("respondent:autosave", args=[answer.pk]),
                    "answer_fields": fields,
                }
            )
    for scenario, count in rushes.items():
        accounts["rushes"][scenario] = []
        for _ in range(count):
            organisation = f.OrganisationFactory()
            drafter = f.MembershipFactory(organisation=organisation, is_drafter=True).user
            reviewer = f.MembershipFactory(organisation=organisation, is_reviewer=True).user
            approver = f.MembershipFactory(organisation=organisation, is_approver=True).user
            answer = answer_for(organisation)
            f.to_approved(answer, drafter, reviewer)
            f.decide(answer, approver)
            answer.refresh_from_db()
            accounts["rushes"][scenario].append(
                {
                    **session(approver),
                    "submit": reverse("respondent:submit", args=[answer.pk]),
                    "version": answer.version,
                    "response_id": answer.pk,
                }
            )
    return accounts


def run_locust(stack: Stack, work: Path, drafters: list, submitters: list, seconds: float, tag: str) -> list[dict]:
    users_file = work / f"users-{tag}.json"
    samples_file = work / f"samples-{tag}.jsonl"
    users_file.write_text(json.dumps({"drafters": drafters, "submitters": submitters}))
    samples_file.touch()
    total = len(drafters) + len(submitters)
    rate = max(1.0, len(submitters) / 10) + max(1.0, len(drafters) / 10)
    env = dict(
        stack.env,
        BENCH_USERS=str(users_file),
        BENCH_SAMPLES=str(samples_file),
        BENCH_DRAFTERS=str(len(drafters)),
        BENCH_SUBMITTERS=str(len(submitters)),
    )
    subprocess.run(
        [str(VENV / "locust"), "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless", "--only-summary",
         "-u", str(total), "-r", str(rate), "-t", f"{int(seconds)}s", "--stop-timeout", "5",
         "--host", f"http://127.0.0.1:{stack.port}", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, check=False, stdout=open(work / f"locust-{tag}.log", "w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    return [json.loads(line) for line in samples_file.read_text().splitlines() if line.strip()]


def figures(samples: list[dict], name: str) -> dict:
    times = [s["ms"] for s in samples if s["name"] == name]
    errors = sum(1 for s in samples if s["name"] == name and not s["ok"])
    return {
        "requests": len(times),
        "errors": errors,
        "p50_ms": round(percentile(times, 0.5), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1) if times else 0.0,
    }


def wait_rendered(response_ids: list[int], timeout: float, since: float) -> dict:
    """Wait until every submission of these answers is done or failed (or the timeout); the seconds
    from ``since`` (wall clock; default the first submission) to the last PDF finished."""
    from django.db.models import Max, Min

    from remiss.models import Submission, SubmissionStatus

    deadline = time.monotonic() + timeout
    rows = Submission.objects.filter(response_id__in=response_ids)
    while True:
        done = rows.filter(status=SubmissionStatus.DONE).count()
        failed = rows.filter(status=SubmissionStatus.FAILED).count()
        if done + failed >= len(response_ids) or time.monotonic() > deadline:
            break
        time.sleep(1)
    span = rows.aggregate(first=Min("submitted_at"), last=Max("finished_at"))
    start = since or (span["first"].timestamp() if span["first"] else time.time())
    last = span["last"].timestamp() if span["last"] else time.time()
    return {"done": done, "failed": failed, "of": len(response_ids), "seconds": round(last - start, 1), "last": last}


def kill_worker_later(stack: Stack, delay: float, out: dict) -> None:
    time.sleep(delay)
    stack.kill("worker")
    out["at"] = time.time()
    time.sleep(2)
    stack.start("worker")


def run_scenario(scenario: str, stack: Stack, work: Path, accounts: dict, args) -> dict:
    """Run one scenario against the running stack and return its figures."""
    submitters = accounts["rushes"].get(scenario, [])
    ids = [a["response_id"] for a in submitters]
    if scenario == "drafting":
        samples = run_locust(stack, work, accounts["drafters"][scenario], [], args.seconds, scenario)
        result = {"autosave": figures(samples, "autosave")}
    elif scenario in ("rush", "rush+drafting"):
        with_drafters = accounts["drafters"].get(scenario, [])
        seconds = args.seconds if with_drafters else 20
        samples = run_locust(stack, work, with_drafters, submitters, seconds, scenario)
        drained = wait_rendered(ids, args.drain_timeout, 0)
        result = {"submit": figures(samples, "submit"), "rendered": drained}
        if with_drafters:
            rendering = [s for s in samples if s["t"] <= drained["last"]]
            result["autosave_while_rendering"] = figures(rendering, "autosave")
    elif scenario == "worker-kill":
        kill: dict = {}
        killer = threading.Thread(target=kill_worker_later, args=(stack, 6, kill))
        killer.start()  # SIGKILL mid-rush, as a crash would; started again 2 s later like run.sh
        samples = run_locust(stack, work, [], submitters, 15, scenario)
        killer.join()
        drained = wait_rendered(ids, args.drain_timeout, kill["at"])
        result = {"submit": figures(samples, "submit"), "rendered_after_kill": drained}
    elif scenario == "redis-outage":
        stack.kill("redis")
        samples = run_locust(stack, work, [], submitters, 15, scenario)
        time.sleep(5)
        stack.start("redis")
        back = time.time()
        drained = wait_rendered(ids, args.drain_timeout, back)
        result = {"submit_while_down": figures(samples, "submit"), "rendered_after_redis_back": drained}
    else:
        raise SystemExit(f"unknown scenario {scenario}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drafters", type=int, default=60)
    parser.add_argument("--rush", type=int, default=60)
    parser.add_argument("--kill-rush", type=int, default=20, help="answers submitted in the kill and outage runs")
    parser.add_argument("--seconds", type=int, default=60, help="length of the drafting run")
    parser.add_argument("--proposals", type=int, default=40)
    parser.add_argument("--web-workers", type=int, default=3)
    parser.add_argument("--drain-timeout", type=int, default=600)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    args = parser.parse_args()
    scenarios = [s for s in args.scenarios.split(",") if s]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))  # still stop the stack
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server is not on PATH")

    work = Path(tempfile.mkdtemp(prefix="remiss-load-"))
    redis_port = free_port()
    database = os.environ.get("BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/remiss_load_{os.getpid()}")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "TEST_"))}
    env.update(
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="config.settings",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=database,
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        REMISS_VAR_DIR=str(work / "var"),
        CELERY_TASK_QUEUE="remiss-load",
        BENCH_PORT=str(free_port()),
        BENCH_REDIS_PORT=str(redis_port),
    )
    create_database(database)
    stack = Stack(env, work, args.web_workers)
    results: dict = {"params": vars(args), "cpus": os.cpu_count()}
    try:
        stack.start("redis")
        subprocess.run(
            [str(VENV / "python"), "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        setup_django(env)
        rushes = {
            name: (args.rush if "rush" in name and name != "worker-kill" else args.kill_rush) for name in scenarios
        }
        rushes = {k: v for k, v in rushes.items() if k != "drafting"}
        drafting = {k: args.drafters for k in ("drafting", "rush+drafting") if k in scenarios}
        t0 = time.monotonic()
        accounts = build_data(drafting, rushes, args.proposals)
        results["setup_seconds"] = round(time.monotonic() - t0, 1)
        for name in ("web", "worker", "sweeper", "beat"):
            stack.start(name)
        stack.wait_for_web()
        time.sleep(3)  # the workers connect
        for scenario in scenarios:
            print(f"--- {scenario}", flush=True)
            result = run_scenario(scenario, stack, work, accounts, args)
            print(json.dumps(result, ensure_ascii=False), flush=True)
            results[scenario] = result
    finally:
        stack.stop()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001 (Django may not be set up yet)
            pass
        drop_database(database)
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
