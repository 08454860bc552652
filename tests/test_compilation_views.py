"""The compilation pages: who may see what, starting, following, cancelling, retrying, downloading."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from remiss.compilation import data
from remiss.models import Compilation, CompilationStatus, DraftEdit, Stance
from tests import factories as f
from tests.support import run_compilation_task

pytestmark = pytest.mark.slow  # renders PDFs: not in make test-fast


@pytest.fixture
def remiss(ministry, org, other_org):
    remiss = f.PublishedRemissFactory(ministry=ministry, title="Betänkandet Enklare vägar", reference="I2026/00100")
    section = f.SectionFactory(remiss=remiss, number="4.1", title="Vägar")
    p1 = f.ProposalFactory(section=section, text="Vägverket ska ansvara för cykelvägar.")
    nacka = f.RecipientFactory(remiss=remiss, organisation=org)
    f.RecipientFactory(remiss=remiss, organisation=other_org)
    f.make_submission(nacka, answers={p1: (Stance.SUPPORTS, "Nacka tillstyrker cykelvägarna.")})
    remiss.p1 = p1
    return remiss


@pytest.fixture
def done(remiss, staff):
    compilation = Compilation.objects.create(remiss=remiss, created_by=staff, params=data.normalise_params({}))
    assert run_compilation_task(compilation.pk) == "done"
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.DONE
    return compilation


def urls(remiss, compilation) -> dict[str, tuple[str, str]]:
    """Every compilation view: name → (method, url)."""
    k = {"remiss_pk": remiss.pk, "pk": compilation.pk}
    return {
        "list": ("get", reverse("compilation:list", kwargs={"remiss_pk": remiss.pk})),
        "start": ("post", reverse("compilation:list", kwargs={"remiss_pk": remiss.pk})),
        "detail": ("get", reverse("compilation:detail", kwargs=k)),
        "status": ("get", reverse("compilation:status", kwargs=k)),
        "cancel": ("post", reverse("compilation:cancel", kwargs=k)),
        "retry": ("post", reverse("compilation:retry", kwargs=k)),
        "compare": ("get", reverse("compilation:compare", kwargs=k)),
        "pdf": ("get", reverse("compilation:download", kwargs={**k, "fmt": "pdf"})),
        "xlsx": ("get", reverse("compilation:download", kwargs={**k, "fmt": "xlsx"})),
        "csv": ("get", reverse("compilation:download", kwargs={**k, "fmt": "csv"})),
        "docx": ("get", reverse("compilation:download", kwargs={**k, "fmt": "docx"})),
        "draft": ("get", reverse("compilation:draft_edit", args=[remiss.pk, _proposal(remiss)])),
        "draft_save": ("post", reverse("compilation:draft_edit", args=[remiss.pk, _proposal(remiss)])),
    }


def _proposal(remiss) -> int:
    proposal = remiss.proposals.first() or f.ProposalFactory(section=f.SectionFactory(remiss=remiss))
    return proposal.pk


@pytest.mark.parametrize("who", ["other_staff", "outsider", "drafter"])
def test_nobody_but_the_owning_ministry_reaches_any_compilation_view(
    request, who, remiss, done, client_for, django_capture_on_commit_callbacks
):
    client = client_for(request.getfixturevalue(who))
    views = urls(remiss, done)
    assert len(views) == 13
    with django_capture_on_commit_callbacks() as callbacks:
        for name, (method, url) in views.items():
            response = getattr(client, method)(url)
            assert response.status_code == 404, (who, name)
    assert callbacks == []
    assert Compilation.objects.count() == 1 and not DraftEdit.objects.exists()
    done.refresh_from_db()
    assert done.status == CompilationStatus.DONE
    assert AuditEvent.objects.filter(action="access.denied").count() >= 10


def test_anonymous_is_sent_to_sign_in(anonymous, remiss, done):
    for name, (method, url) in urls(remiss, done).items():
        response = getattr(anonymous, method)(url)
        assert response.status_code == 302 and "/konto/logga-in/" in response["Location"], name


def test_ministry_member_without_staff_role_is_refused(ministry, remiss, done, client_for):
    member = f.MembershipFactory(organisation=ministry).user
    for name, (method, url) in urls(remiss, done).items():
        assert getattr(client_for(member), method)(url).status_code == 403, name


def test_staff_starts_a_compilation_with_a_scope(staff, remiss, client_for, django_capture_on_commit_callbacks):
    client = client_for(staff)
    page = client.get(reverse("compilation:list", args=[remiss.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ny sammanställning" in html and "Ingen sammanställning har gjorts ännu." in html
    section = remiss.sections.get()
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            reverse("compilation:list", args=[remiss.pk]),
            {"sections": [section.pk], "kinds": ["kommun"], "appendix": "on"},
        )
    compilation = Compilation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("compilation:detail", args=[remiss.pk, compilation.pk])
    assert compilation.params == {
        "sections": [section.pk],
        "kinds": ["kommun"],
        "counties": [],
        "appendix": True,
        "include_late": False,
    }
    assert compilation.created_by == staff and compilation.status == CompilationStatus.QUEUED
    assert len(callbacks) == 1
    assert AuditEvent.objects.filter(action="compilation.started", actor=staff).exists()


def test_invalid_scope_keeps_the_form_and_says_so(staff, remiss, client_for):
    response = client_for(staff).post(
        reverse("compilation:list", args=[remiss.pk]), {"sections": ["999999"], "kinds": ["kommun"]}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Formuläret innehåller fel" in html
    assert 'value="kommun" id="id_kinds_1" checked' in html or ('value="kommun"' in html and "checked" in html)
    assert Compilation.objects.count() == 0


def test_status_page_shows_progress_and_polls_while_running(staff, remiss, client_for):
    compilation = Compilation.objects.create(
        remiss=remiss,
        created_by=staff,
        params=data.normalise_params({}),
        status=CompilationStatus.RUNNING,
        step="Skapar delarna",
        progress=42,
    )
    client = client_for(staff)
    detail = client.get(reverse("compilation:detail", args=[remiss.pk, compilation.pk])).content.decode()
    assert "Skapar delarna" in detail and 'value="42"' in detail and "42 % klart" in detail
    assert 'hx-trigger="every 2s"' in detail and "Uppdatera" in detail and "Avbryt sammanställningen" in detail
    partial = client.get(reverse("compilation:status", args=[remiss.pk, compilation.pk])).content.decode()
    assert partial.startswith('<div id="compilation-status"') and "<html" not in partial


def test_done_page_links_downloads_and_stops_polling(staff, remiss, done, client_for):
    html = client_for(staff).get(reverse("compilation:detail", args=[remiss.pk, done.pk])).content.decode()
    assert "hx-trigger" not in html
    assert "Ladda ned sammanställningen (PDF)" in html and "Nacka kommun" in html
    assert "Inaktuell" not in html


@pytest.mark.parametrize(
    "fmt,content_type,magic",
    [
        ("pdf", "application/pdf", b"%PDF-"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
        ("csv", "text/csv; charset=utf-8", "\ufeffOrganisation".encode()),
    ],
)
def test_downloads_are_streamed_with_the_right_type(staff, remiss, done, client_for, fmt, content_type, magic):
    response = client_for(staff).get(reverse("compilation:download", args=[remiss.pk, done.pk, fmt]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert f".{fmt}" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(magic)
    assert AuditEvent.objects.filter(action="compilation.downloaded", data__format=fmt).exists()


def test_unknown_format_and_unfinished_compilation_give_404(staff, remiss, done, client_for):
    client = client_for(staff)
    assert client.get(reverse("compilation:download", args=[remiss.pk, done.pk, "odt"])).status_code == 404
    running = Compilation.objects.create(remiss=remiss, created_by=staff, status=CompilationStatus.RUNNING)
    assert client.get(reverse("compilation:download", args=[remiss.pk, running.pk, "pdf"])).status_code == 404


def test_compilation_of_another_remiss_is_not_reachable_through_this_one(staff, remiss, done, ministry, client_for):
    mine = f.PublishedRemissFactory(ministry=ministry)
    url = reverse("compilation:detail", args=[mine.pk, done.pk])
    assert client_for(staff).get(url).status_code == 404


def test_cancel_and_retry(staff, remiss, client_for, django_capture_on_commit_callbacks):
    compilation = Compilation.objects.create(remiss=remiss, created_by=staff, status=CompilationStatus.RUNNING)
    client = client_for(staff)
    response = client.post(reverse("compilation:cancel", args=[remiss.pk, compilation.pk]), follow=True)
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.CANCELLED
    assert "Sammanställningen avbröts." in response.content.decode()
    assert client.get(reverse("compilation:cancel", args=[remiss.pk, compilation.pk])).status_code == 405
    again = client.post(reverse("compilation:cancel", args=[remiss.pk, compilation.pk]), follow=True)
    assert "kan inte avbrytas" in again.content.decode()
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("compilation:retry", args=[remiss.pk, compilation.pk]))
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.QUEUED and len(callbacks) == 1


def test_failure_is_shown_in_swedish_with_a_retry_button(staff, remiss, client_for):
    compilation = Compilation.objects.create(
        remiss=remiss,
        created_by=staff,
        status=CompilationStatus.FAILED,
        error="Sammanställningen tog för lång tid och avbröts.",
    )
    html = client_for(staff).get(reverse("compilation:detail", args=[remiss.pk, compilation.pk])).content.decode()
    assert "Sammanställningen misslyckades." in html and "tog för lång tid" in html and "Försök igen" in html


def test_out_of_date_marking_and_compare(staff, remiss, done, other_org, client_for):
    client = client_for(staff)
    recipient = remiss.recipients.get(organisation=other_org)
    newer = f.make_submission(recipient, answers={remiss.p1: (Stance.OPPOSES, "Värmdö avstyrker.")})
    listing = client.get(reverse("compilation:list", args=[remiss.pk])).content.decode()
    assert "Inaktuell" in listing
    second = Compilation.objects.create(remiss=remiss, created_by=staff, params=data.normalise_params({}))
    assert run_compilation_task(second.pk) == "done"
    html = client.get(reverse("compilation:compare", args=[remiss.pk, second.pk]), {"med": done.pk}).content.decode()
    assert "Nya svar" in html and "Värmdö kommun (version 1)" in html
    assert newer in second.included.all()
    bad = client.get(reverse("compilation:compare", args=[remiss.pk, second.pk]), {"med": "abc"})
    assert bad.status_code == 400 and "Välj en av" in bad.content.decode()


@pytest.mark.parametrize(
    "status,cancel,retry",
    [
        (CompilationStatus.QUEUED, True, False),
        (CompilationStatus.RUNNING, True, False),
        (CompilationStatus.FAILED, False, True),
        (CompilationStatus.CANCELLED, False, True),
        (CompilationStatus.DONE, False, False),
    ],
)
def test_the_polled_status_block_carries_the_right_button(staff, remiss, client_for, status, cancel, retry):
    """The buttons live in the block htmx swaps, so a failure seen while watching offers "Försök igen"
    and a finished compilation loses "Avbryt" without a reload."""
    compilation = Compilation.objects.create(
        remiss=remiss, created_by=staff, params=data.normalise_params({}), status=status, error="Fel."
    )
    partial = client_for(staff).get(reverse("compilation:status", args=[remiss.pk, compilation.pk])).content.decode()
    assert ("Avbryt sammanställningen" in partial) is cancel
    assert (reverse("compilation:cancel", args=[remiss.pk, compilation.pk]) in partial) is cancel
    assert ("Försök igen" in partial) is retry
    assert (reverse("compilation:retry", args=[remiss.pk, compilation.pk]) in partial) is retry
    assert ('name="csrfmiddlewaretoken"' in partial) is (cancel or retry)


def test_progress_shows_chunks_done(staff, remiss, client_for):
    compilation = Compilation.objects.create(
        remiss=remiss, created_by=staff, status=CompilationStatus.RUNNING, chunks_total=40, chunks_done=13, progress=32
    )
    partial = client_for(staff).get(reverse("compilation:status", args=[remiss.pk, compilation.pk])).content.decode()
    assert "13 av 40 delar klara" in partial and "32 % klart" in partial


def test_scope_form_explains_how_kind_and_county_combine(staff, remiss, client_for):
    html = client_for(staff).get(reverse("compilation:list", args=[remiss.pk])).content.decode()
    assert "Typ och län gäller tillsammans" in html and "bara kommunerna i Skåne" in html
    assert 'aria-describedby="id_include_late_helptext"' in html and 'id="id_include_late_helptext"' in html
    assert "Gäller även besked om att avstå som kom in för sent." in html
