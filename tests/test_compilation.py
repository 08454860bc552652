"""The remissammanställning: figures, PDF content, spreadsheets, out-of-date marking, recovery."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.models import OrganisationKind
from remiss.compilation import data, pipeline, service
from remiss.models import Compilation, CompilationStatus, Stance
from tests import factories as f

S, P, O, N = Stance.SUPPORTS, Stance.PARTLY, Stance.OPPOSES, Stance.NO_VIEW  # noqa: E741


@pytest.fixture
def small(ministry, org, other_org, staff):
    """A remiss with 3 proposals in 2 sections and 7 recipients in every state."""
    remiss = f.PublishedRemissFactory(
        ministry=ministry, title="Betänkandet Bättre skola (SOU 2026:7)", reference="U2026/00042"
    )
    s1 = f.SectionFactory(remiss=remiss, number="5.1", title="Skolans styrning", position=0)
    s2 = f.SectionFactory(remiss=remiss, number="6.2", title="Finansiering", position=1)
    p1 = f.ProposalFactory(section=s1, text="Staten ska ta över ansvaret för skolan.", position=0)
    p2 = f.ProposalFactory(section=s1, text="En ny skolmyndighet inrättas.", position=1)
    p3 = f.ProposalFactory(section=s2, text="Skolpengen ska bli nationell.", position=0)
    region = f.OrganisationFactory(name="Region Stockholm", kind=OrganisationKind.REGION, code="01")
    agency = f.OrganisationFactory(name="Skolverket", kind=OrganisationKind.AGENCY, code="", county="")
    silent = f.OrganisationFactory(name="Tyresö kommun", code="0138")
    late = f.OrganisationFactory(name="Lidingö stad", code="0186")
    declined = f.OrganisationFactory(name="Solna stad", code="0184")
    r = {
        o.name: f.RecipientFactory(remiss=remiss, organisation=o)
        for o in (org, other_org, region, agency, silent, late, declined)
    }
    f.make_submission(
        r["Nacka kommun"],
        answers={
            p1: (S, "Nacka välkomnar ett tydligare statligt ansvar."),
            p2: (O, "Nacka anser att ytterligare en myndighet skapar otydlighet."),
        },
    )
    f.make_submission(
        r["Värmdö kommun"],
        answers={
            p1: (S, "Värmdö instämmer."),
            p2: (P, "Värmdö tillstyrker delvis, med reservation för kostnaderna."),
            p3: (N, ""),
        },
    )
    f.make_submission(
        r["Region Stockholm"],
        answers={
            p1: (O, "Regionen avstyrker förslaget om förstatligande."),
            p2: (S, "Regionen stödjer myndigheten."),
            p3: (O, "Regionen avstyrker en nationell skolpeng."),
        },
    )
    f.make_submission(r["Skolverket"], number=1, answers={p1: (P, "Första versionen från Skolverket.")})
    f.make_submission(
        r["Skolverket"],
        number=2,
        answers={
            p1: (S, "Skolverket tillstyrker i rättad version."),
            p2: (S, "Skolverket välkomnar uppdraget."),
            p3: (P, "Skolverket tillstyrker delvis en nationell skolpeng."),
        },
    )
    f.make_submission(r["Lidingö stad"], is_late=True, answers={p1: (O, "Lidingö avstyrker, sent inkommet.")})
    f.make_submission(r["Solna stad"], declined=True)
    return {"remiss": remiss, "proposals": (p1, p2, p3), "sections": (s1, s2), "recipients": r, "staff": staff}


def compile_now(remiss, by, **params) -> Compilation:
    compilation = Compilation.objects.create(remiss=remiss, created_by=by, params=data.normalise_params(params))
    assert pipeline.build(compilation_id=compilation.pk)
    compilation.refresh_from_db()
    return compilation


def pdf_text(compilation) -> str:
    with compilation.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def counts_of(figures, label):
    for section in figures["sections"]:
        for proposal in section["proposals"]:
            if proposal["label"] == label:
                return {c["stance"]: c["n"] for c in proposal["counts"]}
    raise AssertionError(label)


def test_figures_use_the_newest_submission_and_count_stances(small):
    p1, p2, p3 = small["proposals"]
    figures = data.gather(small["remiss"], {})
    assert counts_of(figures, p1.label) == {"supports": 3, "partly": 0, "opposes": 2, "no_view": 0, "none": 0}
    assert counts_of(figures, p2.label) == {"supports": 2, "partly": 1, "opposes": 1, "no_view": 0, "none": 1}
    assert counts_of(figures, p3.label) == {"supports": 0, "partly": 1, "opposes": 1, "no_view": 1, "none": 2}
    statuses = {r["name"]: r["status_label"] for r in figures["recipients"]}
    assert statuses == {
        "Nacka kommun": "Svarat",
        "Värmdö kommun": "Svarat",
        "Region Stockholm": "Svarat",
        "Skolverket": "Svarat",
        "Tyresö kommun": "Ej svarat",
        "Lidingö stad": "Inkommit för sent",
        "Solna stad": "Avstått",
    }
    assert figures["answer_count"] == 5 and figures["declined_count"] == 1


def test_scope_by_kind_without_late_answers(small):
    p1 = small["proposals"][0]
    figures = data.gather(small["remiss"], {"kinds": ["kommun"], "include_late": False})
    assert [r["name"] for r in figures["recipients"]] == [
        "Lidingö stad",
        "Nacka kommun",
        "Solna stad",
        "Tyresö kommun",
        "Värmdö kommun",
    ]
    assert counts_of(figures, p1.label)["supports"] == 2
    assert counts_of(figures, p1.label)["opposes"] == 0  # Lidingö's late answer is left out


def test_scope_by_section(small):
    s2 = small["sections"][1]
    figures = data.gather(small["remiss"], {"sections": [s2.pk]})
    assert [p["label"] for s in figures["sections"] for p in s["proposals"]] == [small["proposals"][2].label]


def test_pdf_holds_title_status_list_counts_comments_and_appendix(small, staff):
    compilation = compile_now(small["remiss"], staff)
    assert compilation.status == CompilationStatus.DONE and compilation.progress == 100
    text = pdf_text(compilation)
    assert "Remissammanställning" in text and "Betänkandet Bättre skola (SOU 2026:7)" in text
    assert "U2026/00042" in text
    for name, status in [
        ("Tyresö kommun", "Ej svarat"),
        ("Lidingö stad", "Inkommit för sent"),
        ("Solna stad", "Avstått"),
    ]:
        assert name in text and status in text
    assert "Innehåll" in text and "Remisslista" in text
    for comment in [
        "Nacka välkomnar ett tydligare statligt ansvar.",
        "Regionen avstyrker en nationell skolpeng.",
        "Skolverket tillstyrker i rättad version.",
        "Lidingö avstyrker, sent inkommet.",
    ]:
        assert comment in text.replace("\n", " ")
    assert "Första versionen från Skolverket." not in text
    assert "Bilaga: fullständiga remissvar" in text
    flat = text.replace("\n", " ")
    assert "Yttrande från Nacka kommun" in flat and "Avstår från att yttra sig från Solna stad" in flat
    reader = PdfReader(compilation.pdf.path)
    assert compilation.page_count == len(reader.pages)
    assert f"sida 1 av {len(reader.pages)}" in reader.pages[0].extract_text()
    assert f"sida {len(reader.pages)} av {len(reader.pages)}" in reader.pages[-1].extract_text()
    titles = _outline_titles(reader.outline)
    assert "Remisslista" in titles and "Nacka kommun" in titles and "Bilaga: fullständiga remissvar" in titles
    assert compilation.included.count() == 6


def _outline_titles(outline) -> list[str]:
    result = []
    for item in outline:
        if isinstance(item, list):
            result += _outline_titles(item)
        else:
            result.append(item.title)
    return result


def test_comment_under_its_organisation_grouped_by_stance(small, staff):
    p1 = small["proposals"][0]
    compilation = compile_now(small["remiss"], staff, appendix=False)
    text = pdf_text(compilation)
    assert "Bilaga" not in text
    supports = text.index(f"Tillstyrker – {p1.label}")
    opposes = text.index(f"Avstyrker – {p1.label}")
    nacka = text.index("Nacka kommun\nNacka välkomnar")
    region = text.index("Region Stockholm\nRegionen avstyrker förslaget om förstatligande.")
    assert supports < nacka < opposes < region


def test_counts_table_in_pdf(small, staff):
    compilation = compile_now(small["remiss"], staff, appendix=False)
    text = pdf_text(compilation)
    assert "Tillstyrker 3 60 %" in text and "Avstyrker 2 40 %" in text and "Totalt 5" in text


def test_xlsx_and_csv_hold_the_same_numbers(small, staff):
    p1, p2, p3 = small["proposals"]
    compilation = compile_now(small["remiss"], staff)
    book = load_workbook(compilation.xlsx.path)
    summary = book.worksheets[0]
    rows = list(summary.iter_rows(values_only=True))
    assert rows[0] == (
        "Förslag",
        "Förslagstext",
        "Tillstyrker",
        "Tillstyrker delvis",
        "Avstyrker",
        "Inga synpunkter",
        "Ej besvarad",
        "Totalt",
    )
    assert rows[1][0] == p1.label and rows[1][2:] == (3, 0, 2, 0, 0, 5)
    assert rows[3][0] == p3.label and rows[3][2:] == (0, 1, 1, 1, 2, 5)
    detail = list(book.worksheets[1].iter_rows(values_only=True))
    assert (
        "Nacka kommun",
        p2.label,
        p2.text,
        "Avstyrker",
        "Nacka anser att ytterligare en myndighet skapar otydlighet.",
    ) in detail
    assert len(detail) == 1 + 5 * 3
    with compilation.csv.open("rb") as handle:
        lines = list(csv.reader(io.StringIO(handle.read().decode("utf-8-sig")), delimiter=";"))
    assert lines[0][0] == "Organisation" and len(lines) == 16


def test_spreadsheet_neutralises_formulas(small, staff):
    p1 = small["proposals"][0]
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={p1: (S, '=HYPERLINK("http://x")')})
    compilation = compile_now(small["remiss"], staff)
    detail = list(load_workbook(compilation.xlsx.path).worksheets[1].iter_rows(values_only=True))
    assert any(row[4] == '\'=HYPERLINK("http://x")' for row in detail)


def test_a_new_answer_makes_the_compilation_out_of_date_and_reuses_chunks(small, staff):
    from remiss.compilation import history

    p1 = small["proposals"][0]
    first = compile_now(small["remiss"], staff)
    assert not history.is_out_of_date(first)
    newer = f.make_submission(small["recipients"]["Tyresö kommun"], answers={p1: (O, "Tyresö avstyrker.")})
    assert history.is_out_of_date(first)
    second = compile_now(small["remiss"], staff)
    assert not history.is_out_of_date(second)
    diff = history.compare(first, second)
    assert [s.pk for s in diff["added"]] == [newer.pk]
    assert diff["changed"] == [] and diff["removed"] == []
    assert "Tyresö avstyrker." in pdf_text(second)


def test_resubmission_shows_as_changed(small, staff):
    p1 = small["proposals"][0]
    from remiss.compilation import history

    first = compile_now(small["remiss"], staff)
    f.make_submission(small["recipients"]["Nacka kommun"], number=2, answers={p1: (P, "Nacka ändrar sig.")})
    second = compile_now(small["remiss"], staff)
    diff = history.compare(first, second)
    assert [s.response.recipient.organisation.name for s in diff["changed"]] == ["Nacka kommun"]


def test_incremental_compile_renders_only_changed_chunks(small, staff, monkeypatch):
    from remiss.compilation import chunks

    compile_now(small["remiss"], staff)
    rendered = []
    original = chunks.render_chunk
    monkeypatch.setattr(chunks, "render_chunk", lambda c: rendered.append(c["kind"]) or original(c))
    compile_now(small["remiss"], staff)
    assert rendered == []
    p3 = small["proposals"][2]
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={p3: (S, "Tyresö tillstyrker skolpengen.")})
    compile_now(small["remiss"], staff)
    # the remisslista, the head of every proposal (counts change) and the comment blocks that gained an entry
    assert rendered.count("list") == 1 and rendered.count("proposal") == 3
    assert rendered.count("comments") <= 3


def test_sweeper_requeues_then_fails_a_stuck_compilation(small, staff, settings, django_capture_on_commit_callbacks):
    import datetime as dt

    from django.utils import timezone

    settings.REMISS_COMPILATION_STALE_SECONDS = 5
    settings.REMISS_COMPILATION_MAX_ATTEMPTS = 2
    old = timezone.now() - dt.timedelta(seconds=60)
    stuck = Compilation.objects.create(
        remiss=small["remiss"],
        created_by=staff,
        params=data.normalise_params({}),
        status=CompilationStatus.RUNNING,
        attempts=1,
        heartbeat_at=old,
    )
    fresh = Compilation.objects.create(
        remiss=small["remiss"],
        created_by=staff,
        params=data.normalise_params({}),
        status=CompilationStatus.RUNNING,
        attempts=1,
        heartbeat_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks() as callbacks:
        result = service.sweep_stale()
    assert result == {"requeued": [stuck.pk], "failed": []}
    assert len(callbacks) == 1
    stuck.refresh_from_db()
    assert stuck.status == CompilationStatus.QUEUED
    Compilation.objects.filter(pk=stuck.pk).update(status=CompilationStatus.RUNNING, attempts=2, heartbeat_at=old)
    assert service.sweep_stale() == {"requeued": [], "failed": [stuck.pk]}
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert stuck.status == CompilationStatus.FAILED and "livstecken" in stuck.error
    assert fresh.status == CompilationStatus.RUNNING


def test_cancelled_compilation_stops_and_can_be_retried(small, staff, django_capture_on_commit_callbacks):
    compilation = Compilation.objects.create(remiss=small["remiss"], created_by=staff, params=data.normalise_params({}))
    service.cancel_compilation(compilation=compilation, by=staff)
    assert not pipeline.build(compilation_id=compilation.pk)
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.CANCELLED and not compilation.pdf
    with pytest.raises(service.CompilationError):
        service.cancel_compilation(compilation=compilation, by=staff)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        service.retry_compilation(compilation=compilation, by=staff)
    assert len(callbacks) == 1
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.QUEUED


def test_render_failure_is_recorded_in_swedish(small, staff, monkeypatch):
    from remiss.compilation import chunks

    def boom(chunk):
        raise RuntimeError("weasyprint exploded")

    monkeypatch.setattr(chunks, "render_chunk", boom)
    compilation = Compilation.objects.create(remiss=small["remiss"], created_by=staff, params=data.normalise_params({}))
    with pytest.raises(RuntimeError):
        pipeline.build(compilation_id=compilation.pk)
    compilation.refresh_from_db()
    assert compilation.status == CompilationStatus.FAILED
    assert "tekniskt fel" in compilation.error


def test_big_proposals_are_cut_into_blocks_and_one_answer_rerenders_one_block_each(small, staff, settings, monkeypatch):
    from remiss.compilation import chunks

    settings.REMISS_COMPILATION_BLOCK = 1  # every organisation its own block: the block path on a small remiss
    compile_now(small["remiss"], staff, appendix=False)
    rendered = []
    original = chunks.render_chunk
    monkeypatch.setattr(chunks, "render_chunk", lambda c: rendered.append(c["kind"]) or original(c))
    p3 = small["proposals"][2]
    f.make_submission(small["recipients"]["Tyresö kommun"], answers={p3: (S, "Tyresö tillstyrker skolpengen.")})
    compilation = compile_now(small["remiss"], staff, appendix=False)
    assert sorted(rendered) == ["comments"] * 3 + ["list"] + ["proposal"] * 3
    assert "Tyresö tillstyrker skolpengen." in pdf_text(compilation)
