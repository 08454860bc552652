"""Locust users for benchmarks/load.py (run through it, not alone).

``Drafter``: signed in (a session made by load.py), opens the answer form, then autosaves one field
every ``BENCH_AUTOSAVE_EVERY`` seconds as static/js/autosave.js does, keeping each field's version.
``Submitter``: opens the confirmation page of an approved answer, submits it once, and stops.
Credentials come from ``BENCH_USERS`` (a JSON file); every request's time is appended to
``BENCH_SAMPLES`` (one JSON line each) so load.py computes the percentiles it reports.
"""

from __future__ import annotations

import json
import os
import random
import time

from locust import HttpUser, constant_pacing, events, task

USERS = json.loads(open(os.environ["BENCH_USERS"]).read())
DRAFTERS = iter(USERS["drafters"])
SUBMITTERS = iter(USERS["submitters"])
WORDS = "vi anser att förslaget bör genomföras men kostnaderna måste belysas bättre i det fortsatta arbetet".split()
_samples = open(os.environ["BENCH_SAMPLES"], "a", buffering=1)


@events.request.add_listener
def record(request_type, name, response_time, response_length, exception, **kwargs):
    _samples.write(json.dumps({"name": name, "ms": response_time, "ok": exception is None, "t": time.time()}) + "\n")


class SignedIn(HttpUser):
    abstract = True

    def sign_in(self, account: dict) -> None:
        self.client.cookies.set(account["cookie_name"], account["session"])

    def csrf(self) -> dict:
        return {"X-CSRFToken": self.client.cookies.get("csrftoken", "")}


class Drafter(SignedIn):
    fixed_count = int(os.environ.get("BENCH_DRAFTERS", "0"))
    wait_time = constant_pacing(float(os.environ.get("BENCH_AUTOSAVE_EVERY", "10")))

    def on_start(self):
        self.account = next(DRAFTERS, None)
        if self.account is None:
            return
        self.sign_in(self.account)
        self.client.get(self.account["form"], name="form page")
        self.versions: dict[str, int] = {}
        self.text = ""
        self.rng = random.Random()

    @task
    def autosave(self):
        if self.account is None:
            return
        self.text += " " + self.rng.choice(WORDS)
        field = self.rng.choice(["summary", *self.account["answer_fields"]])
        data = {"field": field, "text": self.text, "version": self.versions.get(field, 0)}
        if field != "summary":
            data["stance"] = "partly"
        with self.client.post(
            self.account["autosave"], data=data, headers=self.csrf(), name="autosave", catch_response=True
        ) as reply:
            if reply.status_code == 200:
                self.versions[field] = reply.json()["version"]
            else:
                reply.failure(f"{reply.status_code}")


class Submitter(SignedIn):
    fixed_count = int(os.environ.get("BENCH_SUBMITTERS", "0"))
    wait_time = constant_pacing(1)

    def on_start(self):
        self.account = next(SUBMITTERS, None)
        if self.account is not None:
            self.sign_in(self.account)

    @task
    def submit(self):
        if self.account is None:
            return  # submitted once; idles (a stopped user would be replaced)
        self.client.get(self.account["submit"], name="submit page")
        with self.client.post(
            self.account["submit"],
            data={"version": self.account["version"], "accept_warnings": "on"},
            headers=self.csrf(),
            name="submit",
            allow_redirects=False,
            catch_response=True,
        ) as reply:
            if reply.status_code != 302:
                reply.failure(f"{reply.status_code}")
        self.account = None
