"""Compilations on real Celery workers (Redis): end to end, and recovery after SIGKILL."""

from __future__ import annotations

import os
import signal
import time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from remiss.compilation import lifecycle
from remiss.models import Compilation, CompilationStatus, Stance
from tests import factories as f
from tests.support import start_worker_group, stop_worker, wait_for_worker, worker_env


def answered_remiss(ministry, *, pdf: bool):
    """Six answers to three proposals; with ``pdf`` each answer has its PDF for the appendix."""
    remiss = f.PublishedRemissFactory(ministry=ministry, title="Betänkandet Snabbare tåg", reference="I2026/00777")
    proposals = [
        f.ProposalFactory(section=f.SectionFactory(remiss=remiss, number=f"3.{i}"), text=f"Förslag om tåg nummer {i}.")
        for i in range(3)
    ]
    for i in range(6):
        recipient = f.RecipientFactory(remiss=remiss, organisation=f.OrganisationFactory(name=f"Tågkommun {i}"))
        f.make_submission(
            recipient,
            answers={
                p: ([Stance.SUPPORTS, Stance.OPPOSES][(i + j) % 2], f"Tågkommun {i} om förslag {j}.")
                for j, p in enumerate(proposals)
            },
            pdf=pdf,
        )
    return remiss


@pytest.fixture
def remiss(ministry, transactional_db):
    return answered_remiss(ministry, pdf=False)


@pytest.fixture
def remiss_with_pdfs(ministry, transactional_db):
    return answered_remiss(ministry, pdf=True)


def wait_for(compilation: Compilation, timeout: float, each=None) -> Compilation:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        compilation.refresh_from_db()
        if compilation.status in (CompilationStatus.DONE, CompilationStatus.FAILED):
            return compilation
        if each:
            each()
        time.sleep(0.5)
    return compilation


def text_of(compilation) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(compilation.pdf.path).pages)


@pytest.mark.worker
def test_a_worker_runs_a_compilation_end_to_end(celery_worker, remiss_with_pdfs, staff, client_for):
    remiss = remiss_with_pdfs  # the appendix merges the answers' own PDFs
    compilation = lifecycle.start_compilation(remiss=remiss, params={}, by=staff)
    compilation = wait_for(compilation, 120)
    assert compilation.status == CompilationStatus.DONE, compilation.error
    assert compilation.progress == 100 and compilation.attempts == 1
    text = text_of(compilation)
    assert "Tågkommun 3 om förslag 2." in text and "Betänkandet Snabbare tåg" in text
    html = client_for(staff).get(reverse("compilation:detail", args=[remiss.pk, compilation.pk])).content.decode()
    assert "Ladda ned sammanställningen (PDF)" in html


@pytest.mark.worker
def test_a_compilation_survives_its_worker_being_killed(remiss, staff, settings, tmp_path, client_for):
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (TEST_REDIS_URL) for the shared broker")
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    settings.MEDIA_ROOT = var_dir / "media"
    settings.REMISS_COMPILATION_STALE_SECONDS = 4
    # Every organisation its own chunk and a pause after each: slow enough to kill in the middle.
    slow = worker_env(var_dir, REMISS_COMPILATION_BLOCK="1", REMISS_COMPILATION_CHUNK_DELAY="0.7")
    first = start_worker_group(slow)
    wait_for_worker(first, var_dir)
    compilation = lifecycle.start_compilation(remiss=remiss, params={}, by=staff)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        compilation.refresh_from_db()
        if compilation.status == CompilationStatus.RUNNING and compilation.progress > 5:
            break
        time.sleep(0.2)
    assert compilation.status == CompilationStatus.RUNNING and compilation.progress < 100, compilation.error
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.RUNNING  # the row still says running: nobody works on it

    second = start_worker_group(worker_env(var_dir, REMISS_COMPILATION_BLOCK="1"))
    try:
        wait_for_worker(second, var_dir)
        compilation = wait_for(compilation, 150, each=lifecycle.sweep_stale)  # what celery beat does every minute
    finally:
        stop_worker(second)
    assert compilation.status == CompilationStatus.DONE, compilation.error
    assert compilation.attempts >= 2
    reader = PdfReader(compilation.pdf.path)
    assert len(reader.pages) == compilation.page_count
    text = text_of(compilation)
    for i in range(6):
        assert f"Tågkommun {i} om förslag 1." in text
    assert not list((var_dir / "media" / "compilations").rglob(".partial-*"))
    html = client_for(staff).get(reverse("compilation:detail", args=[remiss.pk, compilation.pk])).content.decode()
    assert "Klar" in html and "Ladda ned sammanställningen (PDF)" in html
