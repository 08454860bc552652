"""A ministry official starts a compilation in a real browser and follows it to the download link."""

from __future__ import annotations

import pytest
from django.urls import reverse

from remiss.models import Compilation, CompilationStatus, Stance
from tests import factories as f
from tests.support import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_start_compilation_and_see_progress_reach_the_download(live_server, page, celery_worker, staff, ministry):
    remiss = f.PublishedRemissFactory(ministry=ministry, title="Betänkandet Renare luft", reference="M2026/00010")
    proposal = f.ProposalFactory(section=f.SectionFactory(remiss=remiss, number="2.1", title="Luft"))
    for name in ("Alingsås kommun", "Region Halland"):
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
    download = page.get_by_role("link", name="Ladda ned sammanställningen (PDF)")
    download.wait_for(timeout=90_000)  # htmx polls the status every 2 s
    compilation = Compilation.objects.get()
    assert compilation.status == CompilationStatus.DONE
    assert axe_violations(page) == []
    with page.expect_download() as info:
        download.click()
    assert info.value.suggested_filename.endswith(".pdf")
    page.goto(live_server.url + reverse("compilation:list", args=[remiss.pk]))
    assert axe_violations(page) == []
    assert page.csp_errors == []
