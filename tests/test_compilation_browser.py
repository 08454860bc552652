"""A ministry official starts a compilation in a real browser and follows it to the download link."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from remiss.models import Compilation, CompilationStatus, Stance
from tests import factories as f
from tests.support import axe_violations, login, start_worker, stop_worker, wait_for_worker, worker_env

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def slow_worker(transactional_db, settings, tmp_path):
    """A real worker whose compilation pauses after every chunk, so the progress can be watched."""
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (TEST_REDIS_URL) for the shared broker")
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    settings.MEDIA_ROOT = var_dir / "media"
    proc = start_worker(worker_env(var_dir, REMISS_COMPILATION_BLOCK="1", REMISS_COMPILATION_CHUNK_DELAY="0.7"))
    try:
        wait_for_worker(proc, var_dir)
        yield proc
    finally:
        stop_worker(proc)


def test_start_compilation_and_see_progress_reach_the_download(live_server, page, slow_worker, staff, ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry, title="Betänkandet Renare luft", reference="M2026/00010")
    proposal = f.ProposalFactory(section=f.SectionFactory(remiss=remiss, number="2.1", title="Luft"))
    for name in ("Alingsås kommun", "Region Halland", "Borås stad"):
        recipient = f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name=name))
        f.make_submission(recipient, answers={proposal: (Stance.SUPPORTS, f"{name} tillstyrker.")})
    login(page, live_server, staff.email, f.PASSWORD)
    page.goto(live_server.url + reverse("compilation:list", args=[remiss.pk]))
    assert page.get_by_role("heading", name="Remissammanställningar").is_visible()
    assert axe_violations(page) == []
    page.get_by_label("Ta med svar som kom in för sent").check()
    page.get_by_role("button", name="Starta sammanställningen").click()
    page.wait_for_load_state()
    assert "Sammanställningen har startats." in page.content()
    # While it runs: the step, the share done as a progress bar, chunks counted, and a cancel button.
    page.get_by_text(re.compile(r"\d+ av \d+ delar klara")).wait_for(timeout=60_000)
    assert page.get_by_text("Steg:").is_visible()
    progress = page.get_by_label(re.compile(r"\d+ % klart"))
    assert progress.is_visible() and int(progress.get_attribute("value")) >= 5
    assert page.get_by_role("button", name="Avbryt sammanställningen").is_visible()
    assert axe_violations(page) == []
    download = page.get_by_role("link", name="Ladda ned sammanställningen (PDF)")
    download.wait_for(timeout=90_000)  # htmx polls the status every 2 s
    compilation = Compilation.objects.get()
    assert compilation.status == CompilationStatus.DONE
    # The polled block replaced the buttons too: no cancel button on a finished compilation.
    assert page.get_by_role("button", name="Avbryt sammanställningen").count() == 0
    assert page.get_by_role("button", name="Försök igen").count() == 0
    assert axe_violations(page) == []
    with page.expect_download() as info:
        download.click()
    assert info.value.suggested_filename.endswith(".pdf")
    page.goto(live_server.url + reverse("compilation:list", args=[remiss.pk]))
    assert axe_violations(page) == []
    assert page.csp_errors == []
